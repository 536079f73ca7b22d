use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel(8);
    tokio::spawn(async move {
        for n in 1..=3 {
            tx.send(n).await.unwrap();
        }
        std::future::pending::<()>().await; // holds `tx`, never sends again
    });

    loop {
        tokio::select! {
            biased; // try the branches in order, not at random
            Some(n) = rx.recv() => println!("message {n}"),
            _ = sleep(Duration::from_millis(50)) => {
                println!("nothing for 50 ms: stop waiting");
                break;
            }
        }
    }
}
// ANCHOR_END: here
