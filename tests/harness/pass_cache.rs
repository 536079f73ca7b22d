//! Records of the checks that passed: the Python counterpart runs, and
//! skeptic's checks of the Rust blocks.

use std::fs;
use std::path::{Path, PathBuf};

/// Remembers the checks that passed, so that a second `cargo test` with
/// nothing changed does not repeat them. A check is skipped only while all it
/// depends on is byte for byte what it was when it passed (the caller names
/// it: for a counterpart, its interpreter, its listing's Python files and the
/// outputs it is compared with), the way cargo skips a crate whose inputs did
/// not change. A fresh clone has no record and runs everything; so does
/// `BOOK_RERUN=1 cargo test` (what `.ci/run` runs).
pub struct PassCache {
    dir: Option<PathBuf>,
}

impl PassCache {
    /// Records kept in `dir` (under the test binary's `CARGO_TARGET_TMPDIR`),
    /// unless `BOOK_RERUN` is set.
    pub fn unless_rerun(dir: &Path) -> PassCache {
        let rerun = std::env::var_os("BOOK_RERUN").is_some_and(|v| !v.is_empty() && v != "0");
        if rerun {
            PassCache::off()
        } else {
            PassCache::at(dir)
        }
    }

    /// Records kept in `dir`.
    pub fn at(dir: &Path) -> PassCache {
        PassCache { dir: Some(dir.to_owned()) }
    }

    /// Remembers nothing: every run happens.
    pub fn off() -> PassCache {
        PassCache { dir: None }
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

    pub fn has(&self, key: &str) -> bool {
        self.dir.as_ref().is_some_and(|dir| dir.join(key).exists())
    }

    /// Runs `check` unless it passed before under `key`, and records it once
    /// it returns: a check that fails panics, and nothing is recorded.
    pub fn unless_passed(&self, key: &str, check: impl FnOnce()) {
        if !self.has(key) {
            check();
            self.record(key);
        }
    }

    pub fn record(&self, key: &str) {
        if let Some(dir) = &self.dir {
            // A record that cannot be written only costs a rerun next time.
            let _ = fs::create_dir_all(dir).and_then(|()| fs::write(dir.join(key), ""));
        }
    }
}

/// The running test binary, as path, size and modification time: what a
/// check depends on when it depends on the harness's code, a file the
/// harness includes (`forkserver.py`) or a crate the binary is built with,
/// since cargo relinks the binary whenever one of those changes.
pub fn this_binary() -> String {
    let exe = std::env::current_exe().expect("the test binary's path");
    let meta = fs::metadata(&exe).expect("the test binary's metadata");
    format!("{} {} {:?}", exe.display(), meta.len(), meta.modified().expect("a modification time"))
}
