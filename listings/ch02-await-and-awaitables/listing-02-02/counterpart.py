import asyncio


async def roll_die():
    return 4


async def main():
    roll = roll_die()
    first = await roll
    print(f"first await: {first}")
    try:
        await roll
    except RuntimeError as err:
        print(f"second await: RuntimeError: {err}")


asyncio.run(main())
