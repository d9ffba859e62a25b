//! XLSX export: a formatted 任务分工表 (bold frozen header row, column widths
//! from display width, wrapped long text), written atomically.

use std::path::Path;

use anyhow::{Context, Result};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

/// Widest a column gets (Excel character units, where a CJK character is 2).
const MAX_WIDTH: usize = 60;
/// Columns that are not wrapped stay narrower than this.
const MAX_UNWRAPPED_WIDTH: usize = 40;
const MIN_WIDTH: usize = 6;

/// Writes one sheet with `headers` and `rows` to `path`. Columns listed in
/// `wrap_columns` (0-based) wrap their text. The file is written to a
/// temporary file in the same folder and renamed ([`super::write_atomic`]),
/// so a failed export never leaves a half-written file behind.
pub fn write_table_xlsx(
    path: &Path,
    sheet_name: &str,
    headers: &[&str],
    rows: &[Vec<String>],
    wrap_columns: &[usize],
) -> Result<()> {
    let bytes = table_xlsx_bytes(path, sheet_name, headers, rows, wrap_columns)?;
    super::write_atomic(path, true, |tmp| {
        std::fs::write(tmp, &bytes).map_err(Into::into)
    })?;
    Ok(())
}

/// The spreadsheet's bytes; `path` only names the file in error messages.
pub fn table_xlsx_bytes(
    path: &Path,
    sheet_name: &str,
    headers: &[&str],
    rows: &[Vec<String>],
    wrap_columns: &[usize],
) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(sanitise_sheet_name(sheet_name))
        .with_context(|| format!("{}: invalid sheet name {sheet_name:?}", path.display()))?;

    let header_format = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#D9E1F2")
        .set_border(FormatBorder::Thin);
    let cell_format = Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let wrap_format = cell_format.clone().set_text_wrap();

    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col_index(col)?, *header, &header_format)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).context("too many rows for a spreadsheet")?;
        for (col, value) in row.iter().enumerate() {
            let format = if wrap_columns.contains(&col) {
                &wrap_format
            } else {
                &cell_format
            };
            sheet.write_string_with_format(r, col_index(col)?, value, format)?;
        }
    }
    let columns = headers
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    for col in 0..columns {
        let width = column_width(
            headers.get(col).copied(),
            rows,
            col,
            wrap_columns.contains(&col),
        );
        sheet.set_column_width(col_index(col)?, width as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !headers.is_empty() && !rows.is_empty() {
        sheet.autofilter(0, 0, rows.len() as u32, col_index(headers.len() - 1)?)?;
    }

    workbook
        .save_to_buffer()
        .with_context(|| format!("{}: cannot build the spreadsheet", path.display()))
}

fn col_index(col: usize) -> Result<u16> {
    u16::try_from(col).context("too many columns for a spreadsheet")
}

/// Width from display width (a CJK character counts 2, which the library's
/// autofit under-counts), the longest line of any cell, capped.
fn column_width(header: Option<&str>, rows: &[Vec<String>], col: usize, wrapped: bool) -> usize {
    let widest_line = |s: &str| s.lines().map(crate::text::width).max().unwrap_or(0);
    let content = rows
        .iter()
        .filter_map(|r| r.get(col))
        .map(|s| widest_line(s))
        .max()
        .unwrap_or(0);
    let header = header.map_or(0, widest_line);
    let cap = if wrapped {
        MAX_WIDTH
    } else {
        MAX_UNWRAPPED_WIDTH
    };
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

    #[test]
    fn widths_count_cjk_as_two_and_are_capped() {
        let rows = vec![vec!["市发展和改革局".to_string(), "x".repeat(200)]];
        assert_eq!(column_width(Some("牵头单位"), &rows, 0, false), 16);
        assert_eq!(column_width(Some("任务"), &rows, 1, true), MAX_WIDTH);
        assert_eq!(column_width(Some("序号"), &[], 0, false), MIN_WIDTH);
    }

    #[test]
    fn written_file_reads_back_with_calamine() {
        use calamine::{Reader, Xlsx, open_workbook};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("分工表.xlsx");
        let headers = ["序号", "任务", "牵头单位", "配合单位"];
        let rows = vec![
            vec![
                "1".into(),
                "建设产业园区。".repeat(20),
                "市发展和改革局".into(),
                "市财政局、各镇".into(),
            ],
            vec![
                "2".into(),
                "推进技术改造".into(),
                "市工信局".into(),
                String::new(),
            ],
        ];
        write_table_xlsx(&path, "任务分工表", &headers, &rows, &[1]).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), vec!["任务分工表"]);
        let range = book.worksheet_range("任务分工表").unwrap();
        let got: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(got[0], headers);
        assert_eq!(got[1], rows[0]);
        assert_eq!(got[2][..3], rows[1][..3]);
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
        let err = write_table_xlsx(&path, "表", &["任务"], &[], &[]).unwrap_err();
        let msg = format!("{err:#}");
        assert!(
            msg.contains("does not exist") && msg.contains("out.xlsx"),
            "{msg}"
        );
        assert!(!path.exists());
    }

    #[test]
    fn sheet_names_are_made_valid() {
        assert_eq!(sanitise_sheet_name("任务/分工:表"), "任务_分工_表");
        assert_eq!(sanitise_sheet_name(""), "Sheet1");
        assert_eq!(sanitise_sheet_name(&"表".repeat(40)).chars().count(), 31);
    }
}
