//! The listing crates: finding them, building them all at once, running them,
//! and comparing what they do with the files the book shows.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::book::Book;
pub use crate::forkserver::ForkServers;
pub use crate::pass_cache::PassCache;
use crate::snapshot::{as_a_reader_sees, compare};
use crate::sources::Python;

/// Files beside a listing's `Cargo.toml` that hold what the book shows.
pub const STDOUT_FILE: &str = "output.txt";
pub const COMPILER_FILE: &str = "compiler.txt";
/// stderr of a program that must panic (exit code 101).
pub const PANIC_FILE: &str = "panic.txt";
/// stderr of a program that succeeds but writes to stderr.
pub const STDERR_FILE: &str = "stderr.txt";

/// No listing may run longer than this: the book's programs are tiny.
const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// One listing crate, `listings/<chapter>/<listing>/`.
#[derive(Debug, Clone)]
pub struct Listing {
    /// Relative to the book's root.
    pub dir: PathBuf,
    pub package: String,
}

impl Listing {
    /// Python counterparts beside the crate, each with its output file.
    pub fn python_files(&self, root: &Path) -> Vec<(PathBuf, PathBuf)> {
        let mut files: Vec<_> = fs::read_dir(root.join(&self.dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .map(|py| {
                let rel = py.strip_prefix(root).unwrap().to_path_buf();
                (rel.clone(), rel.with_extension("txt"))
            })
            .collect();
        files.sort();
        files
    }

    /// Every file of this listing that some chapter must show.
    pub fn shown_files(&self, root: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = [STDOUT_FILE, COMPILER_FILE, PANIC_FILE, STDERR_FILE]
            .iter()
            .map(|f| self.dir.join(f))
            .filter(|f| root.join(f).exists())
            .collect();
        // A service's outputs are named after the signal path that produces them.
        files.extend(crate::signals::scenarios_of(&root.join(&self.dir)).iter().map(|s| self.dir.join(s.file)));
        for (py, out) in self.python_files(root) {
            files.push(py);
            if root.join(&out).exists() {
                files.push(out);
            }
        }
        files
    }
}

/// The chapter a file under `listings/` belongs to by convention
/// (`listings/ch03-x/...` is shown by `src/ch03-x.md`), for messages about
/// files no page shows.
pub fn chapter_hint(path: &Path) -> String {
    let mut parts = path.components().skip_while(|c| c.as_os_str() != "listings").skip(1);
    match parts.next() {
        Some(chapter) => format!("src/{}.md", chapter.as_os_str().to_string_lossy()),
        None => path.display().to_string(),
    }
}

/// Every listing crate under `root/listings/*/*`, in order.
pub fn discover(root: &Path) -> Vec<Listing> {
    let name = regex::Regex::new(r#"(?m)^name\s*=\s*"([^"]+)""#).unwrap();
    let mut listings = Vec::new();
    let mut chapters: Vec<_> = fs::read_dir(root.join("listings")).into_iter().flatten().flatten().collect();
    chapters.sort_by_key(|e| e.path());
    for chapter in chapters {
        let mut dirs: Vec<_> = fs::read_dir(chapter.path()).into_iter().flatten().flatten().collect();
        dirs.sort_by_key(|e| e.path());
        for dir in dirs {
            let Ok(manifest) = fs::read_to_string(dir.path().join("Cargo.toml")) else { continue };
            let package = name.captures(&manifest).map(|c| c[1].to_owned()).unwrap_or_default();
            listings.push(Listing { dir: dir.path().strip_prefix(root).unwrap().to_path_buf(), package });
        }
    }
    listings
}

/// What one `cargo build` of the whole workspace says about one crate.
#[derive(Debug, Default, Clone)]
pub struct Unit {
    pub executable: Option<PathBuf>,
    /// rustc's rendered diagnostics, in order, as a terminal shows them.
    pub diagnostics: String,
}

/// Builds every workspace member at once (`--keep-going`: the crates that must
/// not compile fail, the others still build) and collects, per crate
/// directory, its binary and its diagnostics.
pub fn build_workspace(root: &Path) -> Result<HashMap<PathBuf, Unit>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(&cargo)
        .args(["build", "--workspace", "--bins", "--keep-going", "--message-format=json", "--color=never"])
        // Each listing is built once and never edited in place by cargo
        // test: incremental caches for some sixty crates would cost about a
        // third of this build's CPU time and save nothing.
        .env("CARGO_INCREMENTAL", "0")
        .current_dir(root)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run {cargo}: {e}"))?;
    let mut units: HashMap<PathBuf, Unit> = HashMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(manifest) = msg["manifest_path"].as_str() else { continue };
        let dir = Path::new(manifest).parent().unwrap();
        let dir = dir.strip_prefix(root).unwrap_or(dir).to_path_buf();
        match msg["reason"].as_str() {
            Some("compiler-artifact") => {
                if let Some(exe) = msg["executable"].as_str() {
                    units.entry(dir).or_default().executable = Some(PathBuf::from(exe));
                }
            }
            Some("compiler-message") => {
                if let Some(rendered) = msg["message"]["rendered"].as_str() {
                    units.entry(dir).or_default().diagnostics.push_str(rendered);
                }
            }
            _ => {}
        }
    }
    if units.is_empty() {
        return Err(format!(
            "`cargo build --workspace` produced nothing:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(units)
}

/// What a finished program did.
pub struct Ran {
    pub status: std::process::ExitStatus,
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
    let shown = format!("{cmd:?}");
    let started = Instant::now();
    let output = snapbox::cmd::Command::from_std(cmd)
        .stdin("")
        .timeout(limit)
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if output.status.code().is_none() && started.elapsed() >= limit {
        return Err(format!("{shown} did not finish within {limit:?} and was killed"));
    }
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    Ok(Ran { status: output.status, stdout: text(output.stdout), stderr: text(output.stderr) })
}

/// An exit status in words: "status 101", or "signal 11" for a crash.
pub fn describe(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("status {code}"),
        (None, Some(signal)) => format!("signal {signal}"),
        (None, None) => "an unknown status".into(),
    }
}

impl Book {
    /// Checks one listing against its files: compiler messages, then (if it
    /// built) what the program prints and how it exits. `unit` is what the
    /// workspace build said about the crate.
    pub fn check_listing(&self, listing: &Listing, unit: Option<&Unit>, refresh: bool) -> Vec<String> {
        let root = &self.root;
        let mut problems = Vec::new();
        let file = |name: &str| listing.dir.join(name);
        let expect = |path: PathBuf, actual: &str, what: &str| -> Option<String> {
            let diff = compare(&root.join(&path), actual, refresh).err()?;
            Some(format!("{}: {} differs from {what}:\n{diff}", self.shown_in(&path), path.display()))
        };
        let Some(unit) = unit else {
            let cause = if !root.join(listing.dir.join("src/main.rs")).exists() {
                "it has no src/main.rs (every listing is a binary crate)"
            } else {
                "it is probably not a workspace member (members are `listings/*/*`), or its Cargo.toml names \
                 another package"
            };
            return vec![format!(
                "{}: the workspace build produced nothing for {} (package {}): {cause}",
                chapter_hint(&listing.dir),
                listing.dir.display(),
                listing.package
            )];
        };
        let diagnostics = as_a_reader_sees(&unit.diagnostics);
        problems.extend(expect(file(COMPILER_FILE), &diagnostics, "the compiler's messages for this crate"));

        let Some(exe) = &unit.executable else {
            for shown in [STDOUT_FILE, PANIC_FILE, STDERR_FILE] {
                if root.join(file(shown)).exists() {
                    problems.push(format!(
                        "{}: {} shows a run of {}, which does not compile",
                        self.shown_in(&file(shown)),
                        file(shown).display(),
                        listing.package
                    ));
                }
            }
            return problems;
        };
        // It runs until Ctrl-C: signals::drive runs it (tests/book.rs, real_book::services_*).
        if crate::signals::driven_by_signals(&root.join(&listing.dir)) {
            return problems;
        }
        let mut cmd = Command::new(exe);
        // RUST_BACKTRACE would add a backtrace to the panic messages shown.
        cmd.current_dir(root.join(&listing.dir)).env_remove("RUST_BACKTRACE").env_remove("RUST_LOG");
        match run(cmd) {
            Err(e) => problems.push(format!("{}: {e}", chapter_hint(&listing.dir))),
            Ok(ran) => {
                let must_panic = root.join(file(PANIC_FILE)).exists();
                let wanted = if must_panic { 101 } else { 0 };
                if ran.status.code() != Some(wanted) {
                    problems.push(format!(
                        "{}: {} exited with {}, expected status {wanted}{}\nstderr:\n{}",
                        chapter_hint(&listing.dir),
                        listing.package,
                        describe(ran.status),
                        if must_panic { " (it has a panic.txt, so it must panic)" } else { "" },
                        ran.stderr
                    ));
                }
                problems.extend(expect(file(STDOUT_FILE), &ran.stdout, "what the program prints on stdout"));
                let stderr_file = if must_panic { PANIC_FILE } else { STDERR_FILE };
                let stderr = as_a_reader_sees(&ran.stderr);
                problems.extend(expect(file(stderr_file), &stderr, "what the program prints on stderr"));
            }
        }
        problems
    }

    /// Runs every Python counterpart of a listing under each interpreter of
    /// `pythons` and compares its stdout with the `.txt` file of the same
    /// name or, when there is none, with the Rust program's `output.txt` (the
    /// two print the same). Only the first interpreter may refresh a file.
    /// A run that `passed` remembers is skipped.
    pub fn check_python(
        &self,
        listing: &Listing,
        pythons: &[Python],
        refresh: bool,
        passed: &PassCache,
        servers: &ForkServers,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, python) in pythons.iter().enumerate() {
            problems.extend(self.check_python_with(listing, python, refresh && i == 0, passed, servers));
        }
        problems
    }

    fn check_python_with(
        &self,
        listing: &Listing,
        python: &Python,
        refresh: bool,
        passed: &PassCache,
        servers: &ForkServers,
    ) -> Vec<String> {
        let root = &self.root;
        // It runs until Ctrl-C: signals::drive runs it (tests/book.rs, real_book::services_*).
        if crate::signals::driven_by_signals(&root.join(&listing.dir)) {
            return Vec::new();
        }
        let mut problems = Vec::new();
        let under = format!("CPython {}", python.version);
        let counterparts = listing.python_files(root);
        // What a verdict depends on, besides the script's name: the
        // interpreter, every Python file of the listing (a counterpart may
        // import a sibling), and the outputs it may be compared with.
        let mut depends_on = vec![python.program.display().to_string(), python.version.clone()];
        for file in counterparts.iter().flat_map(|(py, out)| [py, out]).chain([&listing.dir.join(STDOUT_FILE)]) {
            depends_on.push(fs::read_to_string(root.join(file)).unwrap_or_else(|_| "(none)".into()));
        }
        for (py, out) in counterparts {
            let key = PassCache::key(&py.display().to_string(), &depends_on);
            if !refresh && passed.has(&key) {
                continue;
            }
            let before = problems.len();
            // As `python3 -S -X utf8 counterpart.py` in the listing's directory
            // (-S: no site-packages, so only the standard library).
            let script = py.file_name().unwrap().to_string_lossy();
            let ran = match servers.run(python, &root.join(&listing.dir), &script, RUN_TIMEOUT) {
                Ok(ran) => ran,
                Err(e) => {
                    problems.push(format!(
                        "{}: {} could not be run under {under}: {e}",
                        self.shown_in(&py),
                        py.display()
                    ));
                    continue;
                }
            };
            if !ran.status.success() || !ran.stderr.is_empty() {
                problems.push(format!(
                    "{}: {} exited with {} under {under} and wrote to stderr:\n{}",
                    self.shown_in(&py),
                    py.display(),
                    describe(ran.status),
                    ran.stderr
                ));
            }
            // No `name.txt` beside a counterpart that has a Rust `output.txt`
            // means the book claims both print the same: this proves it (and a
            // refresh never rewrites the Rust output from Python's).
            let rust_output = listing.dir.join(STDOUT_FILE);
            let (expected, refresh) = if root.join(&out).exists() || !root.join(&rust_output).exists() {
                (out, refresh)
            } else {
                (rust_output, false)
            };
            if let Err(diff) = compare(&root.join(&expected), &ran.stdout, refresh) {
                problems.push(format!(
                    "{}: {} differs from what {} prints under {under}:\n{diff}",
                    self.shown_in(&expected),
                    expected.display(),
                    py.display()
                ));
            }
            if problems.len() == before && !refresh {
                passed.record(&key);
            }
        }
        problems
    }
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
