use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, Semaphore, watch};
use tokio::time::sleep;

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (go, signal) = watch::channel(false); // like asyncio.Event
    let permits = Arc::new(Semaphore::new(2)); // at most two at once
    let log = Arc::new(Mutex::new(Vec::new())); // held across .await
    let busy = Arc::new(std::sync::Mutex::new((0, 0))); // (now, most)

    let mut workers = Vec::new();
    for id in 0..4 {
        let (mut signal, permits) = (signal.clone(), permits.clone());
        let (log, busy) = (log.clone(), busy.clone());
        workers.push(tokio::spawn(async move {
            signal.wait_for(|started| *started).await.unwrap();
            let _permit = permits.acquire().await.unwrap();
            {
                let mut b = busy.lock().unwrap(); // never held across .await
                b.0 += 1;
                b.1 = b.1.max(b.0);
            }
            let mut entries = log.lock().await;
            entries.push(format!("{id} begins"));
            sleep(Duration::from_millis(5)).await; // the lock stays held
            entries.push(format!("{id} ends"));
            drop(entries);
            busy.lock().unwrap().0 -= 1;
        }));
    }

    tokio::task::yield_now().await; // the workers run, and wait
    assert_eq!(busy.lock().unwrap().1, 0);
    println!("before the signal, no worker has started");
    go.send(true).unwrap();
    for worker in workers {
        worker.await.unwrap();
    }

    let entries = log.lock().await;
    assert!(
        entries
            .chunks(2)
            .all(|p| p[1] == p[0].replace("begins", "ends"))
    );
    println!("each worker's two log lines are adjacent");
    assert!(busy.lock().unwrap().1 <= 2);
    println!("at most two workers held a permit at once");
}
// ANCHOR_END: here
