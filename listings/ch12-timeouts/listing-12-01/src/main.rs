use std::time::{Duration, Instant};

use tokio::time::{error::Elapsed, timeout};

// ANCHOR: here
/// Says when it is dropped: the only code a cancelled future can still run.
struct Cleanup(&'static str);

impl Drop for Cleanup {
    fn drop(&mut self) {
        println!("{}: dropped, cleanup runs", self.0);
    }
}

async fn lookup(name: &'static str, takes: Duration) -> u32 {
    let _cleanup = Cleanup(name);
    tokio::time::sleep(takes).await;
    println!("{name}: finished");
    42
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let limit = Duration::from_millis(50);

    let quick: Result<u32, Elapsed> = timeout(limit, lookup("quick", Duration::ZERO)).await;
    println!("quick: {quick:?}");

    let start = Instant::now();
    let slow = timeout(limit, lookup("slow", Duration::from_secs(10))).await;
    match slow {
        Ok(n) => println!("slow: Ok({n})"),
        Err(elapsed) => println!("slow: Err: {elapsed}"),
    }
    assert!(start.elapsed() >= limit && start.elapsed() < Duration::from_secs(1));
    println!("gave up after the limit, not after ten seconds");
}
// ANCHOR_END: here
