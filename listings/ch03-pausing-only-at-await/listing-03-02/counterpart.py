import asyncio

BATCHES = 2
readings = []


async def read_batch(batch_no):
    await asyncio.sleep(0)
    return [batch_no * 10 + i for i in range(10)]


async def collector():
    for batch_no in range(BATCHES):
        batch = await read_batch(batch_no)
        for value in batch:
            readings.append(value)
            await asyncio.sleep(0)  # a pause point inside the batch


async def reporter():
    seen = []
    while True:
        n = len(readings)
        seen.append(n)
        if n == BATCHES * 10:
            return seen
        await asyncio.sleep(0)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(collector())
        watching = tg.create_task(reporter())
    seen = watching.result()
    print("reporter saw:", seen)
    print("not a multiple of ten:", [n for n in seen if n % 10 != 0])


asyncio.run(main())
