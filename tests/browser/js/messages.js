// Every compiler message and panic (a text block whose caption, right under
// it, is `caption compiler` or `caption panic`): how much of it lies off to
// the side, to be scrolled to (the block's own scrolling, or past the column).
async () => {
    await frames();
    const column = document.querySelector('main').getBoundingClientRect();
    return [...document.querySelectorAll('main pre > code.language-text')].map((code, i) => {
        const pre = code.parentElement;
        const caption = pre.nextElementSibling;
        if (!caption || !caption.matches('p.caption.compiler, p.caption.panic')) return null;
        pre.id = pre.id || ('reader-message-' + i);
        const box = pre.getBoundingClientRect();
        return {
            id: pre.id,
            kind: caption.classList.contains('compiler') ? 'compiler' : 'panic',
            firstLine: code.textContent.trim().split('\n')[0].slice(0, 80),
            hidden: Math.max(0, code.scrollWidth - code.clientWidth, pre.scrollWidth - pre.clientWidth,
                box.right - column.right),
        };
    }).filter(Boolean);
}
