import asyncio


class Order:
    """A builder: configure it with plain method calls, then await it."""

    def __init__(self, dish):
        self.dish = dish
        self.extras = []

    def extra(self, extra):
        self.extras.append(extra)
        return self

    async def _cook(self):
        print(f"  kitchen: cooking {self.dish}")
        await asyncio.sleep(0)  # the kitchen is busy for a moment
        return f"{self.dish} with {' and '.join(self.extras)}"

    # `await order` calls this and drives the iterator it returns.
    def __await__(self):
        return self._cook().__await__()


async def main():
    order = Order("noodles").extra("chilli").extra("egg")
    print("order written; nothing is cooking yet")
    meal = await order
    print(f"served: {meal}")


asyncio.run(main())
