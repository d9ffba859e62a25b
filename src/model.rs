//! The task-data file (`data/tasks.json`): its types, loading and saving.
//!
//! This is the contract between the extractor and everything else. Other
//! tools are expected to read the file, so every field is documented in
//! `docs/FORMAT.md`; change both together and bump [`FORMAT_VERSION`] when a
//! change is not backwards compatible.
//!
//! Identifiers are plain strings so that the JSON is easy to use from other
//! languages; in Rust they are wrapped in newtypes so a `TaskId` cannot be
//! passed where a `UnitId` is expected.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Format name written into every file, so a stray JSON file is recognised.
pub const FORMAT_NAME: &str = "fengong-tasks";
/// Bumped on every incompatible change of the file format. Version 2
/// added goal bodies, clause and unit spans, the report's unplaced lines,
/// deadlines as dates and task keys; version-1 files still load (the new
/// fields default to empty).
pub const FORMAT_VERSION: u32 = 2;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// A document: the file stem of its source, e.g. `000_f13ecef8831b900d`.
    DocId
);
id_type!(
    /// A region: a jurisdiction's name (`台山市`) or `jurisdiction/sub-region`
    /// (`台山市/北部产城融合中心`).
    RegionId
);
id_type!(
    /// A goal: `{doc}:g{n}`, numbered in document order from 1.
    GoalId
);
id_type!(
    /// A task: `{doc}:t{n}`, numbered in document order from 1.
    TaskId
);
id_type!(
    /// A task's stable identity, `{doc}#{8 hex digits}`: kept when the plan
    /// is re-extracted, its tasks reordered or other plans added, so that
    /// progress and other tools can refer to it ([`crate::task_key`]).
    TaskKey
);
id_type!(
    /// A unit: its canonical name, qualified by jurisdiction
    /// (`台山市发展和改革局`); groups and collectives are qualified the same
    /// way (`台山市各镇`, `台山市相关单位`).
    UnitId
);

/// Where a fact was read: lines are 1-based and inclusive, counted in the
/// source file as decoded (so an editor opened on the file shows the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSpan {
    pub doc: DocId,
    pub line: u32,
    pub end_line: u32,
}

