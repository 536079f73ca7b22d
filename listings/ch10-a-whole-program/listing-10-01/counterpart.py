import asyncio


async def counter(name):
    for i in range(3):
        print(f"{name}: {i}")
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(counter(f"task{n}")) for n in range(4)]

    while True:
        tasks = [t for t in tasks if not t.done()]
        print(f"main: {len(tasks)} unfinished")
        if not tasks:
            return
        await tasks[0]


asyncio.run(main())
