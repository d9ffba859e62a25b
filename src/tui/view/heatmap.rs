//! The responsibility matrix as a heat map: units × plans (or units × the
//! goals of one plan), each cell `牵头/配合`, shaded by how many tasks it
//! holds relative to the other cells, with row and column totals. The
//! model ([`HeatMap`]) owns the [`Matrix`], its order, the cursor and the
//! scroll in both directions; [`heat_lines`] makes the lines of the cells
//! on screen only, so a matrix of hundreds of units and thousands of goals
//! draws as fast as a small one. Built by a background job
//! ([`HeatMap::new`] over [`Matrix::build`]).

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::Ctx;
use super::labels::doc_tag;
use super::tree_model::keep_visible;
use crate::matrix::{By, Column, Count, Matrix, Sort};
use crate::query::UnitPos;
use crate::text;
use crate::tui::i18n::Strings;

/// Lines above the table: what it shows and the cell under the cursor.
const INFO_LINES: usize = 2;
/// The header row and the totals row.
const FRAME_LINES: usize = 2;
/// Widest a column of counts gets (its label is cut to fit).
const MAX_COLUMN: usize = 14;

#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    pub matrix: Matrix,
    pub sort: Sort,
    /// The cursor's row (a unit) and column; `col == columns.len()` is
    /// the totals column.
    pub row: usize,
    pub col: usize,
    pub scroll_row: usize,
    pub scroll_col: usize,
    /// Non-zero cell totals, ascending: a cell's tier is its percentile.
    ranked: Vec<u32>,
    /// Display width of each column of counts, separator included.
    widths: Vec<usize>,
    /// The widest unit name.
    name_width: usize,
    total_width: usize,
}

/// `3/2`, or `·` for an empty cell.
pub fn cell_text(c: Count) -> String {
    if c.total() == 0 {
        "·".to_owned()
    } else {
        format!("{}/{}", c.lead, c.partner)
    }
}

/// How each order is named.
pub fn sort_label(s: &Strings, sort: Sort) -> &'static str {
    match sort {
        Sort::Total => s.sort_total,
        Sort::Lead => s.sort_lead,
        Sort::Partner => s.sort_partner,
        Sort::LeastLead => s.sort_least_lead,
        Sort::Name => s.sort_name,
        Sort::Column(_) => s.sort_column,
    }
}

/// Where the table's parts go in a given width: the name column, the
/// columns of counts shown (index, x offset from the left, width) and the
/// totals column's x offset.
struct Columns {
    name: usize,
    shown: Vec<(usize, usize, usize)>,
    total_x: usize,
}

