// Every listing that does not compile or that panics (`code.compile_fail`,
// `code.should_panic`, as mdBook writes the info string): the marker its block
// carries (the block's ::before), its words, contrast and size, and whether it
// fits on the block, inside the window.
async () => {
    await frames();
    const width = document.documentElement.clientWidth;
    // The strings of a computed `content`, up to its alternative text (after `/`).
    const words = content => {
        if (!content || content === 'none' || content === 'normal') return null;
        const parts = [];
        for (const m of content.matchAll(/"((?:[^"\\]|\\.)*)"|\//g)) {
            if (m[1] === undefined) break;
            parts.push(m[1].replace(/\\(.)/g, '$1'));
        }
        return parts.length ? parts.join('').trim() : null;
    };
    return [...document.querySelectorAll('main pre > code.compile_fail, main pre > code.should_panic')].map((code, i) => {
        const pre = code.parentElement;
        pre.id = pre.id || ('reader-marked-' + i);
        const kind = code.classList.contains('compile_fail') ? 'compile_fail' : 'should_panic';
        const s = getComputedStyle(pre, '::before');
        const text = s.display === 'none' || s.visibility === 'hidden' ? null : words(s.content);
        const bg = over(rgba(s.backgroundColor), backgroundOf(pre));
        const fg = over(rgba(s.color), bg);
        ctx2d.font = s.font || (s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily);
        const textWidth = text ? ctx2d.measureText(text).width : 0;
        const box = pre.getBoundingClientRect();
        const room = pre.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
            - parseFloat(s.marginLeft) - parseFloat(s.marginRight);
        return {
            id: pre.id,
            kind,
            text,
            contrast: ratio(fg, bg),
            color: hex(fg),
            background: hex(bg),
            px: parseFloat(s.fontSize),
            fits: textWidth <= room + 0.5 && box.left >= -0.5 && box.right <= width + 0.5,
        };
    });
}
