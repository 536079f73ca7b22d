//! The built book, served on localhost.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub struct Site {
    /// The book; its HTML output directory is a temporary one, kept while the tests run.
    pub book: book_harness::Book,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// `http://127.0.0.1:PORT/asyncio-in-rust/`: served under `site-url`, as
    /// GitHub Pages serves it, so the 404 page's `<base>` works as it will there.
    pub base: String,
    /// `site-url` from book.toml.
    pub site_url: String,
    /// `git-repository-url` from book.toml, if any.
    pub repository_url: Option<String>,
    /// Every HTML file, relative to `dir`, sorted.
    pub pages: Vec<String>,
    /// The chapters, in the order of SUMMARY.md.
    pub chapters: Vec<Chapter>,
}

pub struct Chapter {
    /// e.g. `ch01-writing-async-code.html`
    pub page: String,
    /// e.g. `src/ch01-writing-async-code.md`
    pub source: String,
    /// As the table of contents names it.
    pub title: String,
}

/// A chapter reads as its page (for `read_each`).
impl AsRef<str> for Chapter {
    fn as_ref(&self) -> &str {
        &self.page
    }
}

impl Site {
    pub fn url(&self, page: &str) -> String {
        format!("{}{page}", self.base)
    }

    pub fn dir(&self) -> &Path {
        self.book.html().dir.path()
    }

    pub fn html(&self, page: &str) -> String {
        std::fs::read_to_string(self.dir().join(page)).unwrap()
    }

    /// The text of a page's `<main>`, tags stripped (for finding pages).
    pub fn main_text(&self, page: &str) -> String {
        let html = self.html(page);
        let main = match (html.find("<main>"), html.find("</main>")) {
            (Some(a), Some(b)) if a < b => &html[a..b],
            _ => &html[..],
        };
        let tags = regex::Regex::new(r"<[^>]*>").unwrap();
        tags.replace_all(main, "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    }

    pub fn chapter_pages(&self) -> impl Iterator<Item = &str> {
        self.chapters.iter().map(|c| c.page.as_str())
    }

    /// Every page a reader opens: toc.html is no page of its own (it is the
    /// sidebar's frame for readers without JavaScript, shown inside the others).
    pub fn reader_pages(&self) -> impl Iterator<Item = &str> {
        self.pages.iter().map(String::as_str).filter(|p| *p != "toc.html")
    }

    /// The chapters whose built HTML contains any of `markers`.
    pub fn chapters_with<'a>(&'a self, markers: &'a [&str]) -> impl Iterator<Item = &'a Chapter> {
        self.chapters.iter().filter(move |c| {
            let html = self.html(&c.page);
            markers.iter().any(|m| html.contains(m))
        })
    }
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `target/browser-screenshots/`, created.
pub fn shots_dir() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap();
    let dir = target.join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        // Built with mdBook's own library, exactly as `mdbook build` does (the
        // harness's build; `tests/book.rs` checks its log is clean).
        let _ = std::fs::remove_dir_all(shots_dir());
        let book = book_harness::Book::load(root()).unwrap_or_else(|e| panic!("{e}"));
        let dir = book.html().dir.path().to_path_buf();

        let config = mdbook_driver::config::Config::from_disk(root().join("book.toml"))
            .unwrap_or_else(|e| panic!("book.toml: {e:#}"));
        let html = config.html_config();
        let site_url = html.as_ref().and_then(|h| h.site_url.clone()).unwrap_or_else(|| "/".to_owned());
        let repository_url = html.and_then(|h| h.git_repository_url);
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
        Site { book, origin, base, site_url, repository_url, pages, chapters }
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
/// Pages would: a missing file gets `404.html` with status 404, and every
/// answer may be kept for ten minutes (GitHub Pages' `max-age=600`), so a
/// tab reading page after page reuses the scripts and styles, as a reader's
/// browser does. A few threads answer, so that pages opened side by side
/// load side by side.
fn serve(dir: PathBuf, prefix: String) -> u16 {
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("cannot listen on 127.0.0.1"));
    let port = server.server_addr().to_ip().expect("an IP address").port();
    for _ in 0..4 {
        let (server, dir, prefix) = (Arc::clone(&server), dir.clone(), prefix.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let (status, body, mime) = respond(&dir, &prefix, request.url());
                let content_type = tiny_http::Header::from_bytes("Content-Type", mime).unwrap();
                let cache = tiny_http::Header::from_bytes("Cache-Control", "max-age=600").unwrap();
                let response = tiny_http::Response::from_data(body)
                    .with_status_code(status)
                    .with_header(content_type)
                    .with_header(cache);
                // tiny_http leaves the body out for HEAD; a reader gone is no error.
                let _ = request.respond(response);
            }
        });
    }
    port
}

fn respond(dir: &Path, prefix: &str, url: &str) -> (u16, Vec<u8>, &'static str) {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let file = path
        .strip_prefix(prefix)
        .map(|rel| percent_encoding::percent_decode_str(rel).decode_utf8_lossy())
        .and_then(|rel| {
            let rel = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.into_owned() };
            let safe = !rel.split('/').any(|part| part == ".." || part.starts_with('.'));
            let file = dir.join(rel);
            (safe && file.is_file()).then_some(file)
        });
    match file {
        Some(file) => (200, std::fs::read(&file).unwrap(), mime(&file)),
        None => (404, std::fs::read(dir.join("404.html")).unwrap_or_default(), "text/html; charset=utf-8"),
    }
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
