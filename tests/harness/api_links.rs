//! API names: every tokio, futures or std item and every asyncio name the
//! prose names in code links to its documentation at the version the tests
//! use, and the name exists there.
//!
//! The markup is a shortcut reference link, `` [`JoinHandle::abort`] ``, with
//! its definition at the chapter's foot:
//!
//! ```text
//! [`JoinHandle::abort`]: https://docs.rs/tokio/1.54.1/tokio/task/struct.JoinHandle.html#method.abort
//! [`asyncio.create_task`]: https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task
//! ```
//!
//! - The policy ([`Book::unlinked_api_names`]): in each chapter, the first
//!   mention of an API name in prose (code spans outside headings and outside
//!   links to other places) is a link. An API name is a qualified one
//!   (`tokio::…`, `tokio_util::…`, `futures::…`, `std::…`, `asyncio.…`), a
//!   call of one or its attribute, or any name some chapter links.
//! - The proof ([`Book::api_link_problems`]): each link's version is the one
//!   `Cargo.lock`, `rust-toolchain.toml` or the claimed CPythons give; rustdoc
//!   resolves the item path the URL spells out (and a qualified name as
//!   written) in a generated crate that depends on this workspace's own tokio
//!   and futures, with broken intra-doc links denied, and the page and anchor
//!   it links to are the URL's (and docs.rs has a page there: no
//!   `#[doc(no_inline)]` or `#[doc(hidden)]` re-export); each asyncio name is
//!   imported and looked up on every claimed CPython found, and its page is
//!   the one of the asyncio module that defines it.
//!
//! `linkify.py` (kept by the team outside the repository) applies the policy:
//! it links each chapter's first mentions and rewrites the definitions.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use regex::Regex;

use crate::book::Book;
use crate::markdown::Chapter;
use crate::pythons::{self, Python};
use crate::sources::{self, Crate};
use crate::versions::minor_order;

/// A regex compiled once (these run for every code span of the book).
macro_rules! re {
    ($pattern:expr) => {{
        static COMPILED: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| Regex::new($pattern).unwrap());
        &*COMPILED
    }};
}

const DOCS_RS: &str = "https://docs.rs/";
const STD_DOCS: &str = "https://doc.rust-lang.org/";
const PYTHON_DOCS: &str = "https://docs.python.org/";

/// What the tests use: the crates of `Cargo.lock`, the pinned toolchain, the
/// CPythons found of those the book claims, and where this test binary's
/// dependencies were compiled (rustdoc reads tokio and futures from there).
pub struct Pins {
    pub crates: HashMap<String, Crate>,
    /// `1.95.0`, from `rust-toolchain.toml`.
    pub rust: String,
    pub pythons: Vec<Python>,
    pub deps: PathBuf,
}

impl Pins {
    pub fn load(workspace: &Path) -> Result<Pins, String> {
        let toolchain = workspace.join("rust-toolchain.toml");
        let text = std::fs::read_to_string(&toolchain).map_err(|e| format!("{}: {e}", toolchain.display()))?;
        let channel = Regex::new(r#"(?m)^\s*channel\s*=\s*"([^"]+)""#).unwrap();
        let rust = channel
            .captures(&text)
            .map(|c| c[1].to_owned())
            .ok_or_else(|| format!("{}: no `channel = \"X.Y.Z\"`", toolchain.display()))?;
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        // `cargo metadata` while the interpreters are probed.
        let (crates, pythons) = std::thread::scope(|s| {
            let pythons = s.spawn(|| pythons::choose(pythons::found(), false).unwrap_or_default());
            (sources::crates(workspace), pythons.join().unwrap())
        });
        let deps = exe.parent().unwrap_or(Path::new(".")).to_path_buf();
        Ok(Pins { crates: crates?, rust, pythons, deps })
    }

    fn locked(&self, package: &str) -> Option<&str> {
        self.crates.get(package).map(|c| c.version.as_str())
    }
}

/// One link from the prose into API documentation.
#[derive(Debug, Clone)]
pub struct ApiLink {
    pub chapter: PathBuf,
    /// 1-based line of the link in the chapter's source.
    pub line: usize,
    /// The name, when the link's text is one code span: `JoinHandle::abort`.
    pub name: Option<String>,
    pub url: String,
    pub title: String,
}

/// A code span of the prose, and whether it sits in an API link.
struct Mention {
    line: usize,
    text: String,
    linked: bool,
    /// `[`x`]` that is no link: the chapter lacks its definition.
    bracketed: bool,
}

impl Book {
    /// Every link of the book into docs.rs, the standard library's or Python's documentation.
    pub fn api_links(&self) -> Vec<ApiLink> {
        self.chapters.iter().flat_map(|c| scan(c).0).collect()
    }

