//! Task tables written as plain text, read as tables: what `pdftotext
//! -layout`, a fixed-width export or a copy from a web page makes of a
//! 分工表.
//!
//! - **Aligned columns.** A header line of labels (`序号  重点任务  牵头单位
//!   配合单位  完成时限`) whose cells stand apart by two or more spaces
//!   fixes the columns. Each later line is cut the same way and every piece
//!   goes to the column it starts in — measured in chars or in display
//!   width, whichever the header and rows agree on (`pdftotext` counts
//!   chars, a hand-aligned file columns). A line starting with a number
//!   starts a row; a line with an empty number column continues the row's
//!   cells, each in its own column (a cell wrapped inside its column); a
//!   numbered heading alone on a line (`一、产业发展`) is a section row.
//! - **One cell a line.** The header's labels on consecutive lines, then
//!   the cells of each row on as many lines (an empty line an empty cell);
//!   each row starts at the next number (numbering may start again at 1
//!   after a section row), so a missing cell does not shift the rest.
//! - **Tab-separated.** What copying a sheet or a web table pastes: a header
//!   of labels cut by tabs, then one row a line, cells by their order (an
//!   empty cell is two tabs together, so positions mean nothing); a cell
//!   holding a line break comes quoted (`"…\n…"`, `""` for a quote) and
//!   is joined again.
//!
//! - **Records of labelled fields.** What a 督查督办 system exports: one
//!   field a line, `【任务名称】…`, `【主办单位】…`, records parted by rule
//!   lines (`=====`) or by the first field coming again; the labels are
//!   the header, each record a row.
//!
//! - **Drawn with box characters** (`┌─┬─┐ │ ├─┼─┤`, `+---+`): read in
//!   [`super::box_table`].
//!
//! The tables found go on as [`Piece::Table`]s, through the same task-table
//! reader as .docx and spreadsheets.

use unicode_width::UnicodeWidthStr;

use super::box_table::box_table;
use super::furniture::{Layout, Line, Piece};
use super::normalise::clean_spaces;
use super::numbering::{self, NumberStyle};
use super::table::{is_header, is_header_label};
use super::{Table, TableRow};

/// `layout` with its plain-text task tables as tables.
pub fn find(mut layout: Layout) -> Layout {
    let pieces = std::mem::take(&mut layout.pieces);
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let found = box_table(&pieces, i)
            .or_else(|| tab_table(&pieces, i))
            .or_else(|| aligned_table(&pieces, i))
            .or_else(|| cell_per_line_table(&pieces, i))
            .or_else(|| record_table(&pieces, i));
        match found {
            Some((mut table, next)) => {
                // Cells are text lines like any other: the spaces a
                // conversion or a page wrap left go as in paragraphs; a
                // line break inside a cell stays (units one a line).
                for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                    *cell = cell
                        .split('\n')
                        .map(clean_spaces)
                        .collect::<Vec<_>>()
                        .join("\n");
                }
                out.push(Piece::Table(table));
                i = next;
            }
            None => {
                out.push(pieces[i].clone());
                i += 1;
            }
        }
    }
    layout.pieces = out;
    layout
}

fn line_of(pieces: &[Piece], i: usize) -> Option<&Line> {
    match pieces.get(i) {
        Some(Piece::Line(l)) => Some(l),
        _ => None,
    }
}

/// The pieces of a line that stand apart by two or more spaces (or a tab):
/// (start in chars, start in display columns, text).
fn segments(text: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        while i < chars.len() && is_blank(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let start = i;
        // A cell runs on over single spaces (`2024 年 6 月底`).
        while i < chars.len() {
            if chars[i] == '\t' {
                break;
            }
            if is_blank(chars[i]) {
                let gap = chars[i..].iter().take_while(|c| is_blank(**c)).count();
                let ideographic = chars[i] == '\u{3000}';
                if gap >= 2 || ideographic {
                    break;
                }
            }
            i += 1;
        }
        let before: String = chars[..start].iter().collect();
        let cell: String = chars[start..i].iter().collect();
        out.push((start, before.width(), cell.trim().to_owned()));
    }
    out
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

/// A row-number cell: `1`, `12`, `（1）`.
fn is_row_number(cell: &str) -> bool {
    let t = cell.trim();
    !t.is_empty() && t.chars().count() <= 6 && {
        let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
        !digits.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || "（）().、．".contains(c))
    }
}

