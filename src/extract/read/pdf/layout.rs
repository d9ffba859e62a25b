//! Positioned glyphs → a page's lines and tables in reading order.
//!
//! - Lines: glyphs sharing a baseline, left to right; a gap of more than
//!   half an em is a space, and a wide gap (text set in columns without
//!   borders) becomes as many spaces as `pdftotext -layout` would put, so
//!   aligned columns stay aligned for the text-table reader.
//! - Two columns ([`column_lines`]): a page whose text stands in two
//!   columns either side of an empty band is read left column first.
//! - Tables: where ruling lines cross (horizontal and vertical borders
//!   that touch), the borders are the grid: rows between horizontal
//!   rules, cells between the vertical rules that cross that row (a rule
//!   missing in a row is a merged cell, its text repeated across the
//!   span, as the .docx reader does). A cell's lines are joined where the
//!   column's width wrapped them. In a cell that lists (no sentence, no
//!   `、` list) a line ended where it stops short of the column's widest
//!   line (the next line's first word would have fitted), or where a full
//!   line ends a unit's name before a line opening one (`市政务服务管理局` /
//!   `市直各有关部门`): the cell keeps a line break there (`市公安局` /
//!   `市税务局`, one unit a line), as the .docx reader keeps a cell's
//!   paragraphs.
//! - Across pages ([`join_pages`]): a table that ends one page and one that
//!   starts the next with the same columns are one table; a repeated header
//!   (one row or several) is dropped and a row split by the break (its first cell empty on
//!   the new page) is joined to the row it continues. Lines repeated at the
//!   same place in the page margins (a running header, `— 3 —`) are
//!   furniture: they are counted and dropped, also on the first page, where
//!   the text-based rules (`furniture.rs`) must keep them as possible title
//!   lines.

use super::glyphs::{Glyph, PageContent, Rule};

/// A line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLine {
    pub text: String,
    /// Baseline (y up), left and right ends.
    pub y: f32,
    pub x: f32,
    pub right: f32,
    pub size: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PageItem {
    Line(PageLine),
    Table(TablePart),
}

/// A table, or the part of one on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePart {
    pub rows: Vec<Vec<String>>,
    /// Left edges of the columns (page space), to match a continuation.
    pub columns: Vec<f32>,
    pub top: f32,
    pub bottom: f32,
}

/// One page laid out: items top to bottom.
#[derive(Debug, Default)]
pub struct Page {
    pub items: Vec<PageItem>,
    pub height: f32,
    pub bottom: f32,
}

/// Lays out one page.
pub fn page(content: &PageContent) -> Page {
    let (_, y0, _, y1) = content.media;
    let tables = find_tables(&content.rules);
    let mut free: Vec<&Glyph> = Vec::new();
    let mut cells: Vec<Vec<Vec<Vec<&Glyph>>>> = tables
        .iter()
        .map(|t| vec![vec![Vec::new(); t.xs.len() - 1]; t.ys.len() - 1])
        .collect();
    'glyphs: for g in &content.glyphs {
        let (cx, cy) = (g.x + g.width / 2.0, g.y + g.size * 0.3);
        for (k, t) in tables.iter().enumerate() {
            if let Some((r, c)) = t.cell_of(cx, cy) {
                cells[k][r][c].push(g);
                continue 'glyphs;
            }
        }
        free.push(g);
    }
    // A page in two columns (no ruled table on it) is read column by
    // column, in the order found.
    if tables.is_empty()
        && let Some(lines) = column_lines(&free)
    {
        return Page {
            items: lines.into_iter().map(PageItem::Line).collect(),
            height: y1 - y0,
            bottom: y0,
        };
    }
    let mut items: Vec<(f32, PageItem)> = lines(&free)
        .into_iter()
        .map(|l| (l.y + l.size, PageItem::Line(l)))
        .collect();
    for (t, grid) in tables.iter().zip(cells) {
        let part = t.part(grid);
        if part.rows.iter().any(|r| r.iter().any(|c| !c.is_empty())) {
            items.push((part.top, PageItem::Table(part)));
        }
    }
    // Top to bottom (y up); a stable sort keeps a line's order.
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    Page {
        items: items.into_iter().map(|(_, i)| i).collect(),
        height: y1 - y0,
        bottom: y0,
    }
}

