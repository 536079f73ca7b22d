//! Every page a reader opens: no console error, no request leaving
//! localhost, every resource it asks for comes back.

use book_harness::assert_none;

use crate::reader::{Reader, Script};
use crate::site::site;

const FAILED_RESOURCES: Script = script!("failed_resources.js");

#[test]
fn every_page_loads_with_no_console_error_and_no_request_leaving_localhost() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let mut problems = Vec::new();
    let pages: Vec<&str> = site.reader_pages().collect();
    for name in &pages {
        page.open(&site.url(name));
        problems.extend(page.faults(name));
        let failed: Vec<String> = page.call(FAILED_RESOURCES, ());
        problems.extend(failed.iter().map(|f| format!("{name}: resource failed: {f}")));
    }
    report!("loaded {} pages: {}", pages.len(), pages.join(", "));
    assert_none("pages a reader opens", &problems);
}
