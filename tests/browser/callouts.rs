//! The four callout kinds: each has its title, its own icon and colour, and
//! readable contrast, in all five themes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use book_harness::assert_none;
use serde::Deserialize;

use crate::reader::{nullable, read_each, Screen, Script};
use crate::site::{shots_dir, site};
use crate::{Kind, ICON_CONTRAST, KINDS, TEXT_CONTRAST, THEMES};

const CALLOUTS: Script = script!("callouts.js");
const SCROLL_TO_CALLOUTS: Script = script!("scroll_to_callouts.js");

/// One callout as `callouts.js` finds it.
#[derive(Debug, Deserialize)]
struct Found {
    kind: String,
    expected: String,
    id: String,
    #[serde(deserialize_with = "nullable")]
    title: Option<Measured>,
}

/// Its title, icon and body, measured.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Measured {
    text: String,
    color: String,
    background: String,
    contrast: f64,
    icon: String,
    icon_color: String,
    icon_contrast: f64,
    icon_ok: bool,
    /// `None`: the callout has no body text.
    #[serde(deserialize_with = "nullable")]
    body_contrast: Option<f64>,
    body_worst: String,
}

/// Where it was measured.
struct Seen {
    page: String,
    theme: &'static str,
    kind: &'static Kind,
    m: Measured,
}

#[test]
fn callouts_have_icon_colour_and_contrast_in_all_five_themes() {
    let site = site();
    let mut problems = Vec::new();

    // The pages with callouts, and which kinds each has (from the built HTML).
    let mut pages: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for name in site.chapter_pages() {
        let html = site.html(name);
        let kinds: Vec<&str> = KINDS.iter().filter(|k| html.contains(k.marker)).map(|k| k.name).collect();
        if !kinds.is_empty() {
            pages.insert(name.to_owned(), kinds);
        }
    }
    for kind in &KINDS {
        if !pages.values().any(|k| k.contains(&kind.name)) {
            problems.push(format!(
                "no chapter has a {} callout yet: the book must show all four kinds (CONTRIBUTING.md, Callouts)",
                kind.name
            ));
        }
    }
    // The page that shows the most kinds: the per-theme screenshot; and the
    // first page with each kind: that kind's screenshot in each theme.
    let showcase = pages
        .iter()
        .max_by_key(|(name, kinds)| (kinds.len(), std::cmp::Reverse((*name).clone())))
        .map(|(n, _)| n.clone());
    let mut first_with: BTreeMap<&str, &str> = BTreeMap::new();
    for (name, kinds) in &pages {
        for kind in kinds {
            first_with.entry(*kind).or_insert(name);
        }
    }

    let shots = shots_dir();
    let names: Vec<&String> = pages.keys().collect();
    // Each page in the five themes, chosen in turn with mdBook's theme menu.
    let (found, faults) = read_each(Screen::Desktop, &names, |page, name| {
        let mut seen = Vec::new();
        let mut problems = Vec::new();
        for theme in THEMES {
            if !page.choose_theme(theme) {
                problems.push(format!("{name}: theme {theme} was not applied"));
                continue;
            }
            let mut shot_taken: BTreeSet<&str> = BTreeSet::new();
            let found: Vec<Found> = page.call(CALLOUTS, (&KINDS,));
            for r in found {
                let kind = KINDS.iter().find(|k| k.name == r.kind).expect("callouts.js names a kind of KINDS");
                let Some(m) = r.title else {
                    problems.push(format!("{name}: a {} callout has no title (CONTRIBUTING.md, Callouts)", kind.name));
                    continue;
                };
                if m.text != r.expected {
                    problems
                        .push(format!("{name}: a {} callout is titled {:?}, not {:?}", kind.name, m.text, r.expected));
                }
                if first_with.get(kind.name) == Some(&name.as_str()) && shot_taken.insert(kind.name) {
                    let file = shots.join(format!("callout-{theme}-{}.png", kind.name));
                    page.screenshot_element(&format!("#{}", r.id), &file);
                }
                seen.push(Seen { page: (*name).clone(), theme, kind, m });
            }
            if showcase.as_ref() == Some(*name) {
                let _: bool = page.call(SCROLL_TO_CALLOUTS, ());
                page.screenshot_viewport(&shots.join(format!("callouts-{theme}.png")));
            }
        }
        (seen, problems)
    });
    problems.extend(faults);
    let mut seen: Vec<Seen> = Vec::new();
    for (s, p) in found {
        seen.extend(s);
        problems.extend(p);
    }

    let table = contrast_table(&seen);
    report!("callout contrast (WCAG ratio; text >= {TEXT_CONTRAST}, icon >= {ICON_CONTRAST}), worst of n callouts:\n{table}");
    std::fs::write(shots.join("callout-contrast.txt"), &table).unwrap();

    for Seen { page, theme, kind, m } in &seen {
        let at = format!("{page} [{theme}] {} callout", kind.name);
        if m.contrast < TEXT_CONTRAST {
            problems.push(format!(
                "{at}: title {} on {} is {:.2}:1 (< {TEXT_CONTRAST})",
                m.color, m.background, m.contrast
            ));
        }
        if let Some(body) = m.body_contrast.filter(|c| *c < TEXT_CONTRAST) {
            problems.push(format!("{at}: body text {body:.2}:1 (< {TEXT_CONTRAST}): {}", m.body_worst));
        }
        if !m.icon_ok {
            problems.push(format!("{at}: no icon renders ({})", m.icon));
        }
        if m.icon_contrast < ICON_CONTRAST {
            problems.push(format!("{at}: icon {} is {:.2}:1 (< {ICON_CONTRAST})", m.icon_color, m.icon_contrast));
        }
    }
    // Each kind its own icon, and in each theme its own colour.
    let mut icons: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in &seen {
        icons.entry(s.m.icon.as_str()).or_default().insert(s.kind.name);
    }
    for (icon, kinds) in &icons {
        if kinds.len() > 1 {
            problems.push(format!("the kinds {kinds:?} share one icon ({icon})"));
        }
    }
    // Told apart at a glance: the kinds' hues lie at least 30 degrees apart.
    for theme in THEMES {
        let mut hues: BTreeMap<&str, f64> = BTreeMap::new();
        for s in seen.iter().filter(|s| s.theme == theme) {
            hues.entry(s.kind.name).or_insert_with(|| hue(&s.m.color));
        }
        let list: Vec<(&&str, &f64)> = hues.iter().collect();
        for (i, (a, ha)) in list.iter().enumerate() {
            for (b, hb) in &list[i + 1..] {
                let d = (*ha - *hb).abs();
                let d = d.min(360.0 - d);
                if d < 30.0 {
                    problems.push(format!(
                        "[{theme}] the {a} and {b} callouts have nearly the same hue ({ha:.0} and {hb:.0} degrees)"
                    ));
                }
            }
        }
    }
    for theme in THEMES {
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
        let mut colours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for s in seen.iter().filter(|s| s.theme == theme) {
            colours.entry(s.kind.name).or_default().insert(s.m.color.as_str());
        }
        for (kind, cs) in &colours {
            for c in cs {
                if let Some(other) = owner.insert(c, kind) {
                    if other != *kind {
                        problems.push(format!("[{theme}] the {other} and {kind} callouts share the colour {c}"));
                    }
                }
            }
        }
    }
    assert_none("callouts", &problems);
}

