//! `fengong overlaps`: tasks in different plans that concern the same work
//! (project and same-place overlaps), or with `--parallel` similar work in
//! places that do not contain each other; best first, as text, JSON lines
//! or CSV.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use fengong::model::{
    DocId, Index, Overlap, OverlapKind, OverlapRelation, PlaceRelation, SharedTerm, TaskData,
    TaskId,
};
use fengong::text::truncate_to_width;

#[derive(Debug, Args)]
pub struct OverlapsArgs {
    /// Only pairs with a task in this document (id or unique id prefix,
    /// e.g. 000); give it twice for the pairs between two documents.
    #[arg(long = "doc", value_name = "DOC")]
    pub docs: Vec<String>,
    /// Only pairs scoring at least S (0 to 1).
    #[arg(long, value_name = "S", default_value_t = 0.0)]
    pub min_score: f32,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Include pairs within one document (by default only pairs across documents).
    #[arg(long)]
    pub within: bool,
    /// List the parallel pairs (similar work in places that do not contain
    /// each other, such as sibling districts) instead of the overlaps.
    #[arg(long, conflicts_with = "all")]
    pub parallel: bool,
    /// List overlaps and parallel pairs, overlaps first.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Jsonl,
    /// With a UTF-8 byte-order mark, so spreadsheet programs read the Chinese.
    Csv,
}

pub fn run(data: Option<PathBuf>, args: OverlapsArgs) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.min_score) {
        anyhow::bail!("--min-score {}: must be between 0 and 1", args.min_score);
    }
    if args.docs.len() > 2 {
        anyhow::bail!("--doc: give at most two documents");
    }
    let mut data = super::load_data(data)?;
    let docs = args
        .docs
        .iter()
        .map(|d| resolve_doc(&data, d))
        .collect::<anyhow::Result<Vec<DocId>>>()?;
    if data.overlaps.is_empty() && !data.tasks.is_empty() {
        // Files written before the extractor stored overlaps still work.
        data.overlaps = fengong::overlap::compute(&data);
    }
    let index = data.index();
    let wanted = |r: OverlapRelation| {
        args.all
            || if args.parallel {
                !r.is_overlap()
            } else {
                r.is_overlap()
            }
    };
    let mut records: Vec<Record> = data
        .overlaps
        .iter()
        .filter(|o| o.score >= args.min_score && (args.within || o.cross_doc))
        .filter(|o| wanted(o.relation))
        .map(|o| Record::new(&data, &index, o))
        .filter(|r| in_docs(r, &docs))
        .collect();
    // The file lists pairs across documents before pairs within one; with
    // `--all` overlaps come before parallel pairs in each.
    records.sort_by_key(|r| (!r.cross_doc, !r.relation.is_overlap()));
    let mut out = super::stdout();
    match args.format {
        Format::Text => write_text(&mut out, &records)?,
        Format::Jsonl => write_jsonl(&mut out, &records)?,
        Format::Csv => write_csv(&mut out, &records)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A document by exact id or unique id prefix.
pub(super) fn resolve_doc(data: &TaskData, given: &str) -> anyhow::Result<DocId> {
    if let Some(d) = data.documents.iter().find(|d| d.id.as_str() == given) {
        return Ok(d.id.clone());
    }
    let matches: Vec<&DocId> = data
        .documents
        .iter()
        .map(|d| &d.id)
        .filter(|id| id.as_str().starts_with(given))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => {
            let known: Vec<&str> = data.documents.iter().map(|d| d.id.as_str()).collect();
            anyhow::bail!(
                "--doc {given}: no such document (known: {})",
                known.join(", ")
            )
        }
        _ => anyhow::bail!(
            "--doc {given}: ambiguous, matches {} documents",
            matches.len()
        ),
    }
}

fn in_docs(r: &Record, docs: &[DocId]) -> bool {
    let (a, b) = (r.a.doc, r.b.doc);
    match docs {
        [] => true,
        [d] => a == d.as_str() || b == d.as_str(),
        [d, e] => (a == d.as_str() && b == e.as_str()) || (a == e.as_str() && b == d.as_str()),
        _ => false,
    }
}

/// One overlap as the JSONL and CSV outputs write it.
#[derive(Serialize)]
struct Record<'d> {
    a: TaskRef<'d>,
    b: TaskRef<'d>,
    score: f32,
    relation: OverlapRelation,
    kind: OverlapKind,
    cross_doc: bool,
    nested_jurisdictions: bool,
    places: PlaceRelation,
    topic: f32,
    shared: &'d [SharedTerm],
}

/// A task as the JSONL and CSV outputs of `overlaps` and `coverage` name it.
#[derive(Serialize)]
pub(super) struct TaskRef<'d> {
    pub task: &'d str,
    pub doc: &'d str,
    pub source: &'d str,
    pub line: u32,
    /// The goal's title.
    pub goal: &'d str,
    pub title: &'d str,
    pub leads: Vec<&'d str>,
}

