import asyncio


async def where_am_i():
    task = asyncio.current_task()
    return f"in a task? {task is not None}"


loop = asyncio.new_event_loop()

# Handed a coroutine, run_until_complete wraps it in a Task first.
print(f"run_until_complete(coroutine): {loop.run_until_complete(where_am_i())}")

loop.close()
