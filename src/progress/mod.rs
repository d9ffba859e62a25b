//! Progress that is never lost: per task a status (未启动 / 推进中 / 已完成 /
//! 已销号, and 滞后 derived from the deadline), dated notes, and the unit
//! that reported them — the 台账 a 督查 office keeps.
//!
//! Progress lives in its own file beside the task data
//! (`data/tasks.progress.json`, docs/PROGRESS.md), never inside
//! `tasks.json`, so re-extraction cannot touch it. The file is a list of
//! events, only ever appended to ([`store`]); the state of a task is what its
//! events add up to ([`Ledger`]). Events name tasks by their stable key
//! ([`crate::task_key`]) and carry a snapshot of the task, so progress whose
//! key no longer matches is re-attached by number and title, or kept and
//! reported as orphaned — never dropped.
//!
//! [`Tracker`] is the API the CLI and the explorer call: set a status, add a
//! note, read a task's history.

pub mod import;
mod ledger;
mod store;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use ledger::{Ledger, Note, Orphan, Rematch, TaskProgress};
pub use store::{FORMAT_NAME, FORMAT_VERSION, ProgressError, Store};

use crate::bundled::DataOrigin;
use crate::model::{DocId, Due, TaskData, TaskKey};

/// A status a user records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未启动.
    NotStarted,
    /// 推进中.
    InProgress,
    /// 已完成: the work is done.
    Done,
    /// 已销号: the 督查 office has checked it and closed it.
    Closed,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Closed,
    ];

    pub fn label(self) -> &'static str {
        self.shown().label()
    }

    /// Reads a status as users write it: the labels, common synonyms, or
    /// the JSON keys (`in_progress`).
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim();
        Some(match s {
            "未启动" | "未开始" | "尚未启动" | "not_started" => Status::NotStarted,
            "推进中" | "进行中" | "正在推进" | "已启动" | "在建" | "in_progress" => {
                Status::InProgress
            }
            "已完成" | "完成" | "已办结" | "办结" | "done" => Status::Done,
            "已销号" | "销号" | "closed" => Status::Closed,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        self.shown().key()
    }

    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Closed)
    }

    fn shown(self) -> Shown {
        match self {
            Status::NotStarted => Shown::NotStarted,
            Status::InProgress => Shown::InProgress,
            Status::Done => Shown::Done,
            Status::Closed => Shown::Closed,
        }
    }
}

/// The status a 台账 shows: the recorded one, or 滞后 for unfinished work
/// past its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shown {
    Lagging,
    NotStarted,
    InProgress,
    Done,
    Closed,
}

impl Shown {
    pub const ALL: [Shown; 5] = [
        Shown::NotStarted,
        Shown::InProgress,
        Shown::Lagging,
        Shown::Done,
        Shown::Closed,
    ];

    /// `recorded` (none: 未启动), or 滞后 when it is unfinished and a dated
    /// deadline has passed on `today`.
    pub fn of(recorded: Option<Status>, due: Option<&Due>, today: NaiveDate) -> Shown {
        let status = recorded.unwrap_or(Status::NotStarted);
        if !status.is_finished()
            && due.is_some_and(|d| crate::deadline::When::of(d).days_late(today).is_some())
        {
            return Shown::Lagging;
        }
        status.shown()
    }

    pub fn label(self) -> &'static str {
        match self {
            Shown::NotStarted => "未启动",
            Shown::InProgress => "推进中",
            Shown::Done => "已完成",
            Shown::Closed => "已销号",
            Shown::Lagging => "滞后",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Shown::NotStarted => "not_started",
            Shown::InProgress => "in_progress",
            Shown::Done => "done",
            Shown::Closed => "closed",
            Shown::Lagging => "lagging",
        }
    }

    pub fn parse_label(s: &str) -> Option<Shown> {
        Shown::ALL.into_iter().find(|x| x.label() == s.trim())
    }
}

/// One recorded change: a status, a note, or both, for one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The task's stable key.
    pub task: TaskKey,
    /// The day the progress is about, `YYYY-MM-DD` (`--date`, else the day
    /// it was recorded).
    pub date: String,
    /// When it was recorded: RFC 3339 with the local offset.
    pub recorded: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The unit that reported it (`台山市发展和改革局`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where it came from: `cli`, `explorer`, `import 台账.xlsx 第5行`.
    pub via: String,
    /// The task as it was when recorded, to find it again if its key no
    /// longer matches any task.
    pub snapshot: Snapshot,
}

impl Event {
    /// The day it is about; an unreadable day (a hand-edited file) sorts first.
    pub fn day(&self) -> NaiveDate {
        crate::deadline::parse_iso(&self.date).unwrap_or(NaiveDate::MIN)
    }
}

/// What identified a task when an event was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub doc: DocId,
    pub doc_title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    /// The first [`SNAPSHOT_TEXT_CHARS`] letters and digits of the task's
    /// text ([`crate::task_key::normalise`]): what finds a task again whose
    /// title was reworded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text_start: String,
}

/// How much of a task's text a snapshot keeps.
pub const SNAPSHOT_TEXT_CHARS: usize = 100;

impl Snapshot {
    pub fn of(data: &TaskData, task: usize) -> Snapshot {
        let t = &data.tasks[task];
        Snapshot {
            doc: t.doc.clone(),
            doc_title: data
                .documents
                .iter()
                .find(|d| d.id == t.doc)
                .map_or_else(String::new, |d| d.title.clone()),
            number: t.number.clone(),
            title: t.title.clone(),
            text_start: text_start(&t.text),
        }
    }
}

