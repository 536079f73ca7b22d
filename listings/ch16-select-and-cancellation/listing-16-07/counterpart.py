import asyncio


async def parse(text):
    return int(text)


async def give_up():
    raise RuntimeError("worker gave up")


async def main():
    # A task's exception is raised again by whoever awaits it.
    try:
        await asyncio.create_task(parse("forty-two"))
    except ValueError as error:
        print(f"the task raised: {error}")

    # Python has no second layer: a bug and a failure are both exceptions.
    task = asyncio.create_task(give_up())
    try:
        await task
    except RuntimeError as error:
        print(f"the task raised: {error!r}; task.exception() is the same: {task.exception() is error}")

    total = await asyncio.create_task(parse("40")) + 2
    print(f"sum = {total}")
    # an exception escaping main: a traceback on stderr and exit status 1


asyncio.run(main())