/// The whole task-data file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskData {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// [`FORMAT_VERSION`] of the writer.
    pub version: u32,
    pub documents: Vec<Document>,
    pub regions: Vec<Region>,
    pub goals: Vec<Goal>,
    pub tasks: Vec<Task>,
    pub units: Vec<Unit>,
    #[serde(default)]
    pub overlaps: Vec<Overlap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    /// The plan's own title (`台山市加快构建“三大中心”区域发展新格局实施方案`).
    pub title: String,
    /// Issuing body where the text names one (`台山市人民政府`).
    pub issuer: Option<String>,
    /// Date of issue as `YYYY-MM-DD`, `YYYY-MM` or `YYYY` where the text has it.
    pub date: Option<String>,
    /// Document number (`台府〔2021〕3号`).
    pub number: Option<String>,
    /// The region the plan governs.
    pub jurisdiction: RegionId,
    /// The input path as given to `fengong extract` (relative when it was).
    pub source: String,
    /// What the extractor understood and did not, for the per-document report.
    pub report: DocReport,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocReport {
    pub goals: usize,
    pub tasks: usize,
    pub tasks_with_leads: usize,
    pub warnings: Vec<Warning>,
    /// Goals whose text is prose with no tasks (kept as the goal's `body`).
    #[serde(default)]
    pub prose_goals: Vec<ProseGoal>,
    /// Lines that look like tasks or notes but were placed nowhere, and why.
    #[serde(default)]
    pub unplaced: Vec<Unplaced>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProseGoal {
    pub line: u32,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unplaced {
    pub line: u32,
    /// The line's first characters.
    pub text: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// An administrative area a document governs or names (江门市, 台山市).
    Jurisdiction,
    /// A planning area a document defines (北部产城融合中心, 北翼).
    Subregion,
    /// A town or street (台城, 大泽镇).
    Town,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub id: RegionId,
    pub name: String,
    pub kind: RegionKind,
    /// The containing region (a sub-region's jurisdiction, 台山市 → 西部发展区).
    pub parent: Option<RegionId>,
    /// Members as the text lists them (`台城`, `水步`, …).
    pub members: Vec<String>,
    /// The document that defines it; `None` for known jurisdictions.
    pub doc: Option<DocId>,
    /// The definition's source line.
    pub source: Option<SourceSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    pub doc: DocId,
    /// The sub-region the goal is about, else the document's jurisdiction.
    pub region: RegionId,
    /// The heading's own number as written (`(一)`, `第三节`, `1.`), if any.
    pub number: Option<String>,
    pub title: String,
    /// Titles of the enclosing headings, outermost first, without this goal.
    pub heading_path: Vec<String>,
    /// Named projects listed for the goal (专栏 boxes), not tasks.
    #[serde(default)]
    pub projects: Vec<Project>,
    pub source: SourceSpan,
    /// The goal's text that is no task: its intro, or all of it for a goal
    /// written as prose; paragraphs separated by `\n`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// Where `body` stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_source: Option<SourceSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The box's title (`专栏 3-1 重大交通项目`).
    pub list: String,
    pub text: String,
    pub source: SourceSpan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadMode {
    /// One lead unit.
    Single,
    /// Several lead units leading together.
    Joint,
    /// Several lead units each leading their own part (分别牵头).
    Respective,
    /// The plan names no lead unit (the UI shows 未明确).
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: TaskId,
    /// Stable identity (version 2; computed on load for version-1 files).
    #[serde(default)]
    pub key: TaskKey,
    pub doc: DocId,
    pub goal: GoalId,
    /// The task's number as written (`1.`, `（三）`), if any.
    pub number: Option<String>,
    /// The lead sentence (`以新型城镇引擎推动北部能级提升`), without the number.
    pub title: String,
    /// The whole task text as it reads once page artefacts are removed,
    /// including its responsibility note.
    pub text: String,
    /// The responsibility note as written, if the task has one: the first
    /// of `clauses`.
    pub note: Option<ResponsibilityNote>,
    /// Every clause that says who does the task (a bracketed note,
    /// annotation lines, a table's unit cells), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<ResponsibilityNote>,
    pub leads: Vec<UnitRef>,
    pub partners: Vec<UnitRef>,
    /// Units named responsible without a lead being identifiable (责任单位).
    #[serde(default)]
    pub responsible: Vec<UnitRef>,
    pub lead_mode: LeadMode,
    /// A named responsible person (牵头负责领导), never a unit.
    #[serde(default)]
    pub leader: Option<String>,
    /// Deadline as written (`2025年底前`, `持续推进`).
    #[serde(default)]
    pub deadline: Option<String>,
    /// The deadline read as dates (version 2; computed on load for
    /// version-1 files); `None` when the task has no deadline.
    #[serde(default)]
    pub due: Option<Due>,
    /// Places and units the text mentions (never promoted to leads).
    pub mentions: Vec<Mention>,
    pub source: SourceSpan,
}

// `Due` and `DueKind` are the deadline module's; they are stored in the
// file, so the model names them here too.
pub use crate::deadline::{Due, DueKind};

/// The part of a task that says who does it, e.g.
/// `(产业转移工业园牵头,市发展和改革局、北部7镇配合)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponsibilityNote {
    pub text: String,
    pub line: u32,
    /// Where the clause stands in the task's `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<CharSpan>,
}

/// Char (not byte) offsets `start..end` into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

/// A unit as one task names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    pub unit: UnitId,
    /// The name exactly as the document writes it (`市发展和改革局`).
    pub written: String,
    /// Where the extractor found the name in the task's `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chars: Option<CharSpan>,
    /// When the task's text does not name the unit (a heading's lead, a
    /// standing partner stated once): the line that does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_at: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A place (town, port, bay) the task is about.
    Place,
    /// A unit named in the text outside the responsibility note.
    Unit,
    /// A town or body the text makes the actor of the task (大泽镇要…).
    Actor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub kind: MentionKind,
    /// The unit or region it resolves to, when it resolves.
    pub unit: Option<UnitId>,
    pub region: Option<RegionId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 市发展和改革局, 市公资办, 江门市生态环境局台山分局.
    Government,
    /// 市委组织部, 市委办公室, 市委编办.
    Party,
    /// 台城街道, 川岛镇.
    Town,
    /// 产业转移工业园, 广海湾经济开发区.
    DevelopmentZone,
    /// A named set of units (北部7镇, 各镇).
    Group,
    /// A collective whose members the text does not say (市相关单位).
    Collective,
    /// Anything else (a company, a committee the extractor cannot place).
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: UnitId,
    /// Canonical name, qualified by jurisdiction (`台山市发展和改革局`).
    pub name: String,
    pub kind: UnitKind,
    /// The jurisdiction the unit belongs to.
    pub jurisdiction: Option<RegionId>,
    /// Every spelling documents use for it (`市发展和改革局`).
    pub written: Vec<String>,
    /// Other names it goes by (`发改局`, `市发改局`).
    pub aliases: Vec<String>,
    /// For groups: the units it contains (北部7镇 → 台城街道, 水步镇, …).
    pub members: Vec<UnitId>,
    /// Where a group is defined (`(以下统称北部7镇)`).
    pub source: Option<SourceSpan>,
}

/// What the strongest shared term of an overlap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverlapKind {
    /// A named project or facility (a road, rail line, port area, park).
    SameProject,
    /// A named place (a bay, island, town, station).
    SamePlace,
    /// No name: a programme or a rare phrase in common.
    SimilarWording,
}

