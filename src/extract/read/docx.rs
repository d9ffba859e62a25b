//! `.docx`: paragraphs, Word's automatic list numbering, and tables.
//!
//! A .docx is a zip of XML parts. `word/document.xml` holds the paragraphs
//! (`w:p`) and tables (`w:tbl`). Numbered headings such as `一、` or `（一）`
//! are often not in the text at all: the paragraph only says "list `numId`,
//! level `ilvl`" (directly or through its style), and `word/numbering.xml`
//! says how that level is drawn (`%1、` in `chineseCounting`). The counters
//! are replayed here in document order so the text reads as it prints.

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;

use super::archive::{Archive, TextBudget, Xml, attr, local, resolve_ref, xml_error};
use super::{ReadErrorKind, SourceText, render_rows};
use crate::extract::{Table, TableRow};

const FORMAT: &str = ".docx";

fn damaged(detail: impl Into<String>) -> ReadErrorKind {
    ReadErrorKind::Damaged {
        format: FORMAT,
        detail: detail.into(),
    }
}

/// What one element costs the text budget beyond its text: a paragraph,
/// a cell or a list level held in memory, so that millions of empty ones
/// are bounded as text is.
const ENTRY_COST: usize = 64;

pub(crate) fn read_docx(bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    let mut zip = Archive::open(bytes, FORMAT)?;
    let mut budget = TextBudget::default();
    let numbering = zip
        .parse("word/numbering.xml", |r| Numbering::parse(r, &mut budget))?
        .unwrap_or_default();
    let styles = zip
        .parse("word/styles.xml", |r| parse_styles(r, &mut budget))?
        .unwrap_or_default();
    let mut counters = Counters::default();
    let blocks = zip
        .parse("word/document.xml", |r| {
            parse_document(r, &numbering, &styles, &mut counters, &mut budget)
        })?
        .ok_or_else(|| damaged("it has no word/document.xml (is it a Word document?)"))?;

    let mut text = String::new();
    let mut tables = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&p);
            }
            Block::Table(rows) => {
                let mut table = expand_table(rows, &mut budget)?;
                if table.rows.is_empty() {
                    continue;
                }
                if let Some(lines) = frame_lines(&table) {
                    // A one-column table is a frame around text (a 专栏
                    // box): its paragraphs are the document's text.
                    for line in lines {
                        if !text.is_empty() {
                            text.push('\n');
                        }
                        text.push_str(line);
                    }
                    continue;
                }
                render_rows(&mut text, &mut table);
                tables.push(table);
            }
        }
    }
    if text.trim().is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    Ok(SourceText {
        text,
        encoding: "docx",
        tables,
    })
}

// ---------------------------------------------------------------------------
// numbering.xml

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
}

