//! The Python side of each listing: every counterpart run on a CPython as
//! its own process, `python -S -X utf8 counterpart.py` in the listing's
//! directory, its stdout compared with the file the book shows.

use crate::book::Book;
use crate::listings::{Listing, STDOUT_FILE};
use crate::pythons::{interpreter, Python};
use crate::run::run;
use crate::snapshot::compare;

impl Book {
    /// Runs every Python counterpart of a listing under `python` and compares
    /// its stdout with the `.txt` file of the same name or, when there is
    /// none, with the Rust program's `output.txt` (the two print the same).
    /// `refresh` rewrites a counterpart's own `.txt`, never `output.txt`.
    pub fn check_python(&self, listing: &Listing, python: &Python, refresh: bool) -> Vec<String> {
        let root = &self.root;
        // It runs until Ctrl-C: signals::drive runs it (tests/book.rs, real_book::services_*).
        if crate::signals::driven_by_signals(&root.join(&listing.dir)) {
            return Vec::new();
        }
        let under = format!("CPython {}", python.minor());
        let mut problems = Vec::new();
        for (py, out) in listing.python_files(root) {
            let mut cmd = interpreter(python);
            cmd.arg(py.file_name().unwrap()).current_dir(root.join(&listing.dir));
            let ran = match run(cmd) {
                Ok(ran) => ran,
                Err(e) => {
                    problems.push(format!("{}: {} under {under}: {e}", self.shown_in(&py), py.display()));
                    continue;
                }
            };
            if !ran.status.success() || !ran.stderr.is_empty() {
                problems.push(format!(
                    "{}: {} ended with {} under {under} and wrote to stderr:\n{}",
                    self.shown_in(&py),
                    py.display(),
                    ran.status,
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
        }
        problems
    }
}
