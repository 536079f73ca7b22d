import asyncio

loop = asyncio.new_event_loop()


async def worker():
    for job in range(1, 4):
        print(f"worker: job {job}")
        await asyncio.sleep(0)
    print("worker: asking the loop to stop")
    loop.stop()


loop.create_task(worker())
loop.run_forever()  # returns only because worker() called loop.stop()
print("main: run_forever returned")
loop.close()
