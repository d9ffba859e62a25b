//! The explorer's state and `update`: every change goes through
//! [`App::update`] with an [`Action`]; drawing (`render`) only reads.

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::finder::{self, EngineMatcher, FinderItem, FinderResults, UnitMatcher};
use super::i18n::Lang;
use super::input::TextInput;
use super::jobs::{self, Jobs, Outcome, Request};
use super::keymap::{self, InputMode};
use super::layout::{self, Areas};
use super::theme::Theme;
use super::tree::{Grouping, NodeKey, Tree};
use crate::query::{Catalog, Filters, Hit, Role, View};

mod compare;
mod dialogs;
mod duty;

pub use compare::{Compare, Related, task_label};
pub use duty::{Duty, DutyHandoff, DutyRow, Summary, build_duty};

/// The panes that take the keyboard, in Tab order. `Detail` is the task
/// text, or the summary when a goal or region is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    Tree,
    Detail,
    Leads,
    Partners,
    Overlaps,
}

impl Focus {
    pub fn slot(self) -> usize {
        match self {
            Focus::Tree => 0,
            Focus::Detail => 1,
            Focus::Leads => 2,
            Focus::Partners => 3,
            Focus::Overlaps => 4,
        }
    }
}

/// A dialog or overlay on top of the panes.
pub enum Overlay {
    Help,
    Search(TextInput),
    Finder(Finder),
    Filter(FilterForm),
    Export(ExportDialog),
    /// The selected task and a related task side by side.
    Compare(Compare),
}

pub struct Finder {
    pub input: TextInput,
    pub results: FinderResults,
    pub cursor: usize,
    /// Results for the typed text have not arrived yet.
    pub pending: bool,
    /// Enter was pressed before they arrived: open the best hit when they do.
    pub submit_when_ready: bool,
}

/// The filter dialog: three choices and two text fields.
#[derive(Debug, Clone)]
pub struct FilterForm {
    pub field: usize,
    /// 0 = all, else document position + 1.
    pub doc: usize,
    /// 0 = all, else region position + 1.
    pub region: usize,
    pub role: Role,
    pub unit: TextInput,
    pub text: TextInput,
    /// What was typed on the document or region choice (type-ahead).
    pub typeahead: String,
    pub error: Option<String>,
}

impl FilterForm {
    pub const FIELDS: usize = 5;
}

#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// Index into [`Format::offered`].
    pub format: usize,
    pub name: TextInput,
    /// 0 = format, 1 = file name.
    pub field: usize,
    /// Waiting for "overwrite? y/n".
    pub confirm: bool,
    /// The user typed a name: stop proposing one when the format changes.
    pub name_edited: bool,
    pub error: Option<String>,
}

/// Where the user was, for Esc/Backspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    Browse(Option<NodeKey>),
    Duty { unit: usize, cursor: usize },
}

pub enum Screen {
    Browse,
    Duty(Duty),
}

pub struct SearchState {
    pub query: String,
    /// Matching task positions, in tree order.
    pub matches: Vec<u32>,
    pub current: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Where a pane entry leads when opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Unit(usize),
    Task(usize),
    Nothing,
}

/// A line of the leads, partners or overlaps pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub target: Target,
    /// 0 for the unit itself, 1 for a group's member.
    pub depth: u8,
    pub text: String,
    /// Secondary text (canonical name, score) shown dimmed.
    pub note: String,
}

/// Builds the unit finder's matcher (on first use, then kept).
pub type MatcherFactory = Box<dyn Fn(&Arc<Catalog>, Arc<Vec<FinderItem>>) -> Box<dyn UnitMatcher>>;

