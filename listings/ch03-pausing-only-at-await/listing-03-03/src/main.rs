use std::cell::RefCell;
use std::rc::Rc;

use tokio::task;

const BATCHES: u32 = 3;

async fn read_batch(batch_no: u32) -> Vec<u32> {
    task::yield_now().await;
    (0..10).map(|i| batch_no * 10 + i).collect()
}

// ANCHOR: here
async fn collector(readings: Rc<RefCell<Vec<u32>>>) {
    for batch_no in 0..BATCHES {
        let batch = read_batch(batch_no).await;
        for value in batch {
            readings.borrow_mut().push(value);
        }
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let readings = Rc::new(RefCell::new(Vec::new()));
    // A multi-thread runtime may move a task to another worker thread at any
    // `.await`, so `tokio::spawn` only accepts futures that are `Send`.
    let collecting = tokio::spawn(collector(Rc::clone(&readings)));
    collecting.await.unwrap();
    println!("{} readings", readings.borrow().len());
}
// ANCHOR_END: here