    /// The first mention of each API name in a chapter's prose that is not a
    /// link to its documentation.
    pub fn unlinked_api_names(&self) -> Vec<String> {
        let linked: BTreeSet<String> =
            self.api_links().into_iter().filter_map(|l| l.name).map(|n| name_of(&n)).collect();
        let mut problems = Vec::new();
        for chapter in &self.chapters {
            let mut seen = BTreeSet::new();
            for mention in scan(chapter).1 {
                if mention.bracketed {
                    problems.push(format!(
                        "{}:{}: [`{}`] is no link: the chapter's foot has no definition `[`{}`]: URL` for it",
                        chapter.source.display(),
                        mention.line,
                        mention.text,
                        mention.text
                    ));
                }
                let name = name_of(&mention.text);
                let api = linked.contains(&name) || qualified_name(&mention.text).is_some();
                if api && seen.insert(name) && !mention.linked {
                    problems.push(format!(
                        "{}:{}: `{}` is this chapter's first mention of an API name: link it to its documentation \
                         ([`{}`], with the definition at the chapter's foot; CONTRIBUTING: Name an API)",
                        chapter.source.display(),
                        mention.line,
                        mention.text,
                        mention.text
                    ));
                }
            }
            problems.extend(definitions_shown_as_text(chapter));
        }
        problems
    }

