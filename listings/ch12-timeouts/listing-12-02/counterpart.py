import asyncio


async def job(name):
    await asyncio.sleep(0.100)
    print(f"{name}: finished")
    return name


async def main():
    limit = 0.020

    # wait_for cancels the task it gives up on.
    first = asyncio.create_task(job("first"))
    try:
        await asyncio.wait_for(first, limit)
    except TimeoutError:
        print("first: timed out: True")
    print(f"first: cancelled: {first.cancelled()}")

    # To keep the task running, shield it from the cancellation.
    second = asyncio.create_task(job("second"))
    try:
        await asyncio.wait_for(asyncio.shield(second), limit)
    except TimeoutError:
        print("second: timed out: True")
    print(f"second: still there: {await second!r}")


asyncio.run(main())
