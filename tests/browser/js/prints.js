// How many times the page called window.print (count_prints.js), waiting up
// to two seconds for the first.
async () => {
    for (let i = 0; i < 40 && !window.__readerPrints; i++) await new Promise(r => setTimeout(r, 50));
    return window.__readerPrints || 0;
}
