use std::error::Error;
use std::io::BufRead;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::runtime;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::{Mutex, mpsc};
use tokio::task::{self, JoinSet};
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;

// ANCHOR: here
const WORKERS: usize = 3;
const QUEUE_SIZE: usize = 4;
/// How long one job may run before it is told to stop.
const JOB_LIMIT: Duration = Duration::from_secs(2);
/// How long the exit waits for blocking closures still running.
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
    let ending = runtime.block_on(serve());
    if let Ok(Ending::Forced) = ending {
        runtime.shutdown_background(); // waits for nothing
        println!("second Ctrl-C: quitting now");
        return Ok(ExitCode::from(130));
    }
    runtime.shutdown_timeout(LEFTOVER_LIMIT); // on every other path, errors included
    ending?;
    println!("stopped");
    Ok(ExitCode::SUCCESS)
}

async fn serve() -> std::io::Result<Ending> {
    let mut sigint = signal(SignalKind::interrupt())?; // listening from here on
    println!("ready: one job per line (milliseconds of work); Ctrl-C stops");
    let stop = CancellationToken::new(); // cancelled by the first Ctrl-C
    let (sender, receiver) = mpsc::channel(QUEUE_SIZE);
    let reader_stop = stop.clone();
    std::thread::spawn(move || read_jobs(sender, reader_stop)); // never joined
    let receiver = Arc::new(Mutex::new(receiver)); // one queue, several workers
    let mut workers = JoinSet::new();
    for _ in 0..WORKERS {
        workers.spawn(worker(receiver.clone(), stop.clone()));
    }

    tokio::select! {
        biased; // a Ctrl-C wins over the workers' end
        _ = sigint.recv() => {}
        () = join_all(&mut workers) => return Ok(Ending::Finished), // stdin closed
    }
    stop.cancel(); // take no more jobs; the jobs in hand run on
    println!("stopping: finishing the jobs in hand (Ctrl-C again quits at once)");
    tokio::select! {
        biased;
        _ = sigint.recv() => return Ok(Ending::Forced),
        () = join_all(&mut workers) => {}
    }
    let mut queue = receiver.lock().await;
    queue.close(); // the reader's next send fails
    while let Ok(job) = queue.try_recv() {
        println!("job {}: dropped, never started", job.number);
    }
    Ok(Ending::Finished)
}

/// Waits for every worker, reporting those that panicked (cancel safe).
async fn join_all(workers: &mut JoinSet<()>) {
    while let Some(ended) = workers.join_next().await {
        if let Err(error) = ended {
            println!("a worker failed: {error}");
        }
    }
}

/// Runs on a thread of its own: a blocking read of stdin cannot be cancelled.
fn read_jobs(queue: mpsc::Sender<Job>, stop: CancellationToken) {
    let mut number = 0;
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { return };
        if stop.is_cancelled() {
            return; // a line read after Ctrl-C is not a job
        }
        let Ok(millis) = line.trim().parse() else {
            println!("not a number of milliseconds: {line:?}");
            continue;
        };
        number += 1;
        if queue.blocking_send(Job { number, millis }).is_err() {
            return; // closed while this line waited for a slot: never queued
        }
    } // end of input: dropping the sender closes the queue
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
