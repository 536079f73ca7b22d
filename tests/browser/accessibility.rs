//! Accessibility: axe-core, the engine most audits run, on every page in each
//! of mdBook's five themes (and on a phone): no serious or critical WCAG 2.1
//! A or AA violation in the book's own content (inside `<main>`). What it
//! finds in mdBook's chrome around the content (the menu bar, the sidebar)
//! is reported, and may only be of the kinds CONTRIBUTING.md lists.
//!
//! A theme changes colours only: the same elements, laid out the same. So
//! every WCAG 2.1 A/AA rule runs on every page in the default theme, and the
//! rules whose outcome depends on colour run in the other four on
//! `print.html`, which is every chapter's content again under the same
//! chrome (with every Python counterpart opened, as a reader who opens them
//! all sees them), and on one chapter's own page, for the chrome as a
//! chapter shows it (its own entry marked in the sidebar, the arrows to the
//! next and previous chapters). A phone changes the width: there, the rule
//! whose outcome depends on it (code blocks that scroll sideways) runs on
//! every page, and every rule on the first.
//!
//! axe-core is pinned in `tests/browser/package-lock.json` and installed from
//! the npm registry by `npm ci` (`.ci/run` does it): the book's readers never
//! load it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use book_harness::assert_none;
use serde::Deserialize;

use serde_json::Value;

use crate::reader::{read_each, ReaderTab, Screen, Script};
use crate::site::{root, shots_dir, site};
use crate::visits::phone_visit;
use crate::THEMES;

const AXE: Script = script!("axe.js");

/// The rules whose outcome a theme can change: contrast, and links told
/// apart from the text around them.
const COLOUR_RULES: [&str; 2] = ["color-contrast", "link-in-text-block"];

/// The rule whose outcome the window's width changes.
const WIDTH_RULES: [&str; 1] = ["scrollable-region-focusable"];

/// The page that holds every chapter again (see the module's comment).
const EVERY_CHAPTER: &str = "print.html";

/// Opens every Python counterpart on the page, drawn.
const OPEN_COUNTERPARTS: Script = script!("open_counterparts.js");

/// One page to audit, in some themes, in this order.
struct Audit<'a> {
    page: &'a str,
    themes: Vec<&'static str>,
}

impl AsRef<str> for Audit<'_> {
    fn as_ref(&self) -> &str {
        self.page
    }
}

/// The findings of axe in mdBook's chrome (outside `<main>`) that theme/
/// cannot cheaply fix, by rule: listed in CONTRIBUTING.md ("Accessibility").
/// A finding of another rule there is a failure.
const KNOWN_IN_CHROME: &[&str] = &[];

#[derive(Debug, Deserialize)]
struct Violation {
    rule: String,
    impact: String,
    help: String,
    target: String,
    html: String,
    summary: String,
    /// Inside `<main>`: the book's content, not mdBook's chrome.
    content: bool,
}

pub fn axe_core() -> String {
    let dir = root().join("tests/browser");
    let file: PathBuf = dir.join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&file).unwrap_or_else(|_| {
        panic!("axe-core is not installed: run `npm ci --prefix tests/browser` (pinned in its package-lock.json; .ci/run does it)")
    })
}

/// Every WCAG 2.1 A/AA rule of axe on the page open now, in the theme chosen.
fn audit<T: serde::de::DeserializeOwned>(page: &ReaderTab, axe: &str) -> T {
    page.install("axe-core", axe);
    page.call(AXE, (None::<&[&str]>,))
}

/// What this check reads on each page's phone visit (`visits.rs`): the rule
/// whose outcome the width changes, or every rule on the first chapter; none
/// on `print.html`.
pub fn on_phone(page: &ReaderTab, name: &str, axe: &str) -> BTreeMap<&'static str, Value> {
    if name == EVERY_CHAPTER {
        return BTreeMap::new();
    }
    let first = site().reader_pages().find(|p| *p != EVERY_CHAPTER);
    let found: Value = if Some(name) == first {
        serde_json::to_value(audit::<Value>(page, axe)).unwrap()
    } else {
        page.install("axe-core", axe);
        page.call(AXE, (Some(&WIDTH_RULES),))
    };
    BTreeMap::from([(AXE.name, found)])
}

