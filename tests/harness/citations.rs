//! Citations: a claim about the internals of tokio, futures or CPython's
//! asyncio links to the lines it rests on, at the version the tests use,
//! with a short quote from those lines as the link's title:
//!
//! `[deferred](https://github.com/tokio-rs/tokio/blob/tokio-1.54.1/tokio/src/task/yield_now.rs#L50-L58 "context::defer")`
//!
//! Each is checked against the source of that release: cargo's copy of the
//! crate `Cargo.lock` locks, or CPython's cited files as kept in the
//! repository (`tests/cpython/vX.Y.Z/Lib/...`, whatever CPython this machine
//! has). Bump a dependency, and the citations that moved fail, once per cause.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use mdbook_markdown::pulldown_cmark::{Event, Tag};
use regex::Regex;

use crate::book::Book;
use crate::pythons::Python;
use crate::sources::Crate;

/// The repositories whose links must be citations; CPython's is special-cased.
const CPYTHON: &str = "https://github.com/python/cpython";

/// Where the repository keeps CPython's cited files, one directory per
/// release tag (`v3.11.7/Lib/asyncio/tasks.py`), relative to its root.
pub const KEPT_CPYTHON: &str = "tests/cpython";

/// One link to a repository of cited code, as written in a chapter.
#[derive(Debug, Clone)]
pub struct Citation {
    pub chapter: PathBuf,
    /// 1-based line of the link in the chapter's source.
    pub line: usize,
    pub url: String,
    pub quote: String,
}

impl Book {
    /// Every link of the book to a repository of a crate in `Cargo.lock` or to
    /// CPython's.
    pub fn citations(&self, crates: &HashMap<String, Crate>) -> Vec<Citation> {
        let cited: Vec<&str> = crates
            .values()
            .map(|c| c.repository.as_str())
            .filter(|r| r.starts_with("https://github.com/"))
            .chain([CPYTHON])
            .collect();
        let mut found = Vec::new();
        for chapter in &self.chapters {
            let options = mdbook_markdown::MarkdownOptions::default();
            let parser = mdbook_markdown::new_cmark_parser(&chapter.raw, &options).into_offset_iter();
            for (event, range) in parser {
                let Event::Start(Tag::Link { dest_url, title, .. }) = event else { continue };
                let url = dest_url.to_string();
                if cited.iter().any(|repo| url.starts_with(&format!("{repo}/"))) {
                    let line = chapter.raw[..range.start].matches('\n').count() + 1;
                    found.push(Citation { chapter: chapter.source.clone(), line, url, quote: title.to_string() });
                }
            }
        }
        found
    }

    /// Every citation whose version, file, lines or quote does not match the
    /// cited source, one message per cause: the citations that share one (a
    /// release that moved, a file not kept) are named together. `kept` is
    /// the directory of CPython's kept files ([`KEPT_CPYTHON`]).
    pub fn citation_problems(&self, crates: &HashMap<String, Crate>, kept: &Path) -> Vec<String> {
        let mut causes: Vec<(String, Vec<String>)> = Vec::new();
        for citation in self.citations(crates) {
            let Err(cause) = check(&citation, crates, kept) else { continue };
            let at = format!("{}:{}", citation.chapter.display(), citation.line);
            match causes.iter_mut().find(|(c, _)| *c == cause) {
                Some((_, places)) => places.push(at),
                None => causes.push((cause, vec![at])),
            }
        }
        causes.into_iter().map(|(cause, places)| format!("{}: {cause}", places.join(", "))).collect()
    }
}

