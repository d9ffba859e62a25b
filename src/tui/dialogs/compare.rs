//! The comparison view: a task and another that shares its work side by
//! side (stacked when the terminal is narrow), each with its document,
//! goal and leads, the terms they share highlighted in both texts.
//!
//! Opened two ways: `c` on a task, with its related tasks (overlaps or
//! parallel pairs, as the related-tasks pane shows them; the pane's
//! selected one first shown, elsewhere the best); and Enter in the
//! coverage view, with a higher task's takers in the lower plans. Moving
//! keys scroll both texts, `n`/`N` step to the next or previous of the
//! other tasks, Enter goes to the one shown, Esc closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::outcome::{Command, Outcome};
use crate::model::{OverlapRelation, SharedTerm};
use crate::query::{Catalog, OverlapPos, TaskPos};
use crate::text;
use crate::tui::action::Action;
use crate::tui::layout::{head_and_rest, inner};
use crate::tui::view::Ctx;
use crate::tui::view::labels::{relation_label, task_label};
use crate::tui::view::panes::Related;
use crate::tui::view::text::{CharRanges, styled_wrap, wrapped};
use crate::tui::widgets::block;

/// Below this inner width the two texts are stacked instead of set in
/// two columns (each column then has at least 39 cells).
pub const COLUMNS_MIN_WIDTH: u16 = 80;

/// What the comparison view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Compare {
    /// The task the view is about (the selected task, or a higher task).
    pub task: TaskPos,
    /// The tasks it can be compared with, best first; `at` is shown.
    pub others: Vec<Evidence>,
    pub at: usize,
    /// Lines scrolled past (the task texts scroll together).
    pub scroll: usize,
    pub sides: Sides,
}

/// How the two sides are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sides {
    /// 本任务 and 相关任务: a task and one of its related tasks.
    Related,
    /// 上级任务 and 下级任务: a higher task and a lower plan's task that
    /// takes it up.
    Coverage,
}

/// Another task and what it shares with the view's task.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub other: TaskPos,
    pub score: f32,
    pub relation: OverlapRelation,
    /// The two plans' jurisdictions are different and one contains the other.
    pub nested: bool,
    /// The shared terms, oriented: `in_a` are offsets in the view's task's
    /// text, `in_b` in the other's.
    pub shared: Vec<SharedTerm>,
}

impl Evidence {
    /// An overlap of the data file, seen from `task` (either end of it).
    pub fn of_overlap(c: &Catalog, task: TaskPos, other: TaskPos, o: OverlapPos) -> Evidence {
        let ov = c.overlap(o);
        let me_is_a = ov.a == c.task(task).id;
        let shared = ov
            .shared
            .iter()
            .map(|t| {
                let mut t = t.clone();
                if !me_is_a {
                    std::mem::swap(&mut t.in_a, &mut t.in_b);
                }
                t
            })
            .collect();
        Evidence {
            other,
            score: ov.score,
            relation: ov.relation,
            nested: ov.nested_jurisdictions,
            shared,
        }
    }
}

impl Compare {
    /// `task` against its related tasks `related` (as the pane lists
    /// them), showing the one at `at`. `None` when there are none.
    pub fn related(c: &Catalog, task: TaskPos, related: &[Related], at: usize) -> Option<Compare> {
        if related.is_empty() {
            return None;
        }
        Some(Compare {
            task,
            others: related
                .iter()
                .map(|r| Evidence::of_overlap(c, task, r.other, r.overlap))
                .collect(),
            at: at.min(related.len() - 1),
            scroll: 0,
            sides: Sides::Related,
        })
    }

    /// The other task shown.
    pub fn other(&self) -> TaskPos {
        self.evidence().other
    }

    /// What the task shown shares with the view's task.
    pub fn evidence(&self) -> &Evidence {
        &self.others[self.at.min(self.others.len().saturating_sub(1))]
    }

