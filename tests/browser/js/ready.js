// An expression, run outside `call` (it must not throw while a page loads),
// awaited: true once the new document has loaded; false at once in the old
// one (marked by stale.js).
window.__readerStale ? false : document.readyState === 'complete' ? true
    : new Promise(resolve => addEventListener('load', () => resolve(true), { once: true }))
