//! Where the explorer and the CLI get their data when no `--data` is given.

use std::path::{Path, PathBuf};

use crate::model::{LoadError, Loaded, TaskData};

/// The task-data file built from `seeds/`, compiled into the binary so that
/// `fengong` works from any directory.
pub const BUNDLED_JSON: &str = include_str!("../data/tasks.json");

/// The repository's own data file, used in preference to the embedded copy
/// when fengong runs inside the repository, so a fresh `fengong extract`
/// shows without rebuilding.
pub const DEFAULT_DATA_PATH: &str = "data/tasks.json";

/// Where data came from, for messages and the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataOrigin {
    File(PathBuf),
    /// `--data -`.
    Stdin,
    Bundled,
}

impl std::fmt::Display for DataOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataOrigin::File(p) => f.write_str(&crate::sanitise::path(p)),
            DataOrigin::Stdin => f.write_str("<stdin>"),
            DataOrigin::Bundled => f.write_str("(bundled data/tasks.json)"),
        }
    }
}

/// Loads `explicit` if given (`-` is standard input); else
/// `data/tasks.json` if present in the working directory; else the
/// embedded copy.
pub fn load(explicit: Option<&Path>) -> Result<(TaskData, DataOrigin), (DataOrigin, LoadError)> {
    load_checked(explicit).map(|(l, o)| (l.data, o))
}

/// [`load`], with what the check found ([`TaskData::check`]).
pub fn load_checked(
    explicit: Option<&Path>,
) -> Result<(Loaded, DataOrigin), (DataOrigin, LoadError)> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => Some(PathBuf::from(DEFAULT_DATA_PATH)).filter(|p| p.is_file()),
    };
    match path {
        Some(p) => {
            let origin = if p.as_os_str() == "-" {
                DataOrigin::Stdin
            } else {
                DataOrigin::File(p.clone())
            };
            TaskData::load_checked(&p)
                .map(|d| (d, origin.clone()))
                .map_err(|e| (origin, e))
        }
        None => TaskData::from_json_checked(BUNDLED_JSON)
            .map(|d| (d, DataOrigin::Bundled))
            .map_err(|e| (DataOrigin::Bundled, e)),
    }
}