    /// Char ranges of the shared terms in the view's task's text and in
    /// the other task's text.
    pub fn ranges(&self, c: &Catalog) -> (CharRanges, CharRanges) {
        let ev = self.evidence();
        let len_mine = c.task(self.task).text.chars().count();
        let len_other = c.task(ev.other).text.chars().count();
        let mut mine = Vec::new();
        let mut other = Vec::new();
        for term in &ev.shared {
            let n = term.term.chars().count();
            // Offsets past the text (a stale data file) are left out.
            mine.extend(
                term.in_a
                    .iter()
                    .filter(|&&o| o < len_mine)
                    .map(|&o| (o, (o + n).min(len_mine))),
            );
            other.extend(
                term.in_b
                    .iter()
                    .filter(|&&o| o < len_other)
                    .map(|&o| (o, (o + n).min(len_other))),
            );
        }
        (mine, other)
    }

    /// Keys over the view; `body` is where it is drawn (for the page size
    /// and how far it can scroll).
    pub fn handle(&mut self, a: Action, ctx: &Ctx, body: Rect) -> Outcome {
        let p = plan(ctx, self, inner(body));
        let max = p
            .panes
            .iter()
            .map(|(r, l)| l.len().saturating_sub(r.height as usize))
            .max()
            .unwrap_or(0);
        let page = p.panes.first().map_or(1, |(r, _)| r.height as usize).max(1) as isize;
        let delta: isize = match a {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            Action::Wheel { down, .. } => {
                if down {
                    3
                } else {
                    -3
                }
            }
            Action::NextMatch | Action::PrevMatch => {
                let n = self.others.len();
                if n > 1 {
                    let step = if a == Action::NextMatch { 1 } else { n - 1 };
                    self.at = (self.at + step) % n;
                    self.scroll = 0;
                }
                return Outcome::Keep;
            }
            Action::Open => return Outcome::Run(Command::GoToTask(self.other())),
            Action::Back | Action::Cancel | Action::Compare => return Outcome::Close,
            _ => 0,
        };
        self.scroll = (self.scroll as isize)
            .saturating_add(delta)
            .clamp(0, max as isize) as usize;
        Outcome::Keep
    }

    /// Draws the view over `body` (everything between the title and the
    /// status bar).
    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, body: Rect) {
        f.render_widget(Clear, body);
        f.render_widget(block(ctx.theme, ctx.s().compare.to_owned(), true), body);
        let p = plan(ctx, self, inner(body));
        f.render_widget(Paragraph::new(p.head_lines), p.head);
        for (pr, lines) in p.panes {
            let max = lines.len().saturating_sub(pr.height as usize);
            let scroll = self.scroll.min(max) as u16;
            f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), pr);
        }
        if let Some(d) = p.divider {
            let lines: Vec<Line> = (0..d.height)
                .map(|_| Line::from(Span::styled("│", ctx.theme.border)))
                .collect();
            f.render_widget(Paragraph::new(lines), d);
        }
    }

    /// The two sides' labels.
    fn labels(&self, ctx: &Ctx) -> (&'static str, &'static str) {
        let s = ctx.s();
        match self.sides {
            Sides::Related => (s.this_task, s.related_task),
            Sides::Coverage => (s.cov_higher, s.cov_lower),
        }
    }
}

