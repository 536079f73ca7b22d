//! The book's chapters exactly as mdBook loads and expands them, and their
//! fenced code blocks as mdBook parses them.
//!
//! This file is shared (with `#[path]`) by the harness library and by the build
//! script that feeds skeptic, so both see the very same expanded chapters.

use std::path::{Path, PathBuf};

use mdbook_driver::book::BookItem;
use mdbook_driver::MDBook;
use mdbook_html::HtmlHandlebars;
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{new_cmark_parser, MarkdownOptions};

/// What the pages read, relative to the book's root: the build script
/// reruns (and skeptic's copy of the pages follows) when one changes.
pub const WATCHED: [&str; 4] = ["book.toml", "Cargo.toml", "src", "listings"];

/// One chapter of the book: where it lives, what its author wrote, and what a
/// reader sees once mdBook's preprocessors (include expansion) have run.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// Relative to the book's root, e.g. `src/ch01-writing-async-code.md`.
    pub source: PathBuf,
    /// As the table of contents names it.
    pub title: String,
    pub raw: String,
    pub expanded: String,
}

/// A code block of a chapter.
#[derive(Debug, Clone)]
pub struct CodeBlock {
    /// The info string, e.g. `rust,compile_fail,noplayground`.
    pub info: String,
    /// The code between the fences.
    pub content: String,
    /// Byte range of the whole block, fences included.
    pub range: std::ops::Range<usize>,
    /// 1-based line of the opening fence.
    pub line: usize,
}

impl CodeBlock {
    /// The comma- or space-separated words of the info string.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.info.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty())
    }

    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags().any(|t| t == tag)
    }

    pub fn is_rust(&self) -> bool {
        self.tags().next() == Some("rust")
    }
}

/// Loads the book at `root` with mdBook's library and runs its preprocessors
/// for the HTML renderer, as `mdbook build` and `mdbook serve` do.
pub fn load_chapters(root: &Path) -> Result<Vec<Chapter>, String> {
    let book = MDBook::load(root).map_err(|e| format!("mdBook could not load {}: {e:#}", root.display()))?;
    let src = book.config.book.src.clone();
    let raw: Vec<(PathBuf, String, String)> = book
        .iter()
        .filter_map(|item| match item {
            BookItem::Chapter(ch) => ch.path.as_ref().map(|p| (src.join(p), ch.name.clone(), ch.content.clone())),
            _ => None,
        })
        .collect();
    let (expanded, _) = book
        .preprocess_book(&HtmlHandlebars::new())
        .map_err(|e| format!("mdBook's preprocessors failed on {}: {e:#}", root.display()))?;
    let expanded: Vec<String> = expanded
        .iter()
        .filter_map(|item| match item {
            BookItem::Chapter(ch) if ch.path.is_some() => Some(ch.content.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(raw.len(), expanded.len(), "preprocessing changed the number of chapters");
    Ok(raw
        .into_iter()
        .zip(expanded)
        .map(|((source, title, raw), expanded)| Chapter { source, title, raw, expanded })
        .collect())
}

/// The code blocks (fenced or indented) of a markdown text, parsed as mdBook
/// parses it.
pub fn code_blocks(markdown: &str) -> Vec<CodeBlock> {
    let options = MarkdownOptions::default();
    let mut blocks = Vec::new();
    let mut open: Option<(String, usize, String)> = None;
    for (event, range) in new_cmark_parser(markdown, &options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                // An indented block has no info string: it is shown as code too.
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                open = Some((info, range.start, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, _, content)) = open.as_mut() {
                    content.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((info, start, content)) = open.take() {
                    let line = markdown[..start].matches('\n').count() + 1;
                    blocks.push(CodeBlock { info, content, range: start..range.end, line });
                }
            }
            _ => {}
        }
    }
    blocks
}