/// Rejoins a page's lines that the page width broke: a line that reaches
/// the right edge of the text (within 3.5 em: line-breaking rules push a
/// character and the punctuation after it to the next line, and narrow
/// digits make a line of as many characters shorter), followed by one that starts at the left
/// edge (no paragraph indent) and does not start anew (a number, a
/// labelled line such as `牵头单位：`). After a line that ends its
/// sentence (`。` `；`) only a bracketed note continues (`…以上。` /
/// `（A牵头）`): a paragraph that happens to end at the edge is otherwise
/// left alone. Lines of different type sizes never join (a title over the
/// text).
/// Positions make this sure where the text rules (`furniture.rs`) must
/// guess a wrap width from line lengths; lines broken by a page break are
/// theirs to join.
fn join_wrapped(items: Vec<PageItem>) -> Vec<PageItem> {
    let body: Vec<&PageLine> = items
        .iter()
        .filter_map(|i| match i {
            PageItem::Line(l) if l.text.chars().count() >= 8 => Some(l),
            _ => None,
        })
        .collect();
    if body.len() < 2 {
        return items;
    }
    let right = body.iter().map(|l| l.right).fold(f32::MIN, f32::max);
    let left = body.iter().map(|l| l.x).fold(f32::MAX, f32::min);
    let mut out: Vec<PageItem> = Vec::with_capacity(items.len());
    for item in items {
        if let PageItem::Line(next) = &item
            && let Some(PageItem::Line(prev)) = out.last_mut()
            && prev.right >= right - prev.size * 3.5
            && next.x <= left + next.size * 0.6
            && (prev.y - next.y) < prev.size.max(next.size) * 2.5
            // A wrap keeps the type size: a title set larger is no line of
            // the paragraph under it.
            && (prev.size - next.size).abs() <= prev.size.min(next.size) * 0.1
            && continues(&prev.text, &next.text)
        {
            prev.text.push_str(next.text.trim_start());
            prev.right = next.right;
            prev.y = next.y;
            continue;
        }
        // A centred line (a title) wider than most of the text, and a
        // shorter centred line of the same size right under it: one title.
        if let PageItem::Line(next) = &item
            && let Some(PageItem::Line(prev)) = out.last_mut()
            && centred(prev, left, right)
            && centred(next, left, right)
            && next.right < right - next.size
            && prev.right - prev.x >= (right - left) * 0.6
            && (prev.size - next.size).abs() < 0.5
            && (prev.y - next.y) < prev.size * 2.5
            && continues(&prev.text, &next.text)
        {
            prev.text.push_str(next.text.trim_start());
            prev.right = next.right;
            prev.y = next.y;
            continue;
        }
        out.push(item);
    }
    out
}

/// Whether a line stands in the middle of the text's width (within an em)
/// and clear of its left edge.
fn centred(l: &PageLine, left: f32, right: f32) -> bool {
    let middle = (left + right) / 2.0;
    ((l.x + l.right) / 2.0 - middle).abs() <= l.size && l.x > left + l.size
}

fn continues(prev: &str, next: &str) -> bool {
    use crate::extract::numbering;
    let next = next.trim();
    if next.is_empty()
        || numbering::parse(next).is_some_and(|n| n.style != numbering::NumberStyle::Box)
    {
        return false;
    }
    if next.starts_with(['（', '(', '〔', '【']) {
        // A note closing the paragraph.
        return true;
    }
    // A labelled line (`牵头单位：…`, `完成时限：…`) starts anew; so does a
    // line after a sentence that ended at the edge by chance.
    let labelled = next
        .split_once(['：', ':'])
        .is_some_and(|(label, _)| label.chars().count() <= 8 && !label.contains(['，', ',', '、']));
    !labelled && !ends_sentence(prev)
}

