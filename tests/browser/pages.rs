//! Every page a reader opens: no console error, no request leaving
//! localhost, every resource it asks for comes back.

use book_harness::assert_none;

use crate::reader::{read_each, Screen, Script};
use crate::site::site;

const FAILED_RESOURCES: Script = script!("failed_resources.js");

#[test]
fn every_page_loads_with_no_console_error_and_no_request_leaving_localhost() {
    let pages: Vec<&str> = site().reader_pages().collect();
    let (failed, mut problems) = read_each(Screen::Desktop, &pages, |page, name| {
        let failed: Vec<String> = page.call(FAILED_RESOURCES, ());
        failed.into_iter().map(|f| format!("{name}: resource failed: {f}")).collect::<Vec<_>>()
    });
    problems.extend(failed.into_iter().flatten());
    report!("loaded {} pages: {}", pages.len(), pages.join(", "));
    assert_none("pages a reader opens", &problems);
}