/// How two tasks with shared work relate (format version 2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverlapRelation {
    /// The same named project or facility, wherever the two plans are.
    Project,
    /// The same measure for the same place: the places the two tasks
    /// concern are the same, or one contains the other.
    #[default]
    SamePlace,
    /// Similar measures in places that do not contain each other (sibling
    /// districts): worth comparing, but not a duplication or hand-off.
    Parallel,
}

impl OverlapRelation {
    /// Project and same-place pairs are overlaps; parallel pairs are not.
    pub fn is_overlap(self) -> bool {
        self != OverlapRelation::Parallel
    }
}

/// How the places two tasks concern relate (format version 2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRelation {
    /// The same place (the same jurisdiction, sub-region or named place).
    #[default]
    Same,
    /// One place contains or overlaps the other (江门市西部发展区 and 台山市).
    Nested,
    /// Neither contains the other (江海区 and 新会区).
    Apart,
}

/// What a shared term is (format version 2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// The name of a project or facility (黄茅海跨海通道, 国道G240).
    Project,
    /// The name of a place (广海湾, 川岛, 江门站).
    Place,
    /// A quoted programme or slogan (“厕所革命”, “多规合一”).
    Programme,
    /// Other wording (农村人居环境整治).
    #[default]
    Wording,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "OverlapFields")]
pub struct Overlap {
    pub a: TaskId,
    pub b: TaskId,
    /// In [0, 1]; higher is more certainly the same work.
    pub score: f32,
    pub relation: OverlapRelation,
    /// What the strongest shared term is.
    pub kind: OverlapKind,
    /// The two tasks come from different documents.
    pub cross_doc: bool,
    /// One document's jurisdiction contains the other's (江门市 ⊃ 台山市).
    pub nested_jurisdictions: bool,
    /// How the places the two tasks concern relate.
    pub places: PlaceRelation,
    /// How alike the two texts are as a whole, in [0, 1].
    pub topic: f32,
    pub shared: Vec<SharedTerm>,
}

/// [`Overlap`] as read: version-1 files lack `relation`, `places` and
/// `topic`, which are then derived from `kind` and the nesting.
#[derive(Deserialize)]
struct OverlapFields {
    a: TaskId,
    b: TaskId,
    score: f32,
    relation: Option<OverlapRelation>,
    kind: OverlapKind,
    cross_doc: bool,
    nested_jurisdictions: bool,
    places: Option<PlaceRelation>,
    #[serde(default)]
    topic: f32,
    shared: Vec<SharedTerm>,
}

impl From<OverlapFields> for Overlap {
    fn from(f: OverlapFields) -> Overlap {
        let places = f.places.unwrap_or(if !f.cross_doc {
            PlaceRelation::Same
        } else if f.nested_jurisdictions {
            PlaceRelation::Nested
        } else {
            PlaceRelation::Apart
        });
        let relation = f.relation.unwrap_or(match (f.kind, places) {
            (OverlapKind::SameProject, _) => OverlapRelation::Project,
            (_, PlaceRelation::Apart) => OverlapRelation::Parallel,
            _ => OverlapRelation::SamePlace,
        });
        Overlap {
            a: f.a,
            b: f.b,
            score: f.score,
            relation,
            kind: f.kind,
            cross_doc: f.cross_doc,
            nested_jurisdictions: f.nested_jurisdictions,
            places,
            topic: f.topic,
            shared: f.shared,
        }
    }
}

/// A term both tasks contain, with its character offsets in each text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedTerm {
    pub term: String,
    /// What the term is (version 2; `wording` when read from version 1).
    #[serde(default)]
    pub kind: TermKind,
    /// How much the term says, in [0, 1] (version 2; 0 when read from version 1).
    #[serde(default)]
    pub weight: f32,
    /// Char (not byte) offsets into task `a`'s `text`.
    pub in_a: Vec<usize>,
    pub in_b: Vec<usize>,
}

