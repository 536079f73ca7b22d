import asyncio
import time

NAP = 0.050
HOG = 0.500


def hog():
    time.sleep(HOG)  # still blocking, but on a thread of the default executor
    return "the hog's result"


async def napper(start):
    await asyncio.sleep(NAP)
    return time.monotonic() - start


async def main():
    start = time.monotonic()
    napping = asyncio.create_task(napper(start))
    hogging = asyncio.create_task(asyncio.to_thread(hog))

    woke_after = await napping
    result = await hogging

    assert NAP <= woke_after < HOG
    print("the napper woke before the hog was done")
    print(f'then main got "{result}" from its own thread')


asyncio.run(main())
