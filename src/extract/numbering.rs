//! Numbering, folded: every way plans number their headings and items is
//! read into one [`Numbering`] (a style, the number's value and the number
//! as written), before anything decides what the numbered paragraph is.
//!
//! Forms folded into each style:
//! - `Chapter`: `第一章`, `第三篇`, `第二部分`;
//! - `Section`: `第一节`;
//! - `Article`: `第一条`;
//! - `CnComma`: `一、`, `一．`, `一.`;
//! - `CnParen`: `（一）`, `(一)`, `㈠`;
//! - `Arabic`: `1.`, `1、`, `１．`, `1﹒`, `⒈`;
//! - `ArabicParen`: `（1）`, `(1)`, `（１）`, `⑴`;
//! - `ArabicHalfParen`: `1）`, `1)`;
//! - `Named`: `任务1：`, `措施二：`, `事项3、` (the word, the number, a stop);
//! - `Decimal(depth)`: outline numbers `1.1`, `1.1.1`, `1.1.`, `1．1`,
//!   `（1.1）` — depth is the number of components. A label is read only
//!   when heading or task text follows it (`1.5亿元`, `3.2%`, `2025.12`
//!   are numbers in text); whether it continues its neighbours is checked
//!   over the whole document in `normalise.rs`, which also promotes the
//!   depth-1 numbers (`1`, `1.`) that head decimal chapters;
//! - `Circled`: `①`…`㊿`;
//! - `CnOrdinal`: `一是`, `第一，` (enumerations that open a paragraph);
//! - `Roman`: `Ⅰ、`, `Ⅱ.`;
//! - `Box`: `专栏 3-1` (a box of projects, not a level);
//! - `Bullet(depth)`: `•`, `◦`, `▪` and a space — a list item with no
//!   number, at the depth its mark says (Word's default marks level by
//!   level; Markdown's `- ` at an indent is read into them, see
//!   [`bullet_mark`]). Its written number is empty: a bullet is no number.
//!
//! Numbers have no upper limit (`1000.` is item 1000, not text of item 999).
//! What a level *is* — a heading level or a task level — is decided later
//! from content (see `structure.rs`), never from the style alone.

pub use crate::zh::cn_number;
use crate::zh::{cn_digit, fold_digit};

/// How a heading or list item is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// 第一章, 第一篇, 第一部分
    Chapter,
    /// 第一节
    Section,
    /// 第一条
    Article,
    /// 一、
    CnComma,
    /// （一）
    CnParen,
    /// 1. / 1、
    Arabic,
    /// （1） / (1) / ⑴
    ArabicParen,
    /// 1） / 1): a level of its own where a plan also writes （1）
    /// (`1）农村生活垃圾治理` over `⑴健全收运体系`).
    ArabicHalfParen,
    /// 1.1 / 1.1.1 / （1.1）: the depth is the number of components.
    Decimal(u8),
    /// ①
    Circled,
    /// 任务1： / 措施二： / 事项3、: an item named by what it is.
    Named,
    /// 一是 / 第一，
    CnOrdinal,
    /// Ⅰ、
    Roman,
    /// 专栏 3-1
    Box,
    /// `• ` / `◦ ` / `▪ `: a list item at depth 0, 1, 2.
    Bullet(u8),
    /// No number: a short line on its own.
    Plain,
}

/// A number at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    pub style: NumberStyle,
    /// The number as written, with its punctuation (`（一）`, `1﹒`, `第三节`).
    pub written: String,
    /// The number's value (`三` → 3); 0 for a box without a number.
    pub ordinal: u32,
    /// The text after the number, trimmed.
    pub rest: String,
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '拾' | '佰' | '仟')
}

/// `(`, `（`, `﹙`.
fn is_open_paren(c: char) -> bool {
    matches!(c, '(' | '（' | '﹙')
}

fn is_close_paren(c: char) -> bool {
    matches!(c, ')' | '）' | '﹚')
}

/// The punctuation after an Arabic or Chinese number: `.`, `．`, `、`, `﹒`.
fn is_number_stop(c: char) -> bool {
    matches!(c, '.' | '．' | '、' | '﹒' | '，' | ',')
}

