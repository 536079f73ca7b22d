//! Guards: each returns one message per problem, naming the chapter, the
//! directive and the path, so a red test says where to look.

use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::book::{normalize, Book, Html};
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

    /// Every ` ```rust ` block must be exactly one include of a listing file: a
    /// block typed into the page is code no crate builds and no test runs.
    pub fn inline_rust_blocks(&self) -> Vec<String> {
        let include = Regex::new(r"^\s*\{\{#(include|rustdoc_include)\s+([^}]+)\}\}\s*$").unwrap();
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            for block in code_blocks(&chapter.raw) {
                if !block.is_rust() {
                    continue;
                }
                let listing = include.captures(&block.content).filter(|caps| {
                    let file = caps[2].split(':').next().unwrap_or("").trim();
                    self.resolve(chapter, file).starts_with("listings")
                });
                if listing.is_none() {
                    problems.push(format!(
                        "{}:{}: this ```{} block is not a single {{{{#include}}}} of a file under listings/ \
                         (every Rust block must be a listing crate)",
                        chapter.source.display(),
                        block.line,
                        block.info
                    ));
                }
            }
        }
        problems
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
    pub fn broken_links(&self, html: &Html) -> Vec<String> {
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
}
