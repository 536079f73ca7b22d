use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: here
async fn worker(id: u32, jobs: Arc<Mutex<mpsc::Receiver<u32>>>) -> Vec<(u32, u32)> {
    let mut done = Vec::new();
    loop {
        // The lock is held only while waiting for the next job: the guard is
        // a temporary, dropped at the end of this statement.
        let job = jobs.lock().await.recv().await;
        let Some(job) = job else { return done }; // queue closed and empty
        sleep(Duration::from_millis(10)).await; // the job's work
        done.push((job, id));
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (sender, receiver) = mpsc::channel(2);
    let receiver = Arc::new(Mutex::new(receiver));
    let mut workers = JoinSet::new();
    for id in 1..=3 {
        workers.spawn(worker(id, receiver.clone()));
    }
    for job in 1..=9 {
        sender.send(job).await.unwrap(); // waits while the queue is full
    }
    drop(sender); // no more jobs: each worker's recv returns None once empty

    let mut results = Vec::new();
    while let Some(done) = workers.join_next().await {
        results.extend(done.unwrap());
    }
    results.sort();
    let jobs: Vec<u32> = results.iter().map(|&(job, _)| job).collect();
    println!("jobs done: {jobs:?}");
    let mut busy: Vec<u32> = results.iter().map(|&(_, id)| id).collect();
    busy.sort();
    busy.dedup();
    println!("workers that took part: {busy:?}");
}
// ANCHOR_END: here
