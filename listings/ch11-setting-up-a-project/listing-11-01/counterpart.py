import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} is ready"


async def main():
    first, second = await asyncio.gather(
        fetch("the config", 0.020),
        fetch("the cache", 0.010),
    )
    print(first)
    print(second)


asyncio.run(main())
