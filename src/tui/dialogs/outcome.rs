//! What a dialog's key handling answers: stay open, close, or close and
//! have the explorer do something (the dialog never reaches into the
//! explorer's state itself).

use crate::query::{Filters, TaskPos, UnitPos};

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

impl Status {
    pub fn info(text: impl Into<String>) -> Status {
        Status {
            text: text.into(),
            error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Status {
        Status {
            text: text.into(),
            error: true,
        }
    }
}

/// The result of one action in a dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The dialog stays open.
    Keep,
    /// The dialog stays open and the status bar says this.
    KeepSaying(Status),
    /// The dialog closes.
    Close,
    /// The dialog closes and the explorer runs this.
    Run(Command),
}

/// Work a dialog hands to the explorer.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Find tasks containing the text (the `/` search).
    Search(String),
    /// Show a unit's duties.
    OpenDuty(UnitPos),
    /// Apply these (checked) filters.
    SetFilters(Filters),
    /// Go to a task in the tree (Esc comes back).
    GoToTask(TaskPos),
    /// Go to a task in the tree from the coverage view (Esc comes back to
    /// the view, where it was).
    Visit(TaskPos),
    /// Say this in the status bar.
    Say(Status),
}
