//! What the coverage view shows (a higher plan against the plans below
//! it, `crate::overlap::coverage`), as pure functions: which plans lie
//! below which ([`PlanLevels`]), the higher tasks grouped by goal with
//! counts per status ([`CoverageList`]), and the lines of its head, its
//! list, the selected task's evidence, and the document summary's line
//! that offers the view.
//!
//! Statuses are told apart by their words (已落实, 部分落实, 未落实), not
//! only by colour, so the view reads the same with `NO_COLOR`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Ctx;
use super::labels::{coverage_label, doc_label, relation_label, task_label};
use super::text::{styled_wrap, wrapped};
use crate::overlap::coverage::{Coverage, CoverageItem, CoverageStatus, plans_below};
use crate::overlap::places::Scope;
use crate::query::{Catalog, DocPos, GoalPos, TaskPos};
use crate::text;
use crate::tui::theme::Theme;

/// Which plans lie below which: for each document, the documents whose
/// jurisdiction lies within its own (those coverage compares it with).
/// Computed once per catalog, from the regions alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanLevels {
    below: Vec<Vec<DocPos>>,
}

impl PlanLevels {
    pub fn of(c: &Catalog) -> PlanLevels {
        PlanLevels {
            below: plans_below(c.data())
                .into_iter()
                .map(|ds| ds.into_iter().map(DocPos::new).collect())
                .collect(),
        }
    }

    /// The plans below document `d`, in document order.
    pub fn below(&self, d: DocPos) -> &[DocPos] {
        self.below.get(d.index()).map_or(&[], Vec::as_slice)
    }
}

/// How many higher tasks have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub taken_up: u32,
    pub partly: u32,
    pub not_taken_up: u32,
}

impl StatusCounts {
    pub fn add(&mut self, s: CoverageStatus) {
        *self.get_mut(s) += 1;
    }

    pub fn get(&self, s: CoverageStatus) -> u32 {
        match s {
            CoverageStatus::TakenUp => self.taken_up,
            CoverageStatus::Partly => self.partly,
            CoverageStatus::NotTakenUp => self.not_taken_up,
        }
    }

    fn get_mut(&mut self, s: CoverageStatus) -> &mut u32 {
        match s {
            CoverageStatus::TakenUp => &mut self.taken_up,
            CoverageStatus::Partly => &mut self.partly,
            CoverageStatus::NotTakenUp => &mut self.not_taken_up,
        }
    }
}

/// The statuses in the order the view lists and counts them.
pub const STATUSES: [CoverageStatus; 3] = [
    CoverageStatus::TakenUp,
    CoverageStatus::Partly,
    CoverageStatus::NotTakenUp,
];

/// One row of the coverage list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CoverageRow {
    /// A goal of the higher plan, with the counts of all its concerned
    /// tasks (whatever the status filter shows).
    Goal { goal: GoalPos, counts: StatusCounts },
    /// A higher task: `item` is its place in `Coverage::items`.
    Task { item: usize, task: TaskPos },
}

/// The higher tasks grouped by goal (goals in order of their first task),
/// the ones with status `only` when it is given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CoverageList {
    pub rows: Vec<CoverageRow>,
    /// Where the task rows are in `rows`, in order: the cursor moves over
    /// tasks only.
    pub task_rows: Vec<usize>,
    /// Counts over every concerned task.
    pub totals: StatusCounts,
}

impl CoverageList {
    pub fn of(c: &Catalog, cov: &Coverage, only: Option<CoverageStatus>) -> CoverageList {
        /// A goal, its counts, and its items shown (item, task).
        type Group = (GoalPos, StatusCounts, Vec<(usize, TaskPos)>);
        // Goals in order of first appearance.
        let mut goals: Vec<Group> = Vec::new();
        let mut totals = StatusCounts::default();
        for (i, item) in cov.items.iter().enumerate() {
            let Some(t) = c.task_pos(&item.task) else {
                continue;
            };
            let g = c.task_goal(t);
            let k = match goals.iter().position(|(x, _, _)| *x == g) {
                Some(k) => k,
                None => {
                    goals.push((g, StatusCounts::default(), Vec::new()));
                    goals.len() - 1
                }
            };
            goals[k].1.add(item.status);
            totals.add(item.status);
            if only.is_none_or(|s| s == item.status) {
                goals[k].2.push((i, t));
            }
        }
        let mut list = CoverageList {
            totals,
            ..CoverageList::default()
        };
        for (goal, counts, items) in goals {
            if items.is_empty() {
                continue;
            }
            list.rows.push(CoverageRow::Goal { goal, counts });
            for (item, task) in items {
                list.task_rows.push(list.rows.len());
                list.rows.push(CoverageRow::Task { item, task });
            }
        }
        list
    }

