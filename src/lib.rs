//! fengong (分工): who is responsible for what in Chinese regional-development plans.
//!
//! Data flows one way:
//! documents → [`extract`] → `tasks.json` ([`model`]) → [`query`] → view → [`tui`] / [`export`].
//! [`overlap`] runs as the last step of extraction; [`search`] serves the
//! explorer's finder and the `units`/`search`/`filter` commands.

pub mod bundled;
pub mod eval;
pub mod export;
pub mod extract;
pub mod model;
pub mod overlap;
pub mod query;
pub mod sanitise;
pub mod search;
pub mod synth;
pub mod text;
pub mod tui;
pub mod zh;
