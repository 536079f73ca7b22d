import asyncio
import os
import signal


async def serve(stop):
    while not stop.is_set():
        await asyncio.sleep(0.005)  # one job
    print("server: told to stop, leaving its loop")


async def main():
    loop = asyncio.get_running_loop()
    got_ctrl_c = asyncio.Event()
    loop.add_signal_handler(signal.SIGINT, got_ctrl_c.set)  # Unix only
    stop = asyncio.Event()
    server = asyncio.create_task(serve(stop))

    os.kill(os.getpid(), signal.SIGINT)  # stands in for the user pressing Ctrl-C
    await got_ctrl_c.wait()
    print("main: got Ctrl-C")

    stop.set()
    try:
        await asyncio.wait_for(server, 1)
        stopped_in_time = True
    except TimeoutError:
        stopped_in_time = False
    print(f"main: the server stopped in time: {stopped_in_time}")


asyncio.run(main())
