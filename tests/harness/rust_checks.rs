//! The Rust side of each listing: one `cargo build` of the whole workspace,
//! then each crate's compiler messages, stdout, stderr and exit status
//! compared with the files the book shows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::book::Book;
use crate::listings::{chapter_hint, Listing, COMPILER_FILE, PANIC_FILE, STDERR_FILE, STDOUT_FILE};
use crate::run::{run, Ran};
use crate::snapshot::{as_a_reader_sees, compare};

/// What one `cargo build` of the whole workspace says about one crate.
#[derive(Debug, Default, Clone)]
pub struct Unit {
    pub executable: Option<PathBuf>,
    /// rustc's rendered diagnostics, in order, as a terminal shows them.
    pub diagnostics: String,
}

/// Builds every workspace member at once (`--keep-going`: the crates that must
/// not compile fail, the others still build) and collects, for each of
/// `listings` (found by `listings::discover`, the one place that finds
/// them), by directory, its binary and its diagnostics.
pub fn build_workspace(root: &Path, listings: &[Listing]) -> Result<HashMap<PathBuf, Unit>, String> {
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
        if !listings.iter().any(|l| l.dir == dir) {
            continue; // the harness itself
        }
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

impl Book {
    /// Checks one listing against its files: compiler messages, then (if it
    /// built) what the program prints and how it exits. `unit` is what the
    /// workspace build said about the crate.
    pub fn check_listing(&self, listing: &Listing, unit: Option<&Unit>, refresh: bool) -> Vec<String> {
        let Some(unit) = unit else {
            let cause = if !self.root.join(listing.dir.join("src").join("main.rs")).exists() {
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
        let mut problems = self.check_diagnostics(listing, &unit.diagnostics, refresh);
        let Some(exe) = &unit.executable else {
            for shown in [STDOUT_FILE, PANIC_FILE, STDERR_FILE].map(|f| listing.dir.join(f)) {
                if self.root.join(&shown).exists() {
                    problems.push(format!(
                        "{}: {} shows a run of {}, which does not compile",
                        self.shown_in(&shown),
                        shown.display(),
                        listing.package
                    ));
                }
            }
            return problems;
        };
        // It runs until Ctrl-C: signals::drive runs it (tests/book.rs, real_book::services_*).
        if crate::signals::driven_by_signals(&self.root.join(&listing.dir)) {
            return problems;
        }
        let mut cmd = Command::new(exe);
        // RUST_BACKTRACE would add a backtrace to the panic messages shown.
        cmd.current_dir(self.root.join(&listing.dir)).env_remove("RUST_BACKTRACE").env_remove("RUST_LOG");
        match run(cmd) {
            Err(e) => problems.push(format!("{}: {e}", chapter_hint(&listing.dir))),
            Ok(ran) => problems.extend(self.check_run(listing, &ran, refresh)),
        }
        problems
    }

    /// rustc's messages for the crate against `compiler.txt`.
    pub fn check_diagnostics(&self, listing: &Listing, diagnostics: &str, refresh: bool) -> Vec<String> {
        let diagnostics = as_a_reader_sees(diagnostics);
        self.expect(&listing.dir.join(COMPILER_FILE), &diagnostics, "the compiler's messages for this crate", refresh)
            .into_iter()
            .collect()
    }

    /// A run of the program against `output.txt`, and `panic.txt` (exit code
    /// 101) or `stderr.txt` (success).
    pub fn check_run(&self, listing: &Listing, ran: &Ran, refresh: bool) -> Vec<String> {
        let mut problems = Vec::new();
        let must_panic = self.root.join(listing.dir.join(PANIC_FILE)).exists();
        let wanted = if must_panic { 101 } else { 0 };
        if ran.status.code() != Some(wanted) {
            problems.push(format!(
                "{}: {} ended with {}, expected exit code {wanted}{}\nstderr:\n{}",
                chapter_hint(&listing.dir),
                listing.package,
                ran.status,
                if must_panic { " (it has a panic.txt, so it must panic)" } else { "" },
                ran.stderr
            ));
        }
        let stdout = listing.dir.join(STDOUT_FILE);
        problems.extend(self.expect(&stdout, &ran.stdout, "what the program prints on stdout", refresh));
        let stderr_file = listing.dir.join(if must_panic { PANIC_FILE } else { STDERR_FILE });
        let stderr = as_a_reader_sees(&ran.stderr);
        problems.extend(self.expect(&stderr_file, &stderr, "what the program prints on stderr", refresh));
        problems
    }

    /// The file at `path` (relative to the root) against `actual`.
    fn expect(&self, path: &Path, actual: &str, what: &str, refresh: bool) -> Option<String> {
        let diff = compare(&self.root.join(path), actual, refresh).err()?;
        Some(format!("{}: {} differs from {what}:\n{diff}", self.shown_in(path), path.display()))
    }
}
