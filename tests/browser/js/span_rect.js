// Scrolls the span from `first` to `last` (selectors) into the window and
// returns its box in page coordinates, cut at the bottom of the window.
async (first, last) => {
    const a = document.querySelector(first), b = document.querySelector(last);
    if (!a || !b) throw new Error('no element ' + (a ? last : first));
    const height = () => b.getBoundingClientRect().bottom - a.getBoundingClientRect().top;
    const tall = height() > innerHeight - 120;
    a.scrollIntoView({ block: tall ? 'start' : 'center', behavior: 'instant' });
    if (tall) scrollBy({ top: -70, behavior: 'instant' });
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
    const left = Math.min(ra.left, rb.left), right = Math.max(ra.right, rb.right);
    const top = ra.top, bottom = Math.min(rb.bottom, innerHeight);
    return { x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top };
}
