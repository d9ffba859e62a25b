//! Tables as files: `.csv`, and spreadsheets through calamine (`.xlsx`,
//! `.xlsm`, `.xls`, `.ods`) with merged cells expanded.

use std::fmt;
use std::path::Path;

use super::text::decode_text;
use super::{ReadErrorKind, SourceText, render_rows};
use crate::extract::{Table, TableRow};

/// Cells in one sheet; a 分工表 has hundreds.
pub(super) const MAX_CELLS: usize = 5_000_000;

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

pub(super) fn read_spreadsheet(path: &Path) -> Result<SourceText, ReadErrorKind> {
    use calamine::{Reader, Sheets, open_workbook_auto};
    let damaged = |e: &dyn fmt::Display| ReadErrorKind::Damaged {
        format: "spreadsheet",
        detail: e.to_string(),
    };
    let mut book = open_workbook_auto(path).map_err(|e| damaged(&e))?;
    let mut text = String::new();
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| damaged(&e))?;
        let merged = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let Some((row0, col0)) = range.start() else {
            continue; // an empty sheet
        };
        let (height, width) = range.get_size();
        if height.saturating_mul(width) > MAX_CELLS {
            return Err(ReadErrorKind::TooLarge {
                bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
            });
        }
        // A grid from A1 so row k is spreadsheet row k+1 — unless the data
        // starts far away, where padding would only waste memory.
        let row_pad = if row0 <= 1000 { row0 as usize } else { 0 };
        let col_pad = if col0 <= 100 { col0 as usize } else { 0 };
        let (row_origin, col_origin) = (row0 as usize - row_pad, col0 as usize - col_pad);
        let mut grid = vec![vec![String::new(); col_pad + width]; row_pad + height];
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                grid[row_pad + r][col_pad + c] = cell.to_string().trim().to_string();
            }
        }
        // Merged cells: the top-left value fills the whole region.
        for m in merged {
            let r0 = (m.start.0 as usize).saturating_sub(row_origin);
            let c0 = (m.start.1 as usize).saturating_sub(col_origin);
            let (r1, c1) = (
                (m.end.0 as usize).saturating_sub(row_origin),
                (m.end.1 as usize).saturating_sub(col_origin),
            );
            let value = grid
                .get(r0)
                .and_then(|r| r.get(c0))
                .cloned()
                .unwrap_or_default();
            for row in grid.iter_mut().take(r1.saturating_add(1)).skip(r0) {
                for cell in row.iter_mut().take(c1.saturating_add(1)).skip(c0) {
                    *cell = value.clone();
                }
            }
        }
        let mut table = Table {
            rows: grid
                .into_iter()
                .map(|cells| TableRow { cells, line: 0 })
                .collect(),
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
        encoding: "spreadsheet",
        tables,
    })
}
