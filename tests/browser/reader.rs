//! Chromium, as readers: one browser for the whole test run, tabs that each
//! read as a reader of their own (own storage, own window), record what a
//! reader's console would show and every request, and read pages side by
//! side; scripts run in a page; screenshots.
//!
//! Every wait is on an event (the page's load event, a request seen, a
//! promise a script resolves on the page's own events), never a fixed sleep.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Input, Log, Network, Page, Runtime, Target};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::site::site;

/// A script under `js/`: one function expression, which `ReaderTab::call`
/// calls with JSON arguments.
#[derive(Clone, Copy)]
pub struct Script {
    pub name: &'static str,
    pub source: &'static str,
}

/// `script!("name.js")`: `js/name.js`, compiled into the test.
macro_rules! script {
    ($name:literal) => {
        $crate::reader::Script { name: $name, source: include_str!(concat!("js/", $name)) }
    };
}

/// Helpers in scope of every script (`rgba`, `contrast`, `visible`, `settled`, ...).
const LIB: &str = include_str!("js/lib.js");
const IN_PAGE_ERRORS: &str = include_str!("js/in_page_errors.js");
const COUNT_PRINTS: &str = include_str!("js/count_prints.js");
const SETTLE: Script = script!("settle.js");
const PAGE_ERRORS: Script = script!("page_errors.js");
const CHOOSE_THEME: Script = script!("choose_theme.js");
const SPAN_RECT: Script = script!("span_rect.js");
const POINTER_AT: Script = script!("pointer_at.js");

/// For a field the scripts may set to `null` but must not leave out:
/// `#[serde(deserialize_with = "nullable")]` on an `Option` makes its absence
/// an error (serde takes a missing `Option` for `None` otherwise).
pub fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// A request that cannot succeed (`.invalid` never resolves, and Chromium
/// resolves no name but 127.0.0.1 here), to prove the observer sees requests.
const CANARY: &str = "https://reader-canary.invalid/";

/// Tabs each check reads with at once. The test runner runs two checks at a
/// time (one per core of CI's machine), so four pages are in flight: enough
/// to keep Chromium and the server busy while one page waits on the other.
const SIDE_BY_SIDE: usize = 2;

/// How long a page may take to load, or a request to be seen, before it is a failure.
const PAGE_LOAD: Duration = Duration::from_secs(30);
const CANARY_SEEN: Duration = Duration::from_secs(5);

/// A point in the window, in CSS pixels.
#[derive(Deserialize)]
struct Point {
    x: f64,
    y: f64,
}

/// The window a reader reads in, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Screen {
    /// A laptop, 1280 x 900.
    Desktop,
    /// A phone, 390 x 844 (an iPhone 12 to 15), laid out as a phone lays pages
    /// out (with their viewport meta tag).
    Phone,
}

impl Screen {
    pub fn width(self) -> u32 {
        match self {
            Screen::Desktop => 1280,
            Screen::Phone => 390,
        }
    }

    fn height(self) -> u32 {
        match self {
            Screen::Desktop => 900,
            Screen::Phone => 844,
        }
    }
}

/// The one Chromium of the run: launched by the first check that asks for a
/// tab, closed when the test binary exits (see `close_at_exit`).
static BROWSER: Mutex<Option<Browser>> = Mutex::new(None);

fn browser() -> Browser {
    let mut slot = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    slot.get_or_insert_with(|| {
        let browser = launch();
        close_at_exit();
        browser
    })
    .clone()
}

/// `$CHROMIUM`, or `chromium` on the PATH.
fn chromium() -> std::path::PathBuf {
    let on_path = || {
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file())
            .unwrap_or_else(|| "/usr/bin/chromium".into())
    };
    let path = std::env::var_os("CHROMIUM").map(std::path::PathBuf::from).unwrap_or_else(on_path);
    assert!(
        path.is_file(),
        "Chromium is not installed at {}: the browser test needs Debian's package \
         (apt-get install chromium; .ci/run does it), or CHROMIUM=/path/to/chromium",
        path.display()
    );
    path
}

