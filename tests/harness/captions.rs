//! Captions: the line under each code block says what the block shows, and
//! must agree with it. A listing's caption (Rust or its Python counterpart)
//! says in a few words what the listing shows, then names its file for
//! readers with a clone:
//!
//! `<p class="caption" id="listing-3-3">Listing 3-3: what it shows <small><code>listings/…/src/main.rs</code></small></p>`
//!
//! An output's caption names the listing whose run it is, in words that match
//! the kind of block: `Output of Listing N-M`, `Output of the Python
//! counterpart of Listing N-M`, `Errors from` / `Warnings from` (errors for a
//! `compile_fail` listing, warnings otherwise), `Panic from` (a
//! `should_panic` listing's `panic.txt`), `Standard error of`. No two ids are
//! the same.

use std::collections::HashMap;
use std::path::Path;

use regex::Regex;

use crate::book::Book;
use crate::listings::{Listing, COMPILER_FILE, PANIC_FILE, STDERR_FILE, STDOUT_FILE};
use crate::markdown::code_blocks;

/// What a block's caption must say.
struct Expected {
    /// The caption's class attribute.
    class: &'static str,
    /// The id (Rust listings only).
    id: Option<String>,
    /// The caption's words, as a pattern; for a listing, the words before
    /// its description.
    words: String,
    /// The words as a reader should see them, for messages.
    shown: String,
    /// Why these words (for a mismatch of kind), or `None`.
    because: Option<String>,
    /// The file a listing's caption names; `None` for outputs, whose
    /// caption names the listing instead.
    path: Option<String>,
}

impl Expected {
    /// The caption as it should read, for messages.
    fn want(&self) -> String {
        let id = self.id.as_ref().map(|id| format!(" id=\"{id}\"")).unwrap_or_default();
        match &self.path {
            Some(path) => format!(
                "<p class=\"{}\"{id}>{} (what it shows) <small><code>{path}</code></small></p>",
                self.class, self.shown
            ),
            None => format!("<p class=\"{}\"{id}>{}</p>", self.class, self.shown),
        }
    }
}

