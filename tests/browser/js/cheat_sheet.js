// The table whose first header is `first_header`, at the window's width:
// its columns (header, left and right edges), and every cell whose box or
// text reaches outside the window. Null if the page has no such table.
(first_header) => {
    const width = document.documentElement.clientWidth;
    const table = [...document.querySelectorAll('main table')].find(t => {
        const th = t.querySelector('th');
        return th && th.textContent.trim() === first_header;
    });
    if (!table) return null;
    table.id = table.id || 'reader-cheat-sheet';
    const range = document.createRange();
    const outside = [];
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
        }
    }
    const columns = [...rows[0].cells].map(c => {
        const r = c.getBoundingClientRect();
        return { header: c.textContent.trim(), left: r.left, right: r.right };
    });
    return { id: table.id, width, rows: rows.length, columns, outside };
}
