//! What several checks read from every page, gathered on one visit of each
//! page (read side by side), by whichever check asks first: the checks that
//! only read a page share its visit instead of each opening every page.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::reader::{read_each, ReaderTab, Screen, Script};
use crate::site::site;

/// The scripts every page's visit runs: each only reads the page.
pub const FAILED_RESOURCES: Script = script!("failed_resources.js");
pub const FIRST_HEADING: Script = script!("first_heading.js");
pub const EDIT_LINK: Script = script!("edit_link.js");
pub const REPOSITORY: Script = script!("repository.js");
pub const CODE_BLOCKS: Script = script!("code_blocks.js");
/// Last: it scrolls each label of a diagram into view.
pub const DIAGRAMS: Script = script!("diagrams.js");
const READ: [Script; 6] = [FAILED_RESOURCES, FIRST_HEADING, EDIT_LINK, REPOSITORY, CODE_BLOCKS, DIAGRAMS];

/// One page, as its visit found it.
pub struct Visit {
    /// Its console errors and requests leaving localhost (the `pages` check
    /// reports them).
    pub faults: Vec<String>,
    read: BTreeMap<&'static str, Value>,
}

impl Visit {
    /// What `script` (one of `READ`) returned on this page, as a `T`.
    #[track_caller]
    pub fn read<T: DeserializeOwned>(&self, script: Script) -> T {
        let value = self.read.get(script.name).unwrap_or_else(|| panic!("visits run no {}", script.name));
        serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("{}: its result is not a {}: {e}", script.name, std::any::type_name::<T>()))
    }
}

/// Every page a reader opens, visited once at a laptop's width.
pub fn visits() -> &'static BTreeMap<String, Visit> {
    static VISITS: OnceLock<BTreeMap<String, Visit>> = OnceLock::new();
    VISITS.get_or_init(|| visit_each(Screen::Desktop, |page, _| page.call_each(&READ)))
}

/// Every page a reader opens, visited once on a phone: what the phone checks
/// read there, in this order (each keyed by its script's name): the page's
/// overflow (`narrow`), axe (`accessibility`), then, on the first page only,
/// the overflow canary, which adds a line that runs off the side (`narrow`).
pub fn phone_visits() -> &'static BTreeMap<String, Visit> {
    static VISITS: OnceLock<BTreeMap<String, Visit>> = OnceLock::new();
    VISITS.get_or_init(|| {
        let axe = crate::accessibility::axe_core();
        let first = site().reader_pages().next().unwrap_or_default();
        visit_each(Screen::Phone, |page, name| {
            let mut read = BTreeMap::new();
            read.extend(crate::narrow::on_phone(page));
            read.extend(crate::accessibility::on_phone(page, name, &axe));
            if name == first {
                read.extend(crate::narrow::canary_on_phone(page));
            }
            read
        })
    })
}

/// The phone visit of `page`.
#[track_caller]
pub fn phone_visit(page: &str) -> &'static Visit {
    phone_visits().get(page).unwrap_or_else(|| panic!("no page {page} was visited on a phone"))
}

fn visit_each(
    screen: Screen,
    look: impl Fn(&ReaderTab, &str) -> BTreeMap<&'static str, Value> + Sync,
) -> BTreeMap<String, Visit> {
    {
        let pages: Vec<&str> = site().reader_pages().collect();
        let (read, faults) = read_each(screen, &pages, |page, name| (name.to_string(), look(page, name)));
        // Faults come named by page, in the order of `pages`.
        let mut visits: BTreeMap<String, Visit> =
            read.into_iter().map(|(name, read)| (name, Visit { faults: Vec::new(), read })).collect();
        for fault in faults {
            let name = fault.split(':').next().unwrap_or_default().to_owned();
            visits.get_mut(&name).expect("a fault names its page").faults.push(fault);
        }
        visits
    }
}

/// The visit of `page`.
#[track_caller]
pub fn visit(page: &str) -> &'static Visit {
    visits().get(page).unwrap_or_else(|| panic!("no page {page} was visited"))
}
