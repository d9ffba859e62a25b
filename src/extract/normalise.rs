//! Normalising decoded text into paragraphs with their source lines.
//!
//! Real plans arrive as PDF or web conversions. This stage undoes what the
//! conversion did so that the structure parser sees one paragraph per
//! paragraph of the original:
//! - page numbers injected at page breaks (`2、`, `3、` … at line starts) are
//!   removed and the split words rejoined;
//! - Markdown heading marks and bold markers are dropped (their levels are
//!   not trusted: converters get them wrong);
//! - spaces around quotes and between Chinese and Latin/digits are removed
//!   (`“ 十三五 ”` → `“十三五”`);
//! - headings glued to the previous paragraph (`…水平。第八章 推进…`) are split off;
//! - figure captions and table-of-contents lines are set aside;
//! - paragraphs broken at page ends (a line that stops mid-sentence) are joined.

use std::sync::LazyLock;

use regex::Regex;

use super::{Table, TableRow};

/// A paragraph of the normalised text with the source lines it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub line: u32,
    pub end_line: u32,
    pub kind: ParaKind,
    /// Byte offsets in `text` where a new source line starts, so a sentence
    /// inside a joined paragraph can still name its own line.
    pub breaks: Vec<(usize, u32)>,
}

impl Para {
    /// The source line of the byte at `offset` in `text`.
    pub fn line_at(&self, offset: usize) -> u32 {
        self.breaks
            .iter()
            .rev()
            .find(|(at, _)| *at <= offset)
            .map_or(self.line, |(_, l)| *l)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParaKind {
    /// Running text (possibly a numbered item that is too long to be a heading).
    Text,
    Heading(Heading),
    /// A figure caption (`图 3-1 …`, `…示意图`): kept as evidence, never a task.
    Caption,
    /// A line of a table of contents.
    Toc,
}

/// How a heading or list item is numbered; the structure parser derives
/// levels from the order in which styles appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// 第一章, 第一篇, 第一部分
    Chapter,
    /// 第一节
    Section,
    /// 一、
    CnComma,
    /// （一）
    CnParen,
    /// 1. / 1、
    Arabic,
    /// （1） / 1）
    ArabicParen,
    /// 专栏 3-1
    Box,
    /// No number: a short line on its own or a Markdown heading.
    Plain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub style: NumberStyle,
    /// The number as written, with its punctuation (`（一）`, `第三节`).
    pub number: Option<String>,
    /// The number's value (一 → 1), for sequence checks.
    pub ordinal: Option<u32>,
    pub title: String,
}

/// The result of normalising one document.
#[derive(Debug, Default)]
pub struct Normalised {
    pub paras: Vec<Para>,
    /// Markdown pipe tables, for the task-table reader.
    pub tables: Vec<Table>,
    /// The text was one wall with injected page numbers (seed 004's kind):
    /// its original paragraph breaks are lost, so tasks must be found by
    /// sentence.
    pub wall_of_text: bool,
    pub page_numbers_removed: usize,
}

/// Sentence-final punctuation: a line ending in one of these is complete.
const TERMINAL: &[char] = &[
    '。', '！', '？', '；', '：', '!', '?', ';', '…', '”', '」', '』', '）', ')', ']', '】', '〕',
];

pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(TERMINAL)
}

static NUMBERED: LazyLock<Vec<(NumberStyle, Regex)>> = LazyLock::new(|| {
    const CN: &str = "[一二三四五六七八九十百零〇两]+";
    vec![
        (
            NumberStyle::Chapter,
            Regex::new(&format!(r"^(第({CN}|\d+)(?:章|篇|部分))\s*(.*)$")).unwrap(),
        ),
        (
            NumberStyle::Section,
            Regex::new(&format!(r"^(第({CN}|\d+)节)\s*(.*)$")).unwrap(),
        ),
        (
            NumberStyle::CnComma,
            Regex::new(&format!(r"^(({CN})\s*[、．.])\s*(.*)$")).unwrap(),
        ),
        (
            NumberStyle::CnParen,
            Regex::new(&format!(r"^([（(]\s*({CN})\s*[)）])\s*(.*)$")).unwrap(),
        ),
        (
            NumberStyle::ArabicParen,
            Regex::new(r"^([（(]\s*(\d{1,3})\s*[)）]|(?:^|\s)(\d{1,3})[)）])\s*(.*)$").unwrap(),
        ),
        (
            NumberStyle::Arabic,
            Regex::new(r"^((\d{1,3})\s*[、．.])\s*(.*)$").unwrap(),
        ),
        (
            NumberStyle::Box,
            Regex::new(r"^(专栏\s*([0-9０-９]+(?:\s*[-－—‐]\s*[0-9０-９]+)?)?)[:：\s]*(.*)$")
                .unwrap(),
        ),
    ]
});

