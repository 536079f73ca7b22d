import asyncio
import time

PERIOD = 0.1


async def main():
    loop = asyncio.get_running_loop()

    # A sleep in a loop drifts: each turn's own time adds to the period.
    started = loop.time()
    for _ in range(3):
        time.sleep(0.03)  # the turn's work
        await asyncio.sleep(PERIOD)
    late = loop.time() - started >= 3 * (PERIOD + 0.03)
    print(f"sleep in a loop: three turns took at least 3 x (100 + 30) ms: {late}")

    # No interval in asyncio: keep the schedule yourself (here, like Skip).
    start = loop.time()
    scheduled = [0]
    next_tick = start + PERIOD
    time.sleep(0.23)  # a stall: the tick due at 100 ms is late, the one at 200 ms missed
    for _ in range(2):
        await asyncio.sleep(max(0, next_tick - loop.time()))
        scheduled.append(round((next_tick - start) * 1000))
        missed = max(0, int((loop.time() - next_tick) // PERIOD))
        next_tick += PERIOD * (missed + 1)  # skip the ticks already missed
    on_grid = all(t % 100 == 0 for t in scheduled)
    print(f"by hand, skipping: ticks due on the 100 ms grid: {on_grid}, missed ones left out: {scheduled[2] - scheduled[1] > 100}")


asyncio.run(main())
