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


async def first_of(start, stop):
    """start()'s result, or None if stop is set first (as biased; does)."""
    if stop.is_set():
        return None  # start() is never called: nothing is taken
    task = asyncio.ensure_future(start())
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if task.done():
        return task.result()  # it finished before stop was seen: keep it
    task.cancel()  # a cancelled get or put takes nothing, adds nothing
    return None


def parse_millis(line):
    """As Rust's parse::<u64>(): ASCII digits, an optional +, below 2**64."""
    text = line.strip()
    digits = text[1:] if text.startswith(b"+") else text
    return int(digits) if digits.isdigit() and int(digits) < 2**64 else None


async def read_jobs(reader, queue, stop):
    number = 0
    while line := await first_of(reader.readline, stop):
        if stop.is_set():
            return  # a line read after Ctrl-C is not a job
        if (millis := parse_millis(line)) is None:
            print(f'not a number of milliseconds: "{line.decode().strip()}"')
            continue
        number += 1
        await first_of(lambda: queue.put((number, millis)), stop)
    if stop.is_set():
        return
    for _ in range(WORKERS):  # end of input: one "no more jobs" per worker
        await queue.put(None)


async def worker(queue, stop):
    loop = asyncio.get_running_loop()
    while job := await first_of(queue.get, stop):
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

    loop.add_signal_handler(signal.SIGINT, on_ctrl_c)  # listening from here on
    reader = asyncio.StreamReader()
    # A pipe or a terminal: connect_read_pipe refuses a regular file (< jobs.txt).
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    queue = asyncio.Queue(maxsize=QUEUE_SIZE)
    print("ready: one job per line (milliseconds of work); Ctrl-C stops")
    async with asyncio.TaskGroup() as group:  # a worker's exception ends the group
        group.create_task(read_jobs(reader, queue, stop))
        for _ in range(WORKERS):
            group.create_task(worker(queue, stop))
    while not queue.empty():  # what the workers left after Ctrl-C
        if job := queue.get_nowait():
            print(f"job {job[0]}: dropped, never started")
    print("stopped")


sys.stdout.reconfigure(line_buffering=True)  # each line leaves at once, as Rust's do
asyncio.run(main())
