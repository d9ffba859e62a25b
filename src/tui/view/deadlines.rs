//! The deadline view: every task a unit leads or partners (or every task)
//! grouped as overdue / due within 30 days / within 90 days / later /
//! ongoing / none on a day, then what is already done or closed — the rows
//! of [`crate::due::view`], with the list's selection. Built by
//! [`build_due_list`], which runs over every task (a background job); the
//! lines are made for the rows on screen only. Also the 台账's words and
//! colours for buckets, statuses and days, which the task pane shares.

use chrono::NaiveDate;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::Ctx;
use super::labels::{numbered_title, task_label};
use super::tree_model::keep_visible;
use crate::deadline::Bucket;
use crate::due::{self, DueRow};
use crate::progress::{Shown, Tracker};
use crate::query::{Catalog, Hit, Involvement, TaskPos, UnitPos};
use crate::text;
use crate::tui::i18n::Strings;
use crate::tui::theme::Theme;

/// A group of the list: a deadline bucket, or the finished tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueGroup {
    Bucket(Bucket),
    /// 已完成 and 已销号: due no more.
    Finished,
}

/// A group's rows: `rows[start..start + len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupSpan {
    pub group: DueGroup,
    pub start: usize,
    pub len: usize,
}

/// A line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueLine {
    /// Index into [`DueList::groups`].
    Group(usize),
    /// Index into [`DueList::rows`].
    Task(usize),
}

/// The deadline view of one unit (or of every task) on one day.
#[derive(Debug, Clone)]
pub struct DueList {
    /// The unit whose tasks are shown; `None`: every task.
    pub unit: Option<UnitPos>,
    pub today: NaiveDate,
    /// The rows, group by group, in the order shown.
    pub rows: Vec<DueRow>,
    /// The rows' hits in the same order (what `e` exports).
    pub hits: Vec<Hit>,
    /// Every bucket (empty ones too), then the finished tasks if any.
    pub groups: Vec<GroupSpan>,
    pub lines: Vec<DueLine>,
    pub cursor: usize,
    pub scroll: usize,
}

/// The tasks `unit` leads, partners or is responsible for (through its
/// groups too, as `fengong due --unit` counts them: not those that only
/// mention it), or every task, grouped by deadline on `today`.
pub fn build_due_list(
    c: &Catalog,
    tracker: Option<&Tracker>,
    unit: Option<UnitPos>,
    today: NaiveDate,
) -> DueList {
    let hits: Vec<Hit> = match unit {
        Some(u) => c
            .duties(u)
            .into_iter()
            .filter(|h| h.involvement != Some(Involvement::Mentioned))
            .collect(),
        None => c
            .task_positions()
            .map(|task| Hit {
                task,
                involvement: None,
                via_group: None,
            })
            .collect(),
    };
    let view = due::view(c, &hits, tracker, today);
    let mut rows = Vec::with_capacity(hits.len());
    let mut groups = Vec::new();
    let mut lines = Vec::with_capacity(hits.len() + 7);
    let mut add = |group: DueGroup, members: Vec<DueRow>, rows: &mut Vec<DueRow>| {
        if group == DueGroup::Finished && members.is_empty() {
            return;
        }
        lines.push(DueLine::Group(groups.len()));
        groups.push(GroupSpan {
            group,
            start: rows.len(),
            len: members.len(),
        });
        lines.extend((rows.len()..rows.len() + members.len()).map(DueLine::Task));
        rows.extend(members);
    };
    for g in view.groups {
        add(DueGroup::Bucket(g.bucket), g.rows, &mut rows);
    }
    add(DueGroup::Finished, view.finished, &mut rows);
    let hits = rows.iter().map(|r| r.hit.clone()).collect();
    // Start on the first task, not on a header.
    let cursor = lines
        .iter()
        .position(|l| matches!(l, DueLine::Task(_)))
        .unwrap_or(0);
    DueList {
        unit,
        today,
        rows,
        hits,
        groups,
        lines,
        cursor,
        scroll: 0,
    }
}

impl DueList {
    /// How many tasks a group has (0 for a group not shown).
    pub fn count(&self, group: DueGroup) -> usize {
        self.groups
            .iter()
            .find(|g| g.group == group)
            .map_or(0, |g| g.len)
    }

    /// The row under the cursor, when it is a task.
    pub fn selected_row(&self) -> Option<&DueRow> {
        match self.lines.get(self.cursor)? {
            DueLine::Task(i) => self.rows.get(*i),
            DueLine::Group(_) => None,
        }
    }

