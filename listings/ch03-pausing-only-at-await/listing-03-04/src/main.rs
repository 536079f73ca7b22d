use std::sync::{Arc, Mutex};

use tokio::task;

// ANCHOR: here
const BATCHES: u32 = 1_000;

async fn read_batch(batch_no: u32) -> Vec<u32> {
    task::yield_now().await;
    (0..10).map(|i| batch_no * 10 + i).collect()
}

async fn collector(readings: Arc<Mutex<Vec<u32>>>) {
    for batch_no in 0..BATCHES {
        let batch = read_batch(batch_no).await;
        // One lock for the whole batch: no other thread can look at the list
        // until the guard is dropped at the end of this block.
        let mut list = readings.lock().unwrap();
        for value in batch {
            list.push(value);
        }
    } // (the guard is dropped before the next `.await`)
}

async fn reporter(readings: Arc<Mutex<Vec<u32>>>) {
    loop {
        let n = readings.lock().unwrap().len();
        assert_eq!(n % 10, 0, "caught the collector half-way through a batch");
        if n == (BATCHES * 10) as usize {
            return;
        }
        task::yield_now().await;
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let readings = Arc::new(Mutex::new(Vec::new()));
    let collecting = tokio::spawn(collector(Arc::clone(&readings)));
    let watching = tokio::spawn(reporter(Arc::clone(&readings)));
    collecting.await.unwrap();
    watching.await.unwrap();
    println!("final length: {}", readings.lock().unwrap().len());
    println!("every length the reporter saw was a multiple of ten");
}
// ANCHOR_END: here