pub(crate) use crate::zh::cn_number;

/// Recognises a numbered line: its style, number and the rest of the line.
pub fn parse_number(line: &str) -> Option<(NumberStyle, String, u32, String)> {
    // Most lines start with no number at all: skip the patterns for them.
    let first = line.chars().next()?;
    if !(first.is_ascii_digit() || "第专（(一二三四五六七八九十百零〇两".contains(first))
    {
        return None;
    }
    for (style, re) in NUMBERED.iter() {
        if let Some(c) = re.captures(line) {
            let number = c.get(1).map_or("", |m| m.as_str()).trim().to_owned();
            let digits = c
                .iter()
                .skip(2)
                .flatten()
                .find(|m| !m.as_str().is_empty())
                .map(|m| m.as_str())
                .unwrap_or("");
            let rest = c
                .get(c.len() - 1)
                .map_or("", |m| m.as_str())
                .trim()
                .to_owned();
            let ordinal = if *style == NumberStyle::Box {
                0
            } else {
                match cn_number(digits.trim()) {
                    Some(n) => n,
                    None => continue,
                }
            };
            // `1.5亿元` is a number, not an item.
            if *style == NumberStyle::Arabic && rest.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            return Some((*style, number, ordinal, rest));
        }
    }
    None
}

static TOC_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\.{3,}|…{2,}|·{3,}|-{4,})\s*\d{1,4}\s*$").unwrap());
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:图|表)\s*\d+(?:\s*[-－—.．]\s*\d+)?\s*\S|(?:示意图|布局图|分布图|规划图|结构图|区位图|位置图)$")
        .unwrap()
});
static GLUED_CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[。！？；](第[一二三四五六七八九十百零〇两\d]+(?:章|节|篇))").unwrap()
});

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '（'
            | '）'
            | '、'
            | '，'
            | '。'
            | '：'
            | '；'
            | '！'
            | '？'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
    )
}

/// Removes spaces a converter put around quotes and between Chinese and
/// Latin text or digits; keeps a space between two Chinese words, which can
/// separate a title from its subtitle.
pub fn clean_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let prev = if start > 0 {
                Some(chars[start - 1])
            } else {
                None
            };
            let next = chars.get(i).copied();
            let (Some(p), Some(n)) = (prev, next) else {
                continue; // leading or trailing space
            };
            let drop = is_cjk_punct(p)
                || is_cjk_punct(n)
                || (is_cjk(p) && !is_cjk(n))
                || (!is_cjk(p) && is_cjk(n));
            if !drop {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Strips Markdown heading marks, bold markers and HTML bold tags.
fn strip_markup(line: &str) -> (String, bool) {
    let mut s = line.trim();
    let mut markdown_heading = false;
    if s.starts_with('#') {
        let rest = s.trim_start_matches('#');
        if rest.is_empty() || rest.starts_with(' ') {
            markdown_heading = true;
            s = rest.trim();
        }
    }
    let mut t = s.replace("**", "").replace("<b>", "").replace("</b>", "");
    t = t.replace("<strong>", "").replace("</strong>", "");
    (t.trim().to_owned(), markdown_heading)
}

/// Lines of page numbers injected into running text: `N、` at line starts,
/// numbered 1, 2, 3 … in order, on long lines that mostly continue the
/// previous line mid-sentence. Returns the line indices and marker lengths.
fn page_markers(lines: &[&str]) -> Vec<(usize, usize)> {
    static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(\d{1,4})、").unwrap());
    let mut found = Vec::new();
    let mut expected = 1;
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = MARK.captures(l) {
            let n: usize = c[1].parse().unwrap_or(0);
            if n == expected {
                found.push((i, c.get(0).unwrap().len()));
                expected += 1;
            }
        }
    }
    if found.len() < 3 {
        return Vec::new();
    }
    let long = found
        .iter()
        .filter(|(i, _)| lines[*i].chars().count() >= 120)
        .count();
    let mid_sentence = found
        .iter()
        .filter(|(i, _)| {
            lines[..*i]
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|p| !ends_sentence(p))
        })
        .count();
    if long * 2 >= found.len() && mid_sentence * 2 >= found.len() {
        found
    } else {
        Vec::new()
    }
}

