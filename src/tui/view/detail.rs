//! The detail pane's text: a task or the summary of a region, document,
//! goal or duty group. The state bounds scrolling by these lines; the
//! renderer draws the ones on screen.
//!
//! A task's lines are sections, each its own function so a new section is
//! one more call in [`task_lines`]: what it mentions (提及: the places and
//! units it names, which is all a plan without lead units says about who
//! is concerned, so it comes first), the text (its number and title
//! opening it, lead, partner and search highlights), then its facts.
//!
//! The task's progress section is `progress.rs`'s.
//!
//! A task's text may be huge, so it is not turned into lines here: a
//! task's [`DetailLines`] are the short lines around it (made each frame)
//! and the text, which the [`DetailCache`] wraps lazily — only as far as
//! the pane has been scrolled — and styles by position. The renderer draws
//! [`DetailLines::window`], the lines on screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Ctx;
use super::duty::{Duty, DutyRow};
use super::labels::{doc_label, lead_mode_label, numbered_title, role_label};
use super::panes::UnitSpans;
use super::summary::Summary;
use super::text::{CharRanges, Highlights, WrapIndex, row_line, styled_wrap, wrapped};
use crate::model::{Goal, MentionKind, Task, UnitRef};
use crate::query::{Catalog, DocPos, GoalPos, Involvement, TaskPos};

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

    /// How many lines are known: all of them, or the head and the body's
    /// lines wrapped so far.
    pub fn known(&self, index: &WrapIndex) -> usize {
        self.len(index).unwrap_or(self.head.len() + index.known())
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

/// Texts up to this size are wrapped whole when selected (a few hundred
/// microseconds); longer ones lazily.
const WRAP_WHOLE_BYTES: usize = 64 * 1024;

/// The selected task's text as shown (its number in front when it opens
/// with its title), its highlights and where its lines start, kept between
/// frames: remade only when the task changes, restyled when the search's
/// matches change, rewrapped when the width changes, and wrapped only as far as
/// the pane has been scrolled.
#[derive(Debug, Clone, Default)]
pub struct DetailCache {
    task: Option<TaskPos>,
    body: String,
    /// The number's characters in front of the text.
    shift: usize,
    /// The search's matches in the text the highlights were made with.
    styled: Option<CharRanges>,
    highlights: Highlights,
    index: Option<WrapIndex>,
}

impl DetailCache {
    /// Makes the cache fit task `t` at `width` with `found` (the search's
    /// matches in its text, char ranges) highlighted,
    /// and wraps its text as far as `body_lines` lines (plus one, so the
    /// last of them is complete).
    pub fn prepare(
        &mut self,
        ctx: &Ctx,
        t: TaskPos,
        spans: &UnitSpans,
        found: &[(usize, usize)],
        width: usize,
        body_lines: usize,
    ) {
        let task = ctx.cat.task(t);
        if self.task != Some(t) {
            (self.body, self.shift) = match (&task.number, opens_with_title(task)) {
                (Some(n), true) => (format!("{n} {}", task.text), n.chars().count() + 1),
                _ => (task.text.clone(), 0),
            };
            self.task = Some(t);
            self.styled = None;
            self.index = None;
        }
        if self.styled.as_deref() != Some(found) {
            let theme = ctx.theme;
            let shift = self.shift;
            let moved = |rs: &CharRanges| -> CharRanges {
                rs.iter().map(|&(a, b)| (a + shift, b + shift)).collect()
            };
            let title: CharRanges = if opens_with_title(task) {
                vec![(0, shift + task.title.chars().count())]
            } else {
                Vec::new()
            };
            self.highlights = Highlights::new(&[
                (&title, theme.title),
                (&moved(&spans.partners), theme.partner),
                (&moved(&spans.leads), theme.lead),
                (&moved(&found.to_vec()), theme.search),
            ]);
            self.styled = Some(found.to_vec());
        }
        let w = width.max(2);
        if self.index.as_ref().is_none_or(|i| i.width() != w) {
            self.index = Some(WrapIndex::new(w));
        }
        if let Some(i) = &mut self.index {
            // An ordinary text is wrapped whole at once (its length shows in
            // the pane's border); a huge one as far as it is scrolled.
            let lines = if self.body.len() <= WRAP_WHOLE_BYTES {
                usize::MAX
            } else {
                body_lines.saturating_add(1)
            };
            i.extend(&self.body, lines);
        }
    }

    /// Task `t`'s text as shown, if it is the one kept.
    pub fn body(&self, t: TaskPos) -> Option<&str> {
        (self.task == Some(t)).then_some(self.body.as_str())
    }

    /// The index of task `t`'s text at `width`, if it is the one kept.
    pub fn index(&self, t: TaskPos, width: usize) -> Option<&WrapIndex> {
        self.index
            .as_ref()
            .filter(|i| self.task == Some(t) && i.width() == width.max(2))
    }

    /// Task `t`'s highlights (none if it is not the one kept).
    pub fn highlights(&self, t: TaskPos) -> &Highlights {
        static NONE: Highlights = Highlights::NONE;
        if self.task == Some(t) {
            &self.highlights
        } else {
            &NONE
        }
    }
}

/// A task's lines at `width`: what it mentions, then its text — the body,
/// which the state fills from a [`DetailCache`] — then its facts. `role`
/// is its role tag in a duty view.
///
/// Most tasks open with their title (`以新型城镇引擎推动北部能级提升。以建设…`):
/// then the title is not repeated above the text but set in the title's
/// style where the text begins (see [`DetailCache`]), so a short terminal
/// shows text, not a heading twice.
pub fn task_lines(
    ctx: &Ctx,
    t: TaskPos,
    role: Option<Involvement>,
    width: usize,
) -> DetailLines<'static> {
    let s = ctx.s();
    let theme = ctx.theme;
    let task = ctx.cat.task(t);
    let w = width.max(2);
    let mut head = mention_lines(ctx, t, w);
    if let Some(i) = role {
        head.push(Line::from(Span::styled(
            format!("[{}]", role_label(s, i)),
            theme.lead,
        )));
    }
    if !opens_with_title(task) {
        head.extend(wrapped(&numbered_title(task), w, theme.title));
        head.push(Line::from(""));
    }
    let mut tail = vec![Line::from("")];
    tail.extend(fact_lines(ctx, t, w));
    DetailLines {
        head,
        body: None,
        tail,
    }
}

