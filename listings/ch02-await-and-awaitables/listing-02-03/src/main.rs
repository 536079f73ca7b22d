use tokio::sync::oneshot;

async fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // 1. The future returned by an async fn.
    let sum = add(1, 2).await;
    println!("async fn future: {sum}");

    // 2. An async block.
    let scaled = async { sum * 10 }.await;
    println!("async block: {scaled}");

    // 3. A JoinHandle: the task is spawned now and runs on its own.
    let handle = tokio::spawn(async {
        println!("  spawned task: running");
        7
    });

    // 4. The receiving end of a oneshot channel.
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        println!("  sender task: sending");
        tx.send("hello").unwrap();
    });
    let message = rx.await.unwrap();
    println!("oneshot receiver: {message}");

    // The first task finished while we were waiting for the message;
    // awaiting its handle only collects the result.
    let seven = handle.await.unwrap();
    println!("join handle: {seven}");
}