/// A physical line after page-number removal: text and its source lines.
struct Line {
    text: String,
    /// Byte offsets in `text` where each glued source line starts.
    breaks: Vec<(usize, u32)>,
    markdown_heading: bool,
}

impl Line {
    fn line_at(&self, offset: usize) -> u32 {
        self.breaks
            .iter()
            .rev()
            .find(|(at, _)| *at <= offset)
            .map_or(self.breaks[0].1, |(_, l)| *l)
    }
}

pub fn normalise(text: &str) -> Normalised {
    let raw: Vec<&str> = text.split('\n').collect();
    let markers = page_markers(&raw);
    let mut out = Normalised {
        page_numbers_removed: markers.len(),
        wall_of_text: !markers.is_empty(),
        ..Default::default()
    };

    // 1. Physical lines, with page-number lines glued to their predecessor.
    let mut lines: Vec<Line> = Vec::new();
    let mut marker_iter = markers.iter().peekable();
    for (i, l) in raw.iter().enumerate() {
        let lineno = (i + 1) as u32;
        let mut l: &str = l.trim_end_matches('\r');
        let mut glue = false;
        if let Some(&&(mi, len)) = marker_iter.peek()
            && mi == i
        {
            marker_iter.next();
            l = &l[len..];
            glue = !lines.is_empty();
        }
        if glue {
            let last = lines.last_mut().expect("checked non-empty");
            last.breaks.push((last.text.len(), lineno));
            last.text.push_str(&clean_spaces(l.trim()));
            continue;
        }
        let (t, md) = strip_markup(l);
        let t = if t.starts_with('|') {
            t
        } else {
            clean_spaces(&t)
        };
        lines.push(Line {
            text: t,
            breaks: vec![(0, lineno)],
            markdown_heading: md,
        });
    }

    // 2. Tables (Markdown pipes) are set aside whole.
    let mut kept: Vec<Line> = Vec::new();
    let mut table = Table::default();
    for l in lines {
        if l.text.starts_with('|') {
            let cells: Vec<String> = l
                .text
                .trim_matches('|')
                .split('|')
                .map(|c| clean_spaces(c.trim()))
                .collect();
            let separator = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
            if !separator {
                table.rows.push(TableRow {
                    cells,
                    line: l.breaks[0].1,
                });
            }
            continue;
        }
        if !table.rows.is_empty() && !l.text.is_empty() {
            out.tables.push(std::mem::take(&mut table));
        }
        kept.push(l);
    }
    if !table.rows.is_empty() {
        out.tables.push(table);
    }

    // 3. Split glued headings, classify, and join broken paragraphs.
    let mut paras: Vec<Para> = Vec::new();
    for l in kept {
        if l.text.is_empty() {
            continue;
        }
        for (at, piece) in split_glued(&l.text, out.wall_of_text) {
            let kind = classify(&piece, l.markdown_heading);
            let end = at + piece.len();
            let breaks = std::iter::once((0, l.line_at(at)))
                .chain(
                    l.breaks
                        .iter()
                        .filter(|(b, _)| *b > at && *b < end)
                        .map(|(b, line)| (b - at, *line)),
                )
                .collect();
            let para = Para {
                line: l.line_at(at),
                end_line: l.line_at(end.saturating_sub(1)),
                text: piece,
                kind,
                breaks,
            };
            push_joining(&mut paras, para);
        }
    }
    out.paras = paras;
    out
}

