import asyncio


async def parse_port(text):
    await asyncio.sleep(0)
    return int(text)


async def main():
    good = asyncio.create_task(parse_port("8080"))
    bad = asyncio.create_task(parse_port("eighty"))
    print("main: created two tasks")

    print(f"main: the first task returned {await good}")

    # By now the second task has run too; its exception waits inside it.
    print(f"main: second task done? {bad.done()}")
    print(f"main: stored exception: {bad.exception()!r}")
    try:
        await bad  # raises the stored exception here
    except ValueError as exc:
        print(f"main: awaiting it raised {type(exc).__name__}: {exc}")
    print("main: still running")


asyncio.run(main())
