use std::time::Duration;

use tokio::task::{JoinError, JoinHandle};

async fn brew(kind: &'static str) -> String {
    println!("  task: brewing {kind}");
    println!("  task: {kind} is ready");
    format!("a cup of {kind}")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handle: JoinHandle<String> = tokio::spawn(brew("tea"));
    println!("main: spawned; finished? {}", handle.is_finished());

    // main waits for something else; the task runs in the meantime.
    tokio::time::sleep(Duration::from_millis(5)).await;
    println!("main: back from a nap; finished? {}", handle.is_finished());

    let outcome: Result<String, JoinError> = handle.await;
    println!("main: the handle gave {outcome:?}");
}
