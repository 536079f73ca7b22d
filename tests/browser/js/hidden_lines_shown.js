// How many hidden (`.boring`) lines of the block with id `id` show, once
// what a click changed is drawn and its transitions have run.
async (id) => {
    const block = document.getElementById(id);
    await animationsDone(block);
    return [...block.querySelectorAll('.boring')].filter(visible).length;
}
