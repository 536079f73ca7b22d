// The top bar's "Git repository" link, and every `a.repository-address` of
// the page (theme/head.hbs gives them the first one's address).
() => {
    const icon = document.querySelector('a[aria-label="Git repository"]');
    const link = a => ({ href: a.href, attr: a.getAttribute('href') || '', text: a.textContent.trim() });
    return {
        icon: icon ? link(icon) : null,
        addresses: [...document.querySelectorAll('a.repository-address')].map(link),
    };
}
