//! What a reader sees: the built book, served on 127.0.0.1, read in headless
//! Chromium (Debian's `chromium` package, driven over the DevTools protocol by
//! the `headless_chrome` crate; nothing is downloaded).
//!
//! Behind the `browser` feature, because a machine with only Rust has no
//! Chromium; `.ci/run` installs it and runs:
//!
//! ```sh
//! apt-get install chromium
//! cargo test --features browser --test browser
//! ```
//!
//! The checks find what they check in the built book (every callout of each
//! kind, the chapter that mentions `yield_now` most, ...) rather than naming
//! lines of chapters; a thing that no page has yet is a failure, never a
//! vacuous pass. Screenshots, the contrast table and a PDF of `print.html`
//! go to `target/browser-screenshots/`.
//!
//! Layout: `site` builds and serves the book, `reader` drives Chromium (and
//! collects console errors and requests leaving localhost for every check),
//! one module per check, and the scripts they run in a page under `js/`.

/// Writes past libtest's capture, so reports show in a passing run too.
macro_rules! report {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, $($arg)*);
    }};
}

#[macro_use]
mod reader;
mod site;
mod visits;

mod accessibility;
mod callouts;
mod counterparts;
mod diagram;
mod listings;
mod narrow;
mod not_found;
mod pages;
mod print;
mod repository;
mod search;

use serde::Serialize;

/// mdBook's five built-in themes.
const THEMES: [&str; 5] = ["light", "rust", "coal", "navy", "ayu"];

/// A callout kind (CONTRIBUTING.md, "Callouts"). The one table of them: the
/// scripts get it as JSON.
#[derive(Debug, Serialize)]
struct Kind {
    /// e.g. `note`
    name: &'static str,
    /// Selector of the box.
    selector: &'static str,
    /// Selector of its title, a child of the box.
    title_selector: &'static str,
    /// The title a reader reads.
    title: &'static str,
    /// What the built HTML of a page with such a callout contains.
    marker: &'static str,
}

const KINDS: [Kind; 4] = [
    Kind {
        name: "note",
        selector: "blockquote.blockquote-tag-note",
        title_selector: ".blockquote-tag-title",
        title: "Note",
        marker: "blockquote-tag-note",
    },
    Kind {
        name: "important",
        selector: "blockquote.blockquote-tag-important",
        title_selector: ".blockquote-tag-title",
        title: "Important",
        marker: "blockquote-tag-important",
    },
    Kind {
        name: "terminology",
        selector: "div.callout.terminology",
        title_selector: ".callout-title",
        title: "Terminology",
        marker: "class=\"callout terminology\"",
    },
    Kind {
        name: "types",
        selector: "div.callout.types",
        title_selector: ".callout-title",
        title: "Rust types",
        marker: "class=\"callout types\"",
    },
];

/// WCAG 2 AA: text, and non-text such as icons.
const TEXT_CONTRAST: f64 = 4.5;
const ICON_CONTRAST: f64 = 3.0;
