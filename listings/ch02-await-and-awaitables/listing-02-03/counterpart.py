import asyncio


async def add(a, b):
    return a + b


async def seven():
    print("  task: running")
    return 7


async def main():
    loop = asyncio.get_running_loop()

    # 1. A coroutine object.
    total = await add(1, 2)
    print(f"coroutine: {total}")

    # 2. A Task: scheduled now, runs on its own.
    task = asyncio.create_task(seven())

    # 3. A Future, completed later by a callback.
    future = loop.create_future()
    loop.call_soon(future.set_result, "hello")
    message = await future
    print(f"future: {message}")

    # The task finished while we waited on the future.
    print(f"task: {await task}")
    # Unlike a coroutine object, a Task or Future may be awaited again.
    print(f"task again: {await task}")


asyncio.run(main())
