// ANCHOR: here
use std::fmt::Debug;
use std::future::{Future, IntoFuture};

// Accepts anything that can be awaited: the `Awaitable[R]` of Rust.
async fn show<A>(label: &str, awaitable: A) -> A::Output
where
    A: IntoFuture,
    A::Output: Debug,
{
    let value = awaitable.await;
    println!("{label:>14}: {value:?}");
    value
}

// Accepts only futures whose output is a u32.
async fn doubled<F: Future<Output = u32>>(future: F) -> u32 {
    future.await * 2
}
// ANCHOR_END: here

async fn add(a: u32, b: u32) -> u32 {
    a + b
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    show("async fn", add(2, 3)).await;
    show("async block", async { "block" }).await;
    show("join handle", tokio::spawn(async { 'x' })).await.unwrap();

    let (tx, rx) = tokio::sync::oneshot::channel();
    tx.send(1.5).unwrap();
    show("oneshot", rx).await.unwrap();

    // A ready-made future from the standard library.
    show("ready", std::future::ready([1, 2])).await;

    println!("{:>14}: {}", "doubled", doubled(add(4, 5)).await);
}
// ANCHOR_END: main
