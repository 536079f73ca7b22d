// ANCHOR: here
use tokio::task;

async fn take_turns(name: &'static str) {
    for round in 0..3 {
        println!("{name} is on round {round}");
        task::yield_now().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let first = task::spawn(take_turns("ping"));
    let second = task::spawn(take_turns("pong"));
    first.await.unwrap();
    second.await.unwrap();
}
// ANCHOR_END: here
