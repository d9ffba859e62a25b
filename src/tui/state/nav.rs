//! Moving around: the cursor in the tree, the duty list and the panes,
//! expanding and collapsing, the focus, opening what is selected, and the
//! history of jumps that Esc walks back.

use super::{App, Location, Screen};
use crate::query::{Filters, TaskPos};
use crate::tui::dialogs::Status;
use crate::tui::jobs::{self, Request};
use crate::tui::layout::Focus;
use crate::tui::view::panes::Target;
use crate::tui::view::tree::{Grouping, NodeKey};
use crate::tui::view::tree_model::Expanded;

impl App {
    /// Rows of one page of the focused pane.
    pub(super) fn page(&self) -> usize {
        let rows = match self.drawn.get(self.focus) {
            Some(e) if self.focus != Focus::Tree => e.height,
            _ => self.areas().list_body().height as usize,
        };
        rows.max(1)
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => match &mut self.screen {
                Screen::Browse => self.browse.move_by(delta),
                Screen::Duty(d) => d.move_by(delta),
            },
            Focus::Detail => {
                // No further than the last page of the text as last drawn
                // (before the first frame of a selection, drawing clamps).
                let max = self
                    .drawn
                    .get(Focus::Detail)
                    .map_or(isize::MAX, |e| e.max_top() as isize);
                let p = &mut self.pane_pos[Focus::Detail.index()];
                let from = (*p as isize).min(max);
                *p = from.saturating_add(delta).clamp(0, max) as usize;
            }
            f => {
                let n = self.panes.entries(f).len();
                if n > 0 {
                    let p = &mut self.pane_pos[f.index()];
                    *p = ((*p as isize).saturating_add(delta)).clamp(0, n as isize - 1) as usize;
                }
            }
        }
    }

    /// Puts the left list's cursor on row `i`.
    pub(super) fn set_list_cursor(&mut self, i: usize) {
        match &mut self.screen {
            Screen::Browse => self.browse.set_cursor(i),
            Screen::Duty(d) => d.set_cursor(i),
        }
    }

    /// Selects a pane entry (a click).
    pub(super) fn set_pane_pos(&mut self, f: Focus, i: usize) {
        self.pane_pos[f.index()] = i;
    }

    pub(super) fn collapse(&mut self) {
        if self.focus != Focus::Tree {
            return self.cycle_focus(false);
        }
        match self.screen {
            Screen::Browse => self.browse.collapse(),
            Screen::Duty(_) => self.move_by(-1),
        }
    }

    pub(super) fn expand(&mut self) {
        if self.focus != Focus::Tree {
            return;
        }
        match self.screen {
            Screen::Browse => {
                // On a task: look at its text.
                if self.browse.expand() == Expanded::Leaf && self.selected_task().is_some() {
                    self.focus = Focus::Detail;
                }
            }
            Screen::Duty(_) => self.move_by(1),
        }
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Focus::Tree];
        order.extend_from_slice(self.right_panes());
        let i = order.iter().position(|&f| f == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    /// Enter: toggles a node, opens a duty's task in the tree, a unit's
    /// duties or a related task.
    pub(super) fn open(&mut self) {
        match self.focus {
            Focus::Tree => match &self.screen {
                Screen::Browse => {
                    if self.browse.toggle() == Expanded::Leaf {
                        self.focus = Focus::Detail;
                    }
                }
                Screen::Duty(_) => {
                    if let Some(t) = self.selected_task() {
                        self.push_history();
                        self.jump_to_task(t);
                    }
                }
            },
            Focus::Detail => {}
            f => match self
                .panes
                .entries(f)
                .get(self.pane_pos(f))
                .map(|e| e.target)
            {
                Some(Target::Unit(u)) => self.open_duty(u),
                Some(Target::Task(t)) => {
                    self.push_history();
                    self.jump_to_task(t);
                }
                _ => {}
            },
        }
    }

    fn current_location(&self) -> Location {
        match &self.screen {
            Screen::Browse => Location::Browse(self.browse.selected_key()),
            Screen::Duty(d) => Location::Duty {
                unit: d.unit,
                cursor: d.cursor,
            },
        }
    }

    pub(super) fn push_history(&mut self) {
        let loc = self.current_location();
        if self.history.last() != Some(&loc) {
            self.history.push(loc);
        }
        // A browser-like history need not grow without bound.
        if self.history.len() > 200 {
            self.history.remove(0);
        }
    }

    /// Esc: out of a zoomed pane, to the tree from a pane, else back to
    /// the previous place.
    pub(super) fn back(&mut self) {
        if self.zoomed {
            self.zoomed = false;
            return;
        }
        if self.focus != Focus::Tree {
            self.focus = Focus::Tree;
            return;
        }
        if self.search.is_some() && self.history.is_empty() {
            self.search = None;
            return;
        }
        match self.history.pop() {
            Some(Location::Browse(key)) => {
                self.screen = Screen::Browse;
                self.focus = Focus::Tree;
                if let Some(k) = key {
                    self.browse.select(k);
                }
            }
            Some(Location::Duty { unit, cursor }) => self.show_duty(unit, Some(cursor)),
            Some(Location::Coverage(doc)) => self.show_coverage(doc),
            None => {
                if let Screen::Duty(_) = self.screen {
                    self.screen = Screen::Browse;
                }
            }
        }
    }

    /// Shows a task in the tree; when the filters hide it, clears them.
    pub(super) fn jump_to_task(&mut self, t: TaskPos) {
        if self.browse.tree().task_node(t).is_none() {
            // Rare (an overlap into a filtered-out plan): done inline so the
            // jump lands at once.
            let out = jobs::compute(
                &self.cat,
                Request::Rebuild {
                    filters: Filters::default(),
                    grouping: self.grouping,
                },
            );
            self.apply_answer(out);
            self.status = Some(Status::info(self.lang.s().filtered_out));
        }
        self.screen = Screen::Browse;
        self.focus = Focus::Tree;
        self.browse.select(NodeKey::Task(t));
    }

    pub(super) fn set_filters(&mut self, f: Filters) {
        self.screen = Screen::Browse;
        self.focus = Focus::Tree;
        self.request(Request::Rebuild {
            filters: f,
            grouping: self.grouping,
        });
    }

    /// `d`: regroups the tree by region or by document.
    pub(super) fn toggle_grouping(&mut self) {
        let grouping = match self.grouping {
            Grouping::Region => Grouping::Document,
            Grouping::Document => Grouping::Region,
        };
        if let Screen::Duty(_) = self.screen {
            self.screen = Screen::Browse;
        }
        self.request(Request::Rebuild {
            filters: self.filters.clone(),
            grouping,
        });
    }
}
