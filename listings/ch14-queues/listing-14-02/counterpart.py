import asyncio


async def main():
    go = asyncio.Event()
    permits = asyncio.Semaphore(2)  # at most two at once
    lock = asyncio.Lock()  # held across await
    log = []
    busy = {"now": 0, "most": 0}  # no lock needed: no await in between

    async def worker(id):
        await go.wait()
        async with permits:
            busy["now"] += 1
            busy["most"] = max(busy["most"], busy["now"])
            async with lock:
                log.append(f"{id} begins")
                await asyncio.sleep(0.005)  # the lock stays held
                log.append(f"{id} ends")
            busy["now"] -= 1

    workers = [asyncio.create_task(worker(id)) for id in range(4)]
    await asyncio.sleep(0)  # the workers run, and wait
    assert busy["most"] == 0
    print("before the signal, no worker has started")
    go.set()
    await asyncio.gather(*workers)

    pairs = zip(log[::2], log[1::2])
    assert all(end == begin.replace("begins", "ends") for begin, end in pairs)
    print("each worker's two log lines are adjacent")
    assert busy["most"] <= 2
    print("at most two workers held a permit at once")


asyncio.run(main())
