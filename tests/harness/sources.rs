//! Where the code the book talks about lives on this machine: each crate of
//! `Cargo.lock` in cargo's own copy (found through `cargo metadata`), and each
//! CPython the book claims, with its `asyncio` package.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// A crate of `Cargo.lock`, as `cargo metadata` reports it.
#[derive(Debug, Clone)]
pub struct Crate {
    pub name: String,
    pub version: String,
    /// `https://github.com/owner/repo`, without `.git` or a trailing slash.
    pub repository: String,
    /// The directory of its `Cargo.toml` in cargo's registry copy.
    pub dir: PathBuf,
}

/// Every crate in `Cargo.lock`, by name (one version each: the book's
/// dependencies are never locked twice).
pub fn crates(workspace: &Path) -> Result<HashMap<String, Crate>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(&cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(workspace)
        .output()
        .map_err(|e| format!("could not run `{cargo} metadata`: {e}"))?;
    if !output.status.success() {
        return Err(format!("`cargo metadata` failed:\n{}", String::from_utf8_lossy(&output.stderr)));
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("`cargo metadata` printed no JSON: {e}"))?;
    let mut crates = HashMap::new();
    for package in metadata["packages"].as_array().into_iter().flatten() {
        let text = |key: &str| package[key].as_str().unwrap_or_default().to_owned();
        let manifest = PathBuf::from(text("manifest_path"));
        let repository = text("repository").trim_end_matches('/').trim_end_matches(".git").to_owned();
        let name = text("name");
        crates.insert(
            name.clone(),
            Crate {
                name,
                version: text("version"),
                repository,
                dir: manifest.parent().unwrap_or(Path::new("")).into(),
            },
        );
    }
    Ok(crates)
}

/// One CPython interpreter.
#[derive(Debug, Clone)]
pub struct Python {
    pub program: PathBuf,
    /// `3.11.7`
    pub version: String,
    /// Its standard library (`.../lib/python3.11`), where `asyncio/` is.
    pub stdlib: PathBuf,
}

/// The Python minor versions the book claims its counterparts run on.
pub const CLAIMED_PYTHONS: [&str; 3] = ["3.11", "3.12", "3.13"];

/// Asks an interpreter what it is; `None` if it does not run. The program
/// kept is the interpreter's own executable (`sys.executable`), not the name
/// asked for: pyenv's `python3` is a shell script that costs about 70 ms per
/// start, and the counterparts are started about a hundred times.
pub fn probe(program: &Path) -> Option<Python> {
    // Once per program and process: through pyenv's shims a probe starts
    // some 500 processes (about 0.2 CPU-seconds), and many tests ask.
    static PROBED: Mutex<BTreeMap<PathBuf, Option<Python>>> = Mutex::new(BTreeMap::new());
    if let Some(known) = PROBED.lock().unwrap().get(program) {
        return known.clone();
    }
    let found = ask(program);
    PROBED.lock().unwrap().insert(program.to_owned(), found.clone());
    found
}

fn ask(program: &Path) -> Option<Python> {
    let script = "import sys, sysconfig; print('%d.%d.%d' % sys.version_info[:3]); \
                  print(sysconfig.get_paths()['stdlib']); print(sys.executable)";
    let output = Command::new(program).args(["-c", script]).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let mut lines = text.lines();
    let version = lines.next()?.trim().to_owned();
    let stdlib = PathBuf::from(lines.next()?.trim());
    let executable = lines.next().map(str::trim).filter(|e| !e.is_empty()).map(PathBuf::from);
    let program = executable.unwrap_or_else(|| program.to_path_buf());
    output.status.success().then_some(Python { program, version, stdlib })
}

/// The interpreter that runs the counterparts first: `$BOOK_PYTHON`, or
/// `python3` on PATH.
pub fn primary_python() -> Option<Python> {
    probe(Path::new(&std::env::var("BOOK_PYTHON").unwrap_or_else(|_| "python3".into())))
}

/// Where an interpreter of `version` (`3.12` or `3.12.1`) may be: `python3`,
/// `python3.12` on PATH, and pyenv's versions.
fn candidates(version: &str) -> Vec<PathBuf> {
    let minor: String = version.split('.').take(2).collect::<Vec<_>>().join(".");
    let mut found = vec![PathBuf::from("python3"), PathBuf::from(format!("python{minor}"))];
    if let Ok(book_python) = std::env::var("BOOK_PYTHON") {
        found.insert(0, PathBuf::from(book_python));
    }
    let pyenv = std::env::var("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|h| Path::new(&h).join(".pyenv")));
    if let Ok(pyenv) = pyenv {
        let mut versions: Vec<PathBuf> = std::fs::read_dir(pyenv.join("versions"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&format!("{minor}."))))
            .collect();
        versions.sort();
        found.extend(versions.into_iter().rev().map(|v| v.join("bin/python3")));
    }
    found
}

/// The interpreters the counterparts run on: python3 first (a refresh
/// rewrites the files from it), then one of each version the book claims;
/// and, for each claimed version that is not installed, what to install.
pub fn claimed_pythons() -> (Vec<Python>, Vec<String>) {
    let mut pythons: Vec<Python> = primary_python().into_iter().collect();
    let mut missing = Vec::new();
    for version in CLAIMED_PYTHONS {
        match find_python(version) {
            Ok(python) if !pythons.iter().any(|p| p.version == python.version) => pythons.push(python),
            Ok(_) => {}
            Err(e) => missing.push(format!("the book claims its counterparts run on CPython {version}, but {e}")),
        }
    }
    (pythons, missing)
}

/// An interpreter whose version is `version` exactly (`3.11.7`) or, given a
/// minor version (`3.12`), any release of it (the newest pyenv has).
pub fn find_python(version: &str) -> Result<Python, String> {
    let exact = version.split('.').count() == 3;
    let candidates = candidates(version);
    candidates
        .iter()
        .filter_map(|program| probe(program))
        .find(
            |python| if exact { python.version == version } else { python.version.starts_with(&format!("{version}.")) },
        )
        .ok_or_else(|| {
            format!(
                "no CPython {version} is installed (looked on PATH, in $BOOK_PYTHON and in pyenv's versions): \
                 install it, e.g. `pyenv install {version}`"
            )
        })
}
