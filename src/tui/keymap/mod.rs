//! Keys → actions, from one table of data ([`table::DEFAULT`]: key, input
//! mode, action, help text in both languages). The help overlay, the hint
//! bars and the key section of `docs/EXPLORER.md` are made from the same
//! table ([`help`]), and a user config may remap it ([`Keymap::remap`]).
//!
//! Which keys mean what depends only on the input mode (browsing, typing
//! in a dialog, answering a question), so mapping is a pure function that
//! is easy to test.

pub mod help;
mod key;
pub mod table;

pub use key::Key;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::i18n::Lang;
use super::input::Edit;

/// What the keyboard is talking to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    /// Moving around the tree and panes.
    Normal,
    /// Typing into a text field (search, finder, filter, export name).
    Text,
    /// A form whose focused field is a choice: ←/→ cycle it.
    Choice,
    /// The help overlay: any key closes it.
    Help,
    /// A yes/no question.
    Confirm,
    /// A full-screen view over the panes (the comparison): moving keys
    /// scroll it, Enter follows it, Esc closes it.
    View,
    /// The coverage view's list: moving keys select a higher task, Enter
    /// shows its evidence, Esc closes it.
    Coverage,
}

/// What a group of bindings does, in both languages: one line of help.
#[derive(Debug, PartialEq, Eq)]
pub struct Topic {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Topic {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub key: Key,
    /// The input modes the key means this in.
    pub modes: &'static [InputMode],
    pub action: Action,
    /// The line of help it belongs to.
    pub topic: &'static Topic,
    /// An alternative key: listed in the docs, left out of the help
    /// overlay (which has room for the main keys only).
    pub also: bool,
}

/// The name an action has in a config file (`down`, `find_unit`), for
/// the actions keys can be bound to.
pub fn action_name(a: &Action) -> Option<&'static str> {
    Some(match a {
        Action::Up => "up",
        Action::Down => "down",
        Action::Top => "top",
        Action::Bottom => "bottom",
        Action::PageUp => "page_up",
        Action::PageDown => "page_down",
        Action::Collapse => "collapse",
        Action::Expand => "expand",
        Action::ExpandAll => "expand_all",
        Action::CollapseAll => "collapse_all",
        Action::FocusNext => "next_pane",
        Action::FocusPrev => "prev_pane",
        Action::Open => "open",
        Action::Back => "back",
        Action::Help => "help",
        Action::Quit => "quit",
        Action::StartSearch => "search",
        Action::NextMatch => "next_match",
        Action::PrevMatch => "prev_match",
        Action::OpenFinder => "find_unit",
        Action::OpenFilter => "filter",
        Action::ClearFilters => "clear_filters",
        Action::ToggleGrouping => "group",
        Action::OpenExport => "export",
        Action::Compare => "compare",
        Action::ToggleParallel => "toggle_parallel",
        Action::OpenCoverage => "coverage",
        Action::Zoom => "zoom",
        Action::Submit => "submit",
        Action::Cancel => "cancel",
        Action::NextField => "next_field",
        Action::PrevField => "prev_field",
        Action::Edit(Edit::Left) => "caret_left",
        Action::Edit(Edit::Right) => "caret_right",
        Action::Edit(Edit::Home) => "caret_home",
        Action::Edit(Edit::End) => "caret_end",
        Action::Edit(Edit::Backspace) => "backspace",
        Action::Edit(Edit::Delete) => "delete",
        Action::Edit(Edit::Clear) => "clear",
        Action::Confirm(true) => "yes",
        Action::Confirm(false) => "no",
        _ => return None,
    })
}

