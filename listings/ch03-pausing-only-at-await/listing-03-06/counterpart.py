import asyncio


async def count(name, upto):
    for i in range(1, upto + 1):
        print(name, i)
        await asyncio.sleep(0)
    return asyncio.current_task()  # the task this coroutine ran in


async def main():
    me = asyncio.current_task()
    apples, pears = await asyncio.gather(count("apples", 3), count("pears", 3))
    print("both ran in one task:", apples is pears)
    print("either ran in main's task:", me in (apples, pears))


asyncio.run(main())
