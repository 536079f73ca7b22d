// An expression, run outside `call`: marks the current document, to tell the
// next one from it.
window.__readerStale = true
