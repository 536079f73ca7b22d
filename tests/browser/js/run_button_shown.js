// Whether the Run button of the block with id `id` shows, once the pointer's
// hover has had its effect (mdBook fades the buttons in: its transition ends).
async (id) => {
    const block = document.getElementById(id);
    await animationsDone(block);
    const play = block.querySelector('.play-button');
    return visible(play) && parseFloat(getComputedStyle(play.closest('.buttons') || play).opacity) > 0.5;
}
