//! The 台账 in the explorer, seen from the state: what it keeps (the
//! progress file, the day deadlines are judged on, `--today`), the
//! deadline view and the responsibility matrix as screens
//! ([`LedgerScreen`]) and a matrix cell's tasks as a duty list. Recording
//! progress (the status and note dialogs) is `super::progress`.
//!
//! Keys: `t` deadlines (the unit of a duty view, of the matrix row or of
//! the unit filter preselected; `u` picks another, `F` shows every unit),
//! `m` the matrix (`o` its order, `b` by plans ↔ by the goals of the plan
//! under the cursor, Enter a cell's tasks, Enter on the totals column the
//! unit's duties), `s` a status, `a` a note. Esc walks back through all of
//! them as through any jump.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{App, Location, Screen};
use crate::matrix::{By, Sort};
use crate::progress::Tracker;
use crate::query::{Catalog, Filters, Hit, TaskPos, UnitPos};
use crate::tui::action::Action;
use crate::tui::dialogs::Status;
use crate::tui::dialogs::export::ExportScope;
use crate::tui::jobs::{Answer, DueAt, Request};
use crate::tui::keymap::help::HintBar;
use crate::tui::keymap::table as hints;
use crate::tui::layout::{Focus, inner};
use crate::tui::view::Ctx;
use crate::tui::view::deadlines::{DueLine, DueList, group_label};
use crate::tui::view::duty::{DutyCell, cell_duty};
use crate::tui::view::heatmap::HeatMap;
use crate::tui::view::labels::doc_label;

/// What the explorer keeps for the 台账.
#[derive(Debug)]
pub struct LedgerState {
    /// The progress file as last read or written; `None` when it could
    /// not be used (unreadable, of a newer version): nothing is recorded
    /// then, and the task pane says why.
    pub tracker: Option<Arc<Tracker>>,
    /// Why the progress file could not be used. Without a tracker and
    /// without a problem no progress file was opened (tests): the task
    /// pane has no progress section then.
    pub problem: Option<String>,
    /// The file was named with `--progress`.
    pub explicit: bool,
    /// The day deadlines and statuses are judged on (`--today`, else today).
    pub today: NaiveDate,
    /// The matrix last shown, kept while its cells are looked at.
    kept: Option<Box<HeatMap>>,
    /// The finder was opened from the deadline view: the unit chosen
    /// there filters the view instead of opening its duties.
    pub(super) finder_for_due: bool,
}

impl Default for LedgerState {
    fn default() -> LedgerState {
        LedgerState {
            tracker: None,
            problem: None,
            explicit: false,
            today: crate::deadline::today(),
            kept: None,
            finder_for_due: false,
        }
    }
}

/// The 台账's screens.
#[derive(Debug, Clone)]
pub enum LedgerScreen {
    /// Tasks by deadline, with the task panes on the right.
    Due(DueList),
    /// The heat map, over the whole body.
    Matrix(Box<HeatMap>),
}

impl LedgerScreen {
    pub fn selected_task(&self) -> Option<TaskPos> {
        match self {
            LedgerScreen::Due(d) => d.selected_task(),
            LedgerScreen::Matrix(_) => None,
        }
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        match self {
            LedgerScreen::Due(d) => d.selected_row().map(|r| &r.hit),
            LedgerScreen::Matrix(_) => None,
        }
    }

    /// What `e` exports: the deadline view's tasks, in its order.
    pub fn hits(&self) -> &[Hit] {
        match self {
            LedgerScreen::Due(d) => &d.hits,
            LedgerScreen::Matrix(_) => &[],
        }
    }

    pub fn cursor(&self) -> usize {
        match self {
            LedgerScreen::Due(d) => d.cursor,
            LedgerScreen::Matrix(m) => m.row,
        }
    }

