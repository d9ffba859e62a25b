//! Styled text: wrapping by display width with highlighted character
//! ranges, and list rows with a label and a right-aligned note.
//!
//! Line breaking is [`crate::text::next_line`] (display width and the CJK
//! line-breaking rules) everywhere. A task's text can be huge (hundreds of
//! thousands of characters in a hand-made file), so the detail pane never
//! wraps or styles a whole text per frame: a [`WrapIndex`] records where
//! each line starts, extended only as far as the view has scrolled, and
//! [`Highlights`] finds the styled ranges of a line by binary search.
//! Short texts ([`wrapped`], [`styled_wrap`]) use the same two pieces;
//! [`wrapped`] stops after [`MAX_WRAPPED_LINES`] lines, so a huge title or
//! fact costs a bounded amount too.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text;
use crate::tui::theme::Theme;

/// Character ranges `[start, end)` in a text.
pub type CharRanges = Vec<(usize, usize)>;

/// The most lines [`wrapped`] makes of one text (a title, a fact): more
/// is a damaged file, and the last line then ends with `…`.
pub const MAX_WRAPPED_LINES: usize = 200;

/// Spans of `s` with `ranges` (char ranges) in `hl` and the rest in `base`.
pub fn highlighted(
    s: &str,
    ranges: &[(usize, usize)],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let h = Highlights::new(&[(ranges, hl)]);
    h.spans(s, 0, base)
}

/// Styled character ranges of one text in layers: a character takes the
/// style of the last layer that covers it (leads over partners, search
/// hits over both). Each layer is kept sorted and merged, so the styles
/// of any stretch are found by binary search, never by scanning.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    layers: Vec<(CharRanges, Style)>,
}

impl Highlights {
    /// No highlights.
    pub const NONE: Highlights = Highlights { layers: Vec::new() };

    pub fn new(layers: &[(&[(usize, usize)], Style)]) -> Highlights {
        Highlights {
            layers: layers
                .iter()
                .map(|(r, st)| (merged(r), *st))
                .filter(|(r, _)| !r.is_empty())
                .collect(),
        }
    }

    /// Spans of `line`, whose first character is character `first` of the
    /// text, unstyled parts in `base`.
    pub fn spans(&self, line: &str, first: usize, base: Style) -> Vec<Span<'static>> {
        if self.layers.is_empty() || line.is_empty() {
            return vec![Span::styled(line.to_owned(), base)];
        }
        // Per layer: the index of the first range that ends after `first`.
        let mut next: Vec<usize> = self
            .layers
            .iter()
            .map(|(r, _)| r.partition_point(|&(_, e)| e <= first))
            .collect();
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut cur_style = None;
        for (k, c) in line.chars().enumerate() {
            let at = first + k;
            let mut st = base;
            for (li, (ranges, style)) in self.layers.iter().enumerate() {
                let i = &mut next[li];
                while *i < ranges.len() && ranges[*i].1 <= at {
                    *i += 1;
                }
                if ranges.get(*i).is_some_and(|&(a, _)| a <= at) {
                    st = base.patch(*style);
                }
            }
            if cur_style != Some(st) && !cur.is_empty() {
                out.push(Span::styled(
                    std::mem::take(&mut cur),
                    cur_style.unwrap_or(base),
                ));
            }
            cur_style = Some(st);
            cur.push(c);
        }
        if !cur.is_empty() {
            out.push(Span::styled(cur, cur_style.unwrap_or(base)));
        }
        out
    }
}

/// `r` sorted by start, overlapping and touching ranges joined.
fn merged(r: &[(usize, usize)]) -> CharRanges {
    let mut v: CharRanges = r.iter().copied().filter(|&(a, b)| a < b).collect();
    v.sort_unstable();
    let mut out: CharRanges = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Where the lines of one text start when it is wrapped to one width:
/// built lazily ([`WrapIndex::extend`]) as far as someone looks, so the
/// first screen of a 40-million-character text costs one screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapIndex {
    width: usize,
    /// (byte offset, char offset) of each line found so far; the first is (0, 0).
    starts: Vec<(u32, u32)>,
    /// Every line is known.
    done: bool,
}

