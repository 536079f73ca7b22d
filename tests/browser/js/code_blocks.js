// Every code block of the page: its classes and language, its buttons, its
// hidden (`.boring`) lines, the caption under it, and how it looks.
() => [...document.querySelectorAll('main pre > code')].map((code, i) => {
    const pre = code.parentElement;
    pre.id = pre.id || ('reader-pre-' + i);
    const classes = [...code.classList];
    const play = pre.querySelector('.play-button');
    const eye = pre.querySelector('.buttons button[title="Show hidden lines"]');
    const next = pre.nextElementSibling;
    const caption = next && next.matches('p.caption') ? next : null;
    const s = getComputedStyle(pre);
    return {
        id: pre.id,
        classes,
        lang: (classes.find(c => c.startsWith('language-')) || '').slice(9),
        playground: pre.classList.contains('playground'),
        run: !!play && !play.hidden && !play.classList.contains('hidden') && getComputedStyle(play).display !== 'none',
        hasRun: !!play,
        boring: code.querySelectorAll('.boring').length,
        eye: !!eye,
        caption: caption ? {
            classes: [...caption.classList],
            text: caption.textContent.trim(),
            code: [...caption.querySelectorAll('code')].map(c => c.textContent.trim()),
            marker: getComputedStyle(caption, '::before').content,
        } : null,
        look: [s.borderTopStyle, s.borderTopColor, s.backgroundColor, getComputedStyle(code).backgroundColor].join(' '),
    };
})
