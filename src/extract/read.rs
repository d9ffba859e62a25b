//! Reading documents: bytes on disk → decoded text and tables.
//!
//! - `.txt`, `.md` and anything else that is text: UTF-8 (with or without
//!   BOM), UTF-16 LE/BE with BOM, and legacy encodings such as GBK/GB18030 or
//!   Big5 detected with chardetng. Markdown pipe tables and tab-separated
//!   tables (pasted from Word) are also returned in [`SourceText::tables`]
//!   with their line numbers.
//! - `.docx`: paragraphs as lines, with Word's automatic list numbering
//!   (`一、`, `（一）`, `1.`) put back in front of the text, and tables.
//! - `.xlsx`, `.xlsm`, `.ods` (streaming readers of our own, bounded in
//!   inflated size, cells and text) and `.csv`: every sheet is a table,
//!   merged cells expanded. `.xls`/`.xlsb` are refused with advice.
//!
//! Tables appear twice: in `tables`, and in `text` as one `| cell | cell |`
//! line per row (for .docx, .xlsx and .csv; Markdown tables are already such
//! lines), so every [`TableRow::line`] points at a line of `text`;
//! `source.rs` puts each table back in its place as one block.
//!
//! - `.html`/`.htm` (a web page saved): its text, block elements ending
//!   lines, and its tables; raw `<table>`s inside Markdown or text are read
//!   the same way (`html.rs`).
//! - `.pdf`: the text layer, laid out into lines, page breaks and ruled
//!   tables (`pdf/`).
//! - `.doc`, `.wps`, `.xls`, `.et`: converted by LibreOffice when it is
//!   installed, then read as .docx/.xlsx (`legacy.rs`); without it, a
//!   message says what to install.
//!
//! Every reader's text passes [`crate::sanitise::strip`]: no control
//! character or escape sequence from a document reaches the outline.
//!
//! Other binary files (.rtf, .odt) are refused with a message that says
//! how to convert them. An empty file (or one with only
//! whitespace) is an error, [`ReadErrorKind::Empty`]; callers that read a
//! folder may report it as a warning and go on.

use std::fmt;
use std::path::{Path, PathBuf};

use super::Table;

mod archive;
mod docx;
mod html;
mod legacy;
mod pdf;
mod sheet;
mod text;

pub use text::{decode_text, markdown_tables, normalise_newlines};

