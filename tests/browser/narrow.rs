//! A phone: every page at 390 CSS pixels wide. Nothing runs off the right
//! edge but code blocks, which scroll inside themselves; the document does
//! not scroll sideways; the cheat sheet's two columns stay on the screen.

use book_harness::assert_none;
use serde::Deserialize;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::reader::{read_each, ReaderTab, Screen, Script};
use crate::site::{shots_dir, site};
use crate::visits::phone_visit;

const OVERFLOW: Script = script!("overflow.js");
const CHEAT_SHEET: Script = script!("cheat_sheet.js");
const OVERFLOW_CANARY: Script = script!("overflow_canary.js");

/// At most this many things that run off, reported per page.
const REPORTED: usize = 10;
/// A column narrower than this (in CSS pixels) reads a word or two a line.
const MIN_COLUMN: f64 = 120.0;

#[derive(Debug, Deserialize)]
struct Overflow {
    width: f64,
    scroll_width: f64,
    scrolled: f64,
    count: usize,
    off: Vec<Off>,
}

#[derive(Debug, Deserialize)]
struct Off {
    what: String,
    right: f64,
}

#[derive(Debug, Deserialize)]
struct Table {
    id: String,
    width: f64,
    rows: usize,
    columns: Vec<Column>,
    outside: Vec<Cell>,
    cut: Vec<Cut>,
}

#[derive(Debug, Deserialize)]
struct Column {
    header: String,
    left: f64,
    right: f64,
}

#[derive(Debug, Deserialize)]
struct Cell {
    row: usize,
    column: usize,
    text: String,
    left: f64,
    right: f64,
}

/// A word that a line break cuts in two: `at` shows the two characters the
/// break falls between (`spawn_bl|ocking` gives `l|o`).
#[derive(Debug, Deserialize)]
struct Cut {
    row: usize,
    column: usize,
    text: String,
    at: String,
}

/// What this check reads on each page's phone visit (`visits.rs`).
pub fn on_phone(page: &ReaderTab) -> BTreeMap<&'static str, Value> {
    BTreeMap::from([(OVERFLOW.name, page.call(OVERFLOW, (REPORTED,)))])
}

/// On the first page's phone visit, last: a line made to run off the side
/// (the canary), and the overflow then.
pub fn canary_on_phone(page: &ReaderTab) -> BTreeMap<&'static str, Value> {
    let _: bool = page.call(OVERFLOW_CANARY, (CANARY,));
    BTreeMap::from([(OVERFLOW_CANARY.name, page.call(OVERFLOW, (REPORTED,)))])
}

const CANARY: &str = "reader-overflow-canary";

#[test]
fn every_page_fits_a_phone() {
    let site = site();
    let pages: Vec<&str> = site.reader_pages().collect();
    let mut problems = Vec::new();
    for name in &pages {
        let visit = phone_visit(name);
        problems.extend(visit.faults.iter().cloned());
        let o: Overflow = visit.read(OVERFLOW);
        let at = format!("{name} at {} px", o.width);
        if o.width != f64::from(Screen::Phone.width()) {
            problems.push(format!(
                "{at}: the page is laid out {} px wide, not the phone's {}",
                o.width,
                Screen::Phone.width()
            ));
        }
        for off in &o.off {
            problems.push(format!("{at}: {} runs off the right edge (to {:.0} px)", off.what, off.right));
        }
        if o.count > o.off.len() {
            problems.push(format!("{at}: and {} more things run off the right edge", o.count - o.off.len()));
        }
        if o.scroll_width > o.width + 0.5 || o.scrolled > 0.0 {
            problems.push(format!(
                "{at}: the page scrolls sideways (scrollWidth {} px; scrolled to {} px)",
                o.scroll_width, o.scrolled
            ));
        }
        // The canary, on the first page: a line that runs off the side, which
        // the check must see (mdBook's body clips what runs off, so the page
        // itself never scrolls).
        if *name == pages[0] {
            let o: Overflow = visit.read(OVERFLOW_CANARY);
            if !o.off.iter().any(|off| off.what.contains(CANARY)) {
                problems.push(format!("{at}: the check does not see a line made to run off the side: {o:?}"));
            }
        }
    }
    report!("{} pages read {} px wide", pages.len(), Screen::Phone.width());
    assert_none("pages on a phone", &problems);
}

#[test]
fn the_cheat_sheet_reads_on_a_phone() {
    let site = site();
    let source = "src/appendix-cheat-sheet.md";
    let Some(chapter) = site.chapters.iter().find(|c| c.source == source) else {
        panic!("no chapter is {source}: SUMMARY.md lists the cheat sheet no more");
    };
    let name = chapter.page.as_str();
    let (found, mut problems) = read_each(Screen::Phone, &[name], |page, _| {
        let tables: Vec<Table> = page.call(CHEAT_SHEET, ());
        if let Some(first) = tables.first() {
            page.screenshot_element(&format!("#{}", first.id), &shots_dir().join("cheat-sheet-390px.png"));
        }
        tables
    });
    let tables: Vec<Table> = found.into_iter().flatten().collect();
    let rows: usize = tables.iter().map(|t| t.rows.saturating_sub(1)).sum();
    report!("{name} at {} px: cheat sheet, {} tables, {rows} rows", Screen::Phone.width(), tables.len());
    if rows < 10 {
        problems.push(format!("{name}: the cheat sheet has {rows} rows in tables, not a cheat sheet's (>= 10)"));
    }
    for (n, table) in tables.iter().enumerate() {
        let at = format!("{name} table {} at {} px", n + 1, table.width);
        if table.columns.len() != 2 {
            problems.push(format!("{at}: the cheat sheet is not two columns (asyncio | Rust): {:?}", table.columns));
        }
        for c in &table.columns {
            if c.left < -0.5 || c.right > table.width + 0.5 {
                problems.push(format!(
                    "{at}: the column {:?} spans {:.0} to {:.0} px, off the screen",
                    c.header, c.left, c.right
                ));
            }
            if c.right - c.left < MIN_COLUMN {
                problems.push(format!(
                    "{at}: the column {:?} is {:.0} px wide (< {MIN_COLUMN}): a word or two a line",
                    c.header,
                    c.right - c.left
                ));
            }
        }
        let header = |column: usize| table.columns.get(column).map_or("?", |c| c.header.as_str());
        for cell in &table.outside {
            problems.push(format!(
                "{at}: row {} of the column {:?} ({:?}) spans {:.0} to {:.0} px, off the screen",
                cell.row,
                header(cell.column),
                cell.text,
                cell.left,
                cell.right
            ));
        }
        for cut in &table.cut {
            problems.push(format!(
                "{at}: row {} of the column {:?}: a line break cuts a word of {:?} in two (between {})",
                cut.row,
                header(cut.column),
                cut.text,
                cut.at
            ));
        }
    }
    assert_none("the cheat sheet on a phone", &problems);
}
