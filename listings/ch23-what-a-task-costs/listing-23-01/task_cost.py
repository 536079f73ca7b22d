import asyncio
import statistics
import sys
import time


async def give_back(i):
    return i


async def spawn_and_await(n):
    """Creates n tasks, then awaits every one of them."""
    tasks = [asyncio.create_task(give_back(i)) for i in range(n)]
    total = 0
    for task in tasks:
        total += await task
    return total


async def sleep_round_trips(n):
    """Goes back to the event loop n times from one task."""
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def timed(work):
    """Runs `work` as a task of its own and times it from inside."""
    async def measure():
        start = time.perf_counter_ns()
        result = await work
        return result, time.perf_counter_ns() - start

    return await asyncio.create_task(measure())


ROUNDS = 5  # rounds per figure; the median is steadier than one run
CHECK_N = 1_000  # without an argument: a tiny run, deterministic lines only


def main():
    given = int(sys.argv[1]) if len(sys.argv) > 1 else None
    if given is not None and given <= 0:
        sys.exit("the argument must be a positive number of operations")
    n = given or CHECK_N
    rounds = ROUNDS if given else 1

    spawn_times, sleep_times = [], []
    for _ in range(rounds):
        total, elapsed = asyncio.run(timed(spawn_and_await(n)))
        assert total == sum(range(n)), "every task ran exactly once"
        spawn_times.append(elapsed)
    for _ in range(rounds):
        count, elapsed = asyncio.run(timed(sleep_round_trips(n)))
        assert count == n
        sleep_times.append(elapsed)

    if given:
        print(f"N = {n} operations per round, median of {ROUNDS} rounds, ns per operation")
        print(f"spawn_and_await asyncio {statistics.median(spawn_times) / n:.1f}")
        print(f"yield_round_trip asyncio {statistics.median(sleep_times) / n:.1f}")
    else:
        print(f"asyncio: created and awaited {n} tasks; their results sum to {total}")
        print(f"asyncio: {count} asyncio.sleep(0) round trips")


main()
