import asyncio


async def answer():
    return 42


# Plain synchronous code: no event loop is running.
coro = answer()
try:
    asyncio.create_task(coro)
except RuntimeError as exc:
    print(f"RuntimeError: {exc}")
    coro.close()  # it will never run; closing it avoids a "never awaited" warning
