import asyncio


async def seven():
    return 7


async def read_sensor():
    raise RuntimeError("sensor offline")


async def main():
    quick = asyncio.create_task(seven())
    stuck = asyncio.create_task(asyncio.Event().wait())  # never finishes by itself
    faulty = asyncio.create_task(read_sensor())

    print(f"just created: quick done? {quick.done()}")
    await asyncio.sleep(0)  # let each task run once
    print(f"after a sleep(0): quick done? {quick.done()}")
    print(f"after a sleep(0): stuck done? {stuck.done()}")

    stuck.cancel()
    print(f"just cancelled: stuck done? {stuck.done()}")

    print(f"quick: {quick.result()}")
    try:
        await stuck
    except asyncio.CancelledError:
        print(f"stuck: cancelled? {stuck.cancelled()}")
    print(f"faulty: raised {faulty.exception()!r}")


asyncio.run(main())
