// Installed before any script of a page (a script, not a function): the print
// dialog cannot open headless, so the page's calls are counted instead.
window.print = () => { window.__readerPrints = (window.__readerPrints || 0) + 1; };