    /// Every API link whose version is not the one the tests use, whose name
    /// does not exist there, or whose page or anchor is not where the name is
    /// documented.
    pub fn api_link_problems(&self, pins: &Pins) -> Vec<String> {
        let mut problems = Vec::new();
        let mut rust = Vec::new();
        let mut python = Vec::new();
        let mut seen = BTreeSet::new();
        for link in self.api_links() {
            // One report per chapter and definition, at its first use.
            if !seen.insert((link.chapter.clone(), link.name.clone(), link.url.clone())) {
                continue;
            }
            let at = format!(
                "{}:{}: {} ({})",
                link.chapter.display(),
                link.line,
                link.name.as_ref().map_or("the link".to_owned(), |n| format!("`{n}`")),
                link.url
            );
            let parsed = if link.url.starts_with(PYTHON_DOCS) {
                python_target(&link).map(|t| python.extend(t.map(|t| (at.clone(), t))))
            } else {
                rust_target(&link, pins).map(|t| rust.push((at.clone(), t)))
            };
            if let Err(e) = parsed {
                problems.push(format!("{at}: {e}"));
            }
        }
        // rustdoc and the CPythons at once: each takes a few hundred milliseconds.
        let (rustdoc, cpython) = std::thread::scope(|s| {
            let cpython = s.spawn(|| python_check(&python, pins));
            (rustdoc_check(&rust, pins), cpython.join().unwrap())
        });
        problems.extend(rustdoc);
        problems.extend(cpython);
        // In page order, each once (a qualified name is resolved twice: as
        // its URL spells it and as written).
        let place = |p: &String| {
            let mut parts = p.splitn(3, ':');
            (parts.next().unwrap_or_default().to_owned(), parts.next().and_then(|l| l.parse::<usize>().ok()))
        };
        problems.sort_by_key(place);
        problems.dedup();
        problems
    }
}

/// Lines written as link definitions that mdBook does not take for one (a
/// label holding brackets, a definition right under a paragraph line): the
/// page would show them as text, and their links would be missing.
fn definitions_shown_as_text(chapter: &Chapter) -> Vec<String> {
    let options = mdbook_markdown::MarkdownOptions::default();
    let parser = mdbook_markdown::new_cmark_parser(&chapter.raw, &options);
    let starts: BTreeSet<usize> = parser.reference_definitions().iter().map(|(_, d)| d.span.start).collect();
    let written = Regex::new(r"(?m)^\[[^\n]*\]:[ \t]+https?://").unwrap();
    written
        .find_iter(&chapter.raw)
        .filter(|m| !starts.contains(&m.start()))
        .map(|m| {
            format!(
                "{}:{}: `{}…` is not a link definition (a label holds no brackets, and a definition follows a blank \
                 line or another definition): the page shows it as text",
                chapter.source.display(),
                chapter.raw[..m.start()].matches('\n').count() + 1,
                m.as_str().trim_end_matches("https://").trim_end_matches("http://").trim_end()
            )
        })
        .collect()
}

/// A link being read: its URL and title, its line, its text (code spans as
/// written, marked `true`), and whether it goes into API documentation.
struct OpenLink {
    url: String,
    title: String,
    line: usize,
    text: Vec<(bool, String)>,
    api: bool,
}

/// What a CPython says of each name: whether it exists, and the asyncio
/// module defining it (or why it does not exist).
type Answers = BTreeMap<String, (bool, Option<String>)>;

/// The API links and the code spans of a chapter's prose, in order.
fn scan(chapter: &Chapter) -> (Vec<ApiLink>, Vec<Mention>) {
    let options = mdbook_markdown::MarkdownOptions::default();
    let parser = mdbook_markdown::new_cmark_parser(&chapter.raw, &options).into_offset_iter();
    let line_of = |offset: usize| chapter.raw[..offset].matches('\n').count() + 1;
    let (mut links, mut mentions) = (Vec::new(), Vec::new());
    let mut heading = false;
    let mut open: Option<OpenLink> = None;
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => heading = false,
            Event::Start(Tag::Link { dest_url, title, .. }) => {
                let api = [DOCS_RS, STD_DOCS, PYTHON_DOCS].iter().any(|h| dest_url.starts_with(h));
                open = Some(OpenLink {
                    url: dest_url.to_string(),
                    title: title.to_string(),
                    line: line_of(range.start),
                    text: Vec::new(),
                    api,
                });
            }
            Event::End(TagEnd::Link) => {
                let Some(OpenLink { url, title, line, text, api }) = open.take() else { continue };
                if !api {
                    continue;
                }
                let name = match text.as_slice() {
                    [(true, code)] => Some(code.clone()),
                    _ => None,
                };
                links.push(ApiLink { chapter: chapter.source.clone(), line, name, url, title });
            }
            Event::Code(code) => match open.as_mut() {
                Some(OpenLink { text, api, .. }) => {
                    text.push((true, code.to_string()));
                    if *api && !heading {
                        let line = line_of(range.start);
                        mentions.push(Mention { line, text: code.to_string(), linked: true, bracketed: false });
                    }
                }
                None if !heading => {
                    // (A definition mdBook did not take is reported as such.)
                    let after = &chapter.raw[range.end..];
                    let bracketed =
                        chapter.raw[..range.start].ends_with('[') && after.starts_with(']') && !after.starts_with("]:");
                    let line = line_of(range.start);
                    mentions.push(Mention { line, text: code.to_string(), linked: false, bracketed })
                }
                None => {}
            },
            Event::Text(text) => {
                if let Some(link) = open.as_mut() {
                    link.text.push((false, text.to_string()));
                }
            }
            _ => {}
        }
    }
    (links, mentions)
}

