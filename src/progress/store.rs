//! The progress file on disk: a JSON list of events, only ever appended to.
//!
//! Every save re-reads the file, adds the new events after everything it
//! holds (and after any event this process knew that the file has lost),
//! and replaces it atomically with [`crate::atomic::write_atomic`]: an
//! interrupted save leaves the previous file whole, and two programs saving
//! at once (the explorer open while a script imports a sheet) keep each
//! other's events. On Unix the save holds an advisory lock on the file it
//! read, so the re-read and the replace are one step for all fengong
//! processes.
//!
//! A file that cannot be read is never written over: the error names the
//! file and the place, and nothing is saved until it is repaired.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Event;

/// Format name written into every progress file.
pub const FORMAT_NAME: &str = "fengong-progress";
/// Bumped on every incompatible change of the progress file.
pub const FORMAT_VERSION: u32 = 1;

/// Set by the interrupted-save test only: milliseconds to pause halfway
/// through writing the temporary file, so that a kill lands mid-write.
const SLOW_SAVE_ENV: &str = "FENGONG_TEST_SLOW_SAVE_MS";

#[derive(Debug, Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    events: Vec<Event>,
}

/// Why progress could not be read or saved; every message names the file.
#[derive(Debug)]
pub enum ProgressError {
    Io(PathBuf, std::io::Error),
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    NotProgress(PathBuf),
    NewerVersion(PathBuf, u32),
    Save(crate::atomic::WriteError),
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            ProgressError::Parse {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "{}: line {line}, column {column}: {message} (the file is left as it is; nothing was saved)",
                path.display()
            ),
            ProgressError::NotProgress(p) => write!(
                f,
                "{}: not a fengong progress file (no \"format\": \"{FORMAT_NAME}\")",
                p.display()
            ),
            ProgressError::NewerVersion(p, v) => write!(
                f,
                "{}: progress format version {v} is newer than this fengong understands ({FORMAT_VERSION}); update fengong",
                p.display()
            ),
            ProgressError::Save(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ProgressError {}

/// The events of one progress file.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    events: Vec<Event>,
}

impl Store {
    /// Reads the file at `path`; a missing file is an empty store.
    pub fn open(path: &Path) -> Result<Store, ProgressError> {
        Ok(Store {
            path: path.to_path_buf(),
            events: read(path)?,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Appends `new` and saves: see the module docs.
    pub fn append(&mut self, new: Vec<Event>) -> Result<(), ProgressError> {
        let _lock = lock::Lock::acquire(&self.path);
        let on_disk = read(&self.path)?;
        let mut all = if on_disk.starts_with(&self.events) {
            // The usual case: the file is what we read, perhaps with events
            // other programs added since.
            on_disk
        } else {
            // The file lost events we had read (restored from a backup,
            // edited): keep those too.
            let key = |e: &Event| serde_json::to_string(e).unwrap_or_default();
            let mut seen: HashSet<String> = on_disk.iter().map(key).collect();
            let mut all = on_disk;
            for e in &self.events {
                if seen.insert(key(e)) {
                    all.push(e.clone());
                }
            }
            all
        };
        all.extend(new);
        let text = to_text(&all);
        crate::atomic::write_atomic(&self.path, true, |tmp| {
            let mut f = std::fs::File::create(tmp)?;
            let bytes = text.as_bytes();
            match std::env::var(SLOW_SAVE_ENV)
                .ok()
                .and_then(|v| v.parse::<u64>().ok())
            {
                Some(ms) => {
                    let half = bytes.len() / 2;
                    f.write_all(&bytes[..half])?;
                    f.flush()?;
                    std::thread::sleep(std::time::Duration::from_millis(ms));
                    f.write_all(&bytes[half..])?;
                }
                None => f.write_all(bytes)?,
            }
            f.sync_all()?;
            Ok(())
        })
        .map_err(ProgressError::Save)?;
        self.events = all;
        Ok(())
    }
}

fn read(path: &Path) -> Result<Vec<Event>, ProgressError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ProgressError::Io(path.to_path_buf(), e)),
    };
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let parse_error = |e: serde_json::Error| ProgressError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: crate::model::json_error_message(&e),
    };
    let check = |header: Header| {
        if header.format.as_deref() != Some(FORMAT_NAME) {
            return Err(ProgressError::NotProgress(path.to_path_buf()));
        }
        match header.version {
            Some(v) if v > FORMAT_VERSION => {
                Err(ProgressError::NewerVersion(path.to_path_buf(), v))
            }
            _ => Ok(()),
        }
    };
    match serde_json::from_str::<File>(&text) {
        Ok(file) => {
            check(Header {
                format: Some(file.format),
                version: Some(file.version),
            })?;
            Ok(file.events)
        }
        // Read the header alone for the better message: a foreign or newer
        // file says so rather than what field it lacks.
        Err(e) => {
            let header: Header = serde_json::from_str(&text).map_err(parse_error)?;
            check(header)?;
            Err(parse_error(e))
        }
    }
}

