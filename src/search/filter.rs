//! The finder's engine over lines of text, like `fzf --filter`: read lines,
//! keep the matching ones, print them best first.
//!
//! Input is read in large blocks and each block's lines are matched on all
//! cores; only matching lines are kept, so memory stays near the size of
//! the output rather than the input. Lines that are not UTF-8 are skipped
//! and counted.

use std::io::{self, Read, Write};

use super::matcher::{Engine, Matcher};
use super::query::Query;
use super::{chars, combine, match_text};

/// What [`filter`] saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FilterStats {
    /// Lines read, including skipped ones.
    pub lines: usize,
    /// Lines printed.
    pub matched: usize,
    /// Lines skipped because they are not valid UTF-8.
    pub invalid_utf8: usize,
}

/// Bytes read at a time; lines are matched a block at a time.
const BLOCK: usize = 4 << 20;

/// Writes the lines of `input` that match `query` to `out`, best first
/// (ties: shorter first, then input order), each followed by `\n`. An empty
/// query prints every valid line in input order. A trailing `\r` is not part
/// of a line.
pub fn filter(query: &str, mut input: impl Read, mut out: impl Write) -> io::Result<FilterStats> {
    let query = Query::parse(query);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let mut kept = Kept::default();
    let mut stats = FilterStats::default();
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + 4096);
    let mut eof = false;
    while !eof {
        // Fill the block; keep any partial last line for the next round.
        let start = buf.len();
        buf.resize(start + BLOCK, 0);
        let mut filled = start;
        while filled < buf.len() {
            match input.read(&mut buf[filled..]) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        buf.truncate(filled);
        let end = if eof {
            buf.len()
        } else {
            match buf.iter().rposition(|&b| b == b'\n') {
                Some(p) => p + 1,
                // One line longer than the block: read on.
                None => continue,
            }
        };
        let block = &buf[..end];
        let parts = split_at_lines(block, threads);
        let results: Vec<Part> = if parts.len() == 1 {
            vec![match_lines(&query, block, 0)]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = parts
                    .iter()
                    .map(|&(a, b)| {
                        let query = &query;
                        s.spawn(move || match_lines(query, &block[a..b], a))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("matching threads do not panic"))
                    .collect()
            })
        };
        for part in results {
            for m in part.matches {
                let line = &block[m.start..m.start + m.len as usize];
                // Parts come in input order, so lines before this part
                // are already counted.
                kept.push(m.score, (stats.lines + m.line) as u64, line);
            }
            stats.lines += part.lines;
            stats.invalid_utf8 += part.invalid;
        }
        buf.drain(..end);
    }
    stats.matched = kept.entries.len();
    kept.write_sorted(&mut out)?;
    out.flush()?;
    Ok(stats)
}

/// Splits a block of whole lines into up to `n` ranges ending at newlines.
fn split_at_lines(block: &[u8], n: usize) -> Vec<(usize, usize)> {
    if n <= 1 || block.len() < 64 * 1024 {
        return vec![(0, block.len())];
    }
    let mut parts = Vec::with_capacity(n);
    let mut a = 0;
    for k in 1..n {
        let target = (block.len() * k / n).max(a);
        let b = match block[target..].iter().position(|&c| c == b'\n') {
            Some(p) => target + p + 1,
            None => block.len(),
        };
        parts.push((a, b));
        a = b;
    }
    parts.push((a, block.len()));
    parts.retain(|&(a, b)| a < b);
    parts
}

struct Match {
    score: u32,
    /// Line number within the part.
    line: usize,
    /// Byte offset within the block.
    start: usize,
    len: u32,
}

#[derive(Default)]
struct Part {
    matches: Vec<Match>,
    lines: usize,
    invalid: usize,
}

fn match_lines(query: &Query, bytes: &[u8], offset: usize) -> Part {
    let mut matcher = Engine::Pinyin.matcher();
    let mut part = Part::default();
    let mask = (query.mask(), query.initials());
    let mut norm: Vec<char> = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| pos + p);
        let mut line = &bytes[pos..end];
        if let [rest @ .., b'\r'] = line {
            line = rest;
        }
        let index = part.lines;
        part.lines += 1;
        let start = pos;
        pos = end + 1;
        let Ok(text) = std::str::from_utf8(line) else {
            part.invalid += 1;
            continue;
        };
        if let Some(score) = score_line(query, mask, text, &mut norm, &mut *matcher) {
            part.matches.push(Match {
                score,
                line: index,
                start: start + offset,
                len: line.len() as u32,
            });
        }
    }
    part
}

