// Chooses `theme` with mdBook's theme menu, as a reader does (mdBook also
// keeps the choice for the pages opened next, in localStorage): whether the
// page now shows in it, drawn.
async (theme) => {
    const button = document.getElementById('mdbook-theme-' + theme);
    if (!button) return false;
    button.click();
    await frames();
    return document.documentElement.classList.contains(theme);
}
