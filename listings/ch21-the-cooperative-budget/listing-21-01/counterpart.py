import asyncio

MESSAGES = 300


async def drain(queue, received):
    for _ in range(MESSAGES):
        await queue.get()  # never suspends while the queue has items
        received[0] += 1


async def main():
    queue = asyncio.Queue()
    for n in range(MESSAGES):
        queue.put_nowait(n)
    received = [0]
    drainer = asyncio.create_task(drain(queue, received))

    seen = []
    while True:
        seen.append(received[0])
        if received[0] == MESSAGES:
            break
        await asyncio.sleep(0)
    await drainer
    print(f"asyncio has no budget: main saw {seen}")


asyncio.run(main())
