use tokio::sync::mpsc::{self, error::TrySendError};

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(2); // room for two messages
    tx.try_send(1).unwrap();
    tx.try_send(2).unwrap();
    if let Err(TrySendError::Full(n)) = tx.try_send(3) {
        println!("the channel is full: {n} has to wait");
    }

    let producer = tokio::spawn(async move {
        for n in 3..=5 {
            tx.send(n).await.unwrap(); // waits until there is room
        }
    }); // the task ends, `tx` is dropped, and the channel closes

    while let Some(n) = rx.recv().await {
        println!("got {n}");
    }
    println!("every sender is gone: recv returned None");
    producer.await.unwrap();
}
// ANCHOR_END: here
