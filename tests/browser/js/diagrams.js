// The diagrams of the page: images, and inline SVGs with words or a large
// canvas (not icons of callouts or buttons); their size, whether they fit the
// text column, their shapes, and each label shown: its contrast and its font
// size as drawn (the SVG's scale applied).
() => [...document.querySelectorAll('main svg, main img, main object')]
    .filter(e => !e.closest('.blockquote-tag-title, .callout-title, .buttons, .fa-svg, button'))
    .filter(e => e.tagName.toLowerCase() !== 'svg' || !e.parentElement.closest('svg'))
    .filter(e => e.tagName.toLowerCase() !== 'svg' || e.querySelector('text') !== null
        || (e.viewBox && e.viewBox.baseVal && e.viewBox.baseVal.width > 64)
        || parseFloat(e.getAttribute('width') || '0') > 64)
    .map((e, i) => {
        e.id = e.id || ('reader-diagram-' + i);
        const r = e.getBoundingClientRect();
        const main = document.querySelector('main').getBoundingClientRect();
        const tag = e.tagName.toLowerCase();
        return {
            id: e.id, tag, width: r.width, height: r.height,
            fits: r.left >= main.left - 1 && r.right <= main.right + 1,
            loaded: tag === 'img' ? (e.complete && e.naturalWidth > 0) : true,
            shapes: tag === 'svg' ? [...e.querySelectorAll('rect, path, line, polyline, polygon, circle, ellipse')].filter(visible).length : null,
            texts: tag === 'svg' ? [...e.querySelectorAll('text')].filter(visible).map(t => {
                // A label against the shape drawn behind it, else the page.
                t.scrollIntoView({ block: 'center', behavior: 'instant' });
                const b = t.getBoundingClientRect();
                const stack = document.elementsFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                const painted = x => {
                    const s = getComputedStyle(x);
                    const c = rgba(s.fill);
                    c[3] *= parseFloat(s.fillOpacity) * parseFloat(s.opacity);
                    return c;
                };
                const behind = stack.slice(stack.indexOf(t) + 1).find(x => x !== e && e.contains(x)
                    && /^(rect|path|circle|ellipse|polygon)$/.test(x.tagName) && painted(x)[3] > 0);
                let bg = backgroundOf(e);
                if (behind) bg = over(painted(behind), bg);
                const fg = over(painted(t), bg);
                const ctm = t.getScreenCTM();
                const scale = ctm ? Math.hypot(ctm.b, ctm.d) : 1;
                const px = parseFloat(getComputedStyle(t).fontSize) * scale;
                return { text: t.textContent.trim(), ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg), px };
            }) : null,
            src: e.getAttribute('src') || e.getAttribute('data') || null,
        };
    })
