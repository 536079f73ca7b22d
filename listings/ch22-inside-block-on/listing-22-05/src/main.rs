use std::thread;
use std::time::Duration;

use futures::channel::oneshot;
use futures::executor::block_on;

async fn add(a: u32, b: u32) -> u32 {
    a + b
}

fn main() {
    // Plain async code that needs nothing from any runtime.
    let sum = block_on(add(40, 2));
    println!("block_on(add(40, 2)) = {sum}");

    // A future woken from another thread: block_on parks this thread
    // until the waker unparks it, then polls again.
    let (tx, rx) = oneshot::channel();
    let sender = thread::spawn(move || {
        thread::sleep(Duration::from_millis(5));
        tx.send("a message from a plain thread").unwrap();
    });
    let message = block_on(rx).unwrap();
    println!("block_on(rx) = {message:?}");
    sender.join().unwrap();
}
