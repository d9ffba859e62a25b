//! Zip archives of XML parts (.docx, .xlsx, .ods), read within fixed bounds,
//! and the XML helpers their readers share.
//!
//! A 2 KB archive can inflate to gigabytes, so no part is trusted for its
//! declared size: every part is streamed through [`Capped`], which fails
//! once the document's inflated bytes pass [`MAX_INFLATED`], and the readers
//! parse as they stream (never holding a whole part). What they build is
//! bounded too: [`MAX_TEXT`] bytes of text, and the sheet readers' cell caps.

use std::cell::Cell;
use std::io::{BufRead, BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::BytesStart;

use super::ReadErrorKind;

/// Inflated bytes read from one archive, all parts together (a 300-page
/// plan's document.xml is about 20 MB). One XML text node may be buffered
/// whole, so this is also about the peak memory of a zip bomb.
pub(super) const MAX_INFLATED: u64 = 128_000_000;
/// Text one document may produce (the seeds' largest plan has 0.1 MB).
pub(super) const MAX_TEXT: usize = 64_000_000;
/// Parts in one archive; Word and Excel files have tens.
const MAX_ENTRIES: usize = 100_000;

/// An XML part being streamed.
pub(super) type Xml<'r> = Reader<&'r mut dyn BufRead>;

pub(super) struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    format: &'static str,
    /// Inflated bytes still allowed.
    budget: Cell<u64>,
}

impl<'a> Archive<'a> {
    pub(super) fn open(bytes: &'a [u8], format: &'static str) -> Result<Self, ReadErrorKind> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadErrorKind::Damaged {
            format,
            detail: format!("cannot open it as a zip archive ({e})"),
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(ReadErrorKind::OverLimit {
                what: format!(
                    "the archive has {} parts; a {format} has tens (at most {MAX_ENTRIES} are read)",
                    zip.len()
                ),
            });
        }
        Ok(Archive {
            zip,
            format,
            budget: Cell::new(MAX_INFLATED),
        })
    }

    pub(super) fn damaged(&self, detail: impl Into<String>) -> ReadErrorKind {
        ReadErrorKind::Damaged {
            format: self.format,
            detail: detail.into(),
        }
    }

    /// Parses part `name` with `parse`, streaming; `None` if there is no
    /// such part. Inflating past the budget ends in
    /// [`ReadErrorKind::OverLimit`] naming the part, whatever `parse` did.
    pub(super) fn parse<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&mut Xml<'_>) -> Result<T, ReadErrorKind>,
    ) -> Result<Option<T>, ReadErrorKind> {
        let format = self.format;
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(ReadErrorKind::Damaged {
                    format,
                    detail: format!("{name}: {e}"),
                });
            }
        };
        let exceeded = Cell::new(false);
        let capped = Capped {
            inner: file,
            budget: &self.budget,
            exceeded: &exceeded,
        };
        let mut buffered = BufReader::with_capacity(64 * 1024, capped);
        let mut reader = xml_reader(&mut buffered as &mut dyn BufRead);
        let result = parse(&mut reader);
        if exceeded.get() {
            return Err(ReadErrorKind::OverLimit {
                what: format!(
                    "{name} inflates to more than {} MB, the most fengong reads of a {format} (a damaged file or a zip bomb)",
                    MAX_INFLATED / 1_000_000
                ),
            });
        }
        result.map(Some)
    }
}

/// A reader that fails once the archive's inflate budget is spent.
pub(super) struct Capped<'b, R> {
    inner: R,
    budget: &'b Cell<u64>,
    exceeded: &'b Cell<bool>,
}

impl<R: Read> Read for Capped<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.budget.get();
        if left == 0 {
            // One byte more tells a part that ends exactly here from a bigger one.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => {
                    self.exceeded.set(true);
                    Err(std::io::Error::other("inflate limit reached"))
                }
            };
        }
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.budget.set(left - n as u64);
        Ok(n)
    }
}

/// Text a reader builds, failing past [`MAX_TEXT`].
#[derive(Default)]
pub(super) struct TextBudget {
    used: usize,
}

impl TextBudget {
    pub(super) fn spend(&mut self, n: usize, format: &'static str) -> Result<(), ReadErrorKind> {
        self.used = self.used.saturating_add(n);
        if self.used > MAX_TEXT {
            return Err(ReadErrorKind::OverLimit {
                what: format!(
                    "the {format} holds more than {} MB of text, the most fengong reads of one document",
                    MAX_TEXT / 1_000_000
                ),
            });
        }
        Ok(())
    }
}

pub(super) fn xml_reader<R: BufRead>(r: R) -> Reader<R> {
    let mut r = Reader::from_reader(r);
    r.config_mut().check_end_names = false;
    r
}

pub(super) fn xml_error<R>(
    format: &'static str,
    part: &str,
    r: &Reader<R>,
    e: impl std::fmt::Display,
) -> ReadErrorKind {
    ReadErrorKind::Damaged {
        format,
        detail: format!("{part}: XML error at byte {}: {e}", r.error_position()),
    }
}

/// The local name of an element (`w:p` → `p`).
pub(super) fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// The value of an attribute by local name (`w:val` → `val`).
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default()
        })
    })
}

/// Text of a `GeneralRef` event (`&amp;`, `&#x4E00;`); other entities are
/// not expanded (no DTD, so no billion laughs).
pub(super) fn resolve_ref(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}