/// The file's text: one event per line, so that a diff of two versions
/// shows the appended lines.
fn to_text(events: &[Event]) -> String {
    let mut s = format!(
        "{{\n  \"format\": \"{FORMAT_NAME}\",\n  \"version\": {FORMAT_VERSION},\n  \"events\": ["
    );
    for (i, e) in events.iter().enumerate() {
        s.push_str(if i == 0 { "\n    " } else { ",\n    " });
        s.push_str(&serde_json::to_string(e).expect("events always serialise"));
    }
    s.push_str(if events.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    s
}

#[cfg(unix)]
mod lock {
    //! An advisory lock on the progress file itself. Saving replaces the
    //! file, so a waiting process checks after locking that the path still
    //! names the file it locked, and locks again if not.
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    pub struct Lock(#[allow(dead_code)] Option<std::fs::File>);

    impl Lock {
        /// Best effort: without a file yet, or where locks are not
        /// supported (some network shares), the save goes on unlocked.
        pub fn acquire(path: &Path) -> Lock {
            for _ in 0..100 {
                let Ok(f) = std::fs::File::open(path) else {
                    return Lock(None);
                };
                if f.lock().is_err() {
                    return Lock(None);
                }
                match (f.metadata(), std::fs::metadata(path)) {
                    (Ok(a), Ok(b)) if a.ino() == b.ino() && a.dev() == b.dev() => {
                        return Lock(Some(f));
                    }
                    _ => continue,
                }
            }
            Lock(None)
        }
    }
}

#[cfg(not(unix))]
mod lock {
    pub struct Lock;

    impl Lock {
        pub fn acquire(_: &std::path::Path) -> Lock {
            Lock
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, TaskKey};
    use crate::progress::{Snapshot, Status};

    fn event(n: usize) -> Event {
        Event {
            task: TaskKey(format!("d#{n:08x}")),
            date: "2022-06-01".into(),
            recorded: format!("2022-06-01T10:00:{n:02}+08:00"),
            status: Some(Status::InProgress),
            note: Some(format!("第{n}次进展")),
            unit: None,
            via: "cli".into(),
            snapshot: Snapshot {
                doc: DocId::from("d"),
                doc_title: "方案".into(),
                number: Some("1.".into()),
                title: "任务".into(),
                text_start: String::new(),
            },
        }
    }

    #[test]
    fn appends_keep_every_event_and_merge_with_other_writers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tasks.progress.json");
        let mut a = Store::open(&path).unwrap();
        assert!(a.events().is_empty());
        a.append(vec![event(1)]).unwrap();
        // Another program opens the file and saves in between.
        let mut b = Store::open(&path).unwrap();
        b.append(vec![event(2)]).unwrap();
        a.append(vec![event(3)]).unwrap();
        let reread = Store::open(&path).unwrap();
        let notes: Vec<_> = reread
            .events()
            .iter()
            .map(|e| e.note.clone().unwrap())
            .collect();
        assert_eq!(notes, ["第1次进展", "第2次进展", "第3次进展"]);
        // One event per line, and nothing else left in the folder.
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().filter(|l| l.contains("\"task\"")).count(), 3);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_unreadable_file_is_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        std::fs::write(&path, "{\"format\": \"fengong-progress\", \"events\": [").unwrap();
        let err = Store::open(&path).unwrap_err().to_string();
        assert!(err.contains("p.json") && err.contains("line 1"), "{err}");
        std::fs::write(
            &path,
            "{\"format\": \"fengong-progress\", \"version\": 1, \"events\": []}",
        )
        .unwrap();
        let mut s = Store::open(&path).unwrap();
        std::fs::write(&path, "garbage").unwrap();
        assert!(s.append(vec![event(1)]).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "garbage");
        std::fs::write(
            &path,
            "{\"format\": \"fengong-progress\", \"version\": 9, \"events\": []}",
        )
        .unwrap();
        assert!(matches!(
            Store::open(&path),
            Err(ProgressError::NewerVersion(_, 9))
        ));
    }
}
