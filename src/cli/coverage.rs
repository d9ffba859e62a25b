//! `fengong coverage`: a higher plan's tasks against the plans below it —
//! which the lower plans take up, partly take up, or leave out — as text,
//! JSON lines, CSV or XLSX, one record per higher task.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use fengong::model::{DocId, Index, SharedTerm, TaskData};
use fengong::overlap::coverage::{self, Coverage, CoverageItem, CoverageStatus};
use fengong::text::truncate_to_width;

use super::overlaps::{TaskRef, relation_name, resolve_doc, terms};

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The higher plan (document id or unique id prefix, e.g. 001).
    #[arg(long = "doc", value_name = "HIGHER")]
    pub higher: String,
    /// A lower plan to compare with (id or prefix); repeat for several.
    /// Default: every plan for a place within the higher plan's jurisdiction.
    #[arg(long = "by", value_name = "LOWER")]
    pub lower: Vec<String>,
    /// Only tasks with this status.
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write to FILE instead of standard output (needed for xlsx).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Jsonl,
    /// With a UTF-8 byte-order mark, so spreadsheet programs read the Chinese.
    Csv,
    /// A formatted sheet (needs -o FILE).
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    TakenUp,
    Partly,
    NotTakenUp,
}

impl StatusArg {
    fn status(self) -> CoverageStatus {
        match self {
            StatusArg::TakenUp => CoverageStatus::TakenUp,
            StatusArg::Partly => CoverageStatus::Partly,
            StatusArg::NotTakenUp => CoverageStatus::NotTakenUp,
        }
    }
}

