import asyncio
import os
import signal
import sys
import threading
import time

WORKERS = 3
QUEUE_SIZE = 4
JOB_LIMIT = 2.0  # seconds one job may run before it is told to stop


def do_work(millis, stop):
    """Blocking work in short steps, checking between steps whether to stop."""
    until = time.monotonic() + millis / 1000
    while time.monotonic() < until:
        if stop.is_set():
            return False
        time.sleep(0.01)  # one step of the work
    return True


async def first_of(awaitable, stop):
    """The result of awaitable, or None if stop is set first (stop wins ties)."""
    task = asyncio.ensure_future(awaitable)
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if stop.is_set():
        task.cancel()
        return None
    return task.result()


async def read_jobs(reader, queue, stop):
    number = 0
    while line := await first_of(reader.readline(), stop):
        try:
            millis = int(line)
        except ValueError:
            print(f'not a number of milliseconds: "{line.decode().strip()}"')
            continue
        number += 1
        await first_of(queue.put((number, millis)), stop)
    if stop.is_set():
        return
    for _ in range(WORKERS):  # end of input: one "no more jobs" per worker
        await queue.put(None)


async def worker(queue, stop):
    loop = asyncio.get_running_loop()
    while job := await first_of(queue.get(), stop):
        number, millis = job
        print(f"job {number}: started, {millis} ms of work")
        job_stop = threading.Event()
        work = loop.run_in_executor(None, do_work, millis, job_stop)
        done, _ = await asyncio.wait({work}, timeout=JOB_LIMIT)
        if not done:
            job_stop.set()  # the thread sees this at its next check
        try:
            finished = await work
        except Exception as error:
            print(f"job {number}: failed: {error}")
            continue
        print(f"job {number}: done" if finished else f"job {number}: stopped at its time limit")


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def on_ctrl_c():
        if stop.is_set():
            print("second Ctrl-C: quitting now")
            os._exit(130)  # at once: no clean-up, no waiting for threads
        stop.set()
        print("stopping: finishing the jobs in hand (Ctrl-C again quits at once)")

    loop.add_signal_handler(signal.SIGINT, on_ctrl_c)
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    queue = asyncio.Queue(maxsize=QUEUE_SIZE)
    print("ready: one job per line (milliseconds of work); Ctrl-C stops")
    async with asyncio.TaskGroup() as group:
        group.create_task(read_jobs(reader, queue, stop))
        for _ in range(WORKERS):
            group.create_task(worker(queue, stop))
    print("stopped")


sys.stdout.reconfigure(line_buffering=True)  # each line leaves at once, as Rust's do
asyncio.run(main())
