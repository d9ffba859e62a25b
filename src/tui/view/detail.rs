//! The detail pane's text: a task (title, role tag, whole text with lead,
//! partner and search highlights, then its facts) or the summary of a
//! region, document, goal or duty group.
//!
//! A task's text may be huge, so it is not turned into lines here: a
//! task's [`DetailLines`] are the short lines around it (bounded, made
//! each frame) and the text itself, which the [`DetailCache`] wraps
//! lazily — only as far as the pane has been scrolled — and styles by
//! position. The state extends the cache when the selection, the width
//! or the scroll change, and bounds scrolling by what it knows; the
//! renderer draws [`DetailLines::window`], the lines on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Ctx;
use super::duty::{Duty, DutyRow};
use super::labels::{doc_label, lead_mode_label, numbered_title, role_label};
use super::panes::UnitSpans;
use super::summary::Summary;
use super::text::{Highlights, WrapIndex, row_line, wrapped};
use crate::query::{Involvement, TaskPos, find_char_ranges};

/// What the detail pane shows: `head` lines, then the lazily wrapped
/// `body` text (a task's text), then `tail` lines. A summary is all head.
#[derive(Debug, Clone, Default)]
pub struct DetailLines<'a> {
    pub head: Vec<Line<'static>>,
    pub body: Option<&'a str>,
    pub tail: Vec<Line<'static>>,
}

impl DetailLines<'_> {
    /// Lines with no lazily wrapped text.
    pub fn fixed(lines: Vec<Line<'static>>) -> DetailLines<'static> {
        DetailLines {
            head: lines,
            body: None,
            tail: Vec::new(),
        }
    }

    /// How many body lines are needed to show lines `..end`.
    pub fn body_lines_for(&self, end: usize) -> usize {
        end.saturating_sub(self.head.len())
    }

    /// How many lines there are, once `index` (the body's) knows all.
    pub fn len(&self, index: &WrapIndex) -> Option<usize> {
        let body = match self.body {
            Some(_) => index.total()?,
            None => 0,
        };
        Some(self.head.len() + body + self.tail.len())
    }

    /// Lines `from..from + n`, the body's from `index` styled by `hl`.
    pub fn window(
        &self,
        index: &WrapIndex,
        hl: &Highlights,
        from: usize,
        n: usize,
    ) -> Vec<Line<'static>> {
        let end = from.saturating_add(n);
        let mut out: Vec<Line<'static>> = self.head.iter().skip(from).take(n).cloned().collect();
        let h = self.head.len();
        let mut body_len = 0;
        if let Some(text) = self.body {
            let first = from.saturating_sub(h);
            let want = end.saturating_sub(h).saturating_sub(first);
            out.extend(index.styled(text, first, want, hl, Style::new()));
            match index.total() {
                Some(len) => body_len = len,
                // Not wrapped to its end: nothing below it is reached yet.
                None => return out,
            }
        }
        let t0 = h + body_len;
        out.extend(
            self.tail
                .iter()
                .skip(from.saturating_sub(t0))
                .take(end.saturating_sub(t0.max(from)))
                .cloned(),
        );
        out
    }
}

/// The selected task's wrapped text and highlights, kept between frames:
/// rewrapped only when the task or the width changes, restyled only when
/// the task or the search changes.
#[derive(Debug, Clone, Default)]
pub struct DetailCache {
    styled: Option<(TaskPos, Option<String>)>,
    highlights: Highlights,
    index: Option<(TaskPos, WrapIndex)>,
}

impl DetailCache {
    /// Makes the cache fit task `t` at `width` with `search` highlighted,
    /// and wraps its text as far as `body_lines` lines (plus one, so the
    /// last of them is complete).
    pub fn prepare(
        &mut self,
        ctx: &Ctx,
        t: TaskPos,
        spans: &UnitSpans,
        search: Option<&str>,
        width: usize,
        body_lines: usize,
    ) {
        let text = &ctx.cat.task(t).text;
        let key = (t, search.map(str::to_owned));
        if self.styled.as_ref() != Some(&key) {
            let theme = ctx.theme;
            let found = search.map_or_else(Vec::new, |q| find_char_ranges(text, q));
            self.highlights = Highlights::new(&[
                (&spans.partners, theme.partner),
                (&spans.leads, theme.lead),
                (&found, theme.search),
            ]);
            self.styled = Some(key);
        }
        let w = width.max(2);
        if !matches!(&self.index, Some((x, i)) if *x == t && i.width() == w) {
            self.index = Some((t, WrapIndex::new(w)));
        }
        if let Some((_, i)) = &mut self.index {
            i.extend(text, body_lines.saturating_add(1));
        }
    }

    /// The index of task `t`'s text at `width`, if it is the one kept.
    pub fn index(&self, t: TaskPos, width: usize) -> Option<&WrapIndex> {
        self.index
            .as_ref()
            .filter(|(x, i)| *x == t && i.width() == width.max(2))
            .map(|(_, i)| i)
    }

    pub fn highlights(&self) -> &Highlights {
        &self.highlights
    }
}

/// A task's lines at `width`: `role` is its role tag in a duty view. Its
/// text is the body, wrapped and highlighted through a [`DetailCache`].
pub fn task_lines<'a>(
    ctx: &Ctx<'a>,
    t: TaskPos,
    role: Option<Involvement>,
    width: usize,
) -> DetailLines<'a> {
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
    let head = std::mem::take(&mut lines);
    let body = Some(task.text.as_str());
    // Below the text: `lines` from here on is the tail.
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
    DetailLines {
        head,
        body,
        tail: lines,
    }
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
