//! Styled text: wrapping by display width with highlighted character
//! ranges, and list rows with a label and a right-aligned note.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::query::find_char_ranges;
use crate::text;
use crate::tui::theme::Theme;

/// Character ranges `[start, end)` in a text.
pub type CharRanges = Vec<(usize, usize)>;

/// Spans of `s` with `ranges` (char ranges) in `hl` and the rest in `base`.
pub fn highlighted(
    s: &str,
    ranges: &[(usize, usize)],
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    if ranges.is_empty() {
        return vec![Span::styled(s.to_owned(), base)];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_hl = false;
    for (i, c) in s.chars().enumerate() {
        let h = ranges.iter().any(|&(a, b)| i >= a && i < b);
        if h != cur_hl && !cur.is_empty() {
            out.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hl { hl } else { base },
            ));
        }
        cur_hl = h;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(Span::styled(cur, if cur_hl { hl } else { base }));
    }
    out
}

/// Wraps `s` by display width, styling each char by the last range list
/// that covers it (later layers win: leads over partners, search hits
/// over both).
pub fn styled_wrap(
    s: &str,
    width: usize,
    layers: &[(&[(usize, usize)], Style)],
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for para in s.split('\n') {
        for l in text::wrap(para, width) {
            let n = l.chars().count();
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut cur = String::new();
            let mut cur_style = Style::new();
            for (i, c) in l.chars().enumerate() {
                let at = offset + i;
                let st = layers
                    .iter()
                    .rev()
                    .find(|(rs, _)| rs.iter().any(|&(a, b)| at >= a && at < b))
                    .map_or(Style::new(), |(_, st)| *st);
                if st != cur_style && !cur.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut cur), cur_style));
                }
                cur_style = st;
                cur.push(c);
            }
            if !cur.is_empty() {
                spans.push(Span::styled(cur, cur_style));
            }
            lines.push(Line::from(spans));
            offset += n;
        }
        offset += 1;
    }
    lines
}

/// `s` wrapped to `width`, every line in `style`.
pub fn wrapped(s: &str, width: usize, style: Style) -> impl Iterator<Item = Line<'static>> {
    text::wrap(s, width.max(2))
        .into_iter()
        .map(move |l| Line::from(Span::styled(l, style)))
}

/// `s` in `width` columns (ended with `…` when cut), in `style`.
pub fn truncated(s: &str, width: usize, style: Style) -> Span<'static> {
    Span::styled(text::ellipsize(s, width).into_owned(), style)
}

/// A row with `label` on the left (shortened with `…` to fit, `query`
/// matches highlighted) and `right` right-aligned, exactly `width`
/// columns wide.
pub fn row_line(
    prefix: &str,
    label: &str,
    query: Option<&str>,
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
    let ranges = query.map_or_else(Vec::new, |q| find_char_ranges(shown, q));
    let mut spans = vec![Span::styled(prefix.to_owned(), base)];
    spans.extend(highlighted(shown, &ranges, base, theme.search));
    let used = prefix_w + text::width(shown);
    let pad = width.saturating_sub(used + right_w);
    if right_w > 0 && used + right_w < width + 1 {
        spans.push(Span::styled(" ".repeat(pad), base));
        spans.push(Span::styled(right.to_owned(), base.patch(theme.count)));
    }
    Line::from(spans)
}