/// The start of a task's text as snapshots keep it.
pub fn text_start(text: &str) -> String {
    crate::task_key::normalise(text)
        .chars()
        .take(SNAPSHOT_TEXT_CHARS)
        .collect()
}

/// A change to record for the task at a position of the task data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub task: usize,
    pub status: Option<Status>,
    pub note: Option<String>,
    pub date: NaiveDate,
    pub unit: Option<String>,
    pub via: String,
}

/// Where progress for task data from `origin` is kept by default: beside
/// the data file (`data/tasks.json` → `data/tasks.progress.json`); for the
/// bundled data, in the user's data folder
/// (`$XDG_DATA_HOME/fengong/tasks.progress.json`, else
/// `~/.local/share/fengong/…`); for data read from standard input, which
/// has no place of its own, `tasks.progress.json` in the working folder.
pub fn default_path(origin: &DataOrigin) -> PathBuf {
    match origin {
        DataOrigin::File(p) => beside(p),
        DataOrigin::Stdin => PathBuf::from("tasks.progress.json"),
        DataOrigin::Bundled => {
            let base = std::env::var_os("XDG_DATA_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(|| {
                    std::env::var_os("HOME")
                        .filter(|v| !v.is_empty())
                        .map(|h| PathBuf::from(h).join(".local/share"))
                });
            match base {
                Some(b) => b.join("fengong").join("tasks.progress.json"),
                None => PathBuf::from("tasks.progress.json"),
            }
        }
    }
}

/// `x/tasks.json` → `x/tasks.progress.json`.
fn beside(data: &Path) -> PathBuf {
    let stem = data
        .file_stem()
        .map_or_else(|| "tasks".into(), |s| s.to_string_lossy().into_owned());
    data.with_file_name(format!("{stem}.progress.json"))
}

/// The progress file opened against one task data: what the CLI and the
/// explorer read and change.
#[derive(Debug)]
pub struct Tracker {
    store: Store,
    ledger: Ledger,
}

impl Tracker {
    /// Opens the progress file at `path` (a missing file is empty progress).
    pub fn open(path: &Path, data: &TaskData) -> Result<Tracker, ProgressError> {
        let store = Store::open(path)?;
        let ledger = Ledger::build(data, store.events());
        Ok(Tracker { store, ledger })
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub fn events(&self) -> &[Event] {
        self.store.events()
    }

    /// The task a key names: its own, or an old key whose progress was
    /// re-attached to it.
    pub fn find_key(&self, data: &TaskData, key: &str) -> Option<usize> {
        data.tasks
            .iter()
            .position(|t| t.key.as_str() == key)
            .or_else(|| {
                self.ledger
                    .rematched
                    .iter()
                    .find(|r| r.from.as_str() == key)
                    .map(|r| r.to)
            })
    }

    /// The status the 台账 shows for a task on `today`.
    pub fn shown(&self, data: &TaskData, task: usize, today: NaiveDate) -> Shown {
        let recorded = self.ledger.of(task).status.map(|(s, _)| s);
        Shown::of(recorded, data.tasks[task].due.as_ref(), today)
    }

    /// A task's events, in the order of the days they are about.
    pub fn history(&self, task: usize) -> Vec<&Event> {
        let events = self.store.events();
        self.ledger
            .of(task)
            .events
            .iter()
            .map(|&i| &events[i])
            .collect()
    }

    /// Records a status for a task.
    pub fn set_status(
        &mut self,
        data: &TaskData,
        task: usize,
        status: Status,
        date: NaiveDate,
        unit: Option<String>,
        via: &str,
    ) -> Result<(), ProgressError> {
        self.record(
            data,
            vec![Change {
                task,
                status: Some(status),
                note: None,
                date,
                unit,
                via: via.to_owned(),
            }],
        )
    }

    /// Adds a dated progress note to a task.
    pub fn add_note(
        &mut self,
        data: &TaskData,
        task: usize,
        text: &str,
        date: NaiveDate,
        unit: Option<String>,
        via: &str,
    ) -> Result<(), ProgressError> {
        self.record(
            data,
            vec![Change {
                task,
                status: None,
                note: Some(text.to_owned()),
                date,
                unit,
                via: via.to_owned(),
            }],
        )
    }

    /// Appends changes to the file in one atomic save, then re-reads what
    /// they add up to. Changes with neither a status nor a note are skipped.
    pub fn record(&mut self, data: &TaskData, changes: Vec<Change>) -> Result<(), ProgressError> {
        let recorded = chrono::Local::now()
            .format("%Y-%m-%dT%H:%M:%S%.3f%:z")
            .to_string();
        let events: Vec<Event> = changes
            .into_iter()
            .filter(|c| {
                c.status.is_some() || c.note.as_deref().is_some_and(|n| !n.trim().is_empty())
            })
            .map(|c| Event {
                task: data.tasks[c.task].key.clone(),
                date: c.date.to_string(),
                recorded: recorded.clone(),
                status: c.status,
                note: c
                    .note
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty()),
                unit: c.unit.filter(|u| !u.trim().is_empty()),
                via: c.via,
                snapshot: Snapshot::of(data, c.task),
            })
            .collect();
        if events.is_empty() {
            return Ok(());
        }
        self.store.append(events)?;
        self.ledger = Ledger::build(data, self.store.events());
        Ok(())
    }
}
