import asyncio


async def inner():
    print("never printed")


async def main():
    print("main is running on the loop")
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    finally:
        coro.close()  # never started: close it, or Python warns it was never awaited


asyncio.run(main())
