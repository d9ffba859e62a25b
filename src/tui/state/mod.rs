//! The explorer's state and `update`: every change goes through
//! [`App::update`] with an [`Action`]; drawing (`render`) only reads.
//!
//! The state keeps what the user did — the selection (a [`TreeModel`] or a
//! [`Duty`] list), the focus, the history of jumps, the open dialog, the
//! background jobs — and one cached set of what the selection shows (the
//! pane entries, the summary), recomputed through the view layer when the
//! selection or the filters change. Parts: [`nav`] (moving, opening,
//! going back), [`commands`] (dialogs and what they hand back, search,
//! duty views), [`background`] (jobs and the keys held while they run),
//! [`mouse`], [`detail`] (the detail pane's lines, wrapped lazily), [`coverage`] (the related pane's lists, the coverage view),
//! [`ledger`] (the 台账: deadlines, the matrix), [`progress`] (recording
//! statuses and notes).

mod background;
mod commands;
mod coverage;
mod detail;
pub mod ledger;
mod mouse;
mod nav;
mod progress;

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::Event;

use super::action::Action;
use super::config::{self, ConfigError};
use super::dialogs::coverage::CoverageView;
use super::dialogs::export::ExportMemory;
use super::dialogs::{Dialog, Status};
use super::i18n::Lang;
use super::jobs::{self, Jobs, Request};
use super::keymap::{InputMode, Keymap};
use super::layout::{self, Areas, Focus};
use super::matcher::{self, EngineMatcher, FinderItem, TaskSearcher, UnitMatcher};
use super::scroll::Drawn;
use super::theme::Theme;
use super::view::Ctx;
use super::view::coverage::PlanLevels;
use super::view::detail::{DetailCache, Subject};
use super::view::duty::Duty;
use super::view::panes::{Panes, RelatedShow};
use super::view::summary::Summary;
use super::view::text::CharRanges;
use super::view::tree::{Grouping, NodeId, NodeKey};
use super::view::tree_model::TreeModel;
use crate::query::{Catalog, DocPos, Filters, Hit, TaskPos, UnitPos, View};
use ledger::{LedgerScreen, LedgerState};

/// Where the user was, for Esc/Backspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    Browse(Option<NodeKey>),
    Duty {
        unit: UnitPos,
        cursor: usize,
    },
    /// The coverage view of a plan (as it was left: `App::coverage_left`).
    Coverage(DocPos),
    // The 台账 (issue 15).
    Due {
        unit: Option<UnitPos>,
        line: usize,
    },
    Matrix {
        by: crate::matrix::By,
    },
    /// A matrix cell's tasks (a duty list of one plan or goal).
    Cell {
        unit: UnitPos,
        by: crate::matrix::By,
        column: usize,
        cursor: usize,
    },
}

pub enum Screen {
    Browse,
    Duty(Duty),
    /// The deadline view or the matrix (issue 15).
    Ledger(LedgerScreen),
}

pub struct SearchState {
    pub query: String,
    /// Matching tasks, in tree order.
    pub matches: Vec<TaskPos>,
    pub current: usize,
    /// Where the match sits in each matching task's title (char positions).
    pub titles: HashMap<TaskPos, Vec<usize>>,
}

/// What the cached pane entries and summary were computed for.
#[derive(Debug, Clone, PartialEq)]
enum Selected {
    Browse(Option<NodeKey>),
    Duty(UnitPos, usize),
    Ledger(Option<TaskPos>, usize),
}

/// Builds the unit finder's matcher (on first use, then kept).
pub type MatcherFactory = Box<dyn Fn(&Arc<Catalog>, Arc<Vec<FinderItem>>) -> Box<dyn UnitMatcher>>;

