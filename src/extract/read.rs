//! Reading documents: bytes on disk → decoded text and tables.
//!
//! - `.txt`, `.md` and anything else that is text: UTF-8 (with or without
//!   BOM), UTF-16 LE/BE with BOM, and legacy encodings such as GBK/GB18030 or
//!   Big5 detected with chardetng. Markdown pipe tables and tab-separated
//!   tables (pasted from Word) are also returned in [`SourceText::tables`]
//!   with their line numbers.
//! - `.docx`: paragraphs as lines, with Word's automatic list numbering
//!   (`一、`, `（一）`, `1.`) put back in front of the text, and tables.
//! - `.xlsx`, `.xlsm`, `.xls`, `.ods` (calamine) and `.csv`: every sheet is a
//!   table, merged cells expanded.
//!
//! Tables appear twice: in `tables`, and in `text` as one `| cell | cell |`
//! line per row (for .docx, .xlsx and .csv; Markdown tables are already such
//! lines), so every [`TableRow::line`] points at a line of `text`.
//!
//! `.doc`, `.wps`, `.pdf` and other binary files are refused with a message
//! that says how to convert them. An empty file (or one with only
//! whitespace) is an error, [`ReadErrorKind::Empty`]; callers that read a
//! folder may report it as a warning and go on.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Table, TableRow};

mod docx;

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

/// Why a document could not be read. Its `Display` is one line naming the
/// file: `{path}: {message}`.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    /// What is wrong, without the path (a [`ReadErrorKind`] as text).
    pub message: String,
}

impl ReadError {
    fn new(path: &Path, kind: ReadErrorKind) -> Self {
        Self {
            path: path.to_path_buf(),
            message: kind.to_string(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// What can be wrong with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadErrorKind {
    NotFound,
    IsDirectory,
    Io(String),
    /// No bytes, or only whitespace.
    Empty,
    /// Not text: a NUL byte or undecodable bytes at this byte offset.
    Binary {
        offset: usize,
    },
    TooLarge {
        bytes: u64,
    },
    /// A format that is not read, with advice on converting it.
    Unsupported {
        format: &'static str,
        advice: &'static str,
    },
    /// A damaged .docx/.xlsx/.csv.
    Damaged {
        format: &'static str,
        detail: String,
    },
}

impl fmt::Display for ReadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadErrorKind::NotFound => write!(f, "no such file or folder"),
            ReadErrorKind::IsDirectory => write!(f, "is a folder, not a document"),
            ReadErrorKind::Io(e) => write!(f, "cannot be read: {e}"),
            ReadErrorKind::Empty => write!(f, "the file is empty"),
            ReadErrorKind::Binary { offset } => write!(
                f,
                "not a text document (binary data at byte {offset}); save it as .txt (UTF-8) or .docx"
            ),
            ReadErrorKind::TooLarge { bytes } => write!(
                f,
                "too large to be a plan document ({} MB; the limit is {} MB)",
                bytes / 1_000_000,
                MAX_BYTES / 1_000_000
            ),
            ReadErrorKind::Unsupported { format, advice } => {
                write!(f, "{format} files cannot be read; {advice}")
            }
            ReadErrorKind::Damaged { format, detail } => {
                write!(f, "not a valid {format} file: {}", one_line(detail))
            }
        }
    }
}

/// Library error texts may span lines; a message must not.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl std::error::Error for ReadError {}

/// File endings `fengong extract` reads when given a folder.
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "docx", "xlsx", "xlsm", "xls", "ods", "csv",
];

/// Documents larger than this are refused before being read into memory.
pub const MAX_BYTES: u64 = 200_000_000;
/// How much of a file the encoding detector reads.
const DETECT_BYTES: usize = 64 * 1024;
/// Cells in one sheet; a 分工表 has hundreds.
const MAX_CELLS: usize = 5_000_000;
/// Cap on one decompressed part of a .docx, against zip bombs.
const MAX_XML_BYTES: u64 = 200_000_000;

