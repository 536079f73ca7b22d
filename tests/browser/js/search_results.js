// The addresses of the search results, once there are any (up to 5 s).
async () => {
    for (let i = 0; i < 100; i++) {
        const links = [...document.querySelectorAll('#mdbook-searchresults li a')];
        if (links.length) return links.map(a => a.href);
        await new Promise(r => setTimeout(r, 50));
    }
    return [];
}
