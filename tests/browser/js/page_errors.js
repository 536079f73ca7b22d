// The errors `in_page_errors.js` kept since the page opened.
() => window.__readerErrors || []
