use std::time::Duration;

/// Pretend I/O: waits a moment, then returns batch `number`,
/// or `None` once the source has run dry (after three batches).
async fn fetch_batch(number: u32) -> Option<Vec<u32>> {
    tokio::time::sleep(Duration::from_millis(2)).await;
    (number < 3).then(|| (1..=3).map(|i| number * 10 + i).collect())
}

async fn process(batch: Vec<u32>) {
    tokio::task::yield_now().await;
    println!("processed {batch:?}: total {}", batch.iter().sum::<u32>());
}

#[tokio::main]
async fn main() {
    let mut number = 0;
    while let Some(batch) = fetch_batch(number).await {
        process(batch).await;
        number += 1;
    }
    println!("source ran dry after {number} batches");
}
