//! Page layout undone: page furniture removed and lines wrapped at a fixed
//! width rejoined, so the next stage sees the text as it was written.
//!
//! Plans reach us converted from PDF or Word, with what the page added:
//! - page numbers (`— 3 —`, `- 3 -`, `第3页 共12页`, `3/12`, a bare `3` at a
//!   page break) wherever they fall, even inside a unit's name or between
//!   `（牵` and `头单位：`;
//! - running headers and footers (the title or the issuer repeated at every
//!   page top), recognised as short lines that repeat next to page
//!   boundaries;
//! - page numbers injected at line starts of running text (`2、`, `3、` …
//!   numbered in order, seed 004's kind), which also tell that the
//!   paragraph breaks were lost (a "wall of text");
//! - lines broken at a fixed width (`pdftotext` without `-layout`, copied
//!   text), rejoined when a line fills the width and the next does not
//!   start anew.
//!
//! Page boundaries come from [`Block::PageBreak`] markers (form feeds, a PDF
//! reader's pages) and from the page-number lines themselves, so the same
//! rules serve text files and readers that know their pages.

use std::sync::LazyLock;

use regex::Regex;
use unicode_width::UnicodeWidthStr;

use super::Table;
use super::source::{Block, SourceLine};

/// A physical line after furniture removal, possibly several source lines
/// glued together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// Byte offsets in `text` where each glued source line starts.
    pub breaks: Vec<(usize, u32)>,
}

impl Line {
    fn new(l: &SourceLine) -> Line {
        Line {
            text: l.text.trim_end().to_owned(),
            breaks: vec![(0, l.line)],
        }
    }

    pub fn first_line(&self) -> u32 {
        self.breaks[0].1
    }

    /// The source line of the byte at `offset`.
    pub fn line_at(&self, offset: usize) -> u32 {
        self.breaks
            .iter()
            .rev()
            .find(|(at, _)| *at <= offset)
            .map_or(self.breaks[0].1, |(_, l)| *l)
    }

    /// Appends `other` (its text trimmed at the start), keeping its lines.
    fn glue(&mut self, other: &Line) {
        let lead = other.text.len() - other.text.trim_start().len();
        let base = self.text.len();
        for &(at, line) in &other.breaks {
            self.breaks.push((base + at.saturating_sub(lead), line));
        }
        self.text.push_str(other.text.trim_start());
    }
}

/// A document's text after layout is undone: lines and tables in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Line(Line),
    Table(Table),
}

#[derive(Debug, Default)]
pub struct Layout {
    pub pieces: Vec<Piece>,
    /// Page numbers were injected into running text: paragraph breaks are lost.
    pub wall_of_text: bool,
    /// Lines of furniture removed (page numbers, running headers).
    pub furniture_removed: usize,
    /// Fixed-width wraps rejoined.
    pub wraps_joined: usize,
}

/// Page furniture removed, and page numbers injected into running text
/// cut out (the line glued to the one before).
pub fn strip(blocks: Vec<Block>) -> Layout {
    let mut layout = Layout::default();
    let furniture = furniture_lines(&blocks);
    layout.furniture_removed = furniture.iter().filter(|f| **f).count();
    let texts: Vec<&str> = blocks
        .iter()
        .zip(&furniture)
        .map(|(b, f)| match b {
            Block::Line(l) if !f => l.text.as_str(),
            _ => "",
        })
        .collect();
    let markers = injected_page_numbers(&texts);
    layout.wall_of_text = !markers.is_empty();
    layout.furniture_removed += markers.len();
    let mut markers = markers.into_iter().peekable();
    for (i, block) in blocks.iter().enumerate() {
        let l = match block {
            Block::Line(l) => l,
            Block::Table(t) => {
                layout.pieces.push(Piece::Table(t.clone()));
                continue;
            }
            Block::PageBreak => continue,
        };
        if furniture[i] {
            continue;
        }
        let mut line = Line::new(l);
        if let Some(&(mi, len)) = markers.peek()
            && mi == i
        {
            markers.next();
            line.text = line.text[len..].to_owned();
            if let Some(Piece::Line(prev)) = layout.pieces.last_mut() {
                prev.glue(&line);
                continue;
            }
        }
        layout.pieces.push(Piece::Line(line));
    }
    layout
}

