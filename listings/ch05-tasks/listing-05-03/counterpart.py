import asyncio

started = 0


async def job(n):
    global started
    started += 1
    print(f"  task {n}: running")


async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(1, 4)]
    print(f"main: created 3 tasks; started so far: {started}")

    # A long stretch of synchronous work: no await, so no other task can run.
    total = sum(range(1, 1_000_001))
    print(f"main: summed to {total}; started so far: {started}")

    await asyncio.sleep(0)  # the first point where main lets go
    print(f"main: back from sleep(0); started so far: {started}")

    for task in tasks:
        await task


asyncio.run(main())
