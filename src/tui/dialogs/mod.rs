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
pub mod outcome;
pub mod search;

pub use outcome::{Command, Outcome, Status};

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
        }
    }

    /// Results are on their way that the next tick should pick up promptly.
    pub fn awaiting(&self) -> bool {
        matches!(self, Dialog::Finder(f) if f.pending)
    }

    /// Keys typed now were meant for the state this dialog's answer leads
    /// to (Enter in the finder before its results): hold them.
    pub fn holds_input(&self) -> bool {
        matches!(self, Dialog::Finder(f) if f.submit_when_ready)
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