/// `。` `；` `！` `？`, or a responsibility note in brackets (`（A牵头）`):
/// the end of what a line said, not a wrap.
fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with(['。', '！', '？', '；', '!', '?', ';']) {
        return true;
    }
    let Some(inner) = line.strip_suffix(['）', ')']) else {
        return false;
    };
    let note = inner.rsplit(['（', '(']).next().unwrap_or("");
    ["牵头", "配合", "负责", "责任", "单位", "主办", "协办"]
        .iter()
        .any(|w| note.contains(w))
}

/// Glyphs → lines: grouped by baseline, top to bottom, left to right.
fn lines(glyphs: &[&Glyph]) -> Vec<PageLine> {
    rows(glyphs)
        .into_iter()
        .map(line_of)
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// The glyphs sharing each baseline, top to bottom, left to right.
fn rows<'a>(glyphs: &[&'a Glyph]) -> Vec<Vec<&'a Glyph>> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match groups.last_mut() {
            Some(line) if same_line(line, g) => line.push(g),
            _ => groups.push(vec![g]),
        }
    }
    groups
}

/// A page set in two columns (a 政府公报 issue) read column by column:
/// where a band near the middle of the text is crossed by no more than a
/// few baselines while many baselines have text on each side of it, the
/// text left of the band is read before the text right of it, between
/// the lines crossing it (a title or heading across the page). None for a
/// page in one column.
fn column_lines(glyphs: &[&Glyph]) -> Option<Vec<PageLine>> {
    let ink: Vec<&Glyph> = glyphs
        .iter()
        .copied()
        .filter(|g| !g.text.is_whitespace())
        .collect();
    if ink.len() < 200 {
        return None;
    }
    let em = median(ink.iter().map(|g| g.size)).max(1.0);
    let left = ink.iter().map(|g| g.x).fold(f32::MAX, f32::min);
    let right = ink.iter().map(|g| g.x + g.width).fold(f32::MIN, f32::max);
    let width = right - left;
    let rows = rows(glyphs);
    // A baseline crosses x when one of its glyphs covers it; it has text
    // on both sides of x when glyphs stand left and right of it.
    let crosses = |row: &[&Glyph], x: f32| {
        row.iter()
            .any(|g| !g.text.is_whitespace() && g.x < x && x < g.x + g.width)
    };
    let step = em / 4.0;
    let mut best: Option<(f32, f32)> = None;
    let mut run_start: Option<f32> = None;
    let mut x = left + width * 0.3;
    while x <= left + width * 0.7 {
        let crossing = rows.iter().filter(|r| crosses(r, x)).count();
        if crossing * 10 <= rows.len() {
            let start = *run_start.get_or_insert(x);
            if best.is_none_or(|(a, b)| b - a < x - start) {
                best = Some((start, x));
            }
        } else {
            run_start = None;
        }
        x += step;
    }
    let (a, b) = best.filter(|(a, b)| b - a >= em * 0.75)?;
    // Both columns hold text: many baselines left of the band, many right
    // of it (the columns' baselines need not line up).
    let left_rows = rows
        .iter()
        .filter(|r| {
            r.iter()
                .any(|g| !g.text.is_whitespace() && g.x + g.width <= a)
        })
        .count();
    let right_rows = rows
        .iter()
        .filter(|r| r.iter().any(|g| !g.text.is_whitespace() && g.x >= b))
        .count();
    if left_rows < 8 || right_rows < 8 {
        return None;
    }
    let mut out = Vec::new();
    let (mut lefts, mut rights): (Vec<&Glyph>, Vec<&Glyph>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<PageLine>, lefts: &mut Vec<&Glyph>, rights: &mut Vec<&Glyph>| {
        out.extend(lines(lefts));
        out.extend(lines(rights));
        lefts.clear();
        rights.clear();
    };
    for row in rows {
        let across = row
            .iter()
            .any(|g| !g.text.is_whitespace() && g.x < b && g.x + g.width > a);
        if across {
            flush(&mut out, &mut lefts, &mut rights);
            out.extend(lines(&row));
            continue;
        }
        for g in row {
            if g.x + g.width / 2.0 < (a + b) / 2.0 {
                lefts.push(g);
            } else {
                rights.push(g);
            }
        }
    }
    flush(&mut out, &mut lefts, &mut rights);
    Some(out)
}

fn same_line(line: &[&Glyph], g: &Glyph) -> bool {
    let y = line.iter().map(|l| l.y).sum::<f32>() / line.len() as f32;
    let size = line.iter().map(|l| l.size).fold(g.size, f32::min).max(1.0);
    (y - g.y).abs() < size * 0.45
}

fn line_of(mut glyphs: Vec<&Glyph>) -> PageLine {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let ink: Vec<&Glyph> = glyphs
        .iter()
        .copied()
        .filter(|g| !g.text.is_whitespace())
        .collect();
    let size = median(ink.iter().map(|g| g.size)).max(1.0);
    let x0 = ink.first().map_or(0.0, |g| g.x);
    let mut text = String::new();
    let mut end: Option<f32> = None;
    let mut space = false;
    for g in &glyphs {
        if g.text.is_whitespace() {
            // A space glyph separates words; its place is no text.
            space = end.is_some();
            continue;
        }
        if let Some(e) = end {
            let gap = g.x - e;
            if gap < -size * 0.5 && text.ends_with(g.text) {
                continue; // the same glyph drawn twice (fake bold)
            }
            let latin = text.ends_with(|c: char| c.is_ascii_alphanumeric())
                && g.text.is_ascii_alphanumeric();
            if gap > size * 1.5 {
                // Columns set apart: a space per half em, as -layout does.
                let n = ((gap / (size / 2.0)).round() as usize).clamp(2, 200);
                text.extend(std::iter::repeat_n(' ', n));
            } else if space || gap > size * 0.5 || (latin && gap > size * 0.2) {
                text.push(' ');
            }
        }
        space = false;
        text.push(g.text);
        end = Some(end.map_or(g.x + g.width, |e: f32| e.max(g.x + g.width)));
    }
    let y = median(ink.iter().map(|g| g.y));
    PageLine {
        text,
        y,
        x: x0,
        right: end.unwrap_or(x0),
        size,
    }
}

fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = values.collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

/// A ruled grid on a page.
#[derive(Debug)]
struct Grid {
    /// Column boundaries, left to right.
    xs: Vec<f32>,
    /// Row boundaries, top to bottom (y decreasing).
    ys: Vec<f32>,
    verticals: Vec<Rule>,
}

const TOL: f32 = 2.5;

impl Grid {
    fn cell_of(&self, x: f32, y: f32) -> Option<(usize, usize)> {
        let (first_x, last_x) = (*self.xs.first()?, *self.xs.last()?);
        let (top, bottom) = (*self.ys.first()?, *self.ys.last()?);
        if x < first_x || x > last_x || y > top || y < bottom {
            return None;
        }
        let c = self.xs.windows(2).position(|w| x >= w[0] && x <= w[1])?;
        let r = self.ys.windows(2).position(|w| y <= w[0] && y >= w[1])?;
        Some((r, c))
    }

    /// Whether a vertical rule crosses the middle of row `r` at `x`.
    fn ruled(&self, r: usize, x: f32) -> bool {
        let mid = (self.ys[r] + self.ys[r + 1]) / 2.0;
        self.verticals
            .iter()
            .any(|v| (v.x0 - x).abs() <= TOL && v.y0 <= mid && v.y1 >= mid)
    }

    fn part(&self, grid: Vec<Vec<Vec<&Glyph>>>) -> TablePart {
        // Each row's cells as spans of columns (a missing inner border
        // joins a cell to the next: merged cells) with their lines.
        let spans: Vec<Vec<(usize, usize, Vec<PageLine>)>> = grid
            .into_iter()
            .enumerate()
            .map(|(r, row)| {
                let mut out = Vec::new();
                let mut start = 0;
                for c in 0..row.len() {
                    if c + 1 == row.len() || self.ruled(r, self.xs[c + 1]) {
                        let glyphs: Vec<&Glyph> =
                            row[start..=c].iter().flatten().copied().collect();
                        out.push((start, c, lines(&glyphs)));
                        start = c + 1;
                    }
                }
                out
            })
            .collect();
        // Where the text of a column wraps: its widest line on the page.
        let mut widest: Vec<((usize, usize), f32)> = Vec::new();
        for (start, end, lines) in spans.iter().flatten() {
            for l in lines {
                match widest.iter_mut().find(|(k, _)| *k == (*start, *end)) {
                    Some((_, w)) => *w = w.max(l.right),
                    None => widest.push(((*start, *end), l.right)),
                }
            }
        }
        let mut rows = Vec::new();
        for row in spans {
            let width = row.last().map_or(0, |(_, end, _)| end + 1);
            let mut cells = vec![String::new(); width];
            for (start, end, lines) in row {
                let limit = widest
                    .iter()
                    .find(|(k, _)| *k == (start, end))
                    .map_or(0.0, |(_, w)| *w);
                let text = cell_text(&lines, limit);
                for cell in &mut cells[start..=end] {
                    cell.clone_from(&text);
                }
            }
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(cells);
            }
        }
        TablePart {
            rows,
            columns: self.xs[..self.xs.len() - 1].to_vec(),
            top: self.ys[0],
            bottom: *self.ys.last().unwrap_or(&0.0),
        }
    }
}

