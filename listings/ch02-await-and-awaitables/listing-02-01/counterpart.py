import asyncio


async def steep(leaves):
    print(f"  steep: started with {leaves}")
    cup = f"a cup of {leaves}"
    print("  steep: finished")
    return cup


async def main():
    print("main: before await")
    cup = await steep("oolong")
    print(f"main: after await, holding {cup}")


asyncio.run(main())
