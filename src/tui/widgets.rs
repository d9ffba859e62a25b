//! Small drawing helpers shared by the panes and the dialogs: a titled
//! block, a centred rectangle, clearing under an overlay, a one-line text
//! input with the terminal cursor at its caret.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Paragraph};

use super::input::TextInput;
use super::theme::Theme;
use crate::text;

/// A bordered block titled ` title `, highlighted when it has the focus.
pub fn block<'a>(theme: &Theme, title: String, focused: bool) -> Block<'a> {
    Block::bordered()
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(
            format!(" {title} "),
            if focused { theme.title } else { Style::new() },
        ))
}

/// A rectangle of `w`×`h` centred in `area`, shrunk to fit.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `r` for an overlay. A wide (CJK) character of the pane beneath
/// that straddles the overlay's left or right edge would otherwise be
/// half-overwritten and smear the overlay's border in the terminal, so
/// such characters are blanked too.
pub fn clear_overlay(f: &mut Frame, r: Rect) {
    f.render_widget(Clear, r);
    let area = f.area();
    let buf = f.buffer_mut();
    for y in r.y..r.bottom() {
        if r.x > area.x {
            let cell = &mut buf[(r.x - 1, y)];
            if text::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
        if r.right() < area.right() {
            let cell = &mut buf[(r.right(), y)];
            // The trailing half of a wide char whose leading half was cleared.
            if cell.symbol().is_empty() {
                cell.set_symbol(" ");
            }
        }
    }
}

/// Draws a one-line input at `r` and puts the terminal cursor at its caret
/// so an input method's candidate window opens there.
pub fn input_line(f: &mut Frame, r: Rect, input: &TextInput, style: Style, show_cursor: bool) {
    let (shown, col) = input.visible(r.width as usize);
    f.render_widget(Paragraph::new(Span::styled(shown, style)), r);
    if show_cursor {
        let x = r.x + (col as u16).min(r.width.saturating_sub(1));
        f.set_cursor_position((x, r.y));
    }
}