/// A cell's lines → its text: lines the column's width wrapped joined
/// without a break, with a space between two Latin words. In a cell that
/// lists (no sentence, no `、` list), a line that ended before `limit`
/// (where the column's text wraps: its widest line) is followed by a line
/// break.
fn cell_text(lines: &[PageLine], limit: f32) -> String {
    let listing = lines.iter().all(|l| lists(&l.text));
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        if let Some(prev) = i.checked_sub(1).and_then(|p| lines.get(p)) {
            let room = limit - prev.right;
            // A sentence's lines only wrap (kinsoku and hanging punctuation
            // make its line ends ragged).
            let ended = listing
                && (room >= first_word_width(t, l.size) * 0.9 || {
                    let rest: String = lines[i..].iter().map(|l| l.text.trim()).collect();
                    crate::extract::notes::may_end_and_begin_units(&out, &rest)
                });
            if ended {
                out.push('\n');
            } else if out.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
                && t.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            {
                out.push(' ');
            }
        }
        out.push_str(t);
    }
    out
}

/// Whether `text` may be a line of a cell listing one item a line: no
/// sentence punctuation, no `、` outside brackets (a list written in the
/// line; the `、` of `各县（市、区）` is part of a name).
fn lists(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' if depth == 0 => return false,
            '。' | '，' | ',' | '；' => return false,
            _ => {}
        }
    }
    true
}

