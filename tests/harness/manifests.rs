//! The manifests a page shows. A reader copies them into a project of their
//! own, so a dependency that a shown manifest spells out (instead of
//! inheriting it with `workspace = true`) must ask for the version, features
//! and default features the workspace builds every listing with, and an
//! edition it spells out must be the workspace's: otherwise the reader's
//! project compiles other code than the code the tests ran.

use std::collections::BTreeSet;
use std::path::Path;

use toml::{Table, Value};

use crate::book::Book;

/// What a dependency entry asks for: version requirement, features, default
/// features on or off.
#[derive(PartialEq, Eq)]
struct Requirement {
    version: String,
    features: BTreeSet<String>,
    default_features: bool,
}

impl std::fmt::Display for Requirement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\" with features {:?}", self.version, self.features)?;
        if !self.default_features {
            write!(f, " and no default features")?;
        }
        Ok(())
    }
}

impl Book {
    /// Every dependency or edition of a shown listing manifest that differs
    /// from the workspace's (the root `Cargo.toml`), one message each.
    pub fn manifest_problems(&self) -> Vec<String> {
        let root = Path::new("Cargo.toml");
        let workspace = match self.read(root).map(|text| text.parse::<Table>()) {
            Some(Ok(table)) => table,
            Some(Err(e)) => return vec![format!("Cargo.toml: not valid TOML: {e}")],
            None => return vec!["Cargo.toml: the book's root has no workspace manifest".to_owned()],
        };
        let section = |name: &str| workspace.get("workspace").and_then(|w| w.get(name)).and_then(Value::as_table);
        let (Some(dependencies), Some(edition)) =
            (section("dependencies"), section("package").and_then(|p| p.get("edition")).and_then(Value::as_str))
        else {
            return vec!["Cargo.toml: needs [workspace.dependencies] and [workspace.package] edition".to_owned()];
        };
        let mut shown: Vec<&Path> =
            self.included().filter(|p| p.file_name().is_some_and(|n| n == "Cargo.toml") && *p != root).collect();
        shown.sort();
        let mut problems = Vec::new();
        for manifest in shown {
            let chapter = self.places(manifest).first().map(|p| p.chapter.display().to_string()).unwrap_or_default();
            let at = format!("{chapter}: {}", manifest.display());
            let table = match self.read(manifest).map(|text| text.parse::<Table>()) {
                Some(Ok(table)) => table,
                Some(Err(e)) => {
                    problems.push(format!("{at} is not valid TOML: {e}"));
                    continue;
                }
                None => continue, // a missing file is the include guard's to report
            };
            if let Some(own) = table.get("package").and_then(|p| p.get("edition")).and_then(Value::as_str) {
                if own != edition {
                    problems.push(format!(
                        "{at} says edition = \"{own}\", but the workspace builds its listings with edition \"{edition}\""
                    ));
                }
            }
            let Some(asked) = table.get("dependencies").and_then(Value::as_table) else { continue };
            for (name, spec) in asked {
                if spec.get("workspace").and_then(Value::as_bool) == Some(true) {
                    continue;
                }
                let Some(tested) = dependencies.get(name) else {
                    problems.push(format!(
                        "{at} asks for {name}, which is not in [workspace.dependencies]: no listing is tested with it"
                    ));
                    continue;
                };
                let (asked, tested) = (requirement(spec), requirement(tested));
                if asked != tested {
                    problems.push(format!(
                        "{at} asks for {name} {asked}, but the workspace builds and tests {name} {tested}: a reader \
                         copying this manifest would compile something else"
                    ));
                }
            }
        }
        problems
    }
}

/// A dependency entry, either `"1.2"` or `{ version = "1.2", features = [...] }`.
fn requirement(spec: &Value) -> Requirement {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
    match spec {
        Value::String(version) => {
            Requirement { version: version.clone(), features: BTreeSet::new(), default_features: true }
        }
        _ => Requirement {
            version: text(spec.get("version")),
            features: spec
                .get("features")
                .and_then(Value::as_array)
                .map(|list| list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default(),
            default_features: spec.get("default-features").and_then(Value::as_bool).unwrap_or(true),
        },
    }
}