impl HeatMap {
    pub fn new(matrix: Matrix) -> HeatMap {
        let mut ranked: Vec<u32> = matrix
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.total()))
            .filter(|&n| n > 0)
            .collect();
        ranked.sort_unstable();
        let widths = matrix
            .columns
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let cells = matrix
                    .rows
                    .iter()
                    .map(|r| text::width(&cell_text(r.cells[i])))
                    .max()
                    .unwrap_or(1);
                let total = text::width(&cell_text(col.total));
                let label = text::width(&col.label);
                (cells.max(total).max(label).min(MAX_COLUMN)) + 1
            })
            .collect();
        let name_width = matrix
            .rows
            .iter()
            .map(|r| text::width(&r.name))
            .max()
            .unwrap_or(0);
        let total_width = text::width(&cell_text(matrix.total)).max(4) + 1;
        let sort = Sort::Total;
        HeatMap {
            matrix,
            sort,
            row: 0,
            col: 0,
            scroll_row: 0,
            scroll_col: 0,
            ranked,
            widths,
            name_width,
            total_width,
        }
    }

    pub fn by(&self) -> By {
        self.matrix.by
    }

    /// 0 (lightest) to 3: the share of non-empty cells holding fewer
    /// tasks — half, three quarters, nine tenths. `None` for an empty cell.
    pub fn tier(&self, n: u32) -> Option<usize> {
        if n == 0 || self.ranked.is_empty() {
            return None;
        }
        let below = self.ranked.partition_point(|&x| x < n) as f64 / self.ranked.len() as f64;
        Some(match below {
            p if p >= 0.9 => 3,
            p if p >= 0.75 => 2,
            p if p >= 0.5 => 1,
            _ => 0,
        })
    }

    /// The unit of the cursor's row.
    pub fn unit(&self) -> Option<UnitPos> {
        self.matrix.rows.get(self.row).map(|r| UnitPos::new(r.unit))
    }

    /// The column under the cursor (`None` on the totals column).
    pub fn column(&self) -> Option<&Column> {
        self.matrix.columns.get(self.col)
    }

    pub fn move_row(&mut self, delta: isize) {
        let n = self.matrix.rows.len();
        if n > 0 {
            self.row = (self.row as isize)
                .saturating_add(delta)
                .clamp(0, n as isize - 1) as usize;
        }
    }

    /// Left and right, the totals column last.
    pub fn move_col(&mut self, delta: isize) {
        let n = self.matrix.columns.len();
        self.col = (self.col as isize)
            .saturating_add(delta)
            .clamp(0, n as isize) as usize;
    }

    /// Orders the rows, keeping the cursor on its unit.
    pub fn set_sort(&mut self, sort: Sort) {
        let unit = self.unit();
        self.sort = sort;
        self.matrix.sort(sort);
        self.focus(unit.map(UnitPos::index), None);
    }

    /// The next order: most tasks, most led, most partnered, fewest led,
    /// by name, by the cursor's column, and round again.
    pub fn cycle_sort(&mut self) {
        let on_column = self.col < self.matrix.columns.len();
        let next = match self.sort {
            Sort::Total => Sort::Lead,
            Sort::Lead => Sort::Partner,
            Sort::Partner => Sort::LeastLead,
            Sort::LeastLead => Sort::Name,
            Sort::Name if on_column => Sort::Column(self.col),
            Sort::Name | Sort::Column(_) => Sort::Total,
        };
        self.set_sort(next);
    }

    /// Puts the cursor on a unit's row and on the column of a document or
    /// goal position, where they are in the matrix.
    pub fn focus(&mut self, unit: Option<usize>, column: Option<usize>) {
        if let Some(r) = unit.and_then(|u| self.matrix.rows.iter().position(|r| r.unit == u)) {
            self.row = r;
        }
        if let Some(c) =
            column.and_then(|p| self.matrix.columns.iter().position(|col| col.position == p))
        {
            self.col = c;
        }
        self.move_row(0);
        self.move_col(0);
    }

    /// Rows of units that fit a body of `height` lines.
    pub fn body_rows(height: usize) -> usize {
        height.saturating_sub(INFO_LINES + FRAME_LINES).max(1)
    }

    /// Scrolls both ways so the cursor's cell is inside `width`×`height`.
    pub fn keep_visible(&mut self, width: usize, height: usize) {
        keep_visible(self.row, &mut self.scroll_row, Self::body_rows(height));
        let n = self.matrix.columns.len();
        if self.col >= n {
            return;
        }
        if self.col < self.scroll_col {
            self.scroll_col = self.col;
        }
        let room = width.saturating_sub(self.name_column(width) + self.total_width);
        while self.scroll_col < self.col
            && self.widths[self.scroll_col..=self.col]
                .iter()
                .sum::<usize>()
                > room
        {
            self.scroll_col += 1;
        }
        self.scroll_col = self.scroll_col.min(n.saturating_sub(1));
    }

    fn name_column(&self, width: usize) -> usize {
        (self.name_width.max(4) + 1).min((width * 2 / 5).max(8))
    }

    fn columns(&self, width: usize) -> Columns {
        let name = self.name_column(width);
        let room = width.saturating_sub(name + self.total_width);
        let mut shown = Vec::new();
        let mut x = name;
        for (i, &w) in self.widths.iter().enumerate().skip(self.scroll_col) {
            // At least one column, cut if it must be.
            if x + w > name + room && !shown.is_empty() {
                break;
            }
            let w = w.min(name + room - x.min(name + room));
            shown.push((i, x, w));
            x += w;
        }
        Columns {
            name,
            shown,
            total_x: x,
        }
    }

    /// The cell at a position of the table drawn in `area` (a click): the
    /// row and column, or `None` outside the cells.
    pub fn cell_at(&self, area: Rect, x: u16, y: u16) -> Option<(usize, usize)> {
        if !area.contains(ratatui::layout::Position::new(x, y)) {
            return None;
        }
        let line = (y - area.y) as usize;
        let first = INFO_LINES + 1;
        let body = Self::body_rows(area.height as usize);
        if line < first || line >= first + body {
            return None;
        }
        let row = self.scroll_row + line - first;
        if row >= self.matrix.rows.len() {
            return None;
        }
        let dx = (x - area.x) as usize;
        let cols = self.columns(area.width as usize);
        let col = if dx >= cols.total_x + self.total_width {
            return None;
        } else if dx >= cols.total_x {
            self.matrix.columns.len()
        } else {
            cols.shown
                .iter()
                .find(|&&(_, cx, w)| dx >= cx && dx < cx + w)?
                .0
        };
        Some((row, col))
    }
}