    pub fn selected_task(&self) -> Option<TaskPos> {
        self.selected_row().map(|r| r.hit.task)
    }

    /// The tasks of the group whose header is selected (for its summary).
    pub fn group_tasks(&self) -> Vec<TaskPos> {
        match self.lines.get(self.cursor) {
            Some(DueLine::Group(g)) => {
                let g = self.groups[*g];
                self.rows[g.start..g.start + g.len]
                    .iter()
                    .map(|r| r.hit.task)
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.lines.is_empty() {
            return;
        }
        let new = (self.cursor as isize).saturating_add(delta);
        self.cursor = new.clamp(0, self.lines.len() as isize - 1) as usize;
    }

    /// To the header of the next (or previous) group.
    pub fn jump_group(&mut self, forward: bool) {
        let headers = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, DueLine::Group(_)))
            .map(|(i, _)| i);
        let to = if forward {
            headers.into_iter().find(|&i| i > self.cursor)
        } else {
            headers.into_iter().rev().find(|&i| i < self.cursor)
        };
        if let Some(i) = to {
            self.cursor = i;
        }
    }

    /// Puts the cursor on line `i` (clamped).
    pub fn set_cursor(&mut self, i: usize) {
        self.cursor = i.min(self.lines.len().saturating_sub(1));
    }

    /// After a rebuild: back on `task` when it is still listed (it may have
    /// moved to another group), else on line `cursor`.
    pub fn restore(&mut self, task: Option<TaskPos>, cursor: usize) {
        let line = task.and_then(|t| {
            self.lines
                .iter()
                .position(|l| matches!(l, DueLine::Task(i) if self.rows[*i].hit.task == t))
        });
        self.set_cursor(line.unwrap_or(cursor));
    }

    pub fn keep_visible(&mut self, height: usize) {
        keep_visible(self.cursor, &mut self.scroll, height);
    }
}

// ----- the 台账's words and colours ------------------------------------

pub fn bucket_label(s: &Strings, b: Bucket) -> &'static str {
    match b {
        Bucket::Overdue => s.bucket_overdue,
        Bucket::Within30 => s.bucket_30,
        Bucket::Within90 => s.bucket_90,
        Bucket::Later => s.bucket_later,
        Bucket::Ongoing => s.bucket_ongoing,
        Bucket::None => s.bucket_none,
    }
}

pub fn group_label(s: &Strings, g: DueGroup) -> &'static str {
    match g {
        DueGroup::Bucket(b) => bucket_label(s, b),
        DueGroup::Finished => s.finished,
    }
}

/// Red for overdue, yellow within 30 days, green after that.
pub fn bucket_style(theme: &Theme, b: Bucket) -> Style {
    match b {
        Bucket::Overdue => theme.ledger.late,
        Bucket::Within30 => theme.ledger.soon,
        Bucket::Within90 | Bucket::Later => theme.ledger.fine,
        Bucket::Ongoing | Bucket::None => Style::new(),
    }
}

pub fn status_label(s: &Strings, st: Shown) -> &'static str {
    match st {
        Shown::NotStarted => s.status_not_started,
        Shown::InProgress => s.status_in_progress,
        Shown::Done => s.status_done,
        Shown::Closed => s.status_closed,
        Shown::Lagging => s.status_lagging,
    }
}

/// 滞后 red, 推进中 yellow, 已完成 and 已销号 green, 未启动 plain.
pub fn status_style(theme: &Theme, st: Shown) -> Style {
    match st {
        Shown::Lagging => theme.ledger.late,
        Shown::InProgress => theme.ledger.soon,
        Shown::Done | Shown::Closed => theme.ledger.fine,
        Shown::NotStarted => Style::new(),
    }
}

/// `逾期45天`, `今天到期`, `12天后` for days from today to a due date.
pub fn days_text(s: &Strings, days: i64) -> String {
    match days {
        d if d < 0 => s.days_late.replace("{}", &(-d).to_string()),
        0 => s.due_today.to_owned(),
        d => s.days_left.replace("{}", &d.to_string()),
    }
}

// ----- lines ---------------------------------------------------------------

/// The header block's title: `时限 · 台山市发展和改革局`, or every unit.
pub fn due_title(ctx: &Ctx, d: &DueList) -> String {
    let s = ctx.s();
    let who = d
        .unit
        .map_or(s.all_units, |u| ctx.cat.unit(u).name.as_str());
    format!("{} · {who}", s.deadlines)
}

