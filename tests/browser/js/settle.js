// Waits until the page has settled (fonts, late scripts), then makes the
// canary request (it cannot succeed: no host name resolves but 127.0.0.1),
// which the request observer must see, or it cannot vouch that nothing leaves.
async (canary) => {
    await settled();
    await fetch(canary).catch(() => {});
    return true;
}