    /// The first row on screen and the number of rows (for clicks).
    pub fn scroll_len(&self) -> (usize, usize) {
        match self {
            LedgerScreen::Due(d) => (d.scroll, d.lines.len()),
            LedgerScreen::Matrix(m) => (m.scroll_row, m.matrix.rows.len()),
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        match self {
            LedgerScreen::Due(d) => d.move_by(delta),
            LedgerScreen::Matrix(m) => m.move_row(delta),
        }
    }

    pub fn set_cursor(&mut self, i: usize) {
        match self {
            LedgerScreen::Due(d) => d.set_cursor(i),
            LedgerScreen::Matrix(m) => {
                m.row = i;
                m.move_row(0);
            }
        }
    }

    /// `h`/`l`: the previous or next group of the deadline view, the
    /// matrix's column to the left or right.
    pub fn step(&mut self, forward: bool) {
        match self {
            LedgerScreen::Due(d) => d.jump_group(forward),
            LedgerScreen::Matrix(m) => m.move_col(if forward { 1 } else { -1 }),
        }
    }

    /// Keeps the cursor on screen: the list in `list_height` rows, the
    /// matrix inside `body` (between the title and the status bar).
    pub fn keep_visible(&mut self, list_height: usize, body: ratatui::layout::Rect) {
        match self {
            LedgerScreen::Due(d) => d.keep_visible(list_height),
            LedgerScreen::Matrix(m) => {
                let r = inner(body);
                m.keep_visible(r.width as usize, r.height as usize);
            }
        }
    }

    /// The tasks of the selected group header (for the summary).
    pub fn group_tasks(&self) -> Vec<TaskPos> {
        match self {
            LedgerScreen::Due(d) => d.group_tasks(),
            LedgerScreen::Matrix(_) => Vec::new(),
        }
    }

    /// The summary's title on a group header.
    pub fn title(&self, ctx: &Ctx) -> String {
        match self {
            LedgerScreen::Due(d) => match d.lines.get(d.cursor) {
                Some(DueLine::Group(g)) => group_label(ctx.s(), d.groups[*g].group).to_owned(),
                _ => String::new(),
            },
            LedgerScreen::Matrix(_) => String::new(),
        }
    }

    /// Where Esc comes back to.
    pub fn location(&self) -> Location {
        match self {
            LedgerScreen::Due(d) => Location::Due {
                unit: d.unit,
                line: d.cursor,
            },
            LedgerScreen::Matrix(m) => Location::Matrix { by: m.by() },
        }
    }

    /// The hint line when the list (or matrix) has the keys.
    pub fn hints(&self) -> &'static HintBar {
        match self {
            LedgerScreen::Due(_) => &hints::DEADLINES,
            LedgerScreen::Matrix(_) => &hints::MATRIX,
        }
    }

    /// The name `e` proposes: the unit's, or that of every task.
    pub fn export_scope(&self, c: &Catalog) -> ExportScope {
        match self {
            LedgerScreen::Due(DueList { unit: Some(u), .. }) => ExportScope::duty(c, *u),
            _ => ExportScope::view(c, &Filters::default(), &[]),
        }
    }
}

impl App {
    /// Keys the 台账 takes before the ordinary handling: its own actions
    /// anywhere, and on the matrix everything it means differently.
    /// Returns whether the action was taken.
    pub(super) fn ledger_keys(&mut self, a: &Action) -> bool {
        match a {
            Action::Deadlines => self.open_deadlines(),
            Action::Matrix => self.open_matrix(),
            Action::SortMatrix => self.with_matrix(HeatMap::cycle_sort),
            Action::MatrixBy => self.switch_matrix_by(),
            Action::SetStatus => self.open_status(),
            Action::AddNote => self.open_note(),
            Action::OpenFinder => {
                // Falls through to the finder; remember what it is for.
                self.ledger.finder_for_due =
                    matches!(self.screen, Screen::Ledger(LedgerScreen::Due(_)));
                return false;
            }
            Action::ClearFilters => match &self.screen {
                Screen::Ledger(LedgerScreen::Due(d)) if d.unit.is_some() => {
                    self.show_due(None, DueAt::default())
                }
                _ => return false,
            },
            _ if matches!(self.screen, Screen::Ledger(LedgerScreen::Matrix(_))) => {
                return self.matrix_keys(a);
            }
            _ => return false,
        }
        true
    }

    /// On the matrix: moving is by rows and columns, Enter opens a cell,
    /// the panes (Tab) and the task-only keys have nothing to act on.
    fn matrix_keys(&mut self, a: &Action) -> bool {
        match a {
            Action::Open => self.open_cell(),
            Action::OpenExport => {
                self.status = Some(Status::info(self.lang.s().matrix_export));
            }
            Action::FocusNext | Action::FocusPrev | Action::Compare => {}
            Action::Click { x, y } => {
                let body = inner(self.areas().body());
                if let Screen::Ledger(LedgerScreen::Matrix(m)) = &mut self.screen
                    && let Some((row, col)) = m.cell_at(body, *x, *y)
                {
                    m.row = row;
                    m.col = col;
                }
            }
            _ => return false,
        }
        true
    }

    fn with_matrix(&mut self, f: impl FnOnce(&mut HeatMap)) {
        if let Screen::Ledger(LedgerScreen::Matrix(m)) = &mut self.screen {
            f(m);
        }
    }

    // ----- the deadline view ---------------------------------------------

    /// `t`: the deadline view, for the unit in view when there is one.
    fn open_deadlines(&mut self) {
        let unit = match &self.screen {
            Screen::Duty(d) => Some(d.unit),
            Screen::Ledger(LedgerScreen::Due(d)) => d.unit,
            Screen::Ledger(LedgerScreen::Matrix(m)) => m.unit(),
            Screen::Browse => match self.view.units.as_slice() {
                [u] => Some(*u),
                _ => None,
            },
        };
        self.push_history();
        self.show_due(unit, DueAt::default());
    }

    /// Builds the deadline view in the background.
    pub(super) fn show_due(&mut self, unit: Option<UnitPos>, at: DueAt) {
        self.request(Request::Due {
            unit,
            today: self.ledger.today,
            tracker: self.ledger.tracker.clone(),
            at,
        });
    }

