//! The book's diagrams render, fit the text column, and their labels are
//! readable, in all five themes.

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{nullable, Reader, Script};
use crate::site::{shots_dir, site};
use crate::{TEXT_CONTRAST, THEMES};

const DIAGRAMS: Script = script!("diagrams.js");

#[derive(Debug, Deserialize)]
#[allow(dead_code)] // `diagram` is the script's own filter
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
    /// Text labels, for an inline SVG.
    #[serde(deserialize_with = "nullable")]
    texts: Option<Vec<Label>>,
    #[serde(deserialize_with = "nullable")]
    src: Option<String>,
    diagram: bool,
}

#[derive(Debug, Deserialize)]
struct Label {
    text: String,
    ratio: f64,
    fg: String,
    bg: String,
}

#[test]
fn the_diagram_renders() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let shots = shots_dir();
    let mut problems = Vec::new();
    let mut diagrams = 0;
    // The pages with a diagram, found in the default theme.
    let mut with_diagram = Vec::new();
    for name in site.chapter_pages() {
        page.open(&site.url(name));
        if !page.call::<Vec<Diagram>>(DIAGRAMS, ()).is_empty() {
            with_diagram.push(name);
        }
    }
    for theme in THEMES {
        page.choose_theme(theme);
        for name in &with_diagram {
            page.open_in(&site.url(name), theme);
            let found: Vec<Diagram> = page.call(DIAGRAMS, ());
            for (i, d) in found.iter().enumerate() {
                let at = format!("{name} [{theme}] diagram {} ({})", i + 1, d.src.as_deref().unwrap_or("inline svg"));
                if theme == THEMES[0] {
                    diagrams += 1;
                    report!("{at}: {}x{} px", d.width, d.height);
                }
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
                let worst = d.texts.iter().flatten().min_by(|a, b| a.ratio.total_cmp(&b.ratio));
                if let Some(w) = worst {
                    let line = format!(
                        "{} labels, lowest text contrast {:.2}:1 ({:?} {} on {})",
                        d.texts.as_ref().map_or(0, Vec::len),
                        w.ratio,
                        w.text,
                        w.fg,
                        w.bg
                    );
                    report!("{at}: {line}");
                    if w.ratio < TEXT_CONTRAST {
                        problems.push(format!("{at}: a label is unreadable: {line}"));
                    }
                }
                let stem = name.trim_end_matches(".html");
                page.screenshot_element(
                    &format!("#{}", d.id),
                    &shots.join(format!("diagram-{stem}-{}-{theme}.png", i + 1)),
                );
            }
        }
    }
    if diagrams == 0 {
        problems.push(
            "no chapter shows a diagram yet (chapter 9 is to embed src/img/awaitables.svg): nothing to check renders"
                .to_owned(),
        );
    }
    assert_none("diagram", &problems);
}
