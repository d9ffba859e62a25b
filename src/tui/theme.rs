//! Colours, emphasis and the border glyphs. With `NO_COLOR` set every
//! style keeps only modifiers (bold, reversed, underline), so nothing
//! depends on colour. Borders are box drawing, or ASCII for terminals
//! that draw box drawing two columns wide (`[ui] borders = "ascii"`).

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// Borders made of `+`, `-` and `|`: one column in every terminal.
pub const ASCII_BORDERS: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub lead: Style,
    pub partner: Style,
    pub search: Style,
    /// Terms two related tasks share, in the comparison view.
    pub shared: Style,
    pub dim: Style,
    pub count: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
    /// The border glyphs of every block.
    pub borders: border::Set<'static>,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        if !color {
            let b = Style::new().add_modifier(Modifier::BOLD);
            return Theme {
                border: Style::new(),
                border_focused: b,
                title: b,
                selected: Style::new().add_modifier(Modifier::REVERSED),
                lead: b,
                partner: Style::new().add_modifier(Modifier::UNDERLINED),
                search: Style::new().add_modifier(Modifier::REVERSED),
                shared: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                dim: Style::new(),
                count: Style::new(),
                error: b,
                ok: Style::new(),
                key: b,
                borders: border::PLAIN,
            };
        }
        Theme {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().bg(Color::Blue).fg(Color::White),
            lead: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            partner: Style::new().fg(Color::Green),
            search: Style::new().bg(Color::Magenta).fg(Color::White),
            shared: Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            count: Style::new().fg(Color::Gray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            key: Style::new().fg(Color::Cyan),
            borders: border::PLAIN,
        }
    }

    /// The same theme with ASCII borders (`ascii`) or box drawing.
    pub fn with_ascii_borders(self, ascii: bool) -> Theme {
        Theme {
            borders: if ascii { ASCII_BORDERS } else { border::PLAIN },
            ..self
        }
    }

    /// What marks a group's member under it in a list: `└`, or `-` with
    /// ASCII borders (not `+` or `|`, which would read as a border).
    pub fn branch(&self) -> &'static str {
        if self.borders == ASCII_BORDERS {
            "-"
        } else {
            self.borders.bottom_left
        }
    }

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color)
    }
}
