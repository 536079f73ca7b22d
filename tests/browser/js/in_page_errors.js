// Installed before any script of a page: keeps the errors a reader's console
// would show (uncaught errors, failed resources, rejections, console.error).
(() => {
    const errors = [];
    Object.defineProperty(window, '__readerErrors', { value: errors });
    addEventListener('error', e => {
        const t = e.target;
        if (t && t !== window && (t.src || t.href)) errors.push('failed to load ' + (t.src || t.href));
        else errors.push('uncaught: ' + (e.message || e.error));
    }, true);
    addEventListener('unhandledrejection', e => {
        errors.push('unhandled rejection: ' + ((e.reason && e.reason.message) || e.reason));
    });
    const error = console.error.bind(console);
    console.error = (...args) => { errors.push('console.error: ' + args.join(' ')); error(...args); };
})();
