use std::thread;
use std::time::Duration;

use futures::channel::oneshot as thread_oneshot;
use futures::future::{Either, select};
use tokio::sync::oneshot;

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, answer) = oneshot::channel();
    tokio::spawn(async move { tx.send("the spawned task's answer").unwrap() });

    // A deadline kept by a plain thread, so that the example ends.
    let (fire, deadline) = thread_oneshot::channel::<()>();
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(100));
        fire.send(()).unwrap();
    });

    // futures' block_on inside a tokio task: it does not refuse. It parks the
    // runtime's only thread, so the spawned task cannot run and answer.
    match futures::executor::block_on(select(answer, deadline)) {
        Either::Left(_) => println!("the answer came while block_on waited"),
        Either::Right((_, answer)) => {
            println!("block_on ran inside the runtime and waited out the deadline");
            // Awaited, not blocked on: main pauses, and the task gets its turn.
            println!("awaited afterwards: {:?}", answer.await.unwrap());
        }
    }
}
// ANCHOR_END: here
