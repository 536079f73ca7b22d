// Scrolls the first callout of the page to the top of the window.
async () => {
    const first = document.querySelector('main .blockquote-tag, main .callout');
    first.scrollIntoView({ block: 'start', behavior: 'instant' });
    window.scrollBy({ top: -60, behavior: 'instant' });
    await frames();
    return true;
}
