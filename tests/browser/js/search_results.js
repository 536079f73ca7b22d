// The addresses of the search results, as soon as any show (or none, after 5 s).
async () => {
    const list = document.getElementById('mdbook-searchresults');
    const links = () => [...list.querySelectorAll('li a')].map(a => a.href);
    if (!links().length) {
        await within(5000, 'search results', new Promise(resolve => {
            const seen = new MutationObserver(() => { if (links().length) { seen.disconnect(); resolve(); } });
            seen.observe(list, { childList: true, subtree: true });
        })).catch(() => {});
    }
    return links();
}
