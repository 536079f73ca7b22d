import asyncio

loops_used = set()


async def fetch_batch(number):
    """Pretend I/O: returns batch `number`, or None after three batches."""
    loops_used.add(asyncio.get_running_loop())
    await asyncio.sleep(0.002)
    return [number * 10 + i for i in range(1, 4)] if number < 3 else None


async def process(batch):
    loops_used.add(asyncio.get_running_loop())
    await asyncio.sleep(0)
    print(f"processed {batch}: total {sum(batch)}")


def main():
    """Synchronous: a fresh event loop for every single step."""
    number = 0
    while (batch := asyncio.run(fetch_batch(number))) is not None:
        asyncio.run(process(batch))
        number += 1
    print(f"source ran dry after {number} batches")


main()
print(f"event loops used: {len(loops_used)}")