/// The live key table: the defaults, remapped by the user's config.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: table::DEFAULT.to_vec(),
        }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub fn map_event(&self, mode: InputMode, ev: &Event) -> Option<Action> {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.map_key(mode, k),
            Event::Paste(s) => match mode {
                InputMode::Text | InputMode::Choice => Some(Action::Edit(Edit::Paste(s.clone()))),
                _ => None,
            },
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                    x: m.column,
                    y: m.row,
                }),
                MouseEventKind::ScrollDown => Some(Action::Wheel {
                    x: m.column,
                    y: m.row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Wheel {
                    x: m.column,
                    y: m.row,
                    down: false,
                }),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            _ => None,
        }
    }

    pub fn map_key(&self, mode: InputMode, k: &KeyEvent) -> Option<Action> {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        // Fixed, in every mode: Ctrl-C quits, whatever the config says.
        if ctrl && k.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        if mode == InputMode::Help {
            return Some(Action::Cancel);
        }
        let find = |key: Key| {
            self.bindings
                .iter()
                .find(|b| b.key == key && b.modes.contains(&mode))
                .map(|b| b.action.clone())
        };
        if let Some(a) = find(Key::Press(k.code, ctrl)) {
            return Some(a);
        }
        // A Ctrl chord that means nothing of its own means the plain key
        // (Ctrl-Enter is Enter, Ctrl-J is j), but never types a character.
        if ctrl && let Some(a) = find(Key::Press(k.code, false)) {
            return Some(a);
        }
        match (mode, k.code) {
            (InputMode::Text | InputMode::Choice, KeyCode::Char(c)) if !ctrl => {
                Some(Action::Edit(Edit::Char(c)))
            }
            _ => None,
        }
    }

    /// The keys bound to `action` in `mode`, in table order (the first is
    /// the one hints show).
    pub fn keys_for<'a>(
        &'a self,
        mode: InputMode,
        action: &'a Action,
    ) -> impl Iterator<Item = Key> + 'a {
        self.bindings
            .iter()
            .filter(move |b| &b.action == action && b.modes.contains(&mode) && b.key != Key::Mouse)
            .map(|b| b.key)
    }

    /// Binds `action` (by its config name) to `keys` in `modes`, instead
    /// of its default keys; a key given here stops meaning anything else
    /// in those modes. An empty list unbinds the action.
    pub fn remap(&mut self, modes: &[InputMode], name: &str, keys: &[Key]) -> Result<(), String> {
        let overlaps = |b: &Binding| b.modes.iter().any(|m| modes.contains(m));
        let Some(first) = self
            .bindings
            .iter()
            .position(|b| overlaps(b) && action_name(&b.action) == Some(name))
        else {
            let mut known: Vec<&str> = self
                .bindings
                .iter()
                .filter(|b| overlaps(b))
                .filter_map(|b| action_name(&b.action))
                .collect();
            known.dedup();
            return Err(format!(
                "unknown action \"{name}\" (one of: {})",
                known.join(", ")
            ));
        };
        let template = self.bindings[first].clone();
        let mut at = first;
        let mut kept = Vec::with_capacity(self.bindings.len());
        for (i, b) in std::mem::take(&mut self.bindings).into_iter().enumerate() {
            let replaced = overlaps(&b) && (b.action == template.action || keys.contains(&b.key));
            if replaced {
                if i < first {
                    at -= 1;
                }
                continue;
            }
            kept.push(b);
        }
        let new = keys.iter().map(|&key| Binding {
            key,
            also: false,
            ..template.clone()
        });
        kept.splice(at..at, new);
        self.bindings = kept;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventState, MouseEvent};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn map_key(mode: InputMode, k: &KeyEvent) -> Option<Action> {
        Keymap::default().map_key(mode, k)
    }

    fn map_event(mode: InputMode, ev: &Event) -> Option<Action> {
        Keymap::default().map_event(mode, ev)
    }

    #[test]
    fn browsing_keys() {
        let n = InputMode::Normal;
        let cases = [
            (KeyCode::Char('j'), Action::Down),
            (KeyCode::Down, Action::Down),
            (KeyCode::Char('k'), Action::Up),
            (KeyCode::Up, Action::Up),
            (KeyCode::Char('h'), Action::Collapse),
            (KeyCode::Left, Action::Collapse),
            (KeyCode::Char('l'), Action::Expand),
            (KeyCode::Right, Action::Expand),
            (KeyCode::Char('g'), Action::Top),
            (KeyCode::Char('G'), Action::Bottom),
            (KeyCode::PageUp, Action::PageUp),
            (KeyCode::PageDown, Action::PageDown),
            (KeyCode::Tab, Action::FocusNext),
            (KeyCode::BackTab, Action::FocusPrev),
            (KeyCode::Enter, Action::Open),
            (KeyCode::Esc, Action::Back),
            (KeyCode::Backspace, Action::Back),
            (KeyCode::Char('?'), Action::Help),
            (KeyCode::Char('q'), Action::Quit),
            (KeyCode::Char('/'), Action::StartSearch),
            (KeyCode::Char('n'), Action::NextMatch),
            (KeyCode::Char('N'), Action::PrevMatch),
            (KeyCode::Char('u'), Action::OpenFinder),
            (KeyCode::Char('f'), Action::OpenFilter),
            (KeyCode::Char('F'), Action::ClearFilters),
            (KeyCode::Char('d'), Action::ToggleGrouping),
            (KeyCode::Char('e'), Action::OpenExport),
            (KeyCode::Char('c'), Action::Compare),
            (KeyCode::Char('E'), Action::ExpandAll),
            (KeyCode::Char('C'), Action::CollapseAll),
            (KeyCode::Char('z'), Action::Zoom),
        ];
        for (code, want) in cases {
            assert_eq!(map_key(n, &key(code)), Some(want), "{code:?}");
        }
        assert_eq!(map_key(n, &ctrl('p')), Some(Action::OpenFinder));
        assert_eq!(map_key(n, &ctrl('c')), Some(Action::Quit));
        assert_eq!(map_key(n, &key(KeyCode::Char('x'))), None);
    }

    #[test]
    fn comparison_view_keys() {
        let n = InputMode::Normal;
        assert_eq!(map_key(n, &key(KeyCode::Char('c'))), Some(Action::Compare));
        let v = InputMode::View;
        let cases = [
            (KeyCode::Char('j'), Action::Down),
            (KeyCode::Down, Action::Down),
            (KeyCode::Char('k'), Action::Up),
            (KeyCode::Up, Action::Up),
            (KeyCode::PageDown, Action::PageDown),
            (KeyCode::PageUp, Action::PageUp),
            (KeyCode::Char('g'), Action::Top),
            (KeyCode::Char('G'), Action::Bottom),
            (KeyCode::Enter, Action::Open),
            (KeyCode::Esc, Action::Back),
            (KeyCode::Backspace, Action::Back),
            (KeyCode::Char('c'), Action::Back),
            (KeyCode::Char('q'), Action::Quit),
        ];
        for (code, want) in cases {
            assert_eq!(map_key(v, &key(code)), Some(want), "{code:?}");
        }
        // Keys that would open something else do nothing over the view.
        assert_eq!(map_key(v, &key(KeyCode::Char('u'))), None);
        assert_eq!(map_key(v, &key(KeyCode::Char('/'))), None);
        assert_eq!(map_key(v, &ctrl('c')), Some(Action::Quit));
    }

    #[test]
    fn related_toggle_and_coverage_view_keys() {
        let n = InputMode::Normal;
        assert_eq!(
            map_key(n, &key(KeyCode::Char('p'))),
            Some(Action::ToggleParallel)
        );
        assert_eq!(
            map_key(n, &key(KeyCode::Char('v'))),
            Some(Action::OpenCoverage)
        );
        let c = InputMode::Coverage;
        let cases = [
            (KeyCode::Char('j'), Action::Down),
            (KeyCode::Down, Action::Down),
            (KeyCode::Char('k'), Action::Up),
            (KeyCode::PageDown, Action::PageDown),
            (KeyCode::Char(' '), Action::PageDown),
            (KeyCode::Char('g'), Action::Top),
            (KeyCode::End, Action::Bottom),
            (KeyCode::Enter, Action::Open),
            (KeyCode::Char('f'), Action::OpenFilter),
            (KeyCode::Esc, Action::Back),
            (KeyCode::Backspace, Action::Back),
            (KeyCode::Char('v'), Action::Back),
            (KeyCode::Char('q'), Action::Quit),
        ];
        for (code, want) in cases {
            assert_eq!(map_key(c, &key(code)), Some(want), "{code:?}");
        }
        assert_eq!(map_key(c, &key(KeyCode::Char('u'))), None);
        assert_eq!(map_key(c, &key(KeyCode::Char('p'))), None);
        // In the comparison, n / N step through the other tasks.
        let v = InputMode::View;
        assert_eq!(
            map_key(v, &key(KeyCode::Char('n'))),
            Some(Action::NextMatch)
        );
        assert_eq!(
            map_key(v, &key(KeyCode::Char('N'))),
            Some(Action::PrevMatch)
        );
    }

    #[test]
    fn typing_keys_edit_instead_of_moving() {
        let t = InputMode::Text;
        assert_eq!(
            map_key(t, &key(KeyCode::Char('q'))),
            Some(Action::Edit(Edit::Char('q')))
        );
        assert_eq!(
            map_key(t, &key(KeyCode::Char('台'))),
            Some(Action::Edit(Edit::Char('台')))
        );
        assert_eq!(map_key(t, &key(KeyCode::Enter)), Some(Action::Submit));
        assert_eq!(map_key(t, &key(KeyCode::Esc)), Some(Action::Cancel));
        assert_eq!(
            map_key(t, &key(KeyCode::Backspace)),
            Some(Action::Edit(Edit::Backspace))
        );
        assert_eq!(
            map_key(t, &key(KeyCode::Left)),
            Some(Action::Edit(Edit::Left))
        );
        assert_eq!(
            map_key(InputMode::Choice, &key(KeyCode::Left)),
            Some(Action::Collapse)
        );
        assert_eq!(map_key(t, &key(KeyCode::Down)), Some(Action::Down));
        assert_eq!(map_key(t, &ctrl('n')), Some(Action::Down));
        assert_eq!(map_key(t, &ctrl('u')), Some(Action::Edit(Edit::Clear)));
        assert_eq!(map_key(t, &ctrl('c')), Some(Action::Quit));
    }

    #[test]
    fn help_closes_on_any_key_and_confirm_wants_y_or_n() {
        assert_eq!(
            map_key(InputMode::Help, &key(KeyCode::Char('x'))),
            Some(Action::Cancel)
        );
        let c = InputMode::Confirm;
        assert_eq!(
            map_key(c, &key(KeyCode::Char('y'))),
            Some(Action::Confirm(true))
        );
        assert_eq!(map_key(c, &key(KeyCode::Esc)), Some(Action::Confirm(false)));
        assert_eq!(map_key(c, &key(KeyCode::Char('q'))), None);
    }

    #[test]
    fn paste_mouse_and_resize() {
        let paste = Event::Paste("台山市".into());
        assert_eq!(
            map_event(InputMode::Text, &paste),
            Some(Action::Edit(Edit::Paste("台山市".into())))
        );
        assert_eq!(map_event(InputMode::Normal, &paste), None);
        let click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            map_event(InputMode::Normal, &click),
            Some(Action::Click { x: 3, y: 4 })
        );
        assert_eq!(
            map_event(InputMode::Normal, &Event::Resize(80, 24)),
            Some(Action::Resize(80, 24))
        );
        // Key releases (kitty protocol) must not act twice.
        let mut release = key(KeyCode::Char('j'));
        release.kind = KeyEventKind::Release;
        release.state = KeyEventState::NONE;
        assert_eq!(map_event(InputMode::Normal, &Event::Key(release)), None);
    }

    #[test]
    fn ctrl_chords_without_a_meaning_of_their_own_mean_the_plain_key() {
        let n = InputMode::Normal;
        assert_eq!(map_key(n, &ctrl('j')), Some(Action::Down));
        assert_eq!(map_key(n, &ctrl('d')), Some(Action::PageDown));
        let t = InputMode::Text;
        let ctrl_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::CONTROL);
        assert_eq!(map_key(t, &ctrl_enter), Some(Action::Submit));
        assert_eq!(map_key(t, &ctrl('x')), None, "never typed");
    }

    #[test]
    fn remapping_moves_a_key_and_frees_the_old_ones() {
        let mut m = Keymap::default();
        let n = InputMode::Normal;
        m.remap(
            &[n],
            "down",
            &[Key::parse("n").unwrap(), Key::parse("Down").unwrap()],
        )
        .unwrap();
        assert_eq!(m.map_key(n, &key(KeyCode::Char('n'))), Some(Action::Down));
        assert_eq!(
            m.map_key(n, &key(KeyCode::Char('j'))),
            None,
            "j is free now"
        );
        assert_eq!(m.map_key(n, &key(KeyCode::Down)), Some(Action::Down));
        // n no longer goes to the next match; the rest is untouched.
        assert_eq!(m.keys_for(n, &Action::NextMatch).count(), 0);
        assert_eq!(m.map_key(n, &key(KeyCode::Char('k'))), Some(Action::Up));
        // Only browsing changed: the comparison view keeps j.
        assert_eq!(
            m.map_key(InputMode::View, &key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        // The new key takes the old one's place in help and hints.
        assert_eq!(
            m.keys_for(n, &Action::Down)
                .map(|k| k.label(Lang::En))
                .collect::<Vec<_>>(),
            ["n", "↓"]
        );
        let err = m.remap(&[n], "dwn", &[]).unwrap_err();
        assert!(err.contains("dwn") && err.contains("down"), "{err}");
        // Ctrl-C quits whatever is bound.
        m.remap(&[n], "quit", &[]).unwrap();
        assert_eq!(m.map_key(n, &ctrl('c')), Some(Action::Quit));
        assert_eq!(m.map_key(n, &key(KeyCode::Char('q'))), None);
    }
}
