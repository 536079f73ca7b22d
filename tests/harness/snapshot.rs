//! Expected-output files, compared with snapbox so that
//! `SNAPSHOTS=overwrite cargo test` refreshes them from what really happens.

use std::path::Path;

use snapbox::{assert::Action, Assert, Data};

/// True when the run was asked to rewrite expected files
/// (`SNAPSHOTS=overwrite cargo test`).
pub fn refresh_requested() -> bool {
    std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite")
}

/// Compares `actual` with the file at `expected`. Both hold what a run
/// prints, and both are read through [`normalize`] first, so a thread id,
/// a cargo home or a std path that differs from the stored run's is no
/// difference (line endings are normalised too). A missing file is the same
/// as an empty one, so a program that prints nothing needs no file. With
/// `refresh`, a file that differs is rewritten with `actual` (or created);
/// one that matches is left alone, so a refresh never churns thread ids.
pub fn compare(expected: &Path, actual: &str, refresh: bool) -> Result<(), String> {
    let stored = std::fs::read_to_string(expected).ok();
    if stored.is_none() && actual.is_empty() {
        return Ok(());
    }
    let raw = stored.unwrap_or_default();
    let stored = normalize(&raw);
    let actual_normalized = normalize(actual);
    // A file with a placeholder matches, but is not a run: a refresh replaces it.
    let stale = refresh && !placeholders_in(&raw).is_empty();
    if stored == actual_normalized && !stale {
        return Ok(());
    }
    if refresh {
        return std::fs::write(expected, actual).map_err(|e| format!("could not write {}: {e}", expected.display()));
    }
    Assert::new()
        .action(Action::Verify)
        .normalize_paths(false)
        .palette(snapbox::report::Palette::plain())
        .try_eq(Some(&"actual"), Data::text(actual_normalized).raw(), Data::text(stored).raw())
        .map_err(|e| format!("{e}(refresh with `SNAPSHOTS=overwrite cargo test`, then read the diff)"))
}

/// The parts of a run's output that differ between two machines, or two
/// runs, replaced by one spelling on both sides of a comparison: thread ids
/// become `[TID]`, cargo's home (this machine's, or the reader's of
/// [`READERS_CARGO_HOME`]) `$CARGO_HOME`, std's sources `$RUST_SRC`. These
/// never reach a page: the files keep what a run printed.
pub fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace(&format!("{READERS_CARGO_HOME}/"), "$CARGO_HOME/");
    normalize_rust_src(&redact_cargo_home(&redact_thread_ids(&text)))
}

/// Where the files the book shows say cargo keeps crates' sources: the
/// default cargo home of a Linux user named ferris. rustc names a
/// dependency's source by its absolute path (cargo's `trim-paths`, which
/// would shorten it, is not stable in the pinned toolchain), so every
/// reader sees their own home there; this machine's `/root/.cargo` would
/// tell readers they build as root. The rest of such a path
/// (`registry/src/index.crates.io-<hash>/tokio-1.54.1/...`) is the same on
/// every machine using crates.io.
pub const READERS_CARGO_HOME: &str = "/home/ferris/.cargo";

/// What a run printed, as the book shows it: the text itself, thread ids
/// and std's `/rustc/<commit>/library/...` paths included (real, and the
/// same on every machine with this toolchain and no `rust-src`), with only
/// this machine's cargo home shown as a reader's ([`READERS_CARGO_HOME`]).
pub fn as_a_reader_sees(text: &str) -> String {
    match this_machines_cargo_home() {
        Some(home) => text.replace(&format!("{}/", home.display()), &format!("{READERS_CARGO_HOME}/")),
        None => text.to_owned(),
    }
}

/// Text a page must never show: the spellings [`normalize`] compares with
/// (they would mean a file was written from normalised text, not from a run),
/// and paths that only exist on the machine that ran the listing.
pub fn placeholders_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = ["[TID]", "$RUST_SRC", "$CARGO_HOME"]
        .into_iter()
        .filter(|p| text.contains(p))
        .map(|p| format!("`{p}`"))
        .collect();
    if text.contains("/lib/rustlib/src/rust/library/") {
        found.push("a path into one machine's `rust-src` (refresh where `rust-src` is not installed)".into());
    }
    if let Some(home) = this_machines_cargo_home().filter(|h| !READERS_CARGO_HOME.starts_with(&h.display().to_string()))
    {
        if text.contains(&format!("{}/", home.display())) {
            found.push(format!("this machine's cargo home `{}`", home.display()));
        }
    }
    found
}

fn this_machines_cargo_home() -> Option<std::path::PathBuf> {
    std::env::var("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .ok()
        .or_else(|| std::env::home_dir().map(|h| h.join(".cargo")))
        .and_then(|p| p.canonicalize().ok())
}

/// Thread ids in panic messages (`thread 'main' (4335) panicked`) change on
/// every run; both sides of a comparison have `[TID]` in their place.
pub fn redact_thread_ids(stderr: &str) -> String {
    let tid = regex::Regex::new(r"(thread '[^']*') \(\d+\)").unwrap();
    tid.replace_all(stderr, "$1 ([TID])").into_owned()
}

/// Compiler notes about dependencies name their sources under cargo's home
/// (`/root/.cargo/registry/src/...`), which differs between machines; for a
/// comparison (and in messages) it is `$CARGO_HOME`.
pub fn redact_cargo_home(text: &str) -> String {
    match this_machines_cargo_home() {
        Some(home) => text.replace(&format!("{}/", home.display()), "$CARGO_HOME/"),
        None => text.to_owned(),
    }
}

/// Compiler messages that point into the standard library compare the same
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

impl crate::book::Book {
    /// Every line of a rendered page (a chapter as mdBook expands it) that
    /// shows a comparison's placeholder or one machine's path, with the file
    /// it comes from: a page shows what a run prints.
    pub fn placeholders_on_pages(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            let files: Vec<(std::path::PathBuf, String)> = self
                .directives(chapter)
                .into_iter()
                .filter_map(|d| Some((d.path.clone(), std::fs::read_to_string(self.root.join(&d.path)).ok()?)))
                .collect();
            for (i, line) in chapter.expanded.lines().enumerate() {
                let found = placeholders_in(line);
                if found.is_empty() {
                    continue;
                }
                let from = files
                    .iter()
                    .find(|(_, text)| text.lines().any(|l| l.trim() == line.trim()))
                    .map(|(path, _)| format!("from {}", path.display()))
                    .unwrap_or_else(|| "in the chapter's own text".into());
                problems.push(format!(
                    "{}: line {} of the rendered page shows {} ({from}), where a reader expects what a run prints \
                     (a refresh, `SNAPSHOTS=overwrite cargo test`, writes the run): `{}`",
                    chapter.source.display(),
                    i + 1,
                    found.join(" and "),
                    line.trim()
                ));
            }
        }
        problems
    }
}
