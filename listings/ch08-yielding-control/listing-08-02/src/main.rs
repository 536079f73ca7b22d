use std::time::{Duration, Instant};

// ANCHOR: here
const NAP: Duration = Duration::from_millis(50);
const HOG: Duration = Duration::from_millis(200);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();

    let napper = tokio::spawn(async move {
        tokio::time::sleep(NAP).await;
        start.elapsed() // how long after the start it really woke
    });
    let hog = tokio::spawn(async {
        // Blocking call: the runtime's only thread is stuck here, so nothing
        // else runs and no timer is checked until it returns.
        std::thread::sleep(HOG);
    });

    let woke_after = napper.await.unwrap();
    hog.await.unwrap();

    assert!(woke_after >= NAP);
    println!("the napper did not wake before its 50 ms were up");
    assert!(woke_after - NAP >= Duration::from_millis(150));
    println!("it woke at least 150 ms late: the hog held the thread");
}
// ANCHOR_END: here
