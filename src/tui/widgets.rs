//! Small drawing helpers shared by the panes and the dialogs: a titled
//! block (a pane's with a legend and its scroll position at its foot), a
//! centred rectangle, clearing under an overlay, a one-line text input
//! with the terminal cursor at its caret.

use std::num::NonZeroU16;

use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::input::TextInput;
use super::theme::Theme;
use crate::text;

/// A bordered block titled ` title `, highlighted when it has the focus.
pub fn block<'a>(theme: &Theme, title: String, focused: bool) -> Block<'a> {
    Block::bordered()
        .border_set(theme.borders)
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

/// A pane's block at `r`: its title (shortened with `…` to fit), and at
/// its foot a `legend` on the left and where the view is (`3/17`) on the
/// right. The position wins when both do not fit.
pub fn pane_block<'a>(
    theme: &Theme,
    title: &str,
    focused: bool,
    r: Rect,
    legend: Option<&str>,
    position: Option<String>,
) -> Block<'a> {
    // Two corners, and a space either side of each text.
    let room = (r.width as usize).saturating_sub(2);
    let title = text::ellipsize(title, room.saturating_sub(2));
    let mut b = block(theme, title.into_owned(), focused);
    let mut left_room = room;
    if let Some(p) = position {
        let p = format!(" {p} ");
        left_room = left_room.saturating_sub(text::width(&p) + 1);
        b = b.title_bottom(Line::from(Span::styled(p, theme.count)).right_aligned());
    }
    if let Some(l) = legend
        && left_room >= 6
    {
        let l = format!(" {} ", text::ellipsize(l, left_room - 2));
        b = b.title_bottom(Line::from(Span::styled(l, theme.dim)).left_aligned());
    }
    b
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

/// What a cell of a widened row is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    /// The first cell of a character two cells wide.
    Lead,
    /// The cell a two-cell character covers after its first.
    Trail,
}

/// For a terminal that draws ambiguous-width characters (`“ ” … · →`)
/// two columns wide. The view layer measured every line that way
/// ([`text::set_ambiguous_wide`]), so each such character left a spare
/// cell at the end of its row segment; ratatui puts it in one cell. This
/// gives each its second cell, shifting the rest of the segment right,
/// and takes the spare cells back where the segment ends (before a
/// border, at the row's end), so borders stay where the layout put them.
/// A widened cell is marked two wide for the terminal diff, which then
/// moves the cursor past it whatever the terminal does with it.
pub fn widen_ambiguous(buf: &mut Buffer, borders: &border::Set) {
    let area = buf.area;
    let edge_symbols = [
        borders.top_left,
        borders.top_right,
        borders.bottom_left,
        borders.bottom_right,
        borders.vertical_left,
        borders.vertical_right,
    ];
    let is_edge = |x: u16, y: u16| edge_symbols.contains(&buf[(x, y)].symbol());
    // A border cell continues up or down; a `|` in a text rarely does.
    let bounds: Vec<Vec<bool>> = (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| {
                    is_edge(x, y)
                        && ((y > area.top() && is_edge(x, y - 1))
                            || (y + 1 < area.bottom() && is_edge(x, y + 1)))
                })
                .collect()
        })
        .collect();
    let two = CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1));
    for (dy, bound) in bounds.iter().enumerate() {
        let y = area.top() + dy as u16;
        let row: Vec<Cell> = (area.left()..area.right())
            .map(|x| buf[(x, y)].clone())
            .collect();
        if !row.iter().any(|c| widened(c.symbol())) {
            continue;
        }
        let mut out: Vec<(Cell, Part)> = Vec::with_capacity(row.len() + 8);
        let mut pending = 0;
        let mut x = 0;
        while x < row.len() {
            if bound[x] && pending > 0 {
                take_back(&mut out, pending);
                pending = 0;
            }
            let cell = &row[x];
            let cells = UnicodeWidthStr::width(cell.symbol()).max(1);
            if cells > 1 {
                // Two cells already: copied as they are.
                out.push((cell.clone(), Part::Lead));
                for t in row.iter().skip(x + 1).take(cells - 1) {
                    out.push((t.clone(), Part::Trail));
                }
                x += cells;
                continue;
            }
            if widened(cell.symbol()) {
                let mut lead = cell.clone();
                lead.set_diff_option(two);
                let mut trail = Cell::default();
                trail.set_style(cell.style());
                out.push((lead, Part::Lead));
                out.push((trail, Part::Trail));
                pending += 1;
            } else {
                out.push((cell.clone(), Part::Whole));
            }
            x += 1;
        }
        take_back(&mut out, pending);
        for (i, (cell, _)) in out.into_iter().take(row.len()).enumerate() {
            buf[(area.left() + i as u16, y)] = cell;
        }
    }
}

/// Whether a cell's symbol is one column to ratatui and two to the terminal.
fn widened(symbol: &str) -> bool {
    UnicodeWidthStr::width(symbol) == 1 && text::width(symbol) == 2
}

/// Drops the last `n` cells of a row segment (the spare cells its
/// widened characters used), blanking a character left without its
/// second cell.
fn take_back(out: &mut Vec<(Cell, Part)>, n: usize) {
    out.truncate(out.len().saturating_sub(n));
    if let Some((cell, part)) = out.last_mut()
        && *part == Part::Lead
    {
        let style = cell.style();
        *cell = Cell::default();
        cell.set_style(style);
        *part = Part::Whole;
    }
}
