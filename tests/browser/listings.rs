//! Listings: Run buttons where the playground can run them and none where it
//! cannot, the eye button for hidden lines, captions that name the file, and
//! outputs that never look like code.

use std::collections::BTreeSet;

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{nullable, Reader, ReaderTab, Script};
use crate::site::{root, shots_dir, site};

const CODE_BLOCKS: Script = script!("code_blocks.js");
const RUN_BUTTON_SHOWN: Script = script!("run_button_shown.js");
const HIDDEN_LINES_SHOWN: Script = script!("hidden_lines_shown.js");
const OUTPUT_SPANS: Script = script!("output_spans.js");

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // `playground` and `has_run` are for the debug output
struct Block {
    id: String,
    classes: Vec<String>,
    lang: String,
    playground: bool,
    run: bool,
    has_run: bool,
    boring: u64,
    eye: bool,
    #[serde(deserialize_with = "nullable")]
    caption: Option<Caption>,
    look: String,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)] // `text` is for the debug output
struct Caption {
    classes: Vec<String>,
    text: String,
    code: Vec<String>,
    marker: String,
}

/// What the whole book had, for the checks that must not pass vacuously.
#[derive(Default)]
struct Tally {
    runnable: usize,
    not_runnable: usize,
    compile_fail: usize,
    with_hidden: usize,
    outputs: usize,
    run_hover_checked: bool,
    eye_checked: bool,
}

#[test]
fn listings_run_buttons_hidden_lines_and_captions() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let mut problems = Vec::new();
    let mut tally = Tally::default();
    let mut shot_taken = false;

    for name in site.chapter_pages() {
        page.open(&site.url(name));
        let blocks: Vec<Block> = page.call(CODE_BLOCKS, ());
        let code_look: BTreeSet<&str> = blocks.iter().filter(|b| b.lang == "rust").map(|b| b.look.as_str()).collect();
        for b in &blocks {
            let at = format!("{name} #{} ({})", b.id, b.classes.join(" "));
            match b.lang.as_str() {
                "rust" => rust_block(&page, b, &at, &mut tally, &mut problems),
                "text" => {
                    tally.outputs += 1;
                    let kinds = ["output", "compiler", "panic"];
                    let caption = b.caption.as_ref();
                    let kind = caption.and_then(|c| c.classes.iter().find(|c| kinds.contains(&c.as_str())));
                    match (kind, caption) {
                        (Some(kind), Some(caption)) => {
                            if caption.marker == "none" || caption.marker == "normal" {
                                problems.push(format!("{at}: the {kind} caption has no marker"));
                            }
                        }
                        _ => problems.push(format!(
                            "{at}: a text block with no caption saying what it is (<p class=\"caption output|compiler|panic\">)"
                        )),
                    }
                    if code_look.contains(b.look.as_str()) {
                        problems.push(format!("{at}: looks exactly like a Rust listing ({})", b.look));
                    }
                }
                _ => {}
            }
        }
        // Pictures of an output and of a compiler message under their
        // listings, for the eye (the first page that has both).
        if !shot_taken {
            if let Some(ids) = page.call::<Option<Vec<String>>>(OUTPUT_SPANS, ()) {
                shot_taken = true;
                for (id, kind) in ids.iter().zip(["output", "compiler"]) {
                    let file = shots_dir().join(format!("listing-{kind}.png"));
                    page.screenshot_span(&format!("#{id}"), &format!("#reader-end-{kind}"), &file);
                }
            }
        }
        problems.extend(page.faults(name));
    }
    let Tally { runnable, not_runnable, with_hidden, outputs, .. } = tally;
    report!(
        "listings: {runnable} runnable (Run button), {not_runnable} not runnable (none), {with_hidden} with hidden lines, {outputs} output/compiler blocks"
    );
    if runnable == 0 {
        problems.push("no runnable listing in the book: no Run button to check".to_owned());
    }
    if tally.compile_fail == 0 {
        problems.push("no compile_fail listing in the book: nothing to check has no Run button".to_owned());
    }
    if !tally.eye_checked {
        problems.push("no listing with hidden lines (`# `) in the book: the eye button was not checked".to_owned());
    }
    assert_none("listings", &problems);
}

/// A Rust listing: its Run button, its caption, its hidden lines. The first
/// Run button is hovered and the first eye button pressed, for real.
fn rust_block(page: &ReaderTab, b: &Block, at: &str, tally: &mut Tally, problems: &mut Vec<String>) {
    let has = |class: &str| b.classes.iter().any(|c| c == class);
    let compile_fail = has("compile_fail");
    let playground_offers = !has("noplayground") && !has("no_run");
    if compile_fail || !playground_offers {
        tally.not_runnable += 1;
        tally.compile_fail += usize::from(compile_fail);
        if b.run {
            problems.push(format!("{at}: a Run button on a listing that does not compile or cannot run there"));
        }
        if compile_fail && !has("noplayground") {
            problems.push(format!("{at}: compile_fail listings are written `rust,compile_fail,noplayground`"));
        }
    } else {
        tally.runnable += 1;
        if !b.run {
            problems.push(format!("{at}: a runnable listing has no Run button"));
        } else if !tally.run_hover_checked {
            // mdBook shows the buttons when the pointer is over the listing.
            tally.run_hover_checked = true;
            page.tab.find_element(&format!("#{}", b.id)).unwrap().move_mouse_over().unwrap();
            if !page.call::<bool>(RUN_BUTTON_SHOWN, (&b.id,)) {
                problems.push(format!("{at}: the Run button does not show under the pointer"));
            }
        }
    }
    // The caption names the listing's file in the repository.
    let path = b.caption.as_ref().and_then(|c| c.code.iter().find(|c| c.starts_with("listings/")));
    match path {
        None => problems.push(format!(
            "{at}: no caption naming the listing's file (<p class=\"caption\">Listing N-M: <code>listings/...</code>)"
        )),
        Some(path) if !root().join(path).is_file() => {
            problems.push(format!("{at}: the caption names {path}, which is not in the repository"))
        }
        Some(_) => {}
    }
    if b.boring == 0 {
        return;
    }
    tally.with_hidden += 1;
    if !b.eye {
        problems.push(format!("{at}: hidden lines but no eye button"));
    } else if !tally.eye_checked {
        tally.eye_checked = true;
        let before: u64 = page.call(HIDDEN_LINES_SHOWN, (&b.id, 0));
        let pre = page.tab.find_element(&format!("#{}", b.id)).unwrap();
        pre.scroll_into_view().unwrap();
        pre.move_mouse_over().unwrap();
        let eye = format!("#{} .buttons button[title=\"Show hidden lines\"]", b.id);
        page.tab.find_element(&eye).unwrap().click().unwrap();
        let after: u64 = page.call(HIDDEN_LINES_SHOWN, (&b.id, 100));
        report!("eye button on {at}: hidden lines shown before {before}, after {after} of {}", b.boring);
        if before != 0 || after != b.boring {
            problems.push(format!(
                "{at}: the eye button does not reveal the hidden lines (visible before {before}, after {after}, of {})",
                b.boring
            ));
        }
    }
}