/// Splits a line where a heading was glued to the end of the previous
/// paragraph, or (in a wall of text) where headings run inside the text.
fn split_glued(text: &str, wall: bool) -> Vec<(usize, String)> {
    let mut cuts: Vec<usize> = GLUED_CHAPTER
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.start()))
        .collect();
    if wall {
        static INLINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:^|[。！？；]|[^\s，,、：:“”（）()]{2,}\s*)([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])").unwrap()
        });
        for c in INLINE.captures_iter(text) {
            let m = c.get(1).unwrap();
            if m.start() > 0 {
                cuts.push(m.start());
            }
        }
        cuts = sequential_cuts(text, cuts);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    cuts.push(text.len());
    for cut in cuts {
        if cut > start {
            let piece = &text[start..cut];
            let lead = piece.len() - piece.trim_start().len();
            out.push((start + lead, piece.trim().to_owned()));
            start = cut;
        }
    }
    out.retain(|(_, s)| !s.is_empty());
    // In a wall, a heading's title runs straight into its body text.
    if wall {
        out = out
            .into_iter()
            .flat_map(|(at, p)| match split_heading_title(&p) {
                Some((title, body)) => vec![(at, title), (at + p.len() - body.len(), body)],
                None => vec![(at, p)],
            })
            .collect();
    }
    out
}

/// Keeps only cuts whose numbers continue a plausible outline: 一、 二、 …
/// at the top, and （一）（二）… restarting under each.
fn sequential_cuts(text: &str, cuts: Vec<usize>) -> Vec<usize> {
    let mut cuts = cuts;
    cuts.sort_unstable();
    cuts.dedup();
    let mut top = 0;
    let mut sub = 0;
    let mut kept = Vec::new();
    // Numbers at the very start of the text count too.
    let mut all: Vec<usize> = vec![0];
    all.extend(cuts.iter().copied());
    for at in all {
        let Some((style, _, n, _)) = parse_number(&text[at..]) else {
            continue;
        };
        let ok = match style {
            NumberStyle::CnComma if n == top + 1 => {
                top = n;
                sub = 0;
                true
            }
            NumberStyle::CnParen if n == sub + 1 => {
                sub = n;
                true
            }
            NumberStyle::Chapter | NumberStyle::Section => true,
            _ => false,
        };
        if ok && at > 0 {
            kept.push(at);
        }
    }
    kept
}

/// Words that end heading titles; used to find where a glued heading's
/// title stops and its body starts (`（一）优化区域经济发展格局各区域加强…`).
const TITLE_ENDINGS: &[&str] = &[
    "认识",
    "要求",
    "思想",
    "原则",
    "目标",
    "发展",
    "作用",
    "支撑",
    "联动",
    "格局",
    "互通",
    "共建",
    "共治",
    "共享",
    "措施",
    "协调",
    "引领",
    "政策",
    "责任",
    "激励",
    "机制",
    "体系",
    "建设",
    "能力",
    "水平",
    "环境",
    "保障",
    "领导",
    "改革",
    "开放",
    "创新",
    "融合",
    "升级",
    "一体化",
    "治理",
    "服务",
];
/// Words that start a body sentence after a glued title.
const BODY_STARTS: &[&str] = &[
    "要",
    "各",
    "加快",
    "深入",
    "加强",
    "积极",
    "坚持",
    "推进",
    "推动",
    "实施",
    "建立",
    "完善",
    "有序",
    "结合",
    "研究",
    "明确",
    "立足",
    "到20",
    "按照",
    "围绕",
    "以",
    "全面",
    "统筹",
    "着力",
    "充分",
    "区域",
    "“",
    "在",
    "大力",
    "进一步",
    "通过",
    "市",
    "省",
    "县",
    "我",
];