/// serde's message without the position it ends with (messages print the
/// line and column first).
pub fn json_error_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

/// Task-data files larger than this are refused before being read (the
/// seeds' file is 1.6 MB; 100 000 synthetic tasks are about 150 MB).
pub const MAX_DATA_BYTES: u64 = 512 * 1024 * 1024;

/// Why a task-data file could not be used.
#[derive(Debug)]
pub enum LoadError {
    Io(std::io::Error),
    /// Not JSON, or JSON of the wrong shape; `line`/`column` from serde.
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    NotTaskData,
    NewerVersion(u32),
    /// Something other than a regular file: what it is (`a character device`).
    NotAFile(&'static str),
    /// Larger than [`MAX_DATA_BYTES`] (at least this many bytes).
    TooLarge(u64),
    /// Not UTF-8 text: the first bad byte's offset.
    NotUtf8(usize),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                write!(f, "no such file")
            }
            LoadError::Io(e) => write!(f, "{e}"),
            LoadError::Parse {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            LoadError::NotTaskData => write!(
                f,
                "not a fengong task-data file (no \"format\": \"{FORMAT_NAME}\")"
            ),
            LoadError::NewerVersion(v) => write!(
                f,
                "format version {v} is newer than this fengong understands ({FORMAT_VERSION}); update fengong"
            ),
            LoadError::NotAFile(what) => write!(
                f,
                "is {what}, not a file; task data is read only from regular files (or `--data -` for standard input)"
            ),
            LoadError::TooLarge(bytes) => write!(
                f,
                "too large for a task-data file ({} MB; the limit is {} MB)",
                bytes / 1_000_000,
                MAX_DATA_BYTES / 1_000_000
            ),
            LoadError::NotUtf8(offset) => write!(
                f,
                "not UTF-8 text (byte {offset}); a task-data file is JSON written by `fengong extract`"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// What a file system entry is, for messages: `a folder`, `a FIFO`…; `None`
/// for a regular file.
pub fn special_file_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The text of a task-data file: only a regular file (followed through
/// symlinks) or, for `-`, standard input; at most [`MAX_DATA_BYTES`]; UTF-8
/// with its byte-order mark removed.
pub fn read_data_text(path: &Path) -> Result<String, LoadError> {
    use std::io::Read;
    let limit = MAX_DATA_BYTES;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(LoadError::Io)?;
    } else {
        let meta = std::fs::metadata(path).map_err(LoadError::Io)?;
        if let Some(what) = special_file_kind(&meta) {
            return Err(LoadError::NotAFile(what));
        }
        if meta.len() > limit {
            return Err(LoadError::TooLarge(meta.len()));
        }
        // The size is checked again while reading: the file may grow.
        std::fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(LoadError::Io)?;
    }
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge(bytes.len() as u64));
    }
    let text =
        String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8(e.utf8_error().valid_up_to()))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// Whether `path` holds a fengong task-data file, judged by its first
/// bytes only (bounded, whatever the file is); `false` for anything that is
/// not a regular file.
pub fn is_task_data_file(path: &Path) -> bool {
    use std::io::Read;
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if special_file_kind(&meta).is_some() {
        return false;
    }
    let mut head = Vec::new();
    if std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_err()
    {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    // `to_json` writes `format` first.
    head.starts_with('{')
        && head[1..]
            .trim_start()
            .strip_prefix("\"format\"")
            .and_then(|r| r.trim_start().strip_prefix(':'))
            .is_some_and(|r| r.trim_start().starts_with(&format!("\"{FORMAT_NAME}\"")))
}

/// Something wrong with a loaded file that loading worked around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `{kind} {id}`'s `{field}` names `{target}`, which does not exist.
    Dangling {
        kind: &'static str,
        id: String,
        field: &'static str,
        target: String,
    },
    /// Regions whose parents lead back to themselves; the link from the
    /// first to its parent was dropped so the rest form a tree.
    RegionCycle(Vec<RegionId>),
    /// Two entries share an id; lookups find only the last.
    DuplicateId { kind: &'static str, id: String },
    /// References to units that do not exist (tasks keep them as written).
    DanglingUnits(usize),
    /// Overlaps naming a task that does not exist (they are dropped).
    DanglingOverlaps(usize),
    /// Strings that held control characters or escape sequences, removed.
    ControlsStripped(usize),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Dangling {
                kind,
                id,
                field,
                target,
            } => write!(f, "{kind} {id}: {field} {target} does not exist"),
            Problem::RegionCycle(ids) => {
                let names: Vec<&str> = ids.iter().map(|r| r.as_str()).collect();
                write!(
                    f,
                    "regions form a cycle ({} → {}); {} is placed at the top",
                    names.join(" → "),
                    names[0],
                    names[0]
                )
            }
            Problem::DuplicateId { kind, id } => write!(f, "{kind} id {id} is used twice"),
            Problem::DanglingUnits(n) => write!(f, "{n} unit references name no unit"),
            Problem::DanglingOverlaps(n) => {
                write!(f, "{n} overlaps name a task that does not exist; dropped")
            }
            Problem::ControlsStripped(n) => write!(
                f,
                "{n} texts held control characters or terminal escape sequences; removed"
            ),
        }
    }
}