pub struct App {
    pub cat: Arc<Catalog>,
    pub lang: Lang,
    pub theme: Theme,
    /// The key table in force (defaults, remapped by the user's config).
    pub keys: Keymap,
    /// Where the data came from, for the title bar.
    pub origin: String,
    pub size: (u16, u16),
    pub filters: Filters,
    pub view: View,
    pub grouping: Grouping,
    /// The tree with its expansion and selection.
    pub browse: TreeModel,
    pub focus: Focus,
    /// The focused pane fills the screen (`z`).
    pub zoomed: bool,
    /// Per pane: the selected entry (lists) or scroll offset (detail).
    pane_pos: [usize; Focus::COUNT],
    /// What each pane showed in the last frame (recorded by drawing).
    pub drawn: Drawn,
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub history: Vec<Location>,
    pub search: Option<SearchState>,
    pub status: Option<Status>,
    /// The summary of the selected region, document, goal or duty group.
    pub summary: Option<Summary>,
    /// Summaries of tree nodes already shown, until the tree changes:
    /// a region's summary runs over all its tasks.
    summary_cache: HashMap<NodeKey, Summary>,
    /// The entries of the right-hand panes for the selection.
    panes: Panes,
    /// The selected task's text, wrapped as far as the pane has scrolled.
    detail: DetailCache,
    panes_for: Option<Selected>,
    summary_for: Option<Selected>,
    pub finder_items: Arc<Vec<FinderItem>>,
    pub matcher_factory: MatcherFactory,
    /// Built by `matcher_factory` when the finder first opens.
    pub matcher: Option<Box<dyn UnitMatcher>>,
    /// The `/` search's engine over tasks, built on first use.
    pub task_searcher: TaskSearcher,
    /// Counts the `/` prompt's matches as the user types (first `/` on).
    task_matcher: Option<EngineMatcher>,
    /// The last query searched, for the prompt's recall key.
    pub last_search: String,
    /// Where the search's match sits in the selected task's text, for the
    /// query and task it was found for.
    search_text: Option<(String, TaskPos, CharRanges)>,
    /// The folder and format of the last export (where relative names go).
    pub export: ExportMemory,
    /// The data file as exported title rows name it.
    pub data_name: String,
    pub quit: bool,
    /// The background worker for refiltering and searching; `None` runs
    /// that work inline (tests).
    pub jobs: Option<Jobs>,
    generation: u64,
    /// Generation of the outstanding request per kind (rebuild, search, duty).
    pending: [Option<u64>; jobs::KINDS],
    /// Input that arrived while the effect of an earlier key was still on
    /// its way (see [`App::holding_input`]), replayed in order once it
    /// lands, with the time the oldest one arrived.
    held: VecDeque<Event>,
    held_since: Option<Instant>,
    // The related pane's lists and the coverage view (issue 14).
    /// Whether the related-tasks pane lists overlaps or parallel pairs.
    pub related_show: RelatedShow,
    /// Which plans lie below which (for the coverage view).
    pub levels: PlanLevels,
    /// The coverage view last closed, kept so that `v` or Esc reopens it
    /// where it was without computing it again.
    coverage_left: Option<CoverageView>,
    /// The 台账: the progress file, `--today`, the matrix kept.
    pub ledger: LedgerState,
}

/// What the summary of a tree node is of.
fn subject_of(k: NodeKey) -> Subject {
    match k {
        NodeKey::Doc(d) => Subject::Doc(d),
        NodeKey::Goal(g) => Subject::Goal(g),
        NodeKey::Region(_) | NodeKey::Task(_) | NodeKey::Unplaced => Subject::Tasks,
    }
}

/// Held input is let through after this long even if the background work
/// it waits for has not answered, so a stuck job cannot freeze the keyboard.
const HOLD_LIMIT: Duration = Duration::from_secs(2);

/// Above this many tasks, applying a filter does not expand every goal
/// (so a broad filter on huge data keeps the tree short).
const AUTO_EXPAND_LIMIT: usize = 2000;

