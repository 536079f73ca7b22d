// Whether the Run button of the block with id `id` shows (after the pointer
// has had time to bring it up).
async (id) => {
    await new Promise(r => setTimeout(r, 300));
    return visible(document.getElementById(id).querySelector('.play-button'));
}
