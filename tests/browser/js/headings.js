// The text of every h1 and h2 of the page.
() => [...document.querySelectorAll('main h1, main h2')].map(h => h.textContent.trim())
