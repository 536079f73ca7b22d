use tokio::task::{self, JoinSet};

// ANCHOR: here
async fn count(name: String) -> String {
    for n in 0..3 {
        println!("{name}: {n}");
        task::yield_now().await;
    }
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut counters = JoinSet::new();
    for i in 0..4 {
        counters.spawn(count(format!("counter{i}")));
    }

    while let Some(finished) = counters.join_next().await {
        println!("{} finished", finished.unwrap());
    }
}
// ANCHOR_END: here
