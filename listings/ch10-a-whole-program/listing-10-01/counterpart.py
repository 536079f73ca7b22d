import asyncio


async def counter(name):
    for i in range(3):
        print(name, i, sep=": ")
        await asyncio.sleep(0)  # step aside, as yield_now does


async def main():
    handles = [asyncio.create_task(counter(f"task{n}")) for n in range(4)]
    while True:
        # Keep only the unfinished tasks, as Vec::retain does.
        handles = list(filter(lambda handle: not handle.done(), handles))
        print(f"main: {len(handles)} unfinished")
        if not handles:
            return
        await handles[0]


asyncio.run(main())
