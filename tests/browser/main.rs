//! What a reader sees: the built book, served on 127.0.0.1, read in headless
//! Chromium (Debian's `chromium` package, driven over the DevTools protocol by
//! the `headless_chrome` crate; nothing is downloaded).
//!
//! Every test here is ignored by plain `cargo test`, because a machine with
//! only Rust has no Chromium. `.ci/run` installs it and runs the whole suite:
//!
//! ```sh
//! apt-get install chromium
//! cargo test -- --include-ignored
//! ```
//!
//! The tests find what they check in the built book (every callout of each
//! kind, the chapter that mentions `yield_now` most, ...) rather than naming
//! lines of chapters; a thing that no page has yet is a failure, never a
//! vacuous pass. Screenshots, the contrast table and a PDF of `print.html`
//! go to `target/browser-screenshots/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use book_harness::assert_none;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Log, Network, Page, Runtime};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;

/// mdBook's five built-in themes.
const THEMES: [&str; 5] = ["light", "rust", "coal", "navy", "ayu"];

/// The four callout kinds: name, selector of the box, selector of its title,
/// and the title a reader reads (CONTRIBUTING.md, "Callouts").
const KINDS: [(&str, &str, &str, &str); 4] = [
    ("note", "blockquote.blockquote-tag-note", ".blockquote-tag-title", "Note"),
    ("important", "blockquote.blockquote-tag-important", ".blockquote-tag-title", "Important"),
    ("terminology", "div.callout.terminology", ".callout-title", "Terminology"),
    ("types", "div.callout.types", ".callout-title", "Rust types"),
];

/// WCAG 2 AA: text, and non-text such as icons.
const TEXT_CONTRAST: f64 = 4.5;
const ICON_CONTRAST: f64 = 3.0;

// ---------------------------------------------------------------------------
// The built book, served on localhost
// ---------------------------------------------------------------------------

struct Site {
    /// The book; its HTML output directory is a temporary one, kept while the tests run.
    book: book_harness::Book,
    /// `http://127.0.0.1:PORT`
    origin: String,
    /// `http://127.0.0.1:PORT/asyncio-in-rust/`: served under `site-url`, as
    /// GitHub Pages serves it, so the 404 page's `<base>` works as it will there.
    base: String,
    /// `site-url` from book.toml.
    site_url: String,
    /// Every HTML file, relative to `dir`, sorted.
    pages: Vec<String>,
    /// The chapters, in the order of SUMMARY.md.
    chapters: Vec<Chapter>,
}

struct Chapter {
    /// e.g. `ch01-writing-async-code.html`
    page: String,
    /// e.g. `src/ch01-writing-async-code.md`
    source: String,
    /// As the table of contents names it.
    title: String,
}

impl Site {
    fn url(&self, page: &str) -> String {
        format!("{}{page}", self.base)
    }

    fn dir(&self) -> &Path {
        self.book.html().dir.path()
    }

    fn html(&self, page: &str) -> String {
        std::fs::read_to_string(self.dir().join(page)).unwrap()
    }

    /// The text of a page's `<main>`, tags stripped (for finding pages).
    fn main_text(&self, page: &str) -> String {
        let html = self.html(page);
        let main = match (html.find("<main>"), html.find("</main>")) {
            (Some(a), Some(b)) if a < b => &html[a..b],
            _ => &html[..],
        };
        let tags = regex::Regex::new(r"<[^>]*>").unwrap();
        tags.replace_all(main, "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    }

    fn chapter_pages(&self) -> impl Iterator<Item = &str> {
        self.chapters.iter().map(|c| c.page.as_str())
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `target/browser-screenshots/`, created.
fn shots_dir() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap();
    let dir = target.join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes past libtest's capture, so the table shows in a passing run too.
macro_rules! report {
    ($($arg:tt)*) => {{
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, $($arg)*);
    }};
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        // Built with mdBook's own library, exactly as `mdbook build` does (the
        // harness's build; `tests/book.rs` checks its log is clean).
        let _ = std::fs::remove_dir_all(shots_dir());
        let book = book_harness::Book::load(root()).unwrap_or_else(|e| panic!("{e}"));
        let dir = book.html().dir.path().to_path_buf();

        let config = mdbook_driver::config::Config::from_disk(root().join("book.toml"))
            .unwrap_or_else(|e| panic!("book.toml: {e:#}"));
        let site_url = config.html_config().and_then(|h| h.site_url).unwrap_or_else(|| "/".to_owned());
        assert!(
            site_url.starts_with('/') && site_url.ends_with('/'),
            "book.toml: site-url must be a path like /asyncio-in-rust/ (GitHub Pages serves the book there), not {site_url:?}"
        );

        let mut pages = Vec::new();
        collect_pages(&dir, &dir, &mut pages);
        pages.sort();

        let chapters = book
            .chapters
            .iter()
            .map(|ch| {
                let in_src = ch.source.strip_prefix(&config.book.src).unwrap_or(&ch.source);
                Chapter {
                    page: in_src.with_extension("html").to_string_lossy().replace('\\', "/"),
                    source: ch.source.to_string_lossy().replace('\\', "/"),
                    title: ch.title.clone(),
                }
            })
            .collect();

        let port = serve(dir.clone(), site_url.clone());
        let origin = format!("http://127.0.0.1:{port}");
        let base = format!("{origin}{site_url}");
        report!("browser test: book built in {}, served at {base}", dir.display());
        Site { book, origin, base, site_url, pages, chapters }
    })
}

fn collect_pages(root: &Path, dir: &Path, pages: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_pages(root, &path, pages);
        } else if path.extension().is_some_and(|e| e == "html") {
            pages.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Serves `dir` under `prefix` on an ephemeral port of 127.0.0.1, as GitHub
/// Pages would: a missing file gets `404.html` with status 404. A thread per
/// connection, one request per connection, each answer in one write.
fn serve(dir: PathBuf, prefix: String) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("cannot listen on 127.0.0.1");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (dir, prefix) = (dir.clone(), prefix.clone());
            std::thread::spawn(move || {
                let _ = answer(stream, &dir, &prefix);
            });
        }
    });
    port
}

