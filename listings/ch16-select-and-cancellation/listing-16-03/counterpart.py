import asyncio


async def read_pair(numbers):
    return await numbers.get(), await numbers.get()


def start_feeding():
    numbers, requests = asyncio.Queue(), asyncio.Queue()

    async def feed():
        await numbers.put(1)
        await asyncio.sleep(0.05)
        await requests.put("status?")
        await asyncio.sleep(0.05)
        await numbers.put(2)
        await numbers.put(3)

    return numbers, requests, asyncio.create_task(feed())


async def main():
    # Wrong: a new read_pair each turn, cancelled when the request wins.
    numbers, requests, feeder = start_feeding()
    while True:
        pair = asyncio.create_task(read_pair(numbers))
        request = asyncio.create_task(requests.get())
        done, _ = await asyncio.wait({pair, request}, return_when=asyncio.FIRST_COMPLETED)
        if pair in done:
            request.cancel()
            print(f"new task each turn: {pair.result()}")
            break
        pair.cancel()
        print(f"answered {request.result()}")
    await feeder

    # Right: one task, kept across the turns; only the request is made anew.
    numbers, requests, feeder = start_feeding()
    pair = asyncio.create_task(read_pair(numbers))
    while True:
        request = asyncio.create_task(requests.get())
        done, _ = await asyncio.wait({pair, request}, return_when=asyncio.FIRST_COMPLETED)
        if pair in done:
            request.cancel()
            print(f"one task kept: {pair.result()}")
            break
        print(f"answered {request.result()}")
    await feeder


asyncio.run(main())