/// Chars that can open a numbered paragraph, for a quick reject.
fn may_open_number(c: char) -> bool {
    fold_digit(c).is_some()
        || is_open_paren(c)
        || is_cn_numeral(c)
        || matches!(c, '第' | '专' | '\u{2460}'..='\u{249B}' | '\u{3220}'..='\u{3229}' | '\u{3251}'..='\u{325F}' | '\u{32B1}'..='\u{32BF}' | '\u{2160}'..='\u{216B}')
}

/// Marks a plan writes before an item's number to say which list the item
/// is on (`★1.` 重点督办, `▲5.` 民生实事), as its legend explains: neither
/// part of the number nor of the title.
const ITEM_FLAGS: &[char] = &['★', '☆', '▲', '△', '◆', '◇', '■', '□', '●', '※'];

/// The marks of list items by depth, as Word writes them by default in
/// text it exports (`•` / `o`-like `◦` / `▪`).
const BULLETS: [char; 3] = ['•', '◦', '▪'];

/// The mark of a list item at `depth` (deeper lists share the last one).
pub fn bullet_mark(depth: usize) -> char {
    BULLETS[depth.min(BULLETS.len() - 1)]
}

/// `• 推进…` / `•推进…` (spaces between marks and Han text are gone by the
/// time numbers are read): a list item, its depth by its mark.
fn bullet(line: &str) -> Option<Numbering> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let depth = BULLETS.iter().position(|&b| b == first)?;
    let rest = chars.as_str();
    if rest.trim().is_empty() {
        return None;
    }
    Some(Numbering {
        style: NumberStyle::Bullet(depth as u8),
        written: String::new(),
        ordinal: 1,
        rest: rest.trim().to_owned(),
    })
}

