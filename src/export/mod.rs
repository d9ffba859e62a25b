//! Exports of a filtered view: flat task records written as JSONL, JSON,
//! CSV, Markdown (and XLSX through `xlsx.rs`).
//!
//! `fengong export` and the explorer's `e` dialog both build [`Record`]s with
//! [`records`] and write them with [`write_file`] / [`write_to`], so the two
//! always produce the same rows and columns. Every file goes through the
//! one atomic writer, [`write_atomic`]; every CSV through [`CsvOut`], which
//! guards cells against formula injection; the format of a file follows its
//! name ([`format_for_path`]).

pub mod ledger;
pub mod xlsx;

use crate::atomic::{WriteError, Written, write_atomic};

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::LeadMode;
use crate::query::{Catalog, Filters, Hit, Role};

/// One task as a flat row. Field names are the JSON keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// The task's stable key (`{doc}#{8 hex}`): the same in every export
    /// and after re-extraction, so other tools can refer to the task.
    pub key: String,
    /// Document id.
    pub doc: String,
    pub doc_title: String,
    /// The input file path the task was read from.
    pub source: String,
    /// First source line of the task.
    pub line: u32,
    /// Region name (the goal's region).
    pub region: String,
    /// Goal title.
    pub goal: String,
    /// Task number as written (`1.`), empty when the plan has none.
    pub task_no: String,
    pub title: String,
    pub text: String,
    /// Lead units as the document writes them.
    pub leads: Vec<String>,
    /// Partner units as the document writes them.
    pub partners: Vec<String>,
    /// Canonical names of the lead units.
    pub lead_units: Vec<String>,
    /// Canonical names of the partner units.
    pub partner_units: Vec<String>,
    /// `single`, `joint`, `respective` or `none`.
    pub lead_mode: String,
    /// Places and units the text mentions.
    pub mentions: Vec<String>,
    /// Deadline as written, if any.
    pub deadline: Option<String>,
    /// With a unit filter: `lead`, `partner`, `responsible` or `mentioned`.
    pub role: Option<String>,
    /// With a unit filter: the group through which the unit was reached.
    pub via_group: Option<String>,
    /// The deadline read as dates (docs/FORMAT.md `due`): `by`, `span`,
    /// `yearly`, `half_yearly`, `quarterly`, `monthly`, `ongoing`, `unparsed`.
    pub due_kind: Option<String>,
    pub due_start: Option<String>,
    pub due_end: Option<String>,
    /// With progress: `not_started`, `in_progress`, `done`, `closed`, or
    /// `lagging` (unfinished past a dated deadline).
    pub status: Option<String>,
    /// With progress: the latest note, its day and its reporting unit.
    pub latest_note: Option<String>,
    pub latest_note_date: Option<String>,
    pub reported_by: Option<String>,
}

/// Builds the records of a view's hits, in order, without progress.
pub fn records(c: &Catalog, hits: &[Hit]) -> Vec<Record> {
    hits.iter().map(|h| record(c, h)).collect()
}

/// Builds the records with their progress fields from `tracker`, the
/// status as seen on `today` (滞后 for unfinished work past its deadline).
pub fn records_with_progress(
    c: &Catalog,
    hits: &[Hit],
    tracker: &crate::progress::Tracker,
    today: chrono::NaiveDate,
) -> Vec<Record> {
    hits.iter()
        .map(|h| {
            let mut r = record(c, h);
            let p = tracker.ledger().of(h.task.index());
            r.status = Some(
                tracker
                    .shown(c.data(), h.task.index(), today)
                    .key()
                    .to_owned(),
            );
            if let Some(n) = p.latest_note() {
                r.latest_note = Some(n.text.clone());
                r.latest_note_date = Some(n.date.to_string());
                r.reported_by = n.unit.clone();
            }
            r
        })
        .collect()
}

