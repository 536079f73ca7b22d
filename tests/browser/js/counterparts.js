// Every Python counterpart of the page (`<details class="counterpart">`), or
// the one with id `only`: whether it is open, and whether its code shows
// (read once what the page last changed is drawn).
async (only) => {
    await frames();
    return [...document.querySelectorAll('main details.counterpart')]
        .map((d, i) => {
            d.id = d.id || ('reader-counterpart-' + i);
            const summary = d.querySelector(':scope > summary');
            const code = d.querySelector('pre > code.language-python');
            const box = code ? code.getBoundingClientRect() : null;
            return {
                id: d.id,
                open: d.open,
                summary: summary ? summary.textContent.trim() : null,
                code: code ? {
                    // Closed <details> keep their content laid out but skipped
                    // (content-visibility: hidden): checkVisibility tells.
                    shows: visible(code) && code.checkVisibility({ visibilityProperty: true, opacityProperty: true })
                        && box.height > 0 && box.width > 0,
                    first_line: code.textContent.trim().split('\n')[0],
                } : null,
            };
        })
        .filter(d => only === null || d.id === only);
}
