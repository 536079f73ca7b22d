use std::future;

use tokio::task;

// ANCHOR: here
async fn read_sensor() -> u32 {
    panic!("sensor offline");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR_END: here
    // Keep the panic inside `read_sensor` from printing its usual message on
    // stderr: this listing looks at the panic through the `JoinError` instead.
    std::panic::set_hook(Box::new(|_| {}));
    // ANCHOR: here
    let quick = tokio::spawn(async { 7 });
    let stuck = tokio::spawn(future::pending::<u32>()); // never finishes by itself
    let faulty = tokio::spawn(read_sensor());

    println!("just spawned: quick finished? {}", quick.is_finished());
    task::yield_now().await; // let each task run once
    println!("after a yield: quick finished? {}", quick.is_finished());
    println!("after a yield: stuck finished? {}", stuck.is_finished());

    stuck.abort(); // task.cancel()
    println!("just aborted: stuck finished? {}", stuck.is_finished());

    println!("quick: {:?}", quick.await);
    let cancelled = stuck.await.unwrap_err();
    println!("stuck: cancelled? {}", cancelled.is_cancelled());
    let crashed = faulty.await.unwrap_err();
    let message = crashed.into_panic().downcast::<&str>().unwrap();
    println!("faulty: panicked with {message:?}");
}
// ANCHOR_END: here
