//! The harness that keeps the book honest.
//!
//! - [`book`] loads the book through mdBook's own library (include expansion
//!   included), exactly as `mdbook serve` renders it.
//! - [`guards`] finds every way the pages and the listings can drift apart,
//!   each reported with the chapter, the directive and the path.
//! - [`listings`] builds every listing crate once, runs them, and compares
//!   what they print and what the compiler says with the files the book shows.

#[path = "book.rs"]
pub mod book;
pub mod guards;
pub mod listings;
pub mod snapshot;

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
