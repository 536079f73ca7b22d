// What the 404 page shows: its <base>, heading, stylesheets, sidebar links.
() => {
    const base = document.querySelector('base');
    const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
    return {
        base: base ? base.getAttribute('href') : null,
        title: document.title,
        h1: (document.querySelector('main h1') || {}).textContent || '',
        sheets: sheets.length,
        unstyled: sheets.filter(l => !l.disabled && !l.sheet).map(l => l.href),
        themed: getComputedStyle(document.body).fontFamily,
        toc: [...document.querySelectorAll('#mdbook-sidebar a[href]')].map(a => a.href),
    };
}