fn score_line(
    query: &Query,
    (mask, initials): (u64, u32),
    text: &str,
    norm: &mut Vec<char>,
    matcher: &mut dyn Matcher,
) -> Option<u32> {
    if query.is_empty() {
        return Some(0);
    }
    norm.clear();
    let mut have = 0u64;
    let mut have_initials = 0u32;
    let mut len = 0u32;
    for c in text.chars() {
        let c = chars::normalise(c);
        have |= chars::mask_of_char(c);
        have_initials |= chars::initials_of_char(c);
        norm.push(c);
        len += 1;
    }
    if have & mask != mask || have_initials & initials != initials {
        return None;
    }
    let (tier, score) = match_text(query, norm, false, matcher)?;
    for term in query.negative() {
        if have & term.mask == term.mask && matcher.align(term, term.anchor, norm, None).is_some() {
            return None;
        }
    }
    Some(combine(tier, score, len))
}

/// Matching lines, their bytes in one arena.
#[derive(Default)]
struct Kept {
    bytes: Vec<u8>,
    /// (score, line number, start in `bytes`, length)
    entries: Vec<(u32, u64, usize, u32)>,
}

impl Kept {
    fn push(&mut self, score: u32, line: u64, text: &[u8]) {
        self.entries
            .push((score, line, self.bytes.len(), text.len() as u32));
        self.bytes.extend_from_slice(text);
    }

    fn write_sorted(&mut self, out: &mut impl Write) -> io::Result<()> {
        // Score already prefers shorter lines on ties; then input order.
        self.entries
            .sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut w = io::BufWriter::with_capacity(1 << 16, out);
        for &(_, _, start, len) in &self.entries {
            w.write_all(&self.bytes[start..start + len as usize])?;
            w.write_all(b"\n")?;
        }
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(query: &str, input: &[u8]) -> (String, FilterStats) {
        let mut out = Vec::new();
        let stats = filter(query, input, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), stats)
    }

    #[test]
    fn prints_matching_lines_best_first() {
        let (out, stats) = run(
            "fgj",
            "市交通运输局\n市发展和改革局\r\n发改局\nabc\n".as_bytes(),
        );
        assert_eq!(out, "发改局\n市发展和改革局\n");
        assert_eq!(
            stats,
            FilterStats {
                lines: 4,
                matched: 2,
                invalid_utf8: 0
            }
        );
    }

    #[test]
    fn lines_of_equal_length_are_matched_as_themselves() {
        // Regression: a decode cache keyed on buffer address and length
        // once matched a line as if it were the previous one.
        let (out, _) = run("^智慧", "智慧城市\n城市智慧\n慧城市智\n".as_bytes());
        assert_eq!(out, "智慧城市\n");
    }

    #[test]
    fn skips_and_counts_invalid_utf8() {
        let input = b"\xff\xfe bad\n\xe5\x8f\x91\xe6\x94\xb9\xe5\xb1\x80\nok\xc3\n";
        let (out, stats) = run("fg", input);
        assert_eq!(out, "发改局\n");
        assert_eq!(stats.invalid_utf8, 2);
        assert_eq!(stats.lines, 3);
    }

    #[test]
    fn empty_query_keeps_order_and_last_line_without_newline() {
        let (out, stats) = run(" ", b"b\na\nlast");
        assert_eq!(out, "b\na\nlast\n");
        assert_eq!(stats.matched, 3);
    }

    #[test]
    fn splits_blocks_on_line_boundaries_in_order() {
        let mut input = String::new();
        for i in 0..30_000 {
            input.push_str(&format!("第{i}项 台城\n"));
        }
        let (out, stats) = run("'项 tc", input.as_bytes());
        assert_eq!(stats.matched, 30_000);
        let lines: Vec<&str> = out.lines().collect();
        // Equal scores: shorter first, then input order.
        assert_eq!(lines[0], "第0项 台城");
        assert_eq!(lines[9], "第9项 台城");
        assert_eq!(lines[10], "第10项 台城");
        assert_eq!(lines.last(), Some(&"第29999项 台城"));
    }
}
