//! skeptic's checks of the Rust blocks that passed, remembered so that a
//! warm `cargo test` does not type-check every block again. Measured on 2
//! cores with one CPython: a warm run takes 5 to 6.5 s with them, 7.7 to 14 s
//! without (14 CPU-seconds instead of 9), against a budget of 10 s.

use std::fs;
use std::path::{Path, PathBuf};

use crate::listings;

/// Remembers the checks that passed. A check is skipped only while all it
/// depends on ([`skeptic_inputs`] and the block's text) is what it was when
/// it passed, the way cargo skips a crate whose inputs did not change. A
/// fresh clone has no record and runs everything; so does `BOOK_RERUN=1
/// cargo test` (what `.ci/run` runs). Failures are never remembered.
pub struct Passes {
    dir: Option<PathBuf>,
}

impl Passes {
    /// Records kept in `dir` (under the test binary's `CARGO_TARGET_TMPDIR`),
    /// unless `BOOK_RERUN` is set.
    pub fn unless_rerun(dir: &Path) -> Passes {
        let rerun = std::env::var_os("BOOK_RERUN").is_some_and(|v| !v.is_empty() && v != "0");
        if rerun {
            Passes { dir: None }
        } else {
            Passes::at(dir)
        }
    }

    /// Records kept in `dir`.
    pub fn at(dir: &Path) -> Passes {
        Passes { dir: Some(dir.to_owned()) }
    }

    /// The record's name for the check of `what`, given what it depends on.
    pub fn key(what: &str, depends_on: &[String]) -> String {
        use std::hash::{Hash, Hasher};
        // Two differently seeded hashes: 128 bits, so a collision (a stale
        // pass) is not a practical worry.
        let half = |seed: u64| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (seed, what, depends_on).hash(&mut h);
            h.finish()
        };
        format!("{:016x}{:016x}", half(1), half(2))
    }

    /// Runs `check` unless it passed before under `key`, and records it once
    /// it returns: a check that fails panics, and nothing is recorded.
    pub fn unless_passed(&self, key: &str, check: impl FnOnce()) {
        if self.dir.as_ref().is_some_and(|dir| dir.join(key).exists()) {
            return;
        }
        check();
        if let Some(dir) = &self.dir {
            // A record that cannot be written only costs a rerun next time.
            let _ = fs::create_dir_all(dir).and_then(|()| fs::write(dir.join(key), ""));
        }
    }
}

/// What skeptic's check of a block depends on, besides the block's text and
/// skeptic's arguments: `binary`, the test binary (see [`this_binary`]),
/// which cargo relinks whenever the harness, skeptic or a crate the blocks
/// are compiled against changes; the workspace's manifests, from which
/// skeptic picks the edition it passes rustc (a listing's manifest is no
/// input of the test binary); `Cargo.lock`; and the `rustc` skeptic runs
/// (`RUSTC`, else the toolchain the binary was built with).
pub fn skeptic_inputs(root: &Path, binary: &str) -> Vec<String> {
    let read = |path: PathBuf| fs::read_to_string(&path).unwrap_or_else(|_| format!("(no {})", path.display()));
    let mut inputs = vec![binary.to_owned(), std::env::var("RUSTC").unwrap_or_default()];
    inputs.push(read(root.join("Cargo.lock")));
    inputs.push(read(root.join("Cargo.toml")));
    for listing in listings::discover(root) {
        inputs.push(read(root.join(&listing.dir).join("Cargo.toml")));
    }
    inputs
}

/// The running test binary, as path, size and modification time.
pub fn this_binary() -> String {
    let exe = std::env::current_exe().expect("the test binary's path");
    let meta = fs::metadata(&exe).expect("the test binary's metadata");
    format!("{} {} {:?}", exe.display(), meta.len(), meta.modified().expect("a modification time"))
}