fn answer(mut stream: TcpStream, dir: &Path, prefix: &str) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut words = request.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, body, mime) = respond(dir, prefix, target);
    let reason = if status == 200 { "OK" } else { "Not Found" };
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if method != "HEAD" {
        out.extend_from_slice(&body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

fn respond(dir: &Path, prefix: &str, url: &str) -> (u16, Vec<u8>, &'static str) {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let file = path.strip_prefix(prefix).map(percent_decode).and_then(|rel| {
        let rel = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel };
        let safe = !rel.split('/').any(|part| part == ".." || part.starts_with('.'));
        let file = dir.join(rel);
        (safe && file.is_file()).then_some(file)
    });
    match file {
        Some(file) => (200, std::fs::read(&file).unwrap(), mime(&file)),
        None => (404, std::fs::read(dir.join("404.html")).unwrap_or_default(), "text/html; charset=utf-8"),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or(""), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

// ---------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------

/// One Chromium at a time: the tests share two cores with everything else.
static ONE_BROWSER: Mutex<()> = Mutex::new(());

struct Reader {
    browser: Browser,
    _profile: tempfile::TempDir,
    _turn: MutexGuard<'static, ()>,
}

/// `$CHROMIUM`, or `chromium` on the PATH.
fn chromium() -> PathBuf {
    let on_path = || {
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file())
            .unwrap_or_else(|| "/usr/bin/chromium".into())
    };
    let path = std::env::var_os("CHROMIUM").map(PathBuf::from).unwrap_or_else(on_path);
    assert!(
        path.is_file(),
        "Chromium is not installed at {}: the browser test needs Debian's package \
         (apt-get install chromium; .ci/run does it), or CHROMIUM=/path/to/chromium",
        path.display()
    );
    path
}

impl Reader {
    fn launch() -> Reader {
        let turn = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
        let profile = tempfile::tempdir().unwrap();
        let args: Vec<&std::ffi::OsStr> = [
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--disable-domain-reliability",
            "--disable-features=MediaRouter,OptimizationHints,Translate",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            // No host name resolves but 127.0.0.1: nothing a page asks for can
            // leave the machine. `tab` reports every request that tries.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ]
        .iter()
        .map(std::ffi::OsStr::new)
        .collect();
        let options = LaunchOptions {
            headless: true,
            sandbox: false,
            enable_gpu: false,
            window_size: Some((1280, 900)),
            path: Some(chromium()),
            user_data_dir: Some(profile.path().to_path_buf()),
            args,
            idle_browser_timeout: Duration::from_secs(300),
            ..LaunchOptions::default()
        };
        let browser = Browser::new(options).unwrap_or_else(|e| panic!("Chromium did not start: {e:#}"));
        Reader { browser, _profile: profile, _turn: turn }
    }

    /// A new tab that records console errors and every request for anything
    /// but the served book (none gets out: see `launch`).
    fn tab(&self) -> ReaderTab {
        let site = site();
        let tab = self.browser.new_tab().unwrap();
        tab.set_default_timeout(Duration::from_secs(20));
        let errors = Arc::new(Mutex::new(Vec::<String>::new()));
        let outside = Arc::new(Mutex::new(Vec::<String>::new()));

        tab.enable_log().unwrap();
        tab.enable_runtime().unwrap();
        {
            let errors = Arc::clone(&errors);
            tab.add_event_listener(Arc::new(move |event: &Event| {
                let message = match event {
                    Event::RuntimeConsoleAPICalled(e)
                        if matches!(
                            e.params.Type,
                            Runtime::ConsoleAPICalledEventTypeOption::Error
                                | Runtime::ConsoleAPICalledEventTypeOption::Assert
                        ) =>
                    {
                        let args: Vec<String> = e
                            .params
                            .args
                            .iter()
                            .map(|a| {
                                a.value
                                    .as_ref()
                                    .map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string()))
                                    .or_else(|| a.description.clone())
                                    .unwrap_or_default()
                            })
                            .collect();
                        format!("console.error: {}", args.join(" "))
                    }
                    Event::RuntimeExceptionThrown(e) => {
                        let d = &e.params.exception_details;
                        let what = d.exception.as_ref().and_then(|x| x.description.clone()).unwrap_or_default();
                        format!("uncaught: {} {what} ({})", d.text, d.url.clone().unwrap_or_default())
                    }
                    Event::LogEntryAdded(e) if e.params.entry.level == Log::LogEntryLevel::Error => {
                        format!("{} ({})", e.params.entry.text, e.params.entry.url.clone().unwrap_or_default())
                    }
                    _ => return,
                };
                errors.lock().unwrap().push(message);
            }))
            .unwrap();
        }

        // The page's own record too, in case a protocol event did not parse.
        tab.call_method(Page::AddScriptToEvaluateOnNewDocument {
            source: IN_PAGE_ERRORS.to_owned(),
            world_name: None,
            include_command_line_api: None,
            run_immediately: None,
        })
        .unwrap();

        // Every request the page makes, seen as Chromium sends it. None can
        // leave the machine (--host-resolver-rules above); any that tries is
        // a failure. Each `open` proves this observer sees with a canary.
        tab.call_method(Network::Enable {
            max_total_buffer_size: None,
            max_resource_buffer_size: None,
            max_post_data_size: None,
            report_direct_socket_traffic: None,
            enable_durable_messages: None,
        })
        .unwrap();
        {
            let outside = Arc::clone(&outside);
            let local = format!("{}/", site.origin);
            tab.add_event_listener(Arc::new(move |event: &Event| {
                let url = match event {
                    Event::NetworkRequestWillBeSent(e) => e.params.request.url.clone(),
                    Event::NetworkWebSocketCreated(e) => e.params.url.clone(),
                    _ => return,
                };
                if !(url.starts_with(&local) || url.starts_with("data:") || url.starts_with("blob:")) {
                    outside.lock().unwrap().push(url);
                }
            }))
            .unwrap();
        }
        ReaderTab { tab, errors, outside }
    }
}

/// A request that cannot succeed (`.invalid` never resolves, and Chromium
/// resolves no name but 127.0.0.1 here), to prove the observer sees requests.
const CANARY: &str = "https://reader-canary.invalid/";

/// Installed before any script of a page: keeps the errors a reader's console
/// would show (uncaught errors, failed resources, rejections, console.error).
const IN_PAGE_ERRORS: &str = r#"
(() => {
    const errors = [];
    Object.defineProperty(window, '__readerErrors', { value: errors });
    addEventListener('error', e => {
        const t = e.target;
        if (t && t !== window && (t.src || t.href)) errors.push('failed to load ' + (t.src || t.href));
        else errors.push('uncaught: ' + (e.message || e.error));
    }, true);
    addEventListener('unhandledrejection', e => {
        errors.push('unhandled rejection: ' + ((e.reason && e.reason.message) || e.reason));
    });
    const error = console.error.bind(console);
    console.error = (...args) => { errors.push('console.error: ' + args.join(' ')); error(...args); };
})();
"#;

/// Helpers for the scripts the tests run in a page: colours as a reader's
/// screen gets them, and WCAG contrast.
const LIB: &str = r#"
const ctx2d = Object.assign(document.createElement('canvas'), { width: 1, height: 1 })
    .getContext('2d', { willReadFrequently: true });
