//! The view layer: what the explorer shows, as pure functions of the
//! [`Catalog`], a selection, the theme and the interface strings. Nothing
//! here knows the explorer's state (`App`), draws, or changes anything but
//! the models it is given, so each piece can be read, tested and reused
//! (by the state to bound scrolling, by the renderer to draw, by the
//! background jobs) alone.
//!
//! - [`tree`]: the region/document → goal → task tree built from a query
//!   view; [`tree_model`]: its expansion, rows on screen and selection;
//! - [`duty`]: a unit's duty list (rows, hand-offs, co-workers) and its
//!   selection; [`summary`]: counts for a region, document or goal;
//! - [`panes`]: the lead, partner and related-task entries of a task, and
//!   where its lead and partner names sit in its text;
//! - [`progress`]: the task pane's progress section (status, due day,
//!   history);
//! - [`coverage`]: a higher plan against the plans below it — which plans
//!   lie below which, the higher tasks by goal and status, their evidence;
//! - [`labels`]: names of documents, tasks, roles and lead modes;
//!   [`text`]: styled wrapping and list rows; [`marks`]: search matches;
//!   [`detail`]: the task text and summary lines; [`rows`]: the lines of
//!   the tree and duty lists;
//! - [`deadlines`]: the deadline view's list and the 台账's words and
//!   colours; [`heatmap`]: the responsibility matrix as a heat map.

pub mod coverage;
pub mod deadlines;
pub mod detail;
pub mod duty;
pub mod heatmap;
pub mod labels;
pub mod marks;
pub mod panes;
pub mod progress;
pub mod rows;
pub mod summary;
pub mod text;
pub mod tree;
pub mod tree_model;

use super::i18n::{Lang, Strings};
use super::theme::Theme;
use crate::query::Catalog;

/// What every view function reads: the data, the colours, the language.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub cat: &'a Catalog,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Ctx<'_> {
    /// The interface strings in the current language.
    pub fn s(&self) -> &'static Strings {
        self.lang.s()
    }
}
