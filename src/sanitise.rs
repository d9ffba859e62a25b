//! Document text is data: it never controls the terminal.
//!
//! A plan, a spreadsheet cell or a hand-edited data file can carry terminal
//! escape sequences (`ESC ]0;title BEL` sets the window title, `ESC ]52;…`
//! writes the clipboard, `ESC [2J` clears the screen, `ESC [?1000h` turns on
//! mouse reporting) and bidirectional overrides that make text read other
//! than it is stored. Two rules, one per side of the program:
//!
//! - [`strip`] removes them where text enters: the readers' decoded text,
//!   every string of a loaded data file, pasted input. Whole sequences go, not
//!   just the `ESC` (which would leave `]0;PWNED` behind). Tab and newline
//!   stay; every string sequence ends at a newline, so line numbers hold.
//! - [`visible`] / [`Visible`] show anything that still reaches standard
//!   output or a message as text (`\u001b`), the way `ls` and `git` quote
//!   names: nothing the program prints can move the cursor or set a title.
//!   The escape is JSON's, so JSON output stays valid JSON with the same
//!   values.
//!
//! What counts as a control: C0 (U+0000–U+001F) but tab and newline, DEL,
//! C1 (U+0080–U+009F), the bidi embeddings, overrides and isolates
//! (U+202A–U+202E, U+2066–U+2069).

use std::borrow::Cow;
use std::io::{self, Write};

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// C1 forms of the sequence introducers.
const C1_CSI: char = '\u{9b}';
const C1_ST: char = '\u{9c}';
const C1_STRINGS: [char; 5] = ['\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}'];

/// Whether `c` must not reach a terminal raw (tab and newline may).
pub fn is_control(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `s` without control characters and without whole escape sequences:
/// CSI (`ESC [` … final byte), OSC/DCS/SOS/PM/APC strings (`ESC ]` … BEL or
/// ST), two- and three-character escapes (`ESC 7`, `ESC ( B`), and their
/// C1 forms. Borrows when there is nothing to remove.
pub fn strip(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                Some(' '..='/') => {
                    // Intermediates, then one final character: `ESC ( B`.
                    while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
                    chars.next_if(|c| matches!(c, '0'..='~'));
                }
                Some('0'..='~') => {
                    chars.next();
                }
                _ => {}
            },
            C1_CSI => skip_csi(&mut chars),
            c if C1_STRINGS.contains(&c) => skip_string(&mut chars),
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Strips `s` in place; returns whether anything was removed.
pub fn strip_in_place(s: &mut String) -> bool {
    match strip(s) {
        Cow::Borrowed(_) => false,
        Cow::Owned(clean) => {
            *s = clean;
            true
        }
    }
}

/// Parameters and intermediates (`0x20`–`0x3F`), then the final byte
/// (`0x40`–`0x7E`). Anything else ends the sequence unconsumed.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|c| matches!(c, ' '..='?')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// A control string's payload, through its terminator: BEL, `ESC \`, or
/// C1 ST. It also ends (unconsumed) at a newline or at another escape, so a
/// missing terminator costs at most the rest of the line.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            BEL | C1_ST => {
                chars.next();
                return;
            }
            '\n' => return,
            ESC => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                    return;
                }
                // Another sequence starts: drop this ESC's own introducer too.
                if let Some(&n) = chars.peek()
                    && matches!(n, '[' | ']' | 'P' | 'X' | '^' | '_')
                {
                    chars.next();
                    match n {
                        '[' => skip_csi(chars),
                        _ => continue,
                    }
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

/// `s` with every control shown as `\uXXXX`; tab and newline kept. For
/// multi-line output (task text, messages).
pub fn visible(s: &str) -> Cow<'_, str> {
    quote(s, is_control)
}

/// `s` with every control shown as `\uXXXX`, tab and newline included:
/// for names and anything meant to stay on one line (a file name with a
/// newline must not forge a second message line).
pub fn visible_line(s: &str) -> Cow<'_, str> {
    quote(s, |c| is_control(c) || c == '\t' || c == '\n')
}

