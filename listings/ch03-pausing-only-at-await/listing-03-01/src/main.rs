use std::cell::RefCell;
use std::rc::Rc;

use tokio::task::{self, LocalSet};

// ANCHOR: here
const BATCHES: u32 = 3;

/// Stands in for a read from the network: it is not ready at first (so the
/// caller pauses once), then it hands back a batch of ten readings.
async fn read_batch(batch_no: u32) -> Vec<u32> {
    task::yield_now().await;
    (0..10).map(|i| batch_no * 10 + i).collect()
}

async fn collector(readings: Rc<RefCell<Vec<u32>>>) {
    for batch_no in 0..BATCHES {
        let batch = read_batch(batch_no).await; // may pause here...
        for value in batch {
            readings.borrow_mut().push(value); // ...but never in here
        }
    }
}

async fn reporter(readings: Rc<RefCell<Vec<u32>>>) {
    loop {
        let n = readings.borrow().len();
        println!("reporter sees {n} readings");
        assert_eq!(n % 10, 0, "caught the collector half-way through a batch");
        if n == (BATCHES * 10) as usize {
            break;
        }
        task::yield_now().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let readings = Rc::new(RefCell::new(Vec::new()));
    let local = LocalSet::new();
    local
        .run_until(async {
            let collecting = task::spawn_local(collector(Rc::clone(&readings)));
            let watching = task::spawn_local(reporter(Rc::clone(&readings)));
            collecting.await.unwrap();
            watching.await.unwrap();
        })
        .await;
}
// ANCHOR_END: here