function rgba(css) {
    const m = /^rgba?\(([^)]*)\)$/.exec(String(css).trim());
    if (m) {
        const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    ctx2d.clearRect(0, 0, 1, 1);
    ctx2d.fillStyle = 'rgba(0, 0, 0, 0)';
    ctx2d.fillStyle = css;
    ctx2d.fillRect(0, 0, 1, 1);
    const d = ctx2d.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
}
function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
// The colour behind an element: every background from <html> down, composited.
function backgroundOf(el) {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    let bg = [255, 255, 255, 1];
    for (const e of chain) bg = over(rgba(getComputedStyle(e).backgroundColor), bg);
    return bg;
}
function opacityOf(el) {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
}
function luminance(c) {
    const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function ratio(a, b) {
    const x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
function hex(c) {
    return '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
}
// A colour painted on `el`, against what is behind `el`.
function contrast(color, el) {
    const bg = backgroundOf(el);
    const fg = rgba(color);
    fg[3] *= opacityOf(el);
    const seen = over(fg, bg);
    return { ratio: ratio(seen, bg), fg: hex(seen), bg: hex(bg) };
}
function visible(el) {
    return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}
async function settled() {
    if (document.readyState !== 'complete') await new Promise(r => addEventListener('load', r, { once: true }));
    await document.fonts.ready;
    await new Promise(r => setTimeout(r, 250));
}
"#;

struct ReaderTab {
    tab: Arc<Tab>,
    errors: Arc<Mutex<Vec<String>>>,
    outside: Arc<Mutex<Vec<String>>>,
}

impl ReaderTab {
    /// Opens `url` and waits until the page has loaded and settled.
    fn open(&self, url: &str) {
        // Mark the current document, to tell the new one from it.
        let _ = self.tab.evaluate("window.__readerStale = true", false);
        self.errors.lock().unwrap().clear();
        self.outside.lock().unwrap().clear();
        self.tab.navigate_to(url).unwrap_or_else(|e| panic!("{url} did not load: {e:#}"));
        let start = std::time::Instant::now();
        loop {
            let ready = self
                .tab
                .evaluate("!window.__readerStale && document.readyState === 'complete'", false)
                .ok()
                .and_then(|r| r.value)
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if ready {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "{url} did not load in 30 s");
            std::thread::sleep(Duration::from_millis(25));
        }
        self.run("await settled(); return true;");
        // The canary: a request that must be seen leaving (it cannot: no
        // host name resolves), or the observer is blind and proves nothing.
        self.run(&format!("await fetch('{CANARY}').catch(() => {{}}); return true;"));
        let start = std::time::Instant::now();
        loop {
            let seen = {
                let mut outside = self.outside.lock().unwrap();
                let before = outside.len();
                outside.retain(|u| !u.starts_with(CANARY));
                outside.len() < before
            };
            if seen {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "{url}: the request observer did not see the canary request to {CANARY}: it cannot vouch that nothing leaves localhost"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Runs `body` (the body of an async JS function, with [`LIB`] in scope)
    /// and returns what it returns, through JSON.
    fn run(&self, body: &str) -> Value {
        let expression = format!(
            "(async () => {{ {LIB}\n{body}\n}})()\
             .then(v => JSON.stringify({{ ok: v === undefined ? null : v }}), \
                   e => JSON.stringify({{ error: String(e && e.stack || e) }}))"
        );
        let result = self.tab.evaluate(&expression, true).unwrap_or_else(|e| panic!("script failed: {e:#}"));
        let text = result
            .value
            .as_ref()
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("script returned no JSON: {result:?}"))
            .to_owned();
        let mut value: Value = serde_json::from_str(&text).unwrap();
        if let Some(error) = value.get("error") {
            panic!("script threw in {}: {error}\n{body}", self.tab.get_url());
        }
        value["ok"].take()
    }

    /// Console errors seen since the last `open`, from the protocol and from
    /// the page itself.
    fn console_errors(&self) -> Vec<String> {
        let mut all: Vec<String> = self.errors.lock().unwrap().clone();
        if let Value::Array(list) = self.run("return window.__readerErrors || [];") {
            all.extend(list.iter().filter_map(|v| v.as_str().map(str::to_owned)));
        }
        all.retain(|e| !e.contains(CANARY));
        all.sort();
        all.dedup();
        all
    }

    /// Requests that tried to leave 127.0.0.1 since the last `open` (none
    /// got out: no host name resolves in this Chromium).
    fn outside_requests(&self) -> Vec<String> {
        let mut all = self.outside.lock().unwrap().clone();
        all.sort();
        all.dedup();
        all
    }

    /// Chooses a theme as a reader's choice is kept: in localStorage, which
    /// mdBook reads back on every page it opens.
    fn choose_theme(&self, theme: &str) {
        self.run(&format!("localStorage.setItem('mdbook-theme', '{theme}'); return true;"));
    }

    /// Opens `url` in the theme chosen before.
    fn open_in(&self, url: &str, theme: &str) {
        self.open(url);
        let applied = self.run(&format!("return document.documentElement.classList.contains('{theme}');"));
        assert_eq!(applied, Value::Bool(true), "{url}: theme {theme} was not applied");
    }

    /// A picture of one element, with a margin of the page around it.
    fn screenshot_element(&self, selector: &str, file: &Path) {
        self.screenshot_span(selector, selector, file);
    }

    /// A picture from the top of one element to the bottom of another (as
    /// much as the window holds), with a margin of the page around it.
    fn screenshot_span(&self, first: &str, last: &str, file: &Path) {
        let rect = self.run(&format!(
            "const a = document.querySelector({first:?}), b = document.querySelector({last:?});
             const height = () => b.getBoundingClientRect().bottom - a.getBoundingClientRect().top;
             const tall = height() > innerHeight - 120;
             a.scrollIntoView({{ block: tall ? 'start' : 'center', behavior: 'instant' }});
             if (tall) scrollBy({{ top: -70, behavior: 'instant' }});
             await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
             const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
             const left = Math.min(ra.left, rb.left), right = Math.max(ra.right, rb.right);
             const top = ra.top, bottom = Math.min(rb.bottom, innerHeight);
             return [left + scrollX, top + scrollY, right - left, bottom - top];"
        ));
        let n = |i: usize| rect[i].as_f64().unwrap();
        let margin = 12.0;
        let clip = Page::Viewport {
            x: (n(0) - margin).max(0.0),
            y: (n(1) - margin).max(0.0),
            width: n(2) + 2.0 * margin,
            height: n(3) + 2.0 * margin,
            scale: 1.0,
        };
        let png = self
            .tab
            .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, Some(clip), true)
            .unwrap_or_else(|e| panic!("screenshot of {first}: {e:#}"));
        std::fs::write(file, png).unwrap();
        report!("screenshot: {}", file.display());
    }

    fn screenshot_viewport(&self, file: &Path) {
        let png = self.tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true).unwrap();
        std::fs::write(file, png).unwrap();
        report!("screenshot: {}", file.display());
    }
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

#[test]
fn every_page_loads_with_no_console_error_and_no_request_leaving_localhost() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let mut problems = Vec::new();
    // toc.html is no page of its own: it is the sidebar's frame for readers
    // without JavaScript, shown inside the other pages.
    let pages: Vec<&String> = site.pages.iter().filter(|p| p.as_str() != "toc.html").collect();
    for name in &pages {
        let url = site.url(name);
        page.open(&url);
        for e in page.console_errors() {
            problems.push(format!("{name}: console error: {e}"));
        }
        for r in page.outside_requests() {
            problems.push(format!("{name}: request leaving localhost: {r}"));
        }
        // Every stylesheet, script, font and image this page asked for came back.
        let failed = page.run(
            "return performance.getEntriesByType('resource')
                .filter(e => e.responseStatus && (e.responseStatus < 200 || e.responseStatus > 299))
                .map(e => e.name + ' -> ' + e.responseStatus);",
        );
        for f in failed.as_array().unwrap() {
            problems.push(format!("{name}: resource failed: {}", f.as_str().unwrap()));
        }
    }
    report!("loaded {} pages: {}", pages.len(), pages.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", "));
    assert_none("pages a reader opens", &problems);
}

#[test]
fn not_found_page_site_url_and_edit_links() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let mut problems = Vec::new();

    // A mistyped address, two folders deep: the 404 page must still find its
    // styles and scripts (through site-url) and link back into the book.
    let missing = site.url("no/such/chapter.html");
    page.open(&missing);
    let errors: Vec<String> = page
        .console_errors()
        .into_iter()
        // The page itself answers 404, as it must; anything else is a fault.
        .filter(|e| !(e.contains("status of 404") && e.contains(&missing)))
        .collect();
    for e in errors {
        problems.push(format!("404 page: console error: {e}"));
    }
    for r in page.outside_requests() {
        problems.push(format!("404 page: request leaving localhost: {r}"));
    }
    let seen = page.run(
        "const base = document.querySelector('base');
         const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
         const toc = [...document.querySelectorAll('#mdbook-sidebar a[href]')].map(a => a.href);
         return {
             base: base ? base.getAttribute('href') : null,
             title: document.title,
             h1: (document.querySelector('main h1') || {}).textContent || '',
             sheets: sheets.length,
             unstyled: sheets.filter(l => !l.disabled && !l.sheet).map(l => l.href),
             themed: getComputedStyle(document.body).fontFamily,
             toc,
         };",
    );
    report!("404 page: {seen}");
    if seen["base"] != Value::String(site.site_url.clone()) {
        problems.push(format!("404 page: <base href> is {} , not site-url {:?}", seen["base"], site.site_url));
    }
    if seen["h1"].as_str().unwrap_or("").is_empty() {
        problems.push("404 page: no heading tells the reader the page was not found".to_owned());
    }
    if seen["sheets"].as_u64().unwrap_or(0) == 0 || !seen["unstyled"].as_array().unwrap().is_empty() {
        problems.push(format!("404 page: stylesheets did not load: {}", seen["unstyled"]));
    }
    let toc = seen["toc"].as_array().unwrap();
    if toc.is_empty() {
        problems.push("404 page: the sidebar has no links back into the book".to_owned());
    }
    for href in toc.iter().filter_map(Value::as_str) {
        if !href.starts_with(&site.base) {
            problems.push(format!("404 page: sidebar link {href} is outside {}", site.base));
        }
    }

    // Every chapter: an edit link to its own source file.
    for Chapter { page: name, source, .. } in &site.chapters {
        page.open(&site.url(name));
        let href = page.run("const a = document.querySelector('a[rel=edit]'); return a ? a.href : null;");
        match href.as_str() {
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

#[test]
fn print_page_holds_every_chapter_and_prints() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let mut problems = Vec::new();

    // The first heading of each chapter, as its own page shows it.
    let mut headings = Vec::new();
    for name in site.chapter_pages() {
        page.open(&site.url(name));
        let h =
            page.run("const h = document.querySelector('main h1, main h2'); return h ? h.textContent.trim() : null;");
        match h.as_str() {
            Some(h) => headings.push((name.to_owned(), h.to_owned())),
            None => problems.push(format!("{name}: the chapter has no heading")),
        }
    }

    // The print dialog cannot open headless: count the page's calls instead.
    page.tab
        .call_method(Page::AddScriptToEvaluateOnNewDocument {
            source: "window.print = () => { window.__readerPrints = (window.__readerPrints || 0) + 1; };".to_owned(),
            world_name: None,
            include_command_line_api: None,
            run_immediately: None,
        })
        .unwrap();
    page.open(&site.url("print.html"));
    let prints = page.run(
        "for (let i = 0; i < 40 && !window.__readerPrints; i++) await new Promise(r => setTimeout(r, 50));
         return window.__readerPrints || 0;",
    );
    if prints.as_u64().unwrap_or(0) == 0 {
        problems.push("print.html did not open the print dialog (window.print was not called)".to_owned());
    }
    for e in page.console_errors() {
        problems.push(format!("print.html: console error: {e}"));
    }
    for r in page.outside_requests() {
        problems.push(format!("print.html: request leaving localhost: {r}"));
    }
    let printed = page.run("return [...document.querySelectorAll('main h1, main h2')].map(h => h.textContent.trim());");
    let printed: BTreeSet<&str> = printed.as_array().unwrap().iter().filter_map(Value::as_str).collect();
    for (name, h) in &headings {
        if !printed.contains(h.as_str()) {
            problems.push(format!("print.html lacks the chapter {name} (heading {h:?})"));
        }
    }

    // In print, the sidebar and the menu bar go away; the text stays.
    page.tab.call_method(Emulation::SetEmulatedMedia { media: Some("print".to_owned()), features: None }).unwrap();
    let chrome = page.run(
        "return {
             sidebar: getComputedStyle(document.getElementById('mdbook-sidebar')).display,
             menu: getComputedStyle(document.getElementById('mdbook-menu-bar')).display,
             main: document.querySelector('main').getBoundingClientRect().height,
         };",
    );
    if chrome["sidebar"] != "none" || chrome["menu"] != "none" {
        problems.push(format!("print.html: in print, the sidebar or the menu bar still shows: {chrome}"));
    }
    let pdf = page.tab.print_to_pdf(None).unwrap_or_else(|e| panic!("print.html did not print: {e:#}"));
    let file = shots_dir().join("print.pdf");
    std::fs::write(&file, &pdf).unwrap();
    report!("print.html: {} chapters, printed to {} ({} KiB)", headings.len(), file.display(), pdf.len() / 1024);
    if !pdf.starts_with(b"%PDF") || pdf.len() < 20_000 {
        problems.push(format!("print.html printed to a suspiciously small PDF ({} bytes)", pdf.len()));
    }
    assert_none("print.html", &problems);
}

/// One measured callout.
#[derive(Debug)]
struct Measured {
    page: String,
    theme: &'static str,
    kind: String,
    title_color: String,
    background: String,
    title_contrast: f64,
    icon: String,
    icon_color: String,
    icon_contrast: f64,
    icon_ok: bool,
    body_contrast: f64,
    body_worst: String,
}

#[test]
fn callouts_have_icon_colour_and_contrast_in_all_five_themes() {
    let site = site();
    let mut problems = Vec::new();

    // The pages with callouts, and which kinds each has (from the built HTML).
    let markers = [
        ("note", "blockquote-tag-note"),
        ("important", "blockquote-tag-important"),
        ("terminology", "class=\"callout terminology\""),
        ("types", "class=\"callout types\""),
    ];
    let mut pages: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for name in site.chapter_pages() {
        let html = site.html(name);
        let kinds: Vec<&str> = markers.iter().filter(|(_, m)| html.contains(m)).map(|(k, _)| *k).collect();
        if !kinds.is_empty() {
            pages.insert(name.to_owned(), kinds);
        }
    }
    for (kind, _) in markers {
        if !pages.values().any(|k| k.contains(&kind)) {
            problems.push(format!(
                "no chapter has a {kind} callout yet: the book must show all four kinds (CONTRIBUTING.md, Callouts)"
            ));
        }
    }
    // The page that shows the most kinds: the per-theme screenshot.
    let showcase = pages
        .iter()
        .max_by_key(|(name, kinds)| (kinds.len(), std::cmp::Reverse((*name).clone())))
        .map(|(n, _)| n.clone());

    let reader = Reader::launch();
    let page = reader.tab();
    let shots = shots_dir();
    let mut measured: Vec<Measured> = Vec::new();
    let kinds_js = serde_json::to_string(&KINDS.map(|(k, s, t, title)| [k, s, t, title])).unwrap();

    page.open(&site.url("index.html"));
    for theme in THEMES {
        page.choose_theme(theme);
        let mut shot_taken: BTreeSet<String> = BTreeSet::new();
        for name in pages.keys() {
            let url = site.url(name);
            page.open_in(&url, theme);
            let found = page.run(&format!(
                r#"
                const kinds = {kinds_js};
                const out = [];
                for (const [kind, box, titleSel, expected] of kinds) {{
                    const boxes = [...document.querySelectorAll('main ' + box)];
                    for (const [index, el] of boxes.entries()) {{
                        el.id = el.id || ('reader-' + kind + '-' + index);
                        const title = el.querySelector(':scope > ' + titleSel);
                        const r = {{ kind, expected, id: el.id, index }};
                        out.push(r);
                        if (!title) continue;
                        r.title = title.textContent.trim();
                        const t = contrast(getComputedStyle(title).color, title);
                        r.titleContrast = t.ratio; r.titleColor = t.fg; r.background = t.bg;
                        const svg = title.querySelector('svg');
                        if (svg) {{
                            const rect = svg.getBoundingClientRect();
                            const path = svg.querySelector('path');
                            let fill = getComputedStyle(path || svg).fill;
                            if (!/^(rgb|#|color)/.test(fill)) fill = getComputedStyle(svg).color;
                            const c = contrast(fill, title);
                            r.icon = 'svg:' + (path ? path.getAttribute('d') : svg.innerHTML).slice(0, 60);
                            r.iconOk = rect.width >= 10 && rect.height >= 10 && !!path && visible(svg);
                            r.iconContrast = c.ratio; r.iconColor = c.fg;
                        }} else {{
                            const b = getComputedStyle(title, '::before');
                            const mask = [b.maskImage, b.webkitMaskImage].find(m => m && m !== 'none') || '';
                            const url = (/url\("?([^")]*)"?\)/.exec(mask) || [])[1];
                            let loads = false;
                            if (url) {{
                                const img = new Image();
                                img.src = url;
                                loads = await img.decode().then(() => true, () => false);
                            }}
                            const c = contrast(b.backgroundColor, title);
                            r.icon = 'mask:' + (url || 'none').slice(-60);
                            r.iconOk = b.content !== 'none' && parseFloat(b.width) >= 10 && parseFloat(b.height) >= 10 && loads;
                            r.iconContrast = c.ratio; r.iconColor = c.fg;
                        }}
                        // The body: every element with text of its own, outside the title.
                        let worst = null;
                        for (const e of [el, ...el.querySelectorAll('*')]) {{
                            if (title.contains(e) || e.closest('svg') || !visible(e)) continue;
                            const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                            if (!text) continue;
                            const c = contrast(getComputedStyle(e).color, e);
                            if (!worst || c.ratio < worst.ratio) {{
                                const cls = typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '';
                                worst = {{ ratio: c.ratio, what: e.tagName.toLowerCase() + cls + ' ' + JSON.stringify(text.slice(0, 30)) + ' ' + c.fg + ' on ' + c.bg }};
                            }}
                        }}
                        r.bodyContrast = worst ? worst.ratio : null;
                        r.bodyWorst = worst ? worst.what : 'no body text';
                    }}
                }}
                return out;
                "#
            ));
            for r in found.as_array().unwrap() {
                let kind = r["kind"].as_str().unwrap().to_owned();
                let expected = r["expected"].as_str().unwrap();
                let Some(title) = r["title"].as_str() else {
                    problems.push(format!("{name}: a {kind} callout has no title (CONTRIBUTING.md, Callouts)"));
                    continue;
                };
                if title != expected {
                    problems.push(format!("{name}: a {kind} callout is titled {title:?}, not {expected:?}"));
                }
                let m = Measured {
                    page: name.clone(),
                    theme,
                    kind: kind.clone(),
                    title_color: r["titleColor"].as_str().unwrap_or("").to_owned(),
                    background: r["background"].as_str().unwrap_or("").to_owned(),
                    title_contrast: r["titleContrast"].as_f64().unwrap_or(0.0),
                    icon: r["icon"].as_str().unwrap_or("").to_owned(),
                    icon_color: r["iconColor"].as_str().unwrap_or("").to_owned(),
                    icon_contrast: r["iconContrast"].as_f64().unwrap_or(0.0),
                    icon_ok: r["iconOk"].as_bool().unwrap_or(false),
                    body_contrast: r["bodyContrast"].as_f64().unwrap_or(f64::INFINITY),
                    body_worst: r["bodyWorst"].as_str().unwrap_or("").to_owned(),
                };
                if !shot_taken.contains(&kind) {
                    shot_taken.insert(kind.clone());
                    let id = r["id"].as_str().unwrap();
                    page.screenshot_element(&format!("#{id}"), &shots.join(format!("callout-{theme}-{kind}.png")));
                }
                measured.push(m);
            }
            if showcase.as_deref() == Some(name.as_str()) {
                page.run(
                    "const first = document.querySelector('main .blockquote-tag, main .callout');
                     first.scrollIntoView({ block: 'start', behavior: 'instant' });
                     window.scrollBy({ top: -60, behavior: 'instant' });
                     await new Promise(r => setTimeout(r, 100));
                     return true;",
                );
                page.screenshot_viewport(&shots.join(format!("callouts-{theme}.png")));
            }
        }
    }

    // The table, worst case of each kind in each theme.
    let mut table = String::new();
    writeln!(
        table,
        "{:<7} {:<12} {:>2}  {:<9} {:<9} {:>6}  {:<9} {:>6}  {:>6}  worst body text",
        "theme", "kind", "n", "title", "backgr.", "title", "icon", "icon", "body"
    )
    .unwrap();
    let mut summary: BTreeMap<(usize, &str), Vec<&Measured>> = BTreeMap::new();
    for m in &measured {
        let t = THEMES.iter().position(|t| *t == m.theme).unwrap();
        summary.entry((t, KINDS.iter().find(|k| k.0 == m.kind).map(|k| k.0).unwrap())).or_default().push(m);
    }
    for ((t, kind), list) in &summary {
        let worst_title = list.iter().min_by(|a, b| a.title_contrast.total_cmp(&b.title_contrast)).unwrap();
        let worst_icon = list.iter().min_by(|a, b| a.icon_contrast.total_cmp(&b.icon_contrast)).unwrap();
        let worst_body = list.iter().min_by(|a, b| a.body_contrast.total_cmp(&b.body_contrast)).unwrap();
        writeln!(
            table,
            "{:<7} {:<12} {:>2}  {:<9} {:<9} {:>6.2}  {:<9} {:>6.2}  {:>6.2}  {} ({})",
            THEMES[*t],
            kind,
            list.len(),
            worst_title.title_color,
            worst_title.background,
            worst_title.title_contrast,
            worst_icon.icon_color,
            worst_icon.icon_contrast,
            worst_body.body_contrast,
            worst_body.body_worst,
            worst_body.page,
        )
        .unwrap();
    }
    report!("callout contrast (WCAG ratio; text >= {TEXT_CONTRAST}, icon >= {ICON_CONTRAST}), worst of n callouts:\n{table}");
    std::fs::write(shots.join("callout-contrast.txt"), &table).unwrap();

    for m in &measured {
        let at = format!("{} [{}] {} callout", m.page, m.theme, m.kind);
        if m.title_contrast < TEXT_CONTRAST {
            problems.push(format!(
                "{at}: title {} on {} is {:.2}:1 (< {TEXT_CONTRAST})",
                m.title_color, m.background, m.title_contrast
            ));
        }
        if m.body_contrast < TEXT_CONTRAST {
            problems.push(format!("{at}: body text {:.2}:1 (< {TEXT_CONTRAST}): {}", m.body_contrast, m.body_worst));
        }
        if !m.icon_ok {
            problems.push(format!("{at}: no icon renders ({})", m.icon));
        }
        if m.icon_contrast < ICON_CONTRAST {
            problems.push(format!("{at}: icon {} is {:.2}:1 (< {ICON_CONTRAST})", m.icon_color, m.icon_contrast));
        }
    }
    // Each kind its own icon, and in each theme its own colour.
    let icons: BTreeMap<&str, BTreeSet<&str>> = measured.iter().fold(BTreeMap::new(), |mut acc, m| {
        acc.entry(m.icon.as_str()).or_default().insert(m.kind.as_str());
        acc
    });
    for (icon, kinds) in &icons {
        if kinds.len() > 1 {
            problems.push(format!("the kinds {kinds:?} share one icon ({icon})"));
        }
    }
    // Told apart at a glance: the kinds' hues lie at least 30 degrees apart.
    for theme in THEMES {
        let mut hues: BTreeMap<&str, f64> = BTreeMap::new();
        for m in measured.iter().filter(|m| m.theme == theme) {
            hues.entry(m.kind.as_str()).or_insert_with(|| hue(&m.title_color));
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
        let colours: BTreeMap<&str, BTreeSet<&str>> =
            measured.iter().filter(|m| m.theme == theme).fold(BTreeMap::new(), |mut acc, m| {
                acc.entry(m.kind.as_str()).or_default().insert(m.title_color.as_str());
                acc
            });
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
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

#[test]
fn the_diagram_renders() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let shots = shots_dir();
    let mut problems = Vec::new();
    let mut diagrams = 0;
    // A diagram: an image or a sizeable inline SVG in a chapter's text (not an
    // icon of a callout or a button).
    let find = "return [...document.querySelectorAll('main svg, main img, main object')]
            .filter(e => !e.closest('.blockquote-tag-title, .callout-title, .buttons, .fa-svg, button, svg svg'))
            .filter(e => e.tagName.toLowerCase() !== 'svg' || !e.parentElement.closest('svg'))
            .map((e, i) => {
                e.id = e.id || ('reader-diagram-' + i);
                const r = e.getBoundingClientRect();
                const main = document.querySelector('main').getBoundingClientRect();
                const tag = e.tagName.toLowerCase();
                return {
                    id: e.id, tag, width: r.width, height: r.height,
                    fits: r.left >= main.left - 1 && r.right <= main.right + 1,
                    loaded: tag === 'img' ? (e.complete && e.naturalWidth > 0) : true,
                    shapes: tag === 'svg' ? e.querySelectorAll('rect, path, line, polyline, polygon, circle, ellipse').length : null,
                    texts: tag === 'svg' ? [...e.querySelectorAll('text')].map(t => {
                        // A label against the shape drawn behind it, else the page.
                        t.scrollIntoView({ block: 'center', behavior: 'instant' });
                        const b = t.getBoundingClientRect();
                        const stack = document.elementsFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                        const painted = x => {
                            const s = getComputedStyle(x);
                            const c = rgba(s.fill);
                            c[3] *= parseFloat(s.fillOpacity) * parseFloat(s.opacity);
                            return c;
                        };
                        const behind = stack.slice(stack.indexOf(t) + 1).find(x => x !== e && e.contains(x)
                            && /^(rect|path|circle|ellipse|polygon)$/.test(x.tagName) && painted(x)[3] > 0);
                        let bg = backgroundOf(e);
                        if (behind) bg = over(painted(behind), bg);
                        const fg = over(painted(t), bg);
                        return { text: t.textContent.trim(), ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg) };
                    }) : null,
                    src: e.getAttribute('src') || e.getAttribute('data') || null,
                    // An inline SVG is a diagram, not an icon, if it has words or a large canvas.
                    diagram: tag === 'svg' && (e.querySelector('text') !== null
                        || (e.viewBox && e.viewBox.baseVal && e.viewBox.baseVal.width > 64)
                        || parseFloat(e.getAttribute('width') || '0') > 64),
                };
            })
            .filter(d => d.tag !== 'svg' || d.diagram);";
    // The pages with a diagram, found in the default theme.
    let mut with_diagram = Vec::new();
    for name in site.chapter_pages() {
        page.open(&site.url(name));
        if !page.run(find).as_array().unwrap().is_empty() {
            with_diagram.push(name);
        }
    }
    for theme in THEMES {
        page.choose_theme(theme);
        for name in &with_diagram {
            let url = site.url(name);
            page.open_in(&url, theme);
            let found = page.run(find);
            for (i, d) in found.as_array().unwrap().iter().enumerate() {
                let at = format!("{name} [{theme}] diagram {} ({})", i + 1, d["src"].as_str().unwrap_or("inline svg"));
                if theme == THEMES[0] {
                    diagrams += 1;
                    report!("{at}: {}x{} px", d["width"], d["height"]);
                }
                if !d["loaded"].as_bool().unwrap_or(false) {
                    problems.push(format!("{at}: the image did not load"));
                }
                if d["width"].as_f64().unwrap_or(0.0) < 120.0 || d["height"].as_f64().unwrap_or(0.0) < 40.0 {
                    problems.push(format!("{at}: renders at {}x{} px", d["width"], d["height"]));
                }
                if !d["fits"].as_bool().unwrap_or(false) {
                    problems.push(format!("{at}: wider than the text column"));
                }
                if d["tag"] == "svg" && d["shapes"].as_u64().unwrap_or(0) == 0 {
                    problems.push(format!("{at}: the SVG draws nothing"));
                }
                if let Some(texts) = d["texts"].as_array() {
                    let worst = texts
                        .iter()
                        .min_by(|a, b| a["ratio"].as_f64().unwrap().total_cmp(&b["ratio"].as_f64().unwrap()));
                    if let Some(w) = worst {
                        let line = format!(
                            "{} labels, lowest text contrast {:.2}:1 ({:?} {} on {})",
                            texts.len(),
                            w["ratio"].as_f64().unwrap(),
                            w["text"].as_str().unwrap_or(""),
                            w["fg"].as_str().unwrap_or(""),
                            w["bg"].as_str().unwrap_or("")
                        );
                        report!("{at}: {line}");
                        if w["ratio"].as_f64().unwrap() < TEXT_CONTRAST {
                            problems.push(format!("{at}: a label is unreadable: {line}"));
                        }
                    }
                }
                let id = d["id"].as_str().unwrap();
                let stem = name.trim_end_matches(".html");
                page.screenshot_element(
                    &format!("#{id}"),
                    &shots.join(format!("diagram-{stem}-{}-{theme}.png", i + 1)),
                );
            }
        }
    }
    if diagrams == 0 {
        problems.push(
            "no chapter shows a diagram yet (chapter 9 is to embed src/img/awaitables.svg): nothing to check renders"
                .to_owned(),
        );
    }
    assert_none("diagram", &problems);
}

#[test]
fn search_finds_api_names() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
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
        page.tab.find_element("#mdbook-search-toggle").unwrap().click().unwrap();
        let bar = page.tab.wait_until_visible("#mdbook-searchbar").unwrap();
        bar.click().unwrap();
        page.tab.type_str(term).unwrap();
        let results = page.run(
            "for (let i = 0; i < 100; i++) {
                 const links = [...document.querySelectorAll('#mdbook-searchresults li a')];
                 if (links.length) return links.map(a => a.href);
                 await new Promise(r => setTimeout(r, 50));
             }
             return [];",
        );
        let results: Vec<&str> = results.as_array().unwrap().iter().filter_map(Value::as_str).collect();
        let hit = results.iter().any(|href| href.split(['?', '#']).next().unwrap().ends_with(&format!("/{best}")));
        report!(
            "search `{term}`: {} results; {best} ({count} mentions) {}",
            results.len(),
            if hit { "is among them" } else { "is MISSING" }
        );
        if !hit {
            problems.push(format!("search for `{term}` does not find {best}; it found: {results:?}"));
        }
        for e in page.console_errors() {
            problems.push(format!("search `{term}`: console error: {e}"));
        }
        for r in page.outside_requests() {
            problems.push(format!("search `{term}`: request leaving localhost: {r}"));
        }
    }
    assert_none("search", &problems);
}

