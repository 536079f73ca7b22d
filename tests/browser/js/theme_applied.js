// Whether the page shows in `theme`.
(theme) => document.documentElement.classList.contains(theme)
