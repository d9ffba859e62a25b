//! The dialogs and overlays, one file each, each holding its state with
//! typed fields, its key handling (returning an [`Outcome`]: stay open,
//! close, or a [`Command`] for the explorer to run) and its drawing, as
//! gitui's popups do:
//!
//! - [`help`]: the keys (`?`), from the key table;
//! - [`search`]: the task search prompt (`/`);
//! - [`finder`]: the unit finder (`u`);
//! - [`filter`]: the filter form (`f`), and the status bar's summary of it;
//! - [`export`]: the export dialog (`e`), which writes the file;
//! - [`compare`]: two related tasks side by side (`c`);
//! - [`coverage`]: a plan against the plans below it (`v`), with the
//!   comparison view inside it for the evidence;
//! - [`status`]: a task's status (`s`), [`note`]: a progress note (`p`),
//!   both recorded in the progress file;
//! - [`outcome`]: what their key handling answers.
//!
//! A new dialog is a new file, a variant of [`Dialog`], and the lines that
//! open it, hand it its keys and draw it (in `state` and `render`).

pub mod compare;
pub mod coverage;
pub mod export;
pub mod filter;
pub mod finder;
pub mod help;
pub mod note;
pub mod outcome;
pub mod search;
pub mod status;

pub use outcome::{Command, Outcome, Status};

use crate::tui::input::TextInput;
use crate::tui::keymap::InputMode;

/// A dialog or overlay on top of the panes.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Help(help::Help),
    Search(search::Search),
    Finder(finder::Finder),
    Filter(filter::FilterDialog),
    Export(export::ExportDialog),
    Compare(compare::Compare),
    Coverage(coverage::CoverageView),
    // The 台账 (issue 15).
    Status(status::StatusDialog),
    Note(note::NoteDialog),
}

impl Dialog {
    /// What the keyboard is talking to while this dialog is open.
    pub fn input_mode(&self) -> InputMode {
        match self {
            Dialog::Help(_) => InputMode::Help,
            Dialog::Search(_) | Dialog::Finder(_) => InputMode::Text,
            Dialog::Filter(f) => f.input_mode(),
            Dialog::Export(d) => d.input_mode(),
            Dialog::Compare(_) => InputMode::View,
            Dialog::Coverage(c) => c.input_mode(),
            Dialog::Status(_) => InputMode::Choice,
            Dialog::Note(_) => InputMode::Text,
        }
    }

    /// The dialog's text inputs, so the state can say when one was cut to
    /// [`crate::tui::input::MAX_CHARS`].
    pub fn inputs_mut(&mut self) -> Vec<&mut TextInput> {
        match self {
            Dialog::Search(s) => vec![&mut s.input],
            Dialog::Finder(f) => vec![&mut f.picker.input],
            Dialog::Filter(f) => vec![&mut f.unit.input, &mut f.text],
            Dialog::Export(x) => vec![&mut x.name],
            Dialog::Note(n) => vec![&mut n.note, &mut n.unit, &mut n.date],
            Dialog::Help(_) | Dialog::Compare(_) | Dialog::Coverage(_) | Dialog::Status(_) => {
                Vec::new()
            }
        }
    }

    /// Results are on their way that the next tick should pick up promptly.
    pub fn awaiting(&self) -> bool {
        match self {
            Dialog::Finder(f) => f.pending(),
            Dialog::Search(s) => s.pending(),
            Dialog::Filter(f) => f.pending(),
            _ => false,
        }
    }

    /// Keys typed now were meant for the state this dialog's answer leads
    /// to (Enter in the finder before its results): hold them.
    pub fn holds_input(&self) -> bool {
        match self {
            Dialog::Finder(f) => f.holds_input(),
            Dialog::Filter(f) => f.holds_input(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::i18n::Lang;
    use crate::tui::keymap::Keymap;

    /// The dialogs' hint lines name a key for every item, in the mode the
    /// dialog reads keys in, and read as they always did.
    #[test]
    fn dialog_hints_come_from_the_key_table() {
        let keys = Keymap::default();
        for bar in [
            &super::finder::HINTS,
            &super::filter::HINTS,
            &super::export::HINTS,
            &super::status::HINTS,
            &super::note::HINTS,
        ] {
            for h in bar.items {
                for a in h.actions {
                    assert!(keys.keys_for(bar.mode, a).next().is_some(), "{a:?}");
                }
            }
        }
        assert_eq!(
            keys.hint_line(&super::finder::HINTS, Lang::Zh),
            "输入名称 · ↑↓ 选择 · Enter 查看职责 · Esc 关闭"
        );
        assert_eq!(
            keys.hint_line(&super::filter::HINTS, Lang::En),
            "Tab field · ←→ choose · Enter apply · Esc cancel"
        );
        assert_eq!(
            keys.hint_line(&super::export::HINTS, Lang::Zh),
            "Tab 切换 · ←→ 格式 · Enter 导出 · Esc 取消"
        );
    }
}