/// Reads and decodes one document, choosing the reader by extension (and by
/// content for files that are misnamed, e.g. a PDF saved as `.txt`).
pub fn read_document(path: &Path) -> Result<SourceText, ReadError> {
    let err = |kind| ReadError::new(path, kind);
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => err(ReadErrorKind::NotFound),
        _ => err(ReadErrorKind::Io(e.to_string())),
    })?;
    if meta.is_dir() {
        return Err(err(ReadErrorKind::IsDirectory));
    }
    if meta.len() > MAX_BYTES {
        return Err(err(ReadErrorKind::TooLarge { bytes: meta.len() }));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if let Some(kind) = unsupported(&ext) {
        return Err(err(kind));
    }
    let bytes = std::fs::read(path).map_err(|e| err(ReadErrorKind::Io(e.to_string())))?;
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            if bytes.is_empty() {
                return Err(err(ReadErrorKind::Empty));
            }
            read_spreadsheet(path)
                .map(with_task_tables_as_plan_text)
                .map_err(err)
        }
        _ => read_bytes(&ext, &bytes).map_err(err),
    }
}

/// Reads a document held in memory; `ext` is its lower-case extension
/// (`txt`, `md`, `csv`, `docx`; anything else is read as text).
pub fn read_bytes(ext: &str, bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    if let Some(kind) = unsupported(ext) {
        return Err(kind);
    }
    if let Some(kind) = sniff_binary_format(bytes) {
        return Err(kind);
    }
    let source = match ext {
        "docx" | "docm" => docx::read_docx(bytes),
        "csv" => read_csv(bytes),
        _ if bytes.starts_with(b"PK\x03\x04") => docx::read_docx(bytes),
        _ => {
            let (text, encoding) = decode_text(bytes)?;
            let mut tables = markdown_tables(&text);
            tables.extend(tab_tables(&text));
            Ok(SourceText {
                text,
                encoding,
                tables,
            })
        }
    }?;
    Ok(with_task_tables_as_plan_text(source))
}

/// Task tables (分工表) in `text` rewritten as the plan text they stand for,
/// one line per row so line numbers stay true: section rows as headings,
/// task rows as `1.任务。（牵头单位：A；配合单位：B；完成时限：…）` (see
/// [`super::table::plan_lines`]). The paragraph pipeline then reads table
/// tasks like any other; `tables` keeps the cells as they are.
pub fn with_task_tables_as_plan_text(mut source: SourceText) -> SourceText {
    let mut replacements: Vec<(usize, String)> = Vec::new();
    for table in &source.tables {
        let Some(lines) = super::table::plan_lines(table) else {
            continue;
        };
        let first = replacements.len();
        replacements.extend(lines.into_iter().map(|(l, s)| (l as usize - 1, s)));
        // A Markdown separator line (`|---|---|`) is not a row: blank it too.
        let rows: Vec<usize> = replacements[first..].iter().map(|r| r.0).collect();
        if let (Some(&lo), Some(&hi)) = (rows.iter().min(), rows.iter().max()) {
            let text_lines: Vec<&str> = source.text.split('\n').collect();
            for (i, line) in text_lines.iter().enumerate().take(hi).skip(lo) {
                if !rows.contains(&i) && is_separator_row(line) {
                    replacements.push((i, String::new()));
                }
            }
        }
    }
    if replacements.is_empty() {
        return source;
    }
    let mut lines: Vec<String> = source.text.split('\n').map(str::to_string).collect();
    for (i, line) in replacements {
        if let Some(slot) = lines.get_mut(i) {
            *slot = line;
        }
    }
    source.text = lines.join("\n");
    source
}

fn unsupported(ext: &str) -> Option<ReadErrorKind> {
    let (format, advice) = match ext {
        "doc" => (
            "Word 97-2003 (.doc)",
            "open it in Word or WPS and save it as .docx, or as .txt (UTF-8)",
        ),
        "wps" => (
            "WPS (.wps)",
            "open it in WPS and save it as .docx, or as .txt (UTF-8)",
        ),
        "pdf" => (
            "PDF",
            "copy its text into a .txt file (e.g. `pdftotext -layout file.pdf`), or convert it to .docx",
        ),
        "rtf" => ("RTF", "open it in Word or WPS and save it as .docx"),
        "et" => ("WPS spreadsheet (.et)", "save it as .xlsx or .csv"),
        "odt" => ("OpenDocument (.odt)", "save it as .docx or .txt (UTF-8)"),
        _ => return None,
    };
    Some(ReadErrorKind::Unsupported { format, advice })
}