    /// A unit chosen in the finder opened from the deadline view.
    pub(super) fn due_unit_chosen(&mut self, unit: UnitPos) {
        self.ledger.finder_for_due = false;
        self.show_due(Some(unit), DueAt::default());
    }

    // ----- the matrix ------------------------------------------------------

    /// `m`: the matrix as it was left, else units × plans.
    fn open_matrix(&mut self) {
        if matches!(self.screen, Screen::Ledger(LedgerScreen::Matrix(_))) {
            return;
        }
        self.push_history();
        match self.ledger.kept.take() {
            Some(m) => self.show_matrix(m),
            None => self.request(Request::Matrix {
                by: By::Doc,
                sort: Sort::Total,
                unit: None,
                column: None,
            }),
        }
    }

    fn show_matrix(&mut self, m: Box<HeatMap>) {
        self.screen = Screen::Ledger(LedgerScreen::Matrix(m));
        self.focus = Focus::Tree;
    }

    /// `b`: from units × plans to units × the goals of the plan under the
    /// cursor, and back (the cursor on that plan); the unit stays.
    fn switch_matrix_by(&mut self) {
        let Screen::Ledger(LedgerScreen::Matrix(m)) = &self.screen else {
            return;
        };
        let unit = m.unit().map(UnitPos::index);
        let (by, column) = match m.by() {
            By::Doc => match m.column() {
                Some(col) => (By::Goal(col.position), None),
                // On the totals column: the first plan.
                None => (By::Goal(0), None),
            },
            By::Goal(doc) => (By::Doc, Some(doc)),
        };
        if self.cat.documents().is_empty() {
            return;
        }
        let sort = match m.sort {
            Sort::Column(_) => Sort::Total,
            s => s,
        };
        self.request(Request::Matrix {
            by,
            sort,
            unit,
            column,
        });
    }

    /// Enter on the matrix: a cell → its tasks as a duty list (Esc comes
    /// back to the matrix); the totals column → the unit's duties.
    fn open_cell(&mut self) {
        let Screen::Ledger(LedgerScreen::Matrix(m)) = &self.screen else {
            return;
        };
        let Some(unit) = m.unit() else {
            return;
        };
        let Some(col) = m.column() else {
            return self.open_duty(unit);
        };
        if m.matrix.rows[m.row].cells[m.col].total() == 0 {
            self.status = Some(Status::info(self.lang.s().empty));
            return;
        }
        let cell = DutyCell {
            by: m.by(),
            column: col.position,
            label: self.cell_label(m.by(), col.position),
        };
        self.push_history();
        if let Screen::Ledger(LedgerScreen::Matrix(m)) =
            std::mem::replace(&mut self.screen, Screen::Browse)
        {
            self.ledger.kept = Some(m);
        }
        self.screen = Screen::Duty(cell_duty(&self.cat, unit, cell));
        self.focus = Focus::Tree;
    }

    /// `[000] 标题` for a plan's column, the goal's title for a goal's.
    fn cell_label(&self, by: By, position: usize) -> String {
        let c = &self.cat;
        match by {
            By::Doc => c
                .documents()
                .get(position)
                .map_or_else(String::new, doc_label),
            By::Goal(_) => c
                .goals()
                .get(position)
                .map_or_else(String::new, |g| g.title.clone()),
        }
    }

    /// Esc back to a 台账 screen.
    pub(super) fn ledger_back(&mut self, loc: Location) {
        match loc {
            Location::Due { unit, line } => self.show_due(
                unit,
                DueAt {
                    task: None,
                    line: Some(line),
                    refresh: false,
                },
            ),
            Location::Matrix { by } => match self.ledger.kept.take() {
                Some(m) if m.by() == by => self.show_matrix(m),
                _ => self.request(Request::Matrix {
                    by,
                    sort: Sort::Total,
                    unit: None,
                    column: None,
                }),
            },
            Location::Cell {
                unit,
                by,
                column,
                cursor,
            } => {
                let label = self.cell_label(by, column);
                let mut d = cell_duty(&self.cat, unit, DutyCell { by, column, label });
                d.set_cursor(cursor);
                self.screen = Screen::Duty(d);
                self.focus = Focus::Tree;
            }
            _ => {}
        }
    }

    /// A deadline view or a matrix computed in the background.
    pub(super) fn apply_ledger_answer(&mut self, out: Answer) {
        match out {
            Answer::Due { list, refresh } => {
                let on_due = matches!(self.screen, Screen::Ledger(LedgerScreen::Due(_)));
                if refresh && !on_due {
                    return;
                }
                self.screen = Screen::Ledger(LedgerScreen::Due(list));
                if !refresh {
                    self.focus = Focus::Tree;
                }
            }
            Answer::Matrix { map } => self.show_matrix(map),
            _ => {}
        }
    }
}
