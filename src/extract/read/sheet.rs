//! Tables as files: `.csv`, and spreadsheets (`.xlsx`/`.xlsm`, `.ods`) read
//! by small streaming readers of our own on zip + quick-xml, with merged
//! cells expanded.
//!
//! Spreadsheets are where small files claim huge sizes: a cell at
//! XFD1048576, `uniqueCount="4294967295"`, `number-rows-repeated` in the
//! millions, a reference like `AAAAAAAA99999999999`. Nothing here allocates
//! by what a file claims. Cells are kept sparse as they stream (empty and
//! repeated-empty cells cost nothing), references are parsed with checked
//! arithmetic against Excel's limits, and the grid a sheet becomes is built
//! only when its used area is at most [`MAX_GRID_CELLS`]; beyond that the
//! file is refused with a message naming the sheet and its extent.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::archive::{Archive, MAX_TEXT, TextBudget, Xml, attr, local, resolve_ref, xml_error};
use super::text::decode_text;
use super::{ReadErrorKind, SourceText, render_rows};
use crate::extract::{Table, TableRow};

/// Non-empty cells in one workbook; a 分工表 has hundreds.
pub(super) const MAX_CELLS: usize = 1_000_000;
/// Cells of the rectangle one sheet becomes (its used area, from A1 when
/// the data starts near it).
pub(super) const MAX_GRID_CELLS: u64 = 2_000_000;
/// Merged regions in one workbook.
const MAX_MERGES: usize = 100_000;
/// Sheets in one workbook.
const MAX_SHEETS: usize = 1_000;
/// Excel's (and LibreOffice's) last row and column: XFD1048576.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLS: u64 = 16_384;

pub(super) fn read_csv(bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    let (decoded, encoding) = decode_text(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded.as_bytes());
    let mut table = Table::default();
    for record in reader.records() {
        let record = record.map_err(|e| ReadErrorKind::Damaged {
            format: "CSV",
            detail: e.to_string(),
        })?;
        table.rows.push(TableRow {
            cells: record.iter().map(|c| c.trim().to_string()).collect(),
            line: 0,
        });
    }
    let mut text = String::new();
    render_rows(&mut text, &mut table);
    Ok(SourceText {
        text,
        encoding,
        tables: vec![table],
    })
}

/// One sheet as read: its name, non-empty cells `(row, col, text)` from 0,
/// and merged regions `(first row, first col, last row, last col)`.
#[derive(Default)]
struct Sheet {
    name: String,
    cells: Vec<(u32, u32, String)>,
    merges: Vec<(u32, u32, u32, u32)>,
}

/// Counts what a workbook holds against [`MAX_CELLS`] and [`MAX_MERGES`].
#[derive(Default)]
struct Counts {
    cells: usize,
    merges: usize,
    text: TextBudget,
}

impl Counts {
    fn cell(&mut self, format: &'static str, text_len: usize) -> Result<(), ReadErrorKind> {
        self.cells += 1;
        if self.cells > MAX_CELLS {
            return Err(ReadErrorKind::OverLimit {
                what: format!(
                    "the {format} has more than {MAX_CELLS} filled cells, the most fengong reads of a workbook (a 分工表 has hundreds)"
                ),
            });
        }
        self.text.spend(text_len + 32, format)
    }

    fn merge(&mut self, format: &'static str) -> Result<(), ReadErrorKind> {
        self.merges += 1;
        if self.merges > MAX_MERGES {
            return Err(ReadErrorKind::OverLimit {
                what: format!("the {format} has more than {MAX_MERGES} merged regions"),
            });
        }
        Ok(())
    }
}

/// The column letters of a 0-based column (`0` → `A`, `16383` → `XFD`).
fn column_name(mut col: u64) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn out_of_range(format: &'static str, reference: &str) -> ReadErrorKind {
    ReadErrorKind::OverLimit {
        what: format!(
            "cell {} lies outside any spreadsheet (the last cell is XFD1048576); the {format} is damaged",
            reference.chars().take(40).collect::<String>()
        ),
    }
}

