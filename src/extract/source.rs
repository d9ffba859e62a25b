//! What every reader hands to the outline: a document's lines in reading
//! order, with page breaks marked and tables as rows of cells.
//!
//! Text files, .docx and spreadsheets arrive as a [`SourceText`] (text plus
//! the tables found in it, each row pointing at its line); [`blocks`] turns
//! that into [`Block`]s, putting each table where its rows stood. A reader
//! that knows its pages (a PDF) hands [`Block`]s directly, with a
//! [`Block::PageBreak`] between pages, and page furniture is removed from
//! those markers as well as from the text (see `furniture.rs`).

use super::{Table, TableRow};

/// A document decoded to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// Decoded text: BOM stripped, CRLF and CR turned into `\n`.
    pub text: String,
    /// The encoding it was decoded from (`UTF-8`, `GBK`, `UTF-16LE`, `docx`, `xlsx`…).
    pub encoding: &'static str,
    /// Tables found in the document, merged cells expanded.
    pub tables: Vec<Table>,
}

/// One piece of a document in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// One line of text, with its 1-based line number in the source.
    Line(SourceLine),
    /// A page ends here (a form feed in text, a page of a PDF).
    PageBreak,
    /// A table, rows of cells with their source lines.
    Table(Table),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    pub text: String,
    pub line: u32,
}

impl Block {
    pub fn line(text: impl Into<String>, line: u32) -> Block {
        Block::Line(SourceLine {
            text: text.into(),
            line,
        })
    }
}

/// The blocks of a decoded document: its lines, with every table at the
/// place of its first row and its rows' lines (and Markdown separator
/// lines between them) not repeated as text. A form feed is a page break.
pub fn blocks(source: &SourceText) -> Vec<Block> {
    // Which table, if any, each line belongs to.
    let mut table_at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let mut covered: std::collections::HashSet<u32> = std::collections::HashSet::new();
    for (k, t) in source.tables.iter().enumerate() {
        let lines: Vec<u32> = t.rows.iter().map(|r| r.line).filter(|&l| l > 0).collect();
        let (Some(&lo), Some(&hi)) = (lines.iter().min(), lines.iter().max()) else {
            continue;
        };
        table_at.entry(lo).or_insert(k);
        // Rows and whatever lies between them (separator lines).
        covered.extend(lo..=hi);
    }
    let mut out = Vec::new();
    for (i, text) in source.text.split('\n').enumerate() {
        let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if let Some(&k) = table_at.get(&line) {
            out.push(Block::Table(source.tables[k].clone()));
        }
        if covered.contains(&line) {
            continue;
        }
        push_line(&mut out, text, line);
    }
    out
}

/// The blocks of plain text (no tables).
pub fn text_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, l) in text.split('\n').enumerate() {
        push_line(&mut out, l, u32::try_from(i + 1).unwrap_or(u32::MAX));
    }
    out
}

/// A line, split at form feeds into page breaks.
fn push_line(out: &mut Vec<Block>, text: &str, line: u32) {
    let text = text.strip_suffix('\r').unwrap_or(text);
    if !text.contains('\u{c}') {
        out.push(Block::line(text, line));
        return;
    }
    for (k, part) in text.split('\u{c}').enumerate() {
        if k > 0 {
            out.push(Block::PageBreak);
        }
        if !part.trim().is_empty() {
            out.push(Block::line(part, line));
        }
    }
}

/// A table as blocks of text lines, one per row with its cells joined by
/// spaces: for tables that turn out to be no task table but hold text (a
/// one-column layout table in Word).
pub fn table_as_lines(table: &Table) -> Vec<Block> {
    table
        .rows
        .iter()
        .map(|TableRow { cells, line }| {
            let mut text = String::new();
            for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                if text.ends_with(c) {
                    continue; // a merged cell repeats its value
                }
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(c);
            }
            Block::line(text, *line)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_stand_where_their_rows_were() {
        let source = SourceText {
            text: "标题\n| 序号 | 任务 |\n|---|---|\n| 1 | 修路 |\n后文".into(),
            encoding: "UTF-8",
            tables: vec![Table {
                rows: vec![
                    TableRow {
                        cells: vec!["序号".into(), "任务".into()],
                        line: 2,
                    },
                    TableRow {
                        cells: vec!["1".into(), "修路".into()],
                        line: 4,
                    },
                ],
                name: None,
            }],
        };
        let b = blocks(&source);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0], Block::line("标题", 1));
        assert!(matches!(&b[1], Block::Table(t) if t.rows.len() == 2));
        assert_eq!(b[2], Block::line("后文", 5));
    }

    #[test]
    fn form_feeds_are_page_breaks() {
        let b = text_blocks("第一页\n\u{c}第二页");
        assert_eq!(
            b,
            vec![
                Block::line("第一页", 1),
                Block::PageBreak,
                Block::line("第二页", 2)
            ]
        );
    }
}
