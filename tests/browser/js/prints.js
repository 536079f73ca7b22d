// How many times the page called window.print (count_prints.js), once it has
// (mdBook's print.html calls it after its load event), or 0 after 5 s.
async () => {
    await within(5000, 'window.print', window.__readerPrinted).catch(() => {});
    return window.__readerPrints || 0;
}