/// A cell reference (`B3`, `$B$3`) as 0-based `(row, col)`; `None` for a
/// malformed one, an error past XFD1048576.
fn parse_ref(r: &str, format: &'static str) -> Result<Option<(u32, u32)>, ReadErrorKind> {
    let t = r.trim().replace('$', "");
    let split = t.find(|c: char| c.is_ascii_digit()).unwrap_or(t.len());
    let (letters, digits) = t.split_at(split);
    if letters.is_empty()
        || digits.is_empty()
        || !letters.bytes().all(|b| b.is_ascii_alphabetic())
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return Ok(None);
    }
    let mut col: u64 = 0;
    for b in letters.bytes() {
        col = col * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1);
        if col > MAX_COLS {
            return Err(out_of_range(format, r));
        }
    }
    let row: u64 = match digits.parse() {
        Ok(n) if (1..=MAX_ROWS).contains(&n) => n,
        _ => return Err(out_of_range(format, r)),
    };
    Ok(Some(((row - 1) as u32, (col - 1) as u32)))
}

/// The sheets as tables, rendered into the text one row per line.
fn finish(
    sheets: Vec<Sheet>,
    encoding: &'static str,
    format: &'static str,
) -> Result<SourceText, ReadErrorKind> {
    let mut text = String::new();
    let mut tables = Vec::new();
    for sheet in sheets {
        let Some(mut table) = grid(sheet, format)? else {
            continue; // an empty sheet
        };
        if !text.is_empty() {
            text.push('\n'); // a blank line between sheets
        }
        render_rows(&mut text, &mut table);
        // Rows that are entirely empty stay in the text (keeping row numbers
        // for the first sheet) but not in the table.
        table.rows.retain(|r| r.cells.iter().any(|c| !c.is_empty()));
        tables.push(table);
    }
    if tables.iter().all(|t| t.rows.is_empty()) {
        return Err(ReadErrorKind::Empty);
    }
    Ok(SourceText {
        text,
        encoding,
        tables,
    })
}

/// A sheet's cells as a rectangle, merged cells filled with their top-left
/// value. Refused when the rectangle would pass [`MAX_GRID_CELLS`].
fn grid(sheet: Sheet, format: &'static str) -> Result<Option<Table>, ReadErrorKind> {
    let Some(row0) = sheet.cells.iter().map(|c| c.0).min() else {
        return Ok(None);
    };
    let col0 = sheet.cells.iter().map(|c| c.1).min().unwrap_or(0);
    let row1 = sheet.cells.iter().map(|c| c.0).max().unwrap_or(0);
    let col1 = sheet.cells.iter().map(|c| c.1).max().unwrap_or(0);
    // From A1 so row k is spreadsheet row k+1 — unless the data starts far
    // away, where padding would only waste memory.
    let row_origin = if row0 <= 1000 { 0 } else { row0 };
    let col_origin = if col0 <= 100 { 0 } else { col0 };
    let height = u64::from(row1 - row_origin) + 1;
    let width = u64::from(col1 - col_origin) + 1;
    if height * width > MAX_GRID_CELLS {
        return Err(ReadErrorKind::OverLimit {
            what: format!(
                "sheet \"{}\" spans {}{}:{}{} ({} cells), more than the {MAX_GRID_CELLS} cells fengong reads of a sheet; delete the stray cells far from the table",
                crate::sanitise::strip(&sheet.name)
                    .chars()
                    .take(40)
                    .collect::<String>(),
                column_name(u64::from(col_origin)),
                row_origin + 1,
                column_name(u64::from(col1)),
                row1 + 1,
                height * width
            ),
        });
    }
    let (height, width) = (height as usize, width as usize);
    let mut rows = vec![vec![String::new(); width]; height];
    for (r, c, v) in sheet.cells {
        rows[(r - row_origin) as usize][(c - col_origin) as usize] = v;
    }
    // Merged cells: the top-left value fills the region, clipped to the grid.
    let mut filled: u64 = 0; // bytes copied
    for (r0, c0, r1, c1) in sheet.merges {
        let clip =
            |v: u32, origin: u32, len: usize| (v.saturating_sub(origin) as usize).min(len - 1);
        let (r0, r1) = (clip(r0, row_origin, height), clip(r1, row_origin, height));
        let (c0, c1) = (clip(c0, col_origin, width), clip(c1, col_origin, width));
        if r1 < r0 || c1 < c0 {
            continue;
        }
        let value = rows[r0][c0].clone();
        // Each filled cell is a copy of the value: count the bytes copied.
        let area = ((r1 - r0 + 1) * (c1 - c0 + 1)) as u64;
        filled = filled.saturating_add(area.saturating_mul(value.len() as u64 + 1));
        if filled > MAX_TEXT as u64 {
            return Err(ReadErrorKind::OverLimit {
                what: format!(
                    "the {format}'s merged regions copy more than {} MB of text",
                    MAX_TEXT / 1_000_000
                ),
            });
        }
        for row in &mut rows[r0..=r1] {
            for cell in &mut row[c0..=c1] {
                cell.clone_from(&value);
            }
        }
    }
    Ok(Some(Table {
        rows: rows
            .into_iter()
            .map(|cells| TableRow { cells, line: 0 })
            .collect(),
        name: Some(crate::sanitise::strip(&sheet.name).into_owned())
            .filter(|n| !n.trim().is_empty()),
    }))
}