/// Lines broken at a fixed width rejoined: a line that fills the width is
/// continued by the next unless that one starts anew.
pub fn rejoin_wraps(mut layout: Layout) -> Layout {
    let texts: Vec<&str> = layout
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Line(l) => l.text.as_str(),
            Piece::Table(_) => "",
        })
        .collect();
    let Some(width) = wrap_width(&texts) else {
        return layout;
    };
    let mut pieces: Vec<Piece> = Vec::with_capacity(layout.pieces.len());
    // Whether the last line ended at full width (a wrap candidate).
    let mut last_full = false;
    for piece in std::mem::take(&mut layout.pieces) {
        let line = match piece {
            Piece::Line(l) => l,
            table => {
                pieces.push(table);
                last_full = false;
                continue;
            }
        };
        if line.text.trim().is_empty() {
            // A blank line ends a wrapped paragraph.
            last_full = false;
            pieces.push(Piece::Line(line));
            continue;
        }
        let full = is_full(&line.text, width);
        if last_full
            && let Some(Piece::Line(prev)) = pieces.last_mut()
            && continues_wrap(&prev.text, &line.text)
        {
            prev.glue(&line);
            layout.wraps_joined += 1;
            last_full = full;
            continue;
        }
        last_full = full;
        pieces.push(Piece::Line(line));
    }
    layout.pieces = pieces;
    layout
}

/// `— 3 —`, `- 3 -`, `第3页 共12页`, `3/12`, `Page 3`: a line that is only a
/// page number, or what a browser prints at each page's top and foot.
pub fn is_page_number(line: &str) -> bool {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^\s*(?:
                [-—–－~·•]+\s*\d{1,4}\s*[-—–－~·•]*      # — 3 —, - 3 -, —3
              | \d{1,4}\s*[-—–－~·•]+                    # 3 —
              | 第\s*\d{1,4}\s*页(?:\s*[/，,、]?\s*共\s*\d{1,4}\s*页)?   # 第3页 共12页
              | 共\s*\d{1,4}\s*页\s*[/，,、]?\s*第\s*\d{1,4}\s*页
              | \d{1,4}\s*/\s*\d{1,4}                     # 3/12
              | [Pp]age\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?
            )\s*$",
        )
        .unwrap()
    });
    (line.len() <= 40 && PAGE.is_match(line)) || is_browser_print_line(line)
}

/// The header and footer a browser prints on every page of a web page:
/// `2026/4/8 10:13    督查督办系统 - 任务清单` (the time printed, the
/// page's name) and `https://…/list?page=all    1/3` (its address, the
/// page count).
fn is_browser_print_line(line: &str) -> bool {
    static PRINT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^\s*(?:
                \d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}(?:\s.*)?   # 2026/4/8 10:13 title
              | https?://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?       # address, 1/3
            )\s*$",
        )
        .unwrap()
    });
    line.chars().count() <= 200 && PRINT.is_match(line)
}

fn is_bare_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Which blocks are furniture: page-number lines anywhere, bare numbers
/// and short repeated lines next to a page boundary.
fn furniture_lines(blocks: &[Block]) -> Vec<bool> {
    let mut furniture: Vec<bool> = blocks
        .iter()
        .map(|b| matches!(b, Block::Line(l) if is_page_number(&l.text)))
        .collect();
    // Page boundaries: explicit breaks and page-number lines.
    let boundary: Vec<bool> = blocks
        .iter()
        .zip(&furniture)
        .map(|(b, f)| *f || matches!(b, Block::PageBreak))
        .collect();
    if !boundary.iter().any(|b| *b) {
        return furniture;
    }
    // A block is next to a boundary when at most two non-empty lines stand
    // between them.
    let near = near_boundary(blocks, &boundary, 2);
    // Bare page numbers (`3`) at a boundary.
    for (i, b) in blocks.iter().enumerate() {
        if let Block::Line(l) = b
            && near[i]
            && is_bare_number(&l.text)
        {
            furniture[i] = true;
        }
    }
    // Running headers and footers: short lines repeated next to boundaries
    // (digits ignored, so `…实施方案 第3页` repeats too). An occurrence
    // before the first boundary stays: it is the title itself.
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .collect()
    };
    // The title lines: what stands before the first page boundary.
    let opening = boundary.iter().position(|b| *b).unwrap_or(blocks.len());
    let mut seen: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Block::Line(l) = b {
            let t = l.text.trim();
            if !t.is_empty() && t.width() <= 60 && !furniture[i] {
                seen.entry(key(t)).or_default().push(i);
            }
        }
    }
    for (k, at) in seen {
        if k.chars().count() < 2 {
            continue;
        }
        let at_boundary: Vec<usize> = at.iter().copied().filter(|&i| near[i]).collect();
        if at_boundary.len() >= 2 && at_boundary.len() * 2 >= at.len() {
            for &i in at_boundary.iter().filter(|&&i| i > opening) {
                furniture[i] = true;
            }
        }
    }
    furniture
}

