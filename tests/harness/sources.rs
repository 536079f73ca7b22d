//! Where the code the book cites lives on this machine: each crate of
//! `Cargo.lock` in cargo's own copy (found through `cargo metadata`). The
//! cited CPython files are kept in the repository (`tests/cpython/`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Every crate of `Cargo.lock` from a registry, by name (one version each:
/// the book's dependencies are never locked twice). The workspace's own
/// packages (the listings, found by `listings::discover`) are left out.
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
    for package in metadata["packages"].as_array().into_iter().flatten().filter(|p| !p["source"].is_null()) {
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