fn record(c: &Catalog, h: &Hit) -> Record {
    let t = c.task(h.task);
    let doc = c.document(c.task_doc(h.task));
    let goal = c.goal(c.task_goal(h.task));
    let region = c.region(c.task_region(h.task));
    let unit_name = |id: &crate::model::UnitId| {
        c.unit_pos(id)
            .map_or_else(|| id.0.clone(), |u| c.unit(u).name.clone())
    };
    let due = t.due.as_ref();
    Record {
        key: t.key.0.clone(),
        doc: t.doc.0.clone(),
        doc_title: doc.map_or_else(String::new, |d| d.title.clone()),
        source: doc.map_or_else(String::new, |d| d.source.clone()),
        line: t.source.line,
        region: region.map_or_else(
            || goal.map_or_else(String::new, |g| g.region.0.clone()),
            |r| r.name.clone(),
        ),
        goal: goal.map_or_else(String::new, |g| g.title.clone()),
        task_no: t.number.clone().unwrap_or_default(),
        title: t.title.clone(),
        text: t.text.clone(),
        leads: t.leads.iter().map(|u| u.written.clone()).collect(),
        partners: t.partners.iter().map(|u| u.written.clone()).collect(),
        lead_units: t.leads.iter().map(|u| unit_name(&u.unit)).collect(),
        partner_units: t.partners.iter().map(|u| unit_name(&u.unit)).collect(),
        lead_mode: lead_mode_key(t.lead_mode).to_owned(),
        mentions: t.mentions.iter().map(|m| m.text.clone()).collect(),
        deadline: t.deadline.clone(),
        role: h.involvement.map(|i| i.key().to_owned()),
        via_group: h.via_group.as_ref().map(unit_name),
        due_kind: due.map(|d| due_kind_key(d.kind).to_owned()),
        due_start: due.and_then(|d| d.start.clone()),
        due_end: due.and_then(|d| d.end.clone()),
        status: None,
        latest_note: None,
        latest_note_date: None,
        reported_by: None,
    }
}

fn due_kind_key(k: crate::model::DueKind) -> &'static str {
    use crate::model::DueKind;
    match k {
        DueKind::By => "by",
        DueKind::Span => "span",
        DueKind::Yearly => "yearly",
        DueKind::HalfYearly => "half_yearly",
        DueKind::Quarterly => "quarterly",
        DueKind::Monthly => "monthly",
        DueKind::Ongoing => "ongoing",
        DueKind::Unparsed => "unparsed",
    }
}

fn lead_mode_key(m: LeadMode) -> &'static str {
    match m {
        LeadMode::Single => "single",
        LeadMode::Joint => "joint",
        LeadMode::Respective => "respective",
        LeadMode::None => "none",
    }
}

/// Chinese label of a lead mode, for tables read by people.
fn lead_mode_label(m: &str) -> &'static str {
    match m {
        "single" => "单独牵头",
        "joint" => "共同牵头",
        "respective" => "分别牵头",
        _ => "未明确",
    }
}

/// Chinese label of a role key (`lead` → 牵头).
pub fn role_label(r: &str) -> &'static str {
    match r {
        "lead" => "牵头",
        "partner" => "配合",
        "responsible" => "责任",
        "mentioned" => "提及",
        _ => "",
    }
}

/// Column headers of the tabular formats (CSV, Markdown, XLSX), in order.
pub const HEADERS: [&str; 26] = [
    "文档",
    "文档标题",
    "来源文件",
    "行号",
    "区域",
    "目标",
    "序号",
    "任务",
    "全文",
    "牵头单位",
    "配合单位",
    "牵头单位(规范名)",
    "配合单位(规范名)",
    "牵头方式",
    "提及",
    "时限",
    "角色",
    "经由组合",
    "任务编号",
    "时限类型",
    "开始日期",
    "截止日期",
    "状态",
    "最新进展",
    "进展日期",
    "填报单位",
];

/// Columns holding long text, which XLSX should wrap (任务, 全文, 最新进展).
pub const WRAP_COLUMNS: [usize; 3] = [7, 8, 23];

