//! Each guard, on a small deliberately broken book under `tests/fixtures/`:
//! it fires, and its message names the chapter, the directive and the path.

use std::path::{Path, PathBuf};

use book_harness::book::{self, Chapter};
use book_harness::{guards, listings};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn load(name: &str) -> (PathBuf, Vec<Chapter>) {
    let root = fixture(name);
    let chapters = book::load(&root).unwrap_or_else(|e| panic!("fixture {name} should load: {e}"));
    (root, chapters)
}

#[test]
fn a_missing_file_is_named_with_its_chapter_and_directive() {
    let (root, chapters) = load("missing-file");
    assert_eq!(
        guards::missing_includes(&root, &chapters),
        ["src/chapter.md: `{{#include ../listings/chapter/listing-a/src/nope.rs}}` includes \
          listings/chapter/listing-a/src/nope.rs, which does not exist"]
    );
    // mdBook keeps the directive on the page (and only logs an error).
    assert_eq!(
        guards::leftover_directives(&chapters),
        ["src/chapter.md: line 4 of the rendered page still has an unexpanded directive: \
          `{{#include ../listings/chapter/listing-a/src/nope.rs}}`"]
    );
}

#[test]
fn a_missing_anchor_is_named_even_though_mdbook_renders_an_empty_block() {
    let (root, chapters) = load("missing-anchor");
    assert_eq!(
        guards::missing_includes(&root, &chapters),
        ["src/chapter.md: `{{#rustdoc_include ../listings/chapter/listing-a/src/main.rs:not-there}}` \
          names anchor `not-there`, which listings/chapter/listing-a/src/main.rs does not have \
          (mdBook would show an empty block)"]
    );
    // What makes this guard necessary: nothing is left over to notice.
    assert!(guards::leftover_directives(&chapters).is_empty());
}

#[test]
fn a_listing_no_chapter_includes_is_an_orphan_and_so_is_an_unshown_output() {
    let (root, chapters) = load("orphans");
    assert_eq!(
        guards::orphans(&root, &chapters),
        [
            "src/chapter.md: listings/chapter/listing-a/output.txt is an output or counterpart of \
             listings/chapter/listing-a that no chapter includes",
            "src/chapter.md: listing crate listings/chapter/listing-b is not included by any chapter",
        ]
    );
}

#[test]
fn a_rust_block_typed_into_the_page_is_refused() {
    let (root, chapters) = load("inline-rust");
    assert_eq!(
        guards::inline_rust_blocks(&root, &chapters),
        ["src/chapter.md:3: this ```rust block is not a single {{#include}} of a file under listings/ \
          (every Rust block must be a listing crate)"]
    );
}

#[test]
fn a_misspelled_directive_is_left_over_on_the_page() {
    let (root, chapters) = load("misspelled-directive");
    // mdBook does not know `inlcude`, so it neither expands nor logs it.
    assert!(guards::missing_includes(&root, &chapters).is_empty());
    assert!(guards::html_build_log(&root).is_empty());
    assert_eq!(
        guards::leftover_directives(&chapters),
        ["src/chapter.md: line 4 of the rendered page still has an unexpanded directive: \
          `{{#inlcude ../listings/chapter/listing-a/output.txt}}`"]
    );
}

#[test]
fn a_warning_from_the_html_build_fails_the_book() {
    let root = fixture("html-warning");
    let log = guards::html_build_log(&root);
    assert_eq!(log.len(), 1, "{log:#?}");
    assert!(log[0].starts_with(&format!("{}: mdBook logged: WARN", root.join("book.toml").display())), "{log:#?}");
    assert!(log[0].contains("unclosed HTML tag `<div>` found in `chapter.md`"), "{log:#?}");
}

#[test]
fn a_missing_chapter_file_is_an_error_not_an_empty_page() {
    let problems = guards::all(&fixture("missing-chapter"));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("gone.md"), "{problems:#?}");
}

/// What a (stub) build said about the drifted listing: it compiled with a
/// warning, and its program is `/bin/true`, which prints nothing and succeeds.
fn drifted() -> (PathBuf, listings::Listing, listings::Unit) {
    let root = fixture("drifted-listing");
    let listing = listings::discover(&root).remove(0);
    let unit = listings::Unit {
        executable: Some(PathBuf::from("/bin/true")),
        diagnostics: "warning: unused variable: `x`\n".into(),
    };
    (root, listing, unit)
}

#[test]
fn a_changed_output_a_new_warning_and_a_missing_panic_are_each_reported() {
    let (root, listing, unit) = drifted();
    let shown_in = |_: &Path| "src/chapter.md".to_string();
    let problems = listings::check(&root, &listing, Some(&unit), &shown_in, false);
    let starts: Vec<&str> = problems.iter().map(|p| p.lines().next().unwrap()).collect();
    assert_eq!(
        starts,
        [
            "src/chapter.md: listings/chapter/listing-a/compiler.txt differs from the compiler's messages for this crate:",
            "src/chapter.md: listing-a exited with Some(0), expected Some(101) (it has a panic.txt, so it must panic)",
            "src/chapter.md: listings/chapter/listing-a/output.txt differs from what the program prints on stdout:",
            "src/chapter.md: listings/chapter/listing-a/panic.txt differs from what the program prints on stderr:",
        ]
    );
    // The diff shows the expected text and what really happened.
    assert!(problems[2].contains("Hello from the book"), "{}", problems[2]);
    assert!(problems[0].contains("unused variable"), "{}", problems[0]);
}

