//! The comparison view: the selected task and one of its related tasks
//! (an overlap in another plan) side by side, shared terms highlighted.
//! Opened with `c` (from the related-tasks pane: its selected entry;
//! elsewhere: the best one); `Enter` goes to the related task, `Esc`
//! closes it.

use super::{App, Focus, Overlay, Status, doc_tag};
use crate::model::Overlap;
use crate::tui::action::Action;

/// Char ranges `(start, end)` in a task's text.
pub type CharRanges = Vec<(usize, usize)>;

/// What the comparison view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Compare {
    /// The task that was selected when the view opened.
    pub task: usize,
    /// The related task.
    pub other: usize,
    /// Position of the overlap in `data.overlaps`.
    pub overlap: usize,
    /// Lines scrolled past (the task texts scroll together).
    pub scroll: usize,
}

/// A related task of the selected one (one row of the related-tasks pane).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Related {
    pub other: usize,
    /// Position of the overlap in `data.overlaps`.
    pub overlap: usize,
    pub score: f32,
}

impl Compare {
    /// Char ranges of the shared terms in the selected task's text and in
    /// the related task's text. The overlap stores offsets for its `a`
    /// and `b`; either may be the selected task.
    pub fn ranges(&self, app: &App) -> (CharRanges, CharRanges) {
        let c = &app.cat;
        let ov: &Overlap = &c.data.overlaps[self.overlap];
        let me_is_a = ov.a == c.task(self.task).id;
        let len_mine = c.task(self.task).text.chars().count();
        let len_other = c.task(self.other).text.chars().count();
        let mut mine = Vec::new();
        let mut other = Vec::new();
        for term in &ov.shared {
            let n = term.term.chars().count();
            let (in_mine, in_other) = if me_is_a {
                (&term.in_a, &term.in_b)
            } else {
                (&term.in_b, &term.in_a)
            };
            // Offsets past the text (a stale data file) are left out.
            mine.extend(
                in_mine
                    .iter()
                    .filter(|&&o| o < len_mine)
                    .map(|&o| (o, (o + n).min(len_mine))),
            );
            other.extend(
                in_other
                    .iter()
                    .filter(|&&o| o < len_other)
                    .map(|&o| (o, (o + n).min(len_other))),
            );
        }
        (mine, other)
    }
}

impl App {
    /// Related tasks of the selected task in other documents, most
    /// certain first (ties by task order). Overlaps within one plan are
    /// left out: the pane is about how plans meet.
    pub fn related(&self) -> Vec<Related> {
        let Some(t) = self.selected_task() else {
            return Vec::new();
        };
        let c = &self.cat;
        let me = &c.task(t).id;
        let mut found = Vec::new();
        for &o in c.index.overlaps_of.get(t).map_or(&[][..], |v| &v[..]) {
            let ov = &c.data.overlaps[o];
            let other = if &ov.a == me { &ov.b } else { &ov.a };
            let Some(&op) = c.index.tasks.get(other) else {
                continue;
            };
            if c.task(op).doc == c.task(t).doc {
                continue;
            }
            found.push(Related {
                other: op,
                overlap: o,
                score: ov.score,
            });
        }
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.other.cmp(&b.other)));
        found
    }

    /// `c`: compares the selected task with the related task selected in
    /// the related-tasks pane (the best one when that pane has no focus).
    pub(super) fn open_compare(&mut self) {
        let related = self.related();
        let i = if self.focus == Focus::Overlaps {
            self.pane_pos[Focus::Overlaps.slot()]
        } else {
            0
        };
        match (
            self.selected_task(),
            related.get(i.min(related.len().saturating_sub(1))),
        ) {
            (Some(task), Some(r)) => {
                self.overlay = Some(Overlay::Compare(Compare {
                    task,
                    other: r.other,
                    overlap: r.overlap,
                    scroll: 0,
                }))
            }
            _ => {
                self.status = Some(Status {
                    text: self.lang.s().no_compare.into(),
                    error: true,
                })
            }
        }
    }

    /// Keys over the comparison view.
    pub(super) fn update_compare(&mut self, mut cmp: Compare, a: Action) {
        let max = crate::tui::render::compare_max_scroll(self, &cmp);
        let page = crate::tui::render::compare_page(self, &cmp).max(1) as isize;
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
            Action::Open => {
                self.overlay = None;
                self.push_history();
                return self.jump_to_task(cmp.other);
            }
            Action::Back | Action::Cancel | Action::Compare => {
                self.overlay = None;
                return;
            }
            _ => 0,
        };
        cmp.scroll = (cmp.scroll as isize)
            .saturating_add(delta)
            .clamp(0, max as isize) as usize;
        self.overlay = Some(Overlay::Compare(cmp));
    }
}

/// `[000] 标题` for a task, as the panes label it.
pub fn task_label(app: &App, t: usize) -> String {
    let task = app.cat.task(t);
    let title = match &task.number {
        Some(n) => format!("{n} {}", task.title),
        None => task.title.clone(),
    };
    format!("[{}] {title}", doc_tag(&task.doc.0))
}
