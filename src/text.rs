//! Small helpers for Chinese text shared by the extractor, the UI and the exports.
//! Everything here works on `char`s or display width, never raw byte offsets.
//!
//! Wrapping is by display width ([`char_width`], from unicode-width) at the
//! line-break opportunities of Unicode's line-breaking algorithm (UAX #14,
//! the unicode-linebreak crate), which carries the CJK rules (kinsoku):
//! closing punctuation — `，。、；：？！）」』》】〕…` and the other
//! closing brackets, quotation marks and iteration marks — never starts a
//! line, and an opening bracket (`（「『《【〔“`) never ends one; `……`
//! and `——` are never split, and a Latin word or a number stays whole.
//! Where a line has no such opportunity (a run of brackets, an English
//! word wider than the line) it is broken by width alone. [`next_line`]
//! is the one wrapper: [`wrap`] and [`lines`] and the explorer's lazily
//! wrapped texts all go through it.
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

/// Where the first line of `s` wrapped to `max` columns (at least 2)
/// ends, as a byte offset: at a `\n` (the next line starts after it), where
/// the next wrapped line starts, or `s.len()` when all of it fits. Spaces at
/// the end of a line may overhang (they are not drawn); see [`trim_line`].
/// Costs the characters of the line, never of the rest of `s`, so a
/// huge text is wrapped line by line in linear time.
pub fn next_line(s: &str, max: usize) -> usize {
    let max = max.max(2);
    let mut uax = unicode_linebreak::linebreaks(s).map(|(b, _)| b).peekable();
    // The last break allowed by the rules, and the last that at least
    // keeps closing marks off a line start and opening ones off its end
    // (a Latin word or a number cut), for a line that has no allowed one.
    let mut last_break = None;
    let mut last_kinsoku = None;
    let mut prev: Option<char> = None;
    let mut w = 0;
    for (i, c) in s.char_indices() {
        if c == '\n' {
            return i;
        }
        while uax.next_if(|&b| b < i).is_some() {}
        let allowed_by_uax = uax.next_if_eq(&i).is_some();
        if let Some(p) = prev {
            if may_break(p, c, allowed_by_uax) {
                last_break = Some(i);
            }
            if may_end(p) && may_start(c) {
                last_kinsoku = Some(i);
            }
        }
        prev = Some(c);
        let cw = char_width(c);
        if w + cw > max && (c == ' ' || c == '\u{3000}') {
            // Spaces at a line end overhang; the break after them follows.
            continue;
        }
        if w + cw > max && i > 0 {
            return last_break.or(last_kinsoku).unwrap_or(i);
        }
        w += cw;
    }
    s.len()
}

/// Whether a line may break between `a` and `b`, where Unicode's rules
/// say `uax`. Chinese tailoring (W3C clreq; UAX #14 since 15.1 as LB19a):
/// UAX #14 treats “ ” ‘ ’ as ambiguous quotation marks that glue to both
/// neighbours, so a quoted slogan could never wrap and an opening mark
/// could end a line. In Chinese text they are brackets: “ ‘ open (no break
/// after, a break before where a wide character precedes) and ” ’ close
/// (no break before, a break after where a wide character follows that
/// may start a line).
fn may_break(a: char, b: char, uax: bool) -> bool {
    if OPENING_QUOTES.contains(&a) || CLOSING_QUOTES.contains(&b) {
        false
    } else if OPENING_QUOTES.contains(&b) {
        uax || (char_width(a) == 2 && may_end(a))
    } else if CLOSING_QUOTES.contains(&a) {
        uax || (char_width(b) == 2 && may_start(b))
    } else {
        uax
    }
}

const OPENING_QUOTES: [char; 2] = ['“', '‘'];
const CLOSING_QUOTES: [char; 2] = ['”', '’'];

/// Whether `c` may end a line: not an opening bracket or quotation mark.
fn may_end(c: char) -> bool {
    use unicode_linebreak::BreakClass as C;
    !OPENING_QUOTES.contains(&c)
        && unicode_linebreak::break_property(c as u32) != C::OpenPunctuation
}

/// Whether `c` may start a line: not closing punctuation (brackets,
/// quotation marks, `。，、；：？！`, `…`, `%`, small kana and the like).
fn may_start(c: char) -> bool {
    use unicode_linebreak::BreakClass as C;
    !CLOSING_QUOTES.contains(&c)
        && !matches!(
            unicode_linebreak::break_property(c as u32),
            C::ClosePunctuation
                | C::CloseParenthesis
                | C::Exclamation
                | C::InfixSeparator
                | C::NonStarter
                | C::Inseparable
                | C::Postfix
        )
}

/// A wrapped line without the spaces that overhang its end.
pub fn trim_line(line: &str) -> &str {
    line.trim_end_matches([' ', '\u{3000}'])
}

/// The lines of `s` wrapped to `max` columns: its own line breaks kept,
/// each paragraph wrapped by [`next_line`].
pub fn lines(s: &str, max: usize) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        let n = next_line(r, max);
        rest = match r[n..].strip_prefix('\n') {
            Some(after) => Some(after),
            None => (n < r.len()).then(|| &r[n..]),
        };
        Some(trim_line(&r[..n]))
    })
}

