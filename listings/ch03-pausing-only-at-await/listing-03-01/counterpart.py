import asyncio

BATCHES = 3
readings = []


async def read_batch(batch_no):
    """Stands in for a network read: pauses once, then returns ten readings."""
    await asyncio.sleep(0)
    return [batch_no * 10 + i for i in range(10)]


async def collector():
    for batch_no in range(BATCHES):
        batch = await read_batch(batch_no)  # may pause here...
        for value in batch:
            readings.append(value)  # ...but never in here


async def reporter():
    while True:
        n = len(readings)
        print(f"reporter sees {n} readings")
        assert n % 10 == 0, "caught the collector half-way through a batch"
        if n == BATCHES * 10:
            break
        await asyncio.sleep(0)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(collector())
        tg.create_task(reporter())


asyncio.run(main())
