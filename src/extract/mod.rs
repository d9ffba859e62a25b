//! Extraction: plan documents → [`TaskData`].
//!
//! Data flows one way through these stages, each its own module:
//! 1. [`read`]: bytes → decoded text and tables (encodings, .docx,
//!    spreadsheets); [`source`]: → [`source::Block`]s, the lines in reading
//!    order with page breaks and tables (a PDF reader hands these directly);
//! 2. [`furniture`]: page numbers, running headers and fixed-width wraps
//!    undone; [`normalise`]: lines → paragraphs (markup, spaces, glued
//!    headings, captions, TOC, broken paragraphs), numbering folded by
//!    [`numbering`];
//!    [`text_table`] and [`box_table`]: task tables written as plain text
//!    (aligned, tab-separated, drawn with box characters) read as tables;
//! 3. [`structure`] (paragraphs) and [`table`] (task tables) → one typed
//!    [`outline`]: headings, items, prose, projects, each with its clauses
//!    and source span;
//! 4. [`notes`]: the grammar of responsibility clauses → leads, partners,
//!    deadlines; [`scope`]: the document's rules applied where they reach;
//! 5. [`goals`]: goals and tasks read off the outline;
//! 6. [`meta`], [`regions`], [`units`]: document facts, sub-regions, and
//!    names as written → canonical units; [`assemble`] puts it all into a
//!    [`TaskData`], with [`crate::overlap`] last.
//!
//! Nothing here knows about the explorer: the output is a [`TaskData`].

pub mod assemble;
pub mod box_table;
pub mod furniture;
pub mod gazetteer;
pub mod goals;
pub mod item_refs;
pub mod meta;
pub mod normalise;
pub mod notes;
pub mod numbering;
pub mod outline;
pub mod phrases;
pub mod read;
pub mod regions;
pub mod scope;
pub mod source;
pub mod structure;
pub mod table;
pub mod text_table;
pub mod units;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::TaskData;
use source::Block;

/// Undoes the page layout of `blocks`: furniture removed
/// ([`furniture::strip`]), plain-text tables read as tables
/// ([`text_table::find`], before wraps are rejoined, which would glue their
/// rows), then fixed-width wraps rejoined ([`furniture::rejoin_wraps`]).
pub fn undo_layout(blocks: Vec<Block>) -> furniture::Layout {
    furniture::rejoin_wraps(text_table::find(furniture::strip(blocks)))
}

/// A table found in a document (Markdown, CSV, .xlsx, .docx): rows of cells,
/// merged cells already expanded, with the source line (or row) of each row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<TableRow>,
    /// The sheet's name, where the table is a workbook's sheet (a workbook
    /// sorted by lead unit names each sheet after its unit).
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// 1-based line in the decoded text, or row number in a spreadsheet.
    pub line: u32,
}

/// Why extraction stopped. Each names the file (and place) it is about.
#[derive(Debug)]
pub enum ExtractError {
    Missing(PathBuf),
    NoDocuments(PathBuf),
    Read(read::ReadError),
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::Missing(p) => write!(f, "{}: no such file or folder", p.display()),
            ExtractError::NoDocuments(p) => write!(
                f,
                "{}: no documents in this folder (looked for .{})",
                p.display(),
                read::DOCUMENT_EXTENSIONS.join(", .")
            ),
            ExtractError::Read(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// The documents to read: files as given, folders expanded to the
/// documents directly inside them, in name order.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ExtractError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| {
                ExtractError::Read(read::ReadError {
                    path: p.clone(),
                    message: e.to_string(),
                })
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.is_file()
                        && f.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            read::DOCUMENT_EXTENSIONS.contains(&e.to_lowercase().as_str())
                        })
                })
                .collect();
            if found.is_empty() {
                return Err(ExtractError::NoDocuments(p.clone()));
            }
            found.sort();
            files.extend(found);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            return Err(ExtractError::Missing(p.clone()));
        }
    }
    Ok(files)
}

/// Extracts every document under `paths` into one task-data file.
pub fn extract_paths(paths: &[PathBuf]) -> Result<TaskData, ExtractError> {
    let files = collect_inputs(paths)?;
    let mut inputs = Vec::new();
    for f in &files {
        let source = read::read_document(f).map_err(ExtractError::Read)?;
        inputs.push(DocInput::from_source(f, &source));
    }
    Ok(extract_documents(&inputs))
}

/// One document as the readers hand it over.
pub struct DocInput<'a> {
    pub path: &'a Path,
    pub blocks: Vec<Block>,
}

impl<'a> DocInput<'a> {
    /// A decoded document (text with its tables).
    pub fn from_source(path: &'a Path, source: &read::SourceText) -> DocInput<'a> {
        DocInput {
            path,
            blocks: source::blocks(source),
        }
    }

    /// A text document given as a string (its Markdown, HTML and
    /// tab-separated tables found as a text file's are; an HTML table too
    /// large to expand is left as text).
    pub fn from_text(path: &'a Path, text: &str) -> DocInput<'a> {
        let source =
            read::source_from_text(text.to_owned(), "UTF-8").unwrap_or_else(|_| read::SourceText {
                text: text.to_owned(),
                encoding: "UTF-8",
                tables: read::markdown_tables(text),
            });
        DocInput::from_source(path, &source)
    }
}

/// Assembles documents into one [`TaskData`]: regions, goals, tasks, units.
pub fn extract_documents(inputs: &[DocInput]) -> TaskData {
    assemble::assemble(inputs)
}
