//! The 404 page (served under site-url, two folders deep) and every
//! chapter's edit link.

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{nullable, tab, Screen, Script};
use crate::site::{root, site, Chapter};
use crate::visits::{visit, EDIT_LINK};

const NOT_FOUND: Script = script!("not_found.js");

#[derive(Debug, Deserialize)]
#[allow(dead_code)] // `title` and `themed` are for the report
struct NotFound {
    #[serde(deserialize_with = "nullable")]
    base: Option<String>,
    title: String,
    h1: String,
    sheets: usize,
    unstyled: Vec<String>,
    themed: String,
    toc: Vec<String>,
}

#[test]
fn not_found_page_site_url_and_edit_links() {
    let site = site();
    let page = tab(Screen::Desktop);
    let mut problems = Vec::new();

    // A mistyped address, two folders deep: the 404 page must still find its
    // styles and scripts (through site-url) and link back into the book.
    let missing = site.url("no/such/chapter.html");
    page.open(&missing);
    // The page itself answers 404, as it must; anything else is a fault.
    let own_404 =
        |p: &String| p.starts_with("404 page: console error: ") && p.contains("status of 404") && p.contains(&missing);
    problems.extend(page.faults("404 page").into_iter().filter(|p| !own_404(p)));
    let seen: NotFound = page.call(NOT_FOUND, ());
    report!("404 page: {seen:?}");
    if seen.base.as_deref() != Some(site.site_url.as_str()) {
        problems.push(format!("404 page: <base href> is {:?} , not site-url {:?}", seen.base, site.site_url));
    }
    if seen.h1.is_empty() {
        problems.push("404 page: no heading tells the reader the page was not found".to_owned());
    }
    if seen.sheets == 0 || !seen.unstyled.is_empty() {
        problems.push(format!("404 page: stylesheets did not load: {:?}", seen.unstyled));
    }
    if seen.toc.is_empty() {
        problems.push("404 page: the sidebar has no links back into the book".to_owned());
    }
    for href in &seen.toc {
        if !href.starts_with(&site.base) {
            problems.push(format!("404 page: sidebar link {href} is outside {}", site.base));
        }
    }

    page.close();

    // Every chapter: an edit link to its own source file.
    for Chapter { page: name, source, .. } in &site.chapters {
        match visit(name).read::<Option<String>>(EDIT_LINK) {
            None => problems.push(format!("{name}: no edit link (book.toml: output.html.edit-url-template)")),
            Some(href) => {
                if !href.starts_with("https://github.com/") || !href.ends_with(&format!("/{source}")) {
                    problems.push(format!("{name}: edit link {href} does not lead to {source} on GitHub"));
                }
                if !root().join(source).is_file() {
                    problems.push(format!("{name}: edit link names {source}, which is not in the repository"));
                }
            }
        }
    }
    report!("edit links checked on {} chapters", site.chapters.len());
    assert_none("404 page and edit links", &problems);
}