/// The item a code span names, when the span is a qualified name, a call of
/// one or the attribute it is: `tokio::spawn`, `tokio::spawn(fut)`,
/// `tokio::task::yield_now().await`, `tokio::join!(a(), b())`,
/// `#[tokio::main]`, `asyncio.create_task()`, `await asyncio.sleep(0)` all
/// name their path (`tokio::join!`, with its `!`).
pub fn qualified_name(text: &str) -> Option<String> {
    let rust = re!(
        r"^(?:#\[)?((?:tokio|tokio_util|futures|std|core)(?:::[A-Za-z_][A-Za-z0-9_]*)+!?)(?:\((?:[^()]|\([^()]*\))*\))?(?:\.await)?\]?$"
    );
    let python = re!(r"^(?:await )?(asyncio(?:\.[A-Za-z_][A-Za-z0-9_]*)+)(?:\((?:[^()]|\([^()]*\))*\))?$");
    let attribute = text.starts_with("#[");
    match rust.captures(text) {
        Some(c) if attribute == text.ends_with(']') => return Some(c[1].to_owned()),
        _ => {}
    }
    python.captures(text).map(|c| c[1].to_owned())
}

/// The name a mention stands for: its qualified name, or itself.
fn name_of(text: &str) -> String {
    qualified_name(text).unwrap_or_else(|| text.to_owned())
}

/// The segments of a name as written: `JoinHandle::abort()` → `[JoinHandle, abort]`.
fn segments<'a>(name: &'a str, separator: &str) -> Vec<&'a str> {
    // `Pin<&mut T>` names `Pin`, `Runtime::new()` names `Runtime::new`.
    let name = name.split(['<', '(']).next().unwrap_or(name);
    name.trim_end_matches('!').split(separator).collect()
}

/// What rustdoc must resolve for a Rust link: the item path its URL spells
/// out, the name as written when qualified, and the page and anchor.
struct RustTarget {
    /// `method@tokio::task::JoinHandle::abort`
    query: String,
    /// The name as written, when it names its crate: rustdoc must find the same item.
    written: Option<String>,
    /// `struct.JoinHandle.html#method.abort` (for a module, its path: `tokio/task/index.html`).
    page: String,
    /// For the standard library: `https://doc.rust-lang.org/1.95.0/`.
    std_root: Option<String>,
}

