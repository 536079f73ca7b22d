import asyncio


async def job(name, s, ok):
    await asyncio.sleep(s)
    if not ok:
        raise RuntimeError(f"{name} failed")
    return name


async def main():
    # gather: results in the order the awaitables were given.
    print(f"gather: {await asyncio.gather(job('slow', 0.04, True), job('fast', 0, True))}")

    # as_completed: results in the order they finish.
    jobs = [job("slow", 0.04, True), job("fast", 0, True), job("medium", 0.02, True)]
    for done in asyncio.as_completed(jobs):
        print(f"finished: {await done}")

    # TaskGroup (3.11+): one failure cancels the others.
    tasks = []
    try:
        async with asyncio.TaskGroup() as group:
            for name, s, ok in [("bad", 0, False), ("slow", 0.04, True), ("medium", 0.02, True)]:
                tasks.append(group.create_task(job(name, s, ok)))
    except* RuntimeError as failures:
        print(f"caught: {failures.exceptions[0]}")
    print(f"cancelled: {[t.cancelled() for t in tasks]}")


asyncio.run(main())
