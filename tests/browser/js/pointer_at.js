// Where a reader's pointer goes to reach the element `selector` finds:
// scrolled into view if it is not wholly in the window, its middle, drawn.
// Throws if something else covers that point (a click would land there).
async (selector) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error('no element matches ' + selector);
    const r0 = el.getBoundingClientRect();
    if (r0.top < 0 || r0.left < 0 || r0.bottom > innerHeight || r0.right > innerWidth) {
        el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        await frames();
    }
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const top = document.elementFromPoint(x, y);
    if (!top || !(el === top || el.contains(top))) {
        throw new Error(selector + ' is covered at its middle by ' + (top ? top.outerHTML.slice(0, 120) : 'nothing'));
    }
    return { x, y };
}
