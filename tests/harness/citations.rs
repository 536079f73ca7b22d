//! Citations: a claim about the internals of tokio, futures or CPython's
//! asyncio links to the lines it rests on, at the version the tests use,
//! with a short quote from those lines as the link's title:
//!
//! `[deferred](https://github.com/tokio-rs/tokio/blob/tokio-1.54.1/tokio/src/task/yield_now.rs#L50-L58 "context::defer")`
//!
//! Each is checked against the source on this machine: cargo's copy of the
//! crate `Cargo.lock` locks, or the `asyncio` package of the CPython that runs
//! the counterparts. Bump a dependency, and every citation that moved fails.

use std::collections::HashMap;
use std::path::PathBuf;

use mdbook_markdown::pulldown_cmark::{Event, Tag};
use regex::Regex;

use crate::book::Book;
use crate::sources::{find_python, Crate, Python};

/// The repositories whose links must be citations; CPython's is special-cased.
const CPYTHON: &str = "https://github.com/python/cpython";

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
    /// source the tests use. `python` is the interpreter that runs the
    /// counterparts.
    pub fn citation_problems(&self, crates: &HashMap<String, Crate>, python: Option<&Python>) -> Vec<String> {
        let form = Regex::new(r"^(https://github\.com/[^/]+/[^/]+)/blob/([^/]+)/([^#]+)#L(\d+)(?:-L(\d+))?$").unwrap();
        let mut problems = Vec::new();
        for citation in self.citations(crates) {
            let at = format!("{}:{}: the citation {}", citation.chapter.display(), citation.line, citation.url);
            let Some(caps) = form.captures(&citation.url) else {
                problems.push(format!(
                    "{at} is not pinned to a release with lines: write \
                     https://github.com/OWNER/REPO/blob/TAG/PATH#Lx-Ly \"quote\""
                ));
                continue;
            };
            let (repo, tag, path) = (&caps[1], &caps[2], &caps[3]);
            let first: usize = caps[4].parse().unwrap();
            let last: usize = caps.get(5).map_or(first, |m| m.as_str().parse().unwrap());
            let source =
                if repo == CPYTHON { cpython_file(tag, path, python) } else { crate_file(repo, tag, path, crates) };
            let (what, file) = match source {
                Ok(found) => found,
                Err(e) => {
                    problems.push(format!("{at} {e}"));
                    continue;
                }
            };
            let Ok(text) = std::fs::read_to_string(&file) else {
                let looked = crate::snapshot::redact_cargo_home(&file.display().to_string());
                problems.push(format!("{at} names {path}, which {what} does not have (looked for {looked})"));
                continue;
            };
            let lines: Vec<&str> = text.lines().collect();
            if first == 0 || last < first || last > lines.len() {
                problems.push(format!(
                    "{at} names lines {first}-{last} of {path}, which has {} lines in {what}",
                    lines.len()
                ));
                continue;
            }
            if citation.quote.trim().is_empty() {
                problems.push(format!(
                    "{at} gives no quote: add, as the link's title, a few words that lines {first}-{last} contain"
                ));
                continue;
            }
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            if !squash(&lines[first - 1..last].join("\n")).contains(&squash(&citation.quote)) {
                problems.push(format!(
                    "{at}: \"{}\" is not in lines {first}-{last} of {path} in {what}: the code moved or changed; \
                     find it, update the lines, and re-read the claim",
                    citation.quote
                ));
            }
        }
        problems
    }
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
        return Err(format!("points into {repo}, which is the repository of no crate in Cargo.lock"));
    };
    let version = Regex::new(r"\d+\.\d+\.\d+").unwrap().find(tag).map(|m| m.as_str().to_owned());
    if version.as_deref() != Some(krate.version.as_str()) {
        return Err(format!(
            "cites {} at {tag}, but Cargo.lock has {} {}: re-read the claim against {} {} and update the link",
            krate.name, krate.name, krate.version, krate.name, krate.version
        ));
    }
    Ok((format!("{} {}", krate.name, krate.version), krate.dir.join(inner)))
}

/// The local copy of `path` (`Lib/asyncio/...`) in CPython at `tag` (`v3.11.7`).
fn cpython_file(tag: &str, path: &str, python: Option<&Python>) -> Result<(String, PathBuf), String> {
    let version = tag.strip_prefix('v').unwrap_or(tag);
    let Some(inner) = path.strip_prefix("Lib/") else {
        return Err(format!("names {path}: only CPython's standard library (Lib/...) can be checked"));
    };
    let runs = python.map(|p| p.version.as_str());
    if runs != Some(version) {
        let running =
            runs.map_or("no python3 was found".to_owned(), |v| format!("the counterparts run on CPython {v}"));
        let install = match find_python(version) {
            Ok(found) => format!("run the tests with BOOK_PYTHON={}", found.program.display()),
            Err(e) => e,
        };
        return Err(format!(
            "cites CPython {version}, but {running}: {install}, or re-check the claim at that version"
        ));
    }
    let python = python.unwrap();
    Ok((format!("CPython {version}"), python.stdlib.join(inner)))
}
