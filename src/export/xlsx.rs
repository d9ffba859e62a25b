//! XLSX: formatted tables that are handed out at meetings.
//!
//! Every sheet has a title row saying what it holds (the filters or the
//! unit, the data file, the date), a bold header row that stays in view and
//! is repeated on every printed page, and prints on A4 landscape, one page
//! wide. Numbers are numbers (行号, and 序号 as written: `1.` is the number 1
//! shown as `1.`, `（三）` the number 3 shown in Chinese numerals), so they
//! sort numerically; dates are dates; statuses are coloured.
//!
//! This module knows formatting only. What goes in the sheets is decided by
//! the 台账 export ([`super::ledger`]), the matrix and the monthly report.

use std::path::Path;

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ConditionalFormat2ColorScale, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet,
};

use crate::progress::Shown;

/// Widest a column gets (Excel character units, where a CJK character is 2).
const MAX_WIDTH: usize = 60;
/// Columns that are not wrapped stay narrower than this.
const MAX_UNWRAPPED_WIDTH: usize = 40;
const MIN_WIDTH: usize = 6;
/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum XCell {
    Text(String),
    Number(f64),
    /// A task number as written (`1.`, `（三）`): numeric when it is one.
    TaskNo(String),
    Date(NaiveDate),
    /// A 台账 status, coloured.
    Status(Shown),
    Blank,
}

impl XCell {
    pub fn text(s: impl Into<String>) -> XCell {
        let s = s.into();
        if s.is_empty() {
            XCell::Blank
        } else {
            XCell::Text(s)
        }
    }

    /// The text a person reads in the cell (for widths and tests).
    fn shown(&self) -> String {
        match self {
            XCell::Text(s) | XCell::TaskNo(s) => s.clone(),
            XCell::Number(n) => n.to_string(),
            XCell::Date(d) => d.to_string(),
            XCell::Status(s) => s.label().to_owned(),
            XCell::Blank => String::new(),
        }
    }
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Cells(Vec<XCell>),
    /// A bold row across the table that starts a group (a unit's tasks).
    Heading(String),
    /// A bold totals row.
    Total(Vec<XCell>),
}

/// One sheet: a title row, optional header groups, a header row, rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub sheet: String,
    pub title: String,
    /// A row above the headers naming groups of columns, each with how many
    /// columns it spans (`江门市西部发展区发展战略规划` over 牵头, 配合).
    pub groups: Vec<(String, usize)>,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Columns (0-based) whose text wraps.
    pub wrap: Vec<usize>,
    /// Columns (first, last) shaded as a heat map over the body rows.
    pub heat: Option<(usize, usize)>,
    /// Narrower widths for some columns: (column, at most), so that a
    /// printed page keeps room for the task text.
    pub caps: Vec<(usize, usize)>,
}

/// Writes tables, one sheet each, to `path` atomically; an existing file
/// is replaced only when `overwrite`.
pub fn write_tables(path: &Path, tables: &[Table], overwrite: bool) -> Result<()> {
    let bytes = tables_bytes(path, tables)?;
    super::write_atomic(path, overwrite, |tmp| {
        std::fs::write(tmp, &bytes).map_err(Into::into)
    })?;
    Ok(())
}

/// The workbook's bytes; `path` only names the file in error messages.
pub fn tables_bytes(path: &Path, tables: &[Table]) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let mut names: Vec<String> = Vec::new();
    for t in tables {
        let mut name = sanitise_sheet_name(&t.sheet);
        let mut n = 2;
        while names.contains(&name) {
            name = sanitise_sheet_name(&format!("{}{n}", t.sheet));
            n += 1;
        }
        names.push(name.clone());
        let sheet = workbook.add_worksheet();
        sheet
            .set_name(&name)
            .with_context(|| format!("{}: invalid sheet name {name:?}", path.display()))?;
        write_table(sheet, t).with_context(|| format!("{}: sheet {name}", path.display()))?;
    }
    workbook
        .save_to_buffer()
        .with_context(|| format!("{}: cannot build the spreadsheet", path.display()))
}