#[test]
fn a_python_counterpart_that_prints_something_else_is_reported() {
    let (root, listing, _) = drifted();
    let shown_in = |_: &Path| "src/chapter.md".to_string();
    let problems = listings::check_python(&root, &listing, &shown_in, false);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].starts_with(
        "src/chapter.md: listings/chapter/listing-a/counterpart.txt differs from what \
         listings/chapter/listing-a/counterpart.py prints:"
    ));
    assert!(problems[0].contains("the program changed"), "{}", problems[0]);
}

#[test]
fn a_compile_fail_block_whose_crate_compiles_is_reported() {
    let (root, chapters) = load("compile-fail-compiles");
    let compiles = |_: &Path| true;
    assert_eq!(
        guards::block_kinds(&root, &chapters, &compiles),
        ["src/chapter.md: listings/chapter/listing-a/src/main.rs is shown as `compile_fail` but compiles"]
    );
    let fails = |_: &Path| false;
    assert!(guards::block_kinds(&root, &chapters, &fails).is_empty());
}

#[test]
fn a_crate_that_fails_must_be_shown_as_compile_fail() {
    let (root, chapters) = load("orphans");
    let compiles = |dir: &Path| dir.ends_with("listing-b"); // listing-a fails
    assert_eq!(
        guards::block_kinds(&root, &chapters, &compiles),
        ["src/chapter.md: listings/chapter/listing-a/src/main.rs does not compile, so its block must be \
          marked `rust,compile_fail,noplayground`"]
    );
}

#[test]
fn the_should_panic_tag_must_match_a_panic_file() {
    let compiles = |_: &Path| true;
    // Marked `should_panic`, with a panic.txt: consistent.
    let (root, chapters) = load("drifted-listing");
    assert!(guards::block_kinds(&root, &chapters, &compiles).is_empty());
    // A panic.txt, but the block does not say the program panics.
    let (root, chapters) = load("panic-unmarked");
    assert_eq!(
        guards::block_kinds(&root, &chapters, &compiles),
        ["src/chapter.md: listings/chapter/listing-a/src/main.rs is not shown as `should_panic` but has a panic.txt"]
    );
}

#[test]
fn machine_specific_parts_of_messages_are_redacted_and_nothing_else() {
    use book_harness::snapshot::{redact_cargo_home, redact_thread_ids};
    assert_eq!(
        redact_thread_ids("thread 'main' (4335) panicked at src/main.rs:1:12:\nboom (12)\n"),
        "thread 'main' ([TID]) panicked at src/main.rs:1:12:\nboom (12)\n"
    );
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(&std::env::var("HOME").unwrap()).join(".cargo"))
        .canonicalize()
        .unwrap();
    let note = format!("  --> {}/registry/src/x/tokio-1.54.1/src/task/spawn.rs:176:21", home.display());
    assert_eq!(
        redact_cargo_home(&note),
        "  --> $CARGO_HOME/registry/src/x/tokio-1.54.1/src/task/spawn.rs:176:21"
    );
    assert_eq!(redact_cargo_home("  --> listings/a/src/main.rs:1:1"), "  --> listings/a/src/main.rs:1:1");
}

#[test]
fn a_link_to_a_missing_page_or_heading_is_reported() {
    let (root, chapters) = load("broken-links");
    let html = guards::build_html(&root);
    assert!(html.log.is_empty(), "{:#?}", html.log);
    assert_eq!(
        guards::broken_links(&chapters, html.dir.path()),
        [
            "src/chapter.md: the link `gone.md` points to src/gone.md, which is not a page of the book",
            "src/chapter.md: the link `other.md#no-such-heading` points to #no-such-heading, which src/other.md does not have",
            "src/chapter.md: the link `#a-headin` points to #a-headin, which src/chapter.md does not have",
        ]
    );
}

#[test]
fn a_python_counterpart_claimed_to_print_the_same_must_match_the_rust_output() {
    let root = fixture("python-same-output");
    let listing = listings::discover(&root).remove(0);
    let shown_in = |_: &Path| "src/chapter.md".to_string();
    // Even when asked to refresh, the Rust output is never rewritten from Python's.
    for refresh in [false, true] {
        let problems = listings::check_python(&root, &listing, &shown_in, refresh);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(problems[0].starts_with(
            "src/chapter.md: listings/chapter/listing-a/output.txt differs from what \
             listings/chapter/listing-a/counterpart.py prints:"
        ));
    }
    assert_eq!(
        std::fs::read_to_string(root.join("listings/chapter/listing-a/output.txt")).unwrap(),
        "Hello from the book\n"
    );
}
