import asyncio
import gc
import warnings


async def announce(n):
    print(f"announce({n}) is running")
    return n


async def main():
    print("calling announce(1) and dropping what it returns")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        announce(1)
        gc.collect()
    for warning in caught:
        print(f"  {warning.category.__name__}: {warning.message}")

    print("calling announce(2) and keeping the coroutine object")
    later = announce(2)

    print("awaiting the coroutine object from announce(2)")
    n = await later
    print(f"it gave back {n}")


asyncio.run(main())