/// For each block, whether a boundary is within `reach` non-empty lines.
fn near_boundary(blocks: &[Block], boundary: &[bool], reach: usize) -> Vec<bool> {
    let non_empty = |b: &Block| matches!(b, Block::Line(l) if !l.text.trim().is_empty());
    let mut near = vec![false; blocks.len()];
    for (i, _) in boundary.iter().enumerate().filter(|(_, b)| **b) {
        for dir in [-1isize, 1] {
            let mut j = i as isize;
            let mut count = 0;
            loop {
                j += dir;
                if j < 0 || j as usize >= blocks.len() {
                    break;
                }
                let b = &blocks[j as usize];
                if matches!(b, Block::Table(_)) {
                    break;
                }
                if non_empty(b) {
                    count += 1;
                    if count > reach {
                        break;
                    }
                    near[j as usize] = true;
                }
            }
        }
    }
    near
}

/// Lines of page numbers injected into running text: `N、` at line starts,
/// numbered 1, 2, 3 … in order, on long lines that mostly continue the
/// previous line mid-sentence. Returns the line indices and marker lengths.
fn injected_page_numbers(lines: &[&str]) -> Vec<(usize, usize)> {
    static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(\d{1,4})、").unwrap());
    let mut found = Vec::new();
    let mut expected = 1;
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = MARK.captures(l) {
            let n: usize = c[1].parse().unwrap_or(0);
            if n == expected {
                found.push((i, c.get(0).map_or(0, |m| m.len())));
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
                .is_some_and(|p| !super::phrases::ends_sentence(p))
        })
        .count();
    if long * 2 >= found.len() && mid_sentence * 2 >= found.len() {
        found
    } else {
        Vec::new()
    }
}

/// How line lengths are measured: in terminal columns (a CJK character
/// two, a digit one: what a page of mixed text fills) or in characters
/// (what a converter wrapping at N characters makes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Columns,
    Chars,
}

impl Measure {
    fn of(self, line: &str) -> usize {
        match self {
            Measure::Columns => line.trim().width(),
            Measure::Chars => line.trim().chars().count() * 2,
        }
    }
}

/// The width at which the text was wrapped, when it was: many lines end
/// within a few columns of one width, and hardly any line is wider — in
/// the measure the lines agree on best.
fn wrap_width(lines: &[&str]) -> Option<(Measure, usize)> {
    let by = |m: Measure| -> Option<(usize, usize)> {
        let widths: Vec<usize> = lines.iter().map(|l| m.of(l)).filter(|&w| w >= 24).collect();
        if widths.len() < 4 {
            return None;
        }
        // The band of 4 columns holding most lines (the wider band on a tie).
        let band = |w: usize| widths.iter().filter(|&&x| x + 4 > w && x <= w).count();
        let best = widths.iter().copied().max_by_key(|&w| (band(w), w))?;
        let in_band = band(best);
        let wider = widths.iter().filter(|&&x| x > best).count();
        (in_band >= 3 && in_band * 3 >= widths.len() && wider * 10 <= widths.len())
            .then_some((in_band, best))
    };
    let columns = by(Measure::Columns);
    let chars = by(Measure::Chars);
    match (columns, chars) {
        (Some((n, w)), Some((m, _))) if n >= m => Some((Measure::Columns, w)),
        (_, Some((_, w))) => Some((Measure::Chars, w)),
        (Some((_, w)), None) => Some((Measure::Columns, w)),
        (None, None) => None,
    }
}

fn is_full(text: &str, (measure, width): (Measure, usize)) -> bool {
    measure.of(text) + 4 > width
}

