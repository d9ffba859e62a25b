//! The import graph of `src/` has no circle: data flows one way (documents
//! → extract → tasks.json → load → query → view → render/export), and
//! inside each part no two files lean on each other.
//!
//! A file names another module's file by a `use` or a path (`crate::…`,
//! `super::…`, `self::…`, `fengong::…`, or a child module by name),
//! resolved to the longest module path that is a file; comments, string
//! literals and `#[cfg(test)] mod tests` are left out. At every level of
//! the module tree, the sibling modules (each with everything under it)
//! must form a graph without a circle: `tui::state` may use `tui::view`,
//! then nothing under `tui::view` may use `tui::state`. A module and its
//! own parts (`state/mod.rs` and `state/nav.rs`, `super::App`, `pub use
//! child::X`) are one unit, not a circle.
//!
//! `cargo test --test tests import_graph` prints each circle with the
//! lines that make it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::repo;

/// A module path: `["tui", "state"]`; the binary's modules start with `BIN`.
type ModPath = Vec<String>;

const BIN: &str = "<bin>";

/// Every `.rs` file under `src/`, by module path.
fn modules(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(src).unwrap();
                let mut parts: Vec<String> = rel
                    .iter()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect();
                let file = parts.pop().unwrap();
                let stem = file.trim_end_matches(".rs").to_owned();
                if stem != "mod" && stem != "lib" && stem != "main" {
                    parts.push(stem.clone());
                }
                // The binary: main.rs and the cli/ folder it declares.
                if stem == "main" || parts.first().is_some_and(|s| s == "cli") {
                    parts.insert(0, BIN.to_owned());
                }
                out.insert(parts, p);
            }
        }
    }
    out
}

