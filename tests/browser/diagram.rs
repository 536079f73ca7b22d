//! The book's diagrams render, fit the text column, and their labels are
//! readable: contrast in all five themes, and on a phone, a size a reader
//! can read without zooming.

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{nullable, read_each, ReaderTab, Screen};
use crate::site::{shots_dir, site};
use crate::visits::{visit, DIAGRAMS};
use crate::{TEXT_CONTRAST, THEMES};

/// The smallest label, in CSS pixels as drawn, that a phone's reader reads
/// without zooming.
const MIN_LABEL_PX: f64 = 12.0;

#[derive(Debug, Deserialize)]
struct Diagram {
    id: String,
    tag: String,
    width: f64,
    height: f64,
    fits: bool,
    loaded: bool,
    /// Shapes drawn, for an inline SVG.
    #[serde(deserialize_with = "nullable")]
    shapes: Option<u64>,
    /// Text labels shown, for an inline SVG.
    #[serde(deserialize_with = "nullable")]
    texts: Option<Vec<Label>>,
    #[serde(deserialize_with = "nullable")]
    src: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Label {
    text: String,
    ratio: f64,
    fg: String,
    bg: String,
    /// Its font size as drawn (the SVG's scale applied), in CSS pixels.
    px: f64,
}

/// Every diagram of the page open now, checked, screenshots taken as `{stem}-{label}.png`.
fn check(page: &ReaderTab, name: &str, label: &str, problems: &mut Vec<String>) -> usize {
    let found: Vec<Diagram> = page.call(DIAGRAMS, ());
    for (i, d) in found.iter().enumerate() {
        let at = format!("{name} [{label}] diagram {} ({})", i + 1, d.src.as_deref().unwrap_or("inline svg"));
        if !d.loaded {
            problems.push(format!("{at}: the image did not load"));
        }
        if d.width < 120.0 || d.height < 40.0 {
            problems.push(format!("{at}: renders at {}x{} px", d.width, d.height));
        }
        if !d.fits {
            problems.push(format!("{at}: wider than the text column"));
        }
        if d.tag == "svg" && d.shapes.unwrap_or(0) == 0 {
            problems.push(format!("{at}: the SVG draws nothing"));
        }
        let texts = d.texts.as_deref().unwrap_or_default();
        if let Some(w) = texts.iter().min_by(|a, b| a.ratio.total_cmp(&b.ratio)) {
            let line = format!("lowest text contrast {:.2}:1 ({:?} {} on {})", w.ratio, w.text, w.fg, w.bg);
            if w.ratio < TEXT_CONTRAST {
                problems.push(format!("{at}: a label is unreadable: {line}"));
            }
        }
        if let Some(s) = texts.iter().min_by(|a, b| a.px.total_cmp(&b.px)) {
            report!(
                "{at}: {:.0}x{:.0} px, {} labels, the smallest {:.1} px ({:?})",
                d.width,
                d.height,
                texts.len(),
                s.px,
                s.text
            );
            for small in texts.iter().filter(|t| t.px < MIN_LABEL_PX) {
                problems.push(format!(
                    "{at}: the label {:?} is drawn {:.1} px high (< {MIN_LABEL_PX} px): too small to read",
                    small.text, small.px
                ));
            }
        }
        let stem = name.trim_end_matches(".html");
        page.screenshot_element(
            &format!("#{}", d.id),
            &shots_dir().join(format!("diagram-{stem}-{}-{label}.png", i + 1)),
        );
    }
    found.len()
}

#[test]
fn the_diagram_renders_and_reads_in_every_theme_and_on_a_phone() {
    let site = site();
    // Pages that may have a diagram, from the built HTML: an image, or an SVG
    // with words or a canvas wider than an icon's (callouts' and buttons'
    // icons are 16 to 24 units wide); `diagrams.js`, run on the shared visit
    // of each page, tells them apart for sure. Only those with a diagram are
    // read again, in the five themes and on a phone.
    let canvas = regex::Regex::new(r#"viewBox="[-\d.]+ [-\d.]+ (\d+)"#).unwrap();
    let with_diagram: Vec<&str> = site
        .chapter_pages()
        .filter(|p| {
            let html = site.html(p);
            let wide = canvas.captures_iter(&html).any(|c| c[1].parse::<u32>().is_ok_and(|w| w > 64));
            wide || ["<img", "<object", "<text"].iter().any(|tag| html.contains(tag))
        })
        .filter(|p| !visit(p).read::<Vec<serde_json::Value>>(DIAGRAMS).is_empty())
        .collect();
    let mut problems = Vec::new();
    if with_diagram.is_empty() {
        problems.push(
            "no chapter shows a diagram yet (chapter 9 is to embed src/img/awaitables.svg): nothing to check renders"
                .to_owned(),
        );
    }
    let (desktop, faults) = read_each(Screen::Desktop, &with_diagram, |page, name| {
        let mut problems = Vec::new();
        for theme in THEMES {
            if !page.choose_theme(theme) {
                problems.push(format!("{name}: theme {theme} was not applied"));
                continue;
            }
            check(page, name, theme, &mut problems);
        }
        problems
    });
    problems.extend(faults.into_iter().chain(desktop.into_iter().flatten()));
    let (phone, faults) = read_each(Screen::Phone, &with_diagram, |page, name| {
        let mut problems = Vec::new();
        check(page, name, "390px", &mut problems);
        problems
    });
    problems.extend(faults.into_iter().chain(phone.into_iter().flatten()));
    assert_none("diagram", &problems);
}
