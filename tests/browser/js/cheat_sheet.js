// Every table of the page, at the window's width: its columns (header, left
// and right edges), every cell whose box or text reaches outside the window,
// and every word (an identifier, say) that a line break cuts in two.
() => {
    const width = document.documentElement.clientWidth;
    const range = document.createRange();
    const word = /[\p{L}\p{N}_]/u;
    // The line breaks inside `cell` that fall between two characters of a word.
    const cutWords = cell => {
        const cuts = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let last = null; // the previous character: its node, offset, line top
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
            const s = t.textContent;
            for (let i = 0; i < s.length; i++) {
                if (/\s/.test(s[i])) { last = null; continue; }
                range.setStart(t, i);
                range.setEnd(t, i + 1);
                const rects = range.getClientRects();
                if (!rects.length) continue;
                const r = rects[rects.length - 1];
                if (last && r.top > last.bottom - 1 && word.test(last.char) && word.test(s[i])) {
                    const text = t.parentElement.textContent.trim();
                    cuts.push({ text: text.slice(0, 60), at: last.char + '|' + s[i] });
                }
                last = { char: s[i], bottom: r.bottom };
            }
        }
        return cuts;
    };
    return [...document.querySelectorAll('main table')].map((table, n) => {
        table.id = table.id || ('reader-table-' + n);
        const outside = [];
        const cut = [];
        const rows = [...table.rows];
        for (const [row, tr] of rows.entries()) {
            for (const [column, cell] of [...tr.cells].entries()) {
                const box = cell.getBoundingClientRect();
                range.selectNodeContents(cell);
                const text = [...range.getClientRects()];
                const left = Math.min(box.left, ...text.map(r => r.left));
                const right = Math.max(box.right, ...text.map(r => r.right));
                if (left < -0.5 || right > width + 0.5) {
                    outside.push({ row, column, text: cell.textContent.trim().slice(0, 50), left, right });
                }
                for (const c of cutWords(cell)) cut.push({ row, column, ...c });
            }
        }
        const columns = [...rows[0].cells].map(c => {
            const r = c.getBoundingClientRect();
            return { header: c.textContent.trim(), left: r.left, right: r.right };
        });
        return { id: table.id, width, rows: rows.length, columns, outside, cut };
    });
}
