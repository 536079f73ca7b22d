use std::thread::{self, ThreadId};

use tokio::runtime::Builder;

// ANCHOR: here
fn this_thread() -> (String, ThreadId) {
    let me = thread::current();
    (me.name().unwrap_or("(unnamed)").to_owned(), me.id())
}

fn main() {
    // A current-thread runtime polls its tasks on the thread that calls
    // block_on, but spawn_blocking still starts a thread of its own.
    let current = Builder::new_current_thread().build().unwrap();
    let (runtime_thread, blocking_thread) = current.block_on(async {
        let blocking = tokio::task::spawn_blocking(this_thread);
        (this_thread(), blocking.await.unwrap())
    });
    println!(
        "current-thread runtime, tasks polled on: {}",
        runtime_thread.0
    );
    println!(
        "current-thread runtime, blocking closure on: {}",
        blocking_thread.0
    );
    println!("same thread id: {}", runtime_thread.1 == blocking_thread.1);

    // On a multi-thread runtime, a worker and a blocking thread look alike.
    let multi = Builder::new_multi_thread()
        .worker_threads(1)
        .build()
        .unwrap();
    let (worker, blocking) = multi.block_on(async {
        let worker = tokio::spawn(async { this_thread() });
        let blocking = tokio::task::spawn_blocking(this_thread);
        (worker.await.unwrap(), blocking.await.unwrap())
    });
    println!("multi-thread runtime, worker: {}", worker.0);
    println!("multi-thread runtime, blocking closure: {}", blocking.0);
    println!("same name: {}", worker.0 == blocking.0);
    println!("same thread id: {}", worker.1 == blocking.1);
}
// ANCHOR_END: here