// What readers produce is defined with the outline's input (`source.rs`),
// so that the outline's stages never need the readers.
pub use super::source::SourceText;

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
        write!(f, "{}: {}", crate::sanitise::path(&self.path), self.message)
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
    /// Text that ends inside a character begun at `offset` of `len` bytes:
    /// a download or copy cut short.
    CutShort {
        offset: usize,
        len: usize,
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
    /// Past one of the readers' bounds (inflated size, text, cells), which
    /// no real plan comes near: what and which limit, as one sentence.
    OverLimit {
        what: String,
    },
    /// A PDF whose pages are images: a scan, without a text layer.
    NoTextLayer {
        pages: usize,
    },
    /// A PDF whose text cannot be decoded (fonts without a Unicode map).
    Undecodable,
    /// A PDF that needs a password to be opened.
    Encrypted,
    /// A legacy Office file, read through LibreOffice, which is not installed.
    NeedsLibreOffice {
        format: &'static str,
        package: &'static str,
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
            ReadErrorKind::CutShort { offset, len } => write!(
                f,
                "the text ends inside a character (at byte {offset} of {len}): the file looks cut short, \
                 as by an interrupted download or copy; get the whole file and run again"
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
            ReadErrorKind::OverLimit { what } => write!(f, "not read: {}", one_line(what)),
            ReadErrorKind::NoTextLayer { pages } => write!(
                f,
                "a scanned PDF: its {pages} page(s) are images with no text layer, and fengong does not do OCR; \
                 run it through OCR first (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`) or use the document's original .docx/.txt"
            ),
            ReadErrorKind::Undecodable => write!(
                f,
                "the PDF's text cannot be decoded (its fonts have no Unicode map); \
                 use the document's original .docx/.txt, or export the PDF again from Word/WPS"
            ),
            ReadErrorKind::Encrypted => write!(
                f,
                "the PDF is encrypted and needs a password; open it, remove the password \
                 (or print it to a new PDF) and run again"
            ),
            ReadErrorKind::NeedsLibreOffice { format, package } => write!(
                f,
                "{format} files are read through LibreOffice, which is not installed; install it \
                 (Debian/Ubuntu: `sudo apt-get install {package}`; Windows/macOS: LibreOffice from libreoffice.org, \
                 or set FENGONG_SOFFICE to its soffice program) and run again, or save the file as .docx/.xlsx"
            ),
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
    "txt", "md", "markdown", "text", "html", "htm", "docx", "xlsx", "xlsm", "xls", "ods", "csv",
    "pdf", "doc", "wps", "et",
];

/// Documents larger than this are refused before being read into memory.
pub const MAX_BYTES: u64 = 200_000_000;

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
    if !meta.is_file() {
        // A device or FIFO has no size to check: reading it could take forever.
        let what = crate::model::special_file_kind(&meta).unwrap_or("not a regular file");
        return Err(err(ReadErrorKind::Io(format!(
            "it is {what}, not a document"
        ))));
    }
    let bytes = std::fs::read(path).map_err(|e| err(ReadErrorKind::Io(e.to_string())))?;
    read_bytes(&ext, &bytes).map_err(err)
}

/// Reads a document held in memory; `ext` is its lower-case extension
/// (`txt`, `md`, `csv`, `docx`; anything else is read as text).
pub fn read_bytes(ext: &str, bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    if let Some(kind) = unsupported(ext) {
        return Err(kind);
    }
    if bytes.starts_with(b"%PDF") || ext == "pdf" {
        // Sanitised inside, around the page breaks it adds.
        return pdf::read_pdf(bytes);
    }
    if let Some(kind) = legacy::Legacy::of_extension(ext) {
        return legacy::read_legacy(bytes, ext, kind);
    }
    if bytes.starts_with(OLE_MAGIC) {
        // .doc/.xls saved under another name.
        return legacy::read_legacy(bytes, "", legacy::Legacy::sniff(bytes));
    }
    let source = match ext {
        "docx" | "docm" => docx::read_docx(bytes),
        "xlsx" | "xlsm" => sheet::read_xlsx(bytes),
        "ods" => sheet::read_ods(bytes),
        "csv" => sheet::read_csv(bytes),
        "html" | "htm" | "xhtml" | "shtml" => html::read_html(bytes),
        _ if bytes.starts_with(b"PK\x03\x04") => docx::read_docx(bytes),
        _ => {
            let (text, encoding) = decode_text(bytes)?;
            source_from_text(text, encoding)
        }
    }?;
    Ok(finish(source))
}

/// Every reader's result passes here: control characters and escape
/// sequences stripped ([`crate::sanitise`]). (Tables stay tables: `source.rs`
/// puts each in its place in the outline.)
fn finish(source: SourceText) -> SourceText {
    text::without_controls(source)
}

/// A decoded text document with the tables written in it: Markdown pipe
/// tables and raw HTML `<table>`s (whose lines are left blank in `text`).
/// An error only when an HTML table's spans would copy more text than a
/// document may hold.
pub fn source_from_text(text: String, encoding: &'static str) -> Result<SourceText, ReadErrorKind> {
    let (text, mut tables) = html::tables_in_text(&text)?;
    tables.extend(markdown_tables(&text));
    Ok(SourceText {
        text,
        encoding,
        tables,
    })
}

fn unsupported(ext: &str) -> Option<ReadErrorKind> {
    let (format, advice) = match ext {
        "rtf" => ("RTF", "open it in Word or WPS and save it as .docx"),
        "xlsb" => (
            "Excel binary (.xlsb)",
            "open it in Excel and save it as .xlsx (or .csv)",
        ),
        "odt" => ("OpenDocument (.odt)", "save it as .docx or .txt (UTF-8)"),
        _ => return None,
    };
    Some(ReadErrorKind::Unsupported { format, advice })
}

/// The first bytes of an OLE compound file: .doc, .wps, .xls, .et.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];

fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

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
    fn pdf_named_txt_is_read_as_pdf() {
        let err = read_bytes("txt", b"%PDF-1.7\n...").unwrap_err();
        assert!(matches!(err, ReadErrorKind::Damaged { format: "PDF", .. }));
    }
}
