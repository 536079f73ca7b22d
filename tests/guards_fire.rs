//! Each guard, on a small deliberately broken book under `tests/fixtures/`:
//! it fires, and its message names the chapter, the directive and the path.

//!
//! The expected messages are snapbox snapshots: a reworded message is
//! refreshed with `SNAPSHOTS=overwrite cargo test` (then read the diff).

use std::path::{Path, PathBuf};

use book_harness::pythons::{self, Python};
use book_harness::rust_checks::Unit;
use book_harness::{citations, run, Book};
use snapbox::{assert_data_eq, str};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn load(name: &str) -> Book {
    Book::load(&fixture(name)).unwrap_or_else(|e| panic!("fixture {name} should load: {e}"))
}

/// A claimed CPython, whichever this machine has first. With none, the
/// tests that need one pass without checking anything: the real book's
/// counterpart test already fails, once, saying what to install.
fn any_python() -> Option<Python> {
    let found = pythons::first_claimed();
    if found.is_none() {
        eprintln!("no claimed CPython is installed: this guard is not proven here");
    }
    found
}

/// A message about a counterpart run, with the machine's CPython as `[CPYTHON]`.
fn under_any(message: &str, python: &Python) -> String {
    message.replace(&format!("CPython {}", python.minor()), "CPython [CPYTHON]")
}

/// The messages, one a line, for a snapshot.
fn lines(problems: Vec<String>) -> String {
    problems.join("\n")
}

#[test]
fn a_missing_file_is_named_with_its_chapter_and_directive() {
    let book = load("missing-file");
    assert_data_eq!(lines(book.missing_includes()), str!["src/chapter.md: `{{#include ../listings/chapter/listing-a/src/nope.rs}}` includes listings/chapter/listing-a/src/nope.rs, which does not exist"]);
    // mdBook keeps the directive on the page (and only logs an error).
    assert_data_eq!(lines(book.leftover_directives()), str!["src/chapter.md: line 4 of the rendered page still has an unexpanded directive: `{{#include ../listings/chapter/listing-a/src/nope.rs}}`"]);
}

#[test]
fn a_missing_anchor_is_named_even_though_mdbook_renders_an_empty_block() {
    let book = load("missing-anchor");
    assert_data_eq!(lines(book.missing_includes()), str!["src/chapter.md: `{{#rustdoc_include ../listings/chapter/listing-a/src/main.rs:not-there}}` names anchor `not-there`, which listings/chapter/listing-a/src/main.rs does not have (mdBook would show an empty block)"]);
    // What makes this guard necessary: nothing is left over to notice.
    assert!(book.leftover_directives().is_empty());
}