/// Text of the next events up to the end of the current element (`<v>`,
/// `<t>`), entities resolved.
fn push_event_text(out: &mut String, ev: &Event<'_>) {
    match ev {
        Event::Text(t) => out.push_str(&t.xml10_content()),
        Event::CData(t) => out.push_str(t.as_ref()),
        Event::GeneralRef(g) => {
            if let Some(c) = resolve_ref(&g.xml10_content()) {
                out.push(c);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// .xlsx

const XLSX: &str = ".xlsx";

pub(super) fn read_xlsx(bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    let mut zip = Archive::open(bytes, XLSX)?;
    let mut counts = Counts::default();
    let sheets = zip
        .parse("xl/workbook.xml", workbook_sheets)?
        .ok_or_else(|| zip.damaged("it has no xl/workbook.xml (is it an Excel workbook?)"))?;
    let rels = zip
        .parse("xl/_rels/workbook.xml.rels", relationships)?
        .unwrap_or_default();
    let shared = zip
        .parse("xl/sharedStrings.xml", |r| shared_strings(r, &mut counts))?
        .unwrap_or_default();
    let mut out = Vec::new();
    for (n, (name, rel)) in sheets.into_iter().enumerate() {
        let part = rels
            .get(&rel)
            .map(|t| part_path(t))
            .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", n + 1));
        let sheet = zip.parse(&part, |r| worksheet(r, &part, name, &shared, &mut counts))?;
        out.extend(sheet);
    }
    finish(out, "xlsx", XLSX)
}

/// A relationship target as a part name: relative to `xl/`, or absolute.
fn part_path(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None => {
            let mut parts: Vec<&str> = vec!["xl"];
            for seg in target.split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            parts.join("/")
        }
    }
}

/// `(name, relationship id)` of each sheet, in workbook order.
fn workbook_sheets(r: &mut Xml<'_>) -> Result<Vec<(String, String)>, ReadErrorKind> {
    let mut sheets = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match r
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(XLSX, "workbook.xml", r, e))?
        {
            Event::Start(e) | Event::Empty(e) if local(&e) == "sheet" => {
                if sheets.len() >= MAX_SHEETS {
                    return Err(ReadErrorKind::OverLimit {
                        what: format!("the workbook has more than {MAX_SHEETS} sheets"),
                    });
                }
                sheets.push((
                    attr(&e, "name").unwrap_or_default(),
                    attr(&e, "id").unwrap_or_default(),
                ));
            }
            Event::Eof => return Ok(sheets),
            _ => {}
        }
    }
}

fn relationships(r: &mut Xml<'_>) -> Result<HashMap<String, String>, ReadErrorKind> {
    let mut rels = HashMap::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match r
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(XLSX, "workbook.xml.rels", r, e))?
        {
            Event::Start(e) | Event::Empty(e) if local(&e) == "Relationship" => {
                if rels.len() >= MAX_SHEETS * 4 {
                    continue;
                }
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    rels.insert(id, target);
                }
            }
            Event::Eof => return Ok(rels),
            _ => {}
        }
    }
}

