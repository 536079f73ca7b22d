//! Chromium, as a reader: launching it, tabs that record what a reader's
//! console would show and every request, scripts run in a page, screenshots.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Log, Network, Page, Runtime};
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
const STALE: &str = include_str!("js/stale.js");
const READY: &str = include_str!("js/ready.js");
const SETTLE: Script = script!("settle.js");
const PAGE_ERRORS: Script = script!("page_errors.js");
const CHOOSE_THEME: Script = script!("choose_theme.js");
const THEME_APPLIED: Script = script!("theme_applied.js");
const SPAN_RECT: Script = script!("span_rect.js");

/// For a field the scripts may set to `null` but must not leave out:
/// `#[serde(deserialize_with = "nullable")]` on an `Option` makes its absence
/// an error (serde takes a missing `Option` for `None` otherwise).
pub fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

/// A request that cannot succeed (`.invalid` never resolves, and Chromium
/// resolves no name but 127.0.0.1 here), to prove the observer sees requests.
const CANARY: &str = "https://reader-canary.invalid/";

/// One Chromium at a time: the tests share two cores with everything else.
static ONE_BROWSER: Mutex<()> = Mutex::new(());

pub struct Reader {
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
    pub fn launch() -> Reader {
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
    pub fn tab(&self) -> ReaderTab {
        let tab = self.browser.new_tab().unwrap();
        tab.set_default_timeout(Duration::from_secs(20));
        let errors = Arc::new(Mutex::new(Vec::<String>::new()));
        let outside = Arc::new(Mutex::new(Vec::<String>::new()));

        tab.enable_log().unwrap();
        tab.enable_runtime().unwrap();
        let sink = Arc::clone(&errors);
        tab.add_event_listener(Arc::new(move |event: &Event| {
            if let Some(message) = console_error(event) {
                sink.lock().unwrap().push(message);
            }
        }))
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
        let sink = Arc::clone(&outside);
        let local = format!("{}/", site().origin);
        tab.add_event_listener(Arc::new(move |event: &Event| {
            let url = match event {
                Event::NetworkRequestWillBeSent(e) => e.params.request.url.clone(),
                Event::NetworkWebSocketCreated(e) => e.params.url.clone(),
                _ => return,
            };
            if !(url.starts_with(&local) || url.starts_with("data:") || url.starts_with("blob:")) {
                sink.lock().unwrap().push(url);
            }
        }))
        .unwrap();

        let page = ReaderTab { tab, errors, outside };
        // The page's own record too, in case a protocol event did not parse.
        page.before_every_document(IN_PAGE_ERRORS);
        page
    }
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

pub struct ReaderTab {
    pub tab: Arc<Tab>,
    errors: Arc<Mutex<Vec<String>>>,
    outside: Arc<Mutex<Vec<String>>>,
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

    /// Opens `url` and waits until the page has loaded and settled.
    pub fn open(&self, url: &str) {
        let _ = self.tab.evaluate(STALE, false);
        self.errors.lock().unwrap().clear();
        self.outside.lock().unwrap().clear();
        self.tab.navigate_to(url).unwrap_or_else(|e| panic!("{url} did not load: {e:#}"));
        let start = Instant::now();
        loop {
            let ready =
                self.tab.evaluate(READY, false).ok().and_then(|r| r.value).and_then(|v| v.as_bool()).unwrap_or(false);
            if ready {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "{url} did not load in 30 s");
            std::thread::sleep(Duration::from_millis(25));
        }
        // The canary: a request that must be seen leaving (it cannot: no
        // host name resolves), or the observer is blind and proves nothing.
        let _: bool = self.call(SETTLE, (CANARY,));
        let start = Instant::now();
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

    /// Calls `script` (a function expression, with `lib.js` in scope) with
    /// `args` (a tuple, passed as JSON: `(theme,)`, `()` for none), and
    /// deserialises what it returns (or resolves to) as `T`: a field missing
    /// from the result is an error.
    #[track_caller]
    pub fn call<T: DeserializeOwned>(&self, script: Script, args: impl Serialize) -> T {
        let args = match serde_json::to_value(args).unwrap() {
            Value::Null => Value::Array(Vec::new()),
            args @ Value::Array(_) => args,
            other => panic!("{}: arguments are passed as a tuple, not {other}", script.name),
        };
        let source = script.source.trim().trim_end_matches(';');
        let expression = format!(
            "(async () => {{\n{LIB}\nreturn await ({source}\n)(...{args});\n}})()\
             .then(v => JSON.stringify({{ ok: v === undefined ? null : v }}), \
                   e => JSON.stringify({{ error: String(e && e.stack || e) }}))"
        );
        let name = script.name;
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

    /// The problems every check reports for the page open now, as problems
    /// of `at`: console errors (from the protocol and from the page itself)
    /// and requests that tried to leave 127.0.0.1 (none got out: no host name
    /// resolves in this Chromium), since the last `open`.
    pub fn faults(&self, at: &str) -> Vec<String> {
        let mut errors: Vec<String> = self.errors.lock().unwrap().clone();
        errors.extend(self.call::<Vec<String>>(PAGE_ERRORS, ()));
        errors.retain(|e| !e.contains(CANARY));
        errors.sort();
        errors.dedup();
        let mut outside = self.outside.lock().unwrap().clone();
        outside.sort();
        outside.dedup();
        let errors = errors.into_iter().map(|e| format!("{at}: console error: {e}"));
        errors.chain(outside.into_iter().map(|r| format!("{at}: request leaving localhost: {r}"))).collect()
    }

    /// Chooses a theme as a reader's choice is kept: in localStorage, which
    /// mdBook reads back on every page it opens.
    pub fn choose_theme(&self, theme: &str) {
        let _: bool = self.call(CHOOSE_THEME, (theme,));
    }

    /// Opens `url` in the theme chosen before.
    pub fn open_in(&self, url: &str, theme: &str) {
        self.open(url);
        let applied: bool = self.call(THEME_APPLIED, (theme,));
        assert!(applied, "{url}: theme {theme} was not applied");
    }

    /// The window as a device of `width` x `height` CSS pixels (`mobile`: as a
    /// phone lays pages out, with their viewport meta tag). For the pages opened next.
    pub fn set_viewport(&self, width: u32, height: u32, mobile: bool) {
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height,
                device_scale_factor: 1.0,
                mobile,
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
