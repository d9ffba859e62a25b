//! Work off the drawing thread, seen from the state: requests numbered by
//! generation (a newer request of a kind replaces an older one), answers
//! applied when they arrive, and the keys typed meanwhile, held and
//! replayed in order so typing ahead never loses or misdirects a key.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

use super::{AUTO_EXPAND_LIMIT, App, HOLD_LIMIT, Screen, SearchState};
use crate::tui::jobs::{self, Answer, Request};
use crate::tui::layout::Focus;

impl App {
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

    pub(super) fn dispatch(&mut self, ev: &Event) {
        if let Some(a) = self.keys.map_event(self.input_mode(), ev) {
            self.update(a);
        }
    }

    /// Replays held input once what it waited for has landed.
    pub(super) fn replay_held(&mut self) {
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

    pub(super) fn request(&mut self, req: Request) {
        self.generation += 1;
        let kind = req.kind();
        match &self.jobs {
            Some(jobs) => {
                jobs.send(self.generation, req);
                self.pending[kind] = Some(self.generation);
            }
            None => {
                let out = jobs::compute(&self.cat, req);
                self.apply_answer(out);
            }
        }
    }

    /// Takes finished background results (called every tick).
    pub(super) fn poll_jobs(&mut self) {
        while let Some((generation, out)) = self.jobs.as_ref().and_then(|j| j.try_recv()) {
            self.accept(generation, out);
        }
    }

    fn accept(&mut self, generation: u64, out: Answer) {
        let kind = out.kind();
        // An answer to a request that a newer one replaced is dropped.
        if self.pending[kind] == Some(generation) {
            self.pending[kind] = None;
            self.apply_answer(out);
        }
    }

    /// Blocks up to `timeout` until background work is done (tests and
    /// benchmarks; the event loop polls instead).
    pub fn settle(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self.busy() {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                return;
            };
            match self.jobs.as_ref().and_then(|j| j.recv_timeout(left)) {
                Some((generation, out)) => self.accept(generation, out),
                None => return,
            }
        }
    }

    pub(super) fn apply_answer(&mut self, out: Answer) {
        match out {
            Answer::Rebuilt {
                filters,
                grouping,
                view,
                tree,
            } => {
                let keep = self.browse.selected_key();
                if filters != self.filters {
                    self.search = None;
                }
                let open_all = !filters.is_empty() && view.hits.len() <= AUTO_EXPAND_LIMIT;
                self.browse
                    .replace(tree, grouping != self.grouping, open_all, keep);
                self.filters = filters;
                self.grouping = grouping;
                self.view = view;
                self.summary_cache.clear();
                self.summary_for = None;
            }
            Answer::Duty { mut duty, cursor } => {
                if let Some(c) = cursor {
                    duty.set_cursor(c);
                }
                self.screen = Screen::Duty(duty);
                self.focus = Focus::Tree;
            }
            Answer::Searched { query, matches } => {
                let here = self.selected_task();
                let current = here
                    .and_then(|h| matches.iter().position(|&m| m == h))
                    .unwrap_or(0);
                self.search = Some(SearchState {
                    query,
                    matches,
                    current,
                });
                self.show_match();
            }
            Answer::Coverage { doc, result } => self.coverage_computed(doc, result),
        }
        self.after();
    }
}
