import asyncio


async def greeting(name):
    await asyncio.sleep(0)
    return f"hello from {name}"


async def main():
    text = await greeting("an async main")
    print(text)
    return len(text)


# asyncio.run starts a fresh loop, runs main() to the end, closes the loop,
# and hands back whatever main() returned.
length = asyncio.run(main())
print(f"asyncio.run returned {length}")
