//! Lines → paragraphs with their source lines.
//!
//! After the page layout is undone (`furniture.rs`), this stage makes one
//! paragraph per paragraph of the original:
//! - Markdown heading marks and bold markers are dropped (their levels are
//!   not trusted: converters get them wrong);
//! - spaces around quotes and between Chinese and Latin/digits are removed
//!   (`“ 十三五 ”` → `“十三五”`);
//! - headings glued to the previous paragraph (`…水平。第八章 推进…`) are split off;
//! - figure captions and table-of-contents lines are set aside;
//! - paragraphs broken at page ends (a line that stops mid-sentence) are joined;
//! - each paragraph is classified: numbered (any folded form, see
//!   `numbering.rs`), a plain short line, a caption, a TOC line, or text.
//!   Whether a numbered paragraph heads a section or is a task is not
//!   decided here but in `structure.rs`, from content;
//! - decimal outline labels (`1.1`, `1.1.1`) are kept only where they fit
//!   their neighbours, and the chapters they number get depth 1
//!   (`normalise/decimal.rs`).
//!
//! Tables pass through at their places.

mod decimal;

use std::sync::LazyLock;

use regex::Regex;

use super::Table;
use super::furniture::{Layout, Line, Piece};
use super::numbering::{self, NumberStyle, Numbering};
use super::phrases::{BODY_STARTS, HEADING_ENDINGS, ends_sentence, unfinished};

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

    /// The number the paragraph opens with, if any.
    pub fn numbering(&self) -> Option<&Numbering> {
        match &self.kind {
            ParaKind::Numbered(n) => Some(n),
            _ => None,
        }
    }

    /// A short numbered line with one phrase and no note: shaped like a
    /// heading (whether it is one, its content decides).
    pub fn heading_shaped(&self) -> bool {
        self.numbering().is_some_and(|n| {
            n.style == NumberStyle::Box
                || (n.rest.chars().count() <= MAX_HEADING_CHARS
                    && !n
                        .rest
                        .trim_end_matches(['。', '.', '；', ';'])
                        .contains(['。', '；', ';'])
                    && super::notes::find_note(&n.rest).is_none())
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParaKind {
    /// Running text.
    Text,
    /// A paragraph that opens with a number, long or short.
    Numbered(Numbering),
    /// A short line with no number and no sentence punctuation: a title, a
    /// subtitle, a news headline.
    Plain,
    /// A figure caption (`图 3-1 …`, `…示意图`): kept as evidence, never a task.
    Caption,
    /// A line of a table of contents.
    Toc,
}

/// The result of normalising one document.
#[derive(Debug, Default)]
pub struct Normalised {
    pub paras: Vec<Para>,
    /// Tables, each with the number of paragraphs before it.
    pub tables: Vec<(usize, Table)>,
    /// The text was one wall with injected page numbers (seed 004's kind):
    /// its original paragraph breaks are lost, so tasks must be found by
    /// sentence.
    pub wall_of_text: bool,
    /// Lines of page furniture removed, wraps rejoined.
    pub furniture_removed: usize,
    pub wraps_joined: usize,
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
    let spaced = letter_spaced(&chars);
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
            // `01　项目名称：…`: the space sets off a serial written with
            // its zero (see `numbering.rs`), which nothing else tells apart.
            let serial = numbering::serial_len(&chars) == Some(start);
            let drop = !serial
                && (spaced && is_cjk(p) && is_cjk(n)
                    || is_cjk_punct(p)
                    || is_cjk_punct(n)
                    || (is_cjk(p) && !is_cjk(n))
                    || (!is_cjk(p) && is_cjk(n)));
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

/// Whether a line is set with a space after every character, as text
/// recognised from a scan often is (`鹿 溪 县 人 民 政 府`): more CJK
/// characters stand a space apart than side by side. The spaces are no
/// separators then (in other lines a space between two names is one).
fn letter_spaced(chars: &[char]) -> bool {
    let (mut apart, mut together) = (0, 0);
    for (i, &c) in chars.iter().enumerate() {
        if !is_cjk(c) {
            continue;
        }
        match chars.get(i + 1) {
            Some(&n) if is_cjk(n) => together += 1,
            Some(&w) if w.is_whitespace() && chars.get(i + 2).is_some_and(|&n| is_cjk(n)) => {
                apart += 1
            }
            _ => {}
        }
    }
    apart >= 3 && apart > together
}

/// Strips Markdown heading marks, quote marks, bold markers and HTML bold
/// tags. A list item's mark (`- `, `* `, `+ `, `- [ ] `) becomes the
/// bullet of its depth (see [`numbering::bullet_mark`]; two spaces of
/// indent a level), so nested lists nest as numbered levels do, unless
/// the item is numbered itself (`- 1. …`) or is a label line (`- 牵头：…`),
/// which read as they would without the mark.
fn strip_markup(line: &str) -> (String, bool) {
    let indent: usize = line
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| match c {
            '\t' => 4,
            '\u{3000}' => 2,
            _ => 1,
        })
        .sum();
    let mut s = line.trim();
    while let Some(rest) = s.strip_prefix("> ") {
        s = rest.trim_start();
    }
    let mut listed = false;
    if let Some(rest) = ["- ", "* ", "+ "].iter().find_map(|m| s.strip_prefix(m)) {
        s = rest.trim_start();
        listed = true;
        if let Some(rest) = ["[ ] ", "[x] ", "[X] "]
            .iter()
            .find_map(|m| s.strip_prefix(m))
        {
            s = rest.trim_start();
        }
    }
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
    let t = t.trim();
    if listed
        && !t.is_empty()
        && numbering::parse(t).is_none()
        && super::notes::parse_annotation(t).is_none()
    {
        let mark = numbering::bullet_mark(indent / 2);
        return (format!("{mark} {t}"), markdown_heading);
    }
    (t.to_owned(), markdown_heading)
}

/// One line of text as a paragraph of its own (a table's title row).
pub fn text_para(text: &str, line: u32) -> Para {
    let text = clean_spaces(text.trim());
    Para {
        kind: classify(&text, false),
        text,
        line,
        end_line: line,
        breaks: vec![(0, line)],
    }
}

/// A text document's paragraphs (layout undone first), for callers with
/// text only.
pub fn normalise(text: &str) -> Normalised {
    paragraphs(super::undo_layout(super::source::text_blocks(text)))
}

/// The paragraphs (and tables) of a document whose layout is undone.
pub fn paragraphs(layout: Layout) -> Normalised {
    let mut out = Normalised {
        wall_of_text: layout.wall_of_text,
        furniture_removed: layout.furniture_removed,
        wraps_joined: layout.wraps_joined,
        ..Default::default()
    };
    let mut paras: Vec<Para> = Vec::new();
    // Paragraphs before this index are closed: a table stood after them.
    let mut closed = 0;
    for piece in layout.pieces {
        let l = match piece {
            Piece::Table(t) => {
                out.tables.push((paras.len(), t));
                closed = paras.len();
                continue;
            }
            Piece::Line(l) => l,
        };
        let (l, markdown_heading) = clean_line(&l);
        if l.text.is_empty() {
            continue;
        }
        for (at, piece) in split_glued(&l.text, out.wall_of_text) {
            let kind = classify(&piece, markdown_heading);
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
            push_joining(&mut paras, closed, para);
        }
    }
    out.paras = decimal::check_outline(split_enumerations(paras));
    out
}

/// Paragraphs holding an enumeration of tasks (`（一）抓实产业发展。一是…
/// （A牵头）；二是…（B牵头）；三是…。`) split into the heading part and one
/// paragraph per `一是…` item: when the items follow one another in order
/// after a sentence end, and one before the last names who does it. (An
/// enumeration naming nobody, or closed by one note for all, is a
/// sentence's structure, not tasks.)
fn split_enumerations(paras: Vec<Para>) -> Vec<Para> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        let cuts = enumeration_cuts(&p.text);
        if cuts.len() < 2 {
            out.push(p);
            continue;
        }
        let mut bounds: Vec<usize> = cuts.clone();
        if bounds[0] > 0 {
            bounds.insert(0, 0);
        }
        bounds.push(p.text.len());
        let pieces: Vec<(usize, &str)> = bounds
            .windows(2)
            .map(|w| (w[0], p.text[w[0]..w[1]].trim_end()))
            .collect();
        // A note only at the end closes the whole paragraph (`…一是…；二是…；
        // 三是…。（A牵头）`): the items are its parts, not tasks.
        let items: Vec<&str> = pieces
            .iter()
            .filter(|(at, _)| cuts.contains(at))
            .map(|(_, t)| *t)
            .collect();
        let named = items[..items.len() - 1]
            .iter()
            .any(|t| super::notes::find_note(t).is_some());
        if !named {
            out.push(p);
            continue;
        }
        for (at, piece) in pieces {
            let end = at + piece.len();
            let breaks = std::iter::once((0, p.line_at(at)))
                .chain(
                    p.breaks
                        .iter()
                        .filter(|(b, _)| *b > at && *b < end)
                        .map(|(b, line)| (b - at, *line)),
                )
                .collect();
            out.push(Para {
                line: p.line_at(at),
                end_line: p.line_at(end.saturating_sub(1)),
                kind: classify(piece, false),
                text: piece.to_owned(),
                breaks,
            });
        }
    }
    out
}

/// Byte offsets of `一是`, `二是`, … in order, each after a sentence or
/// clause end (`。；：`) outside brackets.
fn enumeration_cuts(text: &str) -> Vec<usize> {
    if !text.contains("是") {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut depth = 0i32;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '【' | '〔' | '[' => depth += 1,
            '）' | ')' | '】' | '〕' | ']' => depth -= 1,
            _ => {}
        }
        let at_boundary = prev.is_none_or(|p| matches!(p, '。' | '；' | ';' | '：' | ':'));
        if depth <= 0 && at_boundary {
            let want = crate::zh::chinese_number(cuts.len() as u32 + 1);
            if text[i..].starts_with(&format!("{want}是")) {
                cuts.push(i);
            }
        }
        if !c.is_whitespace() {
            prev = Some(c);
        }
    }
    cuts
}

