// Opens every Python counterpart of the page (`<details class="counterpart">`),
// as a reader who opens them all: how many, once drawn.
async () => {
    const all = [...document.querySelectorAll('main details.counterpart')];
    all.forEach(d => { d.open = true; });
    await frames();
    return all.length;
}