/// Splits `（一）title body…` into the heading and its body, if it can tell
/// where the title ends.
fn split_heading_title(piece: &str) -> Option<(String, String)> {
    let (style, number, _, rest) = parse_number(piece)?;
    if !matches!(
        style,
        NumberStyle::CnComma | NumberStyle::CnParen | NumberStyle::Chapter | NumberStyle::Section
    ) {
        return None;
    }
    let chars: Vec<char> = rest.chars().collect();
    if chars.len() <= 16 && !rest.contains('。') {
        return None;
    }
    // Candidate ends: after a title ending, 4..=20 chars in.
    let mut best: Option<(usize, i32)> = None;
    for end in 4..=chars.len().min(20) {
        let title: String = chars[..end].iter().collect();
        let body: String = chars[end..].iter().collect();
        if title.contains(['。', '，', ',', '；']) {
            break;
        }
        let mut score = 0;
        if TITLE_ENDINGS.iter().any(|w| title.ends_with(w)) {
            score += 2;
        } else if title.ends_with('”') {
            score += 1;
        }
        if BODY_STARTS.iter().any(|w| body.starts_with(w)) {
            score += 2;
        }
        // The body often repeats a term of the title (`…三大片区错位发展三大片区覆盖…`).
        let head: String = chars[end..].iter().take(3).collect();
        if head.chars().count() == 3 && title.contains(&head) {
            score += 2;
        }
        if body.starts_with(['（', '(']) {
            score += 3;
        }
        if score >= 2 && best.is_none_or(|(_, s)| score > s) {
            best = Some((end, score));
        }
    }
    let (end, _) = best?;
    let title: String = chars[..end].iter().collect();
    let body: String = chars[end..].iter().collect();
    Some((format!("{number}{title}"), body))
}

const MAX_HEADING_CHARS: usize = 40;

fn classify(text: &str, markdown_heading: bool) -> ParaKind {
    if TOC_LINE.is_match(text) {
        return ParaKind::Toc;
    }
    let n = text.chars().count();
    if n <= 40 && CAPTION.is_match(text) && !text.contains('。') {
        return ParaKind::Caption;
    }
    if let Some((style, number, ordinal, rest)) = parse_number(text) {
        let title = rest.trim_end_matches(['。', '.']).trim().to_owned();
        let short = rest.chars().count() <= MAX_HEADING_CHARS;
        // A heading is short and has no sentence inside it; a long numbered
        // line is a list item (a task in most plans).
        let one_sentence = !rest.trim_end_matches('。').contains(['。', '；', ';']);
        // `（一）推进建设。（市发改局牵头）` is a task with its note, however short.
        let has_note = super::notes::find_note(&rest).is_some();
        if style == NumberStyle::Box || (short && one_sentence && !has_note && !title.is_empty()) {
            return ParaKind::Heading(Heading {
                style,
                number: Some(number),
                ordinal: Some(ordinal),
                title,
            });
        }
        return ParaKind::Text;
    }
    if is_plain_heading(text) || (markdown_heading && n <= MAX_HEADING_CHARS) {
        return ParaKind::Heading(Heading {
            style: NumberStyle::Plain,
            number: None,
            ordinal: None,
            title: text.to_owned(),
        });
    }
    ParaKind::Text
}

/// A short line with no sentence punctuation outside quotes: a title or
/// subtitle (news articles have only these).
fn is_plain_heading(text: &str) -> bool {
    let n = text.chars().count();
    if !(2..=30).contains(&n) {
        return false;
    }
    !text.contains(['。', '；', ';', '：', ':', '！', '？'])
        && !has_outside_quotes(text, &['，', ',', '、'])
        && !text.ends_with(['，', '、', ','])
}

/// Whether `text` has one of `chars` outside quotes and brackets
/// (`加快推进“区镇一体,园镇融合”` has its comma inside).
pub fn has_outside_quotes(text: &str, chars: &[char]) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '“' | '《' | '（' | '(' => depth += 1,
            '”' | '》' | '）' | ')' => depth -= 1,
            c if depth <= 0 && chars.contains(&c) => return true,
            _ => {}
        }
    }
    false
}