fn launch() -> Browser {
    let args: Vec<&std::ffi::OsStr> = [
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-domain-reliability",
        "--disable-features=MediaRouter,OptimizationHints,Translate",
        // Pages read side by side are each in a window of their own, and none
        // of them is slowed down for being behind another.
        "--disable-background-timer-throttling",
        "--disable-backgrounding-occluded-windows",
        "--disable-renderer-backgrounding",
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
        window_size: Some((Screen::Desktop.width(), Screen::Desktop.height())),
        path: Some(chromium()),
        args,
        idle_browser_timeout: Duration::from_secs(600),
        ..LaunchOptions::default()
    };
    Browser::new(options).unwrap_or_else(|e| panic!("Chromium did not start: {e:#}"))
}

/// Rust never drops a static, and a Chromium nobody closes outlives the test
/// binary: so the C library's `atexit` closes it (and removes its profile)
/// as the binary exits, passed or failed.
fn close_at_exit() {
    extern "C" fn close() {
        let _ = std::panic::catch_unwind(|| {
            let browser = BROWSER.lock().unwrap_or_else(|e| e.into_inner()).take();
            drop(browser);
        });
    }
    extern "C" {
        fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
    }
    // SAFETY: `atexit` is the C standard library's, on every platform Rust
    // runs tests on; `close` cannot unwind (it catches) and calls no `exit`.
    let registered = unsafe { atexit(close) };
    assert_eq!(registered, 0, "atexit refused to register closing Chromium");
}

/// A new reader: a tab in a window and a browser context of its own (its own
/// storage: the theme one tab chooses is not another's), on `screen`, that
/// records console errors and every request for anything but the served book
/// (none gets out: see `launch`).
pub fn tab(screen: Screen) -> ReaderTab {
    let browser = browser();
    let context = browser.new_context().unwrap_or_else(|e| panic!("Chromium made no browser context: {e:#}"));
    let tab = browser
        .new_tab_with_options(Target::CreateTarget {
            url: "about:blank".to_owned(),
            left: None,
            top: None,
            width: Some(screen.width()),
            height: Some(screen.height()),
            window_state: None,
            browser_context_id: Some(context.get_id().to_owned()),
            enable_begin_frame_control: None,
            new_window: Some(true),
            background: None,
            for_tab: None,
            hidden: None,
        })
        .unwrap_or_else(|e| panic!("Chromium opened no tab: {e:#}"));
    tab.set_default_timeout(Duration::from_secs(20));
    let seen = Arc::new(Watch::default());

    tab.enable_log().unwrap();
    tab.enable_runtime().unwrap();
    // Every request the page makes, seen as Chromium sends it. None can
    // leave the machine (--host-resolver-rules above); any that tries is a
    // failure. Each `open` proves this observer sees with a canary.
    tab.call_method(Network::Enable {
        max_total_buffer_size: None,
        max_resource_buffer_size: None,
        max_post_data_size: None,
        report_direct_socket_traffic: None,
        enable_durable_messages: None,
    })
    .unwrap();
    // One request a connection, as a page's first load needs with tiny_http:
    // its pool serves a connection on one thread for as long as the browser
    // keeps it open, and may leave a new connection waiting for a thread
    // (a page's six at once, say) until an old one closes, which a
    // browser's kept-alive connections do not.
    tab.set_extra_http_headers(std::collections::HashMap::from([("Connection", "close")])).unwrap();
    let sink = Arc::clone(&seen);
    let local = format!("{}/", site().origin);
    tab.add_event_listener(Arc::new(move |event: &Event| {
        if let Some(message) = console_error(event) {
            sink.update(|s| s.errors.push(message));
            return;
        }
        let url = match event {
            Event::PageLifecycleEvent(e) if e.params.name == "load" => {
                let loader = e.params.loader_id.clone();
                return sink.update(|s| s.loaded.push(loader));
            }
            Event::NetworkRequestWillBeSent(e) => e.params.request.url.clone(),
            Event::NetworkWebSocketCreated(e) => e.params.url.clone(),
            _ => return,
        };
        if !(url.starts_with(&local) || url.starts_with("data:") || url.starts_with("blob:")) {
            sink.update(|s| s.outside.push(url));
        }
    }))
    .unwrap();

    let page = ReaderTab { tab, seen, screen };
    page.set_screen(screen);
    // The page's own record too, in case a protocol event did not parse.
    page.before_every_document(IN_PAGE_ERRORS);
    // The print dialog cannot open headless (print.html asks for it once
    // loaded): the page's calls are counted instead (print.rs reads them).
    page.before_every_document(COUNT_PRINTS);
    page
}