/// The text with comments, string and char literals blanked out
/// (newlines kept, so line numbers stay right).
fn code_only(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let blank = |ch: char| if ch == '\n' { '\n' } else { ' ' };
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (c.get(i + 1) == Some(&'"') || c.get(i + 1) == Some(&'#'))
            && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
        {
            // Raw string r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &ch in &c[i..j.min(c.len())] {
                out.push(blank(ch));
            }
            i = j;
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < c.len() {
                    out.push(blank(c[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' {
            // A char literal ('x', '\n', '\u{1b}') or a lifetime ('a).
            let end = if c.get(i + 1) == Some(&'\\') {
                (i + 2..c.len().min(i + 12)).find(|&j| c[j] == '\'')
            } else if c.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    for _ in i..=e {
                        out.push(' ');
                    }
                    i = e + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// One reference to another module: the path's segments and its line.
struct Reference {
    segments: Vec<String>,
    /// Inline modules (`mod tests {`) the reference sits in.
    inline: Vec<String>,
    line: usize,
}

/// Expands a `use` tree (`a::{b, c::{d, e}}`) into full paths.
fn expand_use(tree: &str) -> Vec<Vec<String>> {
    fn parse(s: &[char], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            while *i < s.len() && s[*i].is_whitespace() {
                *i += 1;
            }
            if *i < s.len() && s[*i] == '{' {
                *i += 1;
                loop {
                    parse(s, i, &path, out);
                    while *i < s.len() && s[*i].is_whitespace() {
                        *i += 1;
                    }
                    if *i < s.len() && s[*i] == ',' {
                        *i += 1;
                        continue;
                    }
                    if *i < s.len() && s[*i] == '}' {
                        *i += 1;
                    }
                    return;
                }
            }
            let start = *i;
            while *i < s.len() && (is_ident(s[*i]) || s[*i] == '*') {
                *i += 1;
            }
            let seg: String = s[start..*i].iter().collect();
            if !seg.is_empty() && seg != "*" && seg != "self" || (seg == "self" && path.is_empty())
            {
                path.push(seg);
            }
            while *i < s.len() && s[*i].is_whitespace() {
                *i += 1;
            }
            if *i + 1 < s.len() && s[*i] == ':' && s[*i + 1] == ':' {
                *i += 2;
                continue;
            }
            // `as alias`: skip it.
            if s[*i..].starts_with(&['a', 's']) && s.get(*i + 2).is_some_and(|c| c.is_whitespace())
            {
                *i += 2;
                while *i < s.len() && s[*i].is_whitespace() {
                    *i += 1;
                }
                while *i < s.len() && is_ident(s[*i]) {
                    *i += 1;
                }
            }
            if !path.is_empty() {
                out.push(path);
            }
            return;
        }
    }
    let chars: Vec<char> = tree.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    parse(&chars, &mut i, &[], &mut out);
    out
}

/// Every module reference in a file's code.
fn references(code: &str, children: &BTreeSet<String>, bin: bool) -> Vec<Reference> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    // Inline modules open at a brace depth.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    let word_at = |i: usize| -> Option<String> {
        if i > 0 && (is_ident(c[i - 1]) || c[i - 1] == ':') {
            return None;
        }
        let mut j = i;
        while j < c.len() && is_ident(c[j]) {
            j += 1;
        }
        (j > i).then(|| c[i..j].iter().collect())
    };
    while i < c.len() {
        match c[i] {
            '\n' => line += 1,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|&(_, d)| d == depth) {
                    inline.pop();
                }
            }
            _ => {}
        }
        let Some(w) = (is_ident(c[i])).then(|| word_at(i)).flatten() else {
            i += 1;
            continue;
        };
        let after = i + w.chars().count();
        let inl: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
        if w == "use" {
            let end = (after..c.len()).find(|&j| c[j] == ';').unwrap_or(c.len());
            let tree: String = c[after..end].iter().collect();
            for p in expand_use(&tree) {
                out.push(Reference {
                    segments: p,
                    inline: inl.clone(),
                    line,
                });
            }
            line += tree.matches('\n').count();
            i = end;
            continue;
        }
        if w == "mod" {
            // `mod name {`: an inline module.
            let mut j = after;
            while j < c.len() && c[j].is_whitespace() {
                j += 1;
            }
            let s = j;
            while j < c.len() && is_ident(c[j]) {
                j += 1;
            }
            let name: String = c[s..j].iter().collect();
            while j < c.len() && c[j].is_whitespace() {
                j += 1;
            }
            if c.get(j) == Some(&'{') {
                inline.push((name, depth));
            }
            i = after;
            continue;
        }
        let rooted = matches!(w.as_str(), "crate" | "super" | "self")
            || (bin && w == "fengong")
            || (inline.is_empty() && children.contains(&w));
        if rooted && c.get(after) == Some(&':') && c.get(after + 1) == Some(&':') {
            let mut j = after;
            let mut segs = vec![w.clone()];
            while c.get(j) == Some(&':') && c.get(j + 1) == Some(&':') {
                j += 2;
                let s = j;
                while j < c.len() && is_ident(c[j]) {
                    j += 1;
                }
                if j == s {
                    break;
                }
                segs.push(c[s..j].iter().collect());
            }
            out.push(Reference {
                segments: segs,
                inline: inl,
                line,
            });
            i = j;
            continue;
        }
        i = after;
    }
    out
}

/// The module a reference names, as the longest known module path.
fn resolve(from: &ModPath, r: &Reference, known: &BTreeMap<ModPath, PathBuf>) -> Option<ModPath> {
    let mut cur: ModPath = from.iter().chain(&r.inline).cloned().collect();
    let mut segs = r.segments.iter().peekable();
    match segs.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segs.next();
            cur = if from.first().is_some_and(|s| s == BIN) {
                vec![BIN.to_owned()]
            } else {
                Vec::new()
            };
        }
        Some("fengong") => {
            segs.next();
            cur = Vec::new();
        }
        Some("self") => {
            segs.next();
        }
        Some("super") => {
            while segs.peek().is_some_and(|s| *s == "super") {
                segs.next();
                cur.pop();
            }
        }
        // A child module by name (or an outside crate: not ours).
        _ => {}
    }
    // Back to the nearest module that is a file (inline modules are not).
    while !known.contains_key(&cur) && !cur.is_empty() {
        cur.pop();
    }
    for s in segs {
        let mut next = cur.clone();
        next.push(s.clone());
        if known.contains_key(&next) {
            cur = next;
        } else {
            break;
        }
    }
    known.contains_key(&cur).then_some(cur)
}