struct Formats {
    title: Format,
    header: Format,
    cell: Format,
    wrap: Format,
    heading: Format,
    total: Format,
    date: Format,
}

fn formats() -> Formats {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#D9E1F2")
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    Formats {
        title: Format::new().set_bold().set_font_size(13),
        wrap: cell.clone().set_text_wrap(),
        heading: Format::new()
            .set_bold()
            .set_background_color("#EDEDED")
            .set_border(FormatBorder::Thin),
        total: cell.clone().set_bold().set_background_color("#F2F2F2"),
        date: cell.clone().set_num_format("yyyy-mm-dd"),
        header,
        cell,
    }
}

/// Fill and font colours of a status (Excel's good / neutral / bad styles).
fn status_format(base: &Format, s: Shown) -> Format {
    let (fill, font) = match s {
        Shown::Lagging => ("#FFC7CE", "#9C0006"),
        Shown::InProgress => ("#FFEB9C", "#9C5700"),
        Shown::Done => ("#C6EFCE", "#006100"),
        Shown::Closed => ("#E2EFDA", "#375623"),
        Shown::NotStarted => ("#FFFFFF", "#595959"),
    };
    base.clone()
        .set_background_color(fill)
        .set_font_color(font)
        .set_align(FormatAlign::Center)
}

fn write_table(sheet: &mut Worksheet, t: &Table) -> Result<()> {
    let f = formats();
    let columns = t.headers.len().max(
        t.rows
            .iter()
            .map(|r| match r {
                Row::Cells(c) | Row::Total(c) => c.len(),
                Row::Heading(_) => 0,
            })
            .max()
            .unwrap_or(0),
    );
    let last_col = col_index(columns.saturating_sub(1))?;
    // Title row.
    if columns > 1 {
        sheet.merge_range(0, 0, 0, last_col, &t.title, &f.title)?;
    } else {
        sheet.write_string_with_format(0, 0, &t.title, &f.title)?;
    }
    sheet.set_row_height(0, 22)?;
    let mut r: u32 = 1;
    if !t.groups.is_empty() {
        let mut c = 0usize;
        for (label, span) in &t.groups {
            let (first, last) = (col_index(c)?, col_index(c + span.max(&1) - 1)?);
            if last > first {
                sheet.merge_range(r, first, r, last, label, &f.header)?;
            } else {
                sheet.write_string_with_format(r, first, label, &f.header)?;
            }
            c += span.max(&1);
        }
        r += 1;
    }
    let header_row = r;
    for (col, header) in t.headers.iter().enumerate() {
        sheet.write_string_with_format(r, col_index(col)?, header, &f.header)?;
    }
    r += 1;
    let body_start = r;
    let mut has_headings = false;
    for row in &t.rows {
        match row {
            Row::Heading(text) => {
                has_headings = true;
                if columns > 1 {
                    sheet.merge_range(r, 0, r, last_col, text, &f.heading)?;
                } else {
                    sheet.write_string_with_format(r, 0, text, &f.heading)?;
                }
            }
            Row::Cells(cells) | Row::Total(cells) => {
                let total = matches!(row, Row::Total(_));
                for (col, cell) in cells.iter().enumerate() {
                    let base = if total {
                        &f.total
                    } else if t.wrap.contains(&col) {
                        &f.wrap
                    } else {
                        &f.cell
                    };
                    write_cell(sheet, r, col_index(col)?, cell, base, &f)?;
                }
            }
        }
        r += 1;
    }
    let body_end = r.saturating_sub(1);
    for col in 0..columns {
        let width = column_width(t, col);
        sheet.set_column_width(col_index(col)?, width as f64)?;
    }
    sheet.set_freeze_panes(header_row + 1, 0)?;
    if !has_headings && columns > 0 && body_end >= body_start {
        sheet.autofilter(header_row, 0, body_end, last_col)?;
    }
    if let Some((first, last)) = t.heat
        && body_end >= body_start
    {
        let scale = ConditionalFormat2ColorScale::new()
            .set_minimum_color("#FFFFFF")
            .set_maximum_color("#F8696B");
        let totals = t
            .rows
            .iter()
            .rev()
            .take_while(|r| matches!(r, Row::Total(_)))
            .count() as u32;
        let end = body_end.saturating_sub(totals).max(body_start);
        sheet.add_conditional_format(
            body_start,
            col_index(first)?,
            end,
            col_index(last)?,
            &scale,
        )?;
    }
    // Printing: A4 landscape, one page wide, the header row on every page.
    sheet.set_paper_size(PAPER_A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(
        if t.groups.is_empty() {
            header_row
        } else {
            header_row - 1
        },
        header_row,
    )?;
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer("&C第 &P 页，共 &N 页");
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &XCell,
    base: &Format,
    f: &Formats,
) -> Result<()> {
    match cell {
        XCell::Text(s) => {
            sheet.write_string_with_format(r, c, s, base)?;
        }
        XCell::Number(n) => {
            sheet.write_number_with_format(r, c, *n, base)?;
        }
        XCell::TaskNo(s) => match task_number(s) {
            Some((n, format)) => {
                sheet.write_number_with_format(r, c, n, &base.clone().set_num_format(format))?;
            }
            None => {
                sheet.write_string_with_format(r, c, s, base)?;
            }
        },
        XCell::Date(d) => {
            let excel = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).context("year out of range")?,
                d.month() as u8,
                d.day() as u8,
            )?;
            let format = if base == &f.cell {
                &f.date
            } else {
                &base.clone().set_num_format("yyyy-mm-dd")
            };
            sheet.write_datetime_with_format(r, c, &excel, format)?;
        }
        XCell::Status(s) => {
            sheet.write_string_with_format(r, c, s.label(), &status_format(base, *s))?;
        }
        XCell::Blank => {
            sheet.write_blank(r, c, base)?;
        }
    }
    Ok(())
}

