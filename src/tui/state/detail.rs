//! The detail pane: what it shows for the selection (a task's lines, its
//! text wrapped lazily, its progress; or the summary) and the window of it
//! on screen, within its scroll bounds.

use ratatui::text::Line;

use super::{App, Screen, subject_of};
use crate::tui::keymap::table as hints;
use crate::tui::layout::Focus;
use crate::tui::scroll::Extent;
use crate::tui::view::Ctx;
use crate::tui::view::detail::{DetailLines, Subject, duty_title, summary_lines, task_lines};
use crate::tui::view::labels::node_label;
use crate::tui::view::progress::progress_lines;
use crate::tui::view::summary::Summary;
use crate::tui::view::text::{Highlights, WrapIndex};

impl App {
    /// What the detail pane shows at `width`: the task (its text wrapped
    /// lazily, see [`DetailLines`]), or the summary.
    fn detail_content(&self, width: usize) -> DetailLines<'_> {
        let ctx = self.ctx();
        match self.selected_task() {
            Some(t) => {
                let role = self.selected_duty_hit().and_then(|h| h.involvement);
                let mut lines: DetailLines<'_> = task_lines(&ctx, t, role, width);
                lines.body = Some(self.detail.body(t).unwrap_or(&self.cat.task(t).text));
                // Only when a progress file was opened (or failed to open).
                if self.ledger.tracker.is_some() || self.ledger.problem.is_some() {
                    let hint = self.keys.hint_line(&hints::PROGRESS, self.lang);
                    let today = self.ledger.today;
                    let progress = self.progress();
                    lines
                        .tail
                        .extend(progress_lines(&ctx, progress, t, today, &hint, width));
                }
                lines
            }
            None => {
                let (title, subject) = match &self.screen {
                    Screen::Browse => match self.browse.selected_key() {
                        Some(k) => (
                            node_label(&self.cat, self.lang.s(), self.grouping, k),
                            subject_of(k),
                        ),
                        None => (String::new(), Subject::Tasks),
                    },
                    Screen::Duty(d) => duty_title(&ctx, d),
                    Screen::Ledger(l) => (l.title(&ctx), Subject::Tasks),
                };
                let empty = Summary::default();
                let sum = self.summary.as_ref().unwrap_or(&empty);
                let mut lines = summary_lines(&ctx, &title, subject, sum, width);
                self.add_coverage_hint(&mut lines, width);
                DetailLines::fixed(lines)
            }
        }
    }

    /// The detail pane's lines on screen in `width` × `height`, from its
    /// scroll position (kept within what there is), and where they are:
    /// the extent (its total the lines known so far while a huge text is
    /// not wrapped to its end) and whether that total is all there is.
    pub fn detail_window(&self, width: usize, height: usize) -> (Vec<Line<'static>>, Extent, bool) {
        let content = self.detail_content(width);
        let scroll = self.pane_pos(Focus::Detail);
        let fallback;
        let index = match (self.selected_task(), content.body) {
            (Some(t), Some(text)) => match self.detail.index(t, width) {
                Some(i) => i,
                None => {
                    // Not prepared at this width (a frame before the state
                    // saw a resize): wrap what this screen needs.
                    let mut i = WrapIndex::new(width);
                    i.extend(text, content.body_lines_for(scroll + height) + 1);
                    fallback = i;
                    &fallback
                }
            },
            _ => {
                fallback = WrapIndex::new(width);
                &fallback
            }
        };
        let total = content.len(index);
        let scroll = match total {
            Some(n) => scroll.min(n.saturating_sub(height)),
            None => scroll,
        };
        let hl = match self.selected_task() {
            Some(t) => self.detail.highlights(t),
            None => &Highlights::NONE,
        };
        let lines = content.window(index, hl, scroll, height);
        let e = Extent {
            top: scroll,
            height,
            total: content.known(index),
        };
        (lines, e, total.is_some())
    }

    /// Every line of the detail pane at `width`, the whole text wrapped
    /// (tests; drawing uses [`App::detail_window`]).
    pub fn detail_lines(&self, width: usize) -> Vec<Line<'static>> {
        let content = self.detail_content(width);
        let mut index = WrapIndex::new(width);
        if let Some(text) = content.body {
            index.complete(text);
        }
        let hl = match self.selected_task() {
            Some(t) => self.detail.highlights(t),
            None => &Highlights::NONE,
        };
        content.window(&index, hl, 0, usize::MAX)
    }

    /// How many lines the detail pane has at `width`, when known (a huge
    /// text is wrapped only as far as it has been scrolled).
    pub fn detail_len(&self, width: usize) -> Option<usize> {
        let content = self.detail_content(width);
        match (self.selected_task(), content.body) {
            (Some(t), Some(_)) => content.len(self.detail.index(t, width)?),
            _ => content.len(&WrapIndex::new(width)),
        }
    }

    /// Wraps the selected task's text far enough to show the detail pane
    /// scrolled to `scroll`; the number of lines, once all are known.
    pub(super) fn prepare_detail(&mut self, scroll: usize) -> Option<usize> {
        let body = self.areas().pane_body(Focus::Detail);
        let (w, h) = (body.width as usize, body.height as usize);
        let Some(t) = self.selected_task() else {
            return self.detail_len(w);
        };
        let head = self.detail_content(w).head.len();
        let ctx = Ctx {
            cat: &self.cat,
            theme: &self.theme,
            lang: self.lang,
        };
        // Where the search's match sits in the text (its fields borrowed
        // apart from the cache's).
        let found: &[(usize, usize)] = match (&self.search, &self.search_text) {
            (Some(s), Some((q, at, ranges))) if *q == s.query && *at == t => ranges,
            _ => &[],
        };
        let need = scroll.saturating_add(h).saturating_sub(head);
        self.detail
            .prepare(&ctx, t, &self.panes.spans, found, w, need);
        self.detail_len(w)
    }
}
