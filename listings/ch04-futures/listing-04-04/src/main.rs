use tokio::sync::oneshot;
use tokio::task;

// ANCHOR: here
async fn announce(name: &'static str) -> &'static str {
    println!("{name}: running");
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let lazy = announce("async fn future"); // nothing runs yet
    let eager = tokio::spawn(announce("spawned task")); // handed to the scheduler
    let (slot, result) = oneshot::channel();
    slot.send("filled before anyone awaited").unwrap();

    println!("main: pausing once");
    task::yield_now().await;
    println!("main: now awaiting all three");
    lazy.await;
    eager.await.unwrap();
    println!("slot: {}", result.await.unwrap());
}
// ANCHOR_END: here
