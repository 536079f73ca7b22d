//! Feeds skeptic the book as readers see it: every chapter after mdBook's own
//! include expansion, so each Rust block is compiled and run as shown.

use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "markdown.rs"]
#[allow(dead_code)] // the harness uses the rest
mod markdown;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    for watched in markdown::WATCHED {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("expanded");
    fs::create_dir_all(&out).unwrap();

    let chapters = match markdown::load_chapters(&root) {
        Ok(chapters) => chapters,
        Err(e) => {
            // The harness's guards report this precisely; skeptic gets nothing.
            println!("cargo:warning={e}");
            Vec::new()
        }
    };
    let mut files = Vec::new();
    for chapter in chapters {
        let name = chapter.source.file_name().unwrap();
        let file = out.join(name);
        if write_if_changed(&file, &for_skeptic(&chapter.expanded)) {
            // skeptic tells cargo to watch the files it is given. These are
            // this script's outputs (their inputs are watched above, and
            // `unwatched_includes` proves that is all of them): dated now,
            // they would look newer than this run and make the next `cargo
            // test` run the script, relink the tests and so rerun skeptic's
            // checks, for nothing (measured on 2 cores: the first warm run
            // after an edit takes 19.6 s without this, 4.7 s with it).
            let written = fs::File::options().write(true).open(&file).unwrap();
            written.set_modified(std::time::SystemTime::UNIX_EPOCH).unwrap();
        }
        files.push(file);
    }
    skeptic::generate_doc_tests(&files);

    // The tests include a copy whose checks go through `compile_test_once`
    // (tests/book.rs), which skips a check that passed for the same text and
    // the same test binary.
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let generated = fs::read_to_string(out_dir.join("skeptic-tests.rs")).unwrap_or_default();
    write_if_changed(
        &out_dir.join("snippets.rs"),
        &generated.replace("skeptic::rt::compile_test(", "crate::compile_test_once("),
    );
}

/// What skeptic is given of a page. Every Rust block shows one listing's
/// whole `src/main.rs` (a guard, `every_code_block_is_a_listing_file`), and
/// the harness builds and runs that crate and compares all it prints. So
/// skeptic's part is what only it proves: that the text mdBook hands the
/// reader (and the playground), hidden lines and all, compiles on its own.
/// Each block is marked `no_run` (type-checked: no code generated, no binary
/// linked and run a second time), and `should_panic` is dropped with it.
///
/// skeptic has no `compile_fail`: those blocks are proven by the harness
/// (the build fails with exactly the error the page shows) and blanked here.
/// Lines are kept, and so skeptic's test names, which come from them.
fn for_skeptic(page: &str) -> String {
    let mut text = page.to_owned();
    for block in markdown::code_blocks(page).into_iter().rev() {
        if !block.is_rust() {
            continue;
        }
        let shown = &page[block.range.clone()];
        if block.has_tag("compile_fail") {
            let blank: String = shown.chars().filter(|&c| c == '\n').collect();
            text.replace_range(block.range, &blank);
        } else {
            let fence_end = block.range.start + shown.find('\n').unwrap_or(shown.len());
            let fence: String = shown.chars().take_while(|&c| matches!(c, '`' | '~' | ' ')).collect();
            let tags: Vec<&str> = block.tags().filter(|&t| t != "should_panic" && t != "no_run").collect();
            text.replace_range(block.range.start..fence_end, &format!("{fence}{},no_run", tags.join(",")));
        }
    }
    text
}

/// Rewriting an unchanged file would make cargo rerun this script every time.
/// Says whether it wrote.
fn write_if_changed(path: &Path, contents: &str) -> bool {
    let changed = fs::read_to_string(path).ok().as_deref() != Some(contents);
    if changed {
        fs::write(path, contents).unwrap();
    }
    changed
}