/// Pads (or cuts) `s` to exactly `w` columns, right-aligned when `right`.
fn fit(s: &str, w: usize, right: bool) -> String {
    let cut = text::truncate_to_width(s, w);
    let pad = " ".repeat(w - text::width(cut));
    if right {
        format!("{pad}{cut}")
    } else {
        format!("{cut}{pad}")
    }
}

/// The whole view at `width`×`height`: two lines of information, then
/// the header row, the units on screen and the totals row.
pub fn heat_lines(ctx: &Ctx, m: &HeatMap, width: usize, height: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let theme = ctx.theme;
    let mx = &m.matrix;
    let by = match mx.by {
        By::Doc => s.by_doc.to_owned(),
        By::Goal(d) => {
            let doc = c.documents().get(d);
            format!(
                "{} · [{}] {}",
                s.by_goal,
                doc.map_or("?", |d| doc_tag(&d.id.0)),
                doc.map_or("", |d| d.title.as_str())
            )
        }
    };
    let order = match m.sort {
        Sort::Column(i) => format!(
            "{} ({})",
            s.sort_column,
            mx.columns.get(i).map_or("", |c| c.label.as_str())
        ),
        other => sort_label(s, other).to_owned(),
    };
    let info = format!(
        "{by} · {} {} · {} {} · {}: {order} · {}",
        mx.rows.len(),
        s.unit,
        mx.columns.len(),
        match mx.by {
            By::Doc => s.docs,
            By::Goal(_) => s.goal,
        },
        s.order,
        s.cell_legend
    );
    let mut lines = vec![Line::from(Span::styled(
        text::truncate_to_width(&info, width).to_owned(),
        theme.title,
    ))];
    if mx.rows.is_empty() {
        lines.push(Line::from(Span::styled(s.no_matrix, theme.dim)));
        return lines;
    }
    // What the cursor is on.
    let here = mx.rows.get(m.row).map(|r| {
        let (label, count) = match mx.columns.get(m.col) {
            Some(col) => (format!("{} {}", col.label, col.title), r.cells[m.col]),
            None => (s.total.to_owned(), r.total),
        };
        format!(
            "{} × {label}: {} {} · {} {}",
            r.name, s.role_lead, count.lead, s.role_partner, count.partner
        )
    });
    lines.push(Line::from(Span::styled(
        text::truncate_to_width(&here.unwrap_or_default(), width).to_owned(),
        theme.lead,
    )));
    let cols = m.columns(width);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    // The totals right after the columns shown; blank to the edge.
    let total_w = m.total_width.min(width.saturating_sub(cols.total_x));
    let rest = " ".repeat(width.saturating_sub(cols.total_x + total_w));
    // The header row.
    let mut head = vec![Span::styled(
        fit(&format!("{} ({})", s.unit, mx.rows.len()), cols.name, false),
        bold,
    )];
    for &(i, _, w) in &cols.shown {
        let st = if i == m.col { theme.title } else { bold };
        head.push(Span::styled(fit(&mx.columns[i].label, w, true), st));
    }
    let total_st = if m.col >= mx.columns.len() {
        theme.title
    } else {
        bold
    };
    head.push(Span::styled(fit(s.total, total_w, true), total_st));
    head.push(Span::raw(rest.clone()));
    lines.push(Line::from(head));
    // The units on screen.
    let body = HeatMap::body_rows(height);
    for (r, row) in mx.rows.iter().enumerate().skip(m.scroll_row).take(body) {
        let name_st = if r == m.row {
            theme.title
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(fit(&row.name, cols.name, false), name_st)];
        for &(i, _, w) in &cols.shown {
            let n = row.cells[i];
            let st = if r == m.row && i == m.col {
                theme.selected
            } else {
                m.tier(n.total())
                    .map_or(theme.dim, |t| theme.ledger.heat[t])
            };
            spans.push(Span::styled(fit(&cell_text(n), w, true), st));
        }
        let st = if r == m.row && m.col >= mx.columns.len() {
            theme.selected
        } else {
            bold
        };
        spans.push(Span::styled(fit(&cell_text(row.total), total_w, true), st));
        spans.push(Span::raw(rest.clone()));
        lines.push(Line::from(spans));
    }
    // Blank rows down to the totals, which stay at the bottom.
    while lines.len() < INFO_LINES + 1 + body {
        lines.push(Line::from(""));
    }
    let mut foot = vec![Span::styled(fit(s.total, cols.name, false), bold)];
    for &(i, _, w) in &cols.shown {
        foot.push(Span::styled(
            fit(&cell_text(mx.columns[i].total), w, true),
            bold,
        ));
    }
    foot.push(Span::styled(fit(&cell_text(mx.total), total_w, true), bold));
    foot.push(Span::raw(rest));
    lines.push(Line::from(foot));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskData;
    use crate::query::Catalog;

    fn map() -> (Catalog, HeatMap) {
        let c = Catalog::new(
            TaskData::from_json(include_str!("../../../tests/fixtures/small.json")).unwrap(),
        );
        let m = HeatMap::new(Matrix::build(&c, By::Doc));
        (c, m)
    }

    #[test]
    fn tiers_are_percentiles_of_the_non_empty_cells() {
        let (_, mut m) = map();
        // Nine cells of one task and one of five: the five is the top tier.
        m.ranked = vec![1, 1, 1, 1, 1, 1, 1, 1, 1, 5];
        assert_eq!(m.tier(5), Some(3));
        assert_eq!(m.tier(1), Some(0));
        assert_eq!(m.tier(0), None);
        // Every cell alike: none stands out.
        m.ranked = vec![2; 10];
        assert_eq!(m.tier(2), Some(0));
        m.ranked = vec![1, 2, 3, 4];
        assert_eq!(m.tier(3), Some(1));
        assert_eq!(m.tier(4), Some(2));
    }

    #[test]
    fn sorting_keeps_the_cursor_on_its_unit_and_cycles_back() {
        let (_, mut m) = map();
        m.move_row(2);
        let unit = m.unit();
        let mut seen = vec![m.sort];
        for _ in 0..6 {
            m.cycle_sort();
            assert_eq!(m.unit(), unit, "{:?}", m.sort);
            seen.push(m.sort);
        }
        assert_eq!(
            seen,
            [
                Sort::Total,
                Sort::Lead,
                Sort::Partner,
                Sort::LeastLead,
                Sort::Name,
                Sort::Column(0),
                Sort::Total
            ]
        );
    }

    #[test]
    fn the_cursor_scrolls_into_view_both_ways() {
        let (_, mut m) = map();
        m.move_row(isize::MAX / 2);
        m.keep_visible(60, 6);
        assert!(m.scroll_row + HeatMap::body_rows(6) > m.row);
        assert!(m.scroll_row <= m.row);
        m.move_col(isize::MAX / 2);
        assert_eq!(m.col, m.matrix.columns.len(), "the totals column is last");
    }
}
