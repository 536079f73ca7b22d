//! The harness that keeps the book honest.
//!
//! - [`markdown`] loads the chapters through mdBook's own library (include
//!   expansion included), exactly as `mdbook serve` renders them; the build
//!   script that feeds skeptic shares this file.
//! - [`book`] is the book under test: chapters, listings, where each file is
//!   shown, and its HTML rendering.
//! - [`guards`] finds every way the pages and the listings can drift apart,
//!   each reported with the chapter, the directive and the path.
//! - [`listings`] finds the listing crates and the files beside them.
//! - [`rust_checks`] builds every listing crate once, runs each, and compares
//!   what it prints and what the compiler says with the files the book shows.
//! - [`python_checks`] runs the Python counterparts on each CPython that
//!   [`pythons`] finds, and compares what they print.
//! - [`run`] runs a program with empty stdin and a time limit.
//! - [`captions`] checks that each caption names what its block shows.
//! - [`manifests`] checks that a manifest a page shows asks for what the
//!   workspace builds and tests.
//! - [`citations`] checks every link to tokio's, futures' or CPython's
//!   source against the code of that release: cargo's copies, found by
//!   [`sources`], and CPython's cited files kept under `tests/cpython/`.
//! - [`skeptic_passes`] remembers skeptic's checks of the blocks that passed.
//! - [`signals`] drives the listings that run until Ctrl-C with real SIGINTs.
//! - [`api_links`] checks that the API names the prose links exist at the
//!   versions the tests use, and [`versions`] every version a page states.
//! - [`snapshot`] compares with (and refreshes) the expected-output files.

pub mod api_links;
pub mod book;
pub mod captions;
pub mod citations;
pub mod guards;
pub mod listings;
pub mod manifests;
pub mod markdown;
pub mod python_checks;
pub mod pythons;
pub mod run;
pub mod rust_checks;
pub mod signals;
pub mod skeptic_passes;
pub mod snapshot;
pub mod sources;
pub mod versions;

pub use book::{Book, Html};
pub use markdown::Chapter;

/// Fails with every problem found, one paragraph each, under a heading that
/// says what was checked.
#[track_caller]
pub fn assert_none(what: &str, problems: &[String]) {
    if !problems.is_empty() {
        panic!("{what}: {} problem(s):\n\n{}\n", problems.len(), problems.join("\n\n"));
    }
}

// The README's Rust blocks are compiled and run as doctests.
#[cfg(doctest)]
doc_comment::doctest!("../../README.md", readme);