/// 提及: the places, units and actors the text names outside its
/// responsibility note, each as written (with the unit or region it
/// resolves to when that reads differently). A task without a named lead
/// that mentions nothing says `提及: 无`; one with leads then shows
/// nothing (its lead and partner panes say who).
fn mention_lines(ctx: &Ctx, t: TaskPos, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let task = c.task(t);
    let mut lines = Vec::new();
    let kinds = [
        (MentionKind::Place, s.mention_places),
        (MentionKind::Unit, s.mention_units),
        (MentionKind::Actor, s.mention_actors),
    ];
    for (kind, label) in kinds {
        let names: Vec<String> = task
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| {
                let resolved = m
                    .unit
                    .as_ref()
                    .and_then(|u| c.unit_pos(u))
                    .map(|u| c.unit(u).name.clone())
                    .or_else(|| {
                        let r = c.region_pos(m.region.as_ref()?)?;
                        c.region(r).map(|r| r.name.clone())
                    });
                match resolved {
                    Some(r) if r != m.text => format!("{}({r})", m.text),
                    _ => m.text.clone(),
                }
            })
            .collect();
        if !names.is_empty() {
            lines.extend(labelled(ctx, label, &names.join("、"), w));
        }
    }
    if lines.is_empty() && c.task_unled(t) {
        lines.extend(labelled(ctx, s.mentioned, s.none, w));
    }
    lines
}

/// Where the task comes from and how it is led: document, goal, region,
/// source line, lead mode, units only named responsible, a named leader,
/// the deadline.
fn fact_lines(ctx: &Ctx, t: TaskPos, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let task = c.task(t);
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
    if !task.responsible.is_empty() {
        facts.push((s.responsible_units, unit_names(c, &task.responsible)));
    }
    if let Some(l) = &task.leader {
        facts.push((s.leader, l.clone()));
    }
    if let Some(dl) = &task.deadline {
        facts.push((s.deadline, dl.clone()));
    }
    facts
        .into_iter()
        .flat_map(|(k, v)| wrapped(&format!("{k}: {v}"), w, ctx.theme.dim).collect::<Vec<_>>())
        .collect()
}

