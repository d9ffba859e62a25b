//! Progress in the explorer, seen from the state: the progress file the
//! CLI uses (opened with [`Tracker::open`], written through it), the keys
//! that record a status (`s`) or a note (`a`) for the selected task, and
//! what follows a recording (the status bar, the deadline view refreshed).

use std::path::Path;
use std::sync::Arc;

use super::ledger::LedgerScreen;
use super::{App, Screen};
use crate::progress::Tracker;
use crate::query::TaskPos;
use crate::tui::dialogs::note::NoteDialog;
use crate::tui::dialogs::status::{Recorder, StatusDialog};
use crate::tui::dialogs::{Dialog, Outcome, Status};
use crate::tui::jobs::DueAt;
use crate::tui::view::labels::numbered_title;

impl App {
    /// Opens the progress file at `path` against the explorer's data (a
    /// missing file is empty progress). A file that cannot be used leaves
    /// the explorer without progress, saying why; progress whose task is
    /// gone is reported once, in the status bar.
    pub fn open_progress(&mut self, path: &Path, explicit: bool) {
        self.ledger.explicit = explicit;
        let s = self.lang.s();
        let said = match Tracker::open(path, self.cat.data()) {
            Ok(t) => {
                self.ledger.problem = None;
                let orphans: usize = t.ledger().orphans.iter().map(|o| o.events).sum();
                self.ledger.tracker = Some(Arc::new(t));
                (orphans > 0).then(|| {
                    Status::error(format!(
                        "{}: {orphans} {}",
                        crate::sanitise::path(path),
                        s.orphaned
                    ))
                })
            }
            Err(e) => {
                self.ledger.tracker = None;
                self.ledger.problem = Some(e.to_string());
                Some(Status::error(format!("{}: {e}", s.progress_unusable)))
            }
        };
        if let Some(st) = said {
            self.status = Some(match self.status.take() {
                // A config problem said first stays in front.
                Some(before) => Status::error(format!("{} · {}", before.text, st.text)),
                None => st,
            });
        }
    }

    /// The progress file, when it could be used.
    pub fn progress(&self) -> Option<&Tracker> {
        self.ledger.tracker.as_deref()
    }

    /// The task the progress keys act on, or why there is none.
    fn progress_task(&mut self) -> Option<TaskPos> {
        let s = self.lang.s();
        if self.ledger.tracker.is_none() {
            self.status = Some(Status::error(s.progress_unusable));
            return None;
        }
        let t = self.selected_task();
        if t.is_none() {
            self.status = Some(Status::error(s.no_task));
        }
        t
    }

    /// `s`: the status picker for the selected task.
    pub(super) fn open_status(&mut self) {
        let Some(t) = self.progress_task() else {
            return;
        };
        let current = self
            .progress()
            .and_then(|p| p.ledger().of(t.index()).status);
        let title = numbered_title(self.cat.task(t));
        self.dialog = Some(Dialog::Status(StatusDialog::open(
            t,
            title,
            current,
            self.ledger.today,
        )));
    }

    /// `a`: a progress note for the selected task; the unit in view (a
    /// duty list's, the deadline view's) is proposed as the reporting unit.
    pub(super) fn open_note(&mut self) {
        let Some(t) = self.progress_task() else {
            return;
        };
        let unit = match &self.screen {
            Screen::Duty(d) => Some(d.unit),
            Screen::Ledger(LedgerScreen::Due(d)) => d.unit,
            _ => None,
        };
        let file = self
            .progress()
            .map_or_else(String::new, |p| crate::sanitise::path(p.path()));
        let title = numbered_title(self.cat.task(t));
        let unit = unit.map(|u| self.cat.unit(u).name.as_str());
        self.dialog = Some(Dialog::Note(NoteDialog::open(
            t,
            title,
            unit,
            self.ledger.today,
            file,
        )));
    }

    /// Keys in the status or note dialog: they record through the
    /// progress file.
    pub(super) fn progress_dialog(
        &mut self,
        d: &mut Dialog,
        a: crate::tui::action::Action,
    ) -> Outcome {
        let Some(arc) = self.ledger.tracker.as_mut() else {
            return Outcome::Close;
        };
        // The background thread may hold a copy of what was read: writing
        // works on the explorer's own.
        let mut rec = Recorder {
            tracker: Arc::make_mut(arc),
            cat: &self.cat,
            today: self.ledger.today,
            explicit: self.ledger.explicit,
            strings: self.lang.s(),
        };
        match d {
            Dialog::Status(x) => x.handle(a, &mut rec),
            Dialog::Note(x) => x.handle(a, &mut rec),
            _ => Outcome::Keep,
        }
    }

    /// Progress was recorded: say so, and refresh the deadline view when
    /// it is on screen (the task may have moved to another group).
    pub(super) fn recorded(&mut self, st: Status) {
        self.status = Some(st);
        if let Screen::Ledger(LedgerScreen::Due(d)) = &self.screen {
            let at = DueAt {
                task: d.selected_task(),
                line: Some(d.cursor),
                refresh: true,
            };
            let unit = d.unit;
            self.show_due(unit, at);
        }
    }
}