/// About how wide the first unbreakable piece of `line` is set at `size`:
/// half an em for each char of a Latin word or number (a line never breaks
/// inside one); else one em for a CJK character, with an opening bracket
/// before it and the closing punctuation after it (which line breaking
/// keeps with it).
fn first_word_width(line: &str, size: f32) -> f32 {
    let latin = line
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-'))
        .count();
    if latin > 0 {
        return latin as f32 * size * 0.5;
    }
    let mut chars = line.chars().peekable();
    let mut ems = 0;
    while chars.next_if(|c| "（(“‘《【「".contains(*c)).is_some() {
        ems += 1;
    }
    if chars.next().is_some() {
        ems += 1;
    }
    while chars
        .next_if(|c| "。，、；：！？）)”’》】」.,;:".contains(*c))
        .is_some()
    {
        ems += 1;
    }
    ems.max(1) as f32 * size
}

/// Merges collinear touching segments: horizontal rules by y, vertical by x.
fn merge(mut rules: Vec<Rule>, horizontal: bool) -> Vec<Rule> {
    let key = |r: &Rule| if horizontal { r.y0 } else { r.x0 };
    let lo = |r: &Rule| if horizontal { r.x0 } else { r.y0 };
    let hi = |r: &Rule| if horizontal { r.x1 } else { r.y1 };
    rules.sort_by(|a, b| key(a).total_cmp(&key(b)).then(lo(a).total_cmp(&lo(b))));
    let mut out: Vec<Rule> = Vec::new();
    for r in rules {
        if let Some(last) = out.last_mut()
            && (key(last) - key(&r)).abs() <= 1.0
            && lo(&r) <= hi(last) + TOL
        {
            if horizontal {
                last.x1 = last.x1.max(r.x1);
            } else {
                last.y1 = last.y1.max(r.y1);
            }
            continue;
        }
        out.push(r);
    }
    out
}

