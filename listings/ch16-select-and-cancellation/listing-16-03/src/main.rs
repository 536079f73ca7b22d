use std::pin::pin;
use std::time::Duration;
use tokio::sync::mpsc::{self, Receiver};
use tokio::time::sleep;

// ANCHOR: here
/// Not cancel safe: if it is dropped after the first `recv`, that number is lost.
async fn read_pair(numbers: &mut Receiver<u32>) -> (u32, u32) {
    let first = numbers.recv().await.unwrap();
    let second = numbers.recv().await.unwrap();
    (first, second)
}

/// Sends 1, then a status request, then 2: a pause between each.
fn start_feeding() -> (Receiver<u32>, Receiver<&'static str>) {
    let (numbers_tx, numbers) = mpsc::channel(4);
    let (requests_tx, requests) = mpsc::channel(4);
    tokio::spawn(async move {
        numbers_tx.send(1).await.unwrap();
        sleep(Duration::from_millis(50)).await;
        requests_tx.send("status?").await.unwrap();
        sleep(Duration::from_millis(50)).await;
        numbers_tx.send(2).await.unwrap();
        numbers_tx.send(3).await.unwrap();
    });
    (numbers, requests)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Wrong: a new read_pair each turn; the one that lost is dropped with 1 in it.
    let (mut numbers, mut requests) = start_feeding();
    loop {
        tokio::select! {
            pair = read_pair(&mut numbers) => { println!("new future each turn: {pair:?}"); break; }
            Some(request) = requests.recv() => println!("answered {request}"),
        }
    }

    // Right: one future, pinned outside the loop, resumed by `&mut` each turn.
    let (mut numbers, mut requests) = start_feeding();
    let mut pair = pin!(read_pair(&mut numbers));
    loop {
        tokio::select! {
            pair = &mut pair => { println!("one pinned future: {pair:?}"); break; }
            Some(request) = requests.recv() => println!("answered {request}"),
        }
    }
}
// ANCHOR_END: here
