//! Guards: each returns one message per problem, naming the chapter, the
//! directive and the path, so a red test says where to look.

use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::book::{normalize, Book};
use crate::listings::{chapter_hint, PANIC_FILE};
use crate::markdown::code_blocks;

impl Book {
    /// Included files that do not exist, and anchors that their file lacks.
    /// mdBook only logs the first (the page keeps the raw directive) and
    /// renders the second as an empty block, which skeptic would happily pass.
    pub fn missing_includes(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            for d in self.directives(chapter) {
                let Some(text) = self.read(&d.path) else {
                    problems.push(format!(
                        "{}: `{}` includes {}, which does not exist",
                        chapter.source.display(),
                        d.text,
                        d.path.display()
                    ));
                    continue;
                };
                if let Some(anchor) = &d.anchor {
                    let start = Regex::new(&format!(r"ANCHOR:\s*{}\b", regex::escape(anchor))).unwrap();
                    if !start.is_match(&text) {
                        problems.push(format!(
                            "{}: `{}` names anchor `{}`, which {} does not have (mdBook would show an empty block)",
                            chapter.source.display(),
                            d.text,
                            anchor,
                            d.path.display()
                        ));
                    }
                }
            }
        }
        problems
    }

    /// Every code block a page shows must be one include of a file that
    /// `cargo test` builds, runs or compares: a listing's source or manifest,
    /// a counterpart, an output file. A block typed into the page (in any
    /// language, under any fence) is code nothing checks. The one exception is
    /// deliberate: a command for the reader to type, fenced ```console,verbatim.
    /// A Rust block shows its listing's whole file: skeptic compiles the
    /// block's text, and the harness runs the file, so the two must be one.
    pub fn blocks_that_are_not_files(&self) -> Vec<String> {
        let include = Regex::new(r"^\s*\{\{#(include|rustdoc_include)\s+([^}]+)\}\}\s*$").unwrap();
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            for block in code_blocks(&chapter.raw) {
                let fence = if block.info.is_empty() && !chapter.raw[block.range.clone()].starts_with("```") {
                    "an indented code block".to_owned()
                } else {
                    format!("this ```{} block", block.info)
                };
                let at = format!("{}:{}: {fence}", chapter.source.display(), block.line);
                if block.info == "console,verbatim" {
                    continue;
                }
                let caps = include.captures(&block.content);
                // `{{#include FILE:ANCHOR}}` cuts the file; `rustdoc_include` only hides the rest.
                let cut = caps.as_ref().is_some_and(|caps| &caps[1] == "include" && caps[2].contains(':'));
                let file = caps.map(|caps| {
                    let file = caps[2].split(':').next().unwrap_or("").trim().to_owned();
                    self.resolve(chapter, &file)
                });
                let Some(file) = file else {
                    problems.push(format!(
                        "{at} is not a single {{{{#include}}}} of a listing's file (every code block shows a file \
                         that cargo test builds or runs; a command for the reader is fenced ```console,verbatim)"
                    ));
                    continue;
                };
                let (kind, language) = self.file_kind(&file);
                match (kind, language) {
                    (None, _) => problems.push(format!(
                        "{at} shows {}, which no test builds, runs or compares (show a listing's source, \
                         manifest, counterpart or output)",
                        file.display()
                    )),
                    (Some(kind), language) if block.tags().next() != Some(language) => {
                        problems.push(format!("{at} shows {}, {kind}: fence it ```{language}", file.display()))
                    }
                    (Some(_), "rust") if cut => problems.push(format!(
                        "{at} shows only part of {}: skeptic would compile a fragment that no listing runs \
                         (show the whole file: {{{{#rustdoc_include FILE:ANCHOR}}}} hides the rest without cutting it)",
                        file.display()
                    )),
                    _ => {}
                }
            }
        }
        problems
    }

    /// What a shown file is, and the fence language it must be shown under;
    /// `None` when no test checks it.
    fn file_kind(&self, file: &Path) -> (Option<&'static str>, &'static str) {
        let listing = self.listing_of(file);
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match (listing, ext) {
            (_, "toml") if name == "Cargo.toml" => (Some("a manifest cargo builds"), "toml"),
            (Some(l), "rs") if file.starts_with(l.dir.join("src")) => (Some("Rust that a listing builds"), "rust"),
            (Some(_), "py") => (Some("a Python counterpart"), "python"),
            (Some(l), "txt") if l.shown_files(&self.root).iter().any(|f| f == file) => (Some("an output file"), "text"),
            _ => (None, ""),
        }
    }

    /// Listing crates, and files beside them, that no chapter includes.
    pub fn orphans(&self) -> Vec<String> {
        let included: Vec<&Path> = self.included().collect();
        let mut problems = Vec::new();
        for listing in &self.listings {
            if !included.iter().any(|p| p.starts_with(&listing.dir)) {
                problems.push(format!(
                    "{}: listing crate {} is not included by any chapter",
                    chapter_hint(&listing.dir),
                    listing.dir.display()
                ));
                continue;
            }
            for shown in listing.shown_files(&self.root) {
                if !included.contains(&shown.as_path()) {
                    problems.push(format!(
                        "{}: {} is an output or counterpart of {} that no chapter includes",
                        chapter_hint(&listing.dir),
                        shown.display(),
                        listing.dir.display()
                    ));
                }
            }
        }
        problems
    }

    /// Included files outside what the build script watches
    /// ([`crate::markdown::WATCHED`]): skeptic's copy of the page would not
    /// follow their changes.
    pub fn unwatched_includes(&self) -> Vec<String> {
        let watched = |file: &Path| crate::markdown::WATCHED.iter().any(|w| file.starts_with(w));
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            for d in self.directives(chapter).into_iter().filter(|d| !watched(&d.path)) {
                problems.push(format!(
                    "{}: `{}` includes {}, which the build script does not watch (it watches {}), so skeptic's \
                     copy of the page would not follow its changes: keep it under one of those",
                    chapter.source.display(),
                    d.text,
                    d.path.display(),
                    crate::markdown::WATCHED.join(", ")
                ));
            }
        }
        problems
    }

    /// Text left over from a directive that mdBook did not expand.
    pub fn leftover_directives(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            for (i, line) in chapter.expanded.lines().enumerate() {
                if line.contains("{{#") {
                    problems.push(format!(
                        "{}: line {} of the rendered page still has an unexpanded directive: `{}`",
                        chapter.source.display(),
                        i + 1,
                        line.trim()
                    ));
                }
            }
        }
        problems
    }

    /// Links between pages (`other.md#heading`, `#heading`) whose page or
    /// fragment does not exist in the rendered book. mdBook checks neither.
    pub fn broken_links(&self) -> Vec<String> {
        let html = self.html();
        use mdbook_markdown::pulldown_cmark::{Event, Tag};
        let id = Regex::new(r#"\bid="([^"]+)""#).unwrap();
        let ids_of = |page: &Path| -> Option<Vec<String>> {
            let text = fs::read_to_string(page).ok()?;
            Some(id.captures_iter(&text).map(|c| c[1].to_owned()).collect())
        };
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            let here = chapter.source.strip_prefix("src").unwrap_or(&chapter.source);
            let options = mdbook_markdown::MarkdownOptions::default();
            for event in mdbook_markdown::new_cmark_parser(&chapter.raw, &options) {
                let Event::Start(Tag::Link { dest_url, .. }) = event else { continue };
                if dest_url.contains("://") || dest_url.starts_with("mailto:") {
                    continue;
                }
                let (page, fragment) = dest_url.split_once('#').unwrap_or((&dest_url, ""));
                let target = if page.is_empty() {
                    here.to_path_buf()
                } else if let Some(md) = page.strip_suffix(".md") {
                    normalize(&here.parent().unwrap_or(Path::new("")).join(format!("{md}.md")))
                } else {
                    continue; // images and other files are mdBook's to copy
                };
                let rendered = html.dir.path().join(target.with_extension("html"));
                match ids_of(&rendered) {
                    None => problems.push(format!(
                        "{}: the link `{dest_url}` points to {}, which is not a page of the book",
                        chapter.source.display(),
                        Path::new("src").join(&target).display()
                    )),
                    Some(ids) if !fragment.is_empty() && !ids.iter().any(|i| i == fragment) => problems.push(format!(
                        "{}: the link `{dest_url}` points to #{fragment}, which {} does not have",
                        chapter.source.display(),
                        Path::new("src").join(&target).display()
                    )),
                    Some(_) => {}
                }
            }
        }
        problems
    }

    /// A block marked `compile_fail` must show a crate that does not compile,
    /// and a crate that does not compile must be shown `compile_fail`;
    /// likewise `should_panic` goes with a `panic.txt`. `compiles` says
    /// whether the crate in a listing directory built.
    pub fn block_kinds(&self, compiles: &dyn Fn(&Path) -> bool) -> Vec<String> {
        let mut problems = Vec::new();
        for listing in &self.listings {
            let main: PathBuf = listing.dir.join("src/main.rs");
            let must_panic = self.root.join(listing.dir.join(PANIC_FILE)).exists();
            let compiles = compiles(&listing.dir);
            for place in self.places(&main) {
                let tagged = |t: &str| place.tags.iter().any(|x| x == t);
                let mut say =
                    |what: String| problems.push(format!("{}: {} {what}", place.chapter.display(), main.display()));
                if tagged("compile_fail") && compiles {
                    say("is shown as `compile_fail` but compiles".into());
                }
                if !tagged("compile_fail") && !compiles {
                    say("does not compile, so its block must be marked `rust,compile_fail,noplayground`".into());
                }
                if tagged("should_panic") != must_panic {
                    say(format!(
                        "is {}shown as `should_panic` but {} a panic.txt",
                        if tagged("should_panic") { "" } else { "not " },
                        if must_panic { "has" } else { "has no" }
                    ));
                }
            }
        }
        problems
    }

    /// A runnable listing gets mdBook's Run button, which sends it to
    /// play.rust-lang.org: every crate it uses must be one the playground
    /// offers, and one `theme/head.hbs` answers in the crate list it gives
    /// book.js (book.js hides the button of a listing whose crate is not in
    /// that list).
    pub fn playground_crates(&self) -> Vec<String> {
        let head = self.root.join("theme/head.hbs");
        let answered: Vec<String> = Regex::new(r"\{\s*id:\s*'([^']+)'\s*\}")
            .unwrap()
            .captures_iter(&fs::read_to_string(&head).unwrap_or_default())
            .map(|c| c[1].to_owned())
            .collect();
        let mut problems: Vec<String> = answered
            .iter()
            .filter(|c| !PLAYGROUND_CRATES.contains(&c.as_str()))
            .map(|c| {
                format!(
                "theme/head.hbs: answers `{c}` as a playground crate, but PLAYGROUND_CRATES (tests/harness/guards.rs) \
                 does not say play.rust-lang.org offers it"
            )
            })
            .collect();
        let dependency = Regex::new(r"^([A-Za-z0-9_-]+)(\.workspace)?\s*=").unwrap();
        for listing in &self.listings {
            let main = listing.dir.join("src/main.rs");
            let Some(place) = self.places(&main).iter().find(|p| !p.tags.iter().any(|t| t == "noplayground")) else {
                continue;
            };
            let manifest = self.read(&listing.dir.join("Cargo.toml")).unwrap_or_default();
            let mut section = "";
            for line in manifest.lines().map(str::trim) {
                if line.starts_with('[') {
                    section = line;
                } else if section == "[dependencies]" {
                    if let Some(name) = dependency.captures(line).map(|c| c[1].to_owned()) {
                        if !answered.contains(&name) {
                            problems.push(format!(
                                "{}: {} is runnable on the playground but uses the crate `{name}`, which theme/head.hbs \
                                 does not answer (add it there if the playground offers it, or mark the block noplayground)",
                                place.chapter.display(),
                                main.display()
                            ));
                        }
                    }
                }
            }
        }
        problems
    }
}

/// The crates of play.rust-lang.org's list (its top crates) that the book's
/// listings may use: checked by hand against https://play.rust-lang.org/meta/crates.
pub const PLAYGROUND_CRATES: [&str; 2] = ["tokio", "futures"];
