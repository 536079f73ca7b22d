use futures::stream::{self, Stream, StreamExt};
use std::pin::pin;
use tokio::task;

// ANCHOR: here
/// A stream of the numbers `from`, `from - 1`, ... `1`. Producing each item
/// is itself asynchronous: it yields to the runtime first.
fn countdown(from: u32) -> impl Stream<Item = u32> {
    stream::unfold(from, |left| async move {
        if left == 0 {
            return None; // the stream is finished
        }
        task::yield_now().await; // stands in for real I/O
        Some((left, left - 1)) // (the item, the state for next time)
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut numbers = pin!(countdown(3)); // `next` needs an `Unpin` stream
    while let Some(n) = numbers.next().await {
        println!("got {n}");
    }
    println!("the stream is exhausted");

    // StreamExt has iterator-style adapters too; `collect` is a future.
    let doubled: Vec<u32> = countdown(3).map(|n| n * 2).collect().await;
    println!("doubled: {doubled:?}");
}
// ANCHOR_END: here
