//! The fork server (`tests/harness/forkserver.py`) against fresh
//! interpreters: on probe scripts under `tests/fixtures/forkserver/`, a run
//! through it prints, exits and fails as `python3 -S -X utf8 SCRIPT` does.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use book_harness::forkserver;
use book_harness::listings::{self, ForkServers, PassCache, Ran};
use book_harness::pass_cache;
use book_harness::sources::{self, Python};

/// Every claimed CPython that is installed (the real book's test fails on a
/// missing one; this proof needs just those it can compare on).
fn pythons() -> &'static [Python] {
    static FOUND: OnceLock<Vec<Python>> = OnceLock::new();
    FOUND.get_or_init(|| {
        let (found, _missing) = sources::claimed_pythons();
        assert!(!found.is_empty(), "no claimed CPython is installed");
        found
    })
}

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/forkserver"))
}

/// `python3 -S -X utf8 SCRIPT`, a fresh interpreter set up as the server is.
fn plain(python: &Python, script: &str) -> Ran {
    let mut cmd = forkserver::interpreter(&python.program);
    cmd.arg(script).current_dir(fixture());
    listings::run(cmd).unwrap()
}

fn served(servers: &ForkServers, python: &Python, script: &str) -> Ran {
    servers.run(python, fixture(), script, Duration::from_secs(30)).unwrap()
}

#[test]
fn a_counterpart_run_by_the_fork_server_sees_what_a_fresh_interpreter_shows() {
    let servers = ForkServers::default();
    // The proof on one interpreter is skipped while the server (inside this
    // test binary), the probes and the interpreter are what they were when
    // it passed; `BOOK_RERUN=1` (CI) repeats it.
    let passed = PassCache::unless_rerun(&Path::new(env!("CARGO_TARGET_TMPDIR")).join("forkserver-passed"));
    let mut probes: Vec<String> = vec![pass_cache::this_binary()];
    for file in ["probe.py", "sibling.py", "exits.py", "fails.py", "shutdown.py"] {
        probes.push(std::fs::read_to_string(fixture().join(file)).unwrap());
    }
    for python in pythons() {
        let key = PassCache::key(&format!("{} {}", python.program.display(), python.version), &probes);
        passed.unless_passed(&key, || prove_on(&servers, python));
    }
}

/// The probes, each run fresh and through the server, on one interpreter.
fn prove_on(servers: &ForkServers, python: &Python) {
    let under = format!("CPython {}", python.version);
    let fresh = plain(python, "probe.py");
    assert!(fresh.stdout.ends_with("non-daemon threads are joined before that\natexit handlers run at the end\n"));
    // Twice through one server: a run leaves nothing behind for the next.
    for _ in 0..2 {
        let forked = served(servers, python, "probe.py");
        assert_eq!(forked.stdout, fresh.stdout, "probe.py's stdout under {under}");
        assert_eq!(forked.stderr, fresh.stderr, "probe.py's stderr under {under}");
        assert_eq!((forked.status.code(), fresh.status.code()), (Some(0), Some(0)), "probe.py under {under}");
    }
    // Shutdown: a cycle collected and a pending task destroyed, after the
    // module's code, print the same lines in the same order.
    let (fresh, forked) = (plain(python, "shutdown.py"), served(servers, python, "shutdown.py"));
    assert!(fresh.stdout.ends_with("a cycle collected at shutdown\n"), "{}", fresh.stdout);
    assert!(fresh.stderr.starts_with("Task was destroyed but it is pending!"), "{}", fresh.stderr);
    assert_eq!((forked.stdout, forked.stderr), (fresh.stdout, fresh.stderr), "shutdown.py under {under}");

    let exits = served(servers, python, "exits.py");
    assert_eq!((exits.stdout.as_str(), exits.status.code()), ("leaving with status 3\n", Some(3)), "under {under}");

    // An uncaught exception: the same stdout and status, and a traceback
    // that ends the same (it has two more frames: the server's).
    let (fresh, forked) = (plain(python, "fails.py"), served(servers, python, "fails.py"));
    assert_eq!((forked.stdout.as_str(), forked.status.code()), ("before\n", Some(1)), "fails.py under {under}");
    assert_eq!((fresh.stdout.as_str(), fresh.status.code()), ("before\n", Some(1)), "fails.py under {under}");
    let last = |ran: &Ran| ran.stderr.lines().last().unwrap_or("").to_owned();
    assert_eq!(last(&forked), "ValueError: an uncaught exception", "fails.py under {under}");
    assert_eq!(last(&forked), last(&fresh), "fails.py under {under}");
    let frames = |ran: &Ran, of_server: bool| -> Vec<String> {
        let frame = |l: &&str| l.starts_with("  File ") && l.contains("\"<string>\"") == of_server;
        ran.stderr.lines().filter(frame).map(str::to_owned).collect()
    };
    assert_eq!(frames(&forked, false), frames(&fresh, false), "fails.py's traceback under {under}");
    assert_eq!(frames(&forked, true).len(), 2, "{}", forked.stderr);
}

#[test]
fn a_counterpart_that_outlives_the_limit_is_killed_and_said_to_be() {
    let servers = ForkServers::default();
    let python = &pythons()[0];
    let error =
        servers.run(python, fixture(), "hangs.py", Duration::from_millis(300)).err().expect("hangs.py must be killed");
    assert!(error.starts_with("hangs.py did not finish within 300ms under "), "{error}");
    // The server lives on for the next run.
    assert_eq!(served(&servers, python, "fails.py").status.code(), Some(1));
}
