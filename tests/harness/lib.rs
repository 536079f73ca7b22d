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

// The README's Rust blocks are compiled and run as doctests.
#[cfg(doctest)]
doc_comment::doctest!("../../README.md", readme);
