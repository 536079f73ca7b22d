import asyncio


async def countdown(start):
    left = start
    while left > 0:
        await asyncio.sleep(0)  # stands in for real I/O
        yield left
        left -= 1


async def main():
    async for n in countdown(3):
        print(f"got {n}")
    print("the generator is exhausted")

    doubled = [n * 2 async for n in countdown(3)]
    print(f"doubled: {doubled}")


asyncio.run(main())