/// Ruled tables: groups of horizontal and vertical rules that touch, with
/// at least two of each and two columns.
fn find_tables(rules: &[Rule]) -> Vec<Grid> {
    let hs = merge(
        rules.iter().copied().filter(Rule::horizontal).collect(),
        true,
    );
    let vs = merge(
        rules.iter().copied().filter(Rule::vertical).collect(),
        false,
    );
    if hs.len() < 2 || vs.len() < 2 {
        return Vec::new();
    }
    let touches = |h: &Rule, v: &Rule| {
        v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL
    };
    // Union-find over hs (0..n) and vs (n..n+m).
    let n = hs.len();
    let mut parent: Vec<usize> = (0..n + vs.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // Bounded: a page with thousands of rules (a drawing) is no table page.
    if hs.len().saturating_mul(vs.len()) > 4_000_000 {
        return Vec::new();
    }
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            if touches(h, v) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, n + j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> =
        std::collections::BTreeMap::new();
    for (i, h) in hs.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().0.push(*h);
    }
    for (j, v) in vs.iter().enumerate() {
        let root = find(&mut parent, n + j);
        groups.entry(root).or_default().1.push(*v);
    }
    let mut grids = Vec::new();
    for (_, (h, v)) in groups {
        if h.len() < 2 || v.len() < 2 {
            continue;
        }
        let xs = cluster(v.iter().map(|r| r.x0));
        let mut ys = cluster(h.iter().map(|r| r.y0));
        ys.reverse();
        if xs.len() < 3 || ys.len() < 2 {
            // One column: a box around text (a 专栏), not a table.
            continue;
        }
        grids.push(Grid {
            xs,
            ys,
            verticals: v,
        });
    }
    grids
}

/// Sorted distinct positions, those within TOL of each other as one.
fn cluster(values: impl Iterator<Item = f32>) -> Vec<f32> {
    let mut v: Vec<f32> = values.collect();
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for x in v {
        match out.last() {
            Some(&last) if x - last <= TOL => {}
            _ => out.push(x),
        }
    }
    out
}

/// What [`join_pages`] hands on: items with page breaks between pages.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Line(String),
    Table(Vec<Vec<String>>),
    PageBreak,
}

/// The document's pages → items in reading order, with positional page
/// furniture dropped and tables continued across pages joined. Returns
/// the items and how many furniture lines were dropped.
pub fn join_pages(mut pages: Vec<Page>) -> (Vec<Item>, usize) {
    let dropped = drop_margin_furniture(&mut pages);
    for page in &mut pages {
        page.items = join_wrapped(std::mem::take(&mut page.items));
    }
    let mut out: Vec<Item> = Vec::new();
    // The open table: its index in `out`, columns and column count.
    let mut open: Option<(usize, Vec<f32>)> = None;
    for (p, page) in pages.into_iter().enumerate() {
        if p > 0 {
            out.push(Item::PageBreak);
        }
        let last_table = page
            .items
            .iter()
            .rposition(|i| matches!(i, PageItem::Table(_)));
        let first_content = page.items.iter().position(|_| true);
        for (k, item) in page.items.into_iter().enumerate() {
            match item {
                PageItem::Line(l) => out.push(Item::Line(l.text)),
                PageItem::Table(t) => {
                    let continues = first_content == Some(k)
                        && open
                            .as_ref()
                            .is_some_and(|(_, cols)| same_columns(cols, &t.columns));
                    if continues && let Some((at, _)) = &open {
                        if let Item::Table(rows) = &mut out[*at] {
                            continue_table(rows, t.rows);
                        }
                    } else {
                        out.push(Item::Table(t.rows));
                        open = Some((out.len() - 1, t.columns.clone()));
                    }
                    if Some(k) != last_table {
                        open = None;
                    }
                    continue;
                }
            }
            // Text after the page's last table closes it.
            if last_table.is_some_and(|t| k > t) || last_table.is_none() {
                open = None;
            }
        }
    }
    (out, dropped)
}