    /// The item of the task under cursor `i` (an index into `task_rows`).
    pub fn item_at(&self, i: usize) -> Option<(usize, TaskPos)> {
        match self.rows.get(*self.task_rows.get(i)?)? {
            CoverageRow::Task { item, task } => Some((*item, *task)),
            CoverageRow::Goal { .. } => None,
        }
    }

    /// The first row to show so that the row of cursor `i` is on screen,
    /// with its goal's header when there is room, moving as little as
    /// possible from `scroll`.
    pub fn scroll_for(&self, i: usize, scroll: usize, height: usize) -> usize {
        let Some(&row) = self.task_rows.get(i) else {
            return 0;
        };
        let h = height.max(1);
        // Its goal's header: the nearest goal row above.
        let header = self.rows[..row]
            .iter()
            .rposition(|r| matches!(r, CoverageRow::Goal { .. }))
            .unwrap_or(row);
        let top = if row - header < h { header } else { row };
        if top < scroll {
            top
        } else if row >= scroll + h {
            row + 1 - h
        } else {
            scroll
        }
    }
}

/// The colour of a status; the words carry the meaning without it.
pub fn status_style(theme: &Theme, s: CoverageStatus) -> Style {
    match s {
        CoverageStatus::TakenUp => theme.ok,
        CoverageStatus::Partly => theme.lead,
        CoverageStatus::NotTakenUp => theme.error,
    }
}

/// `已落实 15 · 部分落实 12 · 未落实 44`, each in its status's style.
fn count_spans(ctx: &Ctx, counts: &StatusCounts) -> Vec<Span<'static>> {
    let s = ctx.s();
    let mut spans = Vec::new();
    for (i, st) in STATUSES.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(
            format!("{} {}", coverage_label(s, st), counts.get(st)),
            status_style(ctx.theme, st),
        ));
    }
    spans
}

/// The lines above the list: the plans compared, then (once computed)
/// how many tasks concern the lower places, by status.
pub fn head_lines(
    ctx: &Ctx,
    higher: DocPos,
    lower: &[DocPos],
    result: Option<(&Coverage, &CoverageList)>,
    w: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let name = |d: DocPos| c.document(d).map_or_else(String::new, doc_label);
    let against = match lower {
        [one] => name(*one),
        many => format!("{} {}", many.len(), s.cov_lower_plans),
    };
    let first = format!("{} · {} {against}", name(higher), s.cov_against);
    let mut lines: Vec<Line> = wrapped(&first, w, ctx.theme.title).collect();
    if let Some((cov, list)) = result {
        let t = &list.totals;
        let concerned = t.taken_up + t.partly + t.not_taken_up;
        let mut spans = vec![Span::raw(format!("{} {concerned}: ", s.cov_concerned))];
        spans.extend(count_spans(ctx, t));
        if !cov.out_of_scope.is_empty() {
            spans.push(Span::styled(
                format!(" · {} {}", s.cov_elsewhere, cov.out_of_scope.len()),
                ctx.theme.dim,
            ));
        }
        lines.extend(wrap_spans(spans, w));
    }
    lines
}

