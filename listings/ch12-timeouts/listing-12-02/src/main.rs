use std::time::Duration;

use tokio::time::timeout;

// ANCHOR: here
async fn job(name: &'static str) -> &'static str {
    tokio::time::sleep(Duration::from_millis(100)).await;
    println!("{name}: finished");
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let limit = Duration::from_millis(20);

    // A timeout on a JoinHandle drops only the wait, never the task.
    let mut first = tokio::spawn(job("first"));
    let waited = timeout(limit, &mut first).await;
    println!("first: timed out: {}", waited.is_err());
    println!("first: still there: {:?}", first.await);

    // To stop the task when the wait times out, abort it.
    let mut second = tokio::spawn(job("second"));
    if timeout(limit, &mut second).await.is_err() {
        second.abort();
    }
    let outcome = second.await;
    println!("second: cancelled: {}", outcome.unwrap_err().is_cancelled());
}
// ANCHOR_END: here