impl App {
    pub fn new(cat: Catalog, lang: Lang, theme: Theme, origin: String, size: (u16, u16)) -> App {
        // Narrow ambiguous characters until `apply_ui` says otherwise
        // (widths are per thread: this is the thread that draws).
        crate::text::set_ambiguous_wide(false);
        let cat = Arc::new(cat);
        let finder_items = Arc::new(matcher::items(&cat));
        let mut app = App {
            cat,
            lang,
            theme,
            keys: Keymap::default(),
            origin,
            size,
            filters: Filters::default(),
            view: View::default(),
            grouping: Grouping::Region,
            browse: TreeModel::default(),
            focus: Focus::Tree,
            zoomed: false,
            pane_pos: [0; Focus::COUNT],
            drawn: Drawn::default(),
            screen: Screen::Browse,
            dialog: None,
            history: Vec::new(),
            search: None,
            status: None,
            summary: None,
            summary_cache: HashMap::new(),
            panes: Panes::default(),
            detail: DetailCache::default(),
            panes_for: None,
            summary_for: None,
            finder_items,
            matcher_factory: Box::new(|c, _| Box::new(EngineMatcher::new(c.clone()))),
            matcher: None,
            task_searcher: TaskSearcher::default(),
            task_matcher: None,
            last_search: String::new(),
            search_text: None,
            export: ExportMemory::new(
                std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            ),
            data_name: String::new(),
            quit: false,
            jobs: None,
            generation: 0,
            pending: [None; jobs::KINDS],
            held: VecDeque::new(),
            held_since: None,
            related_show: RelatedShow::default(),
            levels: PlanLevels::default(),
            coverage_left: None,
            ledger: LedgerState::default(),
        };
        app.data_name = app.origin.clone();
        app.levels = PlanLevels::of(&app.cat);
        let first = jobs::compute(
            &app.cat,
            Request::Rebuild {
                filters: Filters::default(),
                grouping: Grouping::Region,
            },
        );
        app.apply_answer(first);
        app
    }

    /// Moves refiltering, regrouping and task search to a background
    /// thread (the interactive explorer does this; tests run inline).
    pub fn enable_background(&mut self) {
        self.jobs = Some(Jobs::spawn(self.cat.clone()));
    }

    /// Takes the user's config file at `path` (its keys and `[ui]`) under
    /// the terminal's locale. A file that cannot be used leaves the
    /// defaults; the status bar says why, and the reason is returned.
    pub fn apply_config(&mut self, path: Option<&std::path::Path>) -> Option<ConfigError> {
        let (config, problem) = config::load(path);
        self.keys = config.keys;
        self.apply_ui(config.ui.resolve(&config::Terminal::from_env()));
        if let Some(e) = &problem {
            let s = self.lang.s();
            self.status = Some(Status::error(format!(
                "{}: {e}; {}",
                s.config_error, s.config_defaults
            )));
        }
        problem
    }

    /// Says once, in the status bar, what loading found wrong with the
    /// data file (`unplaced`: tasks shown under the 未归位 node).
    pub fn report_load(&mut self, problems: &[crate::model::Problem], unplaced: usize) {
        if !problems.is_empty() || unplaced > 0 {
            self.status = Some(Status::error(self.lang.load_problems(problems, unplaced)));
        }
    }

    /// Draws for a terminal where ambiguous-width characters are two
    /// columns or one, with ASCII or box-drawing borders. Widths are
    /// measured on the thread that calls this (the one that draws).
    pub fn apply_ui(&mut self, ui: config::Ui) {
        crate::text::set_ambiguous_wide(ui.ambiguous_wide);
        self.theme = self.theme.with_ascii_borders(ui.ascii_borders);
    }

    /// Whether background work is outstanding (the status bar says so).
    pub fn busy(&self) -> bool {
        self.pending.iter().any(Option::is_some)
    }

    /// Whether something is on its way that the next tick should pick up
    /// promptly: background work, or finder results for what was typed.
    pub fn awaiting(&self) -> bool {
        self.busy() || self.dialog.as_ref().is_some_and(Dialog::awaiting)
    }

