import asyncio


async def worker(worker_id, jobs, done):
    while (job := await jobs.get()) is not None:  # None: no more jobs
        await asyncio.sleep(0.01)  # the job's work
        done.append((job, worker_id))


async def main():
    jobs = asyncio.Queue(maxsize=2)  # one queue, any number of consumers
    done = []
    async with asyncio.TaskGroup() as workers:
        for worker_id in range(1, 4):
            workers.create_task(worker(worker_id, jobs, done))
        for job in range(1, 10):
            await jobs.put(job)  # waits while the queue is full
        for _ in range(3):
            await jobs.put(None)  # one end marker per worker
    done.sort()
    print(f"jobs done: {[job for job, _ in done]}")
    print(f"workers that took part: {sorted({worker_id for _, worker_id in done})}")


asyncio.run(main())