/// Binary formats recognised by their first bytes whatever the file is called.
fn sniff_binary_format(bytes: &[u8]) -> Option<ReadErrorKind> {
    if bytes.starts_with(b"%PDF") {
        unsupported("pdf")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // OLE compound file: .doc, .wps, .xls saved under another name.
        Some(ReadErrorKind::Unsupported {
            format: "Word/WPS 97-2003 binary",
            advice: "open it in Word or WPS and save it as .docx, or as .txt (UTF-8)",
        })
    } else {
        None
    }
}

/// Decodes text bytes: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8,
/// then the encoding chardetng guesses (GBK/GB18030, Big5…). Line endings
/// become `\n`. Binary data and empty text are errors.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), ReadErrorKind> {
    let (text, encoding) = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            let offset = first_bad_offset(enc, &bytes[bom_len..]) + bom_len;
            return Err(ReadErrorKind::Binary { offset });
        }
        (text.into_owned(), enc.name())
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(ReadErrorKind::Binary { offset });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), "UTF-8"),
            Err(_) => {
                // The first 64 KB tell the encoding; feeding all of a 10 MB
                // file to the detector would take seconds.
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                let prefix = &bytes[..bytes.len().min(DETECT_BYTES)];
                // Not `last` when cut, so a character split at the cut is no error.
                detector.feed(prefix, prefix.len() == bytes.len());
                let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
                match enc.decode_without_bom_handling_and_without_replacement(bytes) {
                    Some(text) => (text.into_owned(), enc.name()),
                    None => {
                        let offset = first_bad_offset(enc, bytes);
                        return Err(ReadErrorKind::Binary { offset });
                    }
                }
            }
        }
    };
    if let Some(offset) = control_char_offset(&text) {
        return Err(ReadErrorKind::Binary { offset });
    }
    if text.trim().is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    Ok((normalise_newlines(text), encoding))
}

/// Byte offset (in the input) of the first sequence `enc` cannot decode.
fn first_bad_offset(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> usize {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(len, _) => read.saturating_sub(len as usize),
        _ => read,
    }
}

/// Text full of control characters is binary data that happened to decode.
/// Returns the byte offset of the first control char when they are more than
/// 1% of the chars (tabs, newlines and form feeds are fine).
fn control_char_offset(text: &str) -> Option<usize> {
    let mut count = 0usize;
    let mut first = None;
    let mut total = 0usize;
    for (i, c) in text.char_indices() {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            count += 1;
            first.get_or_insert(i);
        }
    }
    (count > 0 && count * 100 > total).then_some(first.unwrap_or(0))
}

/// CRLF and lone CR → LF, without copying when there is no CR.
pub fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

// ---------------------------------------------------------------------------
// Markdown pipe tables.

/// Pipe tables: a row line containing `|`, a separator line (`|---|:--:|`),
/// then every following line containing `|`. The separator is not a row.
pub fn markdown_tables(text: &str) -> Vec<Table> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        if lines[i].contains('|') && is_separator_row(lines[i + 1]) {
            let mut table = Table::default();
            table.rows.push(TableRow {
                cells: pipe_cells(lines[i]),
                line: line_no(i),
            });
            let mut j = i + 2;
            while j < lines.len() && lines[j].contains('|') && !lines[j].trim().is_empty() {
                table.rows.push(TableRow {
                    cells: pipe_cells(lines[j]),
                    line: line_no(j),
                });
                j += 1;
            }
            tables.push(table);
            i = j;
        } else {
            i += 1;
        }
    }
    tables
}

/// Tables pasted from Word or a spreadsheet into a text file: runs of at
/// least two lines with two or more tabs each; cells split at tabs.
pub fn tab_tables(text: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut current = Table::default();
    for (i, line) in text.split('\n').enumerate() {
        if line.matches('\t').count() >= 2 && !line.contains('|') {
            current.rows.push(TableRow {
                cells: line.split('\t').map(|c| c.trim().to_string()).collect(),
                line: line_no(i),
            });
        } else {
            if current.rows.len() >= 2 {
                tables.push(std::mem::take(&mut current));
            }
            current.rows.clear();
        }
    }
    if current.rows.len() >= 2 {
        tables.push(current);
    }
    tables
}

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn is_separator_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|') | line.starts_with('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of a pipe-table line; `\|` is a literal bar.
fn pipe_cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|l| !l.ends_with('\\'))
        .unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
            _ => cell.push(c),
        }
    }
    cells.push(cell.trim().to_string());
    cells
}

