// For the screenshots: marks the first output and the first compiler message
// with the listing above each (`reader-end-KIND` on the caption); returns the
// ids of the first element of each span, or null if the page lacks either.
() => {
    const mark = kind => {
        const end = document.querySelector('main p.caption.' + kind);
        if (!end) return null;
        let start = end.previousElementSibling;
        const before = start && start.previousElementSibling;
        const listing = before && before.previousElementSibling;
        if (before && before.matches('p.caption') && listing && listing.matches('pre')) start = listing;
        start.id = start.id || ('reader-span-' + kind);
        end.id = 'reader-end-' + kind;
        return start.id;
    };
    const o = mark('output'), c = mark('compiler');
    return o && c ? [o, c] : null;
}