/// The worst case of each kind in each theme.
fn contrast_table(seen: &[Seen]) -> String {
    let mut table = String::new();
    writeln!(
        table,
        "{:<7} {:<12} {:>2}  {:<9} {:<9} {:>6}  {:<9} {:>6}  {:>6}  worst body text",
        "theme", "kind", "n", "title", "backgr.", "title", "icon", "icon", "body"
    )
    .unwrap();
    let mut summary: BTreeMap<(usize, usize), Vec<&Seen>> = BTreeMap::new();
    for s in seen {
        let t = THEMES.iter().position(|t| *t == s.theme).unwrap();
        let k = KINDS.iter().position(|k| k.name == s.kind.name).unwrap();
        summary.entry((t, k)).or_default().push(s);
    }
    let body = |s: &Seen| s.m.body_contrast.unwrap_or(f64::INFINITY);
    for ((t, k), list) in &summary {
        let worst_title = list.iter().min_by(|a, b| a.m.contrast.total_cmp(&b.m.contrast)).unwrap();
        let worst_icon = list.iter().min_by(|a, b| a.m.icon_contrast.total_cmp(&b.m.icon_contrast)).unwrap();
        let worst_body = list.iter().min_by(|a, b| body(a).total_cmp(&body(b))).unwrap();
        writeln!(
            table,
            "{:<7} {:<12} {:>2}  {:<9} {:<9} {:>6.2}  {:<9} {:>6.2}  {:>6.2}  {} ({})",
            THEMES[*t],
            KINDS[*k].name,
            list.len(),
            worst_title.m.color,
            worst_title.m.background,
            worst_title.m.contrast,
            worst_icon.m.icon_color,
            worst_icon.m.icon_contrast,
            body(worst_body),
            worst_body.m.body_worst,
            worst_body.page,
        )
        .unwrap();
    }
    table
}

/// The hue, in degrees, of a `#rrggbb` colour.
fn hue(hex: &str) -> f64 {
    let v = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0;
    let (r, g, b) = (v(1), v(3), v(5));
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let d = max - min;
    if d == 0.0 {
        return 0.0;
    }
    let h = if max == r {
        ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    h * 60.0
}