/// Readers done with a check, kept for the next: a new one costs Chromium a
/// window, a browser context and a renderer process.
static IDLE: Mutex<Vec<ReaderTab>> = Mutex::new(Vec::new());

/// A reader on `screen`: an idle one, its storage cleared (no theme chosen,
/// as a new reader has), or a new one.
fn reader(screen: Screen) -> ReaderTab {
    let idle = IDLE.lock().unwrap_or_else(|e| e.into_inner()).pop();
    let Some(page) = idle else { return tab(screen) };
    page.tab
        .call_method(headless_chrome::protocol::cdp::Storage::ClearDataForOrigin {
            origin: site().origin.clone(),
            storage_Types: "local_storage,session_storage".to_owned(),
        })
        .unwrap_or_else(|e| panic!("cannot clear a reader's storage: {e:#}"));
    let page = ReaderTab { screen, ..page };
    page.set_screen(screen);
    page
}

/// Reads each of `pages` (files of the built book) in tabs side by side, each
/// tab a reader of its own on `screen`: opens the page, hands it to `look`,
/// then takes the page's faults (console errors, requests leaving localhost).
/// Returns what `look` returned, in the order of `pages`, and the faults.
pub fn read_each<P, T>(screen: Screen, pages: &[P], look: impl Fn(&ReaderTab, &P) -> T + Sync) -> (Vec<T>, Vec<String>)
where
    P: AsRef<str> + Sync,
    T: Send,
{
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut read: Vec<(usize, T, Vec<String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..SIDE_BY_SIDE.min(pages.len()))
            .map(|_| {
                scope.spawn(|| {
                    let page = reader(screen);
                    let mut read = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(name) = pages.get(i) else { break };
                        let name = name.as_ref();
                        page.open(&site().url(name));
                        let found = look(&page, &pages[i]);
                        read.push((i, found, page.faults(name)));
                    }
                    IDLE.lock().unwrap_or_else(|e| e.into_inner()).push(page);
                    read
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    read.sort_by_key(|(i, ..)| *i);
    let faults = read.iter_mut().flat_map(|(_, _, f)| std::mem::take(f)).collect();
    (read.into_iter().map(|(_, found, _)| found).collect(), faults)
}

/// What a reader's console shows as an error, from a protocol event.
fn console_error(event: &Event) -> Option<String> {
    use Runtime::ConsoleAPICalledEventTypeOption as Type;
    Some(match event {
        Event::RuntimeConsoleAPICalled(e) if matches!(e.params.Type, Type::Error | Type::Assert) => {
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
        _ => return None,
    })
}

/// What a tab's protocol events told since its last `open`.
#[derive(Default)]
struct Seen {
    errors: Vec<String>,
    outside: Vec<String>,
    /// The loaders (one per navigation) whose document has fired its load event.
    loaded: Vec<String>,
}

/// `Seen`, and a signal for whoever waits on it.
#[derive(Default)]
struct Watch {
    seen: Mutex<Seen>,
    changed: Condvar,
}

impl Watch {
    fn lock(&self) -> MutexGuard<'_, Seen> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn update(&self, change: impl FnOnce(&mut Seen)) {
        change(&mut self.lock());
        self.changed.notify_all();
    }

    /// Waits (on events, up to `limit`) until `done` holds; false if it never did.
    fn wait_until(&self, limit: Duration, mut done: impl FnMut(&mut Seen) -> bool) -> bool {
        let seen = self.lock();
        let (_seen, timeout) =
            self.changed.wait_timeout_while(seen, limit, |s| !done(s)).unwrap_or_else(|e| e.into_inner());
        !timeout.timed_out()
    }
}

pub struct ReaderTab {
    pub tab: Arc<Tab>,
    seen: Arc<Watch>,
    pub screen: Screen,
}

impl ReaderTab {
    /// Runs `source` (a script, not a function) before any script of every
    /// document this tab opens from now on.
    pub fn before_every_document(&self, source: &str) {
        self.tab
            .call_method(Page::AddScriptToEvaluateOnNewDocument {
                source: source.to_owned(),
                world_name: None,
                include_command_line_api: None,
                run_immediately: None,
            })
            .unwrap();
    }

    /// Opens `url` and waits until the page has loaded and settled (its load
    /// event, its fonts, two frames drawn), and the canary request is seen.
    pub fn open(&self, url: &str) {
        self.seen.update(|s| {
            s.errors.clear();
            s.outside.clear();
            s.loaded.clear();
        });
        let navigate = Page::Navigate {
            url: url.to_owned(),
            referrer: None,
            transition_Type: None,
            frame_id: None,
            referrer_policy: None,
        };
        let navigated = self.tab.call_method(navigate).unwrap_or_else(|e| panic!("{url} did not load: {e:#}"));
        if let Some(error) = navigated.error_text {
            panic!("{url} did not load: {error}");
        }
        // The load event of the document this navigation made (its loader),
        // not of the one before; a navigation within the document has none.
        if let Some(loader) = navigated.loader_id {
            let loaded = self.seen.wait_until(PAGE_LOAD, |s| s.loaded.contains(&loader));
            assert!(
                loaded,
                "{url} did not load in {} s (on a {:?} screen; the tab shows {})",
                PAGE_LOAD.as_secs(),
                self.screen,
                self.tab.get_url()
            );
        }
        // The canary: a request that must be seen leaving (it cannot: no
        // host name resolves), or the observer is blind and proves nothing.
        let _: bool = self.call(SETTLE, (CANARY,));
        let seen = self.seen.wait_until(CANARY_SEEN, |s| {
            let before = s.outside.len();
            s.outside.retain(|u| !u.starts_with(CANARY));
            s.outside.len() < before
        });
        assert!(
            seen,
            "{url}: the request observer did not see the canary request to {CANARY}: it cannot vouch that nothing leaves localhost"
        );
    }

    /// Moves the mouse pointer over the middle of the element `selector`
    /// finds, scrolled into view, as a reader does; that point must show the
    /// element itself (or what is inside it), not something covering it.
    #[track_caller]
    pub fn hover(&self, selector: &str) -> (f64, f64) {
        let at: Point = self.call(POINTER_AT, (selector,));
        self.mouse(selector, Input::DispatchMouseEventTypeOption::MouseMoved, (at.x, at.y));
        (at.x, at.y)
    }

    /// Clicks the element `selector` finds with the mouse, as a reader does
    /// (see `hover`).
    #[track_caller]
    pub fn click(&self, selector: &str) {
        let at = self.hover(selector);
        self.mouse(selector, Input::DispatchMouseEventTypeOption::MousePressed, at);
        self.mouse(selector, Input::DispatchMouseEventTypeOption::MouseReleased, at);
    }

    #[track_caller]
    fn mouse(&self, selector: &str, kind: Input::DispatchMouseEventTypeOption, (x, y): (f64, f64)) {
        let press = kind != Input::DispatchMouseEventTypeOption::MouseMoved;
        self.tab
            .call_method(Input::DispatchMouseEvent {
                Type: kind,
                x,
                y,
                modifiers: None,
                timestamp: None,
                button: press.then_some(Input::MouseButton::Left),
                buttons: None,
                click_count: press.then_some(1),
                force: None,
                tangential_pressure: None,
                tilt_x: None,
                tilt_y: None,
                twist: None,
                delta_x: None,
                delta_y: None,
                pointer_Type: None,
            })
            .unwrap_or_else(|e| panic!("the mouse cannot reach {selector}: {e:#}"));
    }

    /// Calls `script` (a function expression, with `lib.js` in scope) with
    /// `args` (a tuple, passed as JSON: `(theme,)`, `()` for none), and
    /// deserialises what it returns (or resolves to) as `T`: a field missing
    /// from the result is an error.
    #[track_caller]
    pub fn call<T: DeserializeOwned>(&self, script: Script, args: impl Serialize) -> T {
        self.evaluate(script.name, script.source, args)
    }

    /// Calls each of `scripts` (taking no arguments) in turn, in one
    /// evaluation (each protocol call costs time): what each returned, by name.
    #[track_caller]
    pub fn call_each(&self, scripts: &[Script]) -> BTreeMap<&'static str, Value> {
        let mut source = String::from("async () => {\nconst out = {};\n");
        for script in scripts {
            let body = script.source.trim().trim_end_matches(';');
            source.push_str(&format!("out[{:?}] = await ({body}\n)();\n", script.name));
        }
        source.push_str("return out;\n}");
        let names: Vec<&str> = scripts.iter().map(|s| s.name).collect();
        let mut found: BTreeMap<String, Value> = self.evaluate(&names.join(" + "), &source, ());
        scripts.iter().map(|s| (s.name, found.remove(s.name).unwrap_or(Value::Null))).collect()
    }

    #[track_caller]
    fn evaluate<T: DeserializeOwned>(&self, name: &str, source: &str, args: impl Serialize) -> T {
        let args = match serde_json::to_value(args).unwrap() {
            Value::Null => Value::Array(Vec::new()),
            args @ Value::Array(_) => args,
            other => panic!("{name}: arguments are passed as a tuple, not {other}"),
        };
        let source = source.trim().trim_end_matches(';');
        let expression = format!(
            "(async () => {{\n{LIB}\nreturn await ({source}\n)(...{args});\n}})()\
             .then(v => JSON.stringify({{ ok: v === undefined ? null : v }}), \
                   e => JSON.stringify({{ error: String(e && e.stack || e) }}))"
        );
        let result = self.tab.evaluate(&expression, true).unwrap_or_else(|e| panic!("{name} failed: {e:#}"));
        let text = result.value.as_ref().and_then(Value::as_str);
        let text = text.unwrap_or_else(|| panic!("{name} returned no JSON: {result:?}"));
        let mut value: Value = serde_json::from_str(text).unwrap();
        if let Some(error) = value.get("error") {
            panic!("{name} threw in {}: {error}", self.tab.get_url());
        }
        let ok = value["ok"].take();
        serde_json::from_value(ok.clone()).unwrap_or_else(|e| {
            panic!("{name} in {}: its result is not a {}: {e}\n{ok}", self.tab.get_url(), std::any::type_name::<T>())
        })
    }

    /// Runs a script's source as it is, in the page (a library, say).
    pub fn install(&self, name: &str, source: &str) {
        self.tab.evaluate(source, false).unwrap_or_else(|e| panic!("{name} did not install: {e:#}"));
    }

    /// The problems every check reports for the page open now, as problems
    /// of `at`: console errors (from the protocol and from the page itself)
    /// and requests that tried to leave 127.0.0.1 (none got out: no host name
    /// resolves in this Chromium), since the last `open`.
    pub fn faults(&self, at: &str) -> Vec<String> {
        let mut errors: Vec<String> = self.seen.lock().errors.clone();
        errors.extend(self.call::<Vec<String>>(PAGE_ERRORS, ()));
        errors.retain(|e| !e.contains(CANARY));
        errors.sort();
        errors.dedup();
        let mut outside = self.seen.lock().outside.clone();
        outside.sort();
        outside.dedup();
        let errors = errors.into_iter().map(|e| format!("{at}: console error: {e}"));
        errors.chain(outside.into_iter().map(|r| format!("{at}: request leaving localhost: {r}"))).collect()
    }

    /// Chooses `theme` as a reader does, with mdBook's theme menu on the page
    /// open now (which also keeps the choice for the pages opened next);
    /// false if the page does not show in it.
    pub fn choose_theme(&self, theme: &str) -> bool {
        self.call(CHOOSE_THEME, (theme,))
    }

    /// The window as `screen`, for the page open now and those opened next.
    pub fn set_screen(&self, screen: Screen) {
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width: screen.width(),
                height: screen.height(),
                device_scale_factor: 1.0,
                mobile: screen == Screen::Phone,
                scale: None,
                screen_width: None,
                screen_height: None,
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .unwrap();
    }

    /// CSS media as `media` (`print`), or as a screen again (`None`).
    pub fn emulate_media(&self, media: Option<&str>) {
        self.tab.call_method(Emulation::SetEmulatedMedia { media: media.map(str::to_owned), features: None }).unwrap();
    }

    /// A picture of one element, with a margin of the page around it.
    pub fn screenshot_element(&self, selector: &str, file: &Path) {
        self.screenshot_span(selector, selector, file);
    }

    /// A picture from the top of one element to the bottom of another (as
    /// much as the window holds), with a margin of the page around it.
    pub fn screenshot_span(&self, first: &str, last: &str, file: &Path) {
        #[derive(Deserialize)]
        struct Rect {
            x: f64,
            y: f64,
            width: f64,
            height: f64,
        }
        let r: Rect = self.call(SPAN_RECT, (first, last));
        let margin = 12.0;
        let clip = Page::Viewport {
            x: (r.x - margin).max(0.0),
            y: (r.y - margin).max(0.0),
            width: r.width + 2.0 * margin,
            height: r.height + 2.0 * margin,
            scale: 1.0,
        };
        let png = self
            .tab
            .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, Some(clip), true)
            .unwrap_or_else(|e| panic!("screenshot of {first}: {e:#}"));
        std::fs::write(file, png).unwrap();
        report!("screenshot: {}", file.display());
    }

    pub fn screenshot_viewport(&self, file: &Path) {
        let png = self.tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true).unwrap();
        std::fs::write(file, png).unwrap();
        report!("screenshot: {}", file.display());
    }

    /// Closes the tab (its window): a reader done reading.
    pub fn close(&self) {
        let _ = self.tab.close(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLICK_FIXTURE: Script = script!("click_fixture.js");

    /// `click` lands a real click on its element, and refuses one that
    /// something else covers (a reader's click would land on that instead).
    #[test]
    fn a_click_lands_on_its_element_and_a_covered_one_is_refused() {
        let (found, faults) = read_each(Screen::Desktop, &["index.html"], |page, _| {
            let _: u32 = page.call(CLICK_FIXTURE, ("set up",));
            page.click("#reader-fixture-open");
            let clicks: u32 = page.call(CLICK_FIXTURE, ("count",));
            let covered =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| page.click("#reader-fixture-covered")));
            let refused = covered.err().map(|e| {
                e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            });
            (clicks, refused)
        });
        assert_eq!(faults, Vec::<String>::new());
        let (clicks, refused) = &found[0];
        assert_eq!(*clicks, 1, "one click on the button, counted by its own listener");
        let refused = refused.clone().expect("a click on a covered button was not refused");
        let refused = refused.unwrap_or_default();
        assert!(
            refused.contains("#reader-fixture-covered is covered at its middle by <div id=")
                && refused.contains("reader-fixture-cover"),
            "{refused}"
        );
    }

    /// The claim `nullable` rests on, proven without a browser.
    #[test]
    fn a_nullable_field_left_out_is_an_error() {
        #[derive(Debug, Deserialize)]
        struct Measured {
            #[serde(deserialize_with = "nullable")]
            contrast: Option<f64>,
        }
        let null: Measured = serde_json::from_str(r#"{ "contrast": null }"#).unwrap();
        assert_eq!(null.contrast, None);
        let missing = serde_json::from_str::<Measured>("{}").unwrap_err();
        assert!(missing.to_string().contains("missing field `contrast`"), "{missing}");
    }
}
