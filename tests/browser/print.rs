//! `print.html`: every chapter, the print dialog, print styles, a PDF.

use std::collections::BTreeSet;

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{tab, Screen, Script};
use crate::site::{shots_dir, site};
use crate::visits::{visit, FIRST_HEADING};

const HEADINGS: Script = script!("headings.js");
const PRINTS: Script = script!("prints.js");
const PRINT_CHROME: Script = script!("print_chrome.js");

#[derive(Debug, Deserialize)]
#[allow(dead_code)] // `main` is for the message
struct Chrome {
    sidebar: String,
    menu: String,
    main: f64,
}

#[test]
fn print_page_holds_every_chapter_and_prints() {
    let site = site();
    // The first heading of each chapter, as its own page shows it.
    let mut problems = Vec::new();
    let mut headings = Vec::new();
    for name in site.chapter_pages() {
        match visit(name).read::<Option<String>>(FIRST_HEADING) {
            Some(h) => headings.push((name, h)),
            None => problems.push(format!("{name}: the chapter has no heading")),
        }
    }

    let page = tab(Screen::Desktop);

    // Every tab counts the page's calls to print (reader.rs).
    page.open(&site.url("print.html"));
    if page.call::<u64>(PRINTS, ()) == 0 {
        problems.push("print.html did not open the print dialog (window.print was not called)".to_owned());
    }
    problems.extend(page.faults("print.html"));
    let printed: Vec<String> = page.call(HEADINGS, ());
    let printed: BTreeSet<&str> = printed.iter().map(String::as_str).collect();
    for (name, h) in &headings {
        if !printed.contains(h.as_str()) {
            problems.push(format!("print.html lacks the chapter {name} (heading {h:?})"));
        }
    }

    problems.extend(crate::counterparts::before_print(&page));
    // In print, the sidebar and the menu bar go away; the text stays.
    page.emulate_media(Some("print"));
    let chrome: Chrome = page.call(PRINT_CHROME, ());
    if chrome.sidebar != "none" || chrome.menu != "none" {
        problems.push(format!("print.html: in print, the sidebar or the menu bar still shows: {chrome:?}"));
    }
    let pdf = page.tab.print_to_pdf(None).unwrap_or_else(|e| panic!("print.html did not print: {e:#}"));
    let file = shots_dir().join("print.pdf");
    std::fs::write(&file, &pdf).unwrap();
    report!("print.html: {} chapters, printed to {} ({} KiB)", headings.len(), file.display(), pdf.len() / 1024);
    if !pdf.starts_with(b"%PDF") || pdf.len() < 20_000 {
        problems.push(format!("print.html printed to a suspiciously small PDF ({} bytes)", pdf.len()));
    }
    // Printing opened the Python counterparts (theme/head.hbs, on beforeprint).
    problems.extend(crate::counterparts::printed(&page));
    page.close();
    assert_none("print.html", &problems);
}
