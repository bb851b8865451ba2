//! The README's "Code layout" tables are how a newcomer finds "where is the OFAC parser": they
//! must name every source file there is, so a file added without a line there fails here.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_readme_code_layout_names_every_source_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let section = readme
        .split("## Code layout")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("README has a Code layout section");
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `src/")).collect();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut missing = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(root).expect("under the crate").to_string_lossy().replace('\\', "/");
        let parts: Vec<&str> = rel.split('/').collect();
        let named = match parts.as_slice() {
            ["src", top] => rows.iter().any(|r| r.contains(&format!("`src/{top}`"))),
            ["src", folder, .., name] => {
                let heading = format!("| `src/{folder}/` |");
                rows.iter().any(|r| r.starts_with(&heading) && r.contains(&format!("`{name}`")))
            }
            _ => true,
        };
        if !named {
            missing.push(rel);
        }
    }
    missing.sort();
    assert!(missing.is_empty(), "README \"Code layout\" does not name: {missing:?}");
}
