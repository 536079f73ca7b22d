use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

// ANCHOR: here
fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (started_tx, started) = mpsc::channel();
    rt.spawn_blocking(move || {
        started_tx.send(()).unwrap();
        thread::sleep(Duration::from_secs(10)); // far longer than we will wait
    });
    started.recv().unwrap();

    let limit = Duration::from_millis(100);
    let start = Instant::now();
    rt.shutdown_timeout(limit);
    let waited = start.elapsed();

    assert!(waited >= limit && waited < Duration::from_secs(1));
    println!("shutdown_timeout waited its limit, then left the closure running");
    // main returns: the process exits, and the leaked thread ends with it.
}
// ANCHOR_END: here
