// Adds to the page a line that cannot wrap and runs far off the right edge,
// which overflow.js must report, or it is blind and proves nothing.
(id) => {
    const p = document.createElement('p');
    p.id = id;
    p.style.cssText = 'white-space: nowrap; overflow-wrap: normal; word-break: normal';
    p.textContent = (id + ' ').repeat(40);
    document.querySelector('main').append(p);
    return true;
}