/// The shared strings, never allocated by the count the file declares.
fn shared_strings(r: &mut Xml<'_>, counts: &mut Counts) -> Result<Vec<String>, ReadErrorKind> {
    let mut strings = Vec::new();
    let mut buf = Vec::new();
    let mut current: Option<String> = None;
    // Text counts only in `<t>`, and not in phonetic runs (`<rPh>`).
    let (mut in_t, mut in_phonetic) = (false, false);
    loop {
        buf.clear();
        let ev = r
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(XLSX, "sharedStrings.xml", r, e))?;
        match &ev {
            Event::Start(e) => match local(e).as_str() {
                "si" => current = Some(String::new()),
                "t" => in_t = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            Event::Empty(e) if local(e) == "si" => {
                counts.cell(XLSX, 0)?;
                strings.push(String::new());
            }
            Event::End(e) => match e.local_name().as_ref() {
                "si" => {
                    let s = current.take().unwrap_or_default();
                    counts.cell(XLSX, s.len())?;
                    strings.push(s);
                }
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                _ => {}
            },
            Event::Eof => return Ok(strings),
            ev if in_t && !in_phonetic => {
                if let Some(s) = current.as_mut() {
                    let before = s.len();
                    push_event_text(s, ev);
                    counts.text.spend(s.len() - before, XLSX)?;
                }
            }
            _ => {}
        }
    }
}

