// Helpers in scope of every script a check runs in a page (reader.rs, `call`):
// colours as a reader's screen gets them, WCAG contrast, visibility, settling.
const ctx2d = Object.assign(document.createElement('canvas'), { width: 1, height: 1 })
    .getContext('2d', { willReadFrequently: true });
function rgba(css) {
    const m = /^rgba?\(([^)]*)\)$/.exec(String(css).trim());
    if (m) {
        const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    ctx2d.clearRect(0, 0, 1, 1);
    ctx2d.fillStyle = 'rgba(0, 0, 0, 0)';
    ctx2d.fillStyle = css;
    ctx2d.fillRect(0, 0, 1, 1);
    const d = ctx2d.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
}
function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
// The colour behind an element: every background from <html> down, composited.
function backgroundOf(el) {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    let bg = [255, 255, 255, 1];
    for (const e of chain) bg = over(rgba(getComputedStyle(e).backgroundColor), bg);
    return bg;
}
function opacityOf(el) {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
}
function luminance(c) {
    const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function ratio(a, b) {
    const x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
function hex(c) {
    return '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
}
// A colour painted on `el`, against what is behind `el`.
function contrast(color, el) {
    const bg = backgroundOf(el);
    const fg = rgba(color);
    fg[3] *= opacityOf(el);
    const seen = over(fg, bg);
    return { ratio: ratio(seen, bg), fg: hex(seen), bg: hex(bg) };
}
function visible(el) {
    return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}
// The next `n` frames drawn: what the page changed before is laid out and painted.
function frames(n = 2) {
    return new Promise(r => {
        const step = () => (n-- > 0 ? requestAnimationFrame(step) : r());
        step();
    });
}
// Every CSS transition and animation under `el` (and `el`'s) has finished.
async function animationsDone(el) {
    await frames(1);
    await Promise.all(el.getAnimations({ subtree: true }).map(a => a.finished.catch(() => {})));
    await frames(1);
}
// The page has loaded, its fonts are in, and what its scripts did on load is drawn.
async function settled() {
    if (document.readyState !== 'complete') await new Promise(r => addEventListener('load', r, { once: true }));
    await document.fonts.ready;
    await frames();
}
// `promise`, or a rejection naming `what` after `ms` (a bound on a failure, never a pause).
function within(ms, what, promise) {
    let timer;
    const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(what + ': nothing after ' + ms + ' ms')), ms); });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