/// Whether `next` continues a line that filled the wrap width: it does
/// unless it starts anew (a number, a label line, an indented paragraph)
/// or `prev` ended its sentence.
fn continues_wrap(prev: &str, next: &str) -> bool {
    let starts_indented = next.starts_with(['\u{3000}', ' ', '\t']);
    let next = next.trim();
    if next.is_empty() || starts_indented {
        return false;
    }
    if super::numbering::parse(next).is_some_and(|n| n.style != super::numbering::NumberStyle::Box)
    {
        return false;
    }
    // A line stopping inside a bracket or after a comma goes on, whatever
    // the next line looks like.
    if super::phrases::unfinished(prev) {
        return true;
    }
    // A label line (`牵头单位：…`) or a field line (`工作措施：…`) starts
    // anew.
    if super::notes::parse_annotation(next).is_some()
        || super::numbering::field_label(next).is_some()
    {
        return false;
    }
    !super::phrases::ends_sentence(prev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::source::text_blocks;

    fn lines(l: &Layout) -> Vec<&str> {
        l.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Line(l) if !l.text.trim().is_empty() => Some(l.text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn page_numbers() {
        for s in [
            "— 3 —",
            "- 12 -",
            "–3–",
            "—3",
            "第3页 共12页",
            "第 3 页",
            "共12页 第3页",
            "3/12",
            "Page 3 of 12",
            "2026/4/8 10:13                     督查督办系统 - 任务清单",
            "https://dcdb.zhexi.example/task/list?src=gzbg&page=all                     1/3",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in [
            "1.建设园区",
            "2025年",
            "一、总体要求",
            "3",
            "---",
            "2026/4/8前完成",
            "网址：https://example.gov.cn",
        ] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn furniture_inside_a_note_is_removed() {
        let l = crate::extract::undo_layout(text_blocks(
            "1.建设园区。（牵\n\n— 3 —\n\n某某市实施方案\n头单位：市发改局）\n2.推进改造。（牵头单位：市住建局）\n\u{c}某某市实施方案\n3.完善配套。",
        ));
        assert_eq!(
            lines(&l),
            vec![
                "1.建设园区。（牵",
                "头单位：市发改局）",
                "2.推进改造。（牵头单位：市住建局）",
                "3.完善配套。"
            ]
        );
    }

    #[test]
    fn running_headers_at_page_breaks() {
        let l = crate::extract::undo_layout(text_blocks(
            "某某市实施方案\n一、总体要求\n推进。\n\u{c}某某市实施方案\n二、重点任务\n\u{c}某某市实施方案\n三、保障措施\n— 3 —",
        ));
        assert_eq!(
            lines(&l),
            vec![
                "某某市实施方案",
                "一、总体要求",
                "推进。",
                "二、重点任务",
                "三、保障措施"
            ]
        );
        assert!(l.furniture_removed >= 3);
    }

    #[test]
    fn fixed_width_wraps_are_rejoined() {
        let text = "1.加快岫川科技城、创新孵化基地建设，打造“岫川·智汇\n谷”创业创新品牌，努力建设创新型城市。\n责任领导：秦立新\n2.推动岫川高新区创建国家级高新技术产业开发区，支持\n滨江工业园区建成省级高新区。\n3.新认定高新技术企业60家，科技型中小企业评价入库\n300家。";
        let l = crate::extract::undo_layout(text_blocks(text));
        assert_eq!(
            lines(&l),
            vec![
                "1.加快岫川科技城、创新孵化基地建设，打造“岫川·智汇谷”创业创新品牌，努力建设创新型城市。",
                "责任领导：秦立新",
                "2.推动岫川高新区创建国家级高新技术产业开发区，支持滨江工业园区建成省级高新区。",
                "3.新认定高新技术企业60家，科技型中小企业评价入库300家。",
            ]
        );
        let Piece::Line(first) = &l.pieces[0] else {
            panic!()
        };
        assert_eq!(first.line_at(first.text.len() - 1), 2);
    }

    #[test]
    fn paragraphs_of_varied_length_are_not_wraps() {
        let text = "一、总体要求\n到2025年，基本建成现代化产业体系，城乡区域发展更加协调。\n二、重点任务\n推进产业园区建设。";
        let l = crate::extract::undo_layout(text_blocks(text));
        assert_eq!(lines(&l).len(), 4);
        assert_eq!(l.wraps_joined, 0);
    }
}