/// A loaded file with what [`TaskData::check`] found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The data, repaired: controls stripped, region cycles broken,
    /// dangling overlaps dropped. Dangling task references are kept.
    pub data: TaskData,
    pub problems: Vec<Problem>,
    /// Positions of tasks the region → goal → task tree cannot place: their
    /// goal, document or goal's region does not exist. The explorer shows
    /// them under an "unplaced" node so that every task is reachable.
    pub unplaced: Vec<usize>,
}

impl TaskData {
    pub fn new() -> Self {
        TaskData {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            ..Default::default()
        }
    }

    /// Parses a task-data file's text, checking its format and version, and
    /// repairs what [`TaskData::check`] can; the problems are dropped (use
    /// [`TaskData::from_json_checked`] to report them).
    pub fn from_json(text: &str) -> Result<TaskData, LoadError> {
        Self::from_json_checked(text).map(|l| l.data)
    }

    /// Parses a task-data file's text (a leading byte-order mark is
    /// ignored), strips control characters from every string, and checks
    /// references ([`TaskData::check`]).
    pub fn from_json_checked(text: &str) -> Result<Loaded, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Check the header first so a newer or foreign file gets the right
        // message rather than a confusing "missing field".
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
        }
        let to_parse_error = |e: serde_json::Error| LoadError::Parse {
            line: e.line(),
            column: e.column(),
            message: json_error_message(&e),
        };
        let header: Header = serde_json::from_str(text).map_err(to_parse_error)?;
        if header.format.as_deref() != Some(FORMAT_NAME) {
            return Err(LoadError::NotTaskData);
        }
        match header.version {
            Some(v) if v > FORMAT_VERSION => return Err(LoadError::NewerVersion(v)),
            _ => {}
        }
        let mut data: TaskData = serde_json::from_str(text).map_err(to_parse_error)?;
        let mut stripped = 0;
        if may_hold_controls(text) {
            // Rare: walk every string of the file generically, so fields
            // added later are covered too.
            let mut value: serde_json::Value =
                serde_json::from_str(text).map_err(to_parse_error)?;
            stripped = strip_json_strings(&mut value);
            if stripped > 0 {
                data = TaskData::deserialize(&value).map_err(to_parse_error)?;
            }
        }
        data.fill_derived();
        let mut loaded = data.check();
        if stripped > 0 {
            loaded
                .problems
                .insert(0, Problem::ControlsStripped(stripped));
        }
        Ok(loaded)
    }

    /// Fills what version 2 added and version-1 files lack: each task's
    /// `due` (its deadline words read as dates, [`crate::deadline`]) and its
    /// stable `key` ([`crate::task_key`]). Values already present are kept.
    /// Returns the positions of tasks whose deadline words read as no date.
    pub fn fill_derived(&mut self) -> Vec<usize> {
        let years: HashMap<DocId, Option<i32>> = self
            .documents
            .iter()
            .map(|d| {
                let year = crate::deadline::plan_year(d.date.as_deref(), &d.title);
                (d.id.clone(), year)
            })
            .collect();
        let mut unread = Vec::new();
        for (i, t) in self.tasks.iter_mut().enumerate() {
            if t.due.is_none()
                && let Some(words) = &t.deadline
            {
                let year = years.get(&t.doc).copied().flatten();
                t.due = Some(crate::deadline::read(words, year));
            }
            if t.due.as_ref().is_some_and(|d| d.kind == DueKind::Unparsed) {
                unread.push(i);
            }
        }
        let inputs: Vec<crate::task_key::KeyInput> = self
            .tasks
            .iter()
            .map(|t| crate::task_key::KeyInput {
                doc: t.doc.as_str(),
                number: t.number.as_deref(),
                title: &t.title,
                text: &t.text,
                key: t.key.as_str(),
            })
            .collect();
        let keys = crate::task_key::missing_keys(&inputs);
        for (i, key) in keys {
            self.tasks[i].key = TaskKey(key);
        }
        unread
    }

    /// Adds an extraction warning for each task in `unread` (from
    /// [`TaskData::fill_derived`]): its deadline is kept as written.
    pub fn warn_unread_deadlines(&mut self, unread: &[usize]) {
        for &i in unread {
            let t = &self.tasks[i];
            let words = t.deadline.as_deref().unwrap_or_default();
            let warning = Warning {
                line: t.note.as_ref().map_or(t.source.line, |n| n.line),
                message: format!(
                    "task “{}”: deadline “{words}” names no date fengong can read (kept as written)",
                    crate::text::truncate_to_width(&t.title, 40)
                ),
            };
            if let Some(d) = self.documents.iter_mut().find(|d| d.id == t.doc) {
                d.report.warnings.push(warning);
            }
        }
    }

    /// Loads a task-data file ([`read_data_text`], then [`TaskData::from_json`]).
    pub fn load(path: &Path) -> Result<TaskData, LoadError> {
        Self::load_checked(path).map(|l| l.data)
    }

    /// Loads a task-data file and says what is wrong with it.
    pub fn load_checked(path: &Path) -> Result<Loaded, LoadError> {
        Self::from_json_checked(&read_data_text(path)?)
    }

    /// Checks references and region parents, repairing what would otherwise
    /// hide tasks or loop: a region cycle is cut, overlaps naming missing
    /// tasks are dropped. Tasks whose goal, document or region is missing
    /// are listed in [`Loaded::unplaced`].
    pub fn check(mut self) -> Loaded {
        let mut problems = Vec::new();
        let index = self.index();
        let mut dup = |kind: &'static str, ids: Vec<&str>, n: usize| {
            if n != ids.len() {
                let mut seen = std::collections::HashSet::new();
                for id in ids {
                    if !seen.insert(id) {
                        problems.push(Problem::DuplicateId {
                            kind,
                            id: id.to_owned(),
                        });
                    }
                }
            }
        };
        dup(
            "document",
            self.documents.iter().map(|d| d.id.as_str()).collect(),
            index.documents.len(),
        );
        dup(
            "region",
            self.regions.iter().map(|d| d.id.as_str()).collect(),
            index.regions.len(),
        );
        dup(
            "goal",
            self.goals.iter().map(|d| d.id.as_str()).collect(),
            index.goals.len(),
        );
        dup(
            "task",
            self.tasks.iter().map(|d| d.id.as_str()).collect(),
            index.tasks.len(),
        );
        dup(
            "unit",
            self.units.iter().map(|d| d.id.as_str()).collect(),
            index.units.len(),
        );
        let dangling = |kind, id: &str, field, target: &str| Problem::Dangling {
            kind,
            id: id.to_owned(),
            field,
            target: target.to_owned(),
        };
        for r in &self.regions {
            if let Some(p) = &r.parent
                && !index.regions.contains_key(p)
            {
                problems.push(dangling("region", r.id.as_str(), "parent", p.as_str()));
            }
        }
        for g in &self.goals {
            if !index.documents.contains_key(&g.doc) {
                problems.push(dangling("goal", g.id.as_str(), "document", g.doc.as_str()));
            }
            if !index.regions.contains_key(&g.region) {
                problems.push(dangling("goal", g.id.as_str(), "region", g.region.as_str()));
            }
        }
        let mut unplaced = Vec::new();
        let mut dangling_units = 0;
        for (i, t) in self.tasks.iter().enumerate() {
            let before = problems.len();
            if !index.documents.contains_key(&t.doc) {
                problems.push(dangling("task", t.id.as_str(), "document", t.doc.as_str()));
            }
            match index.goals.get(&t.goal) {
                None => problems.push(dangling("task", t.id.as_str(), "goal", t.goal.as_str())),
                Some(&g) => {
                    let g = &self.goals[g];
                    if !index.regions.contains_key(&g.region)
                        || !index.documents.contains_key(&g.doc)
                    {
                        // Reported once, for the goal.
                        unplaced.push(i);
                        continue;
                    }
                }
            }
            if problems.len() > before {
                unplaced.push(i);
            }
            dangling_units += t
                .leads
                .iter()
                .chain(&t.partners)
                .chain(&t.responsible)
                .filter(|u| !index.units.contains_key(&u.unit))
                .count();
        }
        if dangling_units > 0 {
            problems.push(Problem::DanglingUnits(dangling_units));
        }
        // Region cycles: follow parents from each region; a walk that comes
        // back to a region of its own path has found a cycle.
        let parent_of: Vec<Option<usize>> = self
            .regions
            .iter()
            .map(|r| {
                r.parent
                    .as_ref()
                    .and_then(|p| index.regions.get(p).copied())
            })
            .collect();
        let mut state = vec![0u8; self.regions.len()]; // 0 new, 1 on path, 2 done
        let mut cut = Vec::new();
        for start in 0..self.regions.len() {
            let mut path = Vec::new();
            let mut r = start;
            while state[r] == 0 {
                state[r] = 1;
                path.push(r);
                match parent_of[r] {
                    Some(p) => r = p,
                    None => break,
                }
            }
            // Stopped on a region of this very walk, reached as a parent: a cycle.
            if state[r] == 1 && path.last().and_then(|&l| parent_of[l]) == Some(r) {
                let at = path.iter().position(|&x| x == r).unwrap();
                let cycle: Vec<usize> = path[at..].to_vec();
                let first = *cycle.iter().min().unwrap();
                cut.push(first);
                let rotate = cycle.iter().position(|&x| x == first).unwrap();
                let ids = cycle[rotate..]
                    .iter()
                    .chain(&cycle[..rotate])
                    .map(|&x| self.regions[x].id.clone())
                    .collect();
                problems.push(Problem::RegionCycle(ids));
            }
            for x in path {
                state[x] = 2;
            }
        }
        for r in cut {
            self.regions[r].parent = None;
        }
        let before = self.overlaps.len();
        self.overlaps
            .retain(|o| index.tasks.contains_key(&o.a) && index.tasks.contains_key(&o.b));
        if self.overlaps.len() < before {
            problems.push(Problem::DanglingOverlaps(before - self.overlaps.len()));
        }
        Loaded {
            data: self,
            problems,
            unplaced,
        }
    }

    /// The canonical JSON text: pretty-printed, fields in declaration order,
    /// so re-running the extractor gives byte-identical output.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("task data always serialises");
        s.push('\n');
        s
    }

    /// Lookup tables from ids to positions; build once after loading.
    pub fn index(&self) -> Index {
        Index::new(self)
    }
}