/// A section row: a numbered heading alone (`一、产业发展`, `（二）乡村建设`).
fn is_section(cell: &str) -> bool {
    numbering::parse(cell).is_some_and(|n| {
        matches!(
            n.style,
            NumberStyle::CnComma | NumberStyle::CnParen | NumberStyle::Chapter
        ) && !n.rest.is_empty()
    })
}

/// An aligned-column table whose header is the line at `start`: the table
/// and the index after it.
fn aligned_table(pieces: &[Piece], start: usize) -> Option<(Table, usize)> {
    let header_line = line_of(pieces, start)?;
    let header = segments(&header_line.text);
    let labels: Vec<String> = header.iter().map(|s| s.2.clone()).collect();
    if header.len() < 3 || !is_header(&labels) {
        return None;
    }
    // Which measure the rows agree with the header on.
    let mut rows: Vec<&Line> = Vec::new();
    let mut end = start + 1;
    while let Some(l) = line_of(pieces, end) {
        if !l.text.trim().is_empty() && rows.len() > 400 {
            break;
        }
        rows.push(l);
        end += 1;
    }
    let agree = |by_width: bool| -> usize {
        let starts: Vec<usize> = header
            .iter()
            .map(|s| if by_width { s.1 } else { s.0 })
            .collect();
        rows.iter()
            .take(60)
            .flat_map(|l| segments(&l.text))
            .filter(|s| starts.contains(&if by_width { s.1 } else { s.0 }))
            .count()
    };
    let by_width = agree(true) > agree(false);
    let pos_of = |s: &(usize, usize, String)| if by_width { s.1 } else { s.0 };
    let mut starts: Vec<usize> = header.iter().map(pos_of).collect();
    let column_of =
        |starts: &[usize], pos: usize| starts.iter().rposition(|&c| c <= pos + 1).unwrap_or(0);
    let number_col = labels.iter().position(|l| {
        let l = l.trim();
        l.contains("序号") || l.contains("编号") || l == "序"
    });

    let mut table = Table::default();
    table.rows.push(TableRow {
        cells: labels.clone(),
        line: header_line.first_line(),
    });
    let mut i = start + 1;
    let mut blanks = Blanks::default();
    while let Some(l) = line_of(pieces, i) {
        let segs = segments(&l.text);
        match blanks.line(segs.is_empty()) {
            Blank::Ends => break,
            Blank::Skip => {
                i += 1;
                continue;
            }
            Blank::No => {}
        }
        let first_pos = pos_of(&segs[0]);
        let texts: Vec<String> = segs.iter().map(|s| s.2.clone()).collect();
        if is_header(&texts) {
            // The header repeated at a page top: its columns may stand
            // elsewhere on the new page.
            if texts.len() == labels.len() {
                starts = segs.iter().map(pos_of).collect();
            }
            i += 1;
            continue;
        }
        let cells_of = |segs: &[(usize, usize, String)]| {
            let mut cells = vec![String::new(); labels.len()];
            for s in segs {
                cells[column_of(&starts, pos_of(s))].push_str(&s.2);
            }
            cells
        };
        let opens_row = first_pos <= 1
            && match number_col {
                Some(n) => column_of(&starts, first_pos) == n && is_row_number(&segs[0].2),
                None => true,
            };
        if segs.len() == 1 && first_pos <= 1 && is_section(&segs[0].2) {
            table
                .rows
                .push(section_row(&segs[0].2, labels.len(), l.first_line()));
        } else if opens_row {
            table.rows.push(TableRow {
                cells: cells_of(&segs),
                line: l.first_line(),
            });
        } else if first_pos > 1 && table.rows.len() > 1 {
            // A continuation: each piece goes on in its own column.
            let more = cells_of(&segs);
            let row = table.rows.last_mut().expect("checked");
            for (cell, extra) in row.cells.iter_mut().zip(more) {
                cell.push_str(&extra);
            }
        } else {
            break;
        }
        i += 1;
    }
    let i = before_blanks(pieces, start + 1, i);
    (table.rows.len() >= 2).then_some((table, i))
}

