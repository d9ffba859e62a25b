//! Stable task keys: an identity for a task that outlives re-extraction.
//!
//! A task's positional id (`000_…:t5`) changes when a better extractor
//! finds one more task above it, or the plan is edited and its tasks
//! reordered. Progress, exports and other tools need a name that does not:
//!
//! **key = `{doc}#{h}`**, where `doc` is the document id (the plan file's
//! stem) and `h` is 8 hex digits of FNV-1a (32-bit) over the document id
//! and the first [`OPENING_CHARS`] characters of the task's *text*,
//! normalised: simplified characters, full-width folded to ASCII, ASCII
//! lower-cased, a leading number (`1.`, `（三）`) dropped, and everything but
//! letters and digits removed.
//!
//! Why the opening of the text and not the title or the number:
//! - the number changes when the plan's tasks are reordered or one is
//!   inserted above; the title is where extractors differ most (where the
//!   lead sentence ends). The first words of the task are what every
//!   extractor and every edition of the plan agree on.
//! - when two tasks of a document open the same way, each of them is keyed
//!   with its number too, then with its place among those left tied — the
//!   only case where position matters.
//!
//! A key that no longer matches any task (the opening was rewritten) is not
//! lost: progress keeps a snapshot of the task (document, number, title) and
//! re-attaches by number and title similarity ([`crate::progress`]).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

/// How many normalised characters of the task's text the key hashes.
pub const OPENING_CHARS: usize = 24;

/// What a task's key is made of.
#[derive(Debug, Clone, Copy)]
pub struct KeyInput<'a> {
    pub doc: &'a str,
    pub number: Option<&'a str>,
    pub title: &'a str,
    pub text: &'a str,
    /// The key the task already has; empty when it has none.
    pub key: &'a str,
}

/// The keys of the tasks that have none (version-1 files and fresh
/// extractions), as (position, key); present keys are left alone and never
/// reused.
pub fn missing_keys(tasks: &[KeyInput]) -> Vec<(usize, String)> {
    if tasks.iter().all(|t| !t.key.is_empty()) {
        return Vec::new();
    }
    let mut taken: HashSet<String> = tasks
        .iter()
        .filter(|t| !t.key.is_empty())
        .map(|t| t.key.to_owned())
        .collect();
    let missing: Vec<usize> = (0..tasks.len())
        .filter(|&i| tasks[i].key.is_empty())
        .collect();
    let openings: Vec<String> = missing
        .iter()
        .map(|&i| opening(tasks[i].text, tasks[i].title))
        .collect();
    let base: Vec<String> = missing
        .iter()
        .zip(&openings)
        .map(|(&i, o)| key_of(tasks[i].doc, &[o]))
        .collect();
    let mut tied: HashMap<&str, usize> = HashMap::new();
    for b in &base {
        *tied.entry(b.as_str()).or_default() += 1;
    }
    let with_number: Vec<String> = missing
        .iter()
        .zip(&openings)
        .map(|(&i, o)| {
            let number = normalise_number(tasks[i].number.unwrap_or(""));
            key_of(tasks[i].doc, &[o, &number])
        })
        .collect();
    let mut tied_with_number: HashMap<&str, usize> = HashMap::new();
    for (k, b) in with_number.iter().zip(&base) {
        if tied[b.as_str()] > 1 {
            *tied_with_number.entry(k.as_str()).or_default() += 1;
        }
    }
    let mut keys = Vec::with_capacity(missing.len());
    for (n, &i) in missing.iter().enumerate() {
        let candidates = [
            (tied[base[n].as_str()] == 1).then(|| base[n].clone()),
            (tied_with_number.get(with_number[n].as_str()) == Some(&1))
                .then(|| with_number[n].clone()),
        ];
        let mut key = candidates
            .into_iter()
            .flatten()
            .find(|k| !taken.contains(k));
        // Still tied (same opening, same number): the k-th of them.
        let mut k = 1u32;
        while key.is_none() {
            let number = normalise_number(tasks[i].number.unwrap_or(""));
            let candidate = key_of(tasks[i].doc, &[&openings[n], &number, &k.to_string()]);
            if !taken.contains(&candidate) {
                key = Some(candidate);
            }
            k += 1;
        }
        let key = key.expect("a free key was found");
        taken.insert(key.clone());
        keys.push(key);
    }
    missing.into_iter().zip(keys).collect()
}

