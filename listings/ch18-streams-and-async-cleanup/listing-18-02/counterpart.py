import asyncio


class BufferedOutbox:
    """Collects text and only hands it over when flushed."""

    def __init__(self, delivered):
        self.delivered = delivered
        self.pending = []

    def write(self, text):
        self.pending.append(text)

    async def flush(self):
        await asyncio.sleep(0)  # stands in for real, awaited I/O
        self.delivered.append("".join(self.pending))
        self.pending.clear()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.flush()  # clean-up may await, even if the body raised
        return False


async def main():
    delivered = []
    try:
        async with BufferedOutbox(delivered) as outbox:
            outbox.write("a message")
            raise RuntimeError("the body failed")
    except RuntimeError as err:
        print(f"caught: {err}")
    print(f"delivered anyway: {delivered}")


asyncio.run(main())
