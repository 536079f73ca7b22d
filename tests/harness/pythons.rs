//! The CPythons the counterparts run on: each claimed release this machine
//! has. One is enough; CI (`.ci/run` sets [`REQUIRE_ALL`]) demands them all.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The Python minor versions the book claims its counterparts run on.
pub const CLAIMED: [&str; 3] = ["3.11", "3.12", "3.13"];

/// Set (to anything but `0`) by `.ci/run`: every claimed CPython must be
/// installed, not just one.
pub const REQUIRE_ALL: &str = "BOOK_REQUIRE_ALL_PYTHONS";

/// One CPython interpreter.
#[derive(Debug, Clone, PartialEq)]
pub struct Python {
    /// The interpreter's own executable (`sys.executable`): pyenv's `python3`
    /// is a shell script that costs about 70 ms a start.
    pub program: PathBuf,
    /// `3.11.7`
    pub version: String,
    /// Its standard library (`.../lib/python3.11`).
    pub stdlib: PathBuf,
}

impl Python {
    /// `3.11`
    pub fn minor(&self) -> String {
        crate::versions::minor(&self.version)
    }
}

/// The interpreters a counterpart runs on: [`choose`] over what this
/// machine has, demanding all of them when CI asks ([`REQUIRE_ALL`]).
pub fn claimed() -> Result<Vec<Python>, String> {
    choose(found(), require_all())
}

/// The first claimed CPython found, if any (the guards' fixtures need one,
/// of any claimed release).
pub fn first_claimed() -> Option<Python> {
    choose(found(), false).ok().and_then(|found| found.into_iter().next())
}

/// Of the interpreters `found`, one per claimed minor version, in the order
/// found (a refresh writes from the very first). `Err` says what to install
/// when there is none, or, with `require_all`, which claimed releases are
/// missing.
pub fn choose(found: &[Python], require_all: bool) -> Result<Vec<Python>, String> {
    let mut chosen: Vec<Python> = Vec::new();
    for python in found {
        if CLAIMED.contains(&python.minor().as_str()) && !chosen.iter().any(|p| p.minor() == python.minor()) {
            chosen.push(python.clone());
        }
    }
    let missing: Vec<&str> = CLAIMED.iter().copied().filter(|v| !chosen.iter().any(|p| p.minor() == *v)).collect();
    let looked = "looked for $BOOK_PYTHON, python3, python3.11, python3.12, python3.13 and python on PATH, \
                  and in pyenv's versions";
    if chosen.is_empty() {
        return Err(format!(
            "no CPython {} or {} is installed ({looked}): install one (python.org, your system's package manager, \
             or `pyenv install 3.12`), or point BOOK_PYTHON at one",
            CLAIMED[..CLAIMED.len() - 1].join(", "),
            CLAIMED[CLAIMED.len() - 1]
        ));
    }
    if require_all && !missing.is_empty() {
        return Err(format!(
            "{REQUIRE_ALL} is set, and CPython {} {} missing ({looked}); found {}",
            missing.join(", "),
            if missing.len() == 1 { "is" } else { "are" },
            chosen.iter().map(|p| format!("{} ({})", p.version, p.program.display())).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(chosen)
}

/// Whether CI asked for every claimed CPython.
pub fn require_all() -> bool {
    std::env::var_os(REQUIRE_ALL).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Every CPython this machine has, of any version, each once, in the order
/// [`candidates`] names them (probed once per process).
pub fn found() -> &'static [Python] {
    static FOUND: OnceLock<Vec<Python>> = OnceLock::new();
    FOUND.get_or_init(|| {
        let mut found: Vec<Python> = Vec::new();
        for program in candidates() {
            if let Some(python) = probe(&program) {
                if !found.iter().any(|p| p.program == python.program || p.stdlib == python.stdlib) {
                    found.push(python);
                }
            }
        }
        found
    })
}

/// Where interpreters may be: `$BOOK_PYTHON`, then `python3`, `python3.X`
/// and `python` on PATH (Windows' installer names it `python`), then
/// pyenv's versions, newest first.
fn candidates() -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::env::var_os("BOOK_PYTHON").map(PathBuf::from).into_iter().collect();
    names.push("python3".into());
    names.extend(CLAIMED.iter().map(|v| PathBuf::from(format!("python{v}"))));
    names.push("python".into());
    let pyenv = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::home_dir().map(|home| home.join(".pyenv")));
    let mut versions: Vec<PathBuf> = pyenv
        .map(|root| std::fs::read_dir(root.join("versions")).into_iter().flatten().flatten().map(|e| e.path()))
        .into_iter()
        .flatten()
        .collect();
    versions.sort();
    for version in versions.into_iter().rev() {
        // pyenv's layout on Unix; pyenv-win puts python.exe at the top.
        names.extend([version.join("bin").join("python3"), version.join("python.exe")]);
    }
    names
}

/// Asks an interpreter what it is; `None` if it does not run. (Once per
/// program and process: only [`found`] asks.)
fn probe(program: &Path) -> Option<Python> {
    // -S -I: no site-packages, no environment; the standard library is where `os` is.
    let script = "import os, sys; print('%d.%d.%d' % sys.version_info[:3]); \
                  print(os.path.dirname(os.__file__)); print(sys.executable)";
    let output = Command::new(program).args(["-S", "-I", "-c", script]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let mut lines = text.lines().map(str::trim);
    let version = lines.next()?.to_owned();
    let stdlib = PathBuf::from(lines.next()?);
    let executable = lines.next().filter(|e| !e.is_empty()).map(PathBuf::from);
    let program = executable.unwrap_or_else(|| program.to_path_buf());
    Some(Python { program, version, stdlib })
}

/// The interpreter as a counterpart gets it: `python -S -X utf8` (no
/// site-packages, so only the standard library; UTF-8 whatever the locale),
/// with no bytecode written beside the listings and a fixed hash seed.
pub fn interpreter(python: &Python) -> Command {
    let mut cmd = Command::new(&python.program);
    cmd.args(["-S", "-X", "utf8"]).env("PYTHONDONTWRITEBYTECODE", "1").env("PYTHONHASHSEED", "0");
    cmd
}
