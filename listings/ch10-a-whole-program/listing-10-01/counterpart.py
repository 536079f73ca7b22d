import asyncio


async def count(name):
    for n in range(3):
        print(f"{name}: {n}")
        await asyncio.sleep(0)


async def main():
    counters = [asyncio.create_task(count(f"counter{i}")) for i in range(4)]
    for job in counters:
        await job
    print("all counters finished")


asyncio.run(main())
