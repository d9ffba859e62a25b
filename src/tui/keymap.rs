//! Keys → actions. Which keys mean what depends only on the input mode
//! (browsing, typing in a dialog, answering a question), so this is a pure
//! function that is easy to test and to document in `docs/EXPLORER.md`.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
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
}

pub fn map_event(mode: InputMode, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => map_key(mode, k),
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

pub fn map_key(mode: InputMode, k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && k.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match mode {
        InputMode::Normal => normal_key(k, ctrl),
        InputMode::Text | InputMode::Choice => dialog_key(mode, k, ctrl),
        InputMode::Help => Some(Action::Cancel),
        InputMode::View => view_key(k, ctrl),
        InputMode::Confirm => match k.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::Confirm(true)),
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => Some(Action::Confirm(false)),
            _ => None,
        },
    }
}

fn normal_key(k: &KeyEvent, ctrl: bool) -> Option<Action> {
    use KeyCode::*;
    Some(match k.code {
        Char('p') if ctrl => Action::OpenFinder,
        Char('d') if ctrl => Action::PageDown,
        Char('u') if ctrl => Action::PageUp,
        Char('j') | Down => Action::Down,
        Char('k') | Up => Action::Up,
        Char('h') | Left => Action::Collapse,
        Char('l') | Right => Action::Expand,
        Char('g') | Home => Action::Top,
        Char('G') | End => Action::Bottom,
        PageUp => Action::PageUp,
        PageDown => Action::PageDown,
        Tab => Action::FocusNext,
        BackTab => Action::FocusPrev,
        Enter => Action::Open,
        Esc | Backspace => Action::Back,
        Char('?') => Action::Help,
        Char('q') => Action::Quit,
        Char('/') => Action::StartSearch,
        Char('n') => Action::NextMatch,
        Char('N') => Action::PrevMatch,
        Char('u') => Action::OpenFinder,
        Char('f') => Action::OpenFilter,
        Char('F') => Action::ClearFilters,
        Char('d') => Action::ToggleGrouping,
        Char('e') => Action::OpenExport,
        Char('c') => Action::Compare,
        Char('E') | Char('*') => Action::ExpandAll,
        Char('C') | Char('-') => Action::CollapseAll,
        _ => return None,
    })
}

fn view_key(k: &KeyEvent, ctrl: bool) -> Option<Action> {
    use KeyCode::*;
    Some(match k.code {
        Char('d') if ctrl => Action::PageDown,
        Char('u') if ctrl => Action::PageUp,
        Char('j') | Down => Action::Down,
        Char('k') | Up => Action::Up,
        Char('g') | Home => Action::Top,
        Char('G') | End => Action::Bottom,
        PageUp => Action::PageUp,
        PageDown | Char(' ') => Action::PageDown,
        Enter => Action::Open,
        Esc | Backspace | Char('c') => Action::Back,
        Char('q') => Action::Quit,
        _ => return None,
    })
}

fn dialog_key(mode: InputMode, k: &KeyEvent, ctrl: bool) -> Option<Action> {
    use KeyCode::*;
    Some(match k.code {
        Enter => Action::Submit,
        Esc => Action::Cancel,
        Tab => Action::NextField,
        BackTab => Action::PrevField,
        Up => Action::Up,
        Down => Action::Down,
        Char('p') if ctrl => Action::Up,
        Char('n') if ctrl => Action::Down,
        Char('u') if ctrl => Action::Edit(Edit::Clear),
        Char('a') if ctrl => Action::Edit(Edit::Home),
        Char('e') if ctrl => Action::Edit(Edit::End),
        // On a choice field ←/→ cycle the choice; the state knows which.
        Left if mode == InputMode::Choice => Action::Collapse,
        Right if mode == InputMode::Choice => Action::Expand,
        Left => Action::Edit(Edit::Left),
        Right => Action::Edit(Edit::Right),
        Home => Action::Edit(Edit::Home),
        End => Action::Edit(Edit::End),
        Backspace => Action::Edit(Edit::Backspace),
        Delete => Action::Edit(Edit::Delete),
        PageUp => Action::PageUp,
        PageDown => Action::PageDown,
        Char(c) if !ctrl => Action::Edit(Edit::Char(c)),
        _ => return None,
    })
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
        ];
        for (code, want) in cases {
            assert_eq!(map_key(n, &key(code)), Some(want), "{code:?}");
        }
        assert_eq!(map_key(n, &ctrl('p')), Some(Action::OpenFinder));
        assert_eq!(map_key(n, &ctrl('c')), Some(Action::Quit));
        assert_eq!(map_key(n, &key(KeyCode::Char('z'))), None);
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
}
