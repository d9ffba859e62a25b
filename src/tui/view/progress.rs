//! The task pane's progress section: the status the 台账 shows, the day
//! the task is due, and the history of recorded statuses and notes.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Ctx;
use super::deadlines::{bucket_style, days_text, status_label, status_style};
use super::text::{CharRanges, styled_wrap, wrapped};
use crate::deadline::{self, When};
use crate::progress::{Shown, Tracker};
use crate::query::TaskPos;

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
