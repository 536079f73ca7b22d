// In print media: whether the sidebar and the menu bar show, and main's height.
() => ({
    sidebar: getComputedStyle(document.getElementById('mdbook-sidebar')).display,
    menu: getComputedStyle(document.getElementById('mdbook-menu-bar')).display,
    main: document.querySelector('main').getBoundingClientRect().height,
})
