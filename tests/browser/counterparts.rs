//! The Python counterparts (`<details class="counterpart">`): closed by
//! default, their code hidden; a click on the summary shows it; printing
//! opens them all (theme/head.hbs, on `beforeprint`).

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{nullable, read_each, ReaderTab, Screen, Script};
use crate::site::{shots_dir, site};

const COUNTERPARTS: Script = script!("counterparts.js");

#[derive(Debug, Deserialize)]
struct Counterpart {
    id: String,
    open: bool,
    #[serde(deserialize_with = "nullable")]
    summary: Option<String>,
    #[serde(deserialize_with = "nullable")]
    code: Option<Code>,
}

#[derive(Debug, Deserialize)]
struct Code {
    shows: bool,
    first_line: String,
}

impl Counterpart {
    /// How a message names it: "counterpart 2 ("The same in asyncio", import asyncio)".
    fn at(&self, n: usize) -> String {
        let first = self.code.as_ref().map_or("no code", |c| c.first_line.as_str());
        format!("counterpart {n} ({:?}, {first})", self.summary.as_deref().unwrap_or("no summary"))
    }
}

#[test]
fn python_counterparts_open_on_a_click_and_start_closed() {
    let site = site();
    let chapters: Vec<&str> = site.chapters_with(&["class=\"counterpart\""]).map(|c| c.page.as_str()).collect();
    let Some(&first) = chapters.first() else {
        panic!("no chapter has a Python counterpart (<details class=\"counterpart\">): nothing to check");
    };
    let (found, mut problems) = read_each(Screen::Desktop, &chapters, |page, name| {
        let mut problems = Vec::new();
        let all: Vec<Counterpart> = page.call(COUNTERPARTS, (None::<&str>,));
        if all.is_empty() {
            problems.push(format!("{name}: its HTML has a counterpart, but the page shows none"));
        }
        for (i, c) in all.iter().enumerate() {
            let at = format!("{name}: {}", c.at(i + 1));
            if c.summary.is_none() {
                problems.push(format!("{at}: no <summary> to open it by"));
                continue;
            }
            let Some(code) = &c.code else {
                problems.push(format!("{at}: no Python code (```python) inside"));
                continue;
            };
            if c.open {
                problems.push(format!("{at}: open by default (Part I leads with Rust; it should start closed)"));
            }
            if code.shows {
                problems.push(format!("{at}: the Python code shows before the reader opens it"));
            }
            page.click(&format!("#{} > summary", c.id));
            // `counterparts.js` reads the page after the click is drawn.
            let after: Vec<Counterpart> = page.call(COUNTERPARTS, (&c.id,));
            match after.first() {
                Some(Counterpart { open: true, code: Some(Code { shows: true, .. }), .. }) => {
                    if *name == first && i == 0 {
                        page.screenshot_element(&format!("#{}", c.id), &shots_dir().join("counterpart-open.png"));
                    }
                }
                other => problems.push(format!("{at}: a click on its summary does not show the code: {other:?}")),
            }
        }
        (all.len(), problems)
    });
    let mut checked = 0;
    for (n, p) in found {
        checked += n;
        problems.extend(p);
    }
    report!("counterparts: {checked} checked closed, then opened by a click");
    assert_none("Python counterparts", &problems);
}

/// On print.html, before printing: every counterpart still closed, so that
/// `printed` proves printing opened them.
pub fn before_print(page: &ReaderTab) -> Vec<String> {
    let all: Vec<Counterpart> = page.call(COUNTERPARTS, (None::<&str>,));
    let open = all.iter().enumerate().filter(|(_, c)| c.open || c.code.as_ref().is_some_and(|code| code.shows));
    open.map(|(i, c)| format!("print.html: {} is open before printing: {c:?}", c.at(i + 1))).collect()
}

/// On print.html, printed (or print media emulated after `beforeprint`):
/// every counterpart open and its code shown.
pub fn printed(page: &ReaderTab) -> Vec<String> {
    let all: Vec<Counterpart> = page.call(COUNTERPARTS, (None::<&str>,));
    if all.is_empty() {
        return vec!["print.html has no Python counterpart: nothing to check printing opens".to_owned()];
    }
    let mut problems = Vec::new();
    for (i, c) in all.iter().enumerate() {
        if !(c.open && c.code.as_ref().is_some_and(|code| code.shows)) {
            problems.push(format!(
                "print.html: {} is not open in print (theme/head.hbs opens them on beforeprint): {c:?}",
                c.at(i + 1)
            ));
        }
    }
    report!("print.html: {} counterparts, all checked open in print", all.len());
    problems
}
