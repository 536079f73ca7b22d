import asyncio


async def brew(kind):
    print(f"  task: brewing {kind}")
    print(f"  task: {kind} is ready")
    return f"a cup of {kind}"


async def main():
    task = asyncio.create_task(brew("tea"))
    print(f"main: created; done? {task.done()}")

    # main waits for something else; the task runs in the meantime.
    await asyncio.sleep(0.005)
    print(f"main: back from a nap; done? {task.done()}")

    cup = await task
    print(f"main: the task gave {cup!r}")
    print(f"main: a Task is a Future? {isinstance(task, asyncio.Future)}")


asyncio.run(main())
