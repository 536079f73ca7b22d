import asyncio


async def producer(slot, outcome):
    await asyncio.sleep(0)
    if outcome == "value":
        slot.set_result(7)
    elif outcome == "error":
        slot.set_exception(ValueError("sensor offline"))
    elif outcome == "cancel":
        slot.cancel()
    # "give up": return without touching the slot


async def main():
    loop = asyncio.get_running_loop()
    for outcome in ["value", "error", "cancel", "give up"]:
        slot = loop.create_future()
        producing = asyncio.create_task(producer(slot, outcome))
        if outcome == "give up":
            await producing
            print(f"{outcome}: producer finished; slot done? {slot.done()}")
            continue
        try:
            print(f"{outcome}: got {await slot}")
        except ValueError as problem:
            print(f"{outcome}: raised {problem!r}")
        except asyncio.CancelledError:
            print(f"{outcome}: raised CancelledError")


asyncio.run(main())
