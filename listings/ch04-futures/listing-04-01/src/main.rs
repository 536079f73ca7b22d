use tokio::sync::oneshot;
use tokio::task;

// ANCHOR: here
async fn producer(slot: oneshot::Sender<u32>) {
    println!("producer: measuring");
    task::yield_now().await; // pretend the measurement takes a while
    println!("producer: filling the slot");
    slot.send(42).unwrap(); // asyncio: fut.set_result(42)
    println!("producer: done");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (slot, result) = oneshot::channel(); // asyncio: loop.create_future()
    let producing = tokio::spawn(producer(slot));
    println!("consumer: waiting");
    let value = result.await.unwrap(); // asyncio: await fut
    println!("consumer: got {value}");
    producing.await.unwrap();
}
// ANCHOR_END: here
