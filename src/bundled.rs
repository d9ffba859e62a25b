//! Where the explorer and the CLI get their data when no `--data` is given.

use std::path::{Path, PathBuf};

use crate::model::{LoadError, TaskData};

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
    Bundled,
}

impl std::fmt::Display for DataOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataOrigin::File(p) => write!(f, "{}", p.display()),
            DataOrigin::Bundled => f.write_str("(bundled data/tasks.json)"),
        }
    }
}

/// Loads `explicit` if given; else `data/tasks.json` if present in the
/// working directory; else the embedded copy.
pub fn load(explicit: Option<&Path>) -> Result<(TaskData, DataOrigin), (DataOrigin, LoadError)> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => Some(PathBuf::from(DEFAULT_DATA_PATH)).filter(|p| p.is_file()),
    };
    match path {
        Some(p) => {
            let origin = DataOrigin::File(p.clone());
            TaskData::load(&p)
                .map(|d| (d, origin.clone()))
                .map_err(|e| (origin, e))
        }
        None => TaskData::from_json(BUNDLED_JSON)
            .map(|d| (d, DataOrigin::Bundled))
            .map_err(|e| (DataOrigin::Bundled, e)),
    }
}
