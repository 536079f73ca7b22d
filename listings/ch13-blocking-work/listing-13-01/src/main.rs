use std::time::{Duration, Instant};

// ANCHOR: here
const NAP: Duration = Duration::from_millis(50);
const HOG: Duration = Duration::from_millis(500);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();

    let napper = tokio::spawn(async move {
        tokio::time::sleep(NAP).await;
        start.elapsed()
    });
    // The same blocking call as before, now on a thread of the blocking pool:
    // the runtime's thread stays free to run the napper and check its timer.
    let hog = tokio::task::spawn_blocking(|| {
        std::thread::sleep(HOG);
        "the hog's result"
    });

    let woke_after = napper.await.unwrap();
    let result = hog.await.unwrap();

    assert!(woke_after >= NAP && woke_after < HOG);
    println!("the napper woke before the hog was done");
    println!("then main got {result:?} from its own thread");
}
// ANCHOR_END: here