/// Whether a file's JSON text may hold a control character in a string:
/// an escape (`\u001b`, `\r`, `\b`, `\f`) or a raw DEL, C1 or bidi
/// control. Conservative; a false alarm only costs a second parse.
fn may_hold_controls(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr(0x7f, b).is_some()
        || memchr::memmem::find_iter(b, "\\u").next().is_some()
        || memchr::memmem::find_iter(b, "\\r").next().is_some()
        || memchr::memmem::find_iter(b, "\\b").next().is_some()
        || memchr::memmem::find_iter(b, "\\f").next().is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, b).any(|i| match (b[i], b.get(i + 1), b.get(i + 2)) {
            // C1: U+0080–U+009F.
            (0xC2, Some(0x80..=0x9F), _) => true,
            // U+202A–U+202E, U+2066–U+2069.
            (0xE2, Some(0x80), Some(0xAA..=0xAE)) | (0xE2, Some(0x81), Some(0xA6..=0xA9)) => true,
            _ => false,
        })
}

/// Strips every string in a JSON value; returns how many changed.
fn strip_json_strings(v: &mut serde_json::Value) -> usize {
    use serde_json::Value;
    match v {
        Value::String(s) => usize::from(crate::sanitise::strip_in_place(s)),
        Value::Array(items) => items.iter_mut().map(strip_json_strings).sum(),
        Value::Object(map) => map.values_mut().map(strip_json_strings).sum(),
        _ => 0,
    }
}

