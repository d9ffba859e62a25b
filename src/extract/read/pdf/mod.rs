//! PDF: the text layer, laid out into lines and tables in reading order.
//!
//! lopdf parses the file (cross-reference tables and streams, object
//! streams, filters, the standard security handler) with every stream's
//! decompressed size bounded; `glyphs.rs` runs each page's content stream
//! to positioned glyphs and ruling lines; `layout.rs` groups them into
//! lines and ruled tables and joins a table continued over pages. The
//! result is a [`SourceText`] like any other reader's: the lines, a
//! form-feed line between pages (a page break for `furniture.rs`), and
//! each table as rows of cells, rendered as `| … |` lines in its place.
//! Text from the PDF passes [`crate::sanitise::strip`] line by line and
//! cell by cell; the form feeds are ours, added after.
//! So a PDF's source line is a line of this text: page 1's first line is
//! line 1 and every page break takes one line.
//!
//! Bounds (each a clear message, never a panic or an exhausted machine):
//! pages, decompressed bytes per stream and per document, content
//! operators, glyphs, and time. A PDF whose pages have images and no text
//! is a scan (OCR is not done); a PDF that needs a password, or whose
//! text cannot be decoded (fonts without a Unicode map), says so.

use std::time::{Duration, Instant};

use super::{ReadErrorKind, SourceText, render_rows};
use crate::extract::{Table, TableRow};

mod compat;
mod glyphs;
mod layout;

/// Pages read; a plan has tens, a yearbook hundreds.
const MAX_PAGES: usize = 5_000;
/// Decompressed size of any one stream (lopdf enforces it while inflating).
const STREAM_LIMIT: usize = 32 * 1024 * 1024;
/// Decompressed content of one page (a page of a plan has 5–50 KB).
const PAGE_LIMIT: usize = 8 * 1024 * 1024;
/// Decompressed content of all pages together.
const CONTENT_LIMIT: usize = 512 * 1024 * 1024;
/// Content-stream operators of all pages together.
const OPS_LIMIT: usize = 50_000_000;
/// Glyphs of all pages together (a 30-page plan has about 20 000; a
/// 1 000-page yearbook about 1 500 000).
const GLYPH_LIMIT: usize = 4_000_000;
/// Wall time for one document.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// What a document may still spend.
pub(super) struct Budget {
    stream_limit: usize,
    page_limit: usize,
    bytes_left: usize,
    ops_left: usize,
    glyphs_left: usize,
    deadline: Instant,
}

impl Budget {
    fn new() -> Budget {
        Budget {
            stream_limit: STREAM_LIMIT,
            page_limit: PAGE_LIMIT,
            bytes_left: CONTENT_LIMIT,
            ops_left: OPS_LIMIT,
            glyphs_left: GLYPH_LIMIT,
            deadline: Instant::now() + TIME_LIMIT,
        }
    }

    fn check_time(&self) -> Result<(), PdfError> {
        if Instant::now() > self.deadline {
            return Err(PdfError::TooLarge(format!(
                "reading its pages took longer than {} s",
                TIME_LIMIT.as_secs()
            )));
        }
        Ok(())
    }

    fn spend_bytes(&mut self, n: usize) -> Result<(), PdfError> {
        self.bytes_left = self.bytes_left.checked_sub(n).ok_or_else(|| {
            PdfError::TooLarge(format!(
                "its pages' content is over {} MB decompressed",
                CONTENT_LIMIT >> 20
            ))
        })?;
        self.check_time()
    }

    fn spend_ops(&mut self, n: usize) -> Result<(), PdfError> {
        self.ops_left = self.ops_left.checked_sub(n).ok_or_else(|| {
            PdfError::TooLarge(format!(
                "its pages have over {OPS_LIMIT} drawing operations"
            ))
        })?;
        self.check_time()
    }

    fn spend_glyphs(&mut self, n: usize) -> Result<(), PdfError> {
        self.glyphs_left = self.glyphs_left.checked_sub(n).ok_or_else(|| {
            PdfError::TooLarge(format!("its pages have over {GLYPH_LIMIT} characters"))
        })?;
        Ok(())
    }
}

/// Why a PDF gave no text.
#[derive(Debug)]
pub(super) enum PdfError {
    Damaged(String),
    Encrypted,
    TooLarge(String),
}

