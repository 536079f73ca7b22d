// How many hidden (`.boring`) lines of the block with id `id` show, after
// waiting `wait` ms.
async (id, wait) => {
    await new Promise(r => setTimeout(r, wait));
    return [...document.getElementById(id).querySelectorAll('.boring')].filter(visible).length;
}
