import asyncio

BATCHES = 3
readings = []


async def read_batch(batch_no):
    """Stands in for a network read: pauses once, then returns ten readings."""
    await asyncio.sleep(0)
    return [batch_no * 10 + i for i in range(10)]


async def fetcher():
    for batch_no in range(BATCHES):
        batch = await read_batch(batch_no)  # may pause here...
        for value in batch:
            readings.append(value)  # ...but never in here


async def monitor():
    while True:
        n = len(readings)
        print(f"monitor sees {n} readings")
        assert n % 10 == 0, "caught the fetcher half-way through a batch"
        if n == BATCHES * 10:
            break
        await asyncio.sleep(0)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetcher())
        tg.create_task(monitor())


asyncio.run(main())