/// A task number as a number and a format that shows it as written:
/// `1.` → (1, `0"."`), `(2)` → (2, `"("0")"`), `（三）` → (3, Chinese
/// numerals in brackets). `None` for anything else (`1.2`, `第一节`).
fn task_number(s: &str) -> Option<(f64, String)> {
    let s = s.trim();
    let chars: Vec<char> = s.chars().collect();
    let open = chars.first().filter(|c| "（(".contains(**c)).copied();
    let close = chars.last().filter(|c| ")）.．、".contains(**c)).copied();
    let core: String = chars
        [usize::from(open.is_some())..chars.len() - usize::from(close.is_some())]
        .iter()
        .collect();
    if core.is_empty() || (open.is_some() && !matches!(close, Some(')' | '）'))) {
        return None;
    }
    let quote = |c: Option<char>| c.map_or(String::new(), |c| format!("\"{c}\""));
    let (n, digits) = if core.chars().all(|c| c.is_ascii_digit()) {
        (core.parse::<u32>().ok()?, "0")
    } else if core
        .chars()
        .all(|c| "一二三四五六七八九十百零〇两".contains(c))
    {
        (crate::zh::cn_number(&core)?, "[DBNum1][$-804]0")
    } else {
        return None;
    };
    Some((
        f64::from(n),
        format!("{}{digits}{}", quote(open), quote(close)),
    ))
}

fn col_index(col: usize) -> Result<u16> {
    u16::try_from(col).context("too many columns for a spreadsheet")
}

