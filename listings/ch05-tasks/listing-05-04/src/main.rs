use std::sync::mpsc;
use std::time::Duration;

#[tokio::main] // the default: the multi-thread runtime
async fn main() {
    let (tx, rx) = mpsc::channel(); // a plain std channel, not an async one
    let handle = tokio::spawn(async move {
        let thread = std::thread::current();
        tx.send(thread.name().map(str::to_owned)).unwrap();
    });

    // Block this thread without ever reaching an .await. (Never do this
    // in real async code: it is here only to prove that main did not yield.)
    let seen = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("the task never started");
    println!("main has not yielded, yet the task already ran on {seen:?}");
    println!("main itself runs on {:?}", std::thread::current().name());

    handle.await.unwrap();
}