fn rust_target(link: &ApiLink, pins: &Pins) -> Result<RustTarget, String> {
    let docs_rs = re!(r"^https://docs\.rs/([A-Za-z0-9_-]+)/([^/]+)/([A-Za-z0-9_]+)/(.*)$");
    let std = re!(r"^https://doc\.rust-lang\.org/([^/]+)/(std|core|alloc)/(.*)$");
    let (krate, rest, std_root) = if let Some(c) = docs_rs.captures(&link.url) {
        let (package, version) = (&c[1], &c[2]);
        match pins.locked(package) {
            None => return Err(format!("{package} is not a crate of Cargo.lock")),
            Some(locked) if locked != version => {
                return Err(format!(
                    "links to {package} {version}, but Cargo.lock has {package} {locked}: \
                     link https://docs.rs/{package}/{locked}/…"
                ))
            }
            Some(_) => {}
        }
        if let Some(problem) = not_inlined(&pins.crates[package], &c[4]) {
            return Err(problem);
        }
        (c[3].to_owned(), c[4].to_owned(), None)
    } else if let Some(c) = std.captures(&link.url) {
        if c[1] != pins.rust {
            return Err(format!(
                "links to the standard library of Rust {}, but rust-toolchain.toml pins {}: link {STD_DOCS}{}/…",
                &c[1], pins.rust, pins.rust
            ));
        }
        (c[2].to_owned(), c[3].to_owned(), Some(format!("{STD_DOCS}{}/", &c[1])))
    } else {
        return Err(format!(
            "is not a page of an item's documentation: write {DOCS_RS}CRATE/VERSION/CRATE/PATH or \
             {STD_DOCS}{}/std/PATH",
            pins.rust
        ));
    };
    let (file, fragment) = rest.split_once('#').unwrap_or((&rest, ""));
    let page_form = re!(r"^((?:[A-Za-z0-9_]+/)*)(?:index\.html|([a-z]+)\.([A-Za-z0-9_]+)\.html)$");
    let Some(p) = page_form.captures(file) else {
        return Err("is not a page of an item (…/index.html or …/KIND.NAME.html)".into());
    };
    let mut path: Vec<String> =
        std::iter::once(krate).chain(p[1].split('/').filter(|s| !s.is_empty()).map(str::to_owned)).collect();
    let mut kind = "mod";
    if let (Some(k), Some(name)) = (p.get(2), p.get(3)) {
        kind = k.as_str();
        path.push(name.as_str().to_owned());
    }
    let member = re!(r"^([a-z]+)\.([A-Za-z0-9_]+)$");
    let page;
    if let Some(m) = member.captures(fragment) {
        kind = &fragment[..m[1].len()];
        path.push(m[2].to_owned());
        page = format!("{}#{fragment}", file.rsplit('/').next().unwrap());
    } else {
        // A section of the page (`#shutdown`) or none: the item is the page's.
        page = if kind == "mod" { file.to_owned() } else { file.rsplit('/').next().unwrap().to_owned() };
    }
    let disambiguator = match kind {
        "fn" | "method" | "tymethod" => "fn",
        "attr" | "macro" => "macro",
        "constant" | "associatedconstant" => "const",
        "associatedtype" => "type",
        "structfield" => "field",
        "primitive" => "prim",
        other => other,
    };
    let item = path.join("::");
    if let Some(name) = &link.name {
        let written = segments(name, "::");
        if qualified_name(name).is_none() && !path.ends_with(&written.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        {
            return Err(format!("names `{name}`, but the link goes to the documentation of `{item}`"));
        }
    }
    let written = link.name.as_deref().and_then(qualified_name);
    Ok(RustTarget { query: format!("{disambiguator}@{item}"), written, page, std_root })
}

/// rustdoc resolves a name through any public re-export, but docs.rs has a
/// page for it there only if the re-export is inlined and shown: one marked
/// `#[doc(no_inline)]` or `#[doc(hidden)]` in the module's source (in cargo's
/// copy of the crate) has none. `page` is the URL's part after the crate: `trait.FutureExt.html`.
fn not_inlined(krate: &Crate, page: &str) -> Option<String> {
    let form = re!(r"^((?:[A-Za-z0-9_]+/)*)[a-z]+\.([A-Za-z0-9_]+)\.html");
    let c = form.captures(page)?;
    let modules = c[1].trim_end_matches('/');
    let src = krate.dir.join("src");
    let files = if modules.is_empty() {
        vec![src.join("lib.rs")]
    } else {
        vec![src.join(format!("{modules}.rs")), src.join(modules).join("mod.rs")]
    };
    let text = files.iter().find_map(|f| std::fs::read_to_string(f).ok())?;
    let name = regex::escape(&c[2]);
    let reexport =
        Regex::new(&format!(r"#\[doc\((no_inline|hidden)\)\]\s*(?:#\[[^\]]*\]\s*)*pub use [^;]*\b{name}\b[^;]*;"))
            .unwrap();
    reexport.captures(&text).map(|r| {
        format!(
            "docs.rs has no page for `{}` there: {} re-exports it with #[doc({})]; link the module that \
             documents it",
            &c[2], krate.name, &r[1]
        )
    })
}

/// Resolves every Rust link's item with rustdoc, in one generated crate, and
/// compares the page and anchor rustdoc links to with each URL's.
fn rustdoc_check(targets: &[(String, RustTarget)], pins: &Pins) -> Vec<String> {
    if targets.is_empty() {
        return Vec::new();
    }
    // One doc line per distinct path: line i + 1 is queries[i].
    let mut queries: Vec<String> = Vec::new();
    for (_, t) in targets {
        for q in std::iter::once(&t.query).chain(&t.written) {
            if !queries.contains(q) {
                queries.push(q.clone());
            }
        }
    }
    let at_of = |query: &str| -> Vec<&String> {
        targets
            .iter()
            .filter(|(_, t)| t.query == query || t.written.as_deref() == Some(query))
            .map(|(at, _)| at)
            .collect()
    };
    let resolved = match resolve(&queries, pins) {
        Ok(resolved) => resolved,
        Err(failures) => {
            let mut problems = Vec::new();
            for (query, message) in failures {
                match query {
                    Some(query) => {
                        let item = query.split_once('@').map_or(query.as_str(), |(_, i)| i);
                        for at in at_of(&query) {
                            problems.push(format!(
                                "{at}: rustdoc finds no `{item}` in the crates the tests use: {message}"
                            ));
                        }
                    }
                    None => problems.push(message),
                }
            }
            return problems;
        }
    };
    let mut problems = Vec::new();
    for (at, target) in targets {
        let Some((href, title)) = resolved.get(&target.query) else {
            problems.push(format!("{at}: rustdoc resolved it, but to no page (is its crate among Cargo.lock's?)"));
            continue;
        };
        let matches = if target.page.ends_with("index.html") && !target.page.contains('#') {
            href.ends_with(&format!("/{}", target.page)) || href == &target.page
        } else {
            href.rsplit('/').next() == Some(target.page.as_str())
                || (!target.page.contains('#')
                    && href.rsplit('/').next().and_then(|h| h.split('#').next()) == Some(&target.page))
        };
        if !matches {
            problems.push(format!(
                "{at}: rustdoc documents {title} at {href}: the URL must end …/{}",
                href.rsplit('/').next().unwrap_or(href)
            ));
        }
        if let (Some(root), false) = (&target.std_root, target.std_root.as_ref().is_some_and(|r| href.starts_with(r))) {
            problems.push(format!("{at}: rustdoc links the standard library at {href}, not under {root}"));
        }
        if let Some(written) = &target.written {
            if resolved.get(written).map(|(h, _)| h) != Some(href) {
                problems.push(format!("{at}: `{written}` is not the item the URL documents ({title})"));
            }
        }
    }
    problems
}

/// rustdoc's href and title for each query.
type Resolved = HashMap<String, (String, String)>;

/// Where rustdoc links each query (`method@tokio::task::JoinHandle::abort`):
/// its href and title, or the queries it cannot resolve, with its message.
/// One rustdoc run over a generated crate (about a second); nothing is kept
/// between runs, so nothing can go stale.
fn resolve(queries: &[String], pins: &Pins) -> Result<Resolved, Vec<(Option<String>, String)>> {
    let fail = |message: String| Err(vec![(None, message)]);
    let source: String = queries.iter().enumerate().map(|(i, q)| format!("//! - [L{i}]({q})\n")).collect();
    let program = std::env::var("RUSTDOC").unwrap_or_else(|_| "rustdoc".into());
    let workspace = env!("CARGO_MANIFEST_DIR"); // its rust-toolchain.toml picks the toolchain
                                                // tokio and futures, and any other crate a link names (tokio_util…),
                                                // as the workspace built them.
    let mut crates: BTreeSet<&str> = BTreeSet::from(["tokio", "futures"]);
    for query in queries {
        let path = query.split_once('@').map_or(query.as_str(), |(_, p)| p);
        crates.extend(path.split("::").next().filter(|c| !matches!(*c, "std" | "core" | "alloc")));
    }
    let mut externs = Vec::new();
    for krate in crates {
        match newest_rlib(&pins.deps, krate) {
            Some(rlib) => externs.push((krate, rlib)),
            None => return fail(format!("no lib{krate}-*.rlib in {}: build the tests first", pins.deps.display())),
        }
    }
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("doc");
    // rustdoc links to a crate whose documentation seems to be beside its
    // own (a directory of that name): the hrefs then name the item's page.
    for krate in pins.crates.keys() {
        std::fs::create_dir_all(out.join(krate.replace('-', "_"))).unwrap();
    }
    std::fs::write(work.path().join("lib.rs"), &source).unwrap();
    let mut rustdoc = Command::new(&program);
    rustdoc
        .current_dir(workspace)
        .args(["--edition", "2021", "--crate-type", "lib", "--crate-name", "api_names", "--error-format", "json"])
        .args(["-D", "rustdoc::broken_intra_doc_links", "-o"])
        .arg(&out)
        .arg(work.path().join("lib.rs"))
        .arg("-L")
        .arg(format!("dependency={}", pins.deps.display()));
    for (krate, rlib) in &externs {
        rustdoc.arg("--extern").arg(format!("{krate}={}", rlib.display()));
    }
    let output = match rustdoc.output() {
        Ok(output) => output,
        Err(e) => return fail(format!("could not run rustdoc: {e}")),
    };
    if !output.status.success() {
        let mut failures = Vec::new();
        for line in String::from_utf8_lossy(&output.stderr).lines() {
            let Ok(diagnostic) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let message = diagnostic["message"].as_str().unwrap_or_default().to_owned();
            let line = diagnostic["spans"][0]["line_start"].as_u64();
            match line.and_then(|l| queries.get(l as usize - 1)) {
                Some(query) => failures.push((Some(query.clone()), message)),
                None if diagnostic["level"] == "error" && !message.starts_with("aborting") => {
                    failures.push((None, format!("rustdoc failed on the API names: {message}")))
                }
                None => {}
            }
        }
        if failures.is_empty() {
            return fail(format!("rustdoc failed on the API names:\n{}", String::from_utf8_lossy(&output.stderr)));
        }
        return Err(failures);
    }
    let html = std::fs::read_to_string(out.join("api_names/index.html")).unwrap_or_default();
    let anchor = re!(r#"<a href="([^"]*)"(?: title="([^"]*)")?>L(\d+)</a>"#);
    let mut resolved = Resolved::new();
    for c in anchor.captures_iter(&html) {
        let i: usize = c[3].parse().unwrap();
        let title = c.get(2).map_or("", |m| m.as_str()).to_owned();
        resolved.insert(queries[i].clone(), (c[1].to_owned(), title));
    }
    Ok(resolved)
}

/// The newest `lib<name>-*.rlib` in `deps` (cargo gives each build of a
/// crate its own hash; this test binary's dependencies are the newest).
fn newest_rlib(deps: &Path, name: &str) -> Option<PathBuf> {
    let prefix = format!("lib{name}-");
    std::fs::read_dir(deps)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "rlib")
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix))
        })
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
}

