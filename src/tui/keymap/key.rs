//! A key as the key table, the help and the config file write it.

use crossterm::event::KeyCode;

use crate::tui::i18n::Lang;

/// A key as the table knows it: a key code with or without Ctrl (Shift
/// is in the code: `G`, `S-Tab`), or the mouse (documented, not mapped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Press(KeyCode, bool),
    Mouse,
}

impl Key {
    /// How help, hints and docs write the key: `j`, `Ctrl-P`, `↑`, `PgDn`.
    pub fn label(&self, lang: Lang) -> String {
        let Key::Press(code, ctrl) = *self else {
            return match lang {
                Lang::Zh => "鼠标".into(),
                Lang::En => "mouse".into(),
            };
        };
        let name = match code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) if ctrl => c.to_uppercase().collect(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "⌫".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if ctrl { format!("Ctrl-{name}") } else { name }
    }

    /// A key as a config file writes it: `j`, `G`, `Ctrl-p`, `Down`,
    /// `PgDn`, `S-Tab`, `Space`, `F2` (names in any case).
    pub fn parse(s: &str) -> Option<Key> {
        let lower = s.to_lowercase();
        for prefix in ["ctrl-", "ctrl+", "c-"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let mut cs = rest.chars();
                return match (cs.next(), cs.next()) {
                    (Some(c), None) if c.is_alphanumeric() || c.is_ascii_punctuation() => {
                        Some(Key::Press(KeyCode::Char(c), true))
                    }
                    _ => None,
                };
            }
        }
        let mut cs = s.chars();
        if let (Some(c), None) = (cs.next(), cs.clone().next()) {
            let code = match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                '⌫' => KeyCode::Backspace,
                c if c.is_control() || c.is_whitespace() => return None,
                c => KeyCode::Char(c),
            };
            return Some(Key::Press(code, false));
        }
        let code = match lower.as_str() {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "tab" => KeyCode::Tab,
            "s-tab" | "shift-tab" | "backtab" => KeyCode::BackTab,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "backspace" => KeyCode::Backspace,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "del" | "delete" => KeyCode::Delete,
            "ins" | "insert" => KeyCode::Insert,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
            }
            _ => return None,
        };
        Some(Key::Press(code, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_as_configs_write_them_and_label_as_help_shows_them() {
        for (written, label) in [
            ("j", "j"),
            ("G", "G"),
            ("Ctrl-p", "Ctrl-P"),
            ("ctrl+P", "Ctrl-P"),
            ("Down", "↓"),
            ("pgdn", "PgDn"),
            ("S-Tab", "S-Tab"),
            ("Backspace", "⌫"),
            ("space", "Space"),
            ("F2", "F2"),
            ("台", "台"),
        ] {
            let k = Key::parse(written).unwrap_or_else(|| panic!("{written}"));
            assert_eq!(k.label(Lang::En), label, "{written}");
            assert_eq!(
                Key::parse(&k.label(Lang::En)),
                Some(k),
                "{label} reads back"
            );
        }
        for bad in ["", "Ctrl-", "Ctrl-ab", "jj", "F13", "\u{1b}", " "] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
    }
}
