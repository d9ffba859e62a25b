//! What the 台账 commands (`due`, `matrix`, `progress`, `report`, and
//! `export`) share: loading the task data with its progress file, dates on
//! the command line, and writing their files and CSV.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fengong::bundled::DataOrigin;
use fengong::progress::{self, Tracker};
use fengong::query::Catalog;

pub struct Loaded {
    pub catalog: Catalog,
    pub origin: DataOrigin,
    pub tracker: Tracker,
}

/// Loads the task data (`--data`, else the default) and its progress
/// (`--progress`, else beside the data), and warns on stderr about progress
/// whose task cannot be found.
pub fn load(data: Option<PathBuf>, progress: Option<PathBuf>) -> anyhow::Result<Loaded> {
    let (data, origin) = super::load_data_from(data)?;
    let path = progress.unwrap_or_else(|| progress::default_path(&origin));
    let tracker = Tracker::open(&path, &data)?;
    let orphans: usize = tracker.ledger().orphans.iter().map(|o| o.events).sum();
    if orphans > 0 {
        super::note(format_args!(
            "fengong: {}: {orphans} progress entries name tasks this data no longer has; they are kept (see `fengong progress --check`)",
            fengong::sanitise::path(&path)
        ));
    }
    Ok(Loaded {
        catalog: Catalog::new(data),
        origin,
        tracker,
    })
}

/// The folder a default progress file goes in is made when first needed;
/// a `--progress` path must name an existing folder.
pub fn prepare_to_save(tracker: &Tracker, explicit: bool) -> anyhow::Result<()> {
    let dir = tracker
        .path()
        .parent()
        .filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir
        && !explicit
        && !dir.exists()
    {
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    }
    Ok(())
}

/// `--today` / `--date`: `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    fengong::deadline::parse_iso(s).ok_or_else(|| format!("\"{s}\": expected a date as YYYY-MM-DD"))
}

/// How the data file is named in captions.
pub fn data_name(origin: &DataOrigin) -> String {
    match origin {
        DataOrigin::File(p) => fengong::sanitise::path(p),
        DataOrigin::Stdin => "标准输入".to_owned(),
        DataOrigin::Bundled => "内置数据 data/tasks.json".to_owned(),
    }
}

/// The progress file as captions name it: only when it exists.
pub fn progress_name(tracker: &Tracker) -> Option<&Path> {
    Some(tracker.path()).filter(|p| p.exists())
}

/// Writes `bytes` to `path` atomically, refusing an existing file unless
/// `force`.
pub fn write_output(path: &Path, force: bool, bytes: &[u8]) -> anyhow::Result<()> {
    let written = fengong::atomic::write_atomic(path, force, |tmp| {
        std::fs::write(tmp, bytes).map_err(Into::into)
    })?;
    for note in &written.notes {
        super::note(format_args!("fengong: {note}"));
    }
    Ok(())
}
