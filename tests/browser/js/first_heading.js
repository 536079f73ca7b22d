// The text of the page's first heading, or null.
() => {
    const h = document.querySelector('main h1, main h2');
    return h ? h.textContent.trim() : null;
}
