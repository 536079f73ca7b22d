use std::cell::RefCell;
use std::rc::Rc;

use tokio::task::{self, LocalSet};

async fn read_batch(batch_no: u32) -> Vec<u32> {
    task::yield_now().await;
    (0..10).map(|i| batch_no * 10 + i).collect()
}

// ANCHOR: here
async fn collector(readings: Rc<RefCell<Vec<u32>>>) {
    for batch_no in 0..3 {
        let batch = read_batch(batch_no).await;
        for &value in &batch {
            readings.borrow_mut().push(batch); // meant: push(value)
        }
    }
}
// ANCHOR_END: here

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let readings = Rc::new(RefCell::new(Vec::new()));
    LocalSet::new()
        .run_until(task::spawn_local(collector(Rc::clone(&readings))))
        .await
        .unwrap();
    println!("{} readings", readings.borrow().len());
}
