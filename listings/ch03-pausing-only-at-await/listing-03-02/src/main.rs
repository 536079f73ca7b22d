use std::cell::RefCell;
use std::rc::Rc;

use tokio::task::{self, LocalSet};

const BATCHES: u32 = 2;

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
            task::yield_now().await; // a pause point inside the batch
        }
    }
}

async fn reporter(readings: Rc<RefCell<Vec<u32>>>) -> Vec<usize> {
    let mut seen = Vec::new();
    loop {
        let n = readings.borrow().len();
        seen.push(n);
        if n == (BATCHES * 10) as usize {
            return seen;
        }
        task::yield_now().await;
    }
}
// ANCHOR_END: here

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let readings = Rc::new(RefCell::new(Vec::new()));
    let local = LocalSet::new();
    let seen = local
        .run_until(async {
            let collecting = task::spawn_local(collector(Rc::clone(&readings)));
            let watching = task::spawn_local(reporter(Rc::clone(&readings)));
            collecting.await.unwrap();
            watching.await.unwrap()
        })
        .await;
    println!("reporter saw: {seen:?}");
    let torn: Vec<usize> = seen.iter().copied().filter(|n| n % 10 != 0).collect();
    println!("not a multiple of ten: {torn:?}");
}
