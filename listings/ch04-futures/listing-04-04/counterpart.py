import asyncio


async def announce(name):
    print(f"{name}: running")
    return name


async def main():
    lazy = announce("coroutine object")  # nothing runs yet
    eager = asyncio.create_task(announce("task"))  # handed to the loop
    slot = asyncio.get_running_loop().create_future()
    slot.set_result("filled before anyone awaited")

    print("main: pausing once")
    await asyncio.sleep(0)
    print("main: now awaiting all three")
    await lazy
    await eager
    print(f"slot: {await slot}")


asyncio.run(main())
