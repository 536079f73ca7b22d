//! The repository link: the top bar's "Git repository" icon leads to
//! `git-repository-url`, and every `a.repository-address` (the
//! introduction's) takes its address (theme/head.hbs).

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::nullable;
use crate::site::site;
use crate::visits::{visit, REPOSITORY};

#[derive(Debug, Deserialize)]
struct Links {
    #[serde(deserialize_with = "nullable")]
    icon: Option<Link>,
    addresses: Vec<Link>,
}

#[derive(Debug, Deserialize)]
struct Link {
    /// As the browser resolves it.
    href: String,
    /// As the HTML (or the script) wrote it.
    attr: String,
    text: String,
}

#[test]
fn repository_links_lead_to_the_repository() {
    let site = site();
    let mut problems = Vec::new();
    let Some(expected) = site.repository_url.as_deref().filter(|u| !u.is_empty()) else {
        panic!("book.toml: no output.html.git-repository-url: the top bar has no repository link to check");
    };
    // The pages that have such links, from the built HTML: the introduction
    // at least (as itself, as index.html, in print.html).
    let pages: Vec<&str> =
        site.reader_pages().filter(|p| site.html(p).contains("class=\"repository-address\"")).collect();
    let introduction = site.chapters.first().map(|c| c.page.as_str());
    if introduction.is_none_or(|intro| !pages.contains(&intro)) {
        problems.push(format!(
            "the introduction ({introduction:?}) has no <a class=\"repository-address\">: nothing takes the repository's address"
        ));
    }
    let mut checked = 0;
    for name in &pages {
        let links: Links = visit(name).read(REPOSITORY);
        let Some(icon) = links.icon else {
            problems
                .push(format!("{name}: no \"Git repository\" link in the top bar (a[aria-label=\"Git repository\"])"));
            continue;
        };
        if icon.attr.is_empty() || icon.href.trim_end_matches('/') != expected.trim_end_matches('/') {
            problems.push(format!(
                "{name}: the top bar's \"Git repository\" link leads to {:?}, not git-repository-url {expected:?}",
                icon.href
            ));
        }
        if links.addresses.is_empty() {
            problems.push(format!("{name}: its HTML has a repository-address, but the page shows none"));
        }
        for a in &links.addresses {
            checked += 1;
            if a.attr.is_empty() || a.href.is_empty() || a.href != icon.href {
                problems.push(format!(
                    "{name}: the repository link {:?} leads to {:?} (href {:?}), not the top bar's {:?}",
                    a.text, a.href, a.attr, icon.href
                ));
            }
        }
    }
    report!("repository links: {checked} on {} pages lead to {expected}", pages.len());
    assert_none("repository links", &problems);
}