/// Id → position maps over a [`TaskData`].
#[derive(Debug, Default, Clone)]
pub struct Index {
    pub documents: HashMap<DocId, usize>,
    pub regions: HashMap<RegionId, usize>,
    pub goals: HashMap<GoalId, usize>,
    pub tasks: HashMap<TaskId, usize>,
    pub units: HashMap<UnitId, usize>,
    /// For each unit, the groups that contain it (台城街道 → 北部7镇).
    pub groups_of: HashMap<UnitId, Vec<UnitId>>,
    /// For each task position, the positions of its overlaps.
    pub overlaps_of: Vec<Vec<usize>>,
}

impl Index {
    pub fn new(data: &TaskData) -> Index {
        fn positions<K: Clone + Eq + std::hash::Hash, T>(
            items: &[T],
            key: impl Fn(&T) -> &K,
        ) -> HashMap<K, usize> {
            items
                .iter()
                .enumerate()
                .map(|(i, t)| (key(t).clone(), i))
                .collect()
        }
        let mut groups_of: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
        for unit in &data.units {
            for member in &unit.members {
                groups_of
                    .entry(member.clone())
                    .or_default()
                    .push(unit.id.clone());
            }
        }
        let tasks = positions(&data.tasks, |t| &t.id);
        let mut overlaps_of = vec![Vec::new(); data.tasks.len()];
        for (i, o) in data.overlaps.iter().enumerate() {
            for id in [&o.a, &o.b] {
                if let Some(&t) = tasks.get(id) {
                    overlaps_of[t].push(i);
                }
            }
        }
        Index {
            documents: positions(&data.documents, |d| &d.id),
            regions: positions(&data.regions, |r| &r.id),
            goals: positions(&data.goals, |g| &g.id),
            tasks,
            units: positions(&data.units, |u| &u.id),
            groups_of,
            overlaps_of,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_foreign_and_newer_files() {
        assert!(matches!(
            TaskData::from_json("{\"a\": 1}"),
            Err(LoadError::NotTaskData)
        ));
        let newer = format!("{{\"format\": \"{FORMAT_NAME}\", \"version\": 999}}");
        assert!(matches!(
            TaskData::from_json(&newer),
            Err(LoadError::NewerVersion(999))
        ));
        match TaskData::from_json(
            "{\"format\": \"fengong-tasks\", \"version\": 1, \"documents\": [",
        ) {
            Err(LoadError::Parse { line, .. }) => assert_eq!(line, 1),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn version_1_files_still_load() {
        let v1 = r#"{"format": "fengong-tasks", "version": 1,
            "documents": [{"id": "d", "title": "t", "issuer": null, "date": null, "number": null,
                "jurisdiction": "j", "source": "d.txt",
                "report": {"goals": 1, "tasks": 1, "tasks_with_leads": 1, "warnings": []}}],
            "regions": [],
            "goals": [{"id": "d:g1", "doc": "d", "region": "j", "number": null, "title": "g",
                "heading_path": [], "source": {"doc": "d", "line": 1, "end_line": 1}}],
            "tasks": [{"id": "d:t1", "doc": "d", "goal": "d:g1", "number": "1.", "title": "t",
                "text": "t。（A牵头）", "note": {"text": "（A牵头）", "line": 2},
                "leads": [{"unit": "jA", "written": "A"}], "partners": [], "lead_mode": "single",
                "mentions": [], "source": {"doc": "d", "line": 2, "end_line": 2}}],
            "units": []}"#;
        let data = TaskData::from_json(v1).expect("a version-1 file loads");
        assert_eq!(data.tasks[0].leads[0].chars, None);
        assert!(data.tasks[0].clauses.is_empty());
        assert!(data.goals[0].body.is_empty());
        assert!(data.documents[0].report.unplaced.is_empty());
    }

    #[test]
    fn round_trips() {
        let data = TaskData::new();
        let text = data.to_json();
        assert_eq!(TaskData::from_json(&text).unwrap(), data);
    }

    #[test]
    fn version_1_overlaps_get_a_relation_from_their_kind_and_nesting() {
        let v1 = |kind: &str, cross: bool, nested: bool| {
            let text = format!(
                r#"{{"a": "x:t1", "b": "y:t1", "score": 0.5, "kind": "{kind}",
                   "cross_doc": {cross}, "nested_jurisdictions": {nested},
                   "shared": [{{"term": "广海湾", "in_a": [0], "in_b": [1]}}]}}"#
            );
            serde_json::from_str::<Overlap>(&text).unwrap()
        };
        let o = v1("same_project", true, false);
        assert_eq!(
            (o.relation, o.places),
            (OverlapRelation::Project, PlaceRelation::Apart)
        );
        let o = v1("similar_wording", true, true);
        assert_eq!(
            (o.relation, o.places),
            (OverlapRelation::SamePlace, PlaceRelation::Nested)
        );
        assert_eq!(
            v1("similar_wording", true, false).relation,
            OverlapRelation::Parallel
        );
        assert_eq!(v1("same_place", false, false).places, PlaceRelation::Same);
        assert_eq!(o.shared[0].kind, TermKind::Wording);
        // Version 2 writes every field and reads them back unchanged.
        let back: Overlap = serde_json::from_str(&serde_json::to_string(&o).unwrap()).unwrap();
        assert_eq!(back, o);
    }
}
