import asyncio
import time


async def lookup(name, takes):
    try:
        await asyncio.sleep(takes)
        print(f"{name}: finished")
        return 42
    except asyncio.CancelledError:
        print(f"{name}: CancelledError raised at its await")
        raise
    finally:
        print(f"{name}: finally runs")


async def main():
    limit = 0.050

    quick = await asyncio.wait_for(lookup("quick", 0), limit)
    print(f"quick: {quick}")

    start = time.monotonic()
    try:
        await asyncio.wait_for(lookup("slow", 10), limit)
    except TimeoutError as error:  # asyncio.TimeoutError is TimeoutError since 3.11
        print(f"slow: {type(error).__name__}")
    assert limit <= time.monotonic() - start < 1

    try:
        async with asyncio.timeout(limit):  # new in 3.11
            await lookup("slow again", 10)
    except TimeoutError:
        print("slow again: TimeoutError, from asyncio.timeout")
    print("gave up after the limit, not after ten seconds")


asyncio.run(main())