/// Appends `para`, joining it to the previous text paragraph when that one
/// stopped mid-sentence (a page break in the source).
fn push_joining(paras: &mut Vec<Para>, para: Para) {
    // Captions sit between the halves of a paragraph broken at a page end.
    let last_content = paras
        .iter()
        .rposition(|p| !matches!(p.kind, ParaKind::Caption | ParaKind::Toc));
    let skipping = last_content.is_some_and(|i| i + 1 < paras.len());
    if let Some(prev) = last_content.map(|i| &mut paras[i]) {
        let prev_open = prev.kind == ParaKind::Text && !ends_sentence(&prev.text);
        // A new numbered item or annotation line (`配合单位：…`) starts anew,
        // even after a line without final punctuation (`牵头单位：A`).
        let starts_anew = parse_number(&para.text).is_some_and(|(s, ..)| s != NumberStyle::Plain)
            || super::notes::parse_annotation(&para.text).is_some();
        let continues = !starts_anew
            && match &para.kind {
                ParaKind::Text => true,
                // A fragment like `能。` or `互通，建设…` looks like nothing else;
                // a plain "heading" right after an unfinished sentence is one too.
                ParaKind::Heading(h) => h.style == NumberStyle::Plain,
                ParaKind::Caption | ParaKind::Toc => false,
            };
        if prev_open && continues && !(skipping && para.kind != ParaKind::Text) {
            let base = prev.text.len();
            prev.breaks
                .extend(para.breaks.iter().map(|(b, l)| (base + b, *l)));
            prev.text.push_str(&para.text);
            prev.end_line = para.end_line;
            return;
        }
    }
    paras.push(para);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(n: &Normalised) -> Vec<&str> {
        n.paras.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(cn_number("十"), Some(10));
        assert_eq!(cn_number("十七"), Some(17));
        assert_eq!(cn_number("二十三"), Some(23));
        assert_eq!(cn_number("四"), Some(4));
        assert_eq!(cn_number("12"), Some(12));
        assert_eq!(cn_number("甲"), None);
    }

    #[test]
    fn recognises_number_styles() {
        let p = |s: &str| parse_number(s);
        assert_eq!(
            p("（一）强化组织领导").unwrap(),
            (
                NumberStyle::CnParen,
                "（一）".into(),
                1,
                "强化组织领导".into()
            )
        );
        assert_eq!(p("(三) 发展交通").unwrap().0, NumberStyle::CnParen);
        assert_eq!(p("第十二章 深入推动").unwrap().2, 12);
        assert_eq!(p("第三节 打造").unwrap().0, NumberStyle::Section);
        assert_eq!(p("二、重点任务").unwrap().0, NumberStyle::CnComma);
        assert_eq!(p("1.以新型城镇").unwrap().0, NumberStyle::Arabic);
        assert_eq!(
            p("专栏 5-1 交通运输网络重点项目").unwrap().0,
            NumberStyle::Box
        );
        assert!(p("1.5亿元的投资").is_none());
        assert!(p("2035年").is_none());
    }

    #[test]
    fn spaced_quotes_and_latin() {
        assert_eq!(clean_spaces("“ 十三五 ” 时期"), "“十三五”时期");
        assert_eq!(clean_spaces("规划和 2035 年远景"), "规划和2035年远景");
        assert_eq!(clean_spaces("广海湾 LNG 码头"), "广海湾LNG码头");
        assert_eq!(clean_spaces("细化目标 坚持发力"), "细化目标 坚持发力");
    }

    #[test]
    fn joins_paragraphs_broken_at_page_ends() {
        let n =
            normalise("增强副核心职能。提升人口集聚功能和辐射带动功\n\n能。\n\n推动发展。继续。");
        assert_eq!(
            texts(&n),
            vec![
                "增强副核心职能。提升人口集聚功能和辐射带动功能。",
                "推动发展。继续。"
            ]
        );
        assert_eq!((n.paras[0].line, n.paras[0].end_line), (1, 3));
    }

    #[test]
    fn captions_are_not_joined_into_text() {
        let n = normalise(
            "依托开平翠山湖园区，\n\n图 3-1 江门市西部发展区空间布局图\n\n推进产业集聚。",
        );
        assert_eq!(n.paras.len(), 2);
        assert_eq!(n.paras[0].text, "依托开平翠山湖园区，推进产业集聚。");
        assert_eq!(n.paras[1].kind, ParaKind::Caption);
    }

    #[test]
    fn markdown_marks_are_dropped() {
        let n = normalise("## **五、加快推动基础设施互联互通**\n#### （二）全面提升运输服务水平。");
        match &n.paras[0].kind {
            ParaKind::Heading(h) => {
                assert_eq!(h.style, NumberStyle::CnComma);
                assert_eq!(h.title, "加快推动基础设施互联互通");
            }
            k => panic!("{k:?}"),
        }
        match &n.paras[1].kind {
            ParaKind::Heading(h) => assert_eq!(h.title, "全面提升运输服务水平"),
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn glued_chapter_heading_is_split() {
        let n = normalise(
            "持续优化提升利用外资水平。第八章 推进江海版“三区并进”打造样板区\n第一节 高水平建设示范区",
        );
        assert_eq!(n.paras.len(), 3);
        match &n.paras[1].kind {
            ParaKind::Heading(h) => {
                assert_eq!(h.style, NumberStyle::Chapter);
                assert_eq!(h.ordinal, Some(8));
            }
            k => panic!("{k:?}"),
        }
    }

    #[test]
    fn page_numbers_in_a_wall_of_text_are_removed() {
        let long = "这是一段很长的文字用于模拟页面内容".repeat(10);
        let text = format!(
            "标题\n1、关于意见为深入贯彻{long}健全城乡统筹、区域协\n2、作的体制机制{long}是解决问题的\n3、重要抓手。{long}结束。"
        );
        let n = normalise(&text);
        assert!(n.wall_of_text);
        assert_eq!(n.page_numbers_removed, 3);
        let all = texts(&n).join("");
        assert!(all.contains("区域协作的体制机制"));
        assert!(all.contains("问题的重要抓手"));
        assert!(!all.contains("2、"));
    }

    #[test]
    fn ordinary_numbered_lists_are_not_page_numbers() {
        let text = "1、推进建设。\n2、加强管理。\n3、完善制度。";
        let n = normalise(text);
        assert!(!n.wall_of_text);
        assert_eq!(n.paras.len(), 3);
    }

    #[test]
    fn headings_inside_a_wall_are_split_from_their_body() {
        let parts = split_glued(
            "制定本指导意见。一、深化思想认识区域协调发展是推动高质量发展的内在要求。二、明确总体要求(一)指导思想坚持以习近平新时代中国特色社会主义思想为指导。",
            true,
        );
        let parts: Vec<&str> = parts.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            parts,
            vec![
                "制定本指导意见。",
                "一、深化思想认识",
                "区域协调发展是推动高质量发展的内在要求。",
                "二、明确总体要求",
                "(一)指导思想",
                "坚持以习近平新时代中国特色社会主义思想为指导。"
            ]
        );
        let parts = split_glued(
            "(一)优化区域经济发展格局各区域加强产业协作,整合产业链条。",
            true,
        );
        assert_eq!(parts[0].1, "(一)优化区域经济发展格局");
        let parts = split_glued(
            "。一、促进“三区协同”联动突破“一亩三分地”禁锢,打破行政区划壁垒。",
            true,
        );
        assert_eq!(parts[1].1, "一、促进“三区协同”联动");
    }

    #[test]
    fn a_short_numbered_line_with_a_note_is_no_heading() {
        assert_eq!(
            classify("（一）推进建设。（市发改局牵头）", false),
            ParaKind::Text
        );
        assert!(matches!(
            classify("（一）推进建设。", false),
            ParaKind::Heading(_)
        ));
    }

    #[test]
    fn toc_lines() {
        assert_eq!(
            classify("一、基础条件和发展环境..... 1", false),
            ParaKind::Toc
        );
        assert_eq!(classify("第三章 产业发展 …… 12", false), ParaKind::Toc);
    }
}
