//! Records of the Python counterpart runs that passed.

use std::fs;
use std::path::{Path, PathBuf};

/// Remembers the Python runs that passed, so that a second `cargo test` with
/// nothing changed does not start some 120 interpreters again (about 15
/// CPU-seconds). A run is skipped only while its interpreter, its listing's
/// Python files and the outputs it is compared with are byte for byte what
/// they were when it passed, the way cargo skips a crate whose inputs did not
/// change. A fresh clone has no record and runs everything; so does
/// `BOOK_RERUN=1 cargo test` (what `.ci/run` runs).
pub struct PassCache {
    dir: Option<PathBuf>,
}

impl PassCache {
    /// Records kept in `dir` (the test binary's `CARGO_TARGET_TMPDIR`),
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
        PassCache { dir: Some(dir.join("python-passed")) }
    }

    /// Remembers nothing: every run happens.
    pub fn off() -> PassCache {
        PassCache { dir: None }
    }

    /// The record's name for the run of `script`, given what it depends on.
    pub(crate) fn key(script: &str, depends_on: &[String]) -> String {
        use std::hash::{Hash, Hasher};
        // Two differently seeded hashes: 128 bits, so a collision (a stale
        // pass) is not a practical worry.
        let half = |seed: u64| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (seed, script, depends_on).hash(&mut h);
            h.finish()
        };
        format!("{:016x}{:016x}", half(1), half(2))
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.dir.as_ref().is_some_and(|dir| dir.join(key).exists())
    }

    pub(crate) fn record(&self, key: &str) {
        if let Some(dir) = &self.dir {
            // A record that cannot be written only costs a rerun next time.
            let _ = fs::create_dir_all(dir).and_then(|()| fs::write(dir.join(key), ""));
        }
    }
}
