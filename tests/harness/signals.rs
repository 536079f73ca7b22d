//! Listings that run until Ctrl-C: the capstone service and its asyncio twin.
//!
//! Such a listing waits on its stdin and stops only on SIGINT, so the
//! ordinary run (stdin empty, no signal) does not apply to it. Its expected
//! outputs are named after the signal path that produces them
//! (`after-ctrl-c.txt`, `after-two-ctrl-cs.txt`); a listing that has one is
//! driven here instead: started, fed the scenario's lines once it says it is
//! ready, sent real SIGINTs, and its stdout and exit status compared. The
//! Rust program and its Python counterpart must print the same file.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One thing the driver does to the running program, in order.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// Wait until the program prints a line that starts with this.
    WaitFor(&'static str),
    /// Write this line to its stdin.
    Write(&'static str),
    /// Send it SIGINT, as Ctrl-C in a terminal does.
    CtrlC,
}

/// A signal path: the steps, the file holding the stdout they produce, and
/// the exit status they end with.
#[derive(Debug)]
pub struct Scenario {
    pub file: &'static str,
    pub steps: &'static [Step],
    pub status: i32,
}

use Step::*;

/// The signal paths. Every line is awaited before the next step, so what is
/// printed does not depend on timing: one job at a time, and the second
/// Ctrl-C goes only after the program has said it is stopping, while its
/// job still has most of its two-second limit to run.
pub const SCENARIOS: [Scenario; 2] = [
    Scenario {
        file: "after-ctrl-c.txt",
        steps: &[
            WaitFor("ready"),
            Write("100"),
            WaitFor("job 1: done"),
            Write("5000"),
            WaitFor("job 2: stopped"),
            CtrlC,
        ],
        status: 0,
    },
    Scenario {
        file: "after-two-ctrl-cs.txt",
        steps: &[WaitFor("ready"), Write("5000"), WaitFor("job 1: started"), CtrlC, WaitFor("stopping"), CtrlC],
        status: 130,
    },
];

/// How long one step, or the exit after the last, may take.
const STEP_LIMIT: Duration = Duration::from_secs(20);

/// True when the listing in `dir` is driven by signals, not run plainly.
pub fn driven_by_signals(dir: &Path) -> bool {
    SCENARIOS.iter().any(|s| dir.join(s.file).exists())
}

/// The expected outputs of signal paths that the listing in `dir` has.
pub fn scenarios_of(dir: &Path) -> Vec<&'static Scenario> {
    SCENARIOS.iter().filter(|s| dir.join(s.file).exists()).collect()
}

/// What a driven program did.
#[derive(Debug)]
pub struct Driven {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Starts `cmd` (stdin and stdout piped), plays `steps`, then waits for it
/// to exit. The program is killed if a step or the exit takes too long.
#[cfg(unix)]
pub fn drive(mut cmd: Command, steps: &[Step]) -> Result<Driven, String> {
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let mut stdin = child.stdin.take();
    let (lines_tx, lines) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });

    let mut seen = Vec::new();
    let mut failure = None;
    for step in steps {
        match *step {
            WaitFor(prefix) => {
                let deadline = Instant::now() + STEP_LIMIT;
                loop {
                    let left = deadline.saturating_duration_since(Instant::now());
                    match lines.recv_timeout(left) {
                        Ok(line) => {
                            let found = line.starts_with(prefix);
                            seen.push(line);
                            if found {
                                break;
                            }
                        }
                        Err(_) => {
                            failure = Some(format!("never printed a line starting with {prefix:?}"));
                            break;
                        }
                    }
                }
            }
            Write(line) => {
                let written = stdin.as_mut().map(|s| writeln!(s, "{line}").and_then(|()| s.flush()));
                if let Some(Err(e)) = written {
                    failure = Some(format!("could not write {line:?} to its stdin: {e}"));
                }
            }
            CtrlC => {
                // SAFETY: kill(2) with the pid of a child we have not yet waited for.
                if unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) } != 0 {
                    failure = Some(format!("kill(SIGINT) failed: {}", std::io::Error::last_os_error()));
                }
            }
        }
        if failure.is_some() {
            break;
        }
    }

    let deadline = Instant::now() + STEP_LIMIT;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if failure.is_some() || Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(stdin); // held open until the end: the program must not see end of input
    let _ = reader.join();
    seen.extend(lines.try_iter());
    let stderr = errors.join().unwrap_or_default();
    let stdout: String = seen.iter().map(|l| format!("{l}\n")).collect();
    match (status, failure) {
        (Some(status), None) => Ok(Driven { status, stdout, stderr }),
        (_, failure) => Err(format!(
            "{shown} {}; it printed:\n{stdout}stderr:\n{stderr}",
            failure.unwrap_or_else(|| format!("did not exit within {STEP_LIMIT:?} of its last step and was killed"))
        )),
    }
}

/// Elsewhere there is no SIGINT to send: an error, never a pass (the test
/// says it skips this platform before it gets here).
#[cfg(not(unix))]
pub fn drive(_: Command, _: &[Step]) -> Result<Driven, String> {
    Err("driving a program with signals needs Unix (kill(2) and SIGINT)".to_owned())
}

/// The programs a driven listing has: its binary, and its counterpart under
/// each interpreter (`-S -X utf8`, as the other counterparts run).
pub fn commands(dir: &Path, executable: &Path, pythons: &[crate::pythons::Python]) -> Vec<(String, Command)> {
    let mut commands = Vec::new();
    let mut rust = Command::new(executable);
    rust.current_dir(dir).env_remove("RUST_BACKTRACE");
    commands.push((format!("{}", executable.display()), rust));
    for py in counterparts(dir) {
        for python in pythons {
            let mut cmd = crate::pythons::interpreter(python);
            cmd.arg(&py).current_dir(dir);
            commands.push((format!("{} under CPython {}", py.display(), python.version), cmd));
        }
    }
    commands
}

fn counterparts(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| PathBuf::from(e.file_name()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}
