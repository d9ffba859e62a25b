//! Extraction: plan documents → [`TaskData`].
//!
//! The stages, each its own module:
//! 1. [`read`]: bytes → decoded text (encodings, .docx, tables);
//! 2. [`normalise`]: text → clean paragraphs with their source lines
//!    (page numbers, broken paragraphs, TOC, captions, spaced quotes);
//! 3. [`structure`]: paragraphs → headings, goals and tasks;
//! 4. [`notes`]: a task's responsibility note → leads and partners;
//! 5. [`resolve`]: names as written → canonical units and regions;
//! 6. [`crate::overlap`]: tasks across documents → overlaps.

pub mod notes;
pub mod read;
pub mod table;

use crate::model::TaskData;

/// A table found in a document (Markdown, CSV, .xlsx, .docx): rows of cells,
/// merged cells already expanded, with the source line (or row) of each row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// 1-based line in the decoded text, or row number in a spreadsheet.
    pub line: u32,
}

/// Placeholder until the pipeline lands.
pub fn extract_nothing() -> TaskData {
    TaskData::new()
}