/// Canonical names of units as a task names them, joined by `、`.
fn unit_names(c: &Catalog, refs: &[UnitRef]) -> String {
    refs.iter()
        .map(|r| {
            c.unit_pos(&r.unit)
                .map_or_else(|| r.written.clone(), |u| c.unit(u).name.clone())
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// `label: value`, wrapped, the label in the title's style.
fn labelled(ctx: &Ctx, label: &str, value: &str, w: usize) -> Vec<Line<'static>> {
    let head = format!("{label}: ");
    let n = head.chars().count();
    let all = format!("{head}{value}");
    styled_wrap(&all, w, &[(&[(0, n)], ctx.theme.title)])
}

/// What a summary is of: its facts come above its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A plan: issuer, date, document number, source file.
    Doc(DocPos),
    /// A goal: its plan, the headings above it, its own text.
    Goal(GoalPos),
    /// A region or a duty group: counts only.
    Tasks,
}

/// The summary's lines at `width`, under `title`.
pub fn summary_lines(
    ctx: &Ctx,
    title: &str,
    subject: Subject,
    sum: &Summary,
    w: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let theme = ctx.theme;
    let mut lines: Vec<Line> = wrapped(title, w, theme.title).collect();
    match subject {
        Subject::Doc(d) => lines.extend(document_lines(ctx, d, w)),
        Subject::Goal(g) => lines.extend(goal_lines(ctx, g, sum, w)),
        Subject::Tasks => {}
    }
    lines.push(Line::from(format!(
        "{} {} · {} {}",
        s.tasks, sum.tasks, s.unled, sum.unled
    )));
    lines.push(Line::from(""));
    let leads: Vec<(&str, u32)> = sum
        .leads
        .iter()
        .map(|&(u, n)| (ctx.cat.unit(u).name.as_str(), n))
        .collect();
    lines.extend(count_lines(ctx, s.top_leads, &leads, theme.lead, w));
    let mentioned: Vec<(&str, u32)> = sum
        .mentioned
        .iter()
        .map(|(m, n)| (m.as_str(), *n))
        .collect();
    lines.extend(count_lines(
        ctx,
        s.top_mentioned,
        &mentioned,
        Style::new(),
        w,
    ));
    if sum.unled > 0 {
        lines.push(Line::from(Span::styled(s.unled_tasks, theme.title)));
        for &t in &sum.unled_tasks {
            let task = ctx.cat.task(t);
            lines.push(row_line("  ", &task.title, &[], "", w, Style::new(), theme));
        }
    }
    lines
}

/// A heading and names with their task counts, most first; nothing when
/// there are none.
fn count_lines(
    ctx: &Ctx,
    heading: &'static str,
    names: &[(&str, u32)],
    style: Style,
    w: usize,
) -> Vec<Line<'static>> {
    if names.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::from(Span::styled(heading, ctx.theme.title))];
    for &(name, n) in names {
        lines.push(row_line(
            "  ",
            name,
            &[],
            &n.to_string(),
            w,
            style,
            ctx.theme,
        ));
    }
    lines.push(Line::from(""));
    lines
}

/// A plan's own facts: who issued it, when, its document number (文号)
/// and the file it was read from; `未写明` for what the plan does not say.
fn document_lines(ctx: &Ctx, d: DocPos, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let Some(doc) = c.document(d) else {
        return Vec::new();
    };
    let or_unstated = |v: &Option<String>| v.clone().unwrap_or_else(|| s.unstated.to_owned());
    let jurisdiction = c
        .region_pos(&doc.jurisdiction)
        .and_then(|r| c.region(r))
        .map_or_else(|| doc.jurisdiction.0.clone(), |r| r.name.clone());
    let facts = [
        (s.issuer, or_unstated(&doc.issuer)),
        (s.issued, or_unstated(&doc.date)),
        (s.doc_number, or_unstated(&doc.number)),
        (s.jurisdiction, jurisdiction),
        (s.source_file, doc.source.clone()),
    ];
    let mut lines: Vec<Line> = facts
        .iter()
        .flat_map(|(k, v)| labelled(ctx, k, v, w))
        .collect();
    lines.push(Line::from(""));
    lines
}

/// A goal's plan and the headings above it; for a goal without tasks,
/// the text the extractor kept for it (its intro, or all of it when the
/// goal is written as prose) and its projects (专栏).
fn goal_lines(ctx: &Ctx, g: GoalPos, sum: &Summary, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let Some(goal) = c.goal(g) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(doc) = c.document(c.goal_doc(g)) {
        lines.extend(labelled(ctx, s.doc, &doc_label(doc), w));
    }
    if !goal.heading_path.is_empty() {
        lines.extend(labelled(ctx, s.headings, &goal.heading_path.join(" › "), w));
    }
    let body = goal_body(goal);
    if sum.tasks == 0 && !body.is_empty() {
        lines.push(Line::from(""));
        lines.extend(wrapped(body, w, Style::new()));
    }
    if !goal.projects.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!("{} ({})", s.projects, goal.projects.len()),
            ctx.theme.title,
        )));
        for p in &goal.projects {
            lines.extend(wrapped(&format!("· {}", p.text), w, Style::new()));
        }
    }
    lines.push(Line::from(""));
    lines
}

/// The goal's own text as the extractor kept it (`Goal.body`; empty in
/// version-1 data).
fn goal_body(goal: &Goal) -> &str {
    &goal.body
}

/// The summary's title and subject for the selected row of a duty list:
/// its document's or goal's title, or what the hand-offs section means.
pub fn duty_title(ctx: &Ctx, d: &Duty) -> (String, Subject) {
    let s = ctx.s();
    let c = ctx.cat;
    match d.rows.get(d.cursor) {
        Some(DutyRow::Doc(x, _)) => (
            c.document(*x).map_or_else(String::new, |d| d.title.clone()),
            Subject::Doc(*x),
        ),
        Some(DutyRow::Goal(g, _)) => (
            c.goal(*g).map_or_else(String::new, |g| g.title.clone()),
            Subject::Goal(*g),
        ),
        Some(DutyRow::Handoffs(n)) => (
            format!(
                "{} ({n}): {}{}",
                s.handoffs, s.handoffs_note, s.handoff_legend
            ),
            Subject::Tasks,
        ),
        _ => (String::new(), Subject::Tasks),
    }
}

/// Whether a task's text opens with its title (the detail pane then
/// shows them as one paragraph).
fn opens_with_title(task: &Task) -> bool {
    !task.title.is_empty() && task.text.starts_with(&task.title)
}