/// Reads the number a paragraph opens with, if it opens with one (after
/// one of [`ITEM_FLAGS`], if any).
pub fn parse(line: &str) -> Option<Numbering> {
    if let Some(n) = bullet(line) {
        return Some(n);
    }
    let line = match line.strip_prefix(ITEM_FLAGS) {
        Some(rest) => rest.trim_start_matches([' ', '\u{3000}']),
        None => line,
    };
    if let Some(n) = named_number(line) {
        return Some(n);
    }
    let first = line.chars().next()?;
    if !may_open_number(first) {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let (style, len, ordinal) = read_number(&chars)?;
    let written: String = chars[..len].iter().collect::<String>().trim().to_owned();
    let rest: String = chars[len..].iter().collect::<String>().trim().to_owned();
    // `1.5亿元` and `2025.3` are numbers in text, not items.
    if style == NumberStyle::Arabic && rest.starts_with(|c: char| fold_digit(c).is_some()) {
        return None;
    }
    Some(Numbering {
        style,
        written,
        ordinal,
        rest,
    })
}

impl Numbering {
    /// The number as an item or heading shows it: none for a bullet.
    pub fn shown(&self) -> Option<String> {
        (!self.written.is_empty()).then(|| self.written.clone())
    }
}

/// Words that name an item before its number (`任务1：…`).
const ITEM_NAMES: &[&str] = &["任务", "措施", "举措", "事项", "行动"];

/// `任务1：推动…`, `措施二：…`: an item named by what it is, numbered,
/// then a stop; the written number is the word and the number.
fn named_number(line: &str) -> Option<Numbering> {
    let word = ITEM_NAMES.iter().find(|w| line.starts_with(**w))?;
    let after = &line[word.len()..];
    let digits: String = after
        .chars()
        .take_while(|&c| fold_digit(c).is_some() || is_cn_numeral(c))
        .collect();
    let rest = &after[digits.len()..];
    let stop = rest.chars().next()?;
    if digits.is_empty()
        || digits.chars().count() > 3
        || !matches!(stop, '：' | ':' | '、' | '.' | '．')
    {
        return None;
    }
    let ordinal = cn_number(&digits)?;
    let rest = rest[stop.len_utf8()..].trim();
    (!rest.is_empty()).then(|| Numbering {
        style: NumberStyle::Named,
        written: format!("{word}{digits}"),
        ordinal,
        rest: rest.to_owned(),
    })
}

/// The length of the serial a line of a list of projects opens with,
/// set off by a space and no stop: written with its zero (`01　…`), or
/// before a field label (`12　项目名称：…`). Plans number such entries so;
/// a bare number and a space otherwise opens a sentence (`2026 年…`).
pub fn serial_len(c: &[char]) -> Option<usize> {
    let end = c.iter().take_while(|ch| ch.is_ascii_digit()).count();
    let text_at = end + c[end..].iter().take_while(|ch| ch.is_whitespace()).count();
    if !(1..=3).contains(&end) || text_at == end || text_at == c.len() {
        return None;
    }
    let rest: String = c[text_at..].iter().take(12).collect();
    let zero = c[0] == '0' && end >= 2 && crate::zh::is_han(c[text_at]);
    (zero || field_label(&rest).is_some()).then_some(end)
}

/// The label a field line opens with: two to six Han characters and a
/// colon, with text after it (`项目内容：`, `进展与成效：`).
pub fn field_label(text: &str) -> Option<&str> {
    let (label, value) = text.split_once(['：', ':'])?;
    let n = label.chars().count();
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    ((2..=6).contains(&n) && label.chars().all(han) && !value.trim().is_empty()).then_some(label)
}

/// (style, chars the number takes, value).
fn read_number(c: &[char]) -> Option<(NumberStyle, usize, u32)> {
    let first = c[0];
    let skip_spaces = |mut i: usize| {
        while i < c.len() && matches!(c[i], ' ' | '\u{3000}' | '\t') {
            i += 1;
        }
        i
    };
    let run = |from: usize, pred: &dyn Fn(char) -> bool| {
        let mut i = from;
        while i < c.len() && pred(c[i]) {
            i += 1;
        }
        i
    };
    // Single-char forms: ⑴ ⒈ ① ㈠ Ⅰ.
    match first {
        '\u{2474}'..='\u{2487}' => {
            return Some((NumberStyle::ArabicParen, 1, first as u32 - 0x2474 + 1));
        }
        '\u{2488}'..='\u{249B}' => {
            return Some((NumberStyle::Arabic, 1, first as u32 - 0x2488 + 1));
        }
        '\u{2460}'..='\u{2473}' => {
            return Some((NumberStyle::Circled, 1, first as u32 - 0x2460 + 1));
        }
        '\u{3251}'..='\u{325F}' => {
            return Some((NumberStyle::Circled, 1, first as u32 - 0x3251 + 21));
        }
        '\u{32B1}'..='\u{32BF}' => {
            return Some((NumberStyle::Circled, 1, first as u32 - 0x32B1 + 36));
        }
        '\u{3220}'..='\u{3229}' => {
            return Some((NumberStyle::CnParen, 1, first as u32 - 0x3220 + 1));
        }
        '\u{2160}'..='\u{216B}' => {
            let stop = skip_spaces(1);
            if stop < c.len() && is_number_stop(c[stop]) {
                return Some((NumberStyle::Roman, stop + 1, first as u32 - 0x2160 + 1));
            }
            return None;
        }
        _ => {}
    }
    // （一） (1) （１）
    if is_open_paren(first) {
        let s = skip_spaces(1);
        if let Some((depth, end)) = decimal_label(c, s) {
            let close = skip_spaces(end);
            if close < c.len() && is_close_paren(c[close]) {
                let value = last_component(&c[s..end]);
                return Some((NumberStyle::Decimal(depth), close + 1, value));
            }
            return None;
        }
        let digits_end = run(s, &|ch| fold_digit(ch).is_some());
        let numeral_end = run(s, &is_cn_numeral);
        let (style, end) = if digits_end > s {
            (NumberStyle::ArabicParen, digits_end)
        } else if numeral_end > s {
            (NumberStyle::CnParen, numeral_end)
        } else {
            return None;
        };
        let close = skip_spaces(end);
        if close < c.len() && is_close_paren(c[close]) {
            let value = cn_number(&c[s..end].iter().collect::<String>())?;
            return Some((style, close + 1, value));
        }
        return None;
    }
    // 1. 1、 １． 1） 1)
    if fold_digit(first).is_some() {
        if let Some((depth, end)) = decimal_label(c, 0) {
            let value = last_component(&c[..end]);
            let mut len = end;
            // `1.1.` and `1.1、` keep their stop.
            if len < c.len() && is_number_stop(c[len]) && !matches!(c[len], '，' | ',') {
                len += 1;
            }
            let rest_at = skip_spaces(len);
            let rest: String = c[rest_at..].iter().take(4).collect();
            if !opens_heading_text(&rest) {
                return None;
            }
            return Some((NumberStyle::Decimal(depth), len, value));
        }
        let end = run(0, &|ch| fold_digit(ch).is_some());
        if end > 9 {
            return None;
        }
        let value = cn_number(&c[..end].iter().collect::<String>())?;
        let stop = skip_spaces(end);
        if stop >= c.len() {
            return None;
        }
        if is_close_paren(c[stop]) {
            return Some((NumberStyle::ArabicHalfParen, stop + 1, value));
        }
        // `1,` is a list in a sentence, not an item.
        if is_number_stop(c[stop]) && !matches!(c[stop], '，' | ',') {
            return Some((NumberStyle::Arabic, stop + 1, value));
        }
        if serial_len(c) == Some(end) {
            return Some((NumberStyle::Arabic, stop, value));
        }
        return None;
    }
    // 第一章 第一节 第一条 第一部分 第一，
    if first == '第' {
        let s = skip_spaces(1);
        let digits_end = run(s, &|ch| fold_digit(ch).is_some());
        let numeral_end = run(s, &is_cn_numeral);
        let end = digits_end.max(numeral_end);
        if end == s {
            return None;
        }
        let value = cn_number(&c[s..end].iter().collect::<String>())?;
        let word_at = skip_spaces(end);
        let word: String = c[word_at..].iter().take(2).collect();
        let (style, len) = if word.starts_with('章') || word.starts_with('篇') {
            (NumberStyle::Chapter, 1)
        } else if word == "部分" {
            (NumberStyle::Chapter, 2)
        } else if word.starts_with('节') {
            (NumberStyle::Section, 1)
        } else if word.starts_with('条') {
            (NumberStyle::Article, 1)
        } else if word.starts_with(['，', ',', '、']) && numeral_end > s {
            (NumberStyle::CnOrdinal, 1)
        } else {
            return None;
        };
        return Some((style, word_at + len, value));
    }
    // 专栏 3-1
    if first == '专' {
        if c.get(1) != Some(&'栏') {
            return None;
        }
        let mut i = skip_spaces(2);
        let start = i;
        i = run(i, &|ch| fold_digit(ch).is_some());
        if i > start {
            let dash = skip_spaces(i);
            if dash < c.len() && matches!(c[dash], '-' | '－' | '—' | '‐') {
                let after = skip_spaces(dash + 1);
                let end = run(after, &|ch| fold_digit(ch).is_some());
                if end > after {
                    i = end;
                }
            }
        }
        let first_run = run(start, &|ch| fold_digit(ch).is_some());
        let value = cn_number(&c[start..first_run].iter().collect::<String>()).unwrap_or(0);
        let mut len = skip_spaces(i);
        if len < c.len() && matches!(c[len], ':' | '：') {
            len += 1;
        }
        return Some((NumberStyle::Box, len, value));
    }
    // 一、 一. 一是
    if is_cn_numeral(first) {
        let end = run(0, &is_cn_numeral);
        if end > 6 {
            return None;
        }
        let value = cn_number(&c[..end].iter().collect::<String>())?;
        let stop = skip_spaces(end);
        if stop >= c.len() {
            return None;
        }
        if matches!(c[stop], '、' | '．' | '.' | '﹒') {
            return Some((NumberStyle::CnComma, stop + 1, value));
        }
        // `一是` opens an enumeration; `一是一` or `是否` are not.
        if c[stop] == '是' && stop == end && c.get(stop + 1).is_some_and(|n| !is_cn_numeral(*n)) {
            return Some((NumberStyle::CnOrdinal, stop + 1, value));
        }
    }
    None
}

/// A decimal point in an outline number: `.`, `．`, `﹒`.
fn is_decimal_point(c: char) -> bool {
    matches!(c, '.' | '．' | '﹒')
}

/// An outline number of two or more components at `from` (`1.1`, `2.3.4`,
/// `1．1`): its depth and where it ends. Components are 1–2 digits and
/// never 0 (`2025.12`, `5.0` are no outline numbers).
fn decimal_label(c: &[char], from: usize) -> Option<(u8, usize)> {
    let mut i = from;
    let mut depth = 0u8;
    loop {
        let start = i;
        while i < c.len() && fold_digit(c[i]).is_some() {
            i += 1;
        }
        let digits = i - start;
        if digits == 0 || digits > 2 || fold_digit(c[start]) == Some(0) {
            return None;
        }
        depth += 1;
        if depth > 6 {
            return None;
        }
        let more = i + 1 < c.len() && is_decimal_point(c[i]) && fold_digit(c[i + 1]).is_some();
        if !more {
            break;
        }
        i += 1;
    }
    (depth >= 2).then_some((depth, i))
}

/// The last component of a decimal label (`2.3.4` → 4).
fn last_component(label: &[char]) -> u32 {
    let s: String = label.iter().collect();
    decimal_path(&s).last().copied().unwrap_or(0)
}

/// The components of a decimal label as written (`（2．3.4）` → [2, 3, 4]).
pub fn decimal_path(written: &str) -> Vec<u32> {
    written
        .split(|c: char| fold_digit(c).is_none())
        .filter(|s| !s.is_empty())
        .filter_map(cn_number)
        .collect()
}

/// Units and measure words that make a number at a line start a quantity
/// in running text (`1.5亿元`, `2.3万平方米`, `3.5%`, `1.2倍`), not a label.
const QUANTITY_STARTS: &[&str] = &[
    "亿", "万", "千", "百", "%", "％", "‰", "个", "倍", "米", "平方", "公里", "公顷", "亩", "吨",
    "元", "年", "月", "日", "号", "天", "小时", "时", "分", "秒", "岁", "人", "户", "家", "所",
    "座", "处", "项", "条", "件", "台", "辆", "套", "次", "批", "级", "度", "版", "寸", "克", "升",
    "立方", "瓦", "千瓦", "兆", "以上", "以下", "左右", "多", "余", "至", "—", "-", "~", "～",
];

/// Whether the text after a decimal label reads as a heading or task
/// (Chinese text, a quote or a bracket), not as the rest of a quantity.
pub(crate) fn opens_heading_text(rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if first.is_ascii_alphanumeric() || fold_digit(first).is_some() {
        return false;
    }
    !QUANTITY_STARTS.iter().any(|u| rest.starts_with(u))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_are_items_by_depth_with_no_number() {
        let b = parse("◦ 新建社区食堂").unwrap();
        assert_eq!(b.style, NumberStyle::Bullet(1));
        assert_eq!((b.shown(), b.rest.as_str()), (None, "新建社区食堂"));
        assert_eq!(parse("•推进").unwrap().style, NumberStyle::Bullet(0));
        assert!(parse("• ").is_none());
        assert_eq!(bullet_mark(7), '▪');
        assert_eq!(parse("1.推进").unwrap().shown().as_deref(), Some("1."));
    }

    fn style(s: &str) -> Option<(NumberStyle, u32, String)> {
        parse(s).map(|n| (n.style, n.ordinal, n.rest))
    }

    #[test]
    fn serials_of_a_list_of_projects() {
        assert_eq!(
            style("01 建设城区口袋公园"),
            Some((NumberStyle::Arabic, 1, "建设城区口袋公园".into()))
        );
        assert_eq!(
            style("12 项目名称：改造农村危房"),
            Some((NumberStyle::Arabic, 12, "项目名称：改造农村危房".into()))
        );
        // A bare number and a space opens a sentence, not an item.
        assert_eq!(parse("2026 年完成投资"), None);
        assert_eq!(parse("3 个项目开工"), None);
        assert_eq!(parse("05 %"), None);
    }

    #[test]
    fn a_flag_before_the_number_is_neither_number_nor_title() {
        let n = parse("★1.推进城际铁路建设。").unwrap();
        assert_eq!(
            (n.style, n.written.as_str(), n.rest.as_str()),
            (NumberStyle::Arabic, "1.", "推进城际铁路建设。")
        );
        assert_eq!(
            style("▲ （二）民生实事"),
            Some((NumberStyle::CnParen, 2, "民生实事".into()))
        );
        assert_eq!(parse("★重点督办事项"), None);
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(cn_number("十"), Some(10));
        assert_eq!(cn_number("十七"), Some(17));
        assert_eq!(cn_number("二十三"), Some(23));
        assert_eq!(cn_number("一百零三"), Some(103));
        assert_eq!(cn_number("两千"), Some(2000));
        assert_eq!(cn_number("１２"), Some(12));
        assert_eq!(cn_number("1000"), Some(1000));
        assert_eq!(cn_number("甲"), None);
        assert_eq!(cn_number("99999999999"), None, "overflow is no number");
    }

    #[test]
    fn folded_forms() {
        use NumberStyle::*;
        for (text, want, n) in [
            ("一、总体要求", CnComma, 1),
            ("二、2024年重点工作任务", CnComma, 2),
            ("十二．保障", CnComma, 12),
            ("（一）强化", CnParen, 1),
            ("(三) 发展", CnParen, 3),
            ("㈡推进", CnParen, 2),
            ("1.建设", Arabic, 1),
            ("１．建设", Arabic, 1),
            ("1﹒建设", Arabic, 1),
            ("12、建设", Arabic, 12),
            ("⒊建设", Arabic, 3),
            ("（１）建设", ArabicParen, 1),
            ("(2)建设", ArabicParen, 2),
            ("3）建设", ArabicHalfParen, 3),
            ("⑷建设", ArabicParen, 4),
            ("①建设", Circled, 1),
            ("⑳建设", Circled, 20),
            ("一是加快建设", CnOrdinal, 1),
            ("第二，加快建设", CnOrdinal, 2),
            ("第十二章 深入推动", Chapter, 12),
            ("第二部分 任务", Chapter, 2),
            ("第三节 打造", Section, 3),
            ("第五条 各单位", Article, 5),
            ("Ⅱ、重点任务", Roman, 2),
            ("专栏 5-1 交通", Box, 5),
            ("1.1 总体要求", Decimal(2), 1),
            ("2.3.4推进建设", Decimal(3), 4),
            ("1.2.推进建设", Decimal(2), 2),
            ("1．3推进建设", Decimal(2), 3),
            ("（2.1）推进建设", Decimal(2), 1),
            ("10.12 推进建设", Decimal(2), 12),
        ] {
            let got = style(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((got.0, got.1), (want, n), "{text}");
        }
        assert_eq!(parse("１．建设园区").unwrap().written, "１．");
        assert_eq!(parse("（一）强化组织领导").unwrap().rest, "强化组织领导");
        let n = parse("1.2.推进建设").unwrap();
        assert_eq!((n.written.as_str(), n.rest.as_str()), ("1.2.", "推进建设"));
        assert_eq!(decimal_path("（2．3.4）"), vec![2, 3, 4]);
    }

    #[test]
    fn numbers_have_no_limit() {
        let n = parse("1000.建设第一千个项目").unwrap();
        assert_eq!((n.style, n.ordinal), (NumberStyle::Arabic, 1000));
        assert_eq!(parse("（1234）建设").unwrap().ordinal, 1234);
        assert_eq!(parse("12345678.建设").unwrap().ordinal, 12_345_678);
    }

    #[test]
    fn numbers_in_text_are_not_numbering() {
        for text in [
            "1.5亿元的投资",
            "2035年远景目标",
            "2025.3完成",
            "一是一个",
            "第一次会议",
            "三百万元",
            "1,2,3",
            "3.5%",
            "专项资金",
            "(珠西)高端",
            "（含）",
            "一带一路",
            "1.5 亿元",
            "2.3万平方米",
            "3.2%",
            "3.2 %",
            "2025.12底前",
            "5.0时代",
            "1.2倍",
            "4.5 km",
            "1.1.1",
        ] {
            assert!(parse(text).is_none(), "{text}");
        }
    }
}
