//! The dialogs seen from the state: opening each one with what it needs,
//! handing it its keys, and running what it hands back ([`Command`]);
//! plus the work those commands start (task search, a unit's duties).

use std::time::Duration;

use super::{App, Screen};
use crate::query::UnitPos;
use crate::tui::action::Action;
use crate::tui::dialogs::compare::Compare;
use crate::tui::dialogs::export::{ExportDialog, ExportScope, ExportTarget};
use crate::tui::dialogs::filter::FilterDialog;
use crate::tui::dialogs::finder::Finder;
use crate::tui::dialogs::help::Help;
use crate::tui::dialogs::search::Search;
use crate::tui::dialogs::{Command, Dialog, Outcome, Status};
use crate::tui::jobs::Request;
use crate::tui::layout::Focus;
use crate::tui::view::tree::NodeKey;

impl App {
    // ----- opening -------------------------------------------------------

    pub(super) fn open_help(&mut self) {
        self.dialog = Some(Dialog::Help(Help));
    }

    /// `/`: the prompt holds the last query.
    pub(super) fn open_search(&mut self) {
        let last = self.search_query().unwrap_or("");
        self.dialog = Some(Dialog::Search(Search::open(last)));
    }

    pub(super) fn open_finder(&mut self) {
        let m = self
            .matcher
            .get_or_insert_with(|| (self.matcher_factory)(&self.cat, self.finder_items.clone()));
        let f = Finder::open(m.as_mut(), &self.finder_items);
        self.dialog = Some(Dialog::Finder(f));
    }

    pub(super) fn open_filter(&mut self) {
        self.dialog = Some(Dialog::Filter(FilterDialog::open(&self.cat, &self.filters)));
    }

    pub(super) fn open_export(&mut self) {
        let scope = match &self.screen {
            Screen::Duty(d) => ExportScope::duty(&self.cat, d.unit),
            Screen::Browse => ExportScope::view(&self.cat, &self.filters, &self.view.units),
        };
        self.dialog = Some(Dialog::Export(ExportDialog::open(scope)));
    }

    /// `c`: compares the selected task with the related task selected in
    /// the related-tasks pane (the best one when that pane has no focus).
    pub(super) fn open_compare(&mut self) {
        let i = if self.focus == Focus::Overlaps {
            self.pane_pos(Focus::Overlaps)
        } else {
            0
        };
        let cmp = self
            .selected_task()
            .and_then(|task| Compare::related(&self.cat, task, &self.panes().related, i));
        match cmp {
            Some(c) => self.dialog = Some(Dialog::Compare(c)),
            None => self.status = Some(Status::error(self.lang.s().no_compare)),
        }
    }

    // ----- keys and answers ------------------------------------------------

    /// An action while a dialog is open: the dialog handles it.
    pub(super) fn dialog_action(&mut self, a: Action) {
        let Some(mut d) = self.dialog.take() else {
            return;
        };
        let out = match &mut d {
            Dialog::Help(h) => h.handle(),
            Dialog::Search(s) => s.handle(a),
            Dialog::Finder(f) => match self.matcher.as_deref_mut() {
                Some(m) => f.handle(a, m, &self.finder_items),
                None => Outcome::Keep,
            },
            Dialog::Filter(f) => f.handle(a, &self.cat),
            Dialog::Export(x) => {
                let to = ExportTarget {
                    cat: &self.cat,
                    hits: self.shown_hits(),
                    dir: &self.export_dir,
                    strings: self.lang.s(),
                };
                x.handle(a, &to)
            }
            Dialog::Compare(c) => c.handle(a, &self.ctx(), self.areas().body()),
            Dialog::Coverage(v) => v.handle(a, &self.ctx(), self.areas().body()),
        };
        self.settle_dialog(d, out);
    }

    /// Puts the dialog back or closes it, and runs what it asked for.
    fn settle_dialog(&mut self, d: Dialog, out: Outcome) {
        match out {
            Outcome::Keep => self.dialog = Some(d),
            Outcome::KeepSaying(st) => {
                self.dialog = Some(d);
                self.status = Some(st);
            }
            Outcome::Close => self.left_dialog(d),
            Outcome::Run(Command::Visit(t)) => self.visit_from(d, t),
            Outcome::Run(cmd) => self.run(cmd),
        }
    }

    fn run(&mut self, cmd: Command) {
        match cmd {
            Command::Search(q) => self.run_search(q),
            Command::OpenDuty(u) => self.open_duty(u),
            Command::SetFilters(f) => self.set_filters(f),
            Command::GoToTask(t) | Command::Visit(t) => {
                self.push_history();
                self.jump_to_task(t);
            }
            Command::Say(st) => self.status = Some(st),
        }
    }

    /// The finder's results, each tick.
    pub(super) fn poll_finder(&mut self) {
        if !matches!(self.dialog, Some(Dialog::Finder(_))) {
            return;
        }
        if let Some(Dialog::Finder(mut f)) = self.dialog.take() {
            let out = match self.matcher.as_deref_mut() {
                Some(m) => f.poll(m, &self.finder_items),
                None => Outcome::Keep,
            };
            self.settle_dialog(Dialog::Finder(f), out);
        }
    }

    /// Blocks up to `timeout` until the finder has results for what is
    /// typed (tests and benchmarks; the event loop polls instead).
    pub fn wait_for_finder(&mut self, timeout: Duration) {
        if !matches!(self.dialog, Some(Dialog::Finder(_))) {
            return;
        }
        if let Some(Dialog::Finder(mut f)) = self.dialog.take() {
            let out = match self.matcher.as_deref_mut() {
                Some(m) => f.wait(m, &self.finder_items, timeout),
                None => Outcome::Keep,
            };
            self.settle_dialog(Dialog::Finder(f), out);
            self.after();
        }
    }

    // ----- duty views ------------------------------------------------------

    /// Opens a unit's duties (Esc comes back here).
    pub fn open_duty(&mut self, unit: UnitPos) {
        self.push_history();
        self.show_duty(unit, None);
        self.after();
    }

    /// Shows a unit's duties, computed in the background; `cursor`
    /// restores a position when going back.
    pub(super) fn show_duty(&mut self, unit: UnitPos, cursor: Option<usize>) {
        self.request(Request::Duty { unit, cursor });
    }

    // ----- task search -----------------------------------------------------

    fn run_search(&mut self, query: String) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        // In tree order: the order tasks appear when everything is expanded.
        self.request(Request::Search {
            query,
            tree: self.browse.tree().clone(),
        });
    }

    /// `n` / `N`: the next or previous match, wrapping around.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(s) = &mut self.search else {
            return;
        };
        let n = s.matches.len();
        if n > 0 {
            s.current = if forward {
                (s.current + 1) % n
            } else {
                (s.current + n - 1) % n
            };
        }
        self.show_match();
    }

    /// Selects the current match and says which one it is.
    pub(super) fn show_match(&mut self) {
        let Some(s) = &self.search else {
            return;
        };
        let s_ = self.lang.s();
        match s.matches.get(s.current).copied() {
            Some(t) => {
                let text = format!(
                    "/{}  {} {}/{}",
                    s.query,
                    s_.match_of,
                    s.current + 1,
                    s.matches.len()
                );
                if let Screen::Duty(_) = self.screen {
                    self.screen = Screen::Browse;
                }
                self.focus = Focus::Tree;
                self.browse.select(NodeKey::Task(t));
                self.status = Some(Status::info(text));
            }
            None => {
                self.status = Some(Status::error(format!("/{}  {}", s.query, s_.no_match)));
            }
        }
    }
}
