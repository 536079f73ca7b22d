//! Versions a page states: "tokio 1.54.1", "rustc 1.95.0", "CPython 3.11,
//! 3.12 and 3.13". Each is checked against what the tests use, so a bump
//! cannot leave a stale number in the prose:
//!
//! - a crate of `Cargo.lock` or Rust (`rustc`, `Rust`) with a full release
//!   (`1.54.1`) must be the locked or pinned one; with a minor one (`1.54`),
//!   its minor, unless the mention is history ("since Rust 1.85", "tokio 1.50
//!   and later"), which must be no newer than what the tests use;
//! - CPython (`CPython`, `Python`): a full release must be one whose cited
//!   files the repository keeps (`tests/cpython/vX.Y.Z`: the release the
//!   prose reads, whatever interpreter this machine has); a minor must be
//!   claimed unless the
//!   mention is history ("Python 3.10 removed…"); a list of two or more
//!   ("CPython 3.11, 3.12 and 3.13") states the tested set and must be exactly
//!   the claimed set.
//!
//! Code blocks, link addresses and HTML tags are not prose (citations and API
//! links are checked by their own guards).

use regex::Regex;

use crate::api_links::Pins;
use crate::book::Book;
use crate::pythons::CLAIMED as CLAIMED_PYTHONS;

/// Words before a version that make it history, not a statement of what the
/// tests use.
const BEFORE: &str = r"(?i)\b(since|before|until|from|after|prior to|in|up to|older than|newer than|as of)\s+$";
/// Words after one that do the same.
const AFTER: &str = r"^\s*(and later|or later|and newer|and earlier|\+|onwards?|adds?|added|removed|deprecated|introduced|changed|arrived|gained|made|dropped|had|was|were)\b|^\+";

impl Book {
    pub fn stated_version_problems(&self, pins: &Pins) -> Vec<String> {
        let mut names: Vec<String> = pins.crates.keys().cloned().collect();
        names.extend(["rustc", "Rust", "CPython", "Python"].map(String::from));
        names.sort_by_key(|n| std::cmp::Reverse(n.len())); // tokio-macros before tokio
        let names: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
        let version = r"\d+\.\d+(?:\.\d+)?";
        let statement = Regex::new(&format!(
            r"\b({})\s+({version})((?:(?:\s*,\s*|\s*,?\s+and\s+|\s+or\s+){version}\b)*)",
            names.join("|")
        ))
        .unwrap();
        let listed = Regex::new(version).unwrap();
        let (before, after) = (Regex::new(BEFORE).unwrap(), Regex::new(AFTER).unwrap());
        let kept: Vec<String> = crate::citations::kept_releases(&self.root.join(crate::citations::KEPT_CPYTHON))
            .iter()
            .filter_map(|tag| tag.strip_prefix('v').map(String::from))
            .collect();
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            let prose = prose_only(&chapter.raw);
            for c in statement.captures_iter(&prose) {
                let whole = c.get(0).unwrap();
                let line = prose[..whole.start()].matches('\n').count() + 1;
                let (name, first) = (&c[1], &c[2]);
                let history = before.is_match(&prose[whole.start().saturating_sub(20)..whole.start()])
                    || after.is_match(&prose[whole.end()..(whole.end() + 20).min(prose.len())]);
                let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                let at = format!("{}:{line}: \"{}\"", chapter.source.display(), squash(whole.as_str()));
                let mut say = |problem: String| problems.push(format!("{at} {problem}"));
                if name == "CPython" || name == "Python" {
                    let all: Vec<&str> =
                        std::iter::once(first).chain(listed.find_iter(&c[3]).map(|m| m.as_str())).collect();
                    check_python(&all, history, &kept, &mut say);
                    continue;
                }
                let (what, pinned, source) = match name {
                    "rustc" | "Rust" => ("Rust".to_owned(), pins.rust.clone(), "rust-toolchain.toml"),
                    krate => (krate.to_owned(), pins.crates[krate].version.clone(), "Cargo.lock"),
                };
                let full = first.split('.').count() == 3;
                if full && first != pinned {
                    say(format!("is not the {what} the tests use: {source} has {pinned}"));
                } else if !full && !history && minor(first) != minor(&pinned) {
                    say(format!(
                        "is not the {what} the tests use: {source} has {pinned} (for history, say so: \"since {what} {first}\")"
                    ));
                } else if !full && history && minor_order(first) > minor_order(&pinned) {
                    say(format!("is newer than the {what} the tests use ({source} has {pinned})"));
                }
            }
        }
        problems
    }
}

fn check_python(all: &[&str], history: bool, kept: &[String], say: &mut dyn FnMut(String)) {
    let claimed = CLAIMED_PYTHONS.join(", ");
    if all.len() >= 2 && !history {
        let stated: Vec<String> = all.iter().map(|v| minor(v)).collect();
        if stated != CLAIMED_PYTHONS {
            say(format!("states the CPythons the tests use, which are {claimed} (tests/harness/pythons.rs)"));
        }
        return;
    }
    for v in all {
        let claimed_minor = CLAIMED_PYTHONS.contains(&minor(v).as_str());
        if v.split('.').count() == 3 {
            if !claimed_minor {
                say(format!("is not a CPython the tests use ({claimed})"));
            } else if !kept.iter().any(|k| k == v) {
                say(format!(
                    "is not a CPython release whose cited files tests/cpython/ keeps ({}): name a kept release, \
                     or only the minor version",
                    if kept.is_empty() { "none".to_owned() } else { kept.join(", ") }
                ));
            }
        } else if !claimed_minor && !history {
            say(format!("is not a CPython the tests use ({claimed}; for history, say so: \"since Python {v}\")"));
        }
    }
}

/// The minor release of a version: `3.11` of `3.11.7` (or of `3.11`).
pub fn minor(version: &str) -> String {
    version.split('.').take(2).collect::<Vec<_>>().join(".")
}

/// A version's minor release as numbers, to order releases by:
/// `3.12.1` comes after `3.11.7`, and `3.11.2` is the same as `3.11`.
pub fn minor_order(version: &str) -> Vec<u32> {
    version.split('.').take(2).map(|p| p.parse::<u32>().unwrap_or(0)).collect()
}

/// The page's prose: code blocks, link addresses, reference definitions and
/// HTML tags blanked (newlines kept, so lines still count).
fn prose_only(raw: &str) -> String {
    let mut text = raw.to_owned();
    let blank = |text: &mut String, range: std::ops::Range<usize>| {
        let spaces: String = text[range.clone()].chars().map(|c| if c == '\n' { '\n' } else { ' ' }).collect();
        text.replace_range(range, &spaces);
    };
    for block in crate::markdown::code_blocks(raw).into_iter().rev() {
        blank(&mut text, block.range);
    }
    for pattern in [r"\]\([^)]*\)", r"(?m)^\[[^\]\n]+\]:[ \t]+https?://\S+.*$", r"<[^>]+>"] {
        let found: Vec<_> = Regex::new(pattern).unwrap().find_iter(&text.clone()).map(|m| m.range()).collect();
        for range in found.into_iter().rev() {
            blank(&mut text, range);
        }
    }
    text
}
