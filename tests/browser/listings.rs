//! Listings: Run buttons where the playground can run them and none where it
//! cannot, the eye button for hidden lines, captions that name the file,
//! outputs that never look like code; a marker on every listing that does not
//! compile or that panics; compiler messages and panics that read without
//! scrolling sideways.

use std::collections::BTreeSet;

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{nullable, read_each, tab, ReaderTab, Screen, Script};
use crate::site::{root, shots_dir, site};
use crate::visits::{visit, CODE_BLOCKS};
use crate::{TEXT_CONTRAST, THEMES};

const RUN_BUTTON_SHOWN: Script = script!("run_button_shown.js");
const HIDDEN_LINES_SHOWN: Script = script!("hidden_lines_shown.js");
const OUTPUT_SPANS: Script = script!("output_spans.js");
const MARKERS: Script = script!("markers.js");
const MESSAGES: Script = script!("messages.js");

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
}

#[test]
fn listings_run_buttons_hidden_lines_and_captions() {
    let site = site();
    let chapters: Vec<&str> = site.chapter_pages().collect();
    // The first chapter with both an output and a compiler message: their
    // pictures under their listings, for the eye.
    let spans = chapters.iter().copied().find(|name| {
        let html = site.html(name);
        html.contains("\"caption output") && html.contains("\"caption compiler")
    });
    let blocks: Vec<Vec<Block>> = chapters.iter().map(|name| visit(name).read(CODE_BLOCKS)).collect();
    let mut problems = Vec::new();

    let mut tally = Tally::default();
    // The first runnable listing (its Run button is hovered) and the first
    // with hidden lines (its eye button is pressed), for real.
    let mut hover: Option<(&str, &Block)> = None;
    let mut eye: Option<(&str, &Block)> = None;
    for (name, blocks) in chapters.iter().zip(&blocks) {
        let code_look: BTreeSet<&str> = blocks.iter().filter(|b| b.lang == "rust").map(|b| b.look.as_str()).collect();
        for b in blocks {
            let at = format!("{name} #{} ({})", b.id, b.classes.join(" "));
            match b.lang.as_str() {
                "rust" => {
                    let (runs, hides) = rust_block(b, &at, &mut tally, &mut problems);
                    if runs && hover.is_none() {
                        hover = Some((name, b));
                    }
                    if hides && eye.is_none() {
                        eye = Some((name, b));
                    }
                }
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
    let page = tab(Screen::Desktop);
    // Pictures of an output and of a compiler message under their listings,
    // for the eye.
    if let Some(name) = spans {
        page.open(&site.url(name));
        if let Some(ids) = page.call::<Option<Vec<String>>>(OUTPUT_SPANS, ()) {
            for (id, kind) in ids.iter().zip(["output", "compiler"]) {
                let file = shots_dir().join(format!("listing-{kind}.png"));
                page.screenshot_span(&format!("#{id}"), &format!("#reader-end-{kind}"), &file);
            }
        }
    }
    // Opened again here, a page's blocks take their ids from `code_blocks.js` again.
    let open = |name: &str| {
        page.open(&site.url(name));
        let _: Vec<Block> = page.call(CODE_BLOCKS, ());
    };
    if let Some((name, b)) = hover {
        // mdBook shows the buttons when the pointer is over the listing.
        open(name);
        page.hover(&format!("#{}", b.id));
        if !page.call::<bool>(RUN_BUTTON_SHOWN, (&b.id,)) {
            problems.push(format!("{name} #{}: the Run button does not show under the pointer", b.id));
        }
        problems.extend(page.faults(name));
    }
    match eye {
        Some((name, b)) => {
            open(name);
            problems.extend(press_eye(&page, name, b));
            problems.extend(page.faults(name));
        }
        None => {
            problems.push("no listing with hidden lines (`# `) in the book: the eye button was not checked".to_owned())
        }
    }
    page.close();
    assert_none("listings", &problems);
}

/// A Rust listing: its Run button and its caption. Whether it runs (has a Run
/// button) and whether it has hidden lines with an eye button.
fn rust_block(b: &Block, at: &str, tally: &mut Tally, problems: &mut Vec<String>) -> (bool, bool) {
    let has = |class: &str| b.classes.iter().any(|c| c == class);
    let compile_fail = has("compile_fail");
    let playground_offers = !has("noplayground") && !has("no_run");
    let mut runs = false;
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
        runs = b.run;
        if !b.run {
            problems.push(format!("{at}: a runnable listing has no Run button"));
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
        return (runs, false);
    }
    tally.with_hidden += 1;
    if !b.eye {
        problems.push(format!("{at}: hidden lines but no eye button"));
    }
    (runs, b.eye)
}

/// Presses the eye button of `b`: every hidden line shows, and none before.
fn press_eye(page: &ReaderTab, name: &str, b: &Block) -> Vec<String> {
    let at = format!("{name} #{}", b.id);
    let before: u64 = page.call(HIDDEN_LINES_SHOWN, (&b.id,));
    page.hover(&format!("#{}", b.id));
    page.click(&format!("#{} .buttons button[title=\"Show hidden lines\"]", b.id));
    let after: u64 = page.call(HIDDEN_LINES_SHOWN, (&b.id,));
    report!("eye button on {at}: hidden lines shown before {before}, after {after} of {}", b.boring);
    if before != 0 || after != b.boring {
        return vec![format!(
            "{at}: the eye button does not reveal the hidden lines (visible before {before}, after {after}, of {})",
            b.boring
        )];
    }
    Vec::new()
}

/// The marker of a listing that does not compile or that panics, measured.
#[derive(Debug, Deserialize)]
struct Marker {
    id: String,
    /// `compile_fail` or `should_panic`.
    kind: String,
    /// What it reads, or `None` if the block carries no marker.
    #[serde(deserialize_with = "nullable")]
    text: Option<String>,
    contrast: f64,
    color: String,
    background: String,
    /// Its font size, in CSS pixels.
    px: f64,
    /// Its text fits on the block, inside the window.
    fits: bool,
}

/// The words a marker of each kind must say.
fn marker_says(kind: &str) -> &'static str {
    match kind {
        "compile_fail" => "does not compile",
        _ => "panics",
    }
}

#[test]
fn listings_that_do_not_compile_or_panic_carry_a_marker_in_every_theme_and_on_a_phone() {
    let site = site();
    let pages: Vec<&str> = site.chapters_with(&[" compile_fail", " should_panic"]).map(|c| c.page.as_str()).collect();
    let look = |page: &ReaderTab, name: &&str| {
        let mut problems = Vec::new();
        let mut count = 0;
        let themes: &[&str] = if page.screen == Screen::Phone { &THEMES[..1] } else { &THEMES };
        for (t, theme) in themes.iter().enumerate() {
            if !page.choose_theme(theme) {
                problems.push(format!("{name}: theme {theme} was not applied"));
                continue;
            }
            let screen = format!("{theme}, {} px", page.screen.width());
            let markers: Vec<Marker> = page.call(MARKERS, ());
            count = markers.len();
            for m in &markers {
                let at = format!("{name} #{} ({}) [{screen}]", m.id, m.kind);
                let Some(text) = &m.text else {
                    problems.push(format!(
                        "{at}: no marker on the block (theme/callouts.css: `pre:has(> code.{})`)",
                        m.kind
                    ));
                    continue;
                };
                if !text.to_lowercase().contains(marker_says(&m.kind)) {
                    problems.push(format!("{at}: the marker reads {text:?}, not {:?}", marker_says(&m.kind)));
                }
                if m.contrast < TEXT_CONTRAST {
                    problems.push(format!(
                        "{at}: the marker {} on {} is {:.2}:1 (< {TEXT_CONTRAST})",
                        m.color, m.background, m.contrast
                    ));
                }
                if m.px < 12.0 || !m.fits {
                    problems.push(format!("{at}: the marker {text:?} does not read: {:.1} px, fits {}", m.px, m.fits));
                }
            }
            if t == 0 {
                if let Some(first) = markers.first() {
                    let file = format!("marker-{}-{}px.png", first.kind, page.screen.width());
                    page.screenshot_element(&format!("#{}", first.id), &shots_dir().join(file));
                }
            }
        }
        (count, problems)
    };
    let (marked, mut problems) = on_desktop_and_phone(&pages, look);
    report!("markers: {marked} listings that do not compile or that panic, on {} pages", pages.len());
    if marked == 0 {
        problems.push("no listing that does not compile or that panics in the book: no marker to check".to_owned());
    }
    assert_none("markers", &problems);
}

/// A compiler message or a panic, measured.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Message {
    id: String,
    kind: String,
    first_line: String,
    /// How far the block scrolls sideways, in CSS pixels (0: not at all).
    hidden: f64,
}

#[test]
fn compiler_messages_and_panics_read_without_scrolling_sideways() {
    let site = site();
    let pages: Vec<&str> =
        site.chapters_with(&["\"caption compiler", "\"caption panic"]).map(|c| c.page.as_str()).collect();
    let look = |page: &ReaderTab, name: &&str| {
        let width = page.screen.width();
        let messages: Vec<Message> = page.call(MESSAGES, ());
        let mut problems = Vec::new();
        for m in &messages {
            if m.hidden > 0.5 {
                problems.push(format!(
                    "{name} #{} ({}) at {width} px: {:.0} px of it lie off to the side, to scroll to ({:?})",
                    m.id, m.kind, m.hidden, m.first_line
                ));
            }
        }
        if let Some(first) = messages.iter().find(|m| m.kind == "compiler") {
            if name.starts_with("ch03") {
                let file = format!("compiler-message-{width}px.png");
                page.screenshot_element(&format!("#{}", first.id), &shots_dir().join(file));
            }
        }
        (messages.len(), problems)
    };
    let (count, mut problems) = on_desktop_and_phone(&pages, look);
    report!("compiler messages and panics: {count}, read at 1280 and 390 px");
    if count == 0 {
        problems.push("no compiler message or panic in the book: nothing to check reads".to_owned());
    }
    assert_none("compiler messages and panics", &problems);
}

/// Reads `pages` with `look` at a laptop's width, then on a phone: how many
/// things `look` counted at the laptop's width, and every problem and fault.
fn on_desktop_and_phone(
    pages: &[&str],
    look: impl Fn(&ReaderTab, &&str) -> (usize, Vec<String>) + Sync,
) -> (usize, Vec<String>) {
    let (desktop, mut problems) = read_each(Screen::Desktop, pages, &look);
    let (phone, faults) = read_each(Screen::Phone, pages, &look);
    problems.extend(faults);
    let counted = desktop.iter().map(|(n, _)| n).sum();
    for (_, p) in desktop.into_iter().chain(phone) {
        problems.extend(p);
    }
    (counted, problems)
}
