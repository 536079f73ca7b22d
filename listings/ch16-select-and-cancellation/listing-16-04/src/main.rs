use std::time::Duration;
use tokio::time::{Instant, Interval, MissedTickBehavior, interval};

// ANCHOR: here
const PERIOD: Duration = Duration::from_millis(100);

/// Ticks `ticks` times, blocking the thread for 230 ms after the first tick
/// (a stall: the ticks due at 100 and 200 ms are missed). Returns when each
/// tick was *scheduled*, in ms after the start, which `tick()` reports.
async fn run(mut ticker: Interval, ticks: usize) -> Vec<u128> {
    let start = ticker.tick().await; // the first tick completes at once
    let mut scheduled = vec![0];
    std::thread::sleep(Duration::from_millis(230));
    for _ in 1..ticks {
        scheduled.push(ticker.tick().await.duration_since(start).as_millis());
    }
    scheduled
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let burst = interval(PERIOD); // Burst is the default
    println!("Burst: {:?}", run(burst, 4).await);

    let mut skip = interval(PERIOD);
    skip.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let ticks = run(skip, 3).await;
    let on_grid = ticks.iter().all(|t| t % 100 == 0);
    println!(
        "Skip: ticks due on the 100 ms grid: {on_grid}, missed ones left out: {}",
        ticks[2] - ticks[1] > 100
    );

    let mut delay = interval(PERIOD);
    delay.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let ticks = run(delay, 3).await;
    println!(
        "Delay: third tick due a period after the late second one: {}",
        ticks[2] >= 330
    );

    // A sleep in a loop drifts: each turn's own time adds to the period.
    let started = Instant::now();
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(30)); // the turn's work
        tokio::time::sleep(PERIOD).await;
    }
    let late = started.elapsed() >= 3 * (PERIOD + Duration::from_millis(30));
    println!("sleep in a loop: three turns took at least 3 x (100 + 30) ms: {late}");
}
// ANCHOR_END: here
