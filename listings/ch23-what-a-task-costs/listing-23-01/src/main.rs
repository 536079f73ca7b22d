use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Runtime};

// ANCHOR: here
/// Spawns `n` tasks, then awaits every `JoinHandle`.
/// Returns the sum of what the tasks returned.
async fn spawn_and_await(n: u64) -> u64 {
    let mut handles = Vec::with_capacity(n as usize);
    for i in 0..n {
        handles.push(tokio::spawn(async move { i }));
    }
    let mut sum = 0;
    for handle in handles {
        sum += handle.await.expect("the task panicked");
    }
    sum
}

/// Goes back to the scheduler `n` times from one task.
async fn yield_round_trips(n: u64) -> u64 {
    for _ in 0..n {
        tokio::task::yield_now().await;
    }
    n
}

/// Runs `work` as a task of its own on `rt` and times it from inside.
fn timed<F>(rt: &Runtime, work: F) -> (F::Output, Duration)
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    rt.block_on(async {
        let task = tokio::spawn(async move {
            let start = Instant::now();
            let output = work.await;
            (output, start.elapsed())
        });
        task.await.expect("the measuring task panicked")
    })
}
// ANCHOR_END: here

/// Wraps a future and counts how many times it is polled: a task that
/// really goes back to the scheduler `n` times is polled `n + 1` times.
async fn count_polls<F: Future>(work: F) -> (F::Output, u64) {
    let mut work = std::pin::pin!(work);
    let mut polls = 0;
    let output = std::future::poll_fn(|cx| {
        polls += 1;
        work.as_mut().poll(cx)
    })
    .await;
    (output, polls)
}

/// Rounds per figure: the median of several runs is steadier than one run.
const ROUNDS: usize = 5;

/// Without an argument: a tiny run whose every line is deterministic.
const CHECK_N: u64 = 1_000;

fn main() {
    let n_arg = std::env::args().nth(1).map(|s| {
        s.parse::<u64>()
            .ok()
            .filter(|&n| n > 0)
            .expect("the argument must be a positive number of operations")
    });
    let n = n_arg.unwrap_or(CHECK_N);
    let rounds = if n_arg.is_some() { ROUNDS } else { 1 };
    if n_arg.is_some() {
        println!("N = {n} operations per round, median of {ROUNDS} rounds, ns per operation");
    }

    // One runtime at a time: each is built, measured and shut down in turn.
    for flavor in ["current_thread", "multi_thread"] {
        let rt = build_runtime(flavor);

        let mut spawn_times = Vec::new();
        let mut sum = 0;
        for _ in 0..rounds {
            let (result, elapsed) = timed(&rt, spawn_and_await(n));
            assert_eq!(result, (0..n).sum::<u64>(), "every task ran exactly once");
            sum = result;
            spawn_times.push(elapsed);
        }

        let mut yield_times = Vec::new();
        let mut polls = 0;
        for _ in 0..rounds {
            let ((count, counted), elapsed) = timed(&rt, count_polls(yield_round_trips(n)));
            assert_eq!(count, n);
            assert_eq!(counted, n + 1, "every yield_now went back to the scheduler");
            polls = counted;
            yield_times.push(elapsed);
        }

        if n_arg.is_some() {
            let spawn = median_ns_per_op(&mut spawn_times, n);
            let round_trip = median_ns_per_op(&mut yield_times, n);
            println!("spawn_and_await {flavor} {spawn:.1}");
            println!("yield_round_trip {flavor} {round_trip:.1}");
        } else {
            println!("{flavor}: spawned and awaited {n} tasks; their results sum to {sum}");
            println!("{flavor}: {n} yield_now round trips; the task was polled {polls} times");
        }
    }
}

fn build_runtime(flavor: &str) -> Runtime {
    let mut builder = match flavor {
        "current_thread" => Builder::new_current_thread(),
        _ => Builder::new_multi_thread(),
    };
    builder
        .enable_all()
        .build()
        .expect("could not build the runtime")
}

fn median_ns_per_op(times: &mut [Duration], n: u64) -> f64 {
    times.sort();
    times[times.len() / 2].as_nanos() as f64 / n as f64
}
