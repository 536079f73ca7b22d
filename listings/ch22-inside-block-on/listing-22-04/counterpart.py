import asyncio

loop = asyncio.new_event_loop()
reached_halfway = loop.create_future()


async def ticker():
    for tick in range(1, 5):
        print(f"ticker: tick {tick}")
        if tick == 2:
            reached_halfway.set_result(None)
        await asyncio.sleep(0)


task = loop.create_task(ticker())

loop.run_until_complete(reached_halfway)
print("main: first run_until_complete returned; the ticker waits, unrun")

loop.run_until_complete(task)
print("main: second run_until_complete returned; the ticker has finished")
loop.close()