/// A citation against its source: `Err` says what is wrong.
fn check(citation: &Citation, crates: &HashMap<String, Crate>, kept: &Path) -> Result<(), String> {
    let form = Regex::new(r"^(https://github\.com/[^/]+/[^/]+)/blob/([^/]+)/([^#]+)#L(\d+)(?:-L(\d+))?$").unwrap();
    let url = &citation.url;
    let Some(caps) = form.captures(url) else {
        return Err(format!(
            "the citation {url} is not pinned to a release with lines: write \
             https://github.com/OWNER/REPO/blob/TAG/PATH#Lx-Ly \"quote\""
        ));
    };
    let (repo, tag, path) = (&caps[1], &caps[2], &caps[3]);
    let first: usize = caps[4].parse().unwrap();
    let last: usize = caps.get(5).map_or(first, |m| m.as_str().parse().unwrap());
    let (what, file) =
        if repo == CPYTHON { cpython_file(tag, path, kept)? } else { crate_file(repo, tag, path, crates)? };
    let Ok(text) = std::fs::read_to_string(&file) else {
        let looked = crate::snapshot::redact_cargo_home(&file.display().to_string());
        return Err(format!("the citation {url} names {path}, which {what} does not have (looked for {looked})"));
    };
    let lines: Vec<&str> = text.lines().collect();
    if first == 0 || last < first || last > lines.len() {
        return Err(format!(
            "the citation {url} names lines {first}-{last} of {path}, which has {} lines in {what}",
            lines.len()
        ));
    }
    if citation.quote.trim().is_empty() {
        return Err(format!(
            "the citation {url} gives no quote: add, as the link's title, a few words that lines {first}-{last} contain"
        ));
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !squash(&lines[first - 1..last].join("\n")).contains(&squash(&citation.quote)) {
        return Err(format!(
            "the citation {url}: \"{}\" is not in lines {first}-{last} of {path} in {what}: the code moved or \
             changed; find it, update the lines, and re-read the claim",
            citation.quote
        ));
    }
    Ok(())
}

/// The local copy of `path` in a crate's repository at `tag`.
fn crate_file(repo: &str, tag: &str, path: &str, crates: &HashMap<String, Crate>) -> Result<(String, PathBuf), String> {
    let mut of_repo: Vec<&Crate> = crates.values().filter(|c| c.repository == repo).collect();
    of_repo.sort_by(|a, b| a.name.cmp(&b.name));
    // In a workspace repository the path starts with the crate's folder
    // (`tokio/src/...`); otherwise the crate is the repository's root.
    let (krate, inner) = match path.split_once('/') {
        Some((folder, inner)) if of_repo.iter().any(|c| c.name == folder) => {
            (of_repo.iter().find(|c| c.name == folder).copied(), inner)
        }
        _ => (of_repo.first().copied(), path),
    };
    let Some(krate) = krate else {
        return Err(format!("{repo} is cited, but it is the repository of no crate in Cargo.lock"));
    };
    let version = Regex::new(r"\d+\.\d+\.\d+").unwrap().find(tag).map(|m| m.as_str().to_owned());
    if version.as_deref() != Some(krate.version.as_str()) {
        let (name, locked) = (&krate.name, &krate.version);
        return Err(format!(
            "{name} is cited at {tag}, but Cargo.lock has {name} {locked}: re-read each claim against {name} {locked} \
             and update its link"
        ));
    }
    Ok((format!("{} {}", krate.name, krate.version), krate.dir.join(inner)))
}

/// The CPython releases whose cited files `kept` (`tests/cpython/`) holds,
/// by tag (`v3.11.7`), sorted.
pub fn kept_releases(kept: &Path) -> Vec<String> {
    let mut releases: Vec<String> = std::fs::read_dir(kept)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    releases.sort();
    releases
}

/// The kept copy of `path` (`Lib/asyncio/...`) of CPython at `tag` (`v3.11.7`).
fn cpython_file(tag: &str, path: &str, kept: &Path) -> Result<(String, PathBuf), String> {
    if !path.starts_with("Lib/") {
        return Err(format!("CPython's {path} is cited: only its standard library (Lib/...) is kept and checked"));
    }
    let release = kept.join(tag);
    let shown = format!("{KEPT_CPYTHON}/{tag}");
    if !release.is_dir() {
        let releases = kept_releases(kept);
        return Err(format!(
            "CPython {tag} is cited, but {KEPT_CPYTHON}/ keeps no file of that release (it keeps {}): copy the cited \
             files of {tag} to {shown}/ ({KEPT_CPYTHON}/README.md says how), or re-check each claim at a kept release",
            releases.join(", ")
        ));
    }
    let file = release.join(path);
    if !file.is_file() {
        return Err(format!(
            "CPython {tag}'s {path} is cited, but {shown}/ does not keep it: copy it from an installed CPython \
             {} ({KEPT_CPYTHON}/README.md says how)",
            tag.trim_start_matches('v')
        ));
    }
    Ok((format!("CPython {tag}"), file))
}

/// Every kept CPython file that differs from the standard library of an
/// installed interpreter of the same release (`pythons`), compared after
/// normalising line endings (a Windows checkout may have turned them). A
/// release none of `pythons` is stays unproven here, and says nothing.
pub fn kept_cpython_differences(kept: &Path, pythons: &[Python]) -> Vec<String> {
    let mut problems = Vec::new();
    for python in pythons {
        let release = kept.join(format!("v{}", python.version));
        for file in files_under(&release.join("Lib")) {
            let inner = file.strip_prefix(release.join("Lib")).unwrap();
            let installed = python.stdlib.join(inner);
            let read = |p: &Path| std::fs::read_to_string(p).ok().map(|t| t.replace("\r\n", "\n"));
            if read(&file) != read(&installed) {
                problems.push(format!(
                    "{} is not CPython {}'s own {}: copy it again ({KEPT_CPYTHON}/README.md says how)",
                    file.display(),
                    python.version,
                    installed.display()
                ));
            }
        }
    }
    problems
}

/// Every file under `dir`, recursively, in path order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}
