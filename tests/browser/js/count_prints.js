// Installed before any script of a page (a script, not a function): the print
// dialog cannot open headless, so the page's calls are counted instead, and
// `__readerPrinted` resolves on the first.
window.__readerPrinted = new Promise(resolve => {
    window.print = () => { window.__readerPrints = (window.__readerPrints || 0) + 1; resolve(); };
});
