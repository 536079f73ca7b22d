//! Feeds skeptic the book as readers see it: every chapter after mdBook's own
//! include expansion, so each Rust block is compiled and run as shown.

use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "markdown.rs"]
#[allow(dead_code)] // the harness uses the rest
mod markdown;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    for watched in ["book.toml", "src", "listings"] {
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
        write_if_changed(&file, &for_skeptic(&chapter.expanded));
        files.push(file);
    }
    skeptic::generate_doc_tests(&files);

    // The tests include a copy whose snippets run through `retry_text_file_busy`
    // (tests/book.rs): skeptic's binary cache writes each new binary, then
    // runs it, and a process forked meanwhile by another test thread can still
    // hold the written file open, making that run fail with ETXTBSY.
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let generated = fs::read_to_string(out_dir.join("skeptic-tests.rs")).unwrap_or_default();
    write_if_changed(
        &out_dir.join("snippets.rs"),
        &generated.replace("skeptic::rt::run_test(", "crate::retry_text_file_busy("),
    );
}

/// skeptic has no `compile_fail`: it would compile and run such a block as an
/// ordinary test and fail. Those blocks are proven by the harness instead (it
/// checks the build fails with exactly the error the page shows), so they are
/// blanked here, keeping line numbers (and so skeptic's test names) stable.
fn for_skeptic(page: &str) -> String {
    let mut text = page.to_owned();
    for block in markdown::code_blocks(page).into_iter().rev() {
        if block.is_rust() && block.has_tag("compile_fail") {
            let blank: String = page[block.range.clone()].chars().filter(|&c| c == '\n').collect();
            text.replace_range(block.range, &blank);
        }
    }
    text
}

/// Rewriting an unchanged file would make cargo rerun this script every time.
fn write_if_changed(path: &Path, contents: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(contents) {
        fs::write(path, contents).unwrap();
    }
}
