import asyncio
import threading


def this_thread():
    me = threading.current_thread()
    return me.name, me.ident


async def main():
    loop_thread = this_thread()
    worker_thread = await asyncio.to_thread(this_thread)
    print(f"event loop runs on: {loop_thread[0]}")
    print(f"to_thread's function runs on: {worker_thread[0]}")
    print(f"same thread id: {loop_thread[1] == worker_thread[1]}")


asyncio.run(main())
