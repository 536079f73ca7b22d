use std::rc::Rc;

use tokio::runtime::Runtime;

/// Holds an `Rc`, which is not `Send`, across an `.await`.
async fn keep_a_local_rc() -> usize {
    let label = Rc::new(String::from("a local Rc"));
    tokio::task::yield_now().await;
    label.len()
}

fn main() {
    let rt = Runtime::new().unwrap();

    // block_on accepts this future: it never leaves the calling thread.
    let len = rt.block_on(keep_a_local_rc());
    println!("block_on: {len}");

    // tokio::spawn rejects the same future: a task may move between threads.
    let outcome = rt.block_on(async { tokio::spawn(keep_a_local_rc()).await });
    println!("spawned: {outcome:?}");
}