/// A line with markup and stray spaces removed, source by source line so
/// the break offsets stay true; and whether it was a Markdown heading.
fn clean_line(l: &Line) -> (Line, bool) {
    let mut out = Line {
        text: String::new(),
        breaks: Vec::new(),
    };
    let mut markdown_heading = false;
    for (k, &(at, line)) in l.breaks.iter().enumerate() {
        let end = l.breaks.get(k + 1).map_or(l.text.len(), |b| b.0);
        let segment = l.text.get(at..end).unwrap_or_default();
        let segment = if k == 0 {
            let (t, md) = strip_markup(segment);
            markdown_heading = md;
            t
        } else {
            segment.replace("**", "")
        };
        out.breaks.push((out.text.len(), line));
        out.text.push_str(&clean_spaces(segment.trim()));
    }
    (out, markdown_heading)
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
        let Some(Numbering {
            style, ordinal: n, ..
        }) = numbering::parse(&text[at..])
        else {
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

/// Splits `（一）title body…` into the heading and its body, if it can tell
/// where the title ends.
fn split_heading_title(piece: &str) -> Option<(String, String)> {
    let Numbering {
        style,
        written: number,
        rest,
        ..
    } = numbering::parse(piece)?;
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
        if HEADING_ENDINGS.iter().any(|w| title.ends_with(w)) {
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
    if let Some(num) = numbering::parse(text)
        && (num.style == NumberStyle::Box || !num.rest.trim_end_matches(['。', '.']).is_empty())
    {
        return ParaKind::Numbered(num);
    }
    // A note on its own line (`（县住建局牵头，县城管局配合）`) is text, however short.
    if (is_plain_heading(text) || (markdown_heading && n <= MAX_HEADING_CHARS))
        && super::notes::parse_annotation(text).is_none()
    {
        return ParaKind::Plain;
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

/// The characters of `text` outside quotes and brackets, with their byte
/// offsets (`加快推进“区镇一体,园镇融合”` has its comma inside).
pub fn outside_brackets(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0i32;
    text.char_indices().filter(move |&(_, c)| match c {
        '“' | '《' | '（' | '(' | '【' | '[' => {
            depth += 1;
            false
        }
        '”' | '》' | '）' | ')' | '】' | ']' => {
            depth -= 1;
            false
        }
        _ => depth <= 0,
    })
}

/// Whether `text` has one of `chars` outside quotes and brackets.
pub fn has_outside_quotes(text: &str, chars: &[char]) -> bool {
    outside_brackets(text).any(|(_, c)| chars.contains(&c))
}

/// The lead sentence a task paragraph opens with, if it has one: short, no
/// comma outside quotes, and a statement of work rather than of fact.
pub fn lead_sentence(text: &str) -> Option<&str> {
    let end = text.find(['。', '！', '？'])?;
    let first = &text[..end];
    let n = first.chars().count();
    if !(4..=30).contains(&n) {
        return None;
    }
    if has_outside_quotes(first, &['，', ',', '；', ';', '：', ':']) {
        return None;
    }
    if first.contains('是') || first.starts_with("到20") || first.starts_with("从") {
        return None;
    }
    // `重点任务及责任分工见下表`: a pointer to where the tasks are, not one.
    const POINTERS: &[&str] = &[
        "见下表",
        "见附件",
        "见附表",
        "见后表",
        "如下表",
        "详见",
        "见表",
    ];
    if POINTERS.iter().any(|w| first.contains(w)) {
        return None;
    }
    Some(first)
}

/// Appends `para`, joining it to the previous paragraph when that one
/// stopped mid-sentence (a page break in the source). Paragraphs before
/// `closed` (a table stood after them) are never continued.
/// A paragraph's text after its number, if it has one.
fn prev_text_after_number(p: &Para) -> &str {
    match &p.kind {
        ParaKind::Numbered(n) => &n.rest,
        _ => &p.text,
    }
}

fn push_joining(paras: &mut Vec<Para>, closed: usize, para: Para) {
    // Captions sit between the halves of a paragraph broken at a page end.
    let last_content = paras
        .iter()
        .rposition(|p| !matches!(p.kind, ParaKind::Caption | ParaKind::Toc))
        .filter(|&i| i >= closed);
    let skipping = last_content.is_some_and(|i| i + 1 < paras.len());
    if let Some(prev) = last_content.map(|i| &mut paras[i]) {
        // A heading-shaped line is complete unless it plainly stops mid-sentence.
        // A line with no clause punctuation is a list or a title, complete
        // before a paragraph that opens with its own lead sentence.
        let listing = !prev.text.contains(['，', ',', '。', '；', ';', '：', ':']);
        // A label line (`完成时限：2024年6月`) is complete unless it stops
        // after a comma or inside a bracket (a wrap at the page width is
        // rejoined before, in `furniture.rs`).
        let label_line = super::notes::parse_annotation(&prev.text).is_some();
        // `部门分工：A牵头，B配合，各县（市、区）` / `人民政府具体落实。`: a
        // short line, no label of its own, closing the sentence a label
        // line left open.
        let label_wrap = label_line
            && !prev
                .text
                .trim_end()
                .ends_with(['。', '；', ';', '！', '？'])
            && prev.text.contains(['，', ','])
            && para.kind == ParaKind::Text
            && para.text.chars().count() <= 40
            && para.text.trim_end().ends_with('。')
            && !para.text.contains(['：', ':']);
        let prev_open = match &prev.kind {
            ParaKind::Text if label_line => unfinished(&prev.text) || label_wrap,
            ParaKind::Text => {
                !ends_sentence(&prev.text)
                    && (unfinished(&prev.text) || !listing || lead_sentence(&para.text).is_none())
            }
            ParaKind::Numbered(_) if prev.heading_shaped() => unfinished(&prev.text),
            // `…配合；` / `每年汛前）`: a note left open goes on.
            ParaKind::Numbered(_) => !ends_sentence(&prev.text) || unfinished(&prev.text),
            // A title wrapped inside its brackets (`…实施方案（2026—2028` /
            // `年）`, as a PDF lays it out) goes on on the next line.
            ParaKind::Plain => unfinished(&prev.text),
            ParaKind::Caption | ParaKind::Toc => false,
        };
        // A new numbered item or annotation line (`配合单位：…`) starts anew,
        // even after a line without final punctuation (`牵头单位：A`) — but
        // not after a line stopping inside a bracket or after a comma.
        // So does a line stating only a rule (`注：标*的为牵头单位`).
        // In a block of fields (`01 项目名称：X` / `项目内容：Y` / `责任单位：Z`)
        // each field is a line of its own.
        let next_field = numbering::field_label(prev_text_after_number(prev)).is_some()
            && numbering::field_label(&para.text).is_some();
        let starts_anew = matches!(para.kind, ParaKind::Numbered(_))
            || next_field
            || (super::notes::parse_annotation(&para.text).is_some()
                && !unfinished(&prev.text)
                && !label_wrap)
            || super::notes::is_rule_only(&para.text);
        let continues = !starts_anew
            && match &para.kind {
                ParaKind::Text => true,
                // A fragment like `能。` or `互通，建设…` looks like nothing else;
                // a plain "heading" right after an unfinished sentence is one too.
                ParaKind::Plain => true,
                ParaKind::Numbered(_) | ParaKind::Caption | ParaKind::Toc => false,
            };
        // A web page's lines around the plan stand alone; so do a notice's
        // title (`…的通知`, or any title before its addressees
        // `各区人民政府：`), its attachment label (`附件：X`) and its signature
        // (the issuer after a finished line, the date), which end no
        // sentence but are complete.
        let page_meta =
            super::phrases::is_page_meta(&prev.text) || super::phrases::is_page_meta(&para.text);
        let addressed_title = prev.kind == ParaKind::Text
            && super::meta::is_title_line(&prev.text)
            && (prev.text.trim_end().ends_with("通知")
                || para.text.trim_end().ends_with(['：', ':']));
        // The document's first line, when it reads as a plan's title
        // (`…的实施细则`), stands alone before the preamble.
        let opening_title = last_content == Some(0) && super::meta::is_title_line(&prev.text);
        let notice_line = addressed_title
            || opening_title
            || super::meta::attachment_title(&prev.text).is_some()
            || super::meta::is_date_line(&prev.text)
            || super::meta::is_date_line(&para.text)
            || (super::meta::is_issuer_line(&para.text) && !unfinished(&prev.text));
        if prev_open
            && continues
            && !page_meta
            && !notice_line
            && !(skipping && para.kind != ParaKind::Text)
        {
            join(prev, &para);
            return;
        }
    }
    paras.push(para);
}

/// Continues `prev` with `para`, keeping the source lines of both.
fn join(prev: &mut Para, para: &Para) {
    let base = prev.text.len();
    prev.breaks
        .extend(para.breaks.iter().map(|(b, l)| (base + b, *l)));
    prev.text.push_str(&para.text);
    prev.end_line = para.end_line;
    // The joined text may change what the paragraph is
    // (`1.建设园区，` + `完善配套。`).
    if let ParaKind::Numbered(_) = prev.kind {
        prev.kind = classify(&prev.text, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(n: &Normalised) -> Vec<&str> {
        n.paras.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn spaced_quotes_and_latin() {
        assert_eq!(clean_spaces("“ 十三五 ” 时期"), "“十三五”时期");
        assert_eq!(clean_spaces("规划和 2035 年远景"), "规划和2035年远景");
        assert_eq!(clean_spaces("广海湾 LNG 码头"), "广海湾LNG码头");
        assert_eq!(clean_spaces("细化目标 坚持发力"), "细化目标 坚持发力");
        // Text recognised from a scan, a space after every character.
        assert_eq!(
            clean_spaces("鹿 溪 县 人 民 政 府 办 公 室 文 件"),
            "鹿溪县人民政府办公室文件"
        );
        assert_eq!(
            clean_spaces("（市发改局 市财政局 按职责分工负责）"),
            "（市发改局 市财政局 按职责分工负责）"
        );
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
    fn a_closing_signature_is_no_part_of_the_last_item() {
        let n = normalise(
            "1.新建零工市场；责任单位：县人社局；完成时限：2026年6月底前\n某县人民政府办公室\n2026年3月1日\n2.改造管网，责任单位：县住建局、\n县人民政府办公室\n3.推进。",
        );
        // The issuer after a finished line signs the list; after a list
        // stopping at `、` it is the list's last unit, wrapped.
        assert_eq!(
            texts(&n),
            vec![
                "1.新建零工市场；责任单位：县人社局；完成时限：2026年6月底前",
                "某县人民政府办公室",
                "2026年3月1日",
                "2.改造管网，责任单位：县住建局、县人民政府办公室",
                "3.推进。"
            ]
        );
    }

    #[test]
    fn a_numbered_line_stopping_mid_sentence_continues() {
        let n = normalise(
            "1.加快建设科技城，打造“智汇\n\n谷”品牌。\n2.推进改造。\n二、重点任务\n推进。",
        );
        assert_eq!(
            texts(&n),
            vec![
                "1.加快建设科技城，打造“智汇谷”品牌。",
                "2.推进改造。",
                "二、重点任务",
                "推进。"
            ]
        );
        assert_eq!(n.paras[0].end_line, 3);
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
        let first = n.paras[0].numbering().unwrap();
        assert_eq!(first.style, NumberStyle::CnComma);
        assert_eq!(first.rest, "加快推动基础设施互联互通");
        assert!(n.paras[1].heading_shaped());
    }

    #[test]
    fn glued_chapter_heading_is_split() {
        let n = normalise(
            "持续优化提升利用外资水平。第八章 推进江海版“三区并进”打造样板区\n第一节 高水平建设示范区",
        );
        assert_eq!(n.paras.len(), 3);
        let n1 = n.paras[1].numbering().unwrap();
        assert_eq!((n1.style, n1.ordinal), (NumberStyle::Chapter, 8));
    }

    #[test]
    fn page_numbers_in_a_wall_of_text_are_removed() {
        let long = "这是一段很长的文字用于模拟页面内容".repeat(10);
        let text = format!(
            "标题\n1、关于意见为深入贯彻{long}健全城乡统筹、区域协\n2、作的体制机制{long}是解决问题的\n3、重要抓手。{long}结束。"
        );
        let n = normalise(&text);
        assert!(n.wall_of_text);
        assert_eq!(n.furniture_removed, 3);
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
    fn a_short_numbered_line_with_a_note_is_not_heading_shaped() {
        let p = |t: &str| normalise(t).paras.remove(0);
        assert!(!p("（一）推进建设。（市发改局牵头）").heading_shaped());
        assert!(p("（一）推进建设。").heading_shaped());
        assert!(!p("1.推进建设。完善配套设施。").heading_shaped());
    }

    #[test]
    fn toc_lines() {
        assert_eq!(
            classify("一、基础条件和发展环境..... 1", false),
            ParaKind::Toc
        );
        assert_eq!(classify("第三章 产业发展 …… 12", false), ParaKind::Toc);
    }

    #[test]
    fn tables_stand_between_paragraphs() {
        use crate::extract::source::Block;
        use crate::extract::{Table, TableRow};
        let blocks = vec![
            Block::line("附件", 1),
            Block::Table(Table {
                rows: vec![TableRow {
                    cells: vec!["序号".into()],
                    line: 2,
                }],
                name: None,
            }),
            Block::line("说明", 3),
        ];
        let n = paragraphs(crate::extract::undo_layout(blocks));
        assert_eq!(n.paras.len(), 2);
        assert_eq!(n.tables.len(), 1);
        assert_eq!(n.tables[0].0, 1);
    }
}
