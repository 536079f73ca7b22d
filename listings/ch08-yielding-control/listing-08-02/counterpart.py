import asyncio
import time

NAP = 0.050
HOG = 0.200


async def napper(start):
    await asyncio.sleep(NAP)
    return time.monotonic() - start


async def hog():
    time.sleep(HOG)  # blocking: the event loop is stuck here


async def main():
    start = time.monotonic()
    napping = asyncio.create_task(napper(start))
    hogging = asyncio.create_task(hog())
    woke_after = await napping
    await hogging

    assert woke_after >= NAP
    print("the napper did not wake before its 50 ms were up")
    assert woke_after - NAP >= 0.150
    print("it woke at least 150 ms late: the hog held the loop")


asyncio.run(main())
