use tokio::task;

// ANCHOR: here
async fn count(name: &str, upto: u32) -> task::Id {
    for i in 1..=upto {
        println!("{name} {i}");
        task::yield_now().await;
    }
    task::id() // the task this future ran in
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // `main`'s own future is driven by `block_on` and is not a task, so one
    // task is spawned to host both counters.
    let host = tokio::spawn(async {
        let (apples, pears) = tokio::join!(count("apples", 3), count("pears", 3));
        println!("both ran in one task: {}", apples == pears);
    });
    host.await.unwrap();
}
// ANCHOR_END: here