fn worksheet(
    r: &mut Xml<'_>,
    part: &str,
    name: String,
    shared: &[String],
    counts: &mut Counts,
) -> Result<Sheet, ReadErrorKind> {
    let mut sheet = Sheet {
        name,
        ..Sheet::default()
    };
    let mut buf = Vec::new();
    // The position of the next cell when a file leaves out `r`.
    let (mut row, mut col): (u32, u32) = (0, 0);
    let mut next_row: u32 = 0;
    let mut kind = String::new();
    let mut value = String::new();
    let mut in_value = false;
    let mut in_cell = false;
    loop {
        buf.clear();
        let ev = r
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(XLSX, part, r, e))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                match local(e).as_str() {
                    "row" => {
                        row = match attr(e, "r").map(|n| n.trim().parse::<u64>()) {
                            Some(Ok(n)) if (1..=MAX_ROWS).contains(&n) => (n - 1) as u32,
                            Some(Ok(n)) => return Err(out_of_range(XLSX, &format!("row {n}"))),
                            // No number, or not one: the next row.
                            _ => next_row,
                        };
                        next_row = row.saturating_add(1);
                        col = 0;
                    }
                    "c" => {
                        if let Some(reference) = attr(e, "r")
                            && let Some((r0, c0)) = parse_ref(&reference, XLSX)?
                        {
                            (row, col) = (r0, c0);
                        }
                        kind = attr(e, "t").unwrap_or_default();
                        value.clear();
                        in_cell = !empty;
                        if empty {
                            col = col.saturating_add(1);
                        }
                    }
                    "v" | "t" if in_cell => in_value = !empty,
                    "mergeCell" => {
                        if let Some(range) = attr(e, "ref") {
                            let (a, b) = range.split_once(':').unwrap_or((&range, &range));
                            if let (Some(a), Some(b)) = (parse_ref(a, XLSX)?, parse_ref(b, XLSX)?) {
                                counts.merge(XLSX)?;
                                sheet.merges.push((
                                    a.0.min(b.0),
                                    a.1.min(b.1),
                                    a.0.max(b.0),
                                    a.1.max(b.1),
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" => in_value = false,
                "c" if in_cell => {
                    in_cell = false;
                    let text = match kind.as_str() {
                        "s" => value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| shared.get(i))
                            .cloned()
                            .unwrap_or_default(),
                        "b" => match value.trim() {
                            "1" => "TRUE".into(),
                            "0" => "FALSE".into(),
                            v => v.to_owned(),
                        },
                        "str" | "inlineStr" | "e" | "d" => std::mem::take(&mut value),
                        _ => number_text(&value),
                    };
                    let text = text.trim();
                    if !text.is_empty() {
                        counts.cell(XLSX, text.len())?;
                        sheet.cells.push((row, col, text.to_owned()));
                    }
                    col = col.saturating_add(1);
                }
                _ => {}
            },
            Event::Eof => return Ok(sheet),
            ev if in_value => {
                let before = value.len();
                push_event_text(&mut value, ev);
                counts.text.spend(value.len() - before, XLSX)?;
            }
            _ => {}
        }
    }
}

/// A number as Excel shows it in General format for ordinary values:
/// `1` not `1.0`, the stored text when it is not a plain number.
fn number_text(v: &str) -> String {
    let v = v.trim();
    match v.parse::<f64>() {
        Ok(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
        Ok(x) if x.is_finite() => format!("{x}"),
        _ => v.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// .ods

const ODS: &str = ".ods";

pub(super) fn read_ods(bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    let mut zip = Archive::open(bytes, ODS)?;
    let mut counts = Counts::default();
    let sheets = zip
        .parse("content.xml", |r| ods_content(r, &mut counts))?
        .ok_or_else(|| zip.damaged("it has no content.xml (is it an OpenDocument spreadsheet?)"))?;
    finish(sheets, "ods", ODS)
}

/// A repeat or span count: at least 1; what lies past the sheet's end is
/// checked where a filled cell would land there.
fn count_attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> u64 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// One cell being read: its text paragraphs, value attributes, spans and repeat.
#[derive(Default)]
struct OdsCell {
    text: String,
    paragraphs: usize,
    value: Option<String>,
    repeat: u64,
    span: (u64, u64),
}

fn ods_content(r: &mut Xml<'_>, counts: &mut Counts) -> Result<Vec<Sheet>, ReadErrorKind> {
    let mut sheets = Vec::new();
    let mut buf = Vec::new();
    let mut sheet: Option<Sheet> = None;
    // Tables inside cells (rare) are read as text of the outer cell.
    let mut depth = 0usize;
    let (mut row, mut col): (u64, u64) = (0, 0);
    let mut row_repeat: u64 = 1;
    let mut row_cells: Vec<(u64, String)> = Vec::new();
    let mut row_merges: Vec<(u64, u64, u64)> = Vec::new(); // (col, rows, cols)
    let mut cell: Option<OdsCell> = None;
    let mut in_p = false;
    let mut skip = 0usize; // inside an annotation: not cell text
    loop {
        buf.clear();
        let ev = r
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(ODS, "content.xml", r, e))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                match local(e).as_str() {
                    "table" => {
                        if !empty {
                            depth += 1;
                        }
                        if depth == 1 || (empty && depth == 0) {
                            if sheets.len() >= MAX_SHEETS {
                                return Err(ReadErrorKind::OverLimit {
                                    what: format!("the workbook has more than {MAX_SHEETS} sheets"),
                                });
                            }
                            sheet = Some(Sheet {
                                name: attr(e, "name").unwrap_or_default(),
                                ..Sheet::default()
                            });
                            (row, col) = (0, 0);
                            if empty {
                                sheets.extend(sheet.take());
                            }
                        }
                    }
                    "table-row" if depth == 1 => {
                        row_repeat = count_attr(e, "number-rows-repeated");
                        col = 0;
                        row_cells.clear();
                        row_merges.clear();
                        if empty {
                            row = row.saturating_add(row_repeat);
                        }
                    }
                    "table-cell" | "covered-table-cell" if depth == 1 => {
                        let c = OdsCell {
                            value: [
                                "value",
                                "date-value",
                                "time-value",
                                "boolean-value",
                                "string-value",
                            ]
                            .iter()
                            .find_map(|a| attr(e, a)),
                            repeat: count_attr(e, "number-columns-repeated"),
                            span: (
                                count_attr(e, "number-rows-spanned"),
                                count_attr(e, "number-columns-spanned"),
                            ),
                            ..OdsCell::default()
                        };
                        if empty {
                            end_cell(c, &mut col, &mut row_cells, &mut row_merges, counts)?;
                        } else {
                            cell = Some(c);
                        }
                    }
                    "annotation" | "note" if !empty => skip += 1,
                    "p" | "h" if cell.is_some() && skip == 0 => {
                        if let Some(c) = cell.as_mut() {
                            if c.paragraphs > 0 {
                                c.text.push('\n');
                            }
                            c.paragraphs += 1;
                        }
                        in_p = !empty;
                    }
                    "s" if in_p && skip == 0 => {
                        if let Some(c) = cell.as_mut() {
                            let n = count_attr(e, "c").min(1000) as usize;
                            counts.text.spend(n, ODS)?;
                            c.text.extend(std::iter::repeat_n(' ', n));
                        }
                    }
                    "tab" if in_p && skip == 0 => cell.iter_mut().for_each(|c| c.text.push('\t')),
                    "line-break" if in_p && skip == 0 => {
                        cell.iter_mut().for_each(|c| c.text.push('\n'))
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "table" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        sheets.extend(sheet.take());
                    }
                }
                "table-row" if depth == 1 => {
                    let filled = !row_cells.is_empty();
                    if filled {
                        let last = row.saturating_add(row_repeat - 1);
                        if last >= MAX_ROWS {
                            return Err(out_of_range(ODS, &format!("row {}", last + 1)));
                        }
                        let s = sheet.get_or_insert_with(Sheet::default);
                        for k in 0..row_repeat {
                            for (c, text) in &row_cells {
                                counts.cell(ODS, text.len())?;
                                s.cells.push(((row + k) as u32, *c as u32, text.clone()));
                            }
                            for &(c, rows, cols) in &row_merges {
                                counts.merge(ODS)?;
                                let r0 = row + k;
                                s.merges.push((
                                    r0 as u32,
                                    c as u32,
                                    r0.saturating_add(rows - 1).min(MAX_ROWS - 1) as u32,
                                    c.saturating_add(cols - 1).min(MAX_COLS - 1) as u32,
                                ));
                            }
                        }
                    } else if !row_merges.is_empty() {
                        // Merges of empty cells fill nothing.
                    }
                    row = row.saturating_add(row_repeat);
                    row_cells.clear();
                    row_merges.clear();
                }
                "table-cell" | "covered-table-cell" if depth == 1 => {
                    if let Some(c) = cell.take() {
                        end_cell(c, &mut col, &mut row_cells, &mut row_merges, counts)?;
                    }
                    in_p = false;
                }
                "p" | "h" => in_p = false,
                "annotation" | "note" => skip = skip.saturating_sub(1),
                _ => {}
            },
            Event::Eof => {
                if depth > 0 {
                    let name = sheet.map(|s| s.name).unwrap_or_default();
                    return Err(ReadErrorKind::Damaged {
                        format: ODS,
                        detail: format!(
                            "content.xml ends inside table \"{}\" (the file is cut short)",
                            crate::sanitise::strip(&name)
                                .chars()
                                .take(40)
                                .collect::<String>()
                        ),
                    });
                }
                return Ok(sheets);
            }
            ev if in_p && skip == 0 => {
                if let Some(c) = cell.as_mut() {
                    let before = c.text.len();
                    push_event_text(&mut c.text, ev);
                    counts.text.spend(c.text.len() - before, ODS)?;
                }
            }
            _ => {}
        }
    }
}

/// Places a finished cell (and its repeats) in the row being read.
fn end_cell(
    c: OdsCell,
    col: &mut u64,
    row_cells: &mut Vec<(u64, String)>,
    row_merges: &mut Vec<(u64, u64, u64)>,
    counts: &mut Counts,
) -> Result<(), ReadErrorKind> {
    let text = if c.text.trim().is_empty() {
        c.value.unwrap_or_default()
    } else {
        c.text
    };
    let text = text.trim();
    if !text.is_empty() {
        let last = col.saturating_add(c.repeat - 1);
        if last >= MAX_COLS {
            return Err(out_of_range(
                ODS,
                &format!("{}1", column_name(last.min(u64::MAX / 2))),
            ));
        }
        for k in 0..c.repeat {
            counts.cell(ODS, text.len())?;
            row_cells.push((*col + k, text.to_owned()));
            if c.span != (1, 1) {
                row_merges.push((*col + k, c.span.0, c.span.1));
            }
        }
    }
    *col = col.saturating_add(c.repeat);
    Ok(())
}
