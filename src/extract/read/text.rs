//! Text documents: decoding (BOM, UTF-8, detected legacy encodings), line
//! endings, and the Markdown pipe tables written inside text. (Tables
//! written as aligned columns, one cell a line or tab-separated rows are
//! read after page furniture is gone, by `extract::text_table`.)

use super::{ReadErrorKind, SourceText, line_no};
use crate::extract::{Table, TableRow};

/// How much of a file the encoding detector reads.
pub(super) const DETECT_BYTES: usize = 64 * 1024;

/// Decodes text bytes: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8,
/// then the encoding chardetng guesses (GBK/GB18030, Big5…). Line endings
/// become `\n`. Binary data and empty text are errors.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), ReadErrorKind> {
    let (text, encoding) = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(undecodable(enc, &bytes[bom_len..], bom_len));
        }
        (text.into_owned(), enc.name())
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(ReadErrorKind::Binary { offset });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), "UTF-8"),
            // Valid UTF-8 but for a character begun in the last bytes: the
            // file was cut short, and guessing another encoding for it
            // would call good text binary.
            Err(e) if e.error_len().is_none() => {
                return Err(ReadErrorKind::CutShort {
                    offset: e.valid_up_to(),
                    len: bytes.len(),
                });
            }
            Err(_) => {
                // The first 64 KB tell the encoding; feeding all of a 10 MB
                // file to the detector would take seconds.
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                let prefix = &bytes[..bytes.len().min(DETECT_BYTES)];
                // Never `last`: a character split at the prefix's cut, or at
                // the end of a file cut short, must not rule its encoding
                // out (a GBK file missing its last byte would read as
                // windows-1252 mojibake); the decoding below finds the cut.
                detector.feed(prefix, false);
                let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
                match enc.decode_without_bom_handling_and_without_replacement(bytes) {
                    Some(text) => (text.into_owned(), enc.name()),
                    None => return Err(undecodable(enc, bytes, 0)),
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

/// Why `bytes` (which start at `skipped` in the file) do not decode as
/// `enc`: cut short inside the last character when everything before it
/// decodes, else binary data at the first bad sequence.
fn undecodable(enc: &'static encoding_rs::Encoding, bytes: &[u8], skipped: usize) -> ReadErrorKind {
    let offset = skipped
        + match decode_strictly(enc, bytes, true) {
            (encoding_rs::DecoderResult::Malformed(len, _), read) => {
                read.saturating_sub(len as usize)
            }
            (_, read) => read,
        };
    // Decoding as if more input were to come leaves a begun character
    // pending instead of calling it malformed.
    if matches!(
        decode_strictly(enc, bytes, false).0,
        encoding_rs::DecoderResult::InputEmpty
    ) {
        ReadErrorKind::CutShort {
            offset,
            len: bytes.len() + skipped,
        }
    } else {
        ReadErrorKind::Binary { offset }
    }
}

/// Decodes `bytes` as `enc` until the first malformed sequence: how it
/// stopped and how many bytes it read. `last` says whether the input ends
/// here (a begun character is malformed) or more could follow (it waits).
fn decode_strictly(
    enc: &'static encoding_rs::Encoding,
    bytes: &[u8],
    last: bool,
) -> (encoding_rs::DecoderResult, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    decoder.decode_to_string_without_replacement(bytes, &mut out, last)
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

/// The source with control characters and whole escape sequences removed
/// from its text and table cells (tab and newline stay, so line numbers
/// hold). Text that is mostly controls was refused before as binary; this
/// is the rest: a `.txt` with a few, a `.docx` with `&#x1b;`, a cell.
pub(super) fn without_controls(mut source: SourceText) -> SourceText {
    crate::sanitise::strip_in_place(&mut source.text);
    for row in source.tables.iter_mut().flat_map(|t| t.rows.iter_mut()) {
        for cell in &mut row.cells {
            crate::sanitise::strip_in_place(cell);
        }
    }
    source
}

/// CRLF and lone CR → LF, without copying when there is no CR.
pub fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

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

pub(super) fn is_separator_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|') | line.starts_with('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of a pipe-table line; `\|` is a literal bar.
pub(super) fn pipe_cells(line: &str) -> Vec<String> {
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
            '|' => cells.push(cell_text(&std::mem::take(&mut cell))),
            _ => cell.push(c),
        }
    }
    cells.push(cell_text(&cell));
    cells
}

/// A pipe-table cell's text: emphasis around the whole cell (`**一、产业发展**`,
/// a web page's bold section row) is markup, not text.
fn cell_text(cell: &str) -> String {
    let t = cell.trim();
    // `A<br>B`: the line breaks a Markdown cell can hold.
    let broken;
    let t = if t.contains("<br") {
        broken = ["<br>", "<br/>", "<br />", "<BR>"]
            .iter()
            .fold(t.to_owned(), |s, b| s.replace(b, "\n"));
        broken.as_str()
    } else {
        t
    };
    ["**", "__"]
        .iter()
        .find_map(|m| {
            t.strip_prefix(m)
                .and_then(|r| r.strip_suffix(m))
                .filter(|inner| !inner.trim().is_empty() && !inner.contains(m))
        })
        .unwrap_or(t)
        .trim()
        .to_string()
}