pub struct App {
    pub cat: Arc<Catalog>,
    pub lang: Lang,
    pub theme: Theme,
    /// Where the data came from, for the title bar.
    pub origin: String,
    pub size: (u16, u16),
    pub filters: Filters,
    pub view: View,
    pub grouping: Grouping,
    pub tree: Arc<Tree>,
    pub expanded: HashSet<NodeKey>,
    pub rows: Vec<u32>,
    pub cursor: usize,
    pub scroll: usize,
    pub focus: Focus,
    /// Per focus slot: the selected entry (lists) or scroll offset (detail).
    pub pane_pos: [usize; 5],
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub history: Vec<Location>,
    pub search: Option<SearchState>,
    pub status: Option<Status>,
    pub summary: Option<Summary>,
    /// Summaries of tree nodes already shown, until the tree changes:
    /// a region's summary runs over all its tasks.
    summary_cache: std::collections::HashMap<NodeKey, Summary>,
    pub finder_items: Arc<Vec<FinderItem>>,
    pub matcher_factory: MatcherFactory,
    /// Built by `matcher_factory` when the finder first opens.
    pub matcher: Option<Box<dyn UnitMatcher>>,
    /// Folder where exports go when the name is relative.
    pub export_dir: PathBuf,
    pub quit: bool,
    /// The background worker for refiltering and searching; `None` runs
    /// that work inline (tests).
    pub jobs: Option<Jobs>,
    generation: u64,
    /// Generation of the outstanding request per kind (rebuild, search).
    pending: [Option<u64>; 3],
    /// Input that arrived while the effect of an earlier key was still on
    /// its way (see [`App::holding_input`]), replayed in order once it
    /// lands, with the time the oldest one arrived.
    held: VecDeque<Event>,
    held_since: Option<Instant>,
}

/// Held input is let through after this long even if the background work
/// it waits for has not answered, so a stuck job cannot freeze the keyboard.
const HOLD_LIMIT: Duration = Duration::from_secs(2);

/// Above this many tasks, applying a filter does not expand every goal
/// (so a broad filter on huge data keeps the tree short).
const AUTO_EXPAND_LIMIT: usize = 2000;

impl App {
    pub fn new(cat: Catalog, lang: Lang, theme: Theme, origin: String, size: (u16, u16)) -> App {
        let cat = Arc::new(cat);
        let view = cat.apply(&Filters::default()).unwrap_or_default();
        let finder_items = Arc::new(finder::items(&cat));
        let mut app = App {
            cat,
            lang,
            theme,
            origin,
            size,
            filters: Filters::default(),
            view,
            grouping: Grouping::Region,
            tree: Arc::new(Tree::default()),
            expanded: HashSet::new(),
            rows: Vec::new(),
            cursor: 0,
            scroll: 0,
            focus: Focus::Tree,
            pane_pos: [0; 5],
            screen: Screen::Browse,
            overlay: None,
            history: Vec::new(),
            search: None,
            status: None,
            summary: None,
            summary_cache: std::collections::HashMap::new(),
            finder_items,
            matcher_factory: Box::new(|c, _| Box::new(EngineMatcher::new(c.clone()))),
            matcher: None,
            export_dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            quit: false,
            jobs: None,
            generation: 0,
            pending: [None, None, None],
            held: VecDeque::new(),
            held_since: None,
        };
        let first = jobs::compute(
            &app.cat,
            Request::Rebuild {
                filters: Filters::default(),
                grouping: Grouping::Region,
            },
        );
        app.apply_outcome(first);
        app
    }

    /// Moves refiltering, regrouping and task search to a background
    /// thread (the interactive explorer does this; tests run inline).
    pub fn enable_background(&mut self) {
        self.jobs = Some(Jobs::spawn(self.cat.clone()));
    }

    /// Whether background work is outstanding (the status bar says so).
    pub fn busy(&self) -> bool {
        self.pending.iter().any(Option::is_some)
    }

    /// Whether something is on its way that the next tick should pick up
    /// promptly: background work, or finder results for what was typed.
    pub fn awaiting(&self) -> bool {
        self.busy() || matches!(&self.overlay, Some(Overlay::Finder(f)) if f.pending)
    }

    /// Whether input must wait: a key's effect has not landed yet (Enter
    /// in the finder before its results, a duty view, search or refilter
    /// still computing). A key typed meanwhile was meant for the state
    /// that key leads to: `e` after Enter on a unit exports the unit's
    /// duties, it is not a letter for the finder nor an export of the tree.
    pub fn holding_input(&self) -> bool {
        self.busy() || matches!(&self.overlay, Some(Overlay::Finder(f)) if f.submit_when_ready)
    }

    /// Handles one terminal event: mapped to an action for the current
    /// input mode, or held (in order) while [`holding_input`](Self::holding_input)
    /// and replayed on a later tick. Resizes apply at once; Ctrl-C always
    /// quits at once.
    pub fn handle_event(&mut self, ev: Event) {
        if let Event::Resize(..) = ev {
            return self.dispatch(&ev);
        }
        if let Event::Key(k) = &ev
            && k.kind != KeyEventKind::Release
            && k.code == KeyCode::Char('c')
            && k.modifiers.contains(KeyModifiers::CONTROL)
        {
            return self.dispatch(&ev);
        }
        if !self.held.is_empty() || self.holding_input() {
            self.held_since.get_or_insert_with(Instant::now);
            self.held.push_back(ev);
            return;
        }
        self.dispatch(&ev);
    }

