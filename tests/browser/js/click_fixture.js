// For the proof of `click` (reader.rs): 'set up' adds, at the top of the
// page, a button that counts its clicks and one under a box that covers it;
// 'count' says how many clicks the first has had.
(mode) => {
    if (mode === 'count') return window.__readerFixtureClicks || 0;
    const main = document.querySelector('main');
    const open = Object.assign(document.createElement('button'), { id: 'reader-fixture-open', textContent: 'open' });
    open.addEventListener('click', () => { window.__readerFixtureClicks = (window.__readerFixtureClicks || 0) + 1; });
    const hidden = Object.assign(document.createElement('button'), { id: 'reader-fixture-covered', textContent: 'covered' });
    const wrap = Object.assign(document.createElement('div'), { style: 'position: relative' });
    const cover = Object.assign(document.createElement('div'), { id: 'reader-fixture-cover', style: 'position: absolute; inset: 0' });
    wrap.append(hidden, cover);
    main.prepend(open, wrap);
    return 0;
}