impl WrapIndex {
    pub fn new(width: usize) -> WrapIndex {
        WrapIndex {
            width: width.max(2),
            starts: vec![(0, 0)],
            done: false,
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// How many lines there are, once all are known.
    pub fn total(&self) -> Option<usize> {
        self.done.then_some(self.starts.len())
    }

    /// Lines known so far (all of them when [`WrapIndex::total`] is `Some`).
    pub fn known(&self) -> usize {
        self.starts.len()
    }

    /// Wraps `text` (the text this index is for) until `lines` lines are
    /// known or the text ends. Costs the characters wrapped, no more.
    pub fn extend(&mut self, text: &str, lines: usize) {
        while !self.done && self.starts.len() < lines {
            let &(b, c) = self.starts.last().expect("never empty");
            let (b, c) = (b as usize, c as usize);
            let rest = &text[b..];
            let n = text::next_line(rest, self.width);
            let (next_b, chars) = if rest[n..].starts_with('\n') {
                // The paragraph ends here: the next line starts after `\n`.
                (b + n + 1, rest[..n].chars().count() + 1)
            } else if n < rest.len() {
                (b + n, rest[..n].chars().count())
            } else {
                self.done = true;
                break;
            };
            // Task-data files are at most 512 MB, so offsets fit in u32.
            self.starts.push((next_b as u32, (c + chars) as u32));
        }
    }

    /// Wraps all of `text`.
    pub fn complete(&mut self, text: &str) {
        self.extend(text, usize::MAX);
    }

    /// Line `i` of `text` (without its line break and the spaces that
    /// overhang it) and the char offset of its first character; `None`
    /// past what is known.
    pub fn line<'t>(&self, text: &'t str, i: usize) -> Option<(&'t str, usize)> {
        let &(b, c) = self.starts.get(i)?;
        let end = match self.starts.get(i + 1) {
            Some(&(nb, _)) => nb as usize,
            None if self.done => text.len(),
            None => return None,
        };
        let s = &text[b as usize..end];
        let s = s.strip_suffix('\n').unwrap_or(s);
        Some((text::trim_line(s), c as usize))
    }

    /// Lines `from..from + n` of `text` styled by `hl` (those known).
    pub fn styled(
        &self,
        text: &str,
        from: usize,
        n: usize,
        hl: &Highlights,
        base: Style,
    ) -> Vec<Line<'static>> {
        (from..from.saturating_add(n))
            .map_while(|i| self.line(text, i))
            .map(|(l, c)| Line::from(hl.spans(l, c, base)))
            .collect()
    }
}

/// Wraps `s` by display width, styling each char by the last range list
/// that covers it (later layers win: leads over partners, search hits
/// over both).
pub fn styled_wrap(
    s: &str,
    width: usize,
    layers: &[(&[(usize, usize)], Style)],
) -> Vec<Line<'static>> {
    let mut index = WrapIndex::new(width);
    index.complete(s);
    index.styled(s, 0, usize::MAX, &Highlights::new(layers), Style::new())
}

/// `s` wrapped to `width`, every line in `style`; at most
/// [`MAX_WRAPPED_LINES`] lines, the last ending with `…` when cut.
pub fn wrapped(s: &str, width: usize, style: Style) -> impl Iterator<Item = Line<'static>> {
    let width = width.max(2);
    let mut index = WrapIndex::new(width);
    index.extend(s, MAX_WRAPPED_LINES + 1);
    let cut = index.known() > MAX_WRAPPED_LINES;
    let n = index.known().min(MAX_WRAPPED_LINES);
    let lines: Vec<Line<'static>> = (0..n)
        .filter_map(|i| index.line(s, i).map(|(l, _)| l))
        .enumerate()
        .map(|(i, l)| {
            if cut && i + 1 == n {
                let l = text::truncate_to_width(l, width - 1);
                Line::from(Span::styled(format!("{l}…"), style))
            } else {
                Line::from(Span::styled(l.to_owned(), style))
            }
        })
        .collect();
    lines.into_iter()
}

/// `s` in `width` columns (ended with `…` when cut), in `style`.
pub fn truncated(s: &str, width: usize, style: Style) -> Span<'static> {
    Span::styled(text::ellipsize(s, width).into_owned(), style)
}