    /// Whether input must wait: a key's effect has not landed yet (Enter
    /// in the finder before its results, a duty view, search or refilter
    /// still computing). A key typed meanwhile was meant for the state
    /// that key leads to: `e` after Enter on a unit exports the unit's
    /// duties, it is not a letter for the finder nor an export of the tree.
    pub fn holding_input(&self) -> bool {
        let waiting = (0..jobs::KINDS).any(|k| self.pending[k].is_some() && jobs::holds_input(k));
        waiting || self.dialog.as_ref().is_some_and(Dialog::holds_input)
    }

    // ----- what the state shows ----------------------------------------

    /// The view layer's inputs.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            cat: &self.cat,
            theme: &self.theme,
            lang: self.lang,
        }
    }

    pub fn input_mode(&self) -> InputMode {
        self.dialog
            .as_ref()
            .map_or(InputMode::Normal, Dialog::input_mode)
    }

    pub fn areas(&self) -> Areas {
        let screen = layout::Screen {
            duty: matches!(self.screen, Screen::Duty(_) | Screen::Ledger(_)),
            task: self.panes.sizes(),
            zoom: self.zoomed.then_some(self.focus),
        };
        layout::areas(
            &screen,
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
        )
    }

    /// The node under the tree cursor.
    pub fn selected_node(&self) -> Option<NodeId> {
        self.browse.selected()
    }

    /// The task the right-hand panes show, if a task is selected.
    pub fn selected_task(&self) -> Option<TaskPos> {
        match &self.screen {
            Screen::Browse => self.browse.selected_task(),
            Screen::Duty(d) => d.selected_task(),
            Screen::Ledger(l) => l.selected_task(),
        }
    }

    /// The duty hit under the cursor (for its role tag).
    pub fn selected_duty_hit(&self) -> Option<&Hit> {
        match &self.screen {
            Screen::Duty(d) => d.selected_hit(),
            Screen::Ledger(l) => l.selected_hit(),
            Screen::Browse => None,
        }
    }

    /// Panes on the right, in Tab order after the tree.
    pub fn right_panes(&self) -> &'static [Focus] {
        if self.selected_task().is_some() {
            &[
                Focus::Detail,
                Focus::Leads,
                Focus::Partners,
                Focus::Overlaps,
            ]
        } else {
            &[Focus::Detail]
        }
    }

    /// The right-hand panes' entries for the selection.
    pub fn panes(&self) -> &Panes {
        &self.panes
    }

    /// The selected entry of a list pane, or the detail pane's scroll.
    pub fn pane_pos(&self, f: Focus) -> usize {
        self.pane_pos[f.index()]
    }

    /// Tasks of the current screen, for export and the status bar.
    pub fn shown_hits(&self) -> &[Hit] {
        match &self.screen {
            Screen::Browse => &self.view.hits,
            Screen::Duty(d) => &d.hits,
            Screen::Ledger(l) => l.hits(),
        }
    }

    /// The query whose matches are highlighted.
    pub fn search_query(&self) -> Option<&str> {
        self.search.as_ref().map(|s| s.query.as_str())
    }

    /// Where the search's matches sit in task titles, for the tree.
    pub fn search_titles(&self) -> Option<&HashMap<TaskPos, Vec<usize>>> {
        self.search.as_ref().map(|s| &s.titles)
    }

    // ----- update ---------------------------------------------------------

    pub fn update(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Tick | Action::Resize(..) | Action::NextMatch | Action::PrevMatch
        ) && self.dialog.is_none()
        {
            // A message stays until the next key.
            self.status = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => self.size = (w, h),
            Action::Tick => {
                self.poll_finder();
                self.poll_jobs();
                self.replay_held();
            }
            a if self.dialog.is_some() => self.dialog_action(a),
            a => self.update_normal(a),
        }
        self.after();
    }

    fn update_normal(&mut self, a: Action) {
        if self.ledger_keys(&a) {
            return;
        }
        match a {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Collapse => self.collapse(),
            Action::Expand => self.expand(),
            Action::ExpandAll => self.browse.expand_all(),
            Action::CollapseAll => self.browse.collapse_all(),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(a == Action::FocusNext),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Help => self.open_help(),
            Action::StartSearch => self.open_search(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::OpenFinder => self.open_finder(),
            Action::OpenFilter => self.open_filter(),
            Action::ClearFilters if !self.filters.is_empty() => {
                self.set_filters(Filters::default());
            }
            Action::ToggleGrouping => self.toggle_grouping(),
            Action::OpenExport => self.open_export(),
            Action::Compare => self.open_compare(),
            Action::ToggleParallel => self.toggle_related(),
            Action::OpenCoverage => self.open_coverage(),
            Action::Zoom => self.zoomed = !self.zoomed,
            Action::Click { x, y } => self.click(x, y),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            _ => {}
        }
    }

    /// After every change: the cached panes and summary follow the
    /// selection, and the cursor stays on screen.
    fn after(&mut self) {
        let sel = match &self.screen {
            Screen::Browse => Selected::Browse(self.browse.selected_key()),
            Screen::Duty(d) => Selected::Duty(d.unit, d.cursor),
            Screen::Ledger(l) => Selected::Ledger(l.selected_task(), l.cursor()),
        };
        if self.panes_for.as_ref() != Some(&sel) {
            self.panes = Panes::of(
                &self.cat,
                self.lang.s(),
                self.selected_task(),
                self.related_show,
            );
            self.pane_pos = [0; Focus::COUNT];
            self.drawn.forget_panes();
            self.panes_for = Some(sel.clone());
        }
        if self.summary_for.as_ref() != Some(&sel) {
            self.summary = self.compute_summary();
            self.summary_for = Some(sel);
        }
        self.mark_search_in_text();
        let areas = self.areas();
        let h = areas.list_body().height as usize;
        match &mut self.screen {
            Screen::Browse => self.browse.keep_visible(h),
            Screen::Duty(d) => d.keep_visible(h),
            Screen::Ledger(l) => l.keep_visible(h, areas.body()),
        }
        // A task's text is wrapped ahead of the frame (a summary is short
        // and made when drawn: not on every key typed into a dialog).
        if self.selected_task().is_some() {
            self.prepare_detail(self.pane_pos(Focus::Detail));
        }
    }

    /// Finds where the search's query sits in the selected task's text,
    /// when the task or the query changed (one task: cheap, and never on
    /// the drawing path).
    fn mark_search_in_text(&mut self) {
        let (Some(s), Some(t)) = (&self.search, self.selected_task()) else {
            return;
        };
        if self
            .search_text
            .as_ref()
            .is_some_and(|(q, at, _)| *q == s.query && *at == t)
        {
            return;
        }
        let Some(searcher) = self.task_searcher.get() else {
            return;
        };
        // Key 1 of a task candidate is its text.
        let at = searcher.highlights_in(&s.query, t.index(), 1);
        self.search_text = Some((s.query.clone(), t, super::view::marks::ranges(&at, 0)));
    }

    /// The summary for a selected goal, region, document or duty group
    /// (`None` on a task).
    fn compute_summary(&mut self) -> Option<Summary> {
        if self.selected_task().is_some() {
            return None;
        }
        match &self.screen {
            Screen::Browse => {
                let n = self.browse.selected()?;
                let tree = self.browse.tree();
                let key = tree.node(n).key;
                if let Some(s) = self.summary_cache.get(&key) {
                    return Some(s.clone());
                }
                let mut tasks = Vec::new();
                tree.tasks_under(n, &mut tasks);
                let s = Summary::of(&self.cat, &tasks);
                self.summary_cache.insert(key, s.clone());
                Some(s)
            }
            Screen::Duty(d) => Some(Summary::of(&self.cat, &d.group_tasks())),
            Screen::Ledger(l) => Some(Summary::of(&self.cat, &l.group_tasks())),
        }
    }
}
