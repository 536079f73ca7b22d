use std::error::Error;
use std::pin::pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::{Mutex, mpsc};
use tokio::time::timeout;
use tokio::{runtime, signal, task};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

// ANCHOR: here
const WORKERS: usize = 3;
const QUEUE_SIZE: usize = 4;
/// How long one job may run before it is told to stop.
const JOB_LIMIT: Duration = Duration::from_secs(2);
/// How long the exit waits for blocking threads still busy (the stdin reader).
const LEFTOVER_LIMIT: Duration = Duration::from_millis(500);

struct Job {
    number: u32,
    millis: u64,
}

enum Ending {
    Finished,
    Forced,
}

fn main() -> Result<ExitCode, Box<dyn Error>> {
    let runtime = runtime::Builder::new_multi_thread().enable_all().build()?;
    let ending = runtime.block_on(serve())?;
    match ending {
        Ending::Finished => {
            // Waits at most LEFTOVER_LIMIT for blocking closures still running.
            runtime.shutdown_timeout(LEFTOVER_LIMIT);
            println!("stopped");
            Ok(ExitCode::SUCCESS)
        }
        Ending::Forced => {
            runtime.shutdown_background(); // waits for nothing
            println!("second Ctrl-C: quitting now");
            Ok(ExitCode::from(130))
        }
    }
}

async fn serve() -> std::io::Result<Ending> {
    let stop = CancellationToken::new(); // cancelled by the first Ctrl-C
    let (sender, receiver) = mpsc::channel(QUEUE_SIZE);
    let receiver = Arc::new(Mutex::new(receiver)); // one queue, several workers
    let tracker = TaskTracker::new();
    tracker.spawn(read_jobs(sender, stop.clone()));
    for _ in 0..WORKERS {
        tracker.spawn(worker(receiver.clone(), stop.clone()));
    }
    tracker.close(); // so that wait() ends once these tasks have

    let mut ctrl_c = pin!(signal::ctrl_c());
    let _ = futures::poll!(ctrl_c.as_mut()); // the first poll starts listening
    println!("ready: one job per line (milliseconds of work); Ctrl-C stops");
    tokio::select! {
        _ = tracker.wait() => return Ok(Ending::Finished), // stdin closed
        result = ctrl_c => result?,
    }

    stop.cancel(); // take no more jobs; the jobs in hand run on
    let mut again = pin!(signal::ctrl_c());
    let _ = futures::poll!(again.as_mut());
    println!("stopping: finishing the jobs in hand (Ctrl-C again quits at once)");
    tokio::select! {
        _ = tracker.wait() => Ok(Ending::Finished),
        result = again => result.map(|()| Ending::Forced),
    }
}

async fn read_jobs(queue: mpsc::Sender<Job>, stop: CancellationToken) {
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut number = 0;
    loop {
        let line = tokio::select! {
            _ = stop.cancelled() => return,
            line = lines.next_line() => line, // cancel safe: no line is lost
        };
        let Ok(Some(line)) = line else { return }; // end of input: the queue closes
        let Ok(millis) = line.trim().parse() else {
            println!("not a number of milliseconds: {line:?}");
            continue;
        };
        number += 1;
        let job = Job { number, millis };
        tokio::select! {
            _ = stop.cancelled() => return,
            permit = queue.reserve() => match permit {
                Ok(permit) => permit.send(job), // a slot is ours: sending cannot wait
                Err(_) => return,
            },
        }
    }
}

async fn worker(queue: Arc<Mutex<mpsc::Receiver<Job>>>, stop: CancellationToken) {
    loop {
        let job = tokio::select! {
            biased; // a stop request wins over a waiting job
            _ = stop.cancelled() => return,
            job = async { queue.lock().await.recv().await } => job,
        };
        let Some(job) = job else { return }; // queue closed and empty
        println!("job {}: started, {} ms of work", job.number, job.millis);
        let job_stop = CancellationToken::new();
        let token = job_stop.clone();
        let mut work = task::spawn_blocking(move || do_work(job.millis, &token));
        let finished = match timeout(JOB_LIMIT, &mut work).await {
            Ok(finished) => finished,
            Err(_elapsed) => {
                job_stop.cancel(); // the closure sees this at its next check
                work.await
            }
        };
        match finished {
            Ok(true) => println!("job {}: done", job.number),
            Ok(false) => println!("job {}: stopped at its time limit", job.number),
            Err(error) => println!("job {}: failed: {error}", job.number),
        }
    }
}

/// Blocking work in short steps, checking between steps whether to stop.
fn do_work(millis: u64, stop: &CancellationToken) -> bool {
    let until = Instant::now() + Duration::from_millis(millis);
    while Instant::now() < until {
        if stop.is_cancelled() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10)); // one step of the work
    }
    true
}
// ANCHOR_END: here
