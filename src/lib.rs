//! fengong (分工): who is responsible for what in Chinese regional-development plans.
//!
//! Data flows one way:
//! documents → [`extract`] → `tasks.json` ([`model`]) → [`query`] → view → [`tui`] / [`export`].
//! [`overlap`] runs as the last step of extraction; [`search`] serves the
//! explorer's finder and the `units`/`search`/`filter` commands.
//!
//! The 台账: [`deadline`] reads deadline words as dates, [`task_key`] gives
//! tasks a stable identity, [`progress`] keeps statuses and notes in their
//! own append-only file; [`due`], [`matrix`] and [`report`] turn a view and
//! its progress into the deadline view, the responsibility matrix and the
//! monthly report.

pub mod atomic;
pub mod bundled;
pub mod deadline;
pub mod due;
pub mod eval;
pub mod export;
pub mod extract;
pub mod matrix;
pub mod model;
pub mod overlap;
pub mod progress;
pub mod query;
pub mod report;
pub mod sanitise;
pub mod search;
pub mod synth;
pub mod task_key;
pub mod text;
pub mod tui;
pub mod zh;