#[test]
fn axe_finds_nothing_serious_in_the_content_in_any_theme() {
    let site = site();
    let axe = axe_core();
    let pages: Vec<&str> = site.reader_pages().collect();
    let chapters: Vec<&str> = pages.iter().copied().filter(|p| *p != EVERY_CHAPTER).collect();
    // print.html in every theme, its themes split over the two readers that
    // read side by side (it is the longest page); one chapter in between in
    // every theme, for the chrome; every other page in the default theme.
    let (default, others) = THEMES.split_first().unwrap();
    let chrome = chapters[chapters.len() / 2];
    let mut audits = vec![
        Audit { page: EVERY_CHAPTER, themes: vec![*default, others[0]] },
        Audit { page: EVERY_CHAPTER, themes: others[1..].to_vec() },
        Audit { page: chrome, themes: THEMES.to_vec() },
    ];
    audits.extend(chapters.iter().filter(|p| **p != chrome).map(|page| Audit { page, themes: vec![*default] }));
    // Each theme chosen with mdBook's theme menu, as a reader does.
    let (desktop, mut problems) = read_each(Screen::Desktop, &audits, |page, job| {
        if job.page == EVERY_CHAPTER {
            let _: usize = page.call(OPEN_COUNTERPARTS, ());
        }
        page.install("axe-core", &axe);
        let mut found = Vec::new();
        for theme in &job.themes {
            if !page.choose_theme(theme) {
                found.push((theme.to_string(), Err(format!("{}: theme {theme} was not applied", job.page))));
                continue;
            }
            let rules = if theme == default { None } else { Some(&COLOUR_RULES) };
            let violations: Vec<Violation> = page.call(AXE, (rules,));
            found.push((theme.to_string(), Ok(violations)));
        }
        found
    });
    let mut phone: Vec<Vec<Violation>> = Vec::new();
    for name in &chapters {
        let visit = phone_visit(name);
        problems.extend(visit.faults.iter().cloned());
        phone.push(visit.read(AXE));
    }

    // (screen, theme) -> findings, each with its page.
    let mut by_screen: BTreeMap<(String, String), Vec<(&str, Violation)>> = BTreeMap::new();
    for (job, themes) in audits.iter().zip(desktop) {
        let name = &job.page;
        for (theme, found) in themes {
            match found {
                Ok(found) => {
                    let list = by_screen.entry(("1280px".to_owned(), theme)).or_default();
                    list.extend(found.into_iter().map(|v| (*name, v)));
                }
                Err(problem) => problems.push(problem),
            }
        }
    }
    for (name, found) in chapters.iter().zip(phone) {
        let list = by_screen.entry(("390px".to_owned(), THEMES[0].to_owned())).or_default();
        list.extend(found.into_iter().map(|v| (*name, v)));
    }

    // The counts, by rule, inside and outside <main>: a table in the report.
    let mut table = String::new();
    for ((screen, theme), found) in &by_screen {
        let mut counts: BTreeMap<(&str, bool), usize> = BTreeMap::new();
        for (_, v) in found {
            *counts.entry((v.rule.as_str(), v.content)).or_default() += 1;
        }
        let content: usize = found.iter().filter(|(_, v)| v.content).count();
        let line: Vec<String> = counts
            .iter()
            .map(|((rule, inside), n)| format!("{rule} {n} {}", if *inside { "in content" } else { "in chrome" }))
            .collect();
        writeln!(
            table,
            "{theme:<6} {screen:>6}: {content:>4} in content, {:>4} in chrome  {}",
            found.len() - content,
            line.join(", ")
        )
        .unwrap();
    }
    report!(
        "axe (serious or critical, WCAG 2.1 A/AA; in {} the colour rules), {} pages:\n{table}",
        THEMES[1..].join(", "),
        pages.len()
    );
    let mut detail = table.clone();
    for ((screen, theme), found) in &by_screen {
        for (name, v) in found {
            let at = format!("{name} [{theme}, {screen}]");
            writeln!(detail, "{at} {} {} ({}): {} {}", v.impact, v.rule, v.target, v.html, v.summary).unwrap();
            if v.content {
                problems.push(format!(
                    "{at}: {} ({}, {}) at {}: {}\n    {}",
                    v.help, v.rule, v.impact, v.target, v.html, v.summary
                ));
            } else if !KNOWN_IN_CHROME.contains(&v.rule.as_str()) {
                problems.push(format!(
                    "{at}: in mdBook's chrome, {} ({}, {}) at {}: {} (fix it in theme/, or list the rule in CONTRIBUTING.md and KNOWN_IN_CHROME)",
                    v.help, v.rule, v.impact, v.target, v.html
                ));
            }
        }
    }
    std::fs::write(shots_dir().join("axe.txt"), detail).unwrap();
    assert_none("accessibility (axe-core)", &problems);
}
