//! The coverage view (`v`): one plan against the plans below it — which
//! of its tasks they take up (已落实), partly (部分落实) or not (未落实),
//! counted per goal, the tasks grouped by goal; beside (or below) the
//! list, the selected task's evidence. Enter opens the comparison view on
//! the task and its best taker (`n`/`N` there step through the others);
//! Esc in it comes back here, Enter in it goes to the taker in the tree
//! (Esc there comes back here too). `f` shows one status at a time.
//!
//! The coverage is computed off the drawing thread (`jobs`); until it
//! lands the view says 计算中…. This file holds the view's state, its
//! keys and its drawing; the rows and lines come from `view::coverage`.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::compare::{Compare, Evidence, Sides};
use super::outcome::{Command, Outcome, Status};
use crate::overlap::coverage::{Coverage, CoverageStatus};
use crate::query::{Catalog, DocPos};
use crate::tui::action::Action;
use crate::tui::keymap::InputMode;
use crate::tui::layout::{head_and_rest, inner};
use crate::tui::view::Ctx;
use crate::tui::view::coverage::{CoverageList, head_lines, item_lines, list_lines, view_title};
use crate::tui::widgets::block;

/// From this inner width the evidence is set beside the list, not below.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// Below this many rows for list and evidence together, the evidence is
/// left out (the list matters more; Enter shows the evidence).
const EVIDENCE_MIN_ROWS: u16 = 12;

/// The coverage view of one higher plan.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageView {
    /// The higher plan.
    pub doc: DocPos,
    /// The plans below it that it is compared with.
    pub lower: Vec<DocPos>,
    pub state: CoverageState,
    /// Show only the tasks with this status (`f` cycles).
    pub only: Option<CoverageStatus>,
    /// The selected task: an index into the list's task rows.
    pub cursor: usize,
    /// The first list row shown.
    pub scroll: usize,
    /// The comparison opened on the selected task (Enter), drawn instead
    /// of the list until Esc.
    pub compare: Option<Compare>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CoverageState {
    /// Being computed in the background.
    Computing,
    Failed(String),
    Ready {
        coverage: Arc<Coverage>,
        list: CoverageList,
    },
}

/// Where the parts of the view go, inside its border.
struct Plan {
    head: Rect,
    list: Rect,
    /// The selected task's evidence, beside or below the list.
    evidence: Option<Rect>,
    /// A vertical rule (beside) or a horizontal one (below).
    rule: Option<(Rect, bool)>,
}

impl CoverageView {
    /// The view of `doc` against `lower`, waiting for its coverage.
    pub fn computing(doc: DocPos, lower: Vec<DocPos>) -> CoverageView {
        CoverageView {
            doc,
            lower,
            state: CoverageState::Computing,
            only: None,
            cursor: 0,
            scroll: 0,
            compare: None,
        }
    }

    /// The coverage has been computed (or could not be).
    pub fn set_result(&mut self, c: &Catalog, result: Result<Arc<Coverage>, String>) {
        self.state = match result {
            Ok(coverage) => CoverageState::Ready {
                list: CoverageList::of(c, &coverage, self.only),
                coverage,
            },
            Err(e) => CoverageState::Failed(e),
        };
        self.cursor = 0;
        self.scroll = 0;
    }

    /// What the keyboard is talking to: the list, or the comparison.
    pub fn input_mode(&self) -> InputMode {
        if self.compare.is_some() {
            InputMode::View
        } else {
            InputMode::Coverage
        }
    }

    /// The computed coverage and its list, once there.
    pub fn ready(&self) -> Option<(&Coverage, &CoverageList)> {
        match &self.state {
            CoverageState::Ready { coverage, list } => Some((coverage, list)),
            _ => None,
        }
    }

    /// Keys over the view; `body` is where it is drawn.
    pub fn handle(&mut self, a: Action, ctx: &Ctx, body: Rect) -> Outcome {
        if let Some(cmp) = &mut self.compare {
            return match cmp.handle(a, ctx, body) {
                Outcome::Close => {
                    self.compare = None;
                    Outcome::Keep
                }
                // Going to a task from here: Esc there comes back here.
                Outcome::Run(Command::GoToTask(t)) => Outcome::Run(Command::Visit(t)),
                out => out,
            };
        }
        let height = self.plan(ctx, inner(body)).list.height as usize;
        let delta: isize = match a {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -(height.max(1) as isize),
            Action::PageDown => height.max(1) as isize,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            Action::Wheel { down, .. } => {
                if down {
                    3
                } else {
                    -3
                }
            }
            Action::Open => return self.open_evidence(ctx),
            Action::OpenFilter => {
                self.cycle_filter(ctx.cat);
                return Outcome::Keep;
            }
            Action::Back | Action::Cancel | Action::OpenCoverage => return Outcome::Close,
            _ => 0,
        };
        if let Some((_, list)) = self.ready() {
            let n = list.task_rows.len();
            if n > 0 {
                let cursor = (self.cursor as isize)
                    .saturating_add(delta)
                    .clamp(0, n as isize - 1) as usize;
                self.scroll = list.scroll_for(cursor, self.scroll, height);
                self.cursor = cursor;
            }
        }
        Outcome::Keep
    }

