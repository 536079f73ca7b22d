use std::time::Duration;
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

// ANCHOR: here
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let stop = CancellationToken::new();
    let tracker = TaskTracker::new();

    let mut handles = Vec::new();
    for name in ["poller", "listener"] {
        let stop = stop.clone();
        handles.push(tracker.spawn(async move {
            loop {
                tokio::select! {
                    _ = stop.cancelled() => break,
                    _ = sleep(Duration::from_millis(10)) => {} // one round of work
                }
            }
            format!("{name}: saw the token at an .await, returned")
        }));
    }

    // Blocking code is never paused at an .await: it checks the token itself.
    let token = stop.child_token(); // cancelled along with its parent
    handles.push(tracker.spawn_blocking(move || {
        while !token.is_cancelled() {
            std::thread::sleep(Duration::from_millis(5)); // one step of the work
        }
        "blocking loop: saw the token between two steps, returned".to_owned()
    }));

    sleep(Duration::from_millis(50)).await;
    stop.cancel();
    tracker.close(); // no more tasks will come: wait() can now finish
    tracker.wait().await;
    println!("tracker: every task has finished: {}", tracker.is_empty());
    for handle in handles {
        println!("{}", handle.await.unwrap());
    }
}
// ANCHOR_END: here