/// A Python name to look up, with the page its link names.
struct PythonTarget {
    /// `asyncio.Future.set_result`
    anchor: String,
    /// `asyncio-future`
    page: String,
    /// `3.13` when the link's title says "new in Python 3.13".
    since: Option<String>,
}

fn python_target(link: &ApiLink) -> Result<Option<PythonTarget>, String> {
    let form = re!(r"^https://docs\.python\.org/(3|3\.\d+)/([a-z]+)/([A-Za-z0-9_.-]+)\.html(?:#(.*))?$");
    let Some(c) = form.captures(&link.url) else {
        return Err("is not a page of Python's documentation (https://docs.python.org/3/library/PAGE.html#NAME)".into());
    };
    let version = &c[1];
    if version != "3" && !pythons::CLAIMED.contains(&version) {
        return Err(format!(
            "links to Python {version}'s documentation, which is not a claimed CPython ({}): link /3/",
            pythons::CLAIMED.join(", ")
        ));
    }
    let Some(anchor) = c.get(4).map(|m| m.as_str().to_owned()).filter(|a| &c[2] == "library" && a.contains('.')) else {
        return Ok(None); // a page or a section of it, not a name
    };
    if let Some(name) = &link.name {
        let name = name_of(name);
        let written = segments(&name, ".");
        if !anchor.split('.').collect::<Vec<_>>().ends_with(&written) {
            return Err(format!("names `{name}`, but the link goes to the documentation of `{anchor}`"));
        }
    }
    let since = re!(r"new in Python (3\.\d+)").captures(&link.title).map(|c| c[1].to_owned());
    Ok(Some(PythonTarget { anchor, page: c[3].to_owned(), since }))
}

