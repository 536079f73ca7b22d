import asyncio
import threading

done = {"blocking": False}


def blocking(started, task_gone):
    started.set()
    task_gone.wait()  # wait until the task below is gone
    print("blocking function: neither cancel() nor the shutdown stopped it; it ran to its end")
    done["blocking"] = True


async def task(started, task_gone):
    try:
        started.set()
        await asyncio.sleep(10)
        print("task: resumed")  # never printed
    except asyncio.CancelledError:
        print("task: CancelledError at its await; its handler runs")
        raise
    finally:
        task_gone.set()


async def main():
    task_started, blocking_started = threading.Event(), threading.Event()
    task_gone = threading.Event()
    asyncio.create_task(task(task_started, task_gone))
    waiting = asyncio.create_task(asyncio.to_thread(blocking, blocking_started, task_gone))
    while not (task_started.is_set() and blocking_started.is_set()):
        await asyncio.sleep(0.001)
    waiting.cancel()  # cancels the wait, not the function in its thread
    # main returns: asyncio.run cancels the tasks left, then waits for the executor


asyncio.run(main())
print(f"main: asyncio.run returned; it waited for the function: {done['blocking']}")