/// The view's header (its block is titled with the unit): the day, then
/// the count of each group in its colour.
pub fn due_header(ctx: &Ctx, d: &DueList, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let theme = ctx.theme;
    let mut first = format!("{} {} · {} {}", s.as_of, d.today, d.hits.len(), s.tasks);
    if d.unit.is_some() {
        first.push_str(&format!(" · {}", s.leads_or_partners));
    }
    let mut lines = vec![Line::from(Span::styled(
        text::truncate_to_width(&first, w).to_owned(),
        theme.title,
    ))];
    // The counts, as many to a line as fit.
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for g in &d.groups {
        let part = format!("{} {}", group_label(s, g.group), g.len);
        let pw = text::width(&part) + if used > 0 { 3 } else { 0 };
        if used > 0 && used + pw > w {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if used > 0 {
            line.push(Span::raw(" · "));
        }
        let style = match g.group {
            DueGroup::Bucket(b) => bucket_style(theme, b),
            DueGroup::Finished => theme.ledger.fine,
        };
        line.push(Span::styled(
            text::truncate_to_width(&part, w).to_owned(),
            style,
        ));
        used += text::width(&part) + if used > 0 { 3 } else { 0 };
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// The list's lines from its scroll offset, `height` of them, `width` wide.
pub fn due_rows(ctx: &Ctx, d: &DueList, width: usize, height: usize) -> Vec<Line<'static>> {
    d.lines
        .iter()
        .enumerate()
        .skip(d.scroll)
        .take(height)
        .map(|(i, l)| due_line(ctx, d, *l, i == d.cursor, width))
        .collect()
}

fn due_line(ctx: &Ctx, d: &DueList, line: DueLine, sel: bool, width: usize) -> Line<'static> {
    let s = ctx.s();
    let theme = ctx.theme;
    match line {
        DueLine::Group(g) => {
            let g = d.groups[g];
            let colour = match g.group {
                DueGroup::Bucket(b) => bucket_style(theme, b),
                DueGroup::Finished => theme.ledger.fine,
            };
            let base = if sel {
                theme.selected
            } else if g.len == 0 {
                theme.dim
            } else {
                colour.add_modifier(Modifier::BOLD)
            };
            let label = format!("{} ({})", group_label(s, g.group), g.len);
            spread(&[(label, base)], (String::new(), base), width, base)
        }
        DueLine::Task(i) => {
            let r = &d.rows[i];
            let colour = bucket_style(theme, r.bucket);
            let pick = |st: Style| if sel { theme.selected } else { st };
            let date = r.due.map_or_else(|| "—".to_owned(), |x| x.to_string());
            let date = format!(" {date:<10} ");
            // Finished work says so; the rest says when it is due, and
            // (where there is room) a recorded status.
            let finished = matches!(r.status, Shown::Done | Shown::Closed);
            let mut right: Vec<String> = Vec::new();
            if finished || (width >= 48 && r.status == Shown::InProgress) {
                right.push(status_label(s, r.status).to_owned());
            }
            if let Some(days) = r.days
                && !finished
            {
                right.push(days_text(s, days));
            }
            let right_style = if finished {
                status_style(theme, r.status)
            } else {
                colour
            };
            // The plan's tag only when there is more than one plan.
            let label = if ctx.cat.documents().len() > 1 {
                task_label(ctx.cat, r.hit.task)
            } else {
                numbered_title(ctx.cat.task(r.hit.task))
            };
            spread(
                &[(date, pick(colour)), (label, pick(Style::new()))],
                (right.join(" · "), pick(right_style)),
                width,
                pick(Style::new()),
            )
        }
    }
}

/// One row exactly `width` wide: `left` parts cut to fit (the first ones
/// kept whole when they can be), then `right` against the right edge (at
/// most half the row), the gap in `fill`.
pub fn spread(
    left: &[(String, Style)],
    right: (String, Style),
    width: usize,
    fill: Style,
) -> Line<'static> {
    let right_text = text::truncate_to_width(&right.0, width / 2);
    let right_w = text::width(right_text);
    let mut room = width.saturating_sub(right_w + usize::from(right_w > 0));
    let mut spans = Vec::new();
    let mut used = 0;
    for (t, st) in left {
        let shown = text::truncate_to_width(t, room);
        let w = text::width(shown);
        if w > 0 {
            spans.push(Span::styled(shown.to_owned(), *st));
        }
        used += w;
        room -= w;
    }
    let pad = width.saturating_sub(used + right_w);
    spans.push(Span::styled(" ".repeat(pad), fill));
    if right_w > 0 {
        spans.push(Span::styled(right_text.to_owned(), right.1));
    }
    Line::from(spans)
}
