// An expression, run outside `call` (it must not throw while a page loads):
// the new document has loaded.
!window.__readerStale && document.readyState === 'complete'