fn same_columns(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 4.0)
}

/// Appends a continuation's rows: a repeated header (one row or several)
/// is dropped, and a first row with an empty first cell (while the row
/// before it has one) is the rest of that row, cut by the page break (in a
/// cell listing units one a line, the break may fall between two).
fn continue_table(rows: &mut Vec<Vec<String>>, mut more: Vec<Vec<String>>) {
    // The header repeated: one row, or several (a parent label over its
    // sub-labels), equal to rows near the table's top (under a title row).
    let repeated = more.first().map_or(0, |first| {
        rows.iter()
            .take(4)
            .position(|r| r == first)
            .map_or(0, |at| {
                rows[at..]
                    .iter()
                    .zip(&more)
                    .take(3)
                    .take_while(|(a, b)| a == b)
                    .count()
            })
    });
    more.drain(..repeated);
    if let (Some(last), Some(first)) = (rows.last_mut(), more.first())
        && first.first().is_some_and(|c| c.is_empty())
        && last.first().is_some_and(|c| !c.is_empty())
        && first.len() == last.len()
    {
        let first = more.remove(0);
        for (cell, rest) in last.iter_mut().zip(first) {
            // One unit a line: the break may fall between two units.
            if lists(cell)
                && lists(&rest)
                && crate::extract::notes::may_end_and_begin_units(cell, &rest)
            {
                cell.push('\n');
            }
            cell.push_str(&rest);
        }
    }
    rows.extend(more);
}

