import asyncio


async def count_words(text):
    await asyncio.sleep(0)
    return len(text.split())


loop = asyncio.new_event_loop()

# Create a task on a loop that is not running yet.
task = loop.create_task(count_words("one loop, one task, one answer"))
print(f"created; done? {task.done()}")

# Run the loop until the task is done.
result = loop.run_until_complete(task)
print(f"run_until_complete(task) returned {result}")

# Or pass the coroutine: run_until_complete wraps it in a task itself.
words = loop.run_until_complete(count_words("wrapped, then run"))
print(f"run_until_complete(count_words(..)) returned {words}")

loop.close()