// ---------------------------------------------------------------------------
// CSV and spreadsheets.

/// Rows of a table rendered as `| a | b |` lines; sets each row's line.
pub(super) fn render_rows(text: &mut String, table: &mut Table) {
    // Lines already in `text`; each row adds exactly one (cell newlines are
    // flattened), so counting once keeps this linear.
    let lines_before = if text.is_empty() {
        0
    } else {
        text.matches('\n').count() + 1
    };
    for (k, row) in table.rows.iter_mut().enumerate() {
        if !text.is_empty() {
            text.push('\n');
        }
        row.line = line_no(lines_before + k);
        text.push('|');
        for cell in &row.cells {
            text.push(' ');
            text.push_str(&cell.replace(['\n', '\r'], " ").replace('|', "\\|"));
            text.push_str(" |");
        }
    }
}

fn read_csv(bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
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

fn read_spreadsheet(path: &Path) -> Result<SourceText, ReadErrorKind> {
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

/// Reads a zip member fully, with a size cap against zip bombs.
pub(super) fn zip_member(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, ReadErrorKind> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(ReadErrorKind::Damaged {
                format: ".docx",
                detail: format!("{name}: {e}"),
            });
        }
    };
    let mut out = Vec::new();
    (&mut file)
        .take(MAX_XML_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| ReadErrorKind::Damaged {
            format: ".docx",
            detail: format!("{name}: {e}"),
        })?;
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let (text, enc) =
            decode_text("\u{feff}一、总体目标\r\n二、重点任务\r三".as_bytes()).unwrap();
        assert_eq!(text, "一、总体目标\n二、重点任务\n三");
        assert_eq!(enc, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "市发展和改革局牵头".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(
            decode_text(&le).unwrap(),
            ("市发展和改革局牵头".into(), "UTF-16LE")
        );
        assert_eq!(
            decode_text(&be).unwrap(),
            ("市发展和改革局牵头".into(), "UTF-16BE")
        );
    }

    #[test]
    fn gbk_is_detected() {
        let text = "二、重点任务\n1.加快交通建设。（市交通运输局牵头，市发展和改革局、各镇配合）\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let (decoded, enc) = decode_text(&bytes).unwrap();
        assert_eq!(decoded, text);
        assert!(enc == "GBK" || enc == "gb18030", "{enc}");
    }

    #[test]
    fn binary_and_empty_are_errors() {
        assert_eq!(
            decode_text(b"abc\0def"),
            Err(ReadErrorKind::Binary { offset: 3 })
        );
        assert_eq!(decode_text(b"  \n\r\n "), Err(ReadErrorKind::Empty));
        assert!(matches!(
            decode_text(&[1, 2, 3, 4, 5, 6, 7, 8, 0x41]),
            Err(ReadErrorKind::Binary { .. })
        ));
    }

    #[test]
    fn markdown_tables_with_lines() {
        let text = "# 分工表\n\n| 序号 | 任务 | 牵头单位 |\n|---|:--|---|\n| 1 | 修路 | 市交通局 |\n| 2 | 建\\|桥 | 市住建局 |\n\n后文";
        let tables = markdown_tables(text);
        assert_eq!(tables.len(), 1);
        let rows = &tables[0].rows;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].cells, vec!["序号", "任务", "牵头单位"]);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[2].cells, vec!["2", "建|桥", "市住建局"]);
        assert_eq!(rows[2].line, 6);
    }

    #[test]
    fn tab_separated_tables() {
        let text = "说明\n序号\t重点任务\t牵头单位\n1\t修路\t市交通局\n\n一行\t两格";
        let tables = tab_tables(text);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].rows[1].cells, vec!["1", "修路", "市交通局"]);
        assert_eq!(tables[0].rows[1].line, 3);
    }

    #[test]
    fn pdf_named_txt_is_refused_with_advice() {
        let err = read_bytes("txt", b"%PDF-1.7\n...").unwrap_err();
        assert!(matches!(
            err,
            ReadErrorKind::Unsupported { format: "PDF", .. }
        ));
    }
}