impl Book {
    /// Every caption that disagrees with its block, every block of a listing
    /// without one, and every id used twice.
    pub fn caption_problems(&self) -> Vec<String> {
        let include = Regex::new(r"^\s*\{\{#(?:include|rustdoc_include)\s+([^}:\s]+)").unwrap();
        let caption = Regex::new(r#"^<p class="([^"]+)"(?: id="([^"]+)")?>(.*)</p>$"#).unwrap();
        let path_at_end = Regex::new(r"^(.*?)\s*<small><code>([^<]*)</code></small>$").unwrap();
        let tag = Regex::new(r"<[^>]+>").unwrap();
        let mut problems = Vec::new();
        let mut ids: HashMap<String, String> = HashMap::new();
        for chapter in &self.chapters {
            for block in code_blocks(&chapter.raw) {
                let Some(caps) = include.captures(&block.content) else { continue };
                let file = self.resolve(chapter, &caps[1]);
                let Some(listing) = self.listings.iter().find(|l| file.starts_with(&l.dir)) else { continue };
                let Some(expected) = self.expected_caption(listing, &file) else { continue };
                let at = format!("{}:{}", chapter.source.display(), block.line);
                let next = chapter.raw[block.range.end..].lines().map(str::trim).find(|l| !l.is_empty());
                let Some(found) = next.and_then(|l| caption.captures(l)) else {
                    problems.push(format!(
                        "{at}: the block showing {} has no caption under it (expected {})",
                        file.display(),
                        expected.want()
                    ));
                    continue;
                };
                let mut wrong: Vec<String> = Vec::new();
                if found[1] != *expected.class {
                    wrong.push(format!("its class is `{}`, not `{}`", &found[1], expected.class));
                }
                let id = found.get(2).map(|m| m.as_str().to_owned());
                if id != expected.id {
                    wrong.push(match (&id, &expected.id) {
                        (Some(id), Some(want)) => format!("its id is `{id}`, not `{want}`"),
                        (Some(id), None) => format!("it has an id (`{id}`), which only a Rust listing's caption has"),
                        (None, _) => "it has no id".into(),
                    });
                }
                let body = found[3].trim();
                let (words, path) = match path_at_end.captures(body) {
                    Some(c) => (c.get(1).unwrap().as_str(), Some(c[2].to_owned())),
                    None => (body, None),
                };
                match (&expected.path, &path) {
                    (Some(want), Some(path)) if path != want => wrong.push(format!("it names {path}")),
                    (Some(_), None) => wrong.push("it does not end with the file in <small><code>".into()),
                    (None, Some(path)) => {
                        wrong.push(format!("it names a file ({path}) where it should name the listing"))
                    }
                    _ => {}
                }
                if expected.path.is_some() && expected.id.is_none() {
                    // A Python counterpart's caption: the listing it mirrors
                    // (whose caption says what both show), then its file.
                    if !Regex::new(&format!("^{}$", expected.words)).unwrap().is_match(words) {
                        wrong.push(format!("it says `{words}`"));
                    }
                } else if expected.path.is_some() {
                    // A listing's caption: its number, then what it shows.
                    let lead = Regex::new(&format!("^{}\\s*(.*)$", expected.words)).unwrap();
                    match lead.captures(words) {
                        None => wrong.push(format!("it does not begin `{}`", expected.shown)),
                        Some(c) => {
                            let description = tag.replace_all(&c[1], "");
                            if description.split_whitespace().count() < 2 {
                                wrong
                                    .push(format!("it does not say what the listing shows after `{}`", expected.shown));
                            }
                        }
                    }
                } else if !Regex::new(&format!("^{}$", expected.words)).unwrap().is_match(words) {
                    wrong.push(match &expected.because {
                        Some(because) => format!("it says `{words}`, but {because}"),
                        None => format!("it says `{words}`"),
                    });
                }
                if !wrong.is_empty() {
                    problems.push(format!(
                        "{at}: the caption of the block showing {} is `{}`: {}; expected {}",
                        file.display(),
                        next.unwrap_or_default(),
                        wrong.join("; "),
                        expected.want()
                    ));
                }
                if let Some(id) = id {
                    if let Some(first) = ids.insert(id.clone(), at.clone()) {
                        problems.push(format!("{at}: the caption id `{id}` is used already, at {first}"));
                    }
                }
            }
        }
        problems
    }

    /// The caption a file of `listing` must carry; `None` for files whose
    /// caption is free (a manifest).
    fn expected_caption(&self, listing: &Listing, file: &Path) -> Option<Expected> {
        let number = listing_number(listing);
        let n = regex::escape(&number);
        let path = file.display().to_string();
        let name = file.file_name()?.to_str()?;
        let of = |words: &str, pattern: &str, because: Option<String>| Expected {
            class: "caption output",
            id: None,
            words: format!("{pattern} Listing {n}"),
            shown: format!("{words} Listing {number}"),
            because,
            path: None,
        };
        let main = listing.dir.join("src/main.rs");
        let compile_fail = self.places(&main).iter().any(|p| p.tags.iter().any(|t| t == "compile_fail"));
        let shared_output = listing.python_files(&self.root).iter().any(|(_, out)| !self.root.join(out).exists());
        Some(match file.extension()?.to_str()? {
            "rs" => Expected {
                class: "caption",
                id: Some(format!("listing-{number}")),
                words: format!("Listing {n}:"),
                shown: format!("Listing {number}:"),
                because: None,
                path: Some(path),
            },
            "py" => Expected {
                class: "caption",
                id: None,
                words: format!("Python counterpart of Listing {n}"),
                shown: format!("Python counterpart of Listing {number}"),
                because: None,
                path: Some(path),
            },
            // A counterpart without its own output prints the Rust one: the
            // block shows both runs, and its caption says so.
            "txt" if name == STDOUT_FILE && shared_output => Expected {
                words: format!("Output of Listing {n} and of its Python counterpart"),
                shown: format!("Output of Listing {number} and of its Python counterpart"),
                ..of("", "", Some("its Python counterpart prints the same, and the block stands for both".into()))
            },
            // A service's output on a signal path (signals.rs): the Rust
            // program and its twin print the same file.
            "txt" if crate::signals::SCENARIOS.iter().any(|s| s.file == name) => {
                let after = if name.contains("two") { "two Ctrl-Cs" } else { "one Ctrl-C" };
                Expected {
                    words: format!("Output of Listing {n} and of its Python counterpart after {after}"),
                    shown: format!("Output of Listing {number} and of its Python counterpart after {after}"),
                    ..of("", "", Some(format!("{name} is what both programs print after {after}")))
                }
            }
            "txt" if name == STDOUT_FILE => {
                of("Output of", "Output of", Some(format!("the block is what Listing {number} prints")))
            }
            "txt" if name == COMPILER_FILE && compile_fail => Expected {
                class: "caption compiler",
                ..of(
                    "Errors from",
                    "(Error|Errors) from",
                    Some(format!("{} is shown `compile_fail`: these are its errors", main.display())),
                )
            },
            "txt" if name == COMPILER_FILE => Expected {
                class: "caption compiler",
                ..of(
                    "Warnings from",
                    "(Warning|Warnings) from",
                    Some(format!(
                        "{} compiles (it is not shown `compile_fail`): these are its warnings",
                        main.display()
                    )),
                )
            },
            "txt" if name == PANIC_FILE => Expected {
                class: "caption panic",
                ..of("Panic from", "Panic from", Some("a panic.txt is what the listing prints as it panics".into()))
            },
            "txt" if name == STDERR_FILE => Expected {
                class: "caption panic",
                ..of(
                    "Standard error of",
                    "Standard error of",
                    Some("a stderr.txt is what a listing that succeeds writes to stderr".into()),
                )
            },
            "txt" => of(
                "Output of the Python counterpart of",
                "Output of the Python counterpart of",
                Some(format!("{} is the output of {}", file.display(), file.with_extension("py").display())),
            ),
            _ => return None,
        })
    }
}

/// The number a listing goes by: `listing-05-02` is Listing 5-2.
pub fn listing_number(listing: &Listing) -> String {
    let name = listing.dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let digits: Vec<String> = name
        .trim_start_matches("listing-")
        .split('-')
        .map(|n| n.trim_start_matches('0').to_owned())
        .map(|n| if n.is_empty() { "0".into() } else { n })
        .collect();
    digits.join("-")
}
