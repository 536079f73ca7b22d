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
        .ok()
        .or_else(|| std::env::home_dir().map(|h| h.join(".cargo")))
        .and_then(|p| p.canonicalize().ok());
    match home {
        Some(home) => text.replace(&format!("{}/", home.display()), "$CARGO_HOME/"),
        None => text.to_owned(),
    }
}

/// Compiler messages that point into the standard library read the same
/// whether or not the machine has the `rust-src` component. Without it, rustc
/// names std's files `/rustc/<commit>/library/...` and quotes nothing; with
/// it, rustc names them under the sysroot, quotes the std line (which widens
/// the line-number gutter of the whole message) and counts the column
/// differently. Both become `$RUST_SRC/library/<file>:<line>`, with no quote,
/// and the gutter as wide as the remaining quoted lines need.
pub fn normalize_rust_src(text: &str) -> String {
    let std_span =
        regex::Regex::new(r"^( *)(-->|:::) (?:/rustc/[0-9a-f]+|\S*/lib/rustlib/src/rust)/library/(\S+?):(\d+):\d+$")
            .unwrap();
    let quoted = regex::Regex::new(r"^ *(\d+ *)?\|").unwrap();
    let numbered = regex::Regex::new(r"^ *(\d+) \|").unwrap();
    let arrow = regex::Regex::new(r"^( *)(-->|:::) ").unwrap();
    // Each diagnostic is a block of lines without a blank one in it.
    let diagnostics = text.split("\n\n").map(|diagnostic| {
        let mut lines: Vec<String> = Vec::new();
        let mut in_std_quote = false;
        for line in diagnostic.split('\n') {
            if let Some(caps) = std_span.captures(line) {
                lines.push(format!("{}{} $RUST_SRC/library/{}:{}", &caps[1], &caps[2], &caps[3], &caps[4]));
                in_std_quote = true;
                continue;
            }
            if in_std_quote && quoted.is_match(line) {
                continue; // the quoted std line and its markers
            }
            in_std_quote = false;
            lines.push(line.to_owned());
        }
        // The gutter: as wide as the widest line number still quoted.
        let Some(old) = lines.iter().find_map(|l| arrow.captures(l).map(|c| c[1].len())) else {
            return lines.join("\n");
        };
        let new = lines.iter().filter_map(|l| numbered.captures(l).map(|c| c[1].len())).max().unwrap_or(1);
        if new >= old {
            return lines.join("\n");
        }
        let cut = " ".repeat(old - new);
        lines.iter().map(|l| l.strip_prefix(&cut).unwrap_or(l)).collect::<Vec<_>>().join("\n")
    });
    diagnostics.collect::<Vec<_>>().join("\n\n")
}