pub fn run(data: Option<PathBuf>, args: CoverageArgs) -> anyhow::Result<ExitCode> {
    if args.format == Format::Xlsx && args.output.is_none() {
        anyhow::bail!("--format xlsx needs an output file (-o FILE.xlsx)");
    }
    if let Some(path) = &args.output
        && !args.force
        && path.exists()
    {
        anyhow::bail!("{}: file exists (use --force to overwrite)", path.display());
    }
    let data = super::load_data(data)?;
    let higher = resolve_doc(&data, &args.higher)?;
    let lower = args
        .lower
        .iter()
        .map(|d| resolve_doc(&data, d))
        .collect::<anyhow::Result<Vec<DocId>>>()?;
    let mut result = coverage::coverage(&data, &higher, &lower)?;
    let summary = Summary::of(&result);
    if let Some(s) = args.status {
        result.items.retain(|i| i.status == s.status());
    }
    let index = data.index();
    let records: Vec<Record> = result
        .items
        .iter()
        .map(|i| Record::new(&data, &index, i))
        .collect();
    match &args.output {
        Some(path) => {
            let written = fengong::atomic::write_atomic(path, args.force, |tmp| {
                match args.format {
                    Format::Xlsx => {
                        use fengong::export::xlsx::{Row, Table, XCell, tables_bytes};
                        let (headers, rows) = table(&records);
                        let title = data
                            .documents
                            .iter()
                            .find(|d| d.id == result.higher)
                            .map_or(result.higher.to_string(), |d| d.title.clone());
                        let sheet = Table {
                            sheet: "落实情况".to_owned(),
                            title: format!(
                                "{title} · 下级规划落实情况 · 截至 {}",
                                fengong::deadline::today()
                            ),
                            headers,
                            rows: rows
                                .into_iter()
                                .map(|r| Row::Cells(r.into_iter().map(XCell::text).collect()))
                                .collect(),
                            wrap: WRAP_COLUMNS.to_vec(),
                            ..Table::default()
                        };
                        std::fs::write(tmp, tables_bytes(path, &[sheet])?)?;
                    }
                    format => {
                        let mut w = io::BufWriter::new(std::fs::File::create(tmp)?);
                        write(&mut w, format, &data, &result, &summary, &records)?;
                        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                    }
                }
                Ok(())
            });
            let written = written.map_err(|e| anyhow::anyhow!("{e}"))?;
            for note in &written.notes {
                super::note(format_args!("fengong: {note}"));
            }
            super::note(format_args!(
                "wrote {} ({} tasks of {})",
                fengong::sanitise::path(path),
                records.len(),
                result.higher
            ));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let mut out = super::stdout();
            write(&mut out, args.format, &data, &result, &summary, &records)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The counts of the whole coverage, before `--status` keeps one kind.
struct Summary {
    concerned: usize,
    taken_up: usize,
    partly: usize,
    not_taken_up: usize,
    out_of_scope: usize,
}

impl Summary {
    fn of(c: &Coverage) -> Summary {
        let count = |s: CoverageStatus| c.items.iter().filter(|i| i.status == s).count();
        Summary {
            concerned: c.items.len(),
            taken_up: count(CoverageStatus::TakenUp),
            partly: count(CoverageStatus::Partly),
            not_taken_up: count(CoverageStatus::NotTakenUp),
            out_of_scope: c.out_of_scope.len(),
        }
    }
}

fn write(
    mut out: impl Write,
    format: Format,
    data: &TaskData,
    result: &Coverage,
    summary: &Summary,
    records: &[Record],
) -> io::Result<()> {
    match format {
        Format::Text => write_text(&mut out, data, result, summary, records)?,
        Format::Jsonl => {
            for r in records {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => {
            let (header, rows) = table(records);
            let mut w = fengong::export::CsvOut::new(&mut out)?;
            w.row(&header)?;
            for row in rows {
                w.row(&row)?;
            }
            w.finish()?;
        }
        Format::Xlsx => unreachable!("xlsx is written to a file"),
    }
    out.flush()
}

/// One higher task as JSONL writes it.
#[derive(Serialize)]
struct Record<'d> {
    task: TaskRef<'d>,
    /// The lower plans' jurisdictions it concerns.
    places: Vec<&'d str>,
    /// Why: `named`, `subregion` or `whole_area`.
    scope: &'static str,
    status: &'static str,
    /// The best taker's score (0 when none).
    best: f32,
    takers: Vec<Taker<'d>>,
}

#[derive(Serialize)]
struct Taker<'d> {
    #[serde(flatten)]
    task: TaskRef<'d>,
    score: f32,
    relation: &'static str,
    shared: &'d [SharedTerm],
}

impl<'d> Record<'d> {
    fn new(data: &'d TaskData, index: &Index, item: &'d CoverageItem) -> Record<'d> {
        Record {
            task: TaskRef::new(data, index, &item.task),
            places: item.places.iter().map(|p| p.as_str()).collect(),
            scope: item.scope.key(),
            status: item.status.key(),
            best: item.takers.first().map_or(0.0, |t| t.score),
            takers: item
                .takers
                .iter()
                .map(|t| Taker {
                    task: TaskRef::new(data, index, &t.task),
                    score: t.score,
                    relation: relation_name(t.relation),
                    shared: &t.shared,
                })
                .collect(),
        }
    }
}

/// Columns of CSV and XLSX that hold long text (承接任务), which XLSX wraps.
const WRAP_COLUMNS: [usize; 2] = [6, 11];

/// The records as a table: one row per higher task, its takers in one
/// cell, one line each (`000_…:t18 建设快速公路网 0.946 [广台高速、…]`).
fn table(records: &[Record]) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [
        "落实情况",
        "status",
        "任务",
        "文档",
        "来源",
        "行",
        "标题",
        "目标",
        "牵头单位",
        "涉及地区",
        "依据",
        "承接任务",
        "最高分",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = records
        .iter()
        .map(|r| {
            let takers: Vec<String> = r
                .takers
                .iter()
                .map(|t| {
                    format!(
                        "{} {} {:.3} [{}]",
                        t.task.task,
                        t.task.title,
                        t.score,
                        terms(t.shared)
                    )
                })
                .collect();
            vec![
                status_label(r.status).to_owned(),
                r.status.to_owned(),
                r.task.task.to_owned(),
                r.task.doc.to_owned(),
                r.task.source.to_owned(),
                r.task.line.to_string(),
                r.task.title.to_owned(),
                r.task.goal.to_owned(),
                r.task.leads.join("、"),
                r.places.join("、"),
                r.scope.to_owned(),
                takers.join("\n"),
                format!("{:.3}", r.best),
            ]
        })
        .collect();
    (header, rows)
}

fn status_label(key: &str) -> &'static str {
    [
        CoverageStatus::TakenUp,
        CoverageStatus::Partly,
        CoverageStatus::NotTakenUp,
    ]
    .into_iter()
    .find(|s| s.key() == key)
    .map_or("", CoverageStatus::label)
}

fn write_text(
    out: &mut impl Write,
    data: &TaskData,
    result: &Coverage,
    summary: &Summary,
    records: &[Record],
) -> io::Result<()> {
    let title = |id: &DocId| -> String {
        data.documents
            .iter()
            .find(|d| &d.id == id)
            .map_or_else(|| id.to_string(), |d| d.title.clone())
    };
    let lower: Vec<String> = result
        .lower
        .iter()
        .map(|d| format!("{} ({d})", truncate_to_width(&title(d), 40)))
        .collect();
    writeln!(
        out,
        "{} ({}) against {}",
        truncate_to_width(&title(&result.higher), 50),
        result.higher,
        lower.join(", ")
    )?;
    writeln!(
        out,
        "{} tasks concern the lower plans' places: {} taken up (已落实), {} partly (部分落实), {} not taken up (未落实); {} concern other places only.",
        summary.concerned,
        summary.taken_up,
        summary.partly,
        summary.not_taken_up,
        summary.out_of_scope
    )?;
    if records.len() < summary.concerned {
        writeln!(out, "Showing {} of them.", records.len())?;
    }
    let mut goal = "";
    for r in records {
        if r.task.goal != goal {
            goal = r.task.goal;
            writeln!(out, "\n== {goal}")?;
        }
        writeln!(
            out,
            "  [{}] {} {}:{}  {}  ({}; {})",
            status_label(r.status),
            r.task.task,
            r.task.source,
            r.task.line,
            truncate_to_width(r.task.title, 50),
            r.places.join("、"),
            r.scope.replace('_', " ")
        )?;
        for t in &r.takers {
            writeln!(
                out,
                "      {:.3} {:<10} {}  {}  {}",
                t.score,
                t.relation,
                t.task.task,
                truncate_to_width(t.task.title, 40),
                terms(t.shared)
            )?;
        }
    }
    Ok(())
}
