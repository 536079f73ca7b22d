//! The book under test: its chapters as mdBook expands them, its listing
//! crates, where each file is shown, and its HTML rendering. The guards
//! (`guards.rs`, `captions.rs`, `citations.rs`) and the listing checks
//! (`rust_checks.rs`, `python_checks.rs`) are methods of [`Book`].

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use regex::Regex;

use crate::listings::{self, Listing};
use crate::markdown::{self, Chapter};
use crate::rust_checks::{self, Unit};

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

/// One place a file is shown: the chapter, and the info-string words of the
/// code block the include sits in (empty outside a code block).
#[derive(Debug, Clone)]
pub struct Shown {
    pub chapter: PathBuf,
    pub tags: Vec<String>,
}

/// A book loaded from its root (the directory of `book.toml`).
pub struct Book {
    pub root: PathBuf,
    pub chapters: Vec<Chapter>,
    /// Every crate under `listings/*/*`, in path order.
    pub listings: Vec<Listing>,
    /// Every included file (relative to the root) and each place showing it.
    shown: HashMap<PathBuf, Vec<Shown>>,
    /// The HTML rendering and the workspace build, each made once, when
    /// first asked for.
    html: OnceLock<Html>,
    units: OnceLock<Result<HashMap<PathBuf, Unit>, String>>,
}

impl Book {
    /// Loads the book with mdBook's library and runs its preprocessors for the
    /// HTML renderer, as `mdbook build` and `mdbook serve` do.
    pub fn load(root: &Path) -> Result<Book, String> {
        let chapters = markdown::load_chapters(root)?;
        let mut book = Book {
            root: root.to_path_buf(),
            chapters,
            listings: listings::discover(root),
            shown: HashMap::new(),
            html: OnceLock::new(),
            units: OnceLock::new(),
        };
        for chapter in &book.chapters {
            let blocks = markdown::code_blocks(&chapter.raw);
            for d in book.directives(chapter) {
                let tags = blocks
                    .iter()
                    .find(|b| b.content.contains(&d.text))
                    .map(|b| b.tags().map(str::to_owned).collect())
                    .unwrap_or_default();
                book.shown.entry(d.path).or_default().push(Shown { chapter: chapter.source.clone(), tags });
            }
        }
        Ok(book)
    }

    /// The directives of a chapter, found with the same pattern mdBook uses
    /// (escaped `\{{#...}}` ones are skipped, as mdBook skips them).
    pub fn directives(&self, chapter: &Chapter) -> Vec<Directive> {
        let link = Regex::new(r"\\\{\{#.*\}\}|\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}").unwrap();
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
                    path: self.resolve(chapter, file),
                    anchor,
                })
            })
            .collect()
    }

    /// A path written in `chapter` (relative to its directory), relative to
    /// the book's root.
    pub fn resolve(&self, chapter: &Chapter, file: &str) -> PathBuf {
        let dir = chapter.source.parent().unwrap_or(Path::new(""));
        let path = normalize(&dir.join(file));
        path.strip_prefix(&self.root).map(Path::to_path_buf).unwrap_or(path)
    }

    /// Every place that shows `file` (relative to the root).
    pub fn places(&self, file: &Path) -> &[Shown] {
        self.shown.get(file).map_or(&[], Vec::as_slice)
    }

    /// Every included file, for the orphan guard.
    pub fn included(&self) -> impl Iterator<Item = &Path> {
        self.shown.keys().map(PathBuf::as_path)
    }

    /// The chapter that shows `file`, for messages. For a file no page shows
    /// (an expected output that does not exist yet), the chapter showing its
    /// listing; failing that, the listing's chapter by naming convention.
    pub fn shown_in(&self, file: &Path) -> String {
        if let Some(place) = self.places(file).first() {
            return place.chapter.display().to_string();
        }
        let sibling = self.listing_of(file).and_then(|l| {
            let mut shown: Vec<_> = self.shown.iter().filter(|(f, _)| f.starts_with(&l.dir)).collect();
            shown.sort_by(|a, b| a.0.cmp(b.0));
            shown.first().and_then(|(_, places)| places.first())
        });
        match sibling {
            Some(place) => place.chapter.display().to_string(),
            None => format!("{} (no chapter shows it)", listings::chapter_hint(file)),
        }
    }

    /// The listing a file (relative to the root) belongs to.
    pub fn listing_of(&self, file: &Path) -> Option<&Listing> {
        self.listings.iter().find(|l| file.starts_with(&l.dir))
    }

    /// The book rendered to HTML (once).
    pub fn html(&self) -> &Html {
        self.html.get_or_init(|| self.build_html())
    }

    /// What one `cargo build` of the whole workspace said about each listing
    /// crate, by directory (built once).
    pub fn units(&self) -> Result<&HashMap<PathBuf, Unit>, String> {
        self.units
            .get_or_init(|| rust_checks::build_workspace(&self.root, &self.listings))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Renders the book to HTML as `mdbook build` would, in a temporary
    /// directory, capturing every warning or error mdBook logs meanwhile.
    fn build_html(&self) -> Html {
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
            let mut book = mdbook_driver::MDBook::load(&self.root).map_err(|e| format!("{e:#}"))?;
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
        let book_toml = self.root.join("book.toml");
        let mut log: Vec<String> =
            events.into_iter().map(|e| format!("{}: mdBook logged: {e}", book_toml.display())).collect();
        if let Err(e) = built {
            log.push(format!("{}: mdBook's HTML build failed: {e}", book_toml.display()));
        }
        Html { dir: out, log }
    }

    /// The text of a file of the book (relative to the root), if it exists.
    pub fn read(&self, file: &Path) -> Option<String> {
        fs::read_to_string(self.root.join(file)).ok()
    }
}

/// The book rendered to HTML in a temporary directory, with every warning or
/// error mdBook logged while rendering it.
pub struct Html {
    pub dir: tempfile::TempDir,
    pub log: Vec<String>,
}

/// `a/b/../c` → `a/c`, without touching the file system (the file may not exist).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
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