/// Wraps styled spans by display width, each piece keeping its style.
fn wrap_spans(spans: Vec<Span<'static>>, w: usize) -> Vec<Line<'static>> {
    let joined: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let mut layers: Vec<(Vec<(usize, usize)>, Style)> = Vec::new();
    let mut at = 0;
    for sp in &spans {
        let n = sp.content.chars().count();
        layers.push((vec![(at, at + n)], sp.style));
        at += n;
    }
    let refs: Vec<(&[(usize, usize)], Style)> =
        layers.iter().map(|(r, st)| (r.as_slice(), *st)).collect();
    styled_wrap(&joined, w.max(2), &refs)
}

/// The list's rows from `scroll`, `height` of them, `width` wide; the
/// task row at `cursor_row` is selected.
pub fn list_lines(
    ctx: &Ctx,
    cov: &Coverage,
    list: &CoverageList,
    cursor_row: Option<usize>,
    scroll: usize,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let theme = ctx.theme;
    // Status words padded to one width, so the titles line up.
    let label_w = STATUSES
        .iter()
        .map(|&st| text::width(coverage_label(s, st)))
        .max()
        .unwrap_or(0);
    list.rows
        .iter()
        .enumerate()
        .skip(scroll)
        .take(height)
        .map(|(i, row)| match *row {
            CoverageRow::Goal { goal, counts } => {
                let title = ctx.cat.goal(goal).map_or("?", |g| g.title.as_str());
                goal_line(ctx, title, &counts, width)
            }
            CoverageRow::Task { item, task } => {
                let it = &cov.items[item];
                let selected = cursor_row == Some(i);
                let base = if selected {
                    theme.selected
                } else {
                    Style::new()
                };
                let label = coverage_label(s, it.status);
                let pad = " ".repeat(label_w.saturating_sub(text::width(label)));
                let right = it
                    .takers
                    .first()
                    .map_or_else(|| "-".to_owned(), |t| format!("{:.2}", t.score));
                let title = super::labels::numbered_title(ctx.cat.task(task));
                let lead = 2 + label_w + 1;
                let room = width.saturating_sub(lead + text::width(&right) + 1);
                let shown = text::truncate_to_width(&title, room).to_owned();
                let fill = width.saturating_sub(lead + text::width(&shown) + text::width(&right));
                let status = if selected {
                    base
                } else {
                    status_style(theme, it.status)
                };
                Line::from(vec![
                    Span::styled("  ", base),
                    Span::styled(format!("{label}{pad}"), status),
                    Span::styled(" ", base),
                    Span::styled(shown, base),
                    Span::styled(" ".repeat(fill), base),
                    Span::styled(right, base.patch(theme.count)),
                ])
            }
        })
        .collect()
}

/// A goal's row: its title in bold, its counts by status on the right
/// (`3 · 1 · 2` in the order of the head line when the words do not fit).
fn goal_line(ctx: &Ctx, title: &str, counts: &StatusCounts, width: usize) -> Line<'static> {
    let theme = ctx.theme;
    let long = count_spans(ctx, counts);
    let long_w: usize = long.iter().map(|s| text::width(&s.content)).sum();
    let right: Vec<Span<'static>> = if long_w * 2 <= width {
        long
    } else {
        let mut v = Vec::new();
        for (i, st) in STATUSES.into_iter().enumerate() {
            if i > 0 {
                v.push(Span::raw(" · "));
            }
            v.push(Span::styled(
                counts.get(st).to_string(),
                status_style(theme, st),
            ));
        }
        v
    };
    let right_w: usize = right.iter().map(|s| text::width(&s.content)).sum();
    let room = width.saturating_sub(right_w + 1);
    let shown = text::truncate_to_width(title, room).to_owned();
    let fill = width.saturating_sub(text::width(&shown) + right_w);
    let mut spans = vec![
        Span::styled(shown, theme.title),
        Span::raw(" ".repeat(fill)),
    ];
    if right_w < width {
        spans.extend(right);
    }
    Line::from(spans)
}

/// Why a task concerns the lower places, in words.
fn scope_label(ctx: &Ctx, scope: Scope) -> &'static str {
    let s = ctx.s();
    match scope {
        Scope::Named => s.cov_named,
        Scope::Subregion => s.cov_subregion,
        Scope::WholeArea => s.cov_whole,
    }
}

