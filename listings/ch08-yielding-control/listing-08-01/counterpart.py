import asyncio


async def take_turns(name):
    for round_no in range(3):
        print(f"{name} is on round {round_no}")
        await asyncio.sleep(0)


async def main():
    first = asyncio.create_task(take_turns("ping"))
    second = asyncio.create_task(take_turns("pong"))
    await first
    await second


asyncio.run(main())
