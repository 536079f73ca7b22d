//! Running programs: a listing's binary or a Python counterpart, with empty
//! stdin and a time limit, several at once.

use std::process::{Command, ExitStatus};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// No program may run longer than this: the book's programs are tiny.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// What a finished program did.
pub struct Ran {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Runs a command with empty stdin and the listings' time limit, capturing
/// stdout and stderr.
pub fn run(cmd: Command) -> Result<Ran, String> {
    run_with_limit(cmd, RUN_TIMEOUT)
}

/// Runs a command with empty stdin, killing it (snapbox does) once `limit`
/// has passed.
pub fn run_with_limit(cmd: Command, limit: Duration) -> Result<Ran, String> {
    let shown: Vec<String> =
        [cmd.get_program()].into_iter().chain(cmd.get_args()).map(|a| a.to_string_lossy().into_owned()).collect();
    let shown = format!("`{}`", shown.join(" "));
    let started = Instant::now();
    let output = snapbox::cmd::Command::from_std(cmd)
        .stdin("")
        .timeout(limit)
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if !output.status.success() && started.elapsed() >= limit {
        return Err(format!("{shown} did not finish within {limit:?} and was killed"));
    }
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    Ok(Ran { status: output.status, stdout: text(output.stdout), stderr: text(output.stderr) })
}

/// Runs `f` over `items` on a few threads, collecting every problem.
pub fn in_parallel<T: Sync>(items: &[T], f: impl Fn(&T) -> Vec<String> + Sync) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let problems = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let found = f(item);
                problems.lock().unwrap().extend(found);
            });
        }
    });
    problems.into_inner().unwrap()
}