/// Lines in the top or bottom margin that repeat at the same height on
/// other pages (digits aside: `— 3 —`, `第3页 共12页`) are dropped.
fn drop_margin_furniture(pages: &mut [Page]) -> usize {
    if pages.len() < 2 {
        return 0;
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .collect()
    };
    let in_margin = |page: &Page, l: &PageLine| {
        let rel = (l.y - page.bottom) / page.height.max(1.0);
        !(0.1..=0.9).contains(&rel)
    };
    // (key, height rounded) → pages it is on.
    let mut seen: std::collections::HashMap<(String, i32), usize> =
        std::collections::HashMap::new();
    for page in pages.iter() {
        let mut here = std::collections::HashSet::new();
        for item in &page.items {
            if let PageItem::Line(l) = item
                && in_margin(page, l)
            {
                here.insert((key(&l.text), (l.y / 4.0).round() as i32));
            }
        }
        for k in here {
            *seen.entry(k).or_default() += 1;
        }
    }
    let needed = (pages.len() / 2).max(2);
    let mut dropped = 0;
    for page in pages.iter_mut() {
        let (bottom, height) = (page.bottom, page.height);
        page.items.retain(|item| {
            let PageItem::Line(l) = item else {
                return true;
            };
            let rel = (l.y - bottom) / height.max(1.0);
            if (0.1..=0.9).contains(&rel) {
                return true;
            }
            let k = (key(&l.text), (l.y / 4.0).round() as i32);
            let furniture = seen.get(&k).is_some_and(|&n| n >= needed)
                || crate::extract::furniture::is_page_number(&l.text);
            dropped += usize::from(furniture);
            !furniture
        });
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_in_two_columns_is_read_column_by_column() {
        // A title across the page, then two columns of ten lines whose
        // baselines do not line up.
        let mut all = glyphs(
            "澄川市人民政府公报二〇二六年第三期目录与正文",
            60.0,
            800.0,
            14.0,
        );
        for k in 0..10 {
            let y = 760.0 - k as f32 * 16.0;
            all.extend(glyphs(
                &format!("左栏第{k}行文字内容较长用于排版"),
                50.0,
                y,
                10.0,
            ));
            all.extend(glyphs(
                &format!("右栏第{k}行文字内容较长用于排版"),
                320.0,
                y - 5.0,
                10.0,
            ));
        }
        let refs: Vec<&Glyph> = all.iter().collect();
        let texts: Vec<String> = column_lines(&refs)
            .expect("two columns")
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(texts[0], "澄川市人民政府公报二〇二六年第三期目录与正文");
        assert_eq!(texts[1], "左栏第0行文字内容较长用于排版");
        assert_eq!(texts[10], "左栏第9行文字内容较长用于排版");
        assert_eq!(texts[11], "右栏第0行文字内容较长用于排版");
        assert_eq!(texts.len(), 21);
        // One column of the same lines is no two-column page.
        let one: Vec<Glyph> = (0..20)
            .flat_map(|k| {
                glyphs(
                    "一栏文字从左到右排满整个版心宽度的一行正文内容",
                    50.0,
                    760.0 - k as f32 * 16.0,
                    10.0,
                )
            })
            .collect();
        let refs: Vec<&Glyph> = one.iter().collect();
        assert!(column_lines(&refs).is_none());
    }

    fn glyphs(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c,
                x: x + i as f32 * size,
                y,
                width: size,
                size,
            })
            .collect()
    }

    #[test]
    fn baselines_make_lines_and_wide_gaps_spaces() {
        let mut g = glyphs("一、总体要求", 72.0, 700.0, 16.0);
        g.extend(glyphs("到2025年", 72.0, 670.0, 16.0));
        g.extend(glyphs("牵头", 300.0, 670.5, 16.0));
        let content = PageContent {
            glyphs: g,
            media: (0.0, 0.0, 595.0, 842.0),
            ..Default::default()
        };
        let p = page(&content);
        let texts: Vec<String> = p
            .items
            .iter()
            .map(|i| match i {
                PageItem::Line(l) => l.text.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(texts[0], "一、总体要求");
        assert!(texts[1].starts_with("到2025年  "), "{}", texts[1]);
        assert!(texts[1].ends_with("牵头"));
    }

    fn ruled_table(cells: &[&[&str]], top: f32) -> PageContent {
        let xs = [50.0, 100.0, 300.0, 450.0];
        let row_h = 40.0;
        let mut content = PageContent {
            media: (0.0, 0.0, 595.0, 842.0),
            ..Default::default()
        };
        for (r, row) in cells.iter().enumerate() {
            let y_top = top - r as f32 * row_h;
            for (c, text) in row.iter().enumerate() {
                content
                    .glyphs
                    .extend(glyphs(text, xs[c] + 3.0, y_top - 25.0, 12.0));
            }
        }
        let bottom = top - cells.len() as f32 * row_h;
        for r in 0..=cells.len() {
            let y = top - r as f32 * row_h;
            content.rules.push(Rule {
                x0: xs[0],
                y0: y,
                x1: xs[3],
                y1: y,
            });
        }
        for x in xs {
            content.rules.push(Rule {
                x0: x,
                y0: bottom,
                x1: x,
                y1: top,
            });
        }
        content
    }

    #[test]
    fn ruled_cells_are_a_table() {
        let content = ruled_table(
            &[
                &["序号", "重点任务", "牵头单位"],
                &["1", "修路", "县交通局"],
            ],
            700.0,
        );
        let p = page(&content);
        let [PageItem::Table(t)] = p.items.as_slice() else {
            panic!("{:?}", p.items)
        };
        assert_eq!(t.rows[1], vec!["1", "修路", "县交通局"]);
    }

    #[test]
    fn a_table_over_a_page_break_is_one_with_its_split_row_joined() {
        let one = page(&ruled_table(
            &[&["序号", "重点任务", "牵头单位"], &["1", "修路", "县交通"]],
            200.0,
        ));
        let two = page(&ruled_table(
            &[
                &["序号", "重点任务", "牵头单位"],
                &["", "", "局"],
                &["2", "建桥", "县住建局"],
            ],
            780.0,
        ));
        let (items, _) = join_pages(vec![one, two]);
        let tables: Vec<&Vec<Vec<String>>> = items
            .iter()
            .filter_map(|i| match i {
                Item::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 1);
        assert_eq!(
            tables[0],
            &vec![
                vec!["序号".to_string(), "重点任务".into(), "牵头单位".into()],
                vec!["1".into(), "修路".into(), "县交通局".into()],
                vec!["2".into(), "建桥".into(), "县住建局".into()],
            ]
        );
        assert!(items.contains(&Item::PageBreak));
    }
}
