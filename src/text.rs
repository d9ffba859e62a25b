//! Small helpers for Chinese text shared by the extractor, the UI and the exports.
//! Everything here works on `char`s or display width, never raw byte offsets.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width in terminal columns (CJK characters are 2).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest prefix of `s` that fits in `max` columns.
pub fn truncate_to_width(s: &str, max: usize) -> &str {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max {
            return &s[..i];
        }
        w += cw;
    }
    s
}

/// Wraps `s` into lines of at most `max` columns. CJK text has no spaces, so
/// lines break between any two characters; existing newlines are kept.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for c in para.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            line.push(c);
            w += cw;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_between_characters() {
        assert_eq!(truncate_to_width("台山市发改局", 5), "台山");
        assert_eq!(truncate_to_width("ab台山", 3), "ab");
        assert_eq!(truncate_to_width("台山", 10), "台山");
    }

    #[test]
    fn wraps_cjk_by_width() {
        let lines = wrap("台山市发展和改革局牵头", 8);
        assert_eq!(lines, vec!["台山市发", "展和改革", "局牵头"]);
        assert!(lines.iter().all(|l| width(l) <= 8));
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    }
}
