import asyncio
import threading
import time


async def poller(stop):
    while not stop.is_set():
        await asyncio.sleep(0.01)  # one round of work
    return "poller: saw the Event, returned"


async def listener():
    try:
        await asyncio.Event().wait()  # waits for something that never comes
    except asyncio.CancelledError:
        return "listener: CancelledError at its await, returned"


def blocking_loop(stop):
    while not stop.is_set():
        time.sleep(0.005)  # one step of the work
    return "blocking loop: saw the threading.Event between two steps, returned"


async def main():
    stop = asyncio.Event()  # for coroutines
    thread_stop = threading.Event()  # for the thread: asyncio.Event is not thread-safe
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(poller(stop)),
            group.create_task(listener()),
            group.create_task(asyncio.to_thread(blocking_loop, thread_stop)),
        ]
        await asyncio.sleep(0.05)
        stop.set()
        tasks[1].cancel()  # the other way: throw CancelledError into it
        thread_stop.set()
    print("TaskGroup: every task has finished:", all(t.done() for t in tasks))
    for task in tasks:
        print(task.result())


asyncio.run(main())
