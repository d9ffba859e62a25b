//! The related pane's two lists and the coverage view, seen from the
//! state: `p` switches the pane between overlaps and parallel pairs; `v`
//! opens the coverage of the selected plan (computed in the background,
//! kept when the view is left so that `v` or Esc comes back to it); the
//! document summary's line that offers it.

use std::sync::Arc;

use ratatui::text::Line;

use super::{App, Location, Screen};
use crate::overlap::coverage::Coverage;
use crate::query::{DocPos, TaskPos};
use crate::tui::action::Action;
use crate::tui::dialogs::coverage::{CoverageState, CoverageView};
use crate::tui::dialogs::{Dialog, Status};
use crate::tui::jobs::Request;
use crate::tui::keymap::InputMode;
use crate::tui::view::coverage::summary_hint;
use crate::tui::view::labels::doc_tag;
use crate::tui::view::panes::RelatedShow;
use crate::tui::view::tree::NodeKey;

impl App {
    /// `p`: the related-tasks pane lists parallel pairs instead of
    /// overlaps, or overlaps again; the status bar says which.
    pub(super) fn toggle_related(&mut self) {
        self.related_show = self.related_show.toggled();
        // The pane's entries are rebuilt for the same selection.
        self.panes_for = None;
        let s = self.lang.s();
        self.status = Some(Status::info(match self.related_show {
            RelatedShow::Overlaps => s.showing_overlaps,
            RelatedShow::Parallel => s.showing_parallel,
        }));
    }

    /// The plan the selection belongs to: a document node, or the
    /// document of the selected goal or task.
    fn selection_doc(&self) -> Option<DocPos> {
        if let Some(t) = self.selected_task() {
            return Some(self.cat.task_doc(t));
        }
        if !matches!(self.screen, Screen::Browse) {
            return None;
        }
        match self.browse.selected_key()? {
            NodeKey::Doc(d) => Some(d),
            NodeKey::Goal(g) => Some(self.cat.goal_doc(g)),
            NodeKey::Region(_) | NodeKey::Task(_) => None,
        }
    }

    /// `v`: the selected plan against the plans below it.
    pub(super) fn open_coverage(&mut self) {
        match self.selection_doc() {
            Some(doc) => self.show_coverage(doc),
            None => self.status = Some(Status::error(self.lang.s().cov_pick)),
        }
    }

    /// Shows the coverage view of `doc`: as it was left, or computed anew.
    pub(super) fn show_coverage(&mut self, doc: DocPos) {
        if let Some(v) = self.coverage_left.take_if(|v| v.doc == doc) {
            self.dialog = Some(Dialog::Coverage(v));
            return;
        }
        let lower = self.levels.below(doc).to_vec();
        if lower.is_empty() {
            let s = self.lang.s();
            let tag = self
                .cat
                .document(doc)
                .map_or_else(String::new, |d| doc_tag(&d.id.0).to_owned());
            self.status = Some(Status::error(format!("[{tag}] {}", s.cov_no_lower)));
            return;
        }
        self.dialog = Some(Dialog::Coverage(CoverageView::computing(doc, lower)));
        self.request(Request::Coverage { doc });
    }

    /// A coverage has been computed: into the view waiting for it.
    pub(super) fn coverage_computed(&mut self, doc: DocPos, result: Result<Arc<Coverage>, String>) {
        if let Some(Dialog::Coverage(v)) = &mut self.dialog
            && v.doc == doc
            && v.state == CoverageState::Computing
        {
            v.set_result(&self.cat, result);
        }
    }

    /// A dialog was closed: a computed coverage view is kept for `v`.
    pub(super) fn left_dialog(&mut self, d: Dialog) {
        if let Dialog::Coverage(v) = d
            && v.ready().is_some()
        {
            self.coverage_left = Some(v);
        }
    }

    /// Goes to a task from the coverage view `d`; Esc there comes back to
    /// the view as it was.
    pub(super) fn visit_from(&mut self, d: Dialog, t: TaskPos) {
        let doc = match &d {
            Dialog::Coverage(v) => Some(v.doc),
            _ => None,
        };
        self.left_dialog(d);
        self.push_history();
        if let Some(doc) = doc {
            self.history.push(Location::Coverage(doc));
        }
        self.jump_to_task(t);
    }

    /// The document summary's coverage line (the key, the plans below, or
    /// that there are none), after the summary's first block where it is
    /// seen without scrolling. A goal's summary has it only when its plan
    /// has plans below it.
    pub(super) fn add_coverage_hint(&self, lines: &mut Vec<Line<'static>>, width: usize) {
        if !matches!(self.screen, Screen::Browse) {
            return;
        }
        let doc = match self.browse.selected_key() {
            Some(NodeKey::Doc(d)) => d,
            Some(NodeKey::Goal(g)) if !self.levels.below(self.cat.goal_doc(g)).is_empty() => {
                self.cat.goal_doc(g)
            }
            _ => return,
        };
        let key = self
            .keys
            .keys_for(InputMode::Normal, &Action::OpenCoverage)
            .next()
            .map(|k| k.label(self.lang));
        let hint = summary_hint(&self.ctx(), &self.levels, doc, key, width.max(2));
        let at = lines
            .iter()
            .position(|l| l.width() == 0)
            .unwrap_or(lines.len());
        lines.splice(at..at, hint);
    }
}
