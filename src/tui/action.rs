//! Everything the user can ask for, independent of which key asked.

use super::input::Edit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// `h`/←: collapse the node, or go to its parent.
    Collapse,
    /// `l`/→: expand the node, or go to its first child.
    Expand,
    ExpandAll,
    CollapseAll,
    FocusNext,
    FocusPrev,
    /// Enter: open the selection (toggle a node, a unit's duties, an overlap's task).
    Open,
    /// Esc/Backspace: back in the history of jumps.
    Back,
    Help,
    Quit,
    StartSearch,
    NextMatch,
    PrevMatch,
    OpenFinder,
    OpenFilter,
    ClearFilters,
    /// Regroup the tree: regions ↔ documents.
    ToggleGrouping,
    OpenExport,
    /// `c`: the selected task and a related task side by side.
    Compare,
    /// `p`: the related-tasks pane lists parallel pairs instead of
    /// overlaps, or overlaps again.
    ToggleParallel,
    /// `v`: the selected plan against the plans below it.
    OpenCoverage,
    /// `z`: the focused pane over the whole screen, and back.
    Zoom,
    /// Editing the focused text input of a dialog.
    Edit(Edit),
    /// Enter inside a dialog.
    Submit,
    /// Esc inside a dialog.
    Cancel,
    NextField,
    PrevField,
    /// Answer to "overwrite?".
    Confirm(bool),
    Click {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Resize(u16, u16),
    /// A timer tick: poll background matchers.
    Tick,
}
