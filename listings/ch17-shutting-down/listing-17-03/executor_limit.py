import asyncio
import atexit
import sys
import threading
import time
import warnings
from asyncio import constants

# The limit asyncio.run gives the executor on 3.12 and later (300 s by
# default), shortened so that this example ends quickly.
constants.THREAD_JOIN_TIMEOUT = 0.1
SLEEP = 0.5  # the blocking function outlasts the limit

start = time.monotonic()
finished = threading.Event()


def blocking(started):
    started.set()
    time.sleep(SLEEP)
    finished.set()


async def main():
    started = threading.Event()
    asyncio.create_task(asyncio.to_thread(blocking, started))
    while not started.is_set():
        await asyncio.sleep(0.001)
    # main returns with the function still running in its thread


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asyncio.run(main())
returned = time.monotonic() - start

# Only 3.13's shutdown stops waiting at the limit (and warns); 3.12's applies
# it after the executor has finished, and 3.11's has none.
gives_up = sys.version_info >= (3, 13)
assert finished.is_set() == (not gives_up), returned
assert (returned < SLEEP) == gives_up, returned
assert any(issubclass(w.category, RuntimeWarning) for w in caught) == gives_up
print("asyncio.run returned: after the function on 3.11 and 3.12, at the limit on 3.13")


@atexit.register
def at_exit():
    # The interpreter joins the executor's threads before atexit handlers run.
    assert finished.is_set() and time.monotonic() - start >= SLEEP
    print("at exit: the interpreter still waited for the function to end")
