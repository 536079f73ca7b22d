//! Guards: each returns one message per problem, naming the chapter, the
//! directive and the path, so a red test says where to look.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use regex::Regex;

use crate::book::{self, Chapter};

/// An `{{#include}}`-family directive as written in a chapter.
#[derive(Debug, Clone)]
pub struct Directive {
    /// The whole directive, e.g. `{{#include ../listings/x/output.txt}}`.
    pub text: String,
    /// `include`, `rustdoc_include` or `playground`.
    pub kind: String,
    /// The included file, relative to the book's root.
    pub path: PathBuf,
    /// The anchor after `:`, if the part after the path is not a line range.
    pub anchor: Option<String>,
}

/// The directives of a chapter, found with the same pattern mdBook uses
/// (escaped `\{{#...}}` ones are skipped, as mdBook skips them).
pub fn directives(root: &Path, chapter: &Chapter) -> Vec<Directive> {
    let link = Regex::new(r"\\\{\{#.*\}\}|\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}").unwrap();
    let chapter_dir = chapter.source.parent().unwrap_or(Path::new(""));
    link.captures_iter(&chapter.raw)
        .filter_map(|caps| {
            let kind = caps.get(1)?.as_str();
            if !matches!(kind, "include" | "rustdoc_include" | "playground") {
                return None;
            }
            let target = caps[2].split_whitespace().next()?;
            let (file, rest) = target.split_once(':').unwrap_or((target, ""));
            let first = rest.split(':').next().unwrap_or("");
            let anchor = (!first.is_empty() && first.parse::<usize>().is_err()).then(|| first.to_owned());
            Some(Directive {
                text: caps[0].to_owned(),
                kind: kind.to_owned(),
                path: normalize(&root.join(chapter_dir).join(file))
                    .strip_prefix(normalize(root))
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| PathBuf::from(file)),
                anchor,
            })
        })
        .collect()
}

