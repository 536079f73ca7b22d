//! Every page a reader opens: no console error, no request leaving
//! localhost, every resource it asks for comes back.

use book_harness::assert_none;

use crate::visits::{visits, FAILED_RESOURCES};

#[test]
fn every_page_loads_with_no_console_error_and_no_request_leaving_localhost() {
    let mut problems = Vec::new();
    for (name, visit) in visits() {
        problems.extend(visit.faults.iter().cloned());
        let failed: Vec<String> = visit.read(FAILED_RESOURCES);
        problems.extend(failed.into_iter().map(|f| format!("{name}: resource failed: {f}")));
    }
    let pages: Vec<&str> = visits().keys().map(String::as_str).collect();
    report!("loaded {} pages: {}", pages.len(), pages.join(", "));
    assert_none("pages a reader opens", &problems);
}