/// Looks every name up on each claimed CPython found, in one run each.
const PROBE: &str = r#"
import importlib, json, sys
found = {}
for name in json.loads(sys.argv[1]):
    parts = name.split(".")
    try:
        obj, rest, home = importlib.import_module(parts[0]), parts[1:], parts[0]
        if parts[0] == "asyncio" and rest[:1] == ["loop"]:
            obj, rest, home = obj.BaseEventLoop, rest[1:], "events"
        elif parts[0] == "asyncio":
            home = next((m[8:] for m in sorted(sys.modules) if m.startswith("asyncio.")
                         and rest[0] in getattr(sys.modules[m], "__all__", ())), None)
        for part in rest:
            obj = getattr(obj, part)
        found[name] = [True, home]
    except Exception as e:
        found[name] = [False, "%s: %s" % (type(e).__name__, e)]
print(json.dumps(found))
"#;

/// asyncio's documentation pages, by the module that defines a name.
fn asyncio_page(module: &str) -> String {
    let page = match module {
        "tasks" | "timeouts" | "taskgroups" | "threads" | "coroutines" => "task",
        "futures" => "future",
        "runners" => "runner",
        "queues" => "queue",
        "locks" => "sync",
        "events" | "base_events" => "eventloop",
        "streams" => "stream",
        other => other,
    };
    format!("asyncio-{page}")
}