impl PdfError {
    fn damaged(e: lopdf::Error) -> PdfError {
        PdfError::Damaged(e.to_string())
    }

    fn from_lopdf(e: &lopdf::Error) -> PdfError {
        use lopdf::{DecompressError, Error};
        match e {
            Error::Decompress(DecompressError::MemoryLimitExceeded { limit }) => {
                PdfError::TooLarge(format!(
                    "a stream is over {} MB decompressed",
                    (*limit).max(1 << 20) >> 20
                ))
            }
            Error::Decryption(_)
            | Error::InvalidPassword
            | Error::UnsupportedSecurityHandler(_) => PdfError::Encrypted,
            e => PdfError::Damaged(e.to_string()),
        }
    }

    fn kind(self) -> ReadErrorKind {
        match self {
            PdfError::Damaged(detail) => ReadErrorKind::Damaged {
                format: "PDF",
                detail,
            },
            PdfError::Encrypted => ReadErrorKind::Encrypted,
            PdfError::TooLarge(what) => ReadErrorKind::OverLimit { what },
        }
    }
}

/// Reads a PDF's text layer.
pub(super) fn read_pdf(bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    read(bytes).map_err(PdfError::kind)?.into_source()
}

/// A document's pages laid out, before they become text.
#[derive(Debug)]
struct Laid {
    items: Vec<layout::Item>,
    pages: usize,
    glyphs: usize,
    unreadable: usize,
    images: usize,
}

fn read(bytes: &[u8]) -> Result<Laid, PdfError> {
    let budget = &mut Budget::new();
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(STREAM_LIMIT),
        ..Default::default()
    };
    let doc = lopdf::Document::load_mem_with_options(bytes, options)
        .map_err(|e| PdfError::from_lopdf(&e))?;
    if doc.is_encrypted() {
        // lopdf decrypts with the empty user password when it can; a file
        // still encrypted after loading needs a password.
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooLarge(format!(
            "it has {} pages (the limit is {MAX_PAGES})",
            pages.len()
        )));
    }
    let mut laid = Vec::with_capacity(pages.len());
    let (mut glyphs, mut unreadable, mut images) = (0, 0, 0);
    for (_, id) in pages.iter() {
        budget.check_time()?;
        let content = glyphs::page_content(&doc, *id, budget)?;
        glyphs += content.glyphs.len();
        unreadable += content
            .glyphs
            .iter()
            .filter(|g| g.text == '\u{fffd}')
            .count();
        images += content.images;
        laid.push(layout::page(&content));
    }
    let (items, _furniture) = layout::join_pages(laid);
    Ok(Laid {
        items,
        pages: pages.len(),
        glyphs,
        unreadable,
        images,
    })
}

impl Laid {
    fn into_source(self) -> Result<SourceText, ReadErrorKind> {
        let readable = self.glyphs - self.unreadable;
        if readable == 0 && self.unreadable == 0 {
            if self.images > 0 {
                return Err(ReadErrorKind::NoTextLayer { pages: self.pages });
            }
            return Err(ReadErrorKind::Empty);
        }
        if self.unreadable * 2 > self.glyphs {
            return Err(ReadErrorKind::Undecodable);
        }
        let mut text = String::new();
        let mut tables = Vec::new();
        for item in self.items {
            match item {
                layout::Item::Line(l) => {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&crate::sanitise::strip(&l));
                }
                layout::Item::PageBreak => {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push('\u{c}');
                }
                layout::Item::Table(rows) => {
                    let mut table = Table {
                        rows: rows
                            .into_iter()
                            .map(|cells| TableRow {
                                cells: cells
                                    .iter()
                                    .map(|c| crate::sanitise::strip(c).into_owned())
                                    .collect(),
                                line: 0,
                            })
                            .collect(),
                        name: None,
                    };
                    render_rows(&mut text, &mut table);
                    tables.push(table);
                }
            }
        }
        Ok(SourceText {
            text,
            encoding: "pdf",
            tables,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf_is_damaged() {
        assert!(matches!(
            read_pdf(b"%PDF-1.7\nnothing else"),
            Err(ReadErrorKind::Damaged { format: "PDF", .. })
        ));
    }
}
