// The address of the page's "Suggest an edit" link, or null.
() => {
    const a = document.querySelector('a[rel=edit]');
    return a ? a.href : null;
}