#[test]
fn listings_run_buttons_hidden_lines_and_captions() {
    let site = site();
    let reader = Reader::launch();
    let page = reader.tab();
    let mut problems = Vec::new();
    let (mut runnable, mut not_runnable, mut with_hidden, mut outputs) = (0, 0, 0, 0);
    let mut compile_fail_blocks = 0;
    let mut eye_checked = false;
    let mut run_hover_checked = false;
    let mut shot_taken = false;

    for name in site.chapter_pages() {
        page.open(&site.url(name));
        let blocks = page.run(
            "return [...document.querySelectorAll('main pre > code')].map((code, i) => {
                 const pre = code.parentElement;
                 pre.id = pre.id || ('reader-pre-' + i);
                 const classes = [...code.classList];
                 const play = pre.querySelector('.play-button');
                 const eye = pre.querySelector('.buttons button[title=\"Show hidden lines\"]');
                 const next = pre.nextElementSibling;
                 const caption = next && next.matches('p.caption') ? next : null;
                 const s = getComputedStyle(pre);
                 return {
                     id: pre.id,
                     classes,
                     lang: (classes.find(c => c.startsWith('language-')) || '').slice(9),
                     playground: pre.classList.contains('playground'),
                     run: !!play && !play.hidden && !play.classList.contains('hidden') && getComputedStyle(play).display !== 'none',
                     hasRun: !!play,
                     boring: code.querySelectorAll('.boring').length,
                     eye: !!eye,
                     caption: caption ? {
                         classes: [...caption.classList],
                         text: caption.textContent.trim(),
                         code: [...caption.querySelectorAll('code')].map(c => c.textContent.trim()),
                         marker: getComputedStyle(caption, '::before').content,
                     } : null,
                     look: [s.borderTopStyle, s.borderTopColor, s.backgroundColor, getComputedStyle(code).backgroundColor].join(' '),
                 };
             });",
        );
        let blocks = blocks.as_array().unwrap();
        let code_look: BTreeSet<&str> =
            blocks.iter().filter(|b| b["lang"] == "rust").filter_map(|b| b["look"].as_str()).collect();
        for b in blocks {
            let id = b["id"].as_str().unwrap();
            let classes: Vec<&str> = b["classes"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
            let lang = b["lang"].as_str().unwrap();
            let caption = &b["caption"];
            let at = format!("{name} #{id} ({})", classes.join(" "));
            match lang {
                "rust" => {
                    let compile_fail = classes.contains(&"compile_fail");
                    let playground_offers = !classes.contains(&"noplayground") && !classes.contains(&"no_run");
                    if compile_fail || !playground_offers {
                        not_runnable += 1;
                        compile_fail_blocks += usize::from(compile_fail);
                        if b["run"] == true {
                            problems.push(format!(
                                "{at}: a Run button on a listing that does not compile or cannot run there"
                            ));
                        }
                        if compile_fail && !classes.contains(&"noplayground") {
                            problems.push(format!(
                                "{at}: compile_fail listings are written `rust,compile_fail,noplayground`"
                            ));
                        }
                    } else {
                        runnable += 1;
                        if b["run"] != true {
                            problems.push(format!("{at}: a runnable listing has no Run button"));
                        } else if !run_hover_checked {
                            // mdBook shows the buttons when the pointer is over the listing.
                            run_hover_checked = true;
                            page.tab.find_element(&format!("#{id}")).unwrap().move_mouse_over().unwrap();
                            let shown = page.run(&format!(
                                "await new Promise(r => setTimeout(r, 300));
                                 return visible(document.querySelector('#{id} .play-button'));"
                            ));
                            if shown != true {
                                problems.push(format!("{at}: the Run button does not show under the pointer"));
                            }
                        }
                    }
                    // The caption names the listing's file in the repository.
                    let path = caption["code"]
                        .as_array()
                        .and_then(|c| c.iter().filter_map(Value::as_str).find(|c| c.starts_with("listings/")));
                    match path {
                        None => problems.push(format!("{at}: no caption naming the listing's file (<p class=\"caption\">Listing N-M: <code>listings/...</code>)")),
                        Some(path) if !root().join(path).is_file() => {
                            problems.push(format!("{at}: the caption names {path}, which is not in the repository"))
                        }
                        Some(_) => {}
                    }
                    if b["boring"].as_u64().unwrap_or(0) > 0 {
                        with_hidden += 1;
                        if b["eye"] != true {
                            problems.push(format!("{at}: hidden lines but no eye button"));
                        } else if !eye_checked {
                            eye_checked = true;
                            let before = page.run(&format!(
                                "return [...document.querySelectorAll('#{id} .boring')].filter(visible).length;"
                            ));
                            let pre = page.tab.find_element(&format!("#{id}")).unwrap();
                            pre.scroll_into_view().unwrap();
                            pre.move_mouse_over().unwrap();
                            page.tab
                                .find_element(&format!("#{id} .buttons button[title=\"Show hidden lines\"]"))
                                .unwrap()
                                .click()
                                .unwrap();
                            let after = page.run(&format!(
                                "await new Promise(r => setTimeout(r, 100));
                                 return [...document.querySelectorAll('#{id} .boring')].filter(visible).length;"
                            ));
                            report!(
                                "eye button on {at}: hidden lines shown before {before}, after {after} of {}",
                                b["boring"]
                            );
                            if before != 0 || after != b["boring"] {
                                problems.push(format!(
                                    "{at}: the eye button does not reveal the hidden lines (visible before {before}, after {after}, of {})",
                                    b["boring"]
                                ));
                            }
                        }
                    }
                }
                "text" => {
                    outputs += 1;
                    let kinds = ["output", "compiler", "panic"];
                    let kind = caption["classes"]
                        .as_array()
                        .and_then(|c| c.iter().filter_map(Value::as_str).find(|c| kinds.contains(c)));
                    match kind {
                        None => problems.push(format!(
                            "{at}: a text block with no caption saying what it is (<p class=\"caption output|compiler|panic\">)"
                        )),
                        Some(kind) => {
                            let marker = caption["marker"].as_str().unwrap_or("none");
                            if marker == "none" || marker == "normal" {
                                problems.push(format!("{at}: the {kind} caption has no marker"));
                            }
                        }
                    }
                    if let Some(look) = b["look"].as_str() {
                        if code_look.contains(look) {
                            problems.push(format!("{at}: looks exactly like a Rust listing ({look})"));
                        }
                    }
                }
                _ => {}
            }
        }
        // Pictures of an output and of a compiler message under their
        // listings, for the eye (the first page that has both).
        if !shot_taken {
            let marked = page.run(
                "const mark = kind => {
                     const end = document.querySelector('main p.caption.' + kind);
                     if (!end) return null;
                     let start = end.previousElementSibling;
                     const before = start && start.previousElementSibling;
                     const listing = before && before.previousElementSibling;
                     if (before && before.matches('p.caption') && listing && listing.matches('pre')) start = listing;
                     start.id = start.id || ('reader-span-' + kind);
                     end.id = 'reader-end-' + kind;
                     return start.id;
                 };
                 const o = mark('output'), c = mark('compiler');
                 return o && c ? [o, c] : null;",
            );
            if let Some(ids) = marked.as_array() {
                shot_taken = true;
                let shots = shots_dir();
                for (id, kind) in ids.iter().zip(["output", "compiler"]) {
                    let id = id.as_str().unwrap();
                    page.screenshot_span(
                        &format!("#{id}"),
                        &format!("#reader-end-{kind}"),
                        &shots.join(format!("listing-{kind}.png")),
                    );
                }
            }
        }
        for e in page.console_errors() {
            problems.push(format!("{name}: console error: {e}"));
        }
        for r in page.outside_requests() {
            problems.push(format!("{name}: request leaving localhost: {r}"));
        }
    }
    report!(
        "listings: {runnable} runnable (Run button), {not_runnable} not runnable (none), {with_hidden} with hidden lines, {outputs} output/compiler blocks"
    );
    if runnable == 0 {
        problems.push("no runnable listing in the book: no Run button to check".to_owned());
    }
    if compile_fail_blocks == 0 {
        problems.push("no compile_fail listing in the book: nothing to check has no Run button".to_owned());
    }
    if !eye_checked {
        problems.push("no listing with hidden lines (`# `) in the book: the eye button was not checked".to_owned());
    }
    assert_none("listings", &problems);
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
