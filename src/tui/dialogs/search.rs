//! The task search prompt (`/`): one line above the status bar; Enter
//! searches titles and texts, Esc closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome};
use crate::tui::action::Action;
use crate::tui::input::TextInput;
use crate::tui::layout::inner;
use crate::tui::view::Ctx;
use crate::tui::widgets::{block, clear_overlay, input_line};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub input: TextInput,
}

impl Search {
    /// The prompt, holding the last query.
    pub fn open(last: &str) -> Search {
        Search {
            input: TextInput::new(last),
        }
    }

    pub fn handle(&mut self, a: Action) -> Outcome {
        match a {
            Action::Cancel => Outcome::Close,
            Action::Submit => Outcome::Run(Command::Search(self.input.text())),
            Action::Edit(e) => {
                self.input.apply(&e);
                Outcome::Keep
            }
            _ => Outcome::Keep,
        }
    }

    /// Draws the prompt just above the status bar at `status`.
    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, status: Rect) {
        let r = Rect::new(
            status.x,
            status.y.saturating_sub(3),
            status.width.min(60),
            3,
        );
        clear_overlay(f, r);
        f.render_widget(block(ctx.theme, ctx.s().search.into(), true), r);
        let body = inner(r);
        f.render_widget(Paragraph::new("/"), Rect::new(body.x, body.y, 1, 1));
        let ir = Rect::new(body.x + 2, body.y, body.width.saturating_sub(2), 1);
        input_line(f, ir, &self.input, Style::new(), true);
    }
}
