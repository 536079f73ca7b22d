import asyncio


async def main():
    slow = asyncio.create_task(asyncio.sleep(10))
    quick = asyncio.create_task(asyncio.sleep(0, result=7))
    done, pending = await asyncio.wait({slow, quick}, return_when=asyncio.FIRST_COMPLETED)
    print(f"the quick task won with {quick.result()}")
    print(f"the slow task is still running: {not slow.done()}")
    slow.cancel()  # asyncio.wait leaves this to us
    try:
        await slow
    except asyncio.CancelledError:
        print(f"cancelled by hand: {slow.cancelled()}")


asyncio.run(main())