#[test]
fn src_import_graph_has_no_circle() {
    let src = repo("src");
    let known = modules(&src);
    let edges = file_edges(&known);
    let name = |m: &ModPath| {
        let p = known[m].strip_prefix(&src).unwrap().display().to_string();
        format!("src/{p}")
    };
    // Sibling edges, per parent module: child → child, with the file
    // edges behind each.
    type Level = BTreeMap<String, BTreeMap<String, Vec<(ModPath, ModPath, usize)>>>;
    let mut levels: BTreeMap<ModPath, Level> = BTreeMap::new();
    for (a, tos) in &edges {
        for (b, &line) in tos {
            let k = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            if k == a.len() || k == b.len() {
                // A module and its own parts (`super::App`, `pub use child::X`).
                continue;
            }
            levels
                .entry(a[..k].to_vec())
                .or_default()
                .entry(a[k].clone())
                .or_default()
                .entry(b[k].clone())
                .or_default()
                .push((a.clone(), b.clone(), line));
        }
    }
    let mut report = String::new();
    for (parent, graph) in &levels {
        for scc in strongly_connected(graph) {
            let at = if parent.is_empty() {
                "the crate".to_owned()
            } else {
                parent.join("::")
            };
            report.push_str(&format!("circle among the modules of {at}: {scc:?}\n"));
            for (x, tos) in graph {
                for (y, files) in tos {
                    if scc.contains(x) && scc.contains(y) {
                        for (a, b, line) in files {
                            report.push_str(&format!("  {}:{line} → {}\n", name(a), name(b)));
                        }
                    }
                }
            }
        }
    }
    assert!(report.is_empty(), "the import graph has circles:\n{report}");
    // The check sees the graph: the explorer's layers are linked.
    let tui = &levels[&vec!["tui".to_owned()]];
    assert!(tui["state"].contains_key("view"), "{:?}", tui.keys());
    assert!(tui["render"].contains_key("state"));
    assert!(levels[&Vec::new()]["tui"].contains_key("query"));
}

/// File → module file edges, with the first line naming the module.
/// References from `#[cfg(test)] mod tests` are left out: tests may use
/// anything, they are not part of the layering.
fn file_edges(known: &BTreeMap<ModPath, PathBuf>) -> BTreeMap<ModPath, BTreeMap<ModPath, usize>> {
    let mut edges: BTreeMap<ModPath, BTreeMap<ModPath, usize>> = BTreeMap::new();
    for (m, path) in known {
        let code = code_only(&std::fs::read_to_string(path).unwrap());
        let children: BTreeSet<String> = known
            .keys()
            .filter(|k| k.len() == m.len() + 1 && k.starts_with(m))
            .map(|k| k.last().unwrap().clone())
            .collect();
        let bin = m.first().is_some_and(|s| s == BIN);
        for r in references(&code, &children, bin) {
            if r.inline.iter().any(|i| i == "tests") {
                continue;
            }
            if let Some(to) = resolve(m, &r, known)
                && &to != m
            {
                edges
                    .entry(m.clone())
                    .or_default()
                    .entry(to)
                    .or_insert(r.line);
            }
        }
    }
    edges
}

/// Strongly connected components with more than one node (Tarjan).
fn strongly_connected<V>(edges: &BTreeMap<String, BTreeMap<String, V>>) -> Vec<BTreeSet<String>> {
    struct T<'a, V> {
        edges: &'a BTreeMap<String, BTreeMap<String, V>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<BTreeSet<String>>,
    }
    fn visit<'a, V>(t: &mut T<'a, V>, v: &'a str) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(es) = t.edges.get(v) {
            for w in es.keys() {
                let w = w.as_str();
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut scc = BTreeSet::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                scc.insert(w.to_owned());
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                t.out.push(scc);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    let nodes: BTreeSet<&str> = edges
        .iter()
        .flat_map(|(a, bs)| std::iter::once(a.as_str()).chain(bs.keys().map(String::as_str)))
        .collect();
    for v in nodes {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn use_trees_and_paths_are_read() {
    let paths = expand_use("super::{App, jobs::{self, Jobs}, x as y}");
    assert_eq!(
        paths,
        [
            vec!["super", "App"],
            vec!["super", "jobs"],
            vec!["super", "jobs", "Jobs"],
            vec!["super", "x"],
        ]
    );
    let code =
        code_only("let s = \"crate::fake\"; // crate::also_fake\nlet c = '{'; crate::real::f();");
    let refs = references(&code, &BTreeSet::new(), false);
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].segments, ["crate", "real", "f"]);
    assert_eq!(refs[0].line, 2);
}