    fn dispatch(&mut self, ev: &Event) {
        if let Some(a) = keymap::map_event(self.input_mode(), ev) {
            self.update(a);
        }
    }

    /// Replays held input once what it waited for has landed.
    fn replay_held(&mut self) {
        let overdue = self.held_since.is_some_and(|t| t.elapsed() >= HOLD_LIMIT);
        while !self.quit && (overdue || !self.holding_input()) {
            let Some(ev) = self.held.pop_front() else {
                break;
            };
            self.dispatch(&ev);
        }
        if self.held.is_empty() {
            self.held_since = None;
        } else if overdue {
            self.held_since = Some(Instant::now());
        }
    }

    fn request(&mut self, req: Request) {
        self.generation += 1;
        let kind = req.kind();
        match &self.jobs {
            Some(jobs) => {
                jobs.send(self.generation, req);
                self.pending[kind] = Some(self.generation);
            }
            None => {
                let out = jobs::compute(&self.cat, req);
                self.apply_outcome(out);
            }
        }
    }

    /// Takes finished background results (called every tick).
    fn poll_jobs(&mut self) {
        while let Some((generation, out)) = self.jobs.as_ref().and_then(|j| j.try_recv()) {
            self.accept(generation, out);
        }
    }

    fn accept(&mut self, generation: u64, out: Outcome) {
        let kind = out.kind();
        // An outcome for a request that a newer one replaced is dropped.
        if self.pending[kind] == Some(generation) {
            self.pending[kind] = None;
            self.apply_outcome(out);
        }
    }

