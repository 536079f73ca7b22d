// Every stylesheet, script, font and image the page asked for that did not
// come back with a 2xx status, as "url -> status".
() => performance.getEntriesByType('resource')
    .filter(e => e.responseStatus && (e.responseStatus < 200 || e.responseStatus > 299))
    .map(e => e.name + ' -> ' + e.responseStatus)
