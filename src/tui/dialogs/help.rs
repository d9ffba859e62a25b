//! The help overlay (`?`): every browsing key, from the key table, and
//! what the tree's numbers mean, in one column or two side by side when
//! the terminal is short. Any key closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::outcome::Outcome;
use crate::text;
use crate::tui::keymap::Keymap;
use crate::tui::keymap::help::HelpLine;
use crate::tui::layout::inner;
use crate::tui::view::Ctx;
use crate::tui::widgets::{block, centered, clear_overlay};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help;

impl Help {
    /// Any key closes the help.
    pub fn handle(&mut self) -> Outcome {
        Outcome::Close
    }

    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, keys: &Keymap, area: Rect) {
        let s = ctx.s();
        let mut help = keys.help_lines(ctx.lang);
        // The tree's `4/3` and 未明确, read like keys.
        help.push(HelpLine {
            keys: "4/3".into(),
            text: s.legend_counts,
        });
        help.push(HelpLine {
            keys: s.no_lead.into(),
            text: s.legend_unled,
        });
        // One column when it fits, else two side by side (60×15).
        let n = help.len();
        let rows_fit = area.height as usize >= n + 2;
        let cols = if rows_fit { 1 } else { 2 };
        let per_col = n.div_ceil(cols);
        let width = if cols == 1 { 60 } else { area.width };
        let r = centered(area, width, per_col as u16 + 2);
        clear_overlay(f, r);
        f.render_widget(block(ctx.theme, s.help_title.into(), true), r);
        let body = inner(r);
        let col_w = body.width / cols as u16;
        for c in 0..cols {
            let w = col_w as usize;
            let lines: Vec<Line> = help
                .iter()
                .skip(c * per_col)
                .take(per_col)
                .map(|h| {
                    // Padded by display width: 鼠标 is four columns.
                    let key = format!(
                        "{}{}",
                        h.keys,
                        " ".repeat(10usize.saturating_sub(text::width(&h.keys)))
                    );
                    let rest = text::ellipsize(h.text, w.saturating_sub(text::width(&key) + 2))
                        .into_owned();
                    Line::from(vec![
                        Span::styled(key, ctx.theme.key),
                        Span::raw(" "),
                        Span::raw(rest),
                    ])
                })
                .collect();
            let cr = Rect::new(body.x + c as u16 * col_w, body.y, col_w, body.height);
            f.render_widget(Paragraph::new(lines), cr);
        }
    }
}