    /// Blocks up to `timeout` until background work is done (tests and
    /// benchmarks; the event loop polls instead).
    pub fn settle(&mut self, timeout: std::time::Duration) {
        let deadline = std::time::Instant::now() + timeout;
        while self.busy() {
            let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) else {
                return;
            };
            match self.jobs.as_ref().and_then(|j| j.recv_timeout(left)) {
                Some((generation, out)) => self.accept(generation, out),
                None => return,
            }
        }
    }

    fn apply_outcome(&mut self, out: Outcome) {
        match out {
            Outcome::Rebuilt {
                filters,
                grouping,
                view,
                tree,
            } => {
                let key = self.selected_node().map(|n| self.tree.node(n).key);
                if grouping != self.grouping {
                    self.expanded.clear();
                }
                if filters != self.filters {
                    self.search = None;
                }
                self.filters = filters;
                self.grouping = grouping;
                self.view = view;
                self.tree = Arc::new(tree);
                self.summary_cache.clear();
                self.rows.clear();
                self.show_tree(key);
            }
            Outcome::Duty { mut duty, cursor } => {
                if let Some(c) = cursor {
                    duty.cursor = c.min(duty.rows.len().saturating_sub(1));
                }
                self.screen = Screen::Duty(duty);
                self.focus = Focus::Tree;
                self.pane_pos = [0; 5];
                self.after_selection();
                self.keep_cursor_visible();
            }
            Outcome::Searched { query, matches } => {
                let here = self.selected_task();
                let current = here
                    .and_then(|h| matches.iter().position(|&m| m as usize == h))
                    .unwrap_or(0);
                self.search = Some(SearchState {
                    query,
                    matches,
                    current,
                });
                self.show_match();
            }
        }
    }

    // ----- derived facts -------------------------------------------------

    pub fn input_mode(&self) -> InputMode {
        match &self.overlay {
            None => InputMode::Normal,
            Some(Overlay::Help) => InputMode::Help,
            Some(Overlay::Search(_)) | Some(Overlay::Finder(_)) => InputMode::Text,
            Some(Overlay::Filter(f)) if f.field < 3 => InputMode::Choice,
            Some(Overlay::Filter(_)) => InputMode::Text,
            Some(Overlay::Export(d)) if d.confirm => InputMode::Confirm,
            Some(Overlay::Export(d)) if d.field == 0 => InputMode::Choice,
            Some(Overlay::Export(_)) => InputMode::Text,
            Some(Overlay::Compare(_)) => InputMode::View,
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(
            self,
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
        )
    }

    /// The node under the tree cursor.
    pub fn selected_node(&self) -> Option<u32> {
        self.rows.get(self.cursor).copied()
    }

    /// The task the right-hand panes show, if a task is selected.
    pub fn selected_task(&self) -> Option<usize> {
        match &self.screen {
            Screen::Browse => match self.tree.node(self.selected_node()?).key {
                NodeKey::Task(t) => Some(t as usize),
                _ => None,
            },
            Screen::Duty(d) => match d.rows.get(d.cursor)? {
                DutyRow::Task(i) => Some(d.hits[*i].task),
                DutyRow::HandoffTask(t) => Some(*t),
                // A hand-off shows (and Enter opens) the other plan's task.
                DutyRow::Handoff(i) => Some(d.handoffs[*i].other),
                _ => None,
            },
        }
    }

    /// The duty hit under the cursor (for its role tag).
    pub fn selected_duty_hit(&self) -> Option<&Hit> {
        match &self.screen {
            Screen::Duty(d) => match d.rows.get(d.cursor)? {
                DutyRow::Task(i) => d.hits.get(*i),
                _ => None,
            },
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

    pub fn lead_entries(&self) -> Vec<Entry> {
        match self.selected_task() {
            Some(t) => self.unit_entries(&self.cat.task(t).leads),
            None => Vec::new(),
        }
    }

    pub fn partner_entries(&self) -> Vec<Entry> {
        match self.selected_task() {
            Some(t) => self.unit_entries(&self.cat.task(t).partners),
            None => Vec::new(),
        }
    }

    fn unit_entries(&self, refs: &[crate::model::UnitRef]) -> Vec<Entry> {
        let c = &self.cat;
        let mut out = Vec::new();
        for r in refs {
            let pos = c.index.units.get(&r.unit).copied();
            let canonical = pos
                .map(|u| c.data.units[u].name.clone())
                .unwrap_or_default();
            out.push(Entry {
                target: pos.map_or(Target::Nothing, Target::Unit),
                depth: 0,
                note: if canonical != r.written {
                    canonical
                } else {
                    String::new()
                },
                text: r.written.clone(),
            });
            if let Some(u) = pos {
                for m in &c.data.units[u].members {
                    let mp = c.index.units.get(m).copied();
                    out.push(Entry {
                        target: mp.map_or(Target::Nothing, Target::Unit),
                        depth: 1,
                        text: mp.map_or_else(|| m.0.clone(), |p| c.data.units[p].name.clone()),
                        note: String::new(),
                    });
                }
            }
        }
        out
    }

    /// Tasks in other documents that concern the same thing, most certain
    /// first (see [`App::related`]), with the score and the shared terms.
    pub fn overlap_entries(&self) -> Vec<Entry> {
        let c = &self.cat;
        self.related()
            .into_iter()
            .map(|r| {
                let ot = c.task(r.other);
                let ov = &c.data.overlaps[r.overlap];
                let shared: Vec<&str> = ov.shared.iter().map(|s| s.term.as_str()).collect();
                Entry {
                    target: Target::Task(r.other),
                    depth: 0,
                    text: format!("[{}] {}", doc_tag(&ot.doc.0), ot.title),
                    note: format!("{:.2} {}", r.score, shared.join("、")),
                }
            })
            .collect()
    }

    fn entries_of(&self, f: Focus) -> Vec<Entry> {
        match f {
            Focus::Leads => self.lead_entries(),
            Focus::Partners => self.partner_entries(),
            Focus::Overlaps => self.overlap_entries(),
            _ => Vec::new(),
        }
    }

    /// Tasks of the current screen, for export and the status bar.
    pub fn shown_hits(&self) -> &[Hit] {
        match &self.screen {
            Screen::Browse => &self.view.hits,
            Screen::Duty(d) => &d.hits,
        }
    }

    // ----- update ---------------------------------------------------------

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Tick | Action::Resize(..)) && self.overlay.is_none() {
            // A message stays until the next key.
            if !matches!(action, Action::NextMatch | Action::PrevMatch) {
                self.status = None;
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.keep_cursor_visible();
            }
            Action::Tick => {
                self.poll_finder();
                self.poll_jobs();
                self.replay_held();
            }
            a if self.overlay.is_some() => self.update_overlay(a),
            a => self.update_normal(a),
        }
    }

    fn update_normal(&mut self, a: Action) {
        match a {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Collapse => self.collapse(),
            Action::Expand => self.expand(),
            Action::ExpandAll => {
                let keys: Vec<NodeKey> = self.tree.all_branches().collect();
                self.expanded.extend(keys);
                self.refresh_rows();
            }
            Action::CollapseAll => {
                let key = self.selected_node().map(|n| self.tree.node(n).key);
                self.expanded.clear();
                self.refresh_rows();
                // Keep the selection on the root it was under.
                if let Some(k) = key {
                    self.select_key_or_root(k);
                }
            }
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(a == Action::FocusNext),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::StartSearch => {
                let q = self.search.as_ref().map(|s| s.query.as_str()).unwrap_or("");
                self.overlay = Some(Overlay::Search(TextInput::new(q)));
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::OpenFinder => self.open_finder(),
            Action::OpenFilter => self.open_filter(),
            Action::ClearFilters if !self.filters.is_empty() => {
                self.set_filters(Filters::default());
            }
            Action::ToggleGrouping => {
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
            Action::OpenExport => self.open_export(),
            Action::Compare => self.open_compare(),
            Action::Click { x, y } => self.click(x, y),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            _ => {}
        }
    }

    fn page(&self) -> usize {
        (self.areas().list_body().height as usize).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => {
                let len = match &self.screen {
                    Screen::Browse => self.rows.len(),
                    Screen::Duty(d) => d.rows.len(),
                };
                if len == 0 {
                    return;
                }
                let cur = self.list_cursor() as isize;
                let new = (cur.saturating_add(delta)).clamp(0, len as isize - 1) as usize;
                self.set_list_cursor(new);
            }
            Focus::Detail => {
                // Scroll no further than the last page of the text.
                let areas = self.areas();
                let body = areas
                    .right
                    .iter()
                    .find(|(f, _)| *f == Focus::Detail)
                    .map(|(_, r)| layout::inner(*r))
                    .unwrap_or_default();
                let n = super::render::detail_lines(self, body.width as usize).len();
                let max = n.saturating_sub(body.height as usize) as isize;
                let p = &mut self.pane_pos[Focus::Detail.slot()];
                *p = (*p as isize).saturating_add(delta).clamp(0, max.max(0)) as usize;
            }
            f => {
                let n = self.entries_of(f).len();
                if n > 0 {
                    let p = &mut self.pane_pos[f.slot()];
                    *p = ((*p as isize).saturating_add(delta)).clamp(0, n as isize - 1) as usize;
                }
            }
        }
    }

    fn list_cursor(&self) -> usize {
        match &self.screen {
            Screen::Browse => self.cursor,
            Screen::Duty(d) => d.cursor,
        }
    }

    /// Moves the left list's cursor and refreshes what depends on it.
    fn set_list_cursor(&mut self, new: usize) {
        let changed = match &mut self.screen {
            Screen::Browse => std::mem::replace(&mut self.cursor, new) != new,
            Screen::Duty(d) => std::mem::replace(&mut d.cursor, new) != new,
        };
        if changed {
            self.pane_pos = [0; 5];
        }
        self.after_selection();
        self.keep_cursor_visible();
    }

    /// Recomputes the summary for a selected goal/region/doc (or duty group).
    fn after_selection(&mut self) {
        self.summary = None;
        if self.selected_task().is_some() {
            return;
        }
        let mut tasks = Vec::new();
        match &self.screen {
            Screen::Browse => {
                if let Some(n) = self.selected_node() {
                    let key = self.tree.node(n).key;
                    if let Some(s) = self.summary_cache.get(&key) {
                        self.summary = Some(s.clone());
                        return;
                    }
                    self.tree.tasks_under(n, &mut tasks);
                    let s = Summary::of(&self.cat, &tasks);
                    self.summary_cache.insert(key, s.clone());
                    self.summary = Some(s);
                    return;
                }
            }
            Screen::Duty(d) => {
                // The tasks of the group this header starts (for the
                // hand-off section: the other plans' tasks).
                if let Some(head) = d.rows.get(d.cursor) {
                    for r in &d.rows[d.cursor + 1..] {
                        if r.depth() <= head.depth() {
                            break;
                        }
                        match r {
                            DutyRow::Task(i) => tasks.push(d.hits[*i].task as u32),
                            DutyRow::Handoff(i) => tasks.push(d.handoffs[*i].other as u32),
                            _ => {}
                        }
                    }
                }
            }
        }
        self.summary = Some(Summary::of(&self.cat, &tasks));
    }

    fn keep_cursor_visible(&mut self) {
        let h = self.areas().list_body().height as usize;
        let h = h.max(1);
        let (cursor, scroll) = match &mut self.screen {
            Screen::Browse => (self.cursor, &mut self.scroll),
            Screen::Duty(d) => (d.cursor, &mut d.scroll),
        };
        if cursor < *scroll {
            *scroll = cursor;
        } else if cursor >= *scroll + h {
            *scroll = cursor + 1 - h;
        }
    }

    fn collapse(&mut self) {
        if self.focus != Focus::Tree {
            return self.cycle_focus(false);
        }
        let Screen::Browse = self.screen else {
            return self.move_by(-1);
        };
        let Some(n) = self.selected_node() else {
            return;
        };
        let node = self.tree.node(n);
        if self.expanded.contains(&node.key) && !node.children.is_empty() {
            self.expanded.remove(&node.key);
            self.refresh_rows();
        } else if let Some(p) = node.parent
            && let Some(i) = self.rows.iter().position(|&r| r == p)
        {
            self.set_list_cursor(i);
        }
    }

    fn expand(&mut self) {
        if self.focus != Focus::Tree {
            return;
        }
        let Screen::Browse = self.screen else {
            return self.move_by(1);
        };
        let Some(n) = self.selected_node() else {
            return;
        };
        let node = self.tree.node(n);
        if node.children.is_empty() {
            // A task: look at its text.
            if self.selected_task().is_some() {
                self.focus = Focus::Detail;
            }
        } else if !self.expanded.contains(&node.key) {
            self.expanded.insert(node.key);
            self.refresh_rows();
        } else {
            self.move_by(1);
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
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

    fn open(&mut self) {
        match self.focus {
            Focus::Tree => match &self.screen {
                Screen::Browse => {
                    let Some(n) = self.selected_node() else {
                        return;
                    };
                    let key = self.tree.node(n).key;
                    if self.tree.node(n).children.is_empty() {
                        self.focus = Focus::Detail;
                    } else if !self.expanded.remove(&key) {
                        self.expanded.insert(key);
                        self.refresh_rows();
                    } else {
                        self.refresh_rows();
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
            f => {
                let entries = self.entries_of(f);
                match entries.get(self.pane_pos[f.slot()]).map(|e| e.target) {
                    Some(Target::Unit(u)) => self.open_duty(u),
                    Some(Target::Task(t)) => {
                        self.push_history();
                        self.jump_to_task(t);
                    }
                    _ => {}
                }
            }
        }
    }

    fn current_location(&self) -> Location {
        match &self.screen {
            Screen::Browse => Location::Browse(self.selected_node().map(|n| self.tree.node(n).key)),
            Screen::Duty(d) => Location::Duty {
                unit: d.unit,
                cursor: d.cursor,
            },
        }
    }

    fn push_history(&mut self) {
        let loc = self.current_location();
        if self.history.last() != Some(&loc) {
            self.history.push(loc);
        }
        // A browser-like history need not grow without bound.
        if self.history.len() > 200 {
            self.history.remove(0);
        }
    }

    fn back(&mut self) {
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
                    self.select_key_or_root(k);
                }
                self.after_selection();
                self.keep_cursor_visible();
            }
            Some(Location::Duty { unit, cursor }) => self.show_duty(unit, Some(cursor)),
            None => {
                if let Screen::Duty(_) = self.screen {
                    self.screen = Screen::Browse;
                    self.after_selection();
                }
            }
        }
    }

    // ----- tree maintenance ----------------------------------------------

    /// Shows a freshly built tree: the outline open, and everything open
    /// when a filter leaves few tasks; the selection stays on `keep` (or
    /// its nearest shown ancestor) where it still exists.
    fn show_tree(&mut self, keep: Option<NodeKey>) {
        // Regions (or documents) open, goals closed: the plan's outline.
        let outline: Vec<NodeKey> = self
            .tree
            .all_branches()
            .filter(|k| matches!(k, NodeKey::Region(_) | NodeKey::Doc(_)))
            .collect();
        self.expanded.extend(outline);
        if !self.filters.is_empty() && self.view.hits.len() <= AUTO_EXPAND_LIMIT {
            let all: Vec<NodeKey> = self.tree.all_branches().collect();
            self.expanded.extend(all);
        }
        self.refresh_rows();
        match keep {
            Some(k) => self.select_key_or_root(k),
            None => self.set_list_cursor(0),
        }
    }

    /// Recomputes visible rows after expanding/collapsing, keeping the
    /// cursor on the same node.
    fn refresh_rows(&mut self) {
        let key = self
            .rows
            .get(self.cursor)
            .and_then(|&n| self.tree.nodes.get(n as usize))
            .map(|n| n.key);
        self.rows = self.tree.visible_rows(&self.expanded);
        match key.and_then(|k| self.tree.find(k)) {
            Some(id) => {
                let i = self.rows.iter().position(|&r| r == id).unwrap_or(0);
                self.cursor = i;
            }
            None => self.cursor = self.cursor.min(self.rows.len().saturating_sub(1)),
        }
        if let Screen::Browse = self.screen {
            self.after_selection();
        }
        self.keep_cursor_visible();
    }

    /// Selects the node with `key`, expanding its ancestors; falls back to
    /// the nearest visible ancestor or the first row.
    fn select_key_or_root(&mut self, key: NodeKey) {
        if let Some(id) = self.tree.find(key) {
            let anc = self.tree.ancestors(id);
            let missing = anc.iter().any(|k| !self.expanded.contains(k));
            if missing {
                self.expanded.extend(anc);
                self.rows = self.tree.visible_rows(&self.expanded);
            }
            if let Some(i) = self.rows.iter().position(|&r| r == id) {
                return self.set_list_cursor(i);
            }
        }
        self.set_list_cursor(0);
    }

    fn jump_to_task(&mut self, t: usize) {
        if self.tree.task_node(t).is_none() {
            // Rare (an overlap into a filtered-out plan): done inline so the
            // jump lands at once.
            let out = jobs::compute(
                &self.cat,
                Request::Rebuild {
                    filters: Filters::default(),
                    grouping: self.grouping,
                },
            );
            self.apply_outcome(out);
            self.status = Some(Status {
                text: self.lang.s().filtered_out.into(),
                error: false,
            });
        }
        self.screen = Screen::Browse;
        self.focus = Focus::Tree;
        self.select_key_or_root(NodeKey::Task(t as u32));
    }

    fn set_filters(&mut self, f: Filters) {
        self.screen = Screen::Browse;
        self.focus = Focus::Tree;
        self.request(Request::Rebuild {
            filters: f,
            grouping: self.grouping,
        });
    }

    // ----- mouse --------------------------------------------------------------

    fn click(&mut self, x: u16, y: u16) {
        let areas = self.areas();
        if areas.too_small {
            return;
        }
        let pos = ratatui::layout::Position::new(x, y);
        let body = areas.list_body();
        if areas.left.contains(pos) {
            self.focus = Focus::Tree;
            if body.contains(pos) {
                let (scroll, len) = match &self.screen {
                    Screen::Browse => (self.scroll, self.rows.len()),
                    Screen::Duty(d) => (d.scroll, d.rows.len()),
                };
                let i = scroll + (y - body.y) as usize;
                if i < len {
                    self.set_list_cursor(i);
                }
            }
            return;
        }
        for &(f, r) in &areas.right {
            if r.contains(pos) {
                self.focus = f;
                if f != Focus::Detail && y > r.y {
                    let i = (y - r.y - 1) as usize;
                    if i < self.entries_of(f).len() {
                        self.pane_pos[f.slot()] = i;
                    }
                }
            }
        }
    }

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let areas = self.areas();
        let pos = ratatui::layout::Position::new(x, y);
        let target = if areas.left.contains(pos) {
            Some(Focus::Tree)
        } else {
            areas
                .right
                .iter()
                .find(|(_, r)| r.contains(pos))
                .map(|(f, _)| *f)
        };
        if let Some(f) = target {
            let before = self.focus;
            self.focus = f;
            self.move_by(if down { 3 } else { -3 });
            self.focus = before;
        }
    }
}

/// A short label for a document: the number before the first `_` of its
/// id (`000` for `000_f13ecef8831b900d`), else the whole id.
pub fn doc_tag(id: &str) -> &str {
    id.split('_').next().filter(|s| !s.is_empty()).unwrap_or(id)
}
