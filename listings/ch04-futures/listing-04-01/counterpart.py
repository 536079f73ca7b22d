import asyncio


async def producer(slot):
    print("producer: measuring")
    await asyncio.sleep(0)  # pretend the measurement takes a while
    print("producer: filling the slot")
    slot.set_result(42)
    print("producer: done")


async def main():
    slot = asyncio.get_running_loop().create_future()
    producing = asyncio.create_task(producer(slot))
    print("consumer: waiting")
    value = await slot
    print("consumer: got", value)
    print("consumer: awaiting it again gives", await slot)
    await producing


asyncio.run(main())
