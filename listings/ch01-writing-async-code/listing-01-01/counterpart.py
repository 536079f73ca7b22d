import asyncio


# An ordinary function: calling it runs the body.
def price_tag(item, pence):
    return f"{item}: {pence}p"


# A coroutine function: calling it only builds a coroutine object.
async def price_tag_later(item, pence):
    return f"{item}: {pence}p"


print(price_tag("tea", 120))

pending = price_tag_later("cake", 250)
print(type(pending).__name__)
print(asyncio.run(pending))
