use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::runtime::{Builder, Runtime};

/// Pretend I/O: waits a moment, then returns batch `number`,
/// or `None` once the source has run dry (after three batches).
async fn fetch_batch(number: u32) -> Option<Vec<u32>> {
    tokio::time::sleep(Duration::from_millis(2)).await;
    (number < 3).then(|| (1..=3).map(|i| number * 10 + i).collect())
}

async fn process(batch: Vec<u32>) {
    tokio::task::yield_now().await;
    println!("processed {batch:?}: total {}", batch.iter().sum::<u32>());
}

// ANCHOR: here
static RUNTIMES_BUILT: AtomicUsize = AtomicUsize::new(0);
static THREADS_STARTED: AtomicUsize = AtomicUsize::new(0);

/// `Runtime::new()`, except that it counts, and has a fixed two worker
/// threads (`Runtime::new()` starts one per CPU core).
fn fresh_runtime() -> Runtime {
    RUNTIMES_BUILT.fetch_add(1, Ordering::SeqCst);
    Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .on_thread_start(|| {
            THREADS_STARTED.fetch_add(1, Ordering::SeqCst);
        })
        .build()
        .unwrap()
}

// A synchronous main that starts a runtime for every single step.
fn main() {
    let mut number = 0;
    loop {
        let fetched = fresh_runtime().block_on(fetch_batch(number));
        let Some(batch) = fetched else { break };
        fresh_runtime().block_on(process(batch));
        number += 1;
    }
    println!("source ran dry after {number} batches");
    println!(
        "runtimes built: {}; worker threads started: {}",
        RUNTIMES_BUILT.load(Ordering::SeqCst),
        THREADS_STARTED.load(Ordering::SeqCst)
    );
}
// ANCHOR_END: here