/// The records as rows of strings under [`HEADERS`]; lists are joined
/// with `、` as the plans write them.
pub fn table_rows(records: &[Record]) -> Vec<Vec<String>> {
    records
        .iter()
        .map(|r| {
            vec![
                r.doc.clone(),
                r.doc_title.clone(),
                r.source.clone(),
                r.line.to_string(),
                r.region.clone(),
                r.goal.clone(),
                r.task_no.clone(),
                r.title.clone(),
                r.text.clone(),
                r.leads.join("、"),
                r.partners.join("、"),
                r.lead_units.join("、"),
                r.partner_units.join("、"),
                lead_mode_label(&r.lead_mode).to_owned(),
                r.mentions.join("、"),
                r.deadline.clone().unwrap_or_default(),
                r.role.as_deref().map(role_label).unwrap_or("").to_owned(),
                r.via_group.clone().unwrap_or_default(),
                r.key.clone(),
                r.due_kind
                    .as_deref()
                    .map(due_kind_label)
                    .unwrap_or("")
                    .to_owned(),
                r.due_start.clone().unwrap_or_default(),
                r.due_end.clone().unwrap_or_default(),
                r.status
                    .as_deref()
                    .map(status_label)
                    .unwrap_or("")
                    .to_owned(),
                r.latest_note.clone().unwrap_or_default(),
                r.latest_note_date.clone().unwrap_or_default(),
                r.reported_by.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// Chinese label of a `due_kind` key.
pub fn due_kind_label(k: &str) -> &'static str {
    match k {
        "by" => "截止",
        "span" => "期间",
        "yearly" => "每年",
        "half_yearly" => "每半年",
        "quarterly" => "每季度",
        "monthly" => "每月",
        "ongoing" => "持续",
        "unparsed" => "未识别",
        _ => "",
    }
}

/// Chinese label of a `status` key (`lagging` → 滞后).
pub fn status_label(k: &str) -> &'static str {
    crate::progress::Shown::ALL
        .into_iter()
        .find(|s| s.key() == k)
        .map_or("", |s| s.label())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Csv,
    Markdown,
    Xlsx,
}

impl Format {
    /// Every format, in the order the explorer's dialog lists them.
    pub const ALL: [Format; 5] = [
        Format::Csv,
        Format::Json,
        Format::Markdown,
        Format::Jsonl,
        Format::Xlsx,
    ];

    /// The formats the export dialog offers, in its order.
    pub fn offered() -> Vec<Format> {
        Format::ALL.to_vec()
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The format a file name's extension names, if it names one.
    pub fn from_path(p: &Path) -> Option<Format> {
        p.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Jsonl => "JSONL",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Markdown => "Markdown",
            Format::Xlsx => "XLSX",
        }
    }

    /// Whether the format can be streamed to a writer (stdout); XLSX is a
    /// zip archive written to a file path.
    pub fn is_streamable(self) -> bool {
        self != Format::Xlsx
    }
}

/// Writes records in a streamable format.
pub fn write_to(w: &mut dyn Write, format: Format, records: &[Record]) -> anyhow::Result<()> {
    match format {
        Format::Jsonl => {
            for r in records {
                serde_json::to_writer(&mut *w, r)?;
                w.write_all(b"\n")?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, records)?;
            w.write_all(b"\n")?;
        }
        Format::Csv => {
            let mut csv = CsvOut::new(&mut *w)?;
            csv.row(HEADERS)?;
            for row in table_rows(records) {
                csv.row(&row)?;
            }
            csv.finish()?;
        }
        Format::Markdown => write_markdown(w, records)?,
        Format::Xlsx => anyhow::bail!("XLSX needs an output file (-o FILE.xlsx)"),
    }
    w.flush()?;
    Ok(())
}

/// Text made safe for a Markdown table cell.
pub fn markdown_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

fn write_markdown(w: &mut dyn Write, records: &[Record]) -> std::io::Result<()> {
    let cell = markdown_cell;
    writeln!(w, "| {} |", HEADERS.join(" | "))?;
    writeln!(w, "|{}", "---|".repeat(HEADERS.len()))?;
    for row in table_rows(records) {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(w, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// A cell as spreadsheet programs must read it: text. A cell starting with
/// `=`, `+`, `-` or `@` (or tab or carriage return) is a formula to Excel,
/// WPS and LibreOffice (`=HYPERLINK(…)`, `@SUM(…)`), so it gets a leading
/// `'`, OWASP's rule for CSV injection; the program shows the text as
/// written. Every CSV fengong writes goes through this, by [`CsvOut`].
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A CSV writer as every CSV export uses it: a UTF-8 byte-order mark first
/// (so Excel and WPS read the Chinese), then rows whose cells pass
/// [`csv_cell`].
pub struct CsvOut<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> CsvOut<W> {
    pub fn new(mut w: W) -> std::io::Result<CsvOut<W>> {
        w.write_all("\u{feff}".as_bytes())?;
        Ok(CsvOut {
            csv: csv::Writer::from_writer(w),
        })
    }

    pub fn row<I>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.csv
            .write_record(cells.into_iter().map(|c| csv_cell(c.as_ref()).into_owned()))
    }

    /// Flushes, returning the writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Why a file name and a format do not go together; `Display` says what
/// to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// An extension that names no format fengong writes (`.xls`, `.doc`).
    UnknownExtension {
        path: PathBuf,
        ext: String,
        instead: PathBuf,
    },
    /// The name says one format, the request another (`--format csv -o x.xlsx`).
    Mismatch {
        path: PathBuf,
        named: Format,
        asked: Format,
        instead: PathBuf,
    },
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = |p: &Path| crate::sanitise::path(p);
        match self {
            FormatError::UnknownExtension { path, ext, instead } => write!(
                f,
                "{}: fengong does not write .{ext} files; type {} ({}), or another name ending in .csv, .xlsx, .json, .jsonl or .md",
                p(path),
                p(instead),
                Format::from_path(instead).map_or("", |f| f.label()),
            ),
            FormatError::Mismatch {
                path,
                named,
                asked,
                instead,
            } => write!(
                f,
                "{}: the name says {} but the format asked for is {}; type {} for {}, or leave the format out to write {}",
                p(path),
                named.label(),
                asked.label(),
                p(instead),
                asked.label(),
                named.label(),
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// The format to write `path` in. A known extension decides (`.csv`,
/// `.xlsx`, `.json`, `.jsonl`/`.ndjson`, `.md`/`.markdown`, any case), and
/// `asked` (a `--format`, the dialog's choice) must agree with it; any other
/// extension is refused, so a `.xls` never holds JSONL. A name without an
/// extension is written in `asked`, else JSONL. The explorer's dialog and
/// the CLI both decide here.
pub fn format_for_path(path: &Path, asked: Option<Format>) -> Result<Format, FormatError> {
    let Some(ext) = path.extension().map(|e| e.to_string_lossy().into_owned()) else {
        return Ok(asked.unwrap_or(Format::Jsonl));
    };
    let with = |f: Format| path.with_extension(f.extension());
    match (Format::parse(&ext), asked) {
        (Some(named), None) => Ok(named),
        (Some(named), Some(asked)) if named == asked => Ok(named),
        (Some(named), Some(asked)) => Err(FormatError::Mismatch {
            path: path.to_path_buf(),
            named,
            asked,
            instead: with(asked),
        }),
        (None, asked) => {
            // What the user most likely meant by the extension they typed.
            let meant = asked.unwrap_or(match ext.to_ascii_lowercase().as_str() {
                "xls" | "xlsm" | "xlsb" | "et" | "ods" | "numbers" => Format::Xlsx,
                "tsv" | "tab" => Format::Csv,
                "txt" | "doc" | "docx" | "wps" | "odt" | "rtf" | "html" | "htm" | "pdf" => {
                    Format::Markdown
                }
                _ => Format::Jsonl,
            });
            Err(FormatError::UnknownExtension {
                path: path.to_path_buf(),
                ext,
                instead: with(meant),
            })
        }
    }
}

/// Writes records to `path` atomically ([`write_atomic`]): never a
/// half-written file, never a replaced device. Refuses an existing file
/// unless `overwrite`. Returns the number of records written.
pub fn write_file(
    path: &Path,
    format: Format,
    records: &[Record],
    overwrite: bool,
) -> Result<usize, WriteError> {
    let caption = format!("{} 条 · 导出于 {}", records.len(), crate::deadline::today());
    write_file_titled(path, format, records, overwrite, &caption).map(|(n, _)| n)
}

/// [`write_file`], with the caption XLSX title rows show (what was
/// exported, from which data, as of when: [`ledger::caption`]), and what
/// the writer has to say (a hard link broken).
pub fn write_file_titled(
    path: &Path,
    format: Format,
    records: &[Record],
    overwrite: bool,
    caption: &str,
) -> Result<(usize, Written), WriteError> {
    let written = write_atomic(path, overwrite, |tmp| match format {
        // `tmp` is already the temporary file of `write_atomic`.
        Format::Xlsx => {
            let bytes = xlsx::tables_bytes(tmp, &ledger::tables(records, caption))?;
            std::fs::write(tmp, bytes)?;
            Ok(())
        }
        _ => {
            let file = std::fs::File::create(tmp)?;
            let mut w = std::io::BufWriter::new(file);
            write_to(&mut w, format, records)?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            Ok(())
        }
    })?;
    Ok((records.len(), written))
}

/// A file name built from the filters, e.g. `台山市发展和改革局-牵头.csv`;
/// `unit` is the resolved unit's canonical name when there is one.
pub fn suggest_file_name(filters: &Filters, unit: Option<&str>, format: Format) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(u) = unit.or(filters.unit.as_deref()) {
        parts.push(u.to_owned());
    }
    if let Some(r) = &filters.region {
        parts.push(r.clone());
    }
    if let Some(d) = &filters.doc {
        parts.push(d.clone());
    }
    if filters.role != Role::Any {
        parts.push(filters.role.zh().into());
    }
    if let Some(t) = &filters.text {
        parts.push(t.clone());
    }
    if parts.is_empty() {
        parts.push("分工-全部任务".into());
    }
    let stem: String = parts
        .join("-")
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    format!("{stem}.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskData;

    fn catalog() -> Catalog {
        Catalog::new(TaskData::from_json(include_str!("../../tests/fixtures/small.json")).unwrap())
    }

    #[test]
    fn records_carry_written_and_canonical_names() {
        let c = catalog();
        let v = c
            .apply(&Filters {
                unit: Some("台城街道".into()),
                ..Default::default()
            })
            .unwrap();
        let rs = records(&c, &v.hits);
        assert_eq!(rs.len(), 3);
        let r = &rs[0];
        assert_eq!(r.leads, ["产业转移工业园"]);
        assert_eq!(r.lead_units, ["台山市产业转移工业园"]);
        assert!(r.partners.contains(&"北部7镇".to_owned()));
        assert_eq!(r.role.as_deref(), Some("partner"));
        assert_eq!(r.via_group.as_deref(), Some("北部7镇"));
        assert_eq!(r.region, "北部产城融合中心");
        assert_eq!(r.source, "seeds/000_taishan.txt");
        assert_eq!(rs[2].deadline.as_deref(), Some("2025年底前"));
    }

    #[test]
    fn csv_has_bom_and_chinese_headers() {
        let c = catalog();
        let v = c.apply(&Filters::default()).unwrap();
        let mut out = Vec::new();
        write_to(&mut out, Format::Csv, &records(&c, &v.hits)).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("\u{feff}文档,文档标题,"));
        let mut rd = csv::Reader::from_reader(s.trim_start_matches('\u{feff}').as_bytes());
        assert_eq!(rd.records().count(), c.tasks().len());
    }

    #[test]
    fn markdown_escapes_pipes() {
        let c = catalog();
        let v = c.apply(&Filters::default()).unwrap();
        let mut rs = records(&c, &v.hits[..1]);
        rs[0].title = "a|b".into();
        let mut out = Vec::new();
        write_to(&mut out, Format::Markdown, &rs).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("a\\|b"));
        assert_eq!(s.lines().count(), 3);
    }

    #[test]
    fn file_names_come_from_filters() {
        let f = Filters {
            unit: Some("发改局".into()),
            role: Role::Lead,
            ..Default::default()
        };
        assert_eq!(
            suggest_file_name(&f, Some("台山市发展和改革局"), Format::Csv),
            "台山市发展和改革局-牵头.csv"
        );
        let f = Filters {
            region: Some("台山市/北部".into()),
            ..Default::default()
        };
        assert_eq!(
            suggest_file_name(&f, None, Format::Json),
            "台山市_北部.json"
        );
    }

    #[test]
    fn csv_cells_that_start_a_formula_are_quoted() {
        for f in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(f), format!("'{f}"));
        }
        assert!(matches!(csv_cell("市发改局 = 牵头"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_format_follows_the_file_name() {
        let p = Path::new;
        assert_eq!(format_for_path(p("a.CSV"), None), Ok(Format::Csv));
        assert_eq!(
            format_for_path(p("a.ndjson"), Some(Format::Jsonl)),
            Ok(Format::Jsonl)
        );
        assert_eq!(format_for_path(p("a"), Some(Format::Csv)), Ok(Format::Csv));
        assert_eq!(format_for_path(p("a"), None), Ok(Format::Jsonl));
        let e = format_for_path(p("发改局.xls"), None).unwrap_err();
        assert!(e.to_string().contains("type 发改局.xlsx"), "{e}");
        let e = format_for_path(p("x.xlsx"), Some(Format::Csv)).unwrap_err();
        assert!(matches!(
            e,
            FormatError::Mismatch {
                named: Format::Xlsx,
                asked: Format::Csv,
                ..
            }
        ));
        assert!(e.to_string().contains("type x.csv"), "{e}");
        let e = format_for_path(p("x.txt"), Some(Format::Xlsx)).unwrap_err();
        assert!(e.to_string().contains("type x.xlsx"), "{e}");
    }

    #[test]
    fn atomic_write_refuses_existing_and_missing_folder() {
        let dir = std::env::temp_dir().join(format!("fengong-export-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let c = catalog();
        let rs = records(&c, &c.apply(&Filters::default()).unwrap().hits);
        let p = dir.join("a.jsonl");
        let _ = std::fs::remove_file(&p);
        assert_eq!(write_file(&p, Format::Jsonl, &rs, false).unwrap(), rs.len());
        assert!(matches!(
            write_file(&p, Format::Jsonl, &rs, false),
            Err(WriteError::Exists(_))
        ));
        assert!(write_file(&p, Format::Jsonl, &rs, true).is_ok());
        let missing = dir.join("no/such/dir/a.csv");
        assert!(matches!(
            write_file(&missing, Format::Csv, &rs, false),
            Err(WriteError::Io(..))
        ));
        // Only the one file: no temporary files were left behind.
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(names.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