fn python_check(targets: &[(String, PythonTarget)], pins: &Pins) -> Vec<String> {
    if targets.is_empty() {
        return Vec::new();
    }
    if pins.pythons.is_empty() {
        return vec!["no claimed CPython was found to look the asyncio names up".into()];
    }
    let names: BTreeSet<&str> = targets.iter().map(|(_, t)| t.anchor.as_str()).collect();
    let names = serde_json::to_string(&names).unwrap();
    let answers: Vec<(&Python, Result<Answers, String>)> = std::thread::scope(|s| {
        let runs: Vec<_> = pins
            .pythons
            .iter()
            .map(|python| {
                let names = &names;
                s.spawn(move || {
                    let output = Command::new(&python.program)
                        .args(["-S", "-c", PROBE, names])
                        .output()
                        .map_err(|e| e.to_string())?;
                    serde_json::from_slice(&output.stdout)
                        .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&output.stderr)))
                })
            })
            .collect();
        pins.pythons.iter().zip(runs.into_iter().map(|r| r.join().unwrap())).collect()
    });
    // Each problem once, with the interpreters that show it.
    let mut problems: Vec<(String, Vec<String>)> = Vec::new();
    let mut found = |problem: String, python: &Python| match problems.iter_mut().find(|(p, _)| *p == problem) {
        Some((_, versions)) => versions.push(python.version.clone()),
        None => problems.push((problem, vec![python.version.clone()])),
    };
    for (python, answer) in &answers {
        let answer = match answer {
            Ok(a) => a,
            Err(e) => {
                found(format!("CPython {{}} could not look the API names up: {e}"), python);
                continue;
            }
        };
        for (at, target) in targets {
            let Some((exists, said)) = answer.get(&target.anchor) else { continue };
            let expected =
                target.since.as_deref().is_none_or(|since| minor_order(&python.version) >= minor_order(since));
            let since = target.since.as_deref().unwrap_or_default();
            if *exists && !expected {
                found(
                    format!(
                        "{at}: CPython {{}} has `{}` already, but the link's title says \"new in Python {since}\"",
                        target.anchor
                    ),
                    python,
                );
            } else if !exists && expected {
                let hint = if since.is_empty() { " (if it is newer, say so: title \"new in Python 3.X\")" } else { "" };
                let said = said.as_deref().unwrap_or_default();
                found(format!("{at}: CPython {{}} has no `{}`: {said}{hint}", target.anchor), python);
            } else if *exists && target.anchor.starts_with("asyncio.") {
                let page = said.as_deref().map(asyncio_page);
                if page.as_deref() != Some(target.page.as_str()) {
                    found(
                        format!(
                            "{at}: `{}` is documented on {}.html (asyncio's page for the module defining it), not {}.html",
                            target.anchor,
                            page.as_deref().unwrap_or("?"),
                            target.page
                        ),
                        python,
                    );
                }
            } else if *exists && !target.page.starts_with(target.anchor.split('.').next().unwrap_or_default()) {
                found(format!("{at}: `{}` is documented on its module's page", target.anchor), python);
            }
        }
    }
    problems.into_iter().map(|(p, versions)| p.replacen("{}", &versions.join(", "), 1)).collect()
}
