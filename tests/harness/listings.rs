//! The listing crates, found in one place ([`discover`]), and the files
//! beside each that a page shows.

use std::fs;
use std::path::{Path, PathBuf};

/// Files beside a listing's `Cargo.toml` that hold what the book shows.
pub const STDOUT_FILE: &str = "output.txt";
pub const COMPILER_FILE: &str = "compiler.txt";
/// stderr of a program that must panic (exit code 101).
pub const PANIC_FILE: &str = "panic.txt";
/// stderr of a program that succeeds but writes to stderr.
pub const STDERR_FILE: &str = "stderr.txt";

/// One listing crate, `listings/<chapter>/<listing>/`.
#[derive(Debug, Clone)]
pub struct Listing {
    /// Relative to the book's root.
    pub dir: PathBuf,
    pub package: String,
}

impl Listing {
    /// Python counterparts beside the crate, each with its output file.
    pub fn python_files(&self, root: &Path) -> Vec<(PathBuf, PathBuf)> {
        let mut files: Vec<_> = fs::read_dir(root.join(&self.dir))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|e| e == "py"))
            .map(|e| {
                let py = self.dir.join(e.file_name());
                (py.clone(), py.with_extension("txt"))
            })
            .collect();
        files.sort();
        files
    }

    /// Every file of this listing that some chapter must show.
    pub fn shown_files(&self, root: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = [STDOUT_FILE, COMPILER_FILE, PANIC_FILE, STDERR_FILE]
            .iter()
            .map(|f| self.dir.join(f))
            .filter(|f| root.join(f).exists())
            .collect();
        // A service's outputs are named after the signal path that produces them.
        files.extend(crate::signals::scenarios_of(&root.join(&self.dir)).iter().map(|s| self.dir.join(s.file)));
        for (py, out) in self.python_files(root) {
            files.push(py);
            if root.join(&out).exists() {
                files.push(out);
            }
        }
        files
    }
}

/// The chapter a file under `listings/` belongs to by convention
/// (`listings/ch03-x/...` is shown by `src/ch03-x.md`), for messages about
/// files no page shows.
pub fn chapter_hint(path: &Path) -> String {
    let mut parts = path.components().skip_while(|c| c.as_os_str() != "listings").skip(1);
    match parts.next() {
        Some(chapter) => format!("src/{}.md", chapter.as_os_str().to_string_lossy()),
        None => path.display().to_string(),
    }
}

/// Every listing crate under `root/listings/*/*` (the workspace's members
/// glob), in path order: the one place the harness finds them. A directory
/// without a `Cargo.toml` is left to cargo, which refuses it as a member.
pub fn discover(root: &Path) -> Vec<Listing> {
    let name = regex::Regex::new(r#"(?m)^name\s*=\s*"([^"]+)""#).unwrap();
    let sorted_dirs = |dir: &Path| {
        let mut dirs: Vec<PathBuf> =
            fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
        dirs.sort();
        dirs
    };
    let mut listings = Vec::new();
    for chapter in sorted_dirs(&root.join("listings")) {
        for dir in sorted_dirs(&chapter) {
            let Ok(manifest) = fs::read_to_string(dir.join("Cargo.toml")) else { continue };
            let package = name.captures(&manifest).map(|c| c[1].to_owned()).unwrap_or_default();
            listings.push(Listing { dir: dir.strip_prefix(root).unwrap().to_path_buf(), package });
        }
    }
    listings
}
