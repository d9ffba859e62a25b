//! Folding a task's text into the form that is compared: simplified
//! characters, half-width letters and digits in upper case, whitespace
//! dropped, and punctuation, the responsibility note and generic phrases
//! replaced by a break so that no match runs across them.
//!
//! Every folded character remembers its char offset in the original text,
//! so shared terms can be shown where they were written.

use std::sync::OnceLock;

use crate::model::Task;

use super::lexicon::GENERIC_PHRASES;

/// Stands between runs that must not be joined into one match.
pub const BREAK: char = '\0';

#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// Folded word characters, with [`BREAK`] between runs.
    pub chars: Vec<char>,
    /// For each entry of `chars`, its char offset in the task's `text`
    /// (u32 rather than usize: it halves this, the engine's largest table).
    pub orig: Vec<u32>,
}

impl Folded {
    /// The original text's characters `chars[start..end]` cover, as written
    /// (spaces inside included).
    pub fn written(&self, text_chars: &[char], start: usize, end: usize) -> String {
        text_chars[self.offset(start)..=self.offset(end - 1)]
            .iter()
            .collect()
    }
}

impl Folded {
    /// The char offset in the original text of folded position `i`.
    pub fn offset(&self, i: usize) -> usize {
        self.orig[i] as usize
    }
}

/// Folds one task: its text without the responsibility note (unit names
/// there would make every task of one department look alike).
pub fn fold_task(task: &Task) -> Folded {
    let note = task
        .note
        .as_ref()
        .filter(|n| !n.text.is_empty())
        .and_then(|n| task.text.rfind(&n.text).map(|byte| (byte, n.text.len())))
        .map(|(byte, len)| {
            let start = task.text[..byte].chars().count();
            (start, start + task.text[byte..byte + len].chars().count())
        });
    fold(&task.text, note)
}

/// Folds `text`, treating the char range `masked` (if any) as a break.
pub fn fold(text: &str, masked: Option<(usize, usize)>) -> Folded {
    // fast2s maps each character to exactly one character, so positions
    // in the simplified text are positions in the original.
    let simplified = fast2s::convert(text);
    let mut out = Folded::default();
    for (i, c) in simplified.chars().enumerate() {
        if masked.is_some_and(|(s, e)| (s..e).contains(&i)) {
            push_break(&mut out, i);
            continue;
        }
        let c = half_width(c).to_ascii_uppercase();
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            out.chars.push(c);
            out.orig.push(i as u32);
        } else {
            push_break(&mut out, i);
        }
    }
    mask_generic_phrases(&mut out.chars);
    out
}

fn push_break(out: &mut Folded, i: usize) {
    let i = i as u32;
    if out.chars.last().is_some_and(|&c| c != BREAK) {
        out.chars.push(BREAK);
        out.orig.push(i);
    }
}

/// Full-width ASCII forms (Ｇ２４０) to their plain forms (G240).
pub(crate) fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Replaces every occurrence of a [`GENERIC_PHRASES`] entry with breaks.
fn mask_generic_phrases(chars: &mut [char]) {
    static PHRASES: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        GENERIC_PHRASES
            .iter()
            .map(|p| p.chars().collect())
            .collect()
    });
    let mut i = 0;
    while i < chars.len() {
        let hit = phrases
            .iter()
            .filter(|p| p[0] == chars[i] && chars[i..].starts_with(p))
            .map(Vec::len)
            .max();
        match hit {
            Some(n) => {
                chars[i..i + n].fill(BREAK);
                i += n;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        fold(s, None)
            .chars
            .iter()
            .map(|&c| if c == BREAK { '|' } else { c })
            .collect()
    }

    #[test]
    fn folds_traditional_width_and_case() {
        assert_eq!(folded("黃茅海跨海通道"), "黄茅海跨海通道");
        assert_eq!(folded("國道ｇ２４０"), "国道G240");
        assert_eq!(folded("台开 快速路"), "台开快速路");
    }

    #[test]
    fn breaks_at_punctuation_and_generic_phrases() {
        assert_eq!(folded("广海湾，川岛"), "广海湾|川岛");
        assert_eq!(folded("推动乡村振兴示范"), "推动||||示范");
    }

    #[test]
    fn keeps_original_offsets() {
        let f = fold("“台开 快速路”", None);
        let text: Vec<char> = "“台开 快速路”".chars().collect();
        let start = f.chars.iter().position(|&c| c == '台').unwrap();
        assert_eq!(f.orig[start], 1);
        assert_eq!(f.written(&text, start, start + 5), "台开 快速路");
    }

    #[test]
    fn masks_the_responsibility_note() {
        let f = fold("建设广海湾(市发改局牵头)", Some((5, 13)));
        assert!(!f.chars.contains(&'发'));
        assert!(f.chars.contains(&'湾'));
    }
}
