//! The listing crates: finding them, building them all at once, running them,
//! and comparing what they do with the files the book shows.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::snapshot::{compare, redact_cargo_home, redact_thread_ids};

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
    /// The chapter a listing belongs to by convention (`listings/ch03-x/` is
    /// shown by `src/ch03-x.md`), for messages about listings no page shows.
    pub fn chapter_hint(&self) -> String {
        let chapter = self.dir.parent().and_then(Path::file_name).unwrap_or_default();
        format!("src/{}.md", chapter.to_string_lossy())
    }

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
        for (py, out) in self.python_files(root) {
            files.push(py);
            if root.join(&out).exists() {
                files.push(out);
            }
        }
        files
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

/// Runs a command with a time limit, capturing stdout and stderr.
pub fn run(mut cmd: Command) -> Result<(Option<i32>, String, String), String> {
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err_pipe.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{shown} did not finish within {RUN_TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    Ok((status.code(), text(out.join().unwrap()), text(err.join().unwrap())))
}

/// Checks one listing against its files: compiler messages, then (if it
/// built) what the program prints and how it exits. `shown_in` names the
/// chapter that shows each file, for the messages.
pub fn check(root: &Path, listing: &Listing, unit: Option<&Unit>, shown_in: &dyn Fn(&Path) -> String, refresh: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let file = |name: &str| listing.dir.join(name);
    let expect = |path: PathBuf, actual: &str, what: &str| -> Option<String> {
        let diff = compare(&root.join(&path), actual, refresh).err()?;
        Some(format!("{}: {} differs from {what}:\n{diff}", shown_in(&path), path.display()))
    };
    let Some(unit) = unit else {
        return vec![format!("{}: cargo said nothing about {}", listing.chapter_hint(), listing.dir.display())];
    };
    let diagnostics = redact_cargo_home(&unit.diagnostics);
    problems.extend(expect(file(COMPILER_FILE), &diagnostics, "the compiler's messages for this crate"));

    let Some(exe) = &unit.executable else {
        for shown in [STDOUT_FILE, PANIC_FILE, STDERR_FILE] {
            if root.join(file(shown)).exists() {
                problems.push(format!(
                    "{}: {} shows a run of {}, which does not compile",
                    shown_in(&file(shown)),
                    file(shown).display(),
                    listing.package
                ));
            }
        }
        return problems;
    };
    let mut cmd = Command::new(exe);
    // RUST_BACKTRACE would add a backtrace to the panic messages shown.
    cmd.current_dir(root.join(&listing.dir)).env_remove("RUST_BACKTRACE").env_remove("RUST_LOG");
    match run(cmd) {
        Err(e) => problems.push(format!("{}: {e}", listing.chapter_hint())),
        Ok((code, stdout, stderr)) => {
            let must_panic = root.join(file(PANIC_FILE)).exists();
            let wanted = if must_panic { Some(101) } else { Some(0) };
            if code != wanted {
                problems.push(format!(
                    "{}: {} exited with {code:?}, expected {wanted:?}{}\nstderr:\n{stderr}",
                    listing.chapter_hint(),
                    listing.package,
                    if must_panic { " (it has a panic.txt, so it must panic)" } else { "" }
                ));
            }
            problems.extend(expect(file(STDOUT_FILE), &stdout, "what the program prints on stdout"));
            let stderr_file = if must_panic { PANIC_FILE } else { STDERR_FILE };
            problems.extend(expect(file(stderr_file), &redact_cargo_home(&redact_thread_ids(&stderr)), "what the program prints on stderr"));
        }
    }
    problems
}

/// Runs every Python counterpart of a listing with `python3` and compares
/// its stdout with the `.txt` file of the same name or, when there is none,
/// with the Rust program's `output.txt` (the two print the same thing).
pub fn check_python(root: &Path, listing: &Listing, shown_in: &dyn Fn(&Path) -> String, refresh: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for (py, out) in listing.python_files(root) {
        let mut cmd = Command::new("python3");
        cmd.arg("-X").arg("utf8").arg(py.file_name().unwrap())
            .current_dir(root.join(&listing.dir))
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONHASHSEED", "0");
        match run(cmd) {
            Err(e) => problems.push(format!(
                "{}: {} could not be run: {e}\n(python3 must be on PATH to check the Python counterparts)",
                shown_in(&py),
                py.display()
            )),
            Ok((code, stdout, stderr)) => {
                if code != Some(0) || !stderr.is_empty() {
                    problems.push(format!(
                        "{}: {} exited with {code:?} and wrote to stderr:\n{stderr}",
                        shown_in(&py),
                        py.display()
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
                if let Err(diff) = compare(&root.join(&expected), &stdout, refresh) {
                    problems.push(format!("{}: {} differs from what {} prints:\n{diff}", shown_in(&expected), expected.display(), py.display()));
                }
            }
        }
    }
    problems
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
