//! Runs Python counterparts through a fork server (`forkserver.py`): one
//! interpreter per (thread, CPython) pays the ~100 ms of importing asyncio,
//! and each run is a fork of it that becomes `python3 -S -X utf8 SCRIPT`.
//! About 130 runs (every counterpart on three CPythons) cost some 20
//! CPU-seconds as fresh interpreters, and about 6 this way. What a child sees
//! is proven equal to a plain run by `forkserver_proof`'s
//! `a_counterpart_run_by_the_fork_server_sees_what_a_fresh_interpreter_shows`.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::listings::Ran;
use crate::sources::Python;

const SERVER: &str = include_str!("forkserver.py");

/// The interpreter as a counterpart gets it, options and environment: what
/// every fork of the server inherits, and what `forkserver_proof` runs
/// fresh, so the two cannot be set up apart. `-S`: no site-packages, so a
/// counterpart can use only the standard library.
pub fn interpreter(program: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(["-S", "-X", "utf8"]).env("PYTHONDONTWRITEBYTECODE", "1").env("PYTHONHASHSEED", "0");
    cmd
}

/// Idle servers, handed to one run at a time and put back afterwards, so
/// that runs on several threads never share one.
#[derive(Default)]
pub struct ForkServers {
    idle: Mutex<Vec<Server>>,
}

struct Server {
    program: PathBuf,
    process: Child,
    jobs: ChildStdin,
    replies: BufReader<ChildStdout>,
}

#[derive(Serialize)]
struct Job<'a> {
    dir: &'a Path,
    script: &'a str,
    stdout: &'a Path,
    stderr: &'a Path,
    limit: f64,
}

#[derive(Deserialize)]
struct Reply {
    wait_status: i32,
    timed_out: bool,
}

impl ForkServers {
    /// Runs `script` (a file name in `dir`) as `python -S -X utf8 script`
    /// would, with empty stdin, killed once `limit` has passed.
    pub fn run(&self, python: &Python, dir: &Path, script: &str, limit: Duration) -> Result<Ran, String> {
        let taken = {
            let mut idle = self.idle.lock().unwrap();
            idle.iter().position(|s| s.program == python.program).map(|i| idle.swap_remove(i))
        };
        let mut server = match taken {
            Some(server) => server,
            None => Server::start(&python.program)?,
        };
        let ran = server.run(dir, script, limit);
        if ran.is_ok() {
            self.idle.lock().unwrap().push(server);
        }
        ran
    }
}

impl Server {
    fn start(program: &Path) -> Result<Server, String> {
        let mut process = interpreter(program)
            .args(["-c", SERVER])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", program.display()))?;
        let jobs = process.stdin.take().unwrap();
        let replies = BufReader::new(process.stdout.take().unwrap());
        Ok(Server { program: program.to_owned(), process, jobs, replies })
    }

    fn run(&mut self, dir: &Path, script: &str, limit: Duration) -> Result<Ran, String> {
        let out = tempfile::tempdir().map_err(|e| format!("no temporary directory: {e}"))?;
        let (stdout, stderr) = (out.path().join("stdout"), out.path().join("stderr"));
        let job = Job { dir, script, stdout: &stdout, stderr: &stderr, limit: limit.as_secs_f64() };
        let server = self.program.display();
        let mut line = serde_json::to_string(&job).unwrap();
        line.push('\n');
        self.jobs.write_all(line.as_bytes()).map_err(|e| format!("the fork server of {server} is gone: {e}"))?;
        let mut answer = String::new();
        self.replies.read_line(&mut answer).map_err(|e| format!("the fork server of {server} did not answer: {e}"))?;
        let reply: Reply = serde_json::from_str(&answer)
            .map_err(|e| format!("the fork server of {server} answered {answer:?}, not a wait status: {e}"))?;
        if reply.timed_out {
            return Err(format!("{script} did not finish within {limit:?} under {server} and was killed"));
        }
        let read = |path: &Path| std::fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned());
        Ok(Ran {
            status: ExitStatus::from_raw(reply.wait_status),
            stdout: read(&stdout).map_err(|e| format!("{script} left no stdout: {e}"))?,
            stderr: read(&stderr).map_err(|e| format!("{script} left no stderr: {e}"))?,
        })
    }
}

impl Drop for Server {
    /// Between jobs a server has no child: killing it leaves nothing behind.
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