/// The normalised opening of a task's text (its title when it has no text).
pub fn opening(text: &str, title: &str) -> String {
    let source = if text.trim().is_empty() { title } else { text };
    normalise(strip_leading_number(source))
        .chars()
        .take(OPENING_CHARS)
        .collect()
}

/// Text reduced to what every extraction of it agrees on: simplified,
/// full-width folded, ASCII lower-cased, letters and digits only.
pub fn normalise(s: &str) -> String {
    crate::zh::to_simplified(s)
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A task number reduced to its digits: `1.` → `1`, `（三）` → `3`,
/// `第十二条` → `12`, `2.3` → `2.3`; other text is normalised.
pub fn normalise_number(number: &str) -> String {
    // Dotted numbers (`2.3`) keep their dots: 2.3 is not 23.
    let dotted: String = number
        .trim()
        .trim_end_matches(['.', '．', '、'])
        .chars()
        .map(|c| if c == '．' { '.' } else { c })
        .collect();
    if dotted.contains('.') && dotted.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return dotted;
    }
    let trimmed: String = normalise(number);
    let core = trimmed
        .trim_start_matches('第')
        .trim_end_matches(['条', '项', '点']);
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        let n = core.trim_start_matches('0');
        return if n.is_empty() { "0".into() } else { n.into() };
    }
    match crate::zh::cn_number(core) {
        Some(n) => n.to_string(),
        None => trimmed,
    }
}

fn strip_leading_number(s: &str) -> &str {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*(?:第[一二三四五六七八九十百零〇0-9]+[条项]|[（(][一二三四五六七八九十百零〇0-9]+[)）]|[0-9]+(?:[.．][0-9]+)*[.．、]|[一二三四五六七八九十百]+、)\s*",
        )
        .unwrap()
    });
    match NUMBER.find(s) {
        // A bare number with nothing after it is the text.
        Some(m) if m.end() < s.len() => &s[m.end()..],
        _ => s,
    }
}

fn key_of(doc: &str, parts: &[&str]) -> String {
    let mut h = Fnv1a::new();
    h.write(doc.as_bytes());
    for p in parts {
        h.write(&[0x1f]);
        h.write(p.as_bytes());
    }
    format!("{doc}#{:08x}", h.finish())
}

/// FNV-1a, 32 bits: tiny, fixed for ever (unlike `std`'s hasher, whose
/// output may change between Rust releases), and good enough to tell apart
/// a few hundred tasks of one document.
struct Fnv1a(u32);

impl Fnv1a {
    fn new() -> Fnv1a {
        Fnv1a(0x811c_9dc5)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u32::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
    }

    fn finish(&self) -> u32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        // Test vectors of FNV-1a 32.
        let mut h = Fnv1a::new();
        h.write(b"");
        assert_eq!(h.finish(), 0x811c_9dc5);
        let mut h = Fnv1a::new();
        h.write(b"a");
        assert_eq!(h.finish(), 0xe40c_292c);
        let mut h = Fnv1a::new();
        h.write(b"foobar");
        assert_eq!(h.finish(), 0xbf9c_f968);
    }

    #[test]
    fn numbers_and_openings_normalise() {
        assert_eq!(normalise_number("1."), "1");
        assert_eq!(normalise_number("（三）"), "3");
        assert_eq!(normalise_number("(12)"), "12");
        assert_eq!(normalise_number("第十二条"), "12");
        assert_eq!(normalise_number("2.3"), "2.3");
        assert_eq!(strip_leading_number("1.建设园区"), "建设园区");
        assert_eq!(strip_leading_number("（一）建设园区"), "建设园区");
        assert_eq!(strip_leading_number("一、建设园区"), "建设园区");
        assert_eq!(strip_leading_number("一体化推进"), "一体化推进");
        assert_eq!(strip_leading_number("2025年底前"), "2025年底前");
        assert_eq!(normalise("推進 ＬＮＧ，接收站。"), "推进lng接收站");
    }
}
