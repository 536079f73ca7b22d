//! Search finds the chapter a reader wants for an API name.

use book_harness::assert_none;

use crate::reader::{tab, Screen, Script};
use crate::site::site;

const SEARCH_READY: Script = script!("search_ready.js");
const SEARCH_RESULTS: Script = script!("search_results.js");

#[test]
fn search_finds_api_names() {
    let site = site();
    let page = tab(Screen::Desktop);
    let mut problems = Vec::new();
    // Each API name, and the chapter a reader searching for it wants: among
    // the chapters whose title has the word, the one that mentions it most.
    for (term, word) in [("yield_now", "yield"), ("JoinHandle", "task")] {
        let best = site
            .chapters
            .iter()
            .filter(|c| c.title.to_lowercase().contains(word))
            .map(|c| (site.main_text(&c.page).matches(term).count(), c.page.as_str()))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, name)| (*n, std::cmp::Reverse(*name)));
        let Some((count, best)) = best else {
            problems.push(format!(
                "no chapter with {word:?} in its title mentions `{term}` yet: nothing for search to find"
            ));
            continue;
        };
        page.open(&site.url("index.html"));
        page.click("#mdbook-search-toggle");
        // The toggle shows the search bar and loads the index.
        let _: bool = page.call(SEARCH_READY, ());
        page.click("#mdbook-searchbar");
        page.tab.type_str(term).unwrap();
        let results: Vec<String> = page.call(SEARCH_RESULTS, ());
        let hit = results.iter().any(|href| href.split(['?', '#']).next().unwrap().ends_with(&format!("/{best}")));
        report!(
            "search `{term}`: {} results; {best} ({count} mentions) {}",
            results.len(),
            if hit { "is among them" } else { "is MISSING" }
        );
        if !hit {
            problems.push(format!("search for `{term}` does not find {best}; it found: {results:?}"));
        }
        problems.extend(page.faults(&format!("search `{term}`")));
    }
    page.close();
    assert_none("search", &problems);
}
