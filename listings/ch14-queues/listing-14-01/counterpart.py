import asyncio


async def main():
    queue = asyncio.Queue(maxsize=2)  # room for two items
    queue.put_nowait(1)
    queue.put_nowait(2)
    try:
        queue.put_nowait(3)
    except asyncio.QueueFull:
        print("the queue is full: 3 has to wait")

    async def producer():
        for n in range(3, 6):
            await queue.put(n)  # waits until there is room

    async def consumer():
        while True:
            n = await queue.get()
            print(f"got {n}")
            queue.task_done()  # one more item fully handled

    producing = asyncio.create_task(producer())
    consuming = asyncio.create_task(consumer())
    await producing
    await queue.join()  # every item put has been marked done
    consuming.cancel()  # the consumer would wait forever otherwise
    print("every item is done: the consumer is cancelled")


asyncio.run(main())
