//! Expected-output files, compared with snapbox so that
//! `SNAPSHOTS=overwrite cargo test` refreshes them from what really happens.

use std::path::Path;

use snapbox::{assert::Action, Assert, Data};

/// True when the run was asked to rewrite expected files
/// (`SNAPSHOTS=overwrite cargo test`).
pub fn refresh_requested() -> bool {
    std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite")
}

/// Compares `actual` with the file at `expected` exactly (only line endings
/// are normalised). A missing file is the same as an empty one, so a program
/// that prints nothing needs no file. With `refresh`, the file is written (or
/// created) instead of failing.
pub fn compare(expected: &Path, actual: &str, refresh: bool) -> Result<(), String> {
    if !expected.exists() && actual.is_empty() {
        return Ok(());
    }
    Assert::new()
        .action(if refresh { Action::Overwrite } else { Action::Verify })
        .normalize_paths(false)
        .palette(snapbox::report::Palette::plain())
        .try_eq(Some(&"actual"), Data::text(actual.to_owned()).raw(), Data::read_from(expected, None).raw())
        .map_err(|e| format!("{e}(refresh with `SNAPSHOTS=overwrite cargo test`, then read the diff)"))
}

/// Thread ids in panic messages (`thread 'main' (4335) panicked`) change on
/// every run; the files the book shows have `[TID]` in their place.
pub fn redact_thread_ids(stderr: &str) -> String {
    let tid = regex::Regex::new(r"(thread '[^']*') \(\d+\)").unwrap();
    tid.replace_all(stderr, "$1 ([TID])").into_owned()
}

/// Compiler notes about dependencies name their sources under cargo's home
/// (`/root/.cargo/registry/src/...`), which differs between machines; the
/// files the book shows say `$CARGO_HOME` there.
pub fn redact_cargo_home(text: &str) -> String {
    let home = std::env::var("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| Path::new(&h).join(".cargo")))
        .ok()
        .and_then(|p| p.canonicalize().ok());
    match home {
        Some(home) => text.replace(&format!("{}/", home.display()), "$CARGO_HOME/"),
        None => text.to_owned(),
    }
}