#[test]
fn a_listing_no_chapter_includes_is_an_orphan_and_so_is_an_unshown_output() {
    assert_data_eq!(
        lines(load("orphans").orphans()),
        str![[r#"
src/chapter.md: listings/chapter/listing-a/output.txt is an output or counterpart of listings/chapter/listing-a that no chapter includes
src/chapter.md: listing crate listings/chapter/listing-b is not included by any chapter
"#]]
    );
}

#[test]
fn a_rust_block_typed_into_the_page_is_refused() {
    assert_data_eq!(lines(load("inline-rust").blocks_that_are_not_files()), str!["src/chapter.md:3: this ```rust block is not a single {{#include}} of a listing's file (every code block shows a file that cargo test builds or runs; a command for the reader is fenced ```console,verbatim)"]);
}

#[test]
fn code_typed_under_any_fence_or_a_file_under_the_wrong_fence_is_refused() {
    assert_data_eq!(
        lines(load("code-blocks").blocks_that_are_not_files()),
        str![[r#"
src/chapter.md:11: this ```python block is not a single {{#include}} of a listing's file (every code block shows a file that cargo test builds or runs; a command for the reader is fenced ```console,verbatim)
src/chapter.md:15: this ```rs block is not a single {{#include}} of a listing's file (every code block shows a file that cargo test builds or runs; a command for the reader is fenced ```console,verbatim)
src/chapter.md:19: this ``` block is not a single {{#include}} of a listing's file (every code block shows a file that cargo test builds or runs; a command for the reader is fenced ```console,verbatim)
src/chapter.md:23: an indented code block is not a single {{#include}} of a listing's file (every code block shows a file that cargo test builds or runs; a command for the reader is fenced ```console,verbatim)
src/chapter.md:25: this ```text block shows listings/chapter/listing-a/src/main.rs, Rust that a listing builds: fence it ```rust
src/chapter.md:29: this ```rust block shows listings/chapter/listing-a/output.txt, an output file: fence it ```text
src/chapter.md:37: this ```console block is not a single {{#include}} of a listing's file (every code block shows a file that cargo test builds or runs; a command for the reader is fenced ```console,verbatim)
src/chapter.md:41: this ```text block shows notes.txt, which no test builds, runs or compares (show a listing's source, manifest, counterpart or output)
src/chapter.md:45: this ```rust block shows only part of listings/chapter/listing-a/src/main.rs: skeptic would compile a fragment that no listing runs (show the whole file: {{#rustdoc_include FILE:ANCHOR}} hides the rest without cutting it)
"#]]
    );
}

#[test]
fn a_file_included_from_outside_what_the_build_script_watches_is_reported() {
    assert_data_eq!(lines(load("code-blocks").unwatched_includes()), str!["src/chapter.md: `{{#include ../notes.txt}}` includes notes.txt, which the build script does not watch (it watches book.toml, Cargo.toml, src, listings), so skeptic's copy of the page would not follow its changes: keep it under one of those"]);
}

#[test]
fn a_misspelled_directive_is_left_over_on_the_page() {
    let book = load("misspelled-directive");
    // mdBook does not know `inlcude`, so it neither expands nor logs it.
    assert!(book.missing_includes().is_empty());
    assert!(book.html().log.is_empty());
    assert_data_eq!(lines(book.leftover_directives()), str!["src/chapter.md: line 4 of the rendered page still has an unexpanded directive: `{{#inlcude ../listings/chapter/listing-a/output.txt}}`"]);
}

#[test]
fn a_warning_from_the_html_build_fails_the_book() {
    let book = load("html-warning");
    let log = &book.html().log;
    assert_eq!(log.len(), 1, "{log:#?}");
    assert!(log[0].starts_with(&format!("{}: mdBook logged: WARN", book.root.join("book.toml").display())), "{log:#?}");
    assert!(log[0].contains("unclosed HTML tag `<div>` found in `chapter.md`"), "{log:#?}");
}

#[test]
fn a_missing_chapter_file_is_an_error_not_an_empty_page() {
    let error = Book::load(&fixture("missing-chapter")).err().expect("a book with a missing chapter must not load");
    assert!(error.contains("gone.md"), "{error}");
}

/// The drifted listing, and a stub of what building and running it did: it
/// compiled with a warning, and printed nothing and succeeded.
fn drifted() -> (Book, book_harness::listings::Listing, Unit, run::Ran) {
    let book = load("drifted-listing");
    let listing = book.listings[0].clone();
    let unit = Unit { executable: None, diagnostics: "warning: unused variable: `x`\n".into() };
    let ran = run::Ran { status: Default::default(), stdout: String::new(), stderr: String::new() };
    (book, listing, unit, ran)
}

#[test]
fn a_changed_output_a_new_warning_and_a_missing_panic_are_each_reported() {
    let (book, listing, unit, ran) = drifted();
    let mut problems = book.check_diagnostics(&listing, &unit.diagnostics, false);
    problems.extend(book.check_run(&listing, &ran, false));
    let starts: Vec<String> = problems.iter().map(|p| p.lines().next().unwrap().to_owned()).collect();
    assert_data_eq!(
        lines(starts),
        str![[r#"
src/chapter.md: listings/chapter/listing-a/compiler.txt differs from the compiler's messages for this crate:
src/chapter.md: listing-a ended with exit status: 0, expected exit code 101 (it has a panic.txt, so it must panic)
src/chapter.md: listings/chapter/listing-a/output.txt differs from what the program prints on stdout:
src/chapter.md: listings/chapter/listing-a/panic.txt differs from what the program prints on stderr:
"#]]
    );
    // The diff shows the expected text and what really happened.
    assert!(problems[2].contains("Hello from the book"), "{}", problems[2]);
    assert!(problems[0].contains("unused variable"), "{}", problems[0]);
}

#[test]
fn a_listing_the_workspace_build_did_not_see_gets_its_likely_cause() {
    let (book, listing, ..) = drifted();
    assert_data_eq!(lines(book.check_listing(&listing, None, false)), str!["src/chapter.md: the workspace build produced nothing for listings/chapter/listing-a (package listing-a): it is probably not a workspace member (members are `listings/*/*`), or its Cargo.toml names another package"]);
}

/// Set for the one run of this test binary that must outlive its limit.
const WAIT: &str = "BOOK_TEST_WAIT_FOR_THE_TIME_LIMIT";

/// Waits ten minutes when run with [`WAIT`] set (by the next test); passes at
/// once otherwise. The test binary itself is the one long-running program
/// every machine has.
#[test]
fn waits_when_asked() {
    if std::env::var_os(WAIT).is_some() {
        std::thread::sleep(std::time::Duration::from_secs(600));
    }
}

#[test]
fn a_listing_that_outlives_its_time_limit_is_killed_and_reported() {
    let mut waits = std::process::Command::new(std::env::current_exe().unwrap());
    waits.args(["--exact", "guards_fire::waits_when_asked"]).env(WAIT, "1");
    let started = std::time::Instant::now();
    let error = run::run_with_limit(waits, std::time::Duration::from_millis(300))
        .err()
        .expect("the waiting test binary must be stopped");
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "the limit did not stop it");
    let exe = std::env::current_exe().unwrap().display().to_string();
    assert_data_eq!(
        error.replace(&exe, "[EXE]"),
        str!["`[EXE] --exact guards_fire::waits_when_asked` did not finish within 300ms and was killed"]
    );
}

#[test]
fn a_python_counterpart_that_prints_something_else_is_reported() {
    let Some(python) = any_python() else { return };
    let (book, listing, ..) = drifted();
    let problems = book.check_python(&listing, &python, false);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_data_eq!(
        under_any(problems[0].lines().next().unwrap(), &python),
        str!["src/chapter.md: listings/chapter/listing-a/counterpart.txt differs from what listings/chapter/listing-a/counterpart.py prints under CPython [CPYTHON]:"]
    );
    assert!(problems[0].contains("the program changed"), "{}", problems[0]);
}

#[test]
fn a_compile_fail_block_whose_crate_compiles_is_reported() {
    let book = load("compile-fail-compiles");
    assert_data_eq!(
        lines(book.block_kinds(&|_: &Path| true)),
        str!["src/chapter.md: listings/chapter/listing-a/src/main.rs is shown as `compile_fail` but compiles"]
    );
    assert!(book.block_kinds(&|_: &Path| false).is_empty());
}

#[test]
fn a_crate_that_fails_must_be_shown_as_compile_fail() {
    let book = load("orphans");
    let compiles = |dir: &Path| dir.ends_with("listing-b"); // listing-a fails
    assert_data_eq!(lines(book.block_kinds(&compiles)), str!["src/chapter.md: listings/chapter/listing-a/src/main.rs does not compile, so its block must be marked `rust,compile_fail,noplayground`"]);
}

#[test]
fn the_should_panic_tag_must_match_a_panic_file() {
    let compiles = |_: &Path| true;
    // Marked `should_panic`, with a panic.txt: consistent.
    assert!(load("drifted-listing").block_kinds(&compiles).is_empty());
    // A panic.txt, but the block does not say the program panics.
    assert_data_eq!(
        lines(load("panic-unmarked").block_kinds(&compiles)),
        str![
            "src/chapter.md: listings/chapter/listing-a/src/main.rs is not shown as `should_panic` but has a panic.txt"
        ]
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
        .unwrap_or_else(|_| std::env::home_dir().unwrap().join(".cargo"))
        .canonicalize()
        .unwrap();
    let note = format!("  --> {}/registry/src/x/tokio-1.54.1/src/task/spawn.rs:176:21", home.display());
    assert_eq!(redact_cargo_home(&note), "  --> $CARGO_HOME/registry/src/x/tokio-1.54.1/src/task/spawn.rs:176:21");
    assert_eq!(redact_cargo_home("  --> listings/a/src/main.rs:1:1"), "  --> listings/a/src/main.rs:1:1");
}

#[test]
fn a_link_to_a_missing_page_or_heading_is_reported() {
    let book = load("broken-links");
    assert!(book.html().log.is_empty(), "{:#?}", book.html().log);
    assert_data_eq!(
        lines(book.broken_links()),
        str![[r#"
src/chapter.md: the link `gone.md` points to src/gone.md, which is not a page of the book
src/chapter.md: the link `other.md#no-such-heading` points to #no-such-heading, which src/other.md does not have
src/chapter.md: the link `#a-headin` points to #a-headin, which src/chapter.md does not have
"#]]
    );
}

#[test]
fn a_python_counterpart_claimed_to_print_the_same_must_match_the_rust_output() {
    let Some(python) = any_python() else { return };
    let book = load("python-same-output");
    let listing = &book.listings[0];
    // Even when asked to refresh, the Rust output is never rewritten from Python's.
    for refresh in [false, true] {
        let problems = book.check_python(listing, &python, refresh);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_data_eq!(
            under_any(problems[0].lines().next().unwrap(), &python),
            str!["src/chapter.md: listings/chapter/listing-a/output.txt differs from what listings/chapter/listing-a/counterpart.py prints under CPython [CPYTHON]:"]
        );
    }
    assert_eq!(
        std::fs::read_to_string(book.root.join("listings/chapter/listing-a/output.txt")).unwrap(),
        "Hello from the book\n"
    );
}

#[test]
fn compiler_messages_into_std_read_the_same_with_or_without_rust_src() {
    use book_harness::snapshot::normalize_rust_src;
    let dir = fixture("rust-src");
    for listing in ["listing-02-02", "listing-03-05"] {
        let read = |kind: &str| std::fs::read_to_string(dir.join(format!("{listing}.{kind}.txt"))).unwrap();
        let (with, without) = (read("with-rust-src"), read("without-rust-src"));
        assert_ne!(with, without, "the fixture must show the difference");
        assert_eq!(normalize_rust_src(&with), normalize_rust_src(&without), "{listing}");
        assert!(normalize_rust_src(&with).contains("$RUST_SRC/library/"), "{listing}");
    }
    // Messages that point only into the listing are left alone.
    let own = " --> listings/a/src/main.rs:9:18\n  |\n9 |     let x = 1;\n  |         ^\n";
    assert_eq!(normalize_rust_src(own), own);
}

#[test]
fn a_citation_that_drifted_from_the_cited_source_is_reported_once_per_cause() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"));
    let crates = &crate::pins().crates;
    let kept = workspace.join(citations::KEPT_CPYTHON);
    let book = load("citations");
    assert_eq!(book.citations(crates).len(), 13, "every link into a cited repository is a citation");
    assert_data_eq!(
        lines(book.citation_problems(crates, &kept)),
        str![[r#"
src/chapter.md:6: the citation https://github.com/tokio-rs/tokio/blob/master/tokio/src/task/yield_now.rs is not pinned to a release with lines: write https://github.com/OWNER/REPO/blob/TAG/PATH#Lx-Ly "quote"
src/chapter.md:8, src/chapter.md:21: tokio is cited at tokio-1.50.0, but Cargo.lock has tokio 1.54.1: re-read each claim against tokio 1.54.1 and update its link
src/chapter.md:10: the citation https://github.com/tokio-rs/tokio/blob/tokio-1.54.1/tokio/src/task/gone.rs#L1 names tokio/src/task/gone.rs, which tokio 1.54.1 does not have (looked for $CARGO_HOME/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/task/gone.rs)
src/chapter.md:12: the citation https://github.com/tokio-rs/tokio/blob/tokio-1.54.1/tokio/src/task/yield_now.rs#L100-L120 names lines 100-120 of tokio/src/task/yield_now.rs, which has 60 lines in tokio 1.54.1
src/chapter.md:14: the citation https://github.com/tokio-rs/tokio/blob/tokio-1.54.1/tokio/src/task/yield_now.rs#L55 gives no quote: add, as the link's title, a few words that lines 55-55 contain
src/chapter.md:16: the citation https://github.com/rust-lang/futures-rs/blob/0.3.34/futures-util/src/future/join_all.rs#L1-L3: "fn poll_everything" is not in lines 1-3 of futures-util/src/future/join_all.rs in futures-util 0.3.34: the code moved or changed; find it, update the lines, and re-read the claim
src/chapter.md:18, src/chapter.md:20: CPython v3.9.99 is cited, but tests/cpython/ keeps no file of that release (it keeps v3.11.7): copy the cited files of v3.9.99 to tests/cpython/v3.9.99/ (tests/cpython/README.md says how), or re-check each claim at a kept release
src/chapter.md:23: CPython v3.11.7's Lib/asyncio/queues.py is cited, but tests/cpython/v3.11.7/ does not keep it: copy it from an installed CPython 3.11.7 (tests/cpython/README.md says how)
src/chapter.md:25: CPython's Python/ceval.c is cited: only its standard library (Lib/...) is kept and checked
"#]]
    );
}

#[test]
fn a_kept_cpython_file_that_is_not_the_release_s_own_is_reported() {
    let dir = fixture("kept-cpython");
    let installed = |version: &str| Python {
        program: PathBuf::from("python3"),
        version: version.into(),
        stdlib: dir.join("installed"),
    };
    // Only a kept release an interpreter is of is compared: 3.11.7 here.
    let problems = citations::kept_cpython_differences(&dir.join("kept"), &[installed("3.11.7"), installed("3.12.1")]);
    assert_data_eq!(lines(problems).replace(&dir.display().to_string(), "[FIXTURE]"), str!["[FIXTURE]/kept/v3.11.7/Lib/asyncio/futures.py is not CPython 3.11.7's own [FIXTURE]/installed/asyncio/futures.py: copy it again (tests/cpython/README.md says how)"]);
}

#[test]
fn one_claimed_cpython_is_enough_and_ci_demands_them_all() {
    let python = |version: &str| Python {
        program: PathBuf::from(format!("/opt/python-{version}/bin/python3")),
        version: version.into(),
        stdlib: PathBuf::from(format!("/opt/python-{version}/lib")),
    };
    let versions = |chosen: Vec<Python>| chosen.iter().map(|p| p.version.clone()).collect::<Vec<_>>().join(" ");
    // One per claimed minor version, the first found; 3.10 is not claimed.
    let found = [python("3.10.4"), python("3.12.3"), python("3.12.1"), python("3.13.0")];
    assert_eq!(versions(pythons::choose(&found, false).unwrap()), "3.12.3 3.13.0");
    assert_eq!(versions(pythons::choose(&found[1..2], false).unwrap()), "3.12.3");
    assert_data_eq!(pythons::choose(&found[..1], false).unwrap_err(), str!["no CPython 3.11, 3.12 or 3.13 is installed (looked for $BOOK_PYTHON, python3, python3.11, python3.12, python3.13 and python on PATH, and in pyenv's versions): install one (python.org, your system's package manager, or `pyenv install 3.12`), or point BOOK_PYTHON at one"]);
    assert_data_eq!(pythons::choose(&found, true).unwrap_err(), str!["BOOK_REQUIRE_ALL_PYTHONS is set, and CPython 3.11 is missing (looked for $BOOK_PYTHON, python3, python3.11, python3.12, python3.13 and python on PATH, and in pyenv's versions); found 3.12.3 (/opt/python-3.12.3/bin/python3), 3.13.0 (/opt/python-3.13.0/bin/python3)"]);
}

#[test]
fn a_caption_that_names_another_file_or_listing_or_kind_of_block_is_reported() {
    assert_data_eq!(
        lines(load("captions").caption_problems()),
        str![[r#"
src/chapter.md:3: the caption of the block showing listings/chapter/listing-01-02/src/main.rs is `<p class="caption" id="listing-1-2">Listing 1-2: a greeting, printed once <small><code>listings/chapter/listing-01-03/src/main.rs</code></small></p>`: it names listings/chapter/listing-01-03/src/main.rs; expected <p class="caption" id="listing-1-2">Listing 1-2: (what it shows) <small><code>listings/chapter/listing-01-02/src/main.rs</code></small></p>
src/chapter.md:8: the caption of the block showing listings/chapter/listing-01-02/output.txt is `<p class="caption output">Output of Listing 1-3</p>`: it says `Output of Listing 1-3`, but the block is what Listing 1-2 prints; expected <p class="caption output">Output of Listing 1-2</p>
src/chapter.md:18: the caption of the block showing listings/chapter/listing-01-02/counterpart.txt is `<p class="caption output">Output of Listing 1-2</p>`: it says `Output of Listing 1-2`, but listings/chapter/listing-01-02/counterpart.txt is the output of listings/chapter/listing-01-02/counterpart.py; expected <p class="caption output">Output of the Python counterpart of Listing 1-2</p>
src/chapter.md:23: the caption of the block showing listings/chapter/listing-01-03/src/main.rs is `<p class="caption" id="listing-1-2">Listing 1-3: <small><code>listings/chapter/listing-01-03/src/main.rs</code></small></p>`: its id is `listing-1-2`, not `listing-1-3`; it does not say what the listing shows after `Listing 1-3:`; expected <p class="caption" id="listing-1-3">Listing 1-3: (what it shows) <small><code>listings/chapter/listing-01-03/src/main.rs</code></small></p>
src/chapter.md:23: the caption id `listing-1-2` is used already, at src/chapter.md:3
src/chapter.md:28: the block showing listings/chapter/listing-01-03/output.txt has no caption under it (expected <p class="caption output">Output of Listing 1-3</p>)
src/chapter.md:32: the caption of the block showing listings/chapter/listing-01-04/src/main.rs is `<p class="caption" id="listing-1-4">Listing 1-4: a string where a number is wanted</p>`: it does not end with the file in <small><code>; expected <p class="caption" id="listing-1-4">Listing 1-4: (what it shows) <small><code>listings/chapter/listing-01-04/src/main.rs</code></small></p>
src/chapter.md:37: the caption of the block showing listings/chapter/listing-01-04/compiler.txt is `<p class="caption compiler">Warning from Listing 1-4</p>`: it says `Warning from Listing 1-4`, but listings/chapter/listing-01-04/src/main.rs is shown `compile_fail`: these are its errors; expected <p class="caption compiler">Errors from Listing 1-4</p>
src/chapter.md:47: the caption of the block showing listings/chapter/listing-01-05/panic.txt is `<p class="caption output">Standard error of Listing 1-5</p>`: its class is `caption output`, not `caption panic`; it says `Standard error of Listing 1-5`, but a panic.txt is what the listing prints as it panics; expected <p class="caption panic">Panic from Listing 1-5</p>
"#]]
    );
}

#[test]
fn a_shown_manifest_that_asks_for_other_releases_than_the_workspace_tests_is_reported() {
    assert_data_eq!(
        lines(load("reader-manifest").manifest_problems()),
        str![[r#"
src/chapter.md: listings/chapter/listing-01-01/Cargo.toml says edition = "2024", but the workspace builds its listings with edition "2021"
src/chapter.md: listings/chapter/listing-01-01/Cargo.toml asks for rand, which is not in [workspace.dependencies]: no listing is tested with it
src/chapter.md: listings/chapter/listing-01-01/Cargo.toml asks for tokio "1.54.0" with features {"rt"}, but the workspace builds and tests tokio "1.54.1" with features {"full"}: a reader copying this manifest would compile something else
"#]]
    );
}

#[test]
fn a_runnable_listing_with_a_crate_the_playground_lacks_is_reported() {
    assert_data_eq!(
        lines(load("playground-crates").playground_crates()),
        str![[r#"
theme/head.hbs: answers `rand` as a playground crate, but PLAYGROUND_CRATES (tests/harness/guards.rs) does not say play.rust-lang.org offers it
src/chapter.md: listings/chapter/listing-01-02/src/main.rs is runnable on the playground but uses the crate `futures`, which theme/head.hbs does not answer (add it there if the playground offers it, or mark the block noplayground)
"#]]
    );
}

#[test]
fn a_skeptic_check_that_passed_is_skipped_only_while_nothing_it_depends_on_changes() {
    use book_harness::skeptic_passes::{skeptic_inputs, Passes};
    // A copy of a fixture book, whose manifests can be edited.
    let copy = tempfile::tempdir().unwrap();
    copy_dir(&fixture("drifted-listing"), copy.path());
    std::fs::write(copy.path().join("Cargo.toml"), "[workspace]\nmembers = [\"listings/*/*\"]\n").unwrap();
    std::fs::write(copy.path().join("Cargo.lock"), "version = 4\n").unwrap();
    let records = tempfile::tempdir().unwrap();
    let passes = Passes::at(records.path());
    let block = "fn main() {}";
    let ran = std::cell::Cell::new(0);
    let check = |binary: &str| {
        let before = ran.get();
        let key = Passes::key(block, &skeptic_inputs(copy.path(), binary));
        passes.unless_passed(&key, || ran.set(ran.get() + 1));
        ran.get() > before
    };
    assert!(check("binary 1"), "the first check runs");
    assert!(!check("binary 1"), "an unchanged check that passed is skipped");
    assert!(check("binary 2"), "a relinked test binary (the harness, skeptic or a dependency changed) runs it again");
    let manifest = copy.path().join("listings/chapter/listing-a/Cargo.toml");
    let edited = std::fs::read_to_string(&manifest).unwrap().replace("edition", "# edition");
    std::fs::write(&manifest, edited).unwrap();
    assert!(check("binary 2"), "a listing's manifest (skeptic's edition) runs it again");
    std::fs::write(copy.path().join("Cargo.lock"), "version = 4\n# moved\n").unwrap();
    assert!(check("binary 2"), "a changed Cargo.lock runs it again");
    let failed = Passes::key("fn main() { nope }", &skeptic_inputs(copy.path(), "binary 2"));
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| passes.unless_passed(&failed, || panic!())));
    let mut reran = false;
    passes.unless_passed(&failed, || reran = true);
    assert!(reran, "a failure is never remembered");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_placeholder_on_a_rendered_page_is_reported_with_the_file_it_comes_from() {
    assert_data_eq!(
        lines(load("placeholders").placeholders_on_pages()),
        str![[r#"
src/chapter.md: line 14 of the rendered page shows `$CARGO_HOME` (from listings/chapter/listing-01-01/compiler.txt), where a reader expects what a run prints (a refresh, `SNAPSHOTS=overwrite cargo test`, writes the run): `--> $CARGO_HOME/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/task/spawn.rs:176:21`
src/chapter.md: line 20 of the rendered page shows `[TID]` (from listings/chapter/listing-01-01/panic.txt), where a reader expects what a run prints (a refresh, `SNAPSHOTS=overwrite cargo test`, writes the run): `thread 'main' ([TID]) panicked at listings/chapter/listing-01-01/src/main.rs:3:5:`
src/chapter.md: line 25 of the rendered page shows `$RUST_SRC` (in the chapter's own text), where a reader expects what a run prints (a refresh, `SNAPSHOTS=overwrite cargo test`, writes the run): `Its note points into `$RUST_SRC/library/core/src/panic.rs`, which no reader's compiler prints.`
"#]]
    );
}

/// The files keep a real run; what differs between machines and runs is
/// normalised on both sides, and a refresh rewrites only a real change (or a
/// file that still holds a placeholder).
#[test]
fn a_stored_run_matches_another_thread_id_home_or_std_source_and_a_refresh_keeps_it() {
    use book_harness::snapshot::{as_a_reader_sees, compare, READERS_CARGO_HOME};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("panic.txt");
    let stored = "\nthread 'main' (4242) panicked at src/main.rs:3:5:\nboom\n";
    std::fs::write(&file, stored).unwrap();
    let other_run = "\nthread 'main' (31337) panicked at src/main.rs:3:5:\nboom\n";
    assert_eq!(compare(&file, other_run, false), Ok(()));
    assert_eq!(compare(&file, other_run, true), Ok(()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stored, "a new thread id alone is no change");
    assert!(compare(&file, "\nthread 'main' (31337) panicked at src/main.rs:3:5:\nbang\n", false).is_err());

    // A dependency's source under this machine's cargo home reads as under a reader's.
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(&std::env::var("HOME").unwrap()).join(".cargo"))
        .canonicalize()
        .unwrap();
    let here = format!("   --> {}/registry/src/x/tokio-1.54.1/src/task/spawn.rs:176:21\n", home.display());
    let shown = as_a_reader_sees(&here);
    assert_eq!(shown, format!("   --> {READERS_CARGO_HOME}/registry/src/x/tokio-1.54.1/src/task/spawn.rs:176:21\n"));
    std::fs::write(&file, &shown).unwrap();
    assert_eq!(compare(&file, &here, false), Ok(()));

    // std's sources: the stored run without rust-src matches a run with it.
    let rust_src = fixture("rust-src");
    let without = std::fs::read_to_string(rust_src.join("listing-02-02.without-rust-src.txt")).unwrap();
    let with = std::fs::read_to_string(rust_src.join("listing-02-02.with-rust-src.txt")).unwrap();
    std::fs::write(&file, &without).unwrap();
    assert_eq!(compare(&file, &with, false), Ok(()));

    // A file written from normalised text matches, but a refresh replaces it with the run.
    std::fs::write(&file, "\nthread 'main' ([TID]) panicked at src/main.rs:3:5:\nboom\n").unwrap();
    assert_eq!(compare(&file, other_run, false), Ok(()));
    assert_eq!(compare(&file, other_run, true), Ok(()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), other_run);
}

/// A service's outputs are named after the signal path that produces them
/// (`after-ctrl-c.txt`): each must be shown, captioned as the Rust program's
/// output (its Python twin prints the same), not as a counterpart's.
#[test]
fn a_signal_path_output_must_be_shown_and_captioned_as_the_programs() {
    let book = load("signal-outputs");
    assert!(book_harness::signals::driven_by_signals(&book.root.join("listings/chapter/listing-01-01")));
    assert_data_eq!(
        lines(book.caption_problems()),
        str![[
            r#"src/chapter.md:8: the caption of the block showing listings/chapter/listing-01-01/after-ctrl-c.txt is `<p class="caption output">Output of the Python counterpart of Listing 1-1</p>`: it says `Output of the Python counterpart of Listing 1-1`, but after-ctrl-c.txt is what both programs print after one Ctrl-C; expected <p class="caption output">Output of Listing 1-1 and of its Python counterpart after one Ctrl-C</p>"#
        ]]
    );
    assert_data_eq!(lines(book.orphans()), str!["src/chapter.md: listings/chapter/listing-01-01/after-two-ctrl-cs.txt is an output or counterpart of listings/chapter/listing-01-01 that no chapter includes"]);
}

// What the tests use, for the fixtures: this workspace's Cargo.lock,
// toolchain and CPythons (found once, for the real book too).
use crate::pins;

#[test]
fn an_api_name_misspelt_at_another_version_or_unlinked_is_reported_with_its_line() {
    let book = load("api-links");
    assert_data_eq!(
        lines(book.unlinked_api_names()),
        str![[r#"
src/chapter.md:16: `tokio::time::sleep` is this chapter's first mention of an API name: link it to its documentation ([`tokio::time::sleep`], with the definition at the chapter's foot; CONTRIBUTING: Name an API)
src/chapter.md:16: `asyncio.gather` is this chapter's first mention of an API name: link it to its documentation ([`asyncio.gather`], with the definition at the chapter's foot; CONTRIBUTING: Name an API)
src/chapter.md:17: [`JoinSet`] is no link: the chapter's foot has no definition `[`JoinSet`]: URL` for it
src/chapter.md:36: `[`#[tokio::main]`]:…` is not a link definition (a label holds no brackets, and a definition follows a blank line or another definition): the page shows it as text
"#]]
    );
    let pins = pins();
    // The CPythons found differ between machines.
    let found: Vec<&str> = pins.pythons.iter().map(|p| p.version.as_str()).collect();
    let problems = lines(book.api_link_problems(pins)).replace(&found.join(", "), "[CPYTHONS FOUND]");
    assert_data_eq!(
        problems,
        str![[r#"
src/chapter.md:7: `tokio::spwan` (https://docs.rs/tokio/1.54.1/tokio/fn.spwan.html): rustdoc finds no `tokio::spwan` in the crates the tests use: unresolved link to `tokio::spwan`
src/chapter.md:7: `asyncio.craete_task` (https://docs.python.org/3/library/asyncio-task.html#asyncio.craete_task): CPython [CPYTHONS FOUND] has no `asyncio.craete_task`: AttributeError: module 'asyncio' has no attribute 'craete_task' (if it is newer, say so: title "new in Python 3.X")
src/chapter.md:9: `tokio::task::yield_now` (https://docs.rs/tokio/1.50.0/tokio/task/fn.yield_now.html): links to tokio 1.50.0, but Cargo.lock has tokio 1.54.1: link https://docs.rs/tokio/1.54.1/…
src/chapter.md:9: `Waker` (https://doc.rust-lang.org/1.80.0/std/task/struct.Waker.html): links to the standard library of Rust 1.80.0, but rust-toolchain.toml pins 1.95.0: link https://doc.rust-lang.org/1.95.0/…
src/chapter.md:11: `JoinHandle::is_finished` (https://docs.rs/tokio/1.54.1/tokio/task/struct.JoinHandle.html#method.abort): names `JoinHandle::is_finished`, but the link goes to the documentation of `tokio::task::JoinHandle::abort`
src/chapter.md:13: `futures::FutureExt` (https://docs.rs/futures/0.3.34/futures/trait.FutureExt.html): docs.rs has no page for `FutureExt` there: futures re-exports it with #[doc(no_inline)]; link the module that documents it
src/chapter.md:14: `tokio::task::unconstrained` (https://docs.rs/tokio/1.54.1/tokio/task/fn.unconstrained.html): docs.rs has no page for `unconstrained` there: tokio re-exports it with #[doc(hidden)]; link the module that documents it
src/chapter.md:14: `Poll` (https://doc.rust-lang.org/1.95.0/std/task/struct.Poll.html): rustdoc finds no `std::task::Poll` in the crates the tests use: incompatible link kind for `std::task::Poll`
src/chapter.md:14: `asyncio.sleep` (https://docs.python.org/3/library/asyncio-future.html#asyncio.sleep): `asyncio.sleep` is documented on asyncio-task.html (asyncio's page for the module defining it), not asyncio-future.html
"#]]
    );
}

#[test]
fn a_stated_version_the_tests_do_not_use_is_reported_with_its_line() {
    assert_data_eq!(
        lines(load("stale-versions").stated_version_problems(pins())),
        str![[r#"
src/chapter.md:7: "tokio 1.53.0" is not the tokio the tests use: Cargo.lock has 1.54.1
src/chapter.md:8: "rustc 1.90.0" is not the Rust the tests use: rust-toolchain.toml has 1.95.0
src/chapter.md:8: "tokio 1.53" is not the tokio the tests use: Cargo.lock has 1.54.1 (for history, say so: "since tokio 1.53")
src/chapter.md:10: "CPython 3.10, 3.11 and 3.12" states the CPythons the tests use, which are 3.11, 3.12, 3.13 (tests/harness/pythons.rs)
src/chapter.md:10: "CPython 3.9" is not a CPython the tests use (3.11, 3.12, 3.13; for history, say so: "since Python 3.9")
src/chapter.md:11: "tokio 1.60" is newer than the tokio the tests use (Cargo.lock has 1.54.1)
src/chapter.md:12: "CPython 3.11.4" is not a CPython release whose cited files tests/cpython/ keeps (none): name a kept release, or only the minor version
"#]]
    );
}
