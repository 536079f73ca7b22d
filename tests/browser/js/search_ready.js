// Resolves once mdBook's search index has loaded: the searcher adds its
// script to the page, and takes the `searching` class off the bar's frame
// when the index is in (or throws after 10 s).
async () => {
    const outer = document.getElementById('mdbook-searchbar-outer');
    const loading = () => !document.getElementById('mdbook-search-index') || outer.classList.contains('searching');
    if (loading()) {
        await within(10000, 'the search index', new Promise(resolve => {
            const seen = new MutationObserver(() => { if (!loading()) { seen.disconnect(); resolve(); } });
            seen.observe(outer, { attributes: true });
            seen.observe(document.head, { childList: true });
        }));
    }
    return true;
}
