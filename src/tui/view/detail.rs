//! The detail pane's text: a task (title, role tag, whole text with lead,
//! partner and search highlights, then its facts) or the summary of a
//! region, document, goal or duty group; and the task's progress (its
//! status and history, [`progress_lines`]). The state counts these lines
//! to bound scrolling; the renderer draws them.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Ctx;
use super::deadlines::{bucket_style, days_text, status_label, status_style};
use super::duty::{Duty, DutyRow};
use super::labels::{doc_label, lead_mode_label, numbered_title, role_label};
use super::panes::UnitSpans;
use super::summary::Summary;
use super::text::{CharRanges, row_line, styled_wrap, wrapped};
use crate::deadline::{self, When};
use crate::progress::{Shown, Tracker};
use crate::query::{Involvement, TaskPos, find_char_ranges};

/// A task's lines at `width`: `role` is its role tag in a duty view,
/// `search` the query whose matches are highlighted.
pub fn task_lines(
    ctx: &Ctx,
    t: TaskPos,
    role: Option<Involvement>,
    spans: &UnitSpans,
    search: Option<&str>,
    width: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let theme = ctx.theme;
    let task = c.task(t);
    let w = width.max(2);
    let mut lines: Vec<Line> = wrapped(&numbered_title(task), w, theme.title).collect();
    if let Some(i) = role {
        lines.push(Line::from(Span::styled(
            format!("[{}]", role_label(s, i)),
            theme.lead,
        )));
    }
    lines.push(Line::from(""));
    let found = search.map_or_else(Vec::new, |q| find_char_ranges(&task.text, q));
    lines.extend(styled_wrap(
        &task.text,
        w,
        &[
            (&spans.partners, theme.partner),
            (&spans.leads, theme.lead),
            (&found, theme.search),
        ],
    ));
    lines.push(Line::from(""));
    let doc = c.document(c.task_doc(t));
    let goal = c.goal(c.task_goal(t));
    let region = c.region(c.task_region(t));
    let mut facts = vec![
        (s.doc, doc.map_or_else(String::new, doc_label)),
        (s.goal, goal.map_or_else(String::new, |g| g.title.clone())),
        (
            s.region,
            region.map_or_else(String::new, |r| r.name.clone()),
        ),
        (
            s.source,
            format!(
                "{}:{}",
                doc.map_or("", |d| d.source.as_str()),
                task.source.line
            ),
        ),
        (s.lead_mode, lead_mode_label(s, task.lead_mode).to_owned()),
    ];
    if let Some(dl) = &task.deadline {
        facts.push((s.deadline, dl.clone()));
    }
    for (k, v) in facts {
        lines.extend(wrapped(&format!("{k}: {v}"), w, theme.dim));
    }
    lines
}

/// The summary's lines at `width`, under `title`.
pub fn summary_lines(ctx: &Ctx, title: &str, sum: &Summary, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let theme = ctx.theme;
    let mut lines: Vec<Line> = wrapped(title, w, theme.title).collect();
    lines.push(Line::from(format!(
        "{} {} · {} {}",
        s.tasks, sum.tasks, s.unled, sum.unled
    )));
    lines.push(Line::from(""));
    if !sum.leads.is_empty() {
        lines.push(Line::from(Span::styled(s.top_leads, theme.title)));
        for &(u, n) in &sum.leads {
            let name = &c.unit(u).name;
            lines.push(row_line(
                "  ",
                name,
                None,
                &n.to_string(),
                w,
                theme.lead,
                theme,
            ));
        }
        lines.push(Line::from(""));
    }
    if sum.unled > 0 {
        lines.push(Line::from(Span::styled(s.unled_tasks, theme.title)));
        for &t in &sum.unled_tasks {
            let task = c.task(t);
            lines.push(row_line(
                "  ",
                &task.title,
                None,
                "",
                w,
                Style::new(),
                theme,
            ));
        }
    }
    lines
}

/// The summary's title for the selected row of a duty list: its
/// document's or goal's title, or what the hand-offs section means.
pub fn duty_title(ctx: &Ctx, d: &Duty) -> String {
    let s = ctx.s();
    let c = ctx.cat;
    match d.rows.get(d.cursor) {
        Some(DutyRow::Doc(x, _)) => c.document(*x).map_or_else(String::new, |d| d.title.clone()),
        Some(DutyRow::Goal(g, _)) => c.goal(*g).map_or_else(String::new, |g| g.title.clone()),
        Some(DutyRow::Handoffs(n)) => format!("{} ({n}): {}", s.handoffs, s.handoffs_note),
        _ => String::new(),
    }
}

/// The task's progress, its own section of the task pane: the status the
/// 台账 shows on `today` (coloured; 滞后 when unfinished past a dated
/// deadline), the day it is due, and every recorded status and note,
/// newest first. `progress` is `None` when the progress file could not be
/// used; `hint` names the keys that record more.
pub fn progress_lines(
    ctx: &Ctx,
    progress: Option<&Tracker>,
    t: TaskPos,
    today: NaiveDate,
    hint: &str,
    width: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let theme = ctx.theme;
    let w = width.max(2);
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(s.progress, theme.title)),
    ];
    let Some(tracker) = progress else {
        lines.extend(wrapped(s.progress_unusable, w, theme.error));
        return lines;
    };
    let c = ctx.cat;
    let shown = tracker.shown(c.data(), t.index(), today);
    let mut status = format!("{}: {}", s.status, status_label(s, shown));
    if let Some((_, day)) = tracker.ledger().of(t.index()).status {
        status.push_str(&format!(" ({day})"));
    }
    let label_end = s.status.chars().count() + 2;
    let status_ranges = [(label_end, status.chars().count())];
    lines.extend(styled_wrap(
        &status,
        w,
        &[(&status_ranges, status_style(theme, shown))],
    ));
    let due = c.task(t).due.as_ref();
    if let Some(day) = due.and_then(|d| When::of(d).next_end(today)) {
        let bucket = deadline::bucket(due, today);
        let days = (day - today).num_days();
        let text = format!("{}: {day} · {}", s.due_on, days_text(s, days));
        lines.extend(wrapped(&text, w, bucket_style(theme, bucket)));
    }
    let events = tracker.history(t.index());
    if events.is_empty() {
        lines.extend(wrapped(s.no_history, w, theme.dim));
    }
    for e in events.iter().rev() {
        // `2022-06-30 推进中 已完成控规编制 · 台山市发展和改革局`, the day
        // and the unit dimmed, the status in its colour.
        let mut text = e.date.clone();
        let mut layers: Vec<(CharRanges, Style)> =
            vec![(vec![(0, text.chars().count())], theme.dim)];
        if let Some(st) = e.status {
            let shown = Shown::of(Some(st), None, today);
            let start = text.chars().count() + 1;
            text.push(' ');
            text.push_str(status_label(s, shown));
            layers.push((
                vec![(start, text.chars().count())],
                status_style(theme, shown),
            ));
        }
        if let Some(n) = &e.note {
            text.push(' ');
            text.push_str(n);
        }
        if let Some(u) = &e.unit {
            let start = text.chars().count();
            text.push_str(" · ");
            text.push_str(u);
            layers.push((vec![(start, text.chars().count())], theme.dim));
        }
        let refs: Vec<(&[(usize, usize)], Style)> =
            layers.iter().map(|(r, st)| (r.as_slice(), *st)).collect();
        lines.extend(styled_wrap(&text, w, &refs));
    }
    if !hint.is_empty() {
        lines.extend(wrapped(hint, w, theme.dim));
    }
    lines
}
