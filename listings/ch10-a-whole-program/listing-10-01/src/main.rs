use tokio::task::{self, JoinHandle};

// ANCHOR: here
async fn count(name: String) {
    for n in 0..3 {
        println!("{name}: {n}");
        task::yield_now().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let counters: Vec<JoinHandle<()>> = (0..4)
        .map(|i| task::spawn(count(format!("counter{i}"))))
        .collect();

    for counter in counters {
        counter.await.unwrap();
    }
    println!("all counters finished");
}
// ANCHOR_END: here
