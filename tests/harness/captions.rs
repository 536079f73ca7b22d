//! Captions: the line under each code block says what the block shows, and
//! must agree with it: the path of the file it includes, the listing's
//! `id="listing-N-M"`, `cargo run -p NAME` with that listing's package,
//! `python3 PATH` with that counterpart. No two ids are the same.

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
    /// The caption's words before `<code>`, as a pattern.
    words: String,
    /// The text of its `<code>`.
    code: String,
}

impl Book {
    /// Every caption that disagrees with its block, every block of a listing
    /// without one, and every id used twice.
    pub fn caption_problems(&self) -> Vec<String> {
        let include = Regex::new(r"^\s*\{\{#(?:include|rustdoc_include)\s+([^}:\s]+)").unwrap();
        let caption = Regex::new(r#"^<p class="([^"]+)"(?: id="([^"]+)")?>(.*?)<code>(.*?)</code>.*</p>$"#).unwrap();
        let mut problems = Vec::new();
        let mut ids: HashMap<String, String> = HashMap::new();
        for chapter in &self.chapters {
            for block in code_blocks(&chapter.raw) {
                let Some(caps) = include.captures(&block.content) else { continue };
                let file = self.resolve(chapter, &caps[1]);
                let Some(listing) = self.listings.iter().find(|l| file.starts_with(&l.dir)) else { continue };
                let Some(expected) = expected(listing, &file) else { continue };
                let at = format!("{}:{}", chapter.source.display(), block.line);
                let next = chapter.raw[block.range.end..].lines().map(str::trim).find(|l| !l.is_empty());
                let want = format!(
                    "<p class=\"{}\"{}>… <code>{}</code></p>",
                    expected.class,
                    expected.id.as_ref().map(|id| format!(" id=\"{id}\"")).unwrap_or_default(),
                    expected.code
                );
                let Some(found) = next.and_then(|l| caption.captures(l)) else {
                    problems.push(format!(
                        "{at}: the block showing {} has no caption under it (expected {want})",
                        file.display()
                    ));
                    continue;
                };
                let id = found.get(2).map(|m| m.as_str().to_owned());
                let words_ok = Regex::new(&format!("^{}$", expected.words)).unwrap().is_match(found[3].trim());
                if found[1] != *expected.class || id != expected.id || found[4] != expected.code || !words_ok {
                    problems.push(format!(
                        "{at}: the caption of the block showing {} is `{}`, expected {want}",
                        file.display(),
                        next.unwrap_or_default()
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

/// The caption a file of `listing` must carry; `None` for files whose
/// caption is free (a manifest).
fn expected(listing: &Listing, file: &Path) -> Option<Expected> {
    let number = listing_number(listing);
    let path = file.display().to_string();
    let package = &listing.package;
    let name = file.file_name()?.to_str()?;
    let beside = |ext: &str| file.with_extension(ext);
    Some(match file.extension()?.to_str()? {
        "rs" => Expected {
            class: "caption",
            id: Some(format!("listing-{number}")),
            words: format!("Listing {}:", regex::escape(&number)),
            code: path,
        },
        "py" => Expected {
            class: "caption",
            id: None,
            words: format!("Python counterpart of Listing {}:", regex::escape(&number)),
            code: path,
        },
        "txt" if name == STDOUT_FILE => Expected {
            class: "caption output",
            id: None,
            words: "Output of".into(),
            code: format!("cargo run -p {package}"),
        },
        "txt" if name == COMPILER_FILE => Expected {
            class: "caption compiler",
            id: None,
            words: "(Error|Errors|Warning|Warnings) from".into(),
            code: format!("cargo build -p {package}"),
        },
        "txt" if name == PANIC_FILE || name == STDERR_FILE => Expected {
            class: "caption panic",
            id: None,
            words: "(Panic from|Standard error of)".into(),
            code: format!("cargo run -p {package}"),
        },
        // A service's output after a signal path (signals.rs): the Rust program's, shared with its twin.
        "txt" if crate::signals::SCENARIOS.iter().any(|s| s.file == name) => Expected {
            class: "caption output",
            id: None,
            words: "Output of".into(),
            code: format!("cargo run -p {package}"),
        },
        "txt" => Expected {
            class: "caption output",
            id: None,
            words: "Output of".into(),
            code: format!("python3 {}", beside("py").display()),
        },
        _ => return None,
    })
}
