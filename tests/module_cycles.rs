//! No import cycles between sibling modules of `src/`.
//!
//! Reads every file under `src/`, resolves each `crate::…` and `super::…` path (including
//! `use crate::{a, b::c}` groups) to the deepest module it names, and records an edge between the
//! two sibling modules under their closest common parent: `src/lists/reload.rs` using
//! `crate::index::Snapshot` is the edge `lists → index` at the top level. A child using its parent
//! (or the parent its child) is not an edge. Comments are ignored, so intra-doc links do not count.
//! The test fails on any cycle among siblings, at the top level or inside a folder, and prints it.
//!
//! Run alone with `cargo test --test module_cycles -- --nocapture` to see the graph.
#![forbid(unsafe_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type ModPath = Vec<String>;

/// Every `.rs` file under `dir`, with the module path it defines.
fn module_files(root: &Path, dir: &Path, out: &mut Vec<(ModPath, PathBuf)>) {
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).expect("read src/").map(|e| e.expect("dir entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            module_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under src/");
            let mut segs: ModPath = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            let last = segs.pop().expect("file name");
            let stem = last.trim_end_matches(".rs");
            if !matches!(stem, "mod" | "lib" | "main") {
                segs.push(stem.to_owned());
            }
            out.push((segs, path));
        }
    }
}

/// The source with comments and string/char literals blanked out.
fn strip(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'r' && matches!(b.get(i + 1), Some(b'"') | Some(b'#')) && !prev_ident(b, i) {
            // Raw string r"…" / r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            j += 1;
            let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            while j < b.len() && !b[j..].starts_with(&close) {
                j += 1;
            }
            i = j + close.len();
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' {
            // A char literal ('a', '\n', '\u{..}') or a lifetime ('a): skip only the literal.
            let rest = &src[i + 1..];
            let lit_len = if rest.starts_with('\\') {
                rest.find('\'').map(|p| p + 1)
            } else {
                rest.chars().next().and_then(|c| rest[c.len_utf8()..].starts_with('\'').then_some(c.len_utf8() + 1))
            };
            match lit_len {
                Some(n) => {
                    i += 1 + n;
                    out.push_str("' '");
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let c = src[i..].chars().next().expect("char");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn prev_ident(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// Parses a use-tree after `prefix::` at `s`, appending each full path to `out`.
fn use_tree(s: &str, prefix: &ModPath, out: &mut Vec<ModPath>) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    let mut path = prefix.clone();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) == Some(&b'{') {
            i += 1;
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    return i + 1;
                }
                i += use_tree(&s[i..], &path, out);
            }
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        if start == i {
            out.push(path);
            return i;
        }
        path.push(s[start..i].to_owned());
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if s[j..].starts_with("::") {
            i = j + 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// The module paths `code` (in module `here`) refers to through `crate::` and `super::`.
fn references(code: &str, here: &ModPath) -> Vec<ModPath> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let at_word = !prev_ident(b, i) && (i == 0 || b[i - 1] != b':');
        if at_word && code[i..].starts_with("crate::") {
            i += "crate::".len();
            i += use_tree(&code[i..], &Vec::new(), &mut out);
        } else if at_word && code[i..].starts_with("super::") {
            let mut base = here.clone();
            while code[i..].starts_with("super::") {
                base.pop();
                i += "super::".len();
            }
            i += use_tree(&code[i..], &base, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// Cycles in `graph`, each as the list of nodes of one strongly connected component of size > 1.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: Vec<&String> = graph.keys().collect();
    let reach = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(n) = stack.pop() {
            for m in graph.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> = nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(*n) || !reaches[n].contains(*n) {
            continue;
        }
        let scc: Vec<String> = nodes
            .iter()
            .filter(|m| reaches[n].contains(**m) && reaches[*m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        done.extend(scc.iter().cloned());
        out.push(scc);
    }
    out
}

/// One shortest path `from → … → to` in `graph`, for the message.
fn path(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> Vec<String> {
    let mut prev: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([from.to_owned()]);
    while let Some(n) = queue.pop_front() {
        for m in graph.get(&n).into_iter().flatten() {
            if m == to {
                let mut p = vec![to.to_owned(), n.clone()];
                let mut cur = n.clone();
                while let Some(q) = prev.get(&cur) {
                    p.push(q.clone());
                    cur = q.clone();
                }
                p.reverse();
                return p;
            }
            if !prev.contains_key(m) && m != from {
                prev.insert(m.clone(), n.clone());
                queue.push_back(m.clone());
            }
        }
    }
    Vec::new()
}

#[test]
fn no_import_cycles_between_sibling_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    module_files(&src, &src, &mut files);
    let modules: BTreeSet<ModPath> = files.iter().map(|(m, _)| m.clone()).filter(|m| !m.is_empty()).collect();
    // Modules declared inline in lib.rs (the generated `pb`).
    let mut modules = modules;
    modules.insert(vec!["pb".to_owned()]);

    // Edges per parent module ("" for the crate root), each with the file that made it.
    let mut graphs: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut because: BTreeMap<(String, String, String), String> = BTreeMap::new();
    for (here, file) in &files {
        if here.is_empty() {
            continue; // lib.rs / main.rs only declare and wire.
        }
        let code = strip(&std::fs::read_to_string(file).expect("read source"));
        for r in references(&code, here) {
            // The deepest module the path names.
            let Some(target) = (1..=r.len()).rev().map(|n| r[..n].to_vec()).find(|p| modules.contains(p)) else {
                continue;
            };
            let common = here.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common == here.len() || common == target.len() {
                continue; // Parent and child, or the module itself.
            }
            let parent = here[..common].join("::");
            let (a, b) = (here[common].clone(), target[common].clone());
            graphs.entry(parent.clone()).or_default().entry(a.clone()).or_default().insert(b.clone());
            because.entry((parent, a, b)).or_insert_with(|| {
                format!("{} uses crate::{}", file.strip_prefix(&src).unwrap().display(), r.join("::"))
            });
        }
    }

    let mut report = String::new();
    for (parent, graph) in &graphs {
        let scope = if parent.is_empty() { "crate".to_owned() } else { format!("crate::{parent}") };
        println!("{scope}:");
        for (from, tos) in graph {
            println!("  {from} → {}", tos.iter().cloned().collect::<Vec<_>>().join(", "));
        }
        for scc in cycles(graph) {
            let (a, b) = (&scc[0], &scc[scc.len() - 1]);
            let mut cycle = path(graph, a, b);
            cycle.extend(path(graph, b, a).into_iter().skip(1));
            report.push_str(&format!("cycle in {scope}: {}\n", cycle.join(" → ")));
            if scc.len() + 1 > cycle.len() {
                report.push_str(&format!("    (all of {} reach each other)\n", scc.join(", ")));
            }
            for w in cycle.windows(2) {
                let why = &because[&(parent.clone(), w[0].clone(), w[1].clone())];
                report.push_str(&format!("    {} → {}: {why}\n", w[0], w[1]));
            }
        }
    }
    println!("{report}");
    assert!(report.is_empty(), "import cycles between sibling modules:\n{report}");
}