/// The evidence for one higher task: its title, status and places, the
/// lower tasks that take it up (score, relation, shared terms), then its
/// text.
pub fn item_lines(ctx: &Ctx, item: &CoverageItem, task: TaskPos, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let theme = ctx.theme;
    let w = w.max(2);
    let mut lines: Vec<Line> = wrapped(&task_label(c, task), w, theme.title).collect();
    let places: Vec<String> = item
        .places
        .iter()
        .map(|r| {
            c.region_pos(r)
                .and_then(|p| c.region(p))
                .map_or_else(|| r.0.clone(), |x| x.name.clone())
        })
        .collect();
    lines.extend(wrap_spans(
        vec![
            Span::styled(
                coverage_label(s, item.status).to_owned(),
                status_style(theme, item.status),
            ),
            Span::raw(format!(
                " · {} {}({})",
                s.cov_concerns,
                places.join("、"),
                scope_label(ctx, item.scope)
            )),
        ],
        w,
    ));
    lines.push(Line::from(""));
    if item.takers.is_empty() {
        lines.extend(wrapped(s.cov_no_takers, w, theme.dim));
    } else {
        lines.push(Line::from(Span::styled(s.cov_takers, theme.title)));
        for t in &item.takers {
            let label = c
                .task_pos(&t.task)
                .map_or_else(|| t.task.0.clone(), |p| task_label(c, p));
            lines.extend(wrapped(
                &format!("{:.2} {} {label}", t.score, relation_label(s, t.relation)),
                w,
                Style::new(),
            ));
            if !t.shared.is_empty() {
                let terms: Vec<&str> = t.shared.iter().map(|x| x.term.as_str()).collect();
                lines.extend(wrapped(
                    &format!("  {}: {}", s.shared_terms, terms.join("、")),
                    w,
                    theme.dim,
                ));
            }
        }
    }
    lines.push(Line::from(""));
    lines.extend(styled_wrap(&c.task(task).text, w, &[]));
    lines
}

/// The document summary's line about coverage: the key that opens the
/// view and the plans it compares with, or that the plan has none below
/// it. `key` is the key bound to the view (`None`: unbound).
pub fn summary_hint(
    ctx: &Ctx,
    levels: &PlanLevels,
    doc: DocPos,
    key: Option<String>,
    w: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let below = levels.below(doc);
    if below.is_empty() {
        return wrapped(
            &format!("{}: {}", s.coverage, s.cov_no_lower),
            w,
            ctx.theme.dim,
        )
        .collect();
    }
    let against = match below {
        [one] => c.document(*one).map_or_else(String::new, doc_label),
        many => format!("{} {}", many.len(), s.cov_lower_plans),
    };
    let mut spans = Vec::new();
    if let Some(k) = key {
        spans.push(Span::styled(format!("{k} "), ctx.theme.key));
    }
    spans.push(Span::styled(s.coverage.to_owned(), ctx.theme.title));
    spans.push(Span::raw(format!(": {} {against}", s.cov_against)));
    wrap_spans(spans, w)
}

/// The view's title: `落实情况 · [001]`, and the status filter when one is set.
pub fn view_title(ctx: &Ctx, higher: DocPos, only: Option<CoverageStatus>) -> String {
    let s = ctx.s();
    let tag = ctx
        .cat
        .document(higher)
        .map_or_else(String::new, |d| super::labels::doc_tag(&d.id.0).to_owned());
    match only {
        Some(st) => format!(
            "{} · [{tag}] · {}: {}",
            s.coverage,
            s.filters,
            coverage_label(s, st)
        ),
        None => format!("{} · [{tag}]", s.coverage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two goals: rows 0 (goal), 1–3 (tasks), 4 (goal), 5–9 (tasks).
    fn list() -> CoverageList {
        let goal = |g| CoverageRow::Goal {
            goal: GoalPos::new(g),
            counts: StatusCounts::default(),
        };
        let task = |i| CoverageRow::Task {
            item: i,
            task: TaskPos::new(i),
        };
        let rows = vec![
            goal(0),
            task(0),
            task(1),
            task(2),
            goal(1),
            task(3),
            task(4),
            task(5),
            task(6),
            task(7),
        ];
        CoverageList {
            task_rows: vec![1, 2, 3, 5, 6, 7, 8, 9],
            rows,
            totals: StatusCounts::default(),
        }
    }

    #[test]
    fn the_cursor_stays_on_screen_with_its_goal_when_there_is_room() {
        let l = list();
        // Moving down past the bottom scrolls by as little as needed.
        assert_eq!(l.scroll_for(2, 0, 4), 0);
        assert_eq!(l.scroll_for(3, 0, 4), 2);
        assert_eq!(l.scroll_for(7, 2, 4), 6);
        // Moving up to a goal's first task shows the goal's header too.
        assert_eq!(l.scroll_for(3, 6, 4), 4);
        assert_eq!(l.scroll_for(0, 3, 4), 0);
        // A task far below its header on a short screen: the task alone.
        assert_eq!(l.scroll_for(7, 9, 2), 9);
        // No rows: the top.
        assert_eq!(CoverageList::default().scroll_for(0, 5, 4), 0);
        assert_eq!(l.item_at(3), Some((3, TaskPos::new(3))));
        assert_eq!(l.item_at(8), None);
    }
}
