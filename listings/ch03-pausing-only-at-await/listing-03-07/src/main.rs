use tokio::task;

async fn count(name: &str, upto: u32) -> task::Id {
    for i in 1..=upto {
        println!("{name} {i}");
        task::yield_now().await;
    }
    task::id() // the task this future ran in
}

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let apples = tokio::spawn(count("apples", 3));
    let pears = tokio::spawn(count("pears", 3));
    println!("both spawned; main has not paused yet");
    let (apples, pears) = (apples.await.unwrap(), pears.await.unwrap());
    println!("both ran in one task: {}", apples == pears);
}
// ANCHOR_END: here