impl<'d> Record<'d> {
    fn new(data: &'d TaskData, index: &Index, o: &'d Overlap) -> Record<'d> {
        Record {
            a: TaskRef::new(data, index, &o.a),
            b: TaskRef::new(data, index, &o.b),
            score: o.score,
            relation: o.relation,
            kind: o.kind,
            cross_doc: o.cross_doc,
            nested_jurisdictions: o.nested_jurisdictions,
            places: o.places,
            topic: o.topic,
            shared: &o.shared,
        }
    }
}

impl<'d> TaskRef<'d> {
    pub(super) fn new(data: &'d TaskData, index: &Index, id: &'d TaskId) -> TaskRef<'d> {
        let task = index.tasks.get(id).map(|&t| &data.tasks[t]);
        let source = task
            .and_then(|t| index.documents.get(&t.doc))
            .map_or("", |&d| data.documents[d].source.as_str());
        let goal = task
            .and_then(|t| index.goals.get(&t.goal))
            .map_or("", |&g| data.goals[g].title.as_str());
        TaskRef {
            task: id.as_str(),
            doc: task.map_or("", |t| t.doc.as_str()),
            source,
            line: task.map_or(0, |t| t.source.line),
            goal,
            title: task.map_or("", |t| t.title.as_str()),
            leads: task.map_or_else(Vec::new, |t| {
                t.leads.iter().map(|u| u.unit.as_str()).collect()
            }),
        }
    }
}

fn kind_name(kind: OverlapKind) -> &'static str {
    match kind {
        OverlapKind::SameProject => "same_project",
        OverlapKind::SamePlace => "same_place",
        OverlapKind::SimilarWording => "similar_wording",
    }
}

pub(super) fn relation_name(r: OverlapRelation) -> &'static str {
    match r {
        OverlapRelation::Project => "project",
        OverlapRelation::SamePlace => "same_place",
        OverlapRelation::Parallel => "parallel",
    }
}

fn places_name(p: PlaceRelation) -> &'static str {
    match p {
        PlaceRelation::Same => "same",
        PlaceRelation::Nested => "nested",
        PlaceRelation::Apart => "apart",
    }
}

pub(super) fn terms(shared: &[SharedTerm]) -> String {
    let terms: Vec<&str> = shared.iter().map(|t| t.term.as_str()).collect();
    terms.join("、")
}

fn write_text(mut out: impl Write, records: &[Record]) -> io::Result<()> {
    for (n, r) in records.iter().enumerate() {
        let places = match r.places {
            PlaceRelation::Same => "same place",
            PlaceRelation::Nested => "nested places",
            PlaceRelation::Apart => "places apart",
        };
        writeln!(
            out,
            "{:>4}. {:.3} {} ({places}, best term: {})",
            n + 1,
            r.score,
            relation_name(r.relation),
            kind_name(r.kind),
        )?;
        for (label, side) in [("A", &r.a), ("B", &r.b)] {
            let leads = if side.leads.is_empty() {
                "未明确".to_owned()
            } else {
                side.leads.join("、")
            };
            writeln!(
                out,
                "      {label} {} {}:{}  [{}]  {}",
                side.task,
                side.source,
                side.line,
                leads,
                truncate_to_width(side.title, 60)
            )?;
        }
        writeln!(out, "      shared: {}", terms(r.shared))?;
    }
    if records.is_empty() {
        writeln!(out, "no pairs")?;
    }
    out.flush()
}

fn write_jsonl(mut out: impl Write, records: &[Record]) -> io::Result<()> {
    for r in records {
        serde_json::to_writer(&mut out, r)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn write_csv(out: impl Write, records: &[Record]) -> anyhow::Result<()> {
    let mut w = fengong::export::CsvOut::new(out)?;
    let side_columns = ["task", "doc", "source", "line", "title", "leads"];
    let mut header: Vec<String> = [
        "score",
        "relation",
        "kind",
        "cross_doc",
        "nested_jurisdictions",
        "places",
        "topic",
    ]
    .map(str::to_owned)
    .to_vec();
    for side in ["a", "b"] {
        header.extend(side_columns.iter().map(|c| format!("{side}_{c}")));
    }
    header.push("shared".to_owned());
    w.row(&header)?;
    for r in records {
        let mut row = vec![
            format!("{:.3}", r.score),
            relation_name(r.relation).to_owned(),
            kind_name(r.kind).to_owned(),
            r.cross_doc.to_string(),
            r.nested_jurisdictions.to_string(),
            places_name(r.places).to_owned(),
            format!("{:.3}", r.topic),
        ];
        for side in [&r.a, &r.b] {
            row.extend([
                side.task.to_owned(),
                side.doc.to_owned(),
                side.source.to_owned(),
                side.line.to_string(),
                side.title.to_owned(),
                side.leads.join("、"),
            ]);
        }
        row.push(terms(r.shared));
        w.row(&row)?;
    }
    w.finish()?;
    Ok(())
}