/// Width from display width (a CJK character counts 2, which the library's
/// autofit under-counts), the longest line of any cell, capped.
fn column_width(t: &Table, col: usize) -> usize {
    let widest_line = |s: &str| s.lines().map(crate::text::width).max().unwrap_or(0);
    let content = t
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Cells(c) | Row::Total(c) => c.get(col),
            Row::Heading(_) => None,
        })
        .map(|c| widest_line(&c.shown()))
        .max()
        .unwrap_or(0);
    let header = t.headers.get(col).map_or(0, |h| widest_line(h));
    let cap = t
        .caps
        .iter()
        .find(|c| c.0 == col)
        .map(|c| c.1)
        .unwrap_or(if t.wrap.contains(&col) {
            MAX_WIDTH
        } else {
            MAX_UNWRAPPED_WIDTH
        });
    (content.max(header) + 2).clamp(MIN_WIDTH, cap)
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`, not empty.
fn sanitise_sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let cleaned = cleaned.trim_matches('\'').to_string();
    if cleaned.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: Vec<Row>) -> Table {
        Table {
            sheet: "任务分工表".into(),
            title: "分工 · 测试".into(),
            headers: ["序号", "任务", "牵头单位", "状态"]
                .map(String::from)
                .to_vec(),
            rows,
            wrap: vec![1],
            ..Default::default()
        }
    }

    #[test]
    fn widths_count_cjk_as_two_and_are_capped() {
        let t = table(vec![Row::Cells(vec![
            XCell::text("1"),
            XCell::text("x".repeat(200)),
            XCell::text("市发展和改革局"),
        ])]);
        assert_eq!(column_width(&t, 2), 16);
        assert_eq!(column_width(&t, 1), MAX_WIDTH);
        assert_eq!(column_width(&table(vec![]), 0), MIN_WIDTH);
    }

    #[test]
    fn task_numbers_become_numbers_shown_as_written() {
        assert_eq!(task_number("1."), Some((1.0, "0\".\"".into())));
        assert_eq!(task_number("12"), Some((12.0, "0".into())));
        assert_eq!(task_number("(2)"), Some((2.0, "\"(\"0\")\"".into())));
        assert_eq!(
            task_number("（三）"),
            Some((3.0, "\"（\"[DBNum1][$-804]0\"）\"".into()))
        );
        assert_eq!(
            task_number("十二、"),
            Some((12.0, "[DBNum1][$-804]0\"、\"".into()))
        );
        assert_eq!(task_number("1.2"), None);
        assert_eq!(task_number("第一节"), None);
        assert_eq!(task_number("（三"), None);
        assert_eq!(task_number(""), None);
    }

    #[test]
    fn written_file_reads_back_with_calamine() {
        use calamine::{Data, Reader, Xlsx, open_workbook};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("分工表.xlsx");
        let t = table(vec![
            Row::Heading("台山市发展和改革局".into()),
            Row::Cells(vec![
                XCell::TaskNo("10.".into()),
                XCell::text("建设产业园区。".repeat(20)),
                XCell::text("市发展和改革局"),
                XCell::Status(Shown::Lagging),
            ]),
            Row::Cells(vec![
                XCell::TaskNo("（二）".into()),
                XCell::text("推进技术改造"),
                XCell::Blank,
                XCell::Date(NaiveDate::from_ymd_opt(2022, 6, 30).unwrap()),
            ]),
        ]);
        write_tables(&path, &[t], false).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), vec!["任务分工表"]);
        let range = book.worksheet_range("任务分工表").unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        assert_eq!(rows[0][0], Data::String("分工 · 测试".into()));
        assert_eq!(rows[1][1], Data::String("任务".into()));
        assert_eq!(rows[2][0], Data::String("台山市发展和改革局".into()));
        assert_eq!(rows[3][0], Data::Float(10.0), "numbers are numbers");
        assert_eq!(rows[3][3], Data::String("滞后".into()));
        assert_eq!(rows[4][0], Data::Float(2.0));
        assert!(matches!(rows[4][3], Data::DateTime(_)));
        // Only the finished file is left in the folder.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn missing_folder_is_a_clear_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("out.xlsx");
        let err = write_tables(&path, &[table(vec![])], false).unwrap_err();
        let msg = format!("{err:#}");
        assert!(
            msg.contains("does not exist") && msg.contains("out.xlsx"),
            "{msg}"
        );
        assert!(!path.exists());
    }

    #[test]
    fn sheet_names_are_made_valid_and_unique() {
        assert_eq!(sanitise_sheet_name("任务/分工:表"), "任务_分工_表");
        assert_eq!(sanitise_sheet_name(""), "Sheet1");
        assert_eq!(sanitise_sheet_name(&"表".repeat(40)).chars().count(), 31);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.xlsx");
        write_tables(&path, &[table(vec![]), table(vec![])], false).unwrap();
        use calamine::{Reader, Xlsx, open_workbook};
        let book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), vec!["任务分工表", "任务分工表2"]);
    }
}