impl Numbering {
    fn parse(r: &mut Xml<'_>, budget: &mut TextBudget) -> Result<Self, ReadErrorKind> {
        let mut n = Numbering::default();
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut num: Option<(String, String, HashMap<u8, u32>)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            buf.clear();
            let ev = r
                .read_event_into(&mut buf)
                .map_err(|e| xml_error(FORMAT, "numbering.xml", r, e))?;
            match ev {
                Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "lvl" if abstract_id.is_some() => {
                        budget.spend(ENTRY_COST, FORMAT)?;
                        let ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                format: "decimal".into(),
                                text: String::new(),
                            },
                        ));
                    }
                    "start" => {
                        let v = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        if let Some((_, l)) = level.as_mut() {
                            l.start = v;
                        }
                    }
                    "numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, "val")) {
                            l.format = v;
                        }
                    }
                    "lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, "val")) {
                            l.text = v;
                        }
                    }
                    "num" => {
                        budget.spend(ENTRY_COST, FORMAT)?;
                        num = attr(&e, "numId").map(|id| (id, String::new(), HashMap::new()))
                    }
                    "abstractNumId" => {
                        if let (Some(num), Some(v)) = (num.as_mut(), attr(&e, "val")) {
                            num.1 = v;
                        }
                    }
                    "lvlOverride" => override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok()),
                    "startOverride" => {
                        budget.spend(ENTRY_COST, FORMAT)?;
                        if let (Some(num), Some(l), Some(v)) = (
                            num.as_mut(),
                            override_level,
                            attr(&e, "val").and_then(|v| v.parse().ok()),
                        ) {
                            num.2.insert(l, v);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take()) {
                            n.abstracts.entry(id.clone()).or_default().insert(ilvl, l);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => {
                        if let Some((id, abs, overrides)) = num.take() {
                            n.nums.insert(id, (abs, overrides));
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }
}

/// List counters, replayed in document order. Lists that share an abstract
/// definition continue each other, as in Word, unless a `w:num` restarts it.
#[derive(Default)]
struct Counters {
    values: HashMap<String, [Option<u32>; 10]>,
    restarted: HashSet<String>,
}

impl Counters {
    /// The label (`一、`, `（三）`, `1.2`) of the next paragraph of list
    /// `num_id` at level `ilvl`; for a bullet, the bullet mark of its level
    /// when `bullets` (in body text, where a nested list is a level of the
    /// outline; a cell's bullets only split its lines); None for unknown
    /// lists.
    fn next_label(
        &mut self,
        numbering: &Numbering,
        num_id: &str,
        ilvl: u8,
        bullets: bool,
    ) -> Option<String> {
        let (abs, overrides) = numbering.nums.get(num_id)?;
        let levels = numbering.abstracts.get(abs)?;
        let ilvl = ilvl.min(9);
        let level = levels.get(&ilvl)?;
        let counters = self.values.entry(abs.clone()).or_default();
        if !overrides.is_empty() && self.restarted.insert(num_id.to_string()) {
            for (l, v) in overrides {
                if let Some(c) = counters.get_mut(*l as usize) {
                    *c = Some(v.saturating_sub(1));
                }
            }
        }
        let start = |l: u8| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(&l).map(|x| x.start))
                .unwrap_or(1)
        };
        let i = ilvl as usize;
        counters[i] = Some(counters[i].map_or(start(ilvl), |c| c.saturating_add(1)));
        for deeper in counters.iter_mut().skip(i + 1) {
            *deeper = None;
        }
        if level.format == "bullet" {
            return bullets.then(|| format!("{} ", crate::extract::numbering::bullet_mark(i)));
        }
        if level.format == "none" || level.text.is_empty() {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = (d - 1) as u8;
                    let value = counters[l as usize].unwrap_or_else(|| start(l));
                    let format = levels.get(&l).map_or("decimal", |x| x.format.as_str());
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        Some(label)
    }
}

/// A list counter drawn in one of Word's number formats.
fn format_number(n: u32, format: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const PARENTHESISED: &str = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
    const FULL_STOP: &str = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛";
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographLegalTraditional" => crate::zh::chinese_number(n),
        "ideographTraditional" => nth_char(STEMS, n).unwrap_or_else(|| n.to_string()),
        "ideographZodiac" => nth_char(BRANCHES, n).unwrap_or_else(|| n.to_string()),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            nth_char(CIRCLED, n).unwrap_or_else(|| n.to_string())
        }
        "decimalEnclosedParen" => nth_char(PARENTHESISED, n).unwrap_or_else(|| n.to_string()),
        "decimalEnclosedFullstop" => nth_char(FULL_STOP, n).unwrap_or_else(|| n.to_string()),
        "ideographDigital" => n
            .to_string()
            .chars()
            .map(|c| {
                "〇一二三四五六七八九"
                    .chars()
                    .nth(c as usize - '0' as usize)
                    .unwrap_or(c)
            })
            .collect(),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

fn nth_char(set: &str, n: u32) -> Option<String> {
    set.chars()
        .nth((n as usize).checked_sub(1)?)
        .map(String::from)
}

fn letters(n: u32, base: u8) -> String {
    // Word repeats the letter: A … Z, AA … ZZ. A list that long is damage.
    if n > 26 * 10 {
        return n.to_string();
    }
    let n = n.max(1) - 1;
    let c = (base + (n % 26) as u8) as char;
    std::iter::repeat_n(c, (n / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

// ---------------------------------------------------------------------------
// styles.xml: paragraph styles that carry list numbering (numbered headings).

#[derive(Debug, Clone, Default)]
struct StyleNum {
    num_id: Option<String>,
    ilvl: Option<u8>,
    based_on: Option<String>,
}

fn parse_styles(
    r: &mut Xml<'_>,
    budget: &mut TextBudget,
) -> Result<HashMap<String, StyleNum>, ReadErrorKind> {
    let mut styles = HashMap::new();
    let mut buf = Vec::new();
    let mut current: Option<(String, StyleNum)> = None;
    loop {
        buf.clear();
        let ev = r
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(FORMAT, "styles.xml", r, e))?;
        match ev {
            Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
                "style" => {
                    budget.spend(ENTRY_COST, FORMAT)?;
                    current = attr(&e, "styleId").map(|id| (id, StyleNum::default()))
                }
                "basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, "val");
                    }
                }
                "numId" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.num_id = attr(&e, "val");
                    }
                }
                "ilvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.ilvl = attr(&e, "val").and_then(|v| v.parse().ok());
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, s)) = current.take() {
                    styles.insert(id, s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

/// The list numbering a style gives, following `basedOn` (with a depth cap
/// against cycles).
fn style_numbering(styles: &HashMap<String, StyleNum>, id: &str) -> (Option<String>, Option<u8>) {
    let mut num_id = None;
    let mut ilvl = None;
    let mut cur = styles.get(id);
    for _ in 0..10 {
        let Some(s) = cur else { break };
        num_id = num_id.or_else(|| s.num_id.clone());
        ilvl = ilvl.or(s.ilvl);
        cur = s.based_on.as_deref().and_then(|b| styles.get(b));
    }
    (num_id, ilvl)
}

// ---------------------------------------------------------------------------
// document.xml

enum Block {
    Paragraph(String),
    Table(Vec<Vec<Cell>>),
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues the one above.
    vmerge: Option<bool>,
}

#[derive(Default)]
struct Para {
    text: String,
    num_id: Option<String>,
    ilvl: Option<u8>,
    style: Option<String>,
}

fn parse_document(
    r: &mut Xml<'_>,
    numbering: &Numbering,
    styles: &HashMap<String, StyleNum>,
    counters: &mut Counters,
    budget: &mut TextBudget,
) -> Result<Vec<Block>, ReadErrorKind> {
    let mut blocks = Vec::new();
    let mut buf = Vec::new();
    // A stack: text boxes put whole paragraphs inside a paragraph's run.
    let mut para: Vec<Para> = Vec::new();
    let mut in_text = false;
    let mut in_ppr = false;
    // Tables: only the outermost is structured; nested tables' text joins the cell.
    let mut tbl_depth = 0usize;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut cell: Option<Cell> = None;
    loop {
        buf.clear();
        let ev = r
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(FORMAT, "document.xml", r, e))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_empty = matches!(ev, Event::Empty(_));
                let name = local(e);
                if matches!(name.as_str(), "p" | "tr" | "tc") {
                    budget.spend(ENTRY_COST, FORMAT)?;
                }
                match name.as_str() {
                    "p" => para.push(Para::default()),
                    "pPr" => in_ppr = true,
                    "pStyle" if in_ppr => {
                        if let Some(p) = para.last_mut() {
                            p.style = attr(e, "val");
                        }
                    }
                    "numId" if in_ppr => {
                        if let Some(p) = para.last_mut() {
                            p.num_id = attr(e, "val");
                        }
                    }
                    "ilvl" if in_ppr => {
                        if let Some(p) = para.last_mut() {
                            p.ilvl = attr(e, "val").and_then(|v| v.parse().ok());
                        }
                    }
                    "t" => in_text = true,
                    "tab" if !in_ppr => push_text(&mut para, budget, "\t")?,
                    "br" | "cr" => push_text(&mut para, budget, "\n")?,
                    "tbl" => {
                        tbl_depth += 1;
                        if tbl_depth == 1 {
                            rows.clear();
                        }
                    }
                    "tr" if tbl_depth == 1 => row = Vec::new(),
                    "tc" if tbl_depth == 1 => {
                        cell = Some(Cell {
                            span: 1,
                            ..Cell::default()
                        })
                    }
                    "gridSpan" if tbl_depth == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.span = attr(e, "val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .clamp(1, 64);
                        }
                    }
                    "vMerge" if tbl_depth == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.vmerge = Some(attr(e, "val").as_deref() == Some("restart"));
                        }
                    }
                    _ => {}
                }
                // An empty `<w:t/>` or `<w:p/>` has no end event.
                if is_empty {
                    match name.as_str() {
                        "t" => in_text = false,
                        "p" => finish_para(
                            &mut para,
                            numbering,
                            styles,
                            counters,
                            &mut cell,
                            &mut blocks,
                        ),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_text => push_text(&mut para, budget, &t.xml10_content())?,
            Event::CData(t) if in_text => push_text(&mut para, budget, &t.into_inner())?,
            Event::GeneralRef(g) => {
                if in_text && let Some(c) = resolve_ref(&g.xml10_content()) {
                    push_text(&mut para, budget, c.encode_utf8(&mut [0; 4]))?;
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "pPr" => in_ppr = false,
                "p" => finish_para(
                    &mut para,
                    numbering,
                    styles,
                    counters,
                    &mut cell,
                    &mut blocks,
                ),
                "tc" if tbl_depth == 1 => {
                    if let Some(c) = cell.take() {
                        row.push(c);
                    }
                }
                "tr" if tbl_depth == 1 => rows.push(std::mem::take(&mut row)),
                "tbl" => {
                    tbl_depth = tbl_depth.saturating_sub(1);
                    if tbl_depth == 0 {
                        blocks.push(Block::Table(std::mem::take(&mut rows)));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(blocks)
}

fn push_text(para: &mut [Para], budget: &mut TextBudget, s: &str) -> Result<(), ReadErrorKind> {
    if let Some(p) = para.last_mut() {
        budget.spend(s.len(), FORMAT)?;
        p.text.push_str(s);
    }
    Ok(())
}

/// Ends a paragraph: prefixes its list label and adds it to the current
/// table cell, or to the body.
fn finish_para(
    para: &mut Vec<Para>,
    numbering: &Numbering,
    styles: &HashMap<String, StyleNum>,
    counters: &mut Counters,
    cell: &mut Option<Cell>,
    blocks: &mut Vec<Block>,
) {
    let Some(p) = para.pop() else { return };
    let (style_num, style_ilvl) = p
        .style
        .as_deref()
        .map_or((None, None), |s| style_numbering(styles, s));
    let num_id = p.num_id.or(style_num);
    let ilvl = p.ilvl.or(style_ilvl).unwrap_or(0);
    let mut text = p.text;
    // numId 0 switches numbering off. An empty numbered paragraph still
    // counts in Word (it shows a bare number); it just gets no label here.
    if let Some(num_id) = num_id.filter(|n| n != "0")
        && let Some(label) = counters.next_label(numbering, &num_id, ilvl, cell.is_none())
        && !text.trim().is_empty()
    {
        let sep = if label.ends_with(|c: char| c.is_alphanumeric() && c.is_ascii()) {
            " "
        } else {
            ""
        };
        text = format!("{label}{sep}{}", text.trim_start());
    }
    match cell {
        Some(c) => {
            if !c.text.is_empty() {
                c.text.push('\n');
            }
            c.text.push_str(&text);
        }
        None => blocks.push(Block::Paragraph(text)),
    }
}

/// Rows of cells with `gridSpan` repeated across and `vMerge` continued
/// from the row above, so every row has one cell per grid column.
/// The paragraphs of a table that is one column of text (every row one
/// cell, or one value merged across), or None for a table of columns.
fn frame_lines(table: &Table) -> Option<Vec<&str>> {
    let mut lines = Vec::new();
    for row in &table.rows {
        let mut filled = row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
        let Some(first) = filled.next() else {
            continue;
        };
        if filled.any(|c| c != first) {
            return None;
        }
        lines.extend(first.lines().map(str::trim).filter(|l| !l.is_empty()));
    }
    Some(lines)
}

fn expand_table(rows: Vec<Vec<Cell>>, budget: &mut TextBudget) -> Result<Table, ReadErrorKind> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let mut cells: Vec<String> = Vec::new();
        for cell in row {
            let col = cells.len();
            let text = match cell.vmerge {
                Some(false) => out
                    .last()
                    .and_then(|above| above.get(col))
                    .cloned()
                    .unwrap_or_default(),
                _ => cell.text.trim().to_string(),
            };
            for _ in 0..cell.span {
                // Spans and merges copy text: each copy is paid for.
                budget.spend(text.len() + ENTRY_COST, FORMAT)?;
                cells.push(text.clone());
            }
        }
        out.push(cells);
    }
    Ok(Table {
        rows: out
            .into_iter()
            .filter(|cells| cells.iter().any(|c| !c.is_empty()))
            .map(|cells| TableRow { cells, line: 0 })
            .collect(),
        name: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(3, "chineseCounting"), "三");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(7, "decimal"), "7");
        assert_eq!(format_number(3, "decimalEnclosedParen"), "⑶");
        assert_eq!(format_number(2020, "ideographDigital"), "二〇二〇");
        assert_eq!(format_number(u32::MAX, "upperLetter"), u32::MAX.to_string());
        assert_eq!(
            format_number(u32::MAX, "chineseCounting"),
            u32::MAX.to_string()
        );
    }
}
