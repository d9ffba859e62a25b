//! The detail pane's text: a task (title, role tag, whole text with lead,
//! partner and search highlights, then its facts) or the summary of a
//! region, document, goal or duty group. The state counts these lines to
//! bound scrolling; the renderer draws them.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Ctx;
use super::duty::{Duty, DutyRow};
use super::labels::{doc_label, lead_mode_label, numbered_title, role_label};
use super::panes::UnitSpans;
use super::summary::Summary;
use super::text::{row_line, styled_wrap, wrapped};
use crate::query::{Involvement, TaskPos};

/// A task's lines at `width`: `role` is its role tag in a duty view,
/// `found` where the search matched its text (char ranges).
pub fn task_lines(
    ctx: &Ctx,
    t: TaskPos,
    role: Option<Involvement>,
    spans: &UnitSpans,
    found: &[(usize, usize)],
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
    lines.extend(styled_wrap(
        &task.text,
        w,
        &[
            (&spans.partners, theme.partner),
            (&spans.leads, theme.lead),
            (found, theme.search),
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
                &[],
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
            lines.push(row_line("  ", &task.title, &[], "", w, Style::new(), theme));
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
