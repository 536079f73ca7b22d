import asyncio


async def main():
    loop = asyncio.get_running_loop()

    # Checking and taking the result without waiting.
    slot = loop.create_future()
    print(f"before set_result: done() = {slot.done()}")
    try:
        slot.result()
    except asyncio.InvalidStateError as problem:
        print(f"  result() raised InvalidStateError: {problem}")
    slot.set_result(5)
    print(f"after set_result:  done() = {slot.done()}, result() = {slot.result()}")
    print(f"once more:         result() = {slot.result()}")

    # Cancelling.
    slot = loop.create_future()
    print(f"cancel() returned {slot.cancel()}, cancelled() = {slot.cancelled()}")
    try:
        slot.set_result(9)
    except asyncio.InvalidStateError as problem:
        print(f"set_result() raised InvalidStateError: {problem}")


asyncio.run(main())