/// A tab-separated table whose header is the line at `start`: the table
/// and the index after it.
fn tab_table(pieces: &[Piece], start: usize) -> Option<(Table, usize)> {
    let header_line = line_of(pieces, start)?;
    if header_line.text.matches('\t').count() < 2 {
        return None;
    }
    let labels: Vec<String> = header_line
        .text
        .split('\t')
        .map(|c| c.trim().to_owned())
        .collect();
    if labels.iter().filter(|l| !l.is_empty()).count() < 3 || !is_header(&labels) {
        return None;
    }
    let n = labels.len();
    let mut table = Table::default();
    table.rows.push(TableRow {
        cells: labels.clone(),
        line: header_line.first_line(),
    });
    let mut i = start + 1;
    let mut blanks = Blanks::default();
    while let Some(l) = line_of(pieces, i) {
        let text = l.text.trim();
        match blanks.line(text.is_empty()) {
            Blank::Ends => break,
            Blank::Skip => {
                i += 1;
                continue;
            }
            Blank::No => {}
        }
        // A section heading alone, its empty cells dropped by the copy.
        if !l.text.contains('\t') {
            if !is_section(text) {
                break;
            }
            table.rows.push(section_row(text, n, l.first_line()));
            i += 1;
            continue;
        }
        let (mut cells, next) = tab_cells(pieces, i);
        if cells
            .iter()
            .map(|c| c.trim())
            .eq(labels.iter().map(String::as_str))
        {
            // The header repeated (a paste of several pages).
            i = next;
            continue;
        }
        // `一、政务服务` in some cell and nothing else: a section row.
        let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
        if filled.len() == 1 && is_section(filled[0].trim()) {
            cells = section_row(filled[0].trim(), n, 0).cells;
        }
        cells.resize(n, String::new());
        // `\t\t\t各乡镇人民政府`: no number and no task, under a numbered
        // row: the rest of that row's cells, wrapped inside their columns
        // (a table typed with tab stops).
        let numbered = |r: &TableRow| is_row_number(&r.cells[0]);
        if is_number_label(&labels[0])
            && cells.iter().take(2).all(|c| c.trim().is_empty())
            && let Some(prev) = table.rows.last_mut().filter(|r| numbered(r))
        {
            for (into, more) in prev.cells.iter_mut().zip(&cells) {
                if !more.trim().is_empty() {
                    into.push('\n');
                    into.push_str(more.trim());
                }
            }
            i = next;
            continue;
        }
        table.rows.push(TableRow {
            cells,
            line: l.first_line(),
        });
        i = next;
    }
    let i = before_blanks(pieces, start + 1, i);
    (table.rows.len() >= 2).then_some((table, i))
}

/// The cells of the tab-separated row starting at line `i`, and the index
/// after it: a quoted cell (`"…"`) may run over several lines, each a
/// line break typed in the cell.
fn tab_cells(pieces: &[Piece], mut i: usize) -> (Vec<String>, usize) {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    // How many lines a quoted cell may run over before the quote is taken
    // as a stray character.
    const MAX_CELL_LINES: usize = 20;
    let first = i;
    while let Some(l) = line_of(pieces, i) {
        let chars: Vec<char> = l.text.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            let cell = cells.last_mut().expect("never empty");
            if quoted {
                if c == '"' && chars.get(k + 1) == Some(&'"') {
                    cell.push('"');
                    k += 1;
                } else if c == '"' {
                    quoted = false;
                } else {
                    cell.push(c);
                }
            } else if c == '\t' {
                cells.push(String::new());
            } else if c == '"' && cell.trim().is_empty() {
                cell.clear();
                quoted = true;
            } else {
                cell.push(c);
            }
            k += 1;
        }
        i += 1;
        if !quoted || i - first >= MAX_CELL_LINES || line_of(pieces, i).is_none() {
            break;
        }
        // The cell goes on on the next line: a line break typed in the
        // cell (units one a line, measures one a line), kept; after a
        // comma or enumeration mark the sentence just goes on.
        let cell = cells.last_mut().expect("never empty");
        if !cell
            .trim_end()
            .ends_with(['，', ',', '、', '；', ';', '：'])
        {
            cell.push('\n');
        }
    }
    for c in &mut cells {
        *c = c.trim().to_owned();
    }
    (cells, i)
}