/// Wraps `s` into lines of at most `max` columns (see [`lines`]).
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    lines(s, max).map(str::to_owned).collect()
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
        assert_eq!(wrap("", 10), vec![""]);
    }

    /// Closing punctuation that must never start a line, opening brackets
    /// that must never end one (the CJK rules; W3C clreq §3.1.7).
    const CLOSING: &str = "，。、；：？！）」』》〉】〕〗’”…%";
    const OPENING: &str = "（「『《〈【〔〖‘“";

    fn assert_kinsoku(text: &str, widths: std::ops::Range<usize>) {
        for w in widths {
            let lines = wrap(text, w);
            assert_eq!(
                lines.concat(),
                text.replace('\n', ""),
                "no text lost at {w}"
            );
            for (i, l) in lines.iter().enumerate() {
                assert!(width(l) <= w, "line {i} wider than {w}: {l:?}");
                let first = l.chars().next();
                let last = l.chars().last();
                if i > 0 {
                    assert!(
                        !first.is_some_and(|c| CLOSING.contains(c)),
                        "at width {w} line {i} starts with closing punctuation: {lines:#?}"
                    );
                }
                if i + 1 < lines.len() {
                    assert!(
                        !last.is_some_and(|c| OPENING.contains(c)),
                        "at width {w} line {i} ends with an opening bracket: {lines:#?}"
                    );
                }
            }
        }
    }

    #[test]
    fn chinese_sentences_follow_the_line_breaking_rules() {
        // From the seed plans' ways of writing: notes in brackets, lists
        // with 、, quoted slogans, book titles, ellipses and dashes.
        let sentences = [
            "以新型城镇引擎推动北部能级提升。(市发展和改革局牵头,市住房城乡建设局、各镇〔街道〕配合)",
            "加快建设“一心两区三带”,推进《江门市国土空间总体规划(2021—2035年)》落地实施;强化台城、水步、大江、四九、白沙、三合、冲蒌等北部7镇(以下统称北部7镇)协同发展。",
            "深化“放管服”改革……持续优化营商环境——打造「粤港澳大湾区」西翼枢纽:完善【交通】【物流】体系!",
            "到2025年,全市地区生产总值达到1500亿元左右,年均增长6.5%以上;城镇化率达到55%。",
            // The same ways of writing in full-width punctuation.
            "以新型城镇引擎推动北部能级提升。（市发展和改革局牵头，市住房城乡建设局、各镇〔街道〕配合）",
            "到2025年，地区生产总值年均增长6.5%以上；“十四五”期间，新增城镇就业岗位3万个！完成了吗？",
            "推进‘放管服’改革：落实《关于深化“放管服”改革的实施意见》『重点任务』——逐项销号……",
        ];
        for s in sentences {
            assert_kinsoku(s, 6..40);
        }
    }

    #[test]
    fn a_closing_mark_that_would_start_a_line_takes_a_character_with_it() {
        // At 8 columns "推动北部" fills the line and "。" would start the
        // next: the break moves before "部".
        assert_eq!(
            wrap("推动北部。提升能级", 8),
            ["推动北", "部。提升", "能级"]
        );
        // An opening bracket goes down with what it opens.
        assert_eq!(wrap("市发改局（牵头）", 8), ["市发改局", "（牵头）"]);
    }

    #[test]
    fn chinese_quotation_marks_wrap_as_brackets() {
        // Unicode's rules glue “ ” to both neighbours; in Chinese they
        // open and close, so the slogan wraps and “ goes down with it.
        assert_eq!(
            wrap("加快建设“一心两区三带”，推进", 10),
            ["加快建设", "“一心两区", "三带”，推", "进"]
        );
        assert_eq!(wrap("落实“放管服”改革", 12), ["落实“放管服”", "改革"]);
    }

    #[test]
    fn any_text_wraps_within_the_width_losing_nothing() {
        // Ideographs, punctuation of both widths, Latin, digits, emoji,
        // a combining mark, a zero-width joiner: pseudo-random mixes.
        let pool: Vec<char> =
            "台山市局，。、；：？！（）《》「」“”…—abcXYZ019%.,;:!?()😀\u{301}\u{200d}"
                .chars()
                .collect();
        let mut seed = 0x2545_f491_u64;
        for _ in 0..300 {
            let len = (seed % 60) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    pool[(seed % pool.len() as u64) as usize]
                })
                .collect();
            for w in 2..20 {
                let lines = wrap(&text, w);
                assert_eq!(lines.concat(), text, "at {w}");
                for l in &lines {
                    assert!(width(l) <= w, "{l:?} wider than {w} in {text:?}");
                }
                assert!(lines.iter().skip(1).all(|l| !l.is_empty()) || text.is_empty());
            }
        }
    }

    #[test]
    fn latin_words_and_numbers_stay_whole_and_spaces_overhang() {
        assert_eq!(wrap("GDP 1500亿元 growth", 10), ["GDP 1500亿", "元 growth"]);
        assert_eq!(wrap("abc def", 3), ["abc", "def"]);
        // A word wider than the line is cut by width.
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn a_run_without_break_opportunities_is_cut_by_width() {
        let s = "（".repeat(10);
        let lines = wrap(&s, 6);
        assert_eq!(lines.concat(), s);
        assert!(lines.iter().all(|l| width(l) <= 6));
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