/// What goes where: the fixed lines on top (score, relation, shared terms)
/// and the scrolling panes with their lines.
struct Plan {
    head: Rect,
    head_lines: Vec<Line<'static>>,
    panes: Vec<(Rect, Vec<Line<'static>>)>,
    /// Column separator in the two-column layout.
    divider: Option<Rect>,
}

fn head_lines(ctx: &Ctx, cmp: &Compare, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let ov = cmp.evidence();
    let mut first = format!(
        "{} {:.2} · {}",
        s.score,
        ov.score,
        relation_label(s, ov.relation)
    );
    if ov.nested {
        first.push_str(&format!(" · {}", s.nested));
    }
    if cmp.others.len() > 1 {
        let which = match cmp.sides {
            Sides::Related => s.related_task,
            Sides::Coverage => s.cov_takers,
        };
        first.push_str(&format!(" · {which} {}/{}", cmp.at + 1, cmp.others.len()));
    }
    let mut lines: Vec<Line> = wrapped(&first, w, ctx.theme.title).collect();
    // "共同词语: 深茂铁路、滨海旅游", the terms in the highlight style.
    let label = format!("{}: ", s.shared_terms);
    let mut joined = label.clone();
    let mut ranges = Vec::new();
    for (i, t) in ov.shared.iter().enumerate() {
        if i > 0 {
            joined.push('、');
        }
        let start = joined.chars().count();
        joined.push_str(&t.term);
        ranges.push((start, joined.chars().count()));
    }
    if ov.shared.is_empty() {
        joined.push_str(s.none);
    }
    lines.extend(styled_wrap(&joined, w, &[(&ranges, ctx.theme.shared)]));
    lines
}

/// One task's side: a rule with its label, title, document, goal, leads,
/// then its text with `ranges` highlighted.
fn side_lines(
    ctx: &Ctx,
    label: &str,
    t: TaskPos,
    ranges: &CharRanges,
    w: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let theme = ctx.theme;
    let task = c.task(t);
    let w = w.max(2);
    let rule = format!(
        "{label} {}",
        "─".repeat(w.saturating_sub(text::width(label) + 1))
    );
    let mut lines = vec![Line::from(Span::styled(
        text::truncate_to_width(&rule, w).to_owned(),
        theme.key,
    ))];
    lines.extend(wrapped(&task_label(c, t), w, theme.title));
    let doc = c
        .document(c.task_doc(t))
        .map_or_else(String::new, |d| d.title.clone());
    let goal = c
        .goal(c.task_goal(t))
        .map_or_else(String::new, |g| g.title.clone());
    let leads: Vec<&str> = task.leads.iter().map(|u| u.written.as_str()).collect();
    let leads = if leads.is_empty() {
        s.no_lead.to_owned()
    } else {
        leads.join("、")
    };
    for (k, v, st) in [
        (s.doc, doc, theme.dim),
        (s.goal, goal, theme.dim),
        (s.leads, leads, theme.lead),
    ] {
        lines.extend(wrapped(&format!("{k}: {v}"), w, st));
    }
    lines.push(Line::from(""));
    lines.extend(styled_wrap(&task.text, w, &[(ranges, theme.shared)]));
    lines
}

fn plan(ctx: &Ctx, cmp: &Compare, body: Rect) -> Plan {
    let w = body.width as usize;
    let head_lines = head_lines(ctx, cmp, w.max(2));
    // At most half the view, so the texts always have room (a pair with
    // dozens of shared terms shows the first ones).
    let (head, rest) = head_and_rest(body, head_lines.len() as u16);
    let (mine, other) = cmp.ranges(ctx.cat);
    let (this_label, other_label) = cmp.labels(ctx);
    let other_task = cmp.other();
    if body.width >= COLUMNS_MIN_WIDTH {
        let left_w = (body.width - 1) / 2;
        let right_w = body.width - 1 - left_w;
        let lr = Rect::new(rest.x, rest.y, left_w, rest.height);
        let div = Rect::new(rest.x + left_w, rest.y, 1, rest.height);
        let rr = Rect::new(rest.x + left_w + 1, rest.y, right_w, rest.height);
        Plan {
            head,
            head_lines,
            panes: vec![
                (
                    lr,
                    side_lines(ctx, this_label, cmp.task, &mine, left_w as usize),
                ),
                (
                    rr,
                    side_lines(ctx, other_label, other_task, &other, right_w as usize),
                ),
            ],
            divider: Some(div),
        }
    } else {
        let mut lines = side_lines(ctx, this_label, cmp.task, &mine, w);
        lines.push(Line::from(""));
        lines.extend(side_lines(ctx, other_label, other_task, &other, w));
        Plan {
            head,
            head_lines,
            panes: vec![(rest, lines)],
            divider: None,
        }
    }
}