/// A table with one cell a line whose header's labels start at `start`.
fn cell_per_line_table(pieces: &[Piece], start: usize) -> Option<(Table, usize)> {
    // The header: consecutive short lines, each a label.
    let mut labels: Vec<String> = Vec::new();
    let mut i = start;
    while let Some(l) = line_of(pieces, i) {
        let t = cell_line(&l.text);
        // Labels are short, with at most a qualifier (`牵头单位（部门）`).
        if t.is_empty() || t.chars().count() > 12 || !is_header_label(t) {
            break;
        }
        labels.push(t.to_owned());
        i += 1;
    }
    if labels.len() < 3 || !is_header(&labels) {
        return None;
    }
    let n = labels.len();
    let number_col = labels.iter().position(|l| is_number_label(l))?;
    if number_col != 0 {
        return None;
    }
    let mut table = Table::default();
    table.rows.push(TableRow {
        cells: labels,
        line: line_of(pieces, start)?.first_line(),
    });
    let mut expected = 1u32;
    while let Some(l) = line_of(pieces, i) {
        let t = cell_line(&l.text);
        if t.is_empty() {
            i += 1;
            continue;
        }
        if is_section(t) {
            // Some tables number each section's rows from 1.
            let restarts = line_of(pieces, i + 1)
                .is_some_and(|n| row_value(n.text.trim()) == Some(1) && is_row_number(&n.text));
            if restarts {
                expected = 1;
            }
            table.rows.push(section_row(t, n, l.first_line()));
            i += 1;
            continue;
        }
        if !(is_row_number(t) && row_value(t) == Some(expected)) {
            break;
        }
        // The row's cells: the lines up to the next number or section.
        let line = l.first_line();
        let mut cells = vec![t.to_owned()];
        let mut j = i + 1;
        while let Some(c) = line_of(pieces, j) {
            let ct = cell_line(&c.text);
            let next_row = is_row_number(ct) && row_value(ct) == Some(expected + 1);
            if next_row || is_section(ct) || cells.len() >= n {
                break;
            }
            cells.push(ct.to_owned());
            j += 1;
        }
        // An empty line after the last cell belongs to no cell.
        while cells.len() > 1 && cells.last().is_some_and(|c| c.is_empty()) && cells.len() > n {
            cells.pop();
        }
        cells.resize(n, String::new());
        table.rows.push(TableRow { cells, line });
        expected += 1;
        i = j;
    }
    let i = before_blanks(pieces, start, i);
    (table.rows.len() >= 2).then_some((table, i))
}

/// Whether a header label names the row number column (`序号`, `编号`).
fn is_number_label(label: &str) -> bool {
    label.contains("序号") || label.contains("编号") || label == "序"
}

/// A field line `【LABEL】value`: the label and the value.
fn record_field(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim().strip_prefix('【')?;
    let (label, value) = rest.split_once('】')?;
    let n = label.chars().count();
    ((2..=10).contains(&n)).then(|| (label.trim(), value.trim()))
}

/// A line drawn to part records: only rule characters, at least three.
fn is_rule_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 3 && t.chars().all(|c| "=-—─━_*＝－·".contains(c))
}