    /// Enter: the selected task and its best taker side by side.
    fn open_evidence(&mut self, ctx: &Ctx) -> Outcome {
        let Some((cov, list)) = self.ready() else {
            return Outcome::Keep;
        };
        let Some((item, task)) = list.item_at(self.cursor) else {
            return Outcome::Keep;
        };
        let others: Vec<Evidence> = cov.items[item]
            .takers
            .iter()
            .filter_map(|t| {
                Some(Evidence {
                    other: ctx.cat.task_pos(&t.task)?,
                    score: t.score,
                    relation: t.relation,
                    // A lower plan is within the higher one by definition.
                    nested: true,
                    shared: t.shared.clone(),
                })
            })
            .collect();
        if others.is_empty() {
            return Outcome::KeepSaying(Status::error(ctx.s().cov_no_takers));
        }
        self.compare = Some(Compare {
            task,
            others,
            at: 0,
            scroll: 0,
            sides: Sides::Coverage,
        });
        Outcome::Keep
    }

    /// `f`: all → not taken up → partly → taken up → all.
    fn cycle_filter(&mut self, c: &Catalog) {
        self.only = match self.only {
            None => Some(CoverageStatus::NotTakenUp),
            Some(CoverageStatus::NotTakenUp) => Some(CoverageStatus::Partly),
            Some(CoverageStatus::Partly) => Some(CoverageStatus::TakenUp),
            Some(CoverageStatus::TakenUp) => None,
        };
        if let CoverageState::Ready { coverage, list } = &mut self.state {
            *list = CoverageList::of(c, coverage, self.only);
        }
        self.cursor = 0;
        self.scroll = 0;
    }

    fn head(&self, ctx: &Ctx, w: usize) -> Vec<Line<'static>> {
        head_lines(ctx, self.doc, &self.lower, self.ready(), w)
    }

    fn plan(&self, ctx: &Ctx, body: Rect) -> Plan {
        let head_h = self.head(ctx, body.width as usize).len() as u16;
        let (head, rest) = head_and_rest(body, head_h);
        if body.width >= SIDE_BY_SIDE_WIDTH {
            let list_w = body.width * 11 / 20;
            let list = Rect::new(rest.x, rest.y, list_w, rest.height);
            let rule = Rect::new(rest.x + list_w, rest.y, 1, rest.height);
            let ev = Rect::new(
                rest.x + list_w + 1,
                rest.y,
                body.width - list_w - 1,
                rest.height,
            );
            Plan {
                head,
                list,
                evidence: Some(ev),
                rule: Some((rule, true)),
            }
        } else if rest.height >= EVIDENCE_MIN_ROWS {
            let ev_h = rest.height / 3;
            let list_h = rest.height - ev_h - 1;
            Plan {
                head,
                list: Rect::new(rest.x, rest.y, rest.width, list_h),
                rule: Some((Rect::new(rest.x, rest.y + list_h, rest.width, 1), false)),
                evidence: Some(Rect::new(rest.x, rest.y + list_h + 1, rest.width, ev_h)),
            }
        } else {
            Plan {
                head,
                list: rest,
                evidence: None,
                rule: None,
            }
        }
    }

    /// Draws the view over `body` (everything between the title and the
    /// status bar).
    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, body: Rect) {
        if let Some(cmp) = &self.compare {
            return cmp.draw(f, ctx, body);
        }
        let s = ctx.s();
        f.render_widget(Clear, body);
        let title = view_title(ctx, self.doc, self.only);
        f.render_widget(block(ctx.theme, title, true), body);
        let inside = inner(body);
        let p = self.plan(ctx, inside);
        f.render_widget(
            Paragraph::new(self.head(ctx, inside.width as usize)),
            p.head,
        );
        let (cov, list) = match &self.state {
            CoverageState::Computing => {
                return f.render_widget(
                    Paragraph::new(Span::styled(s.cov_computing, ctx.theme.dim)),
                    p.list,
                );
            }
            CoverageState::Failed(e) => {
                let msg = format!("{}: {e}", s.cov_failed);
                return f.render_widget(
                    Paragraph::new(
                        crate::tui::view::text::wrapped(
                            &msg,
                            p.list.width as usize,
                            ctx.theme.error,
                        )
                        .collect::<Vec<_>>(),
                    ),
                    p.list,
                );
            }
            CoverageState::Ready { coverage, list } => (coverage, list),
        };
        if let Some((r, vertical)) = p.rule {
            let lines: Vec<Line> = if vertical {
                (0..r.height)
                    .map(|_| Line::from(Span::styled("│", ctx.theme.border)))
                    .collect()
            } else {
                vec![Line::from(Span::styled(
                    "─".repeat(r.width as usize),
                    ctx.theme.border,
                ))]
            };
            f.render_widget(Paragraph::new(lines), r);
        }
        if list.task_rows.is_empty() {
            f.render_widget(
                Paragraph::new(Span::styled(s.cov_none_with, ctx.theme.dim)),
                p.list,
            );
            return;
        }
        let h = p.list.height as usize;
        let cursor_row = list.task_rows.get(self.cursor).copied();
        // The scroll kept by the keys, corrected for a size that changed since.
        let scroll = list.scroll_for(self.cursor, self.scroll, h);
        let lines = list_lines(ctx, cov, list, cursor_row, scroll, p.list.width as usize, h);
        f.render_widget(Paragraph::new(lines), p.list);
        if let (Some(r), Some((item, task))) = (p.evidence, list.item_at(self.cursor)) {
            let lines = item_lines(ctx, &cov.items[item], task, r.width as usize);
            f.render_widget(Paragraph::new(lines), r);
        }
    }
}
