use std::fmt::Debug;

// Accepts anything that can be awaited: Rust's `Awaitable[R]`.
async fn show<A>(label: &str, awaitable: A)
where
    A: IntoFuture,
    A::Output: Debug,
{
    let value = awaitable.await;
    println!("{label:>11}: {value:?}");
}

// Accepts only futures, and only those whose output is a u32.
async fn doubled<F: Future<Output = u32>>(future: F) -> u32 {
    future.await * 2
}

async fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    show("async fn", add(2, 3)).await;
    show("async block", async { "block" }).await;
    show("join handle", tokio::spawn(async { 'x' })).await;

    let (tx, rx) = tokio::sync::oneshot::channel();
    tx.send(1.5).unwrap();
    show("oneshot", rx).await;

    // A future from the standard library that is ready at once.
    show("ready", std::future::ready([1, 2])).await;

    println!("{:>11}: {}", "doubled", doubled(add(4, 5)).await);
}
