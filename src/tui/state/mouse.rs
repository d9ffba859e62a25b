//! The mouse: a click selects a row or focuses a pane, the wheel scrolls
//! the pane under the pointer. Hit-tested against the same rectangles the
//! renderer draws into.

use ratatui::layout::Position;

use super::{App, Screen};
use crate::tui::layout::Focus;

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let areas = self.areas();
        if areas.too_small {
            return;
        }
        let pos = Position::new(x, y);
        let body = areas.list_body();
        if areas.left.contains(pos) {
            self.focus = Focus::Tree;
            if body.contains(pos) {
                let (scroll, len) = match &self.screen {
                    Screen::Browse => (self.browse.scroll(), self.browse.rows().len()),
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
                    // Rows scrolled past, as the last frame drew them.
                    let top = self.drawn.get(f).map_or(0, |e| e.top);
                    let i = top + (y - r.y - 1) as usize;
                    if i < self.panes().entries(f).len() {
                        self.set_pane_pos(f, i);
                    }
                }
            }
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let areas = self.areas();
        let pos = Position::new(x, y);
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
