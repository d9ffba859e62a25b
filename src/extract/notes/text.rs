//! The normalised text notes are matched on, and bracket structure.
//!
//! [`Text`] keeps the original chars and a matching copy (simplified
//! characters, half-width punctuation, one bracket style for every kind of
//! bracket, angle brackets included) with exactly one
//! char per char, so ranges found on the copy cut names from the original.

pub(super) struct Text {
    pub(super) orig: Vec<char>,
    pub(super) norm: Vec<char>,
}

impl Text {
    pub(super) fn new(s: &str) -> Self {
        let orig: Vec<char> = s.chars().collect();
        let norm = crate::zh::simplified_chars(s)
            .into_iter()
            .map(normalise_char)
            .collect();
        Self { orig, norm }
    }

    pub(super) fn norm_str(&self, start: usize, end: usize) -> String {
        self.norm[start..end].iter().collect()
    }

    pub(super) fn orig_str(&self, start: usize, end: usize) -> String {
        self.orig[start..end].iter().collect()
    }

    /// `start..end` without surrounding whitespace and separators.
    pub(super) fn trim(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let junk = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '、' | '。' | '.' | ':');
        while start < end && junk(self.norm[start]) {
            start += 1;
        }
        while end > start && junk(self.norm[end - 1]) {
            end -= 1;
        }
        (start, end)
    }

    pub(super) fn starts_with_at(&self, at: usize, end: usize, pat: &[char]) -> bool {
        at + pat.len() <= end && self.norm[at..at + pat.len()] == *pat
    }

    pub(super) fn ends_with_at(&self, start: usize, end: usize, pat: &[char]) -> bool {
        end >= start + pat.len() && self.norm[end - pat.len()..end] == *pat
    }
}

/// Half-width punctuation and one bracket style, so patterns are written once.
pub(super) fn normalise_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\t' | '\r' | '\n' => ' ',
        '〔' | '【' | '﹝' | '〖' | '〘' => '[',
        '〕' | '】' | '﹞' | '〗' | '〙' => ']',
        // Angle brackets serve as name brackets too (`各县〈市、区〉人民政府`).
        '﹙' | '〈' | '⟨' => '(',
        '﹚' | '〉' | '⟩' => ')',
        '︰' | '﹕' => ':',
        '﹔' => ';',
        '﹐' => ',',
        '﹑' => '、',
        _ => c,
    }
}

pub(super) fn is_open(c: char) -> bool {
    matches!(c, '(' | '[' | '{')
}

pub(super) fn is_close(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// A top-level bracket group: `open` is the bracket's index, `close` the
/// closing bracket's index (or the text's end when unclosed).
#[derive(Debug, Clone, Copy)]
pub(super) struct Group {
    pub(super) open: usize,
    pub(super) close: usize,
    pub(super) closed: bool,
}

pub(super) fn top_level_groups(t: &Text, start: usize, end: usize) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for i in start..end {
        let c = t.norm[i];
        if is_open(c) {
            if depth == 0 {
                open = i;
            }
            depth += 1;
        } else if is_close(c) && depth > 0 {
            depth -= 1;
            if depth == 0 {
                groups.push(Group {
                    open,
                    close: i,
                    closed: true,
                });
            }
        }
    }
    if depth > 0 {
        groups.push(Group {
            open,
            close: end,
            closed: false,
        });
    }
    groups
}

/// Splits `start..end` at separator chars that are not inside brackets.
pub(super) fn split_top_level(
    t: &Text,
    start: usize,
    end: usize,
    is_sep: impl Fn(char) -> bool,
) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = start;
    for i in start..end {
        let c = t.norm[i];
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && is_sep(c) {
            parts.push((from, i));
            from = i + 1;
        }
    }
    parts.push((from, end));
    parts
}

pub(super) fn is_item_sep(c: char) -> bool {
    matches!(c, '、' | ',' | ';' | '。' | '/' | '|')
}
