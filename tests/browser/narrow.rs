//! A phone: every page at 390 CSS pixels wide. Nothing runs off the right
//! edge but code blocks, which scroll inside themselves; the document does
//! not scroll sideways; the cheat sheet's two columns stay on the screen.

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{Reader, ReaderTab, Script};
use crate::site::{shots_dir, site};

const OVERFLOW: Script = script!("overflow.js");
const CHEAT_SHEET: Script = script!("cheat_sheet.js");
const OVERFLOW_CANARY: Script = script!("overflow_canary.js");

/// A phone's width and height in CSS pixels (an iPhone 12 to 15).
const PHONE: (u32, u32) = (390, 844);
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

fn phone(reader: &Reader) -> ReaderTab {
    let page = reader.tab();
    page.set_viewport(PHONE.0, PHONE.1, true);
    page
}

#[test]
fn every_page_fits_a_phone() {
    let site = site();
    let reader = Reader::launch();
    let page = phone(&reader);
    let mut problems = Vec::new();
    let pages: Vec<&str> = site.reader_pages().collect();
    for name in &pages {
        page.open(&site.url(name));
        let o: Overflow = page.call(OVERFLOW, (REPORTED,));
        let at = format!("{name} at {} px", o.width);
        if o.width != f64::from(PHONE.0) {
            problems.push(format!("{at}: the page is laid out {} px wide, not the phone's {}", o.width, PHONE.0));
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
        problems.extend(page.faults(&at));
    }
    // The canary: a line that runs off the side, which the check must see
    // (mdBook's body clips what runs off, so the page itself never scrolls).
    page.open(&site.url("index.html"));
    let canary = "reader-overflow-canary";
    let _: bool = page.call(OVERFLOW_CANARY, (canary,));
    let o: Overflow = page.call(OVERFLOW, (REPORTED,));
    if !o.off.iter().any(|off| off.what.contains(canary)) {
        problems.push(format!(
            "index.html at {} px: the check does not see a line made to run off the side: {o:?}",
            o.width
        ));
    }
    report!("{} pages read {} px wide", pages.len(), PHONE.0);
    assert_none("pages on a phone", &problems);
}

#[test]
fn the_cheat_sheet_reads_on_a_phone() {
    let site = site();
    let source = "src/appendix-cheat-sheet.md";
    let Some(chapter) = site.chapters.iter().find(|c| c.source == source) else {
        panic!("no chapter is {source}: SUMMARY.md lists the cheat sheet no more");
    };
    let name = &chapter.page;
    let reader = Reader::launch();
    let page = phone(&reader);
    let mut problems = Vec::new();
    page.open(&site.url(name));
    let table: Option<Table> = page.call(CHEAT_SHEET, ("asyncio",));
    let Some(table) = table else {
        panic!("{name}: no table whose first header is \"asyncio\" (the cheat sheet's two columns, asyncio | Rust)");
    };
    let at = format!("{name} at {} px", table.width);
    report!("{at}: cheat sheet, {} rows, columns {:?}", table.rows, table.columns);
    if table.columns.len() != 2 || table.rows < 10 {
        problems.push(format!("{at}: the cheat sheet is not two columns of rows: {:?}", table.columns));
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
    for cell in &table.outside {
        let column = table.columns.get(cell.column).map_or("?", |c| c.header.as_str());
        problems.push(format!(
            "{at}: row {} of the column {column:?} ({:?}) spans {:.0} to {:.0} px, off the screen",
            cell.row, cell.text, cell.left, cell.right
        ));
    }
    page.screenshot_element(&format!("#{}", table.id), &shots_dir().join("cheat-sheet-390px.png"));
    problems.extend(page.faults(&at));
    assert_none("the cheat sheet on a phone", &problems);
}
