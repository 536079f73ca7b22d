// At the window's width: what runs off the right edge of the page. Every
// visible element, and every piece of text, whose box ends past the edge,
// outside code blocks (`pre` scrolls inside itself); only the outermost of
// nested ones. And whether the document scrolls sideways.
(limit) => {
    const width = document.documentElement.clientWidth;
    const describe = e => {
        const cls = typeof e.className === 'string' && e.className.trim()
            ? '.' + e.className.trim().split(/\s+/).join('.') : '';
        return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls;
    };
    const snippet = s => JSON.stringify(s.replace(/\s+/g, ' ').trim().slice(0, 50));
    // An element that cuts its text with an ellipsis (mdBook's menu title)
    // shows the reader where the text stops: what it cuts does not run off.
    const ellipsis = e => {
        for (; e; e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.textOverflow === 'ellipsis' && /hidden|clip/.test(s.overflowX)) return e;
        }
        return null;
    };
    const rightOf = (node, right) => {
        const cut = ellipsis(node.parentElement);
        return cut ? Math.min(right, cut.getBoundingClientRect().right) : right;
    };
    const off = new Set();
    const found = [];
    for (const e of document.body.querySelectorAll('*')) {
        if (e.closest('pre') || !visible(e)) continue;
        const r = e.getBoundingClientRect();
        if ((r.width > 0 || r.height > 0) && r.right > width + 0.5 && rightOf(e, r.right) > width + 0.5) {
            off.add(e);
            if (!off.has(e.parentElement)) {
                found.push({ what: describe(e) + ' ' + snippet(e.textContent), right: r.right });
            }
        }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const parent = t.parentElement;
        if (!t.textContent.trim() || !parent || parent.closest('pre') || off.has(parent) || !visible(parent)) continue;
        range.selectNodeContents(t);
        const right = Math.max(...[...range.getClientRects()].map(r => r.right), -Infinity);
        if (right > width + 0.5 && rightOf(t, right) > width + 0.5) found.push({ what: 'text in ' + describe(parent) + ' ' + snippet(t.textContent), right });
    }
    const y = scrollY;
    scrollTo({ left: 100000, top: y, behavior: 'instant' });
    const scrolled = scrollX;
    scrollTo({ left: 0, top: y, behavior: 'instant' });
    return {
        width,
        scroll_width: document.documentElement.scrollWidth,
        scrolled,
        count: found.length,
        off: found.slice(0, limit),
    };
}