/// Records of `【LABEL】value` lines (see the module's overview) starting at
/// `start`: a table whose header is the labels, in the order first seen,
/// one row a record; at least two records, and labels a task table has.
fn record_table(pieces: &[Piece], start: usize) -> Option<(Table, usize)> {
    let (first_label, _) = record_field(&line_of(pieces, start)?.text)?;
    let mut labels: Vec<String> = Vec::new();
    let mut records: Vec<(u32, Vec<(String, String)>)> = Vec::new();
    let mut i = start;
    let mut end = start;
    while let Some(l) = line_of(pieces, i) {
        if l.text.trim().is_empty() || is_rule_line(&l.text) {
            i += 1;
            continue;
        }
        let Some((label, value)) = record_field(&l.text) else {
            break;
        };
        if label == first_label || records.is_empty() {
            records.push((l.first_line(), Vec::new()));
        }
        if !labels.iter().any(|x| x == label) {
            labels.push(label.to_owned());
        }
        if let Some((_, fields)) = records.last_mut() {
            fields.push((label.to_owned(), value.to_owned()));
        }
        i += 1;
        end = i;
    }
    if records.len() < 2 || !is_header(&labels) {
        return None;
    }
    let mut table = Table::default();
    table.rows.push(TableRow {
        cells: labels.clone(),
        line: line_of(pieces, start)?.first_line(),
    });
    for (line, fields) in records {
        let cells = labels
            .iter()
            .map(|label| {
                fields
                    .iter()
                    .filter(|(l, _)| l == label)
                    .map(|(_, v)| v.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        table.rows.push(TableRow { cells, line });
    }
    Some((table, end))
}

/// A line of a one-cell-a-line table as its cell: a web table copied as
/// text ends each cell with ` |`.
fn cell_line(text: &str) -> &str {
    let t = text.trim();
    t.strip_suffix(['|', '｜']).map_or(t, str::trim_end)
}

/// Blank lines inside a table: skipped, but two in a row (beyond the one a
/// page break leaves) end it.
#[derive(Default)]
struct Blanks(usize);

enum Blank {
    /// Not blank.
    No,
    /// Blank, still inside the table.
    Skip,
    /// The blank line that ends the table.
    Ends,
}

impl Blanks {
    fn line(&mut self, blank: bool) -> Blank {
        if !blank {
            self.0 = 0;
            return Blank::No;
        }
        self.0 += 1;
        if self.0 >= 3 {
            Blank::Ends
        } else {
            Blank::Skip
        }
    }
}

/// A section row (`一、产业发展` in the first of `n` cells).
fn section_row(title: &str, n: usize, line: u32) -> TableRow {
    let mut cells = vec![String::new(); n];
    cells[0] = title.to_owned();
    TableRow { cells, line }
}

/// `end` moved back over the blank lines before it (not below `floor`):
/// trailing blank lines stay outside a table.
fn before_blanks(pieces: &[Piece], floor: usize, mut end: usize) -> usize {
    while end > floor && line_of(pieces, end - 1).is_some_and(|l| l.text.trim().is_empty()) {
        end -= 1;
    }
    end
}

fn row_value(cell: &str) -> Option<u32> {
    let digits: String = cell.chars().filter(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::source::text_blocks;
    use crate::extract::table::tasks_from_table;
    use crate::extract::undo_layout as undo;

    fn tables(text: &str) -> Vec<Table> {
        undo(text_blocks(text))
            .pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn aligned_columns_with_cells_wrapped_in_their_column() {
        let text = "附件\n\n序号  重点任务        牵头单位      配合单位      完成时限\n一、产业发展\n1     建设产业园区，完  市发改局      市财政局、各  2025年6月底\n      善配套设施                    镇（街）      前\n2     推进技术改造      市工信局      市科技局      持续推进\n\n各单位要抓好落实。";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        let s = tasks_from_table(&t[0]).unwrap();
        assert_eq!(s[0].title, "一、产业发展");
        assert_eq!(s[0].tasks[0].text, "建设产业园区，完善配套设施");
        assert_eq!(s[0].tasks[0].note.partners, vec!["市财政局", "各镇（街）"]);
        assert_eq!(
            s[0].tasks[0].note.deadline.as_deref(),
            Some("2025年6月底前")
        );
        assert_eq!(s[0].tasks[1].line, 7);
    }

    #[test]
    fn columns_measured_in_chars_as_pdftotext_counts() {
        // Every char one column (pdftotext -layout), not display width.
        let text = "序号      重点任务        牵头单位      配合单位      完成时限\n1       编制专项规划        区自然资源局    区发改局      2024年6月底前\n2       推进村庄改造        区农业农村局    各街道        持续推进";
        let s = tasks_from_table(&tables(text)[0]).unwrap();
        assert_eq!(s[0].tasks.len(), 2);
        assert_eq!(s[0].tasks[1].note.leads, vec!["区农业农村局"]);
    }

    #[test]
    fn one_cell_a_line() {
        let text = "棠溪镇重点工作分工表\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n一、产业发展\n1\n建成冷链物流中心\n经济发展办\n农业服务中心、镇供销社\n2025年9月\n2\n改造农村公路12公里\n村镇建设办\n\n2025年11月\n3\n新建敬老院\n社会事务办\n民政所\n持续推进\n各单位要抓好落实。";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        let s = tasks_from_table(&t[0]).unwrap();
        let tasks = &s[0].tasks;
        assert_eq!(tasks.len(), 3);
        assert!(
            tasks[1].note.partners.is_empty(),
            "an empty line is an empty cell"
        );
        assert_eq!(tasks[1].note.deadline.as_deref(), Some("2025年11月"));
        assert_eq!(tasks[2].note.partners, vec!["民政所"]);
    }

    #[test]
    fn tab_separated_cells_by_order_with_a_quoted_cell_over_two_lines() {
        let text = "序号\t任务\t牵头单位\t配合单位\r\n一、甲\t\t\t\r\n1\t\"修路，\r\n架桥\"\t县交通局\t\r\n2\t建校\t\t县教育局\r\n";
        let t = &tables(text)[0];
        let cells: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec!["序号", "任务", "牵头单位", "配合单位"],
                vec!["一、甲", "", "", ""],
                vec!["1", "修路，架桥", "县交通局", ""],
                vec!["2", "建校", "", "县教育局"],
            ]
        );
        assert_eq!(
            t.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [1, 2, 3, 5]
        );
    }

    #[test]
    fn prose_with_wide_gaps_is_no_table() {
        assert!(tables("一、总体要求\n推进  建设  发展。\n二、任务").is_empty());
    }
}
