// Every callout of the page, of each kind in `kinds` (the table KINDS of
// main.rs): its title, and the contrast of its title, icon and body text.
async (kinds) => {
    const out = [];
    for (const { name: kind, selector, title_selector, title: expected } of kinds) {
        const boxes = [...document.querySelectorAll('main ' + selector)];
        for (const [index, el] of boxes.entries()) {
            el.id = el.id || ('reader-' + kind + '-' + index);
            const title = el.querySelector(':scope > ' + title_selector);
            const r = { kind, expected, id: el.id, title: null };
            out.push(r);
            if (!title) continue;
            const t = contrast(getComputedStyle(title).color, title);
            const m = r.title = { text: title.textContent.trim(), contrast: t.ratio, color: t.fg, background: t.bg };
            const svg = title.querySelector('svg');
            if (svg) {
                const rect = svg.getBoundingClientRect();
                const path = svg.querySelector('path');
                let fill = getComputedStyle(path || svg).fill;
                if (!/^(rgb|#|color)/.test(fill)) fill = getComputedStyle(svg).color;
                const c = contrast(fill, title);
                m.icon = 'svg:' + (path ? path.getAttribute('d') : svg.innerHTML).slice(0, 60);
                m.iconOk = rect.width >= 10 && rect.height >= 10 && !!path && visible(svg);
                m.iconContrast = c.ratio; m.iconColor = c.fg;
            } else {
                const b = getComputedStyle(title, '::before');
                const mask = [b.maskImage, b.webkitMaskImage].find(m => m && m !== 'none') || '';
                const url = (/url\("?([^")]*)"?\)/.exec(mask) || [])[1];
                let loads = false;
                if (url) {
                    const img = new Image();
                    img.src = url;
                    loads = await img.decode().then(() => true, () => false);
                }
                const c = contrast(b.backgroundColor, title);
                m.icon = 'mask:' + (url || 'none').slice(-60);
                m.iconOk = b.content !== 'none' && parseFloat(b.width) >= 10 && parseFloat(b.height) >= 10 && loads;
                m.iconContrast = c.ratio; m.iconColor = c.fg;
            }
            // The body: every element with text of its own, outside the title.
            let worst = null;
            for (const e of [el, ...el.querySelectorAll('*')]) {
                if (title.contains(e) || e.closest('svg') || !visible(e)) continue;
                const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                if (!text) continue;
                const c = contrast(getComputedStyle(e).color, e);
                if (!worst || c.ratio < worst.ratio) {
                    const cls = typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '';
                    worst = { ratio: c.ratio, what: e.tagName.toLowerCase() + cls + ' ' + JSON.stringify(text.slice(0, 30)) + ' ' + c.fg + ' on ' + c.bg };
                }
            }
            m.bodyContrast = worst ? worst.ratio : null;
            m.bodyWorst = worst ? worst.what : 'no body text';
        }
    }
    return out;
}
