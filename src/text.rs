//! Small helpers for Chinese text shared by the extractor, the UI and the exports.
//! Everything here works on `char`s or display width, never raw byte offsets.
//!
//! Widths follow the terminal the explorer draws on: characters of East
//! Asian Width "ambiguous" (`“ ” … · → ①`, box drawing) are one column
//! in most terminals and two in terminals set up for CJK (see
//! [`set_ambiguous_wide`]). Everything that measures, truncates or wraps
//! goes through [`char_width`], so one switch keeps layout and terminal
//! in agreement.

use std::borrow::Cow;
use std::cell::Cell;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

thread_local! {
    /// Whether ambiguous-width characters are measured as two columns on
    /// this thread. Per thread, so the explorer (which draws on one
    /// thread) can set it without touching extraction or tests running
    /// beside it; every other thread measures them as one column.
    static AMBIGUOUS_WIDE: Cell<bool> = const { Cell::new(false) };
}

/// Measures ambiguous-width characters as two columns (`true`, for a
/// terminal in a CJK locale) or one (`false`, the default) on this thread.
pub fn set_ambiguous_wide(wide: bool) {
    AMBIGUOUS_WIDE.with(|w| w.set(wide));
}

/// Whether ambiguous-width characters count two columns on this thread.
pub fn ambiguous_wide() -> bool {
    AMBIGUOUS_WIDE.with(Cell::get)
}

/// Whether `c` is one column in most terminals and two in CJK ones.
pub fn is_ambiguous(c: char) -> bool {
    c.width() == Some(1) && c.width_cjk() == Some(2)
}

/// Display width of one character in terminal columns.
pub fn char_width(c: char) -> usize {
    if ambiguous_wide() {
        c.width_cjk().unwrap_or(0)
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display width in terminal columns (CJK characters are 2).
pub fn width(s: &str) -> usize {
    if ambiguous_wide() {
        UnicodeWidthStr::width_cjk(s)
    } else {
        UnicodeWidthStr::width(s)
    }
}

/// The longest prefix of `s` that fits in `max` columns.
pub fn truncate_to_width(s: &str, max: usize) -> &str {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        let cw = char_width(c);
        if w + cw > max {
            return &s[..i];
        }
        w += cw;
    }
    s
}

/// What ends a shortened text.
pub const ELLIPSIS: char = '…';

/// `s` in at most `max` columns: whole when it fits, else cut between
/// characters and ended with `…`, so a reader sees that text is missing.
/// This is the one way the explorer shortens text.
pub fn ellipsize(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let room = max.saturating_sub(char_width(ELLIPSIS));
    if room == 0 && max < char_width(ELLIPSIS) {
        return Cow::Borrowed(truncate_to_width(s, max));
    }
    let mut out = truncate_to_width(s, room).to_owned();
    out.push(ELLIPSIS);
    Cow::Owned(out)
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
            let cw = char_width(c);
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

    #[test]
    fn ellipsis_marks_a_cut_and_only_a_cut() {
        assert_eq!(ellipsize("台山市发改局", 12), "台山市发改局");
        assert_eq!(ellipsize("台山市发改局", 11), "台山市发改…");
        assert_eq!(ellipsize("台山市发改局", 10), "台山市发…");
        assert!(width(&ellipsize("台山市发改局", 10)) <= 10);
        assert_eq!(ellipsize("abc", 2), "a…");
        assert_eq!(ellipsize("台山", 1), "…");
        assert_eq!(ellipsize("台山", 0), "");
    }

    #[test]
    fn ambiguous_characters_count_two_columns_when_the_terminal_says_so() {
        // A thread of its own: the setting is per thread.
        std::thread::spawn(|| {
            let s = "“三大中心”…";
            assert_eq!(width(s), 11);
            assert!(is_ambiguous('“') && is_ambiguous('…') && !is_ambiguous('台'));
            set_ambiguous_wide(true);
            assert_eq!(width(s), 14);
            assert_eq!(truncate_to_width(s, 4), "“三");
            // The ellipsis is two columns too.
            assert_eq!(ellipsize("台山市发改局", 9), "台山市…");
            assert_eq!(ellipsize("台山市发改局", 10), "台山市发…");
            assert!(wrap(s, 6).iter().all(|l| width(l) <= 6));
            set_ambiguous_wide(false);
            assert_eq!(width(s), 11);
        })
        .join()
        .unwrap();
    }
}
