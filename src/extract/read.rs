//! Reading documents: bytes on disk → decoded text and tables.
//!
//! Placeholder of the lead's branch (UTF-8 only); replaced by the readers.

use std::fmt;
use std::path::{Path, PathBuf};

use super::Table;

#[derive(Debug)]
pub struct SourceText {
    pub text: String,
    pub encoding: &'static str,
    pub tables: Vec<Table>,
}

#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ReadError {}

pub fn read_document(path: &Path) -> Result<SourceText, ReadError> {
    let err = |m: String| ReadError {
        path: path.to_owned(),
        message: m,
    };
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        err(format!(
            "not UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    Ok(SourceText {
        text,
        encoding: "UTF-8",
        tables: Vec::new(),
    })
}

/// File endings `fengong extract` reads when given a folder.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "docx", "xlsx", "xls", "csv",
];