/// A row with `label` on the left (shortened with `…` to fit, the char
/// ranges `marks` highlighted) and `right` right-aligned, exactly `width`
/// columns wide.
pub fn row_line(
    prefix: &str,
    label: &str,
    marks: &[(usize, usize)],
    right: &str,
    width: usize,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let prefix_w = text::width(prefix);
    // The label matters more: the right-hand text gets what the label does
    // not need, but at least half the row.
    let label_need = prefix_w + text::width(label) + 1;
    let right = text::ellipsize(right, width.saturating_sub(label_need).max(width / 2));
    let right = right.as_ref();
    let right_w = text::width(right);
    let room = width.saturating_sub(prefix_w + right_w + if right_w > 0 { 1 } else { 0 });
    let shown = text::ellipsize(label, room);
    let shown = shown.as_ref();
    let mut spans = vec![Span::styled(prefix.to_owned(), base)];
    spans.extend(highlighted(shown, marks, base, theme.search));
    let used = prefix_w + text::width(shown);
    let pad = width.saturating_sub(used + right_w);
    if right_w > 0 && used + right_w < width + 1 {
        spans.push(Span::styled(" ".repeat(pad), base));
        spans.push(Span::styled(right.to_owned(), base.patch(theme.count)));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn an_index_extended_piecewise_agrees_with_one_pass() {
        let text = "以新型城镇引擎推动北部能级提升。\n(市发展和改革局牵头,市住房城乡建设局配合)\n\n加快建设“一心两区三带”。".repeat(20);
        let mut whole = WrapIndex::new(12);
        whole.complete(&text);
        let mut lazy = WrapIndex::new(12);
        for n in (1..400).step_by(7) {
            lazy.extend(&text, n);
            assert!(lazy.known() >= n.min(whole.known()));
        }
        lazy.complete(&text);
        assert_eq!(lazy, whole);
        let n = whole.total().unwrap();
        let lines: Vec<&str> = (0..n).map(|i| whole.line(&text, i).unwrap().0).collect();
        assert_eq!(lines, crate::text::wrap(&text, 12));
        // Char offsets: each line's first char is where the text has it.
        let chars: Vec<char> = text.chars().collect();
        for i in 0..n {
            let (l, c) = whole.line(&text, i).unwrap();
            if let Some(first) = l.chars().next() {
                assert_eq!(chars[c], first, "line {i}");
            }
        }
    }

    #[test]
    fn highlights_are_found_by_position_and_later_layers_win() {
        let yellow = Style::new().fg(Color::Yellow);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        // Unsorted, overlapping input is fine.
        let hl = Highlights::new(&[(&[(5, 7), (0, 2), (1, 3)], yellow), (&[(2, 3)], bold)]);
        let spans = hl.spans("台山市发展和改革局", 0, Style::new());
        let parts: Vec<(&str, Style)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        assert_eq!(
            parts,
            [
                ("台山", yellow),
                ("市", bold),
                ("发展", Style::new()),
                ("和改", yellow),
                ("革局", Style::new())
            ]
        );
        // A line that starts inside the text finds its ranges by offset.
        let spans = hl.spans("和改革", 5, Style::new());
        assert_eq!(spans[0].content, "和改");
        assert_eq!(spans[0].style, yellow);
    }

    #[test]
    fn styled_wrap_styles_across_line_breaks() {
        let lead = Style::new().fg(Color::Yellow);
        let lines = styled_wrap("台山市发展和改革局牵头", 8, &[(&[(3, 9)], lead)]);
        assert_eq!(texts(&lines), ["台山市发", "展和改革", "局牵头"]);
        assert_eq!(lines[1].spans.len(), 1);
        assert_eq!(lines[1].spans[0].style, lead);
        assert_eq!(lines[2].spans[0].content, "局");
    }

    #[test]
    fn wrapped_is_bounded() {
        let huge = "台".repeat(100_000);
        let lines: Vec<Line> = wrapped(&huge, 10, Style::new()).collect();
        assert_eq!(lines.len(), MAX_WRAPPED_LINES);
        assert!(lines.last().unwrap().to_string().ends_with('…'));
        assert!(lines.iter().all(|l| l.width() <= 10));
    }
}
