use std::sync::{Arc, Mutex};
use tokio::task;

// ANCHOR: here
type Log = Arc<Mutex<Vec<(usize, u32)>>>;

async fn count(id: usize, log: Log) {
    for n in 0..3 {
        log.lock().unwrap().push((id, n)); // instead of printing
        task::yield_now().await;
    }
}

#[tokio::main] // the multi-threaded runtime: one worker per CPU core
async fn main() {
    let log: Log = Arc::default();
    let counters: Vec<_> = (0..4)
        .map(|id| task::spawn(count(id, Arc::clone(&log))))
        .collect();
    for counter in counters {
        counter.await.unwrap();
    }

    let log = log.lock().unwrap();
    println!("{} lines were logged", log.len());
    for id in 0..4 {
        let mine: Vec<u32> = log.iter().filter(|e| e.0 == id).map(|e| e.1).collect();
        assert_eq!(mine, [0, 1, 2]);
    }
    println!("each counter's own lines came in order 0, 1, 2");
    // How the four counters interleave differs from run to run, so it is
    // not printed.
}
// ANCHOR_END: here
