//! The task search prompt (`/`): one line above the status bar. It starts
//! empty, with the last query one key away (`Ctrl-R`, or `↑`); as the user
//! types, the finder's engine (Chinese, pinyin, initials, traditional
//! characters — what `fengong search` finds) counts the matching tasks on
//! its own thread and the prompt shows the count. Enter searches (the
//! explorer ranks every task off the drawing thread and highlights the
//! matches), Esc closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome};
use crate::text;
use crate::tui::action::Action;
use crate::tui::input::TextInput;
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::matcher::UnitMatcher;
use crate::tui::view::Ctx;
use crate::tui::widgets::{block, clear_overlay, input_line};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub input: TextInput,
    /// The previous search's query (empty before the first).
    pub last: String,
    /// Tasks matching what is typed, and whether the count is final; `None`
    /// until the matcher has answered for the text as it is now.
    pub count: Option<(usize, bool)>,
}

impl Search {
    /// An empty prompt; `last` is one key away.
    pub fn open(last: &str) -> Search {
        Search {
            input: TextInput::default(),
            last: last.to_owned(),
            count: None,
        }
    }

    /// The count is on its way.
    pub fn pending(&self) -> bool {
        !self.input.is_empty() && !self.count.is_some_and(|(_, done)| done)
    }

    pub fn handle(&mut self, a: Action, m: &mut dyn UnitMatcher) -> Outcome {
        match a {
            Action::Cancel => return Outcome::Close,
            Action::Submit => return Outcome::Run(Command::Search(self.input.text())),
            Action::Recall | Action::Up if !self.last.is_empty() => {
                self.input = TextInput::new(&self.last);
                self.changed(m);
            }
            Action::Edit(e) if self.input.apply(&e) => self.changed(m),
            _ => {}
        }
        self.poll(m);
        Outcome::Keep
    }

    fn changed(&mut self, m: &mut dyn UnitMatcher) {
        self.count = None;
        if !self.input.is_empty() {
            m.set_query(&self.input.text());
        }
    }

    /// Takes the newest count (every tick); a count for a query the user
    /// has typed past is ignored.
    pub fn poll(&mut self, m: &mut dyn UnitMatcher) {
        while let Some(r) = m.poll() {
            if r.query == self.input.text() {
                self.count = Some((r.total, r.done));
            }
        }
    }

    /// Blocks up to `timeout` for the final count of what is typed (tests).
    pub fn wait(&mut self, m: &mut dyn UnitMatcher, timeout: std::time::Duration) {
        if self.pending()
            && let Some(r) = m.wait(timeout)
            && r.query == self.input.text()
        {
            self.count = Some((r.total, true));
        }
    }

    /// Draws the prompt just above the status bar at `status`: `/`, the
    /// input, and on the right the live count (or, while it is empty, the
    /// key that brings back the last query).
    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, keys: &Keymap, status: Rect) {
        let s = ctx.s();
        let theme = ctx.theme;
        let r = Rect::new(
            status.x,
            status.y.saturating_sub(3),
            status.width.min(60),
            3,
        );
        clear_overlay(f, r);
        f.render_widget(block(theme, s.search.into(), true), r);
        let body = inner(r);
        f.render_widget(Paragraph::new("/"), Rect::new(body.x, body.y, 1, 1));
        let right = if self.input.is_empty() {
            match keys.keys_for(InputMode::Text, &Action::Recall).next() {
                Some(k) if !self.last.is_empty() => {
                    format!("{} {}: {}", k.label(ctx.lang), s.recall, self.last)
                }
                _ => String::new(),
            }
        } else {
            match self.count {
                Some((0, true)) => s.no_match.to_owned(),
                Some((n, true)) => format!("{n} {}", s.matches),
                Some((n, false)) => format!("{n}… {}", s.matches),
                None => "…".to_owned(),
            }
        };
        // The count gets at most half the line; the input the rest.
        let w = body.width.saturating_sub(2) as usize;
        let right = text::truncate_to_width(&right, w / 2).to_owned();
        let rw = text::width(&right) as u16;
        let style = match self.count {
            Some((0, true)) if !self.input.is_empty() => theme.error,
            _ => theme.dim,
        };
        let rr = Rect::new(body.right().saturating_sub(rw), body.y, rw, 1);
        f.render_widget(Paragraph::new(Line::from(Span::styled(right, style))), rr);
        let ir = Rect::new(
            body.x + 2,
            body.y,
            body.width.saturating_sub(2 + rw + u16::from(rw > 0)),
            1,
        );
        input_line(f, ir, &self.input, Style::new(), true);
    }
}
