// Chooses a theme as a reader's choice is kept: in localStorage, which mdBook
// reads back on every page it opens.
(theme) => {
    localStorage.setItem('mdbook-theme', theme);
    return true;
}