fn quote(s: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as messages show it: lossy UTF-8, controls and newlines visible.
pub fn path(p: &std::path::Path) -> String {
    visible_line(&p.to_string_lossy()).into_owned()
}

/// A writer that shows every control passing through it as `\uXXXX` (tab
/// and newline pass). Standard output goes through one, so no command can
/// print a raw escape sequence whatever its data holds.
///
/// Works on bytes: C0 and DEL are single bytes, C1 and the bidi controls are
/// two- and three-byte UTF-8 sequences whose start may end one `write` and
/// their rest begin the next, so up to two bytes wait in `pending`.
pub struct Visible<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Visible<W> {
    pub fn new(inner: W) -> Self {
        Visible {
            inner,
            pending: Vec::with_capacity(3),
        }
    }

    /// Flushes what waits and returns the inner writer.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.flush()?;
        Ok(self.inner)
    }

    fn escape(&mut self, c: u32) -> io::Result<()> {
        write!(self.inner, "\\u{c:04x}")
    }
}

/// Length of the UTF-8 sequence a lead byte starts (1 for ASCII and strays).
fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes: Vec<u8>;
        let data: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            bytes = std::mem::take(&mut self.pending);
            bytes.extend_from_slice(buf);
            &bytes
        };
        let mut start = 0; // first byte not yet written
        let mut i = 0;
        while i < data.len() {
            let b = data[i];
            let n = utf8_len(b);
            if n > 1 && i + n > data.len() {
                // A character cut by the end of this write: keep it for the next.
                self.inner.write_all(&data[start..i])?;
                self.pending.extend_from_slice(&data[i..]);
                return Ok(buf.len());
            }
            let control = match n {
                1 => (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f,
                _ => std::str::from_utf8(&data[i..i + n])
                    .ok()
                    .and_then(|s| s.chars().next())
                    .is_some_and(is_control),
            };
            if control {
                self.inner.write_all(&data[start..i])?;
                let c = std::str::from_utf8(&data[i..i + n])
                    .ok()
                    .and_then(|s| s.chars().next())
                    .map_or(b as u32, |c| c as u32);
                self.escape(c)?;
                start = i + n;
            }
            i += n;
        }
        self.inner.write_all(&data[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.inner.write_all(&pending)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_whole_sequences() {
        assert_eq!(strip("a\u{1b}]0;PWNED\u{7}b"), "ab");
        assert_eq!(strip("a\u{1b}]52;c;SGVsbG8=\u{1b}\\b"), "ab");
        assert_eq!(strip("\u{1b}[2J\u{1b}[?1000h任务"), "任务");
        assert_eq!(strip("x\u{1b}[31;1mred\u{1b}[0m"), "xred");
        assert_eq!(strip("\u{1b}(B\u{1b}7\u{1b}c甲"), "甲");
        assert_eq!(strip("\u{1b}P1$r\u{9c}乙"), "乙");
        assert_eq!(strip("\u{9b}2J\u{9d}0;t\u{7}丙"), "丙");
        assert_eq!(strip("a\u{202e}b\u{2066}c\u{2069}"), "abc");
        assert_eq!(strip("a\u{0}b\u{7f}c\u{85}d\rx"), "abcdx");
    }

    #[test]
    fn keeps_tabs_newlines_and_lines() {
        assert_eq!(strip("一\t二\n三"), "一\t二\n三");
        // An unterminated title string ends at the line's end.
        assert_eq!(strip("\u{1b}]0;hidden\n第二行"), "\n第二行");
        assert!(matches!(strip("台山市"), Cow::Borrowed(_)));
        // A CSI broken by a CJK character keeps the character.
        assert_eq!(strip("\u{1b}[3牵头"), "牵头");
    }

    #[test]
    fn shows_controls_visibly() {
        assert_eq!(visible("a\u{1b}[2Jb\n"), "a\\u001b[2Jb\n");
        assert_eq!(visible_line("a\nb\tc"), "a\\u000ab\\u0009c");
        assert_eq!(visible("\u{202e}"), "\\u202e");
    }

    #[test]
    fn writer_escapes_across_writes_and_keeps_json_valid() {
        let mut w = Visible::new(Vec::new());
        let json = serde_json::to_string("x\u{9b}y\u{202e}台").unwrap();
        // Feed one byte at a time: every multi-byte control is split.
        for b in json.as_bytes() {
            w.write_all(std::slice::from_ref(b)).unwrap();
        }
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out, "\"x\\u009by\\u202e台\"");
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "x\u{9b}y\u{202e}台");
        let mut w = Visible::new(Vec::new());
        w.write_all("\u{1b}]0;t\u{7}\r\n台".as_bytes()).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(out, "\\u001b]0;t\\u0007\\u000d\n台");
    }
}