/// `a/b/../c` → `a/c`, without touching the file system (the file may not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Included files that do not exist, and anchors that their file lacks.
/// mdBook only logs the first (the page keeps the raw directive) and renders
/// the second as an empty block, which skeptic would happily pass.
pub fn missing_includes(root: &Path, chapters: &[Chapter]) -> Vec<String> {
    let mut problems = Vec::new();
    for chapter in chapters {
        for d in directives(root, chapter) {
            let Ok(text) = fs::read_to_string(root.join(&d.path)) else {
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
pub fn inline_rust_blocks(root: &Path, chapters: &[Chapter]) -> Vec<String> {
    let include = Regex::new(r"^\s*\{\{#(include|rustdoc_include)\s+([^}]+)\}\}\s*$").unwrap();
    let mut problems = Vec::new();
    for chapter in chapters {
        for block in book::code_blocks(&chapter.raw) {
            if !block.is_rust() {
                continue;
            }
            let listing = include.captures(&block.content).filter(|caps| {
                let file = caps[2].split(':').next().unwrap_or("").trim();
                let path = normalize(&root.join(chapter.source.parent().unwrap()).join(file));
                path.starts_with(normalize(&root.join("listings")))
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
pub fn orphans(root: &Path, chapters: &[Chapter]) -> Vec<String> {
    let included: Vec<PathBuf> = chapters.iter().flat_map(|ch| directives(root, ch)).map(|d| d.path).collect();
    let mut problems = Vec::new();
    for listing in crate::listings::discover(root) {
        if !included.iter().any(|p| p.starts_with(&listing.dir)) {
            problems.push(format!(
                "{}: listing crate {} is not included by any chapter",
                listing.chapter_hint(),
                listing.dir.display()
            ));
            continue;
        }
        for shown in listing.shown_files(root) {
            if !included.contains(&shown) {
                problems.push(format!(
                    "{}: {} is an output or counterpart of {} that no chapter includes",
                    listing.chapter_hint(),
                    shown.display(),
                    listing.dir.display()
                ));
            }
        }
    }
    problems
}

/// Text left over from a directive that mdBook did not expand.
pub fn leftover_directives(chapters: &[Chapter]) -> Vec<String> {
    let mut problems = Vec::new();
    for chapter in chapters {
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

/// The book rendered to HTML by mdBook's library in a temporary directory,
/// with every warning or error mdBook logged while doing so.
pub struct Html {
    pub dir: tempfile::TempDir,
    pub log: Vec<String>,
}

/// Builds the HTML book as `mdbook build` would, capturing mdBook's log.
pub fn build_html(root: &Path) -> Html {
    let log = Arc::new(Mutex::new(Vec::<u8>::new()));
    let writer = {
        let log = Arc::clone(&log);
        move || LogWriter(Arc::clone(&log))
    };
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::WARN)
        .with_ansi(false)
        .without_time()
        .with_writer(writer)
        .finish();
    let out = tempfile::tempdir().unwrap();
    let built = tracing::subscriber::with_default(subscriber, || -> Result<(), String> {
        let mut book = mdbook_driver::MDBook::load(root).map_err(|e| format!("{e:#}"))?;
        book.config.build.build_dir = out.path().to_path_buf();
        book.build().map_err(|e| format!("{e:#}"))
    });
    // One entry per event; an event's message may span several lines.
    let mut events: Vec<String> = Vec::new();
    for line in String::from_utf8_lossy(&log.lock().unwrap()).lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("WARN") || trimmed.starts_with("ERROR") || events.is_empty() {
            events.push(trimmed.to_owned());
        } else if let Some(last) = events.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    let mut problems: Vec<String> = events
        .into_iter()
        .map(|e| format!("{}: mdBook logged: {e}", root.join("book.toml").display()))
        .collect();
    if let Err(e) = built {
        problems.push(format!("{}: mdBook's HTML build failed: {e}", root.join("book.toml").display()));
    }
    Html { dir: out, log: problems }
}

/// Every warning or error mdBook logs while building the HTML book.
pub fn html_build_log(root: &Path) -> Vec<String> {
    build_html(root).log
}

/// Links between pages (`other.md#heading`, `#heading`) whose page or
/// fragment does not exist in the rendered book. mdBook checks neither.
pub fn broken_links(chapters: &[Chapter], html: &Path) -> Vec<String> {
    use mdbook_markdown::pulldown_cmark::{Event, Tag};
    let id = Regex::new(r#"\bid="([^"]+)""#).unwrap();
    let ids_of = |page: &Path| -> Option<Vec<String>> {
        let text = fs::read_to_string(page).ok()?;
        Some(id.captures_iter(&text).map(|c| c[1].to_owned()).collect())
    };
    let mut problems = Vec::new();
    for chapter in chapters {
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
                here.parent().unwrap_or(Path::new("")).join(format!("{md}.md"))
            } else {
                continue; // images and other files are mdBook's to copy
            };
            let rendered = html.join(target.with_extension("html"));
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

struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every guard that needs no compilation, over the book at `root`.
pub fn all(root: &Path) -> Vec<String> {
    let chapters = match book::load(root) {
        Ok(chapters) => chapters,
        Err(e) => return vec![e],
    };
    let mut problems = missing_includes(root, &chapters);
    problems.extend(inline_rust_blocks(root, &chapters));
    problems.extend(orphans(root, &chapters));
    problems.extend(leftover_directives(&chapters));
    let html = build_html(root);
    problems.extend(html.log);
    problems.extend(broken_links(&chapters, html.dir.path()));
    problems
}

/// Where a file is shown: the chapter, and the info-string words of the code
/// block the include sits in (empty outside a code block).
#[derive(Debug, Clone)]
pub struct Shown {
    pub chapter: PathBuf,
    pub tags: Vec<String>,
}

/// Every included file, with each place that shows it.
pub fn shown_files(root: &Path, chapters: &[Chapter]) -> std::collections::HashMap<PathBuf, Vec<Shown>> {
    let mut shown: std::collections::HashMap<PathBuf, Vec<Shown>> = Default::default();
    for chapter in chapters {
        let blocks = book::code_blocks(&chapter.raw);
        for d in directives(root, chapter) {
            let tags = blocks
                .iter()
                .find(|b| b.content.contains(&d.text))
                .map(|b| b.tags().map(str::to_owned).collect())
                .unwrap_or_default();
            shown.entry(d.path).or_default().push(Shown { chapter: chapter.source.clone(), tags });
        }
    }
    shown
}

/// A block marked `compile_fail` must show a crate that does not compile, and
/// a crate that does not compile must be shown `compile_fail`; likewise
/// `should_panic` goes with a `panic.txt`. `compiles` says whether the crate
/// in a listing directory built.
pub fn block_kinds(
    root: &Path,
    chapters: &[Chapter],
    compiles: &dyn Fn(&Path) -> bool,
) -> Vec<String> {
    let shown = shown_files(root, chapters);
    let mut problems = Vec::new();
    for listing in crate::listings::discover(root) {
        let main = listing.dir.join("src/main.rs");
        let must_panic = root.join(listing.dir.join(crate::listings::PANIC_FILE)).exists();
        let compiles = compiles(&listing.dir);
        for place in shown.get(&main).into_iter().flatten() {
            let tagged = |t: &str| place.tags.iter().any(|x| x == t);
            let mut say = |what: String| problems.push(format!("{}: {} {what}", place.chapter.display(), main.display()));
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
