import asyncio


async def produce(queue):
    for n in range(1, 4):
        await queue.put(n)
    await asyncio.Event().wait()  # stays alive, never puts again


async def main():
    queue = asyncio.Queue(8)
    producer = asyncio.create_task(produce(queue))
    while True:
        try:
            async with asyncio.timeout(0.05):  # Python 3.11 and later
                n = await queue.get()
        except TimeoutError:
            print("nothing for 50 ms: stop waiting")
            break
        print(f"message {n}")
    producer.cancel()


asyncio.run(main())
