use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let started = Arc::new(AtomicUsize::new(0));

    let mut handles = Vec::new();
    for n in 1..=3 {
        let started = Arc::clone(&started);
        handles.push(tokio::spawn(async move {
            started.fetch_add(1, Ordering::SeqCst);
            println!("  task {n}: running");
        }));
    }
    println!(
        "main: spawned 3 tasks; started so far: {}",
        started.load(Ordering::SeqCst)
    );

    // A long stretch of synchronous work: no .await, so no other task can run.
    let total: u64 = (1..=1_000_000).sum();
    println!(
        "main: summed to {total}; started so far: {}",
        started.load(Ordering::SeqCst)
    );

    tokio::task::yield_now().await; // the first point where main lets go
    println!(
        "main: back from yield_now; started so far: {}",
        started.load(Ordering::SeqCst)
    );

    for handle in handles {
        handle.await.unwrap();
    }
}
// ANCHOR_END: here
