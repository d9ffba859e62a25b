//! Subcommands. Each lives in its own file with its arguments and `run`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod browse;
mod coverage;
mod due;
mod eval;
mod export;
mod extract;
mod matrix;
mod overlaps;
mod progress;
mod report;
mod search;
mod tracking;

#[derive(Debug, Parser)]
#[command(
    name = "fengong",
    version,
    about = "分工 — who is responsible for what in regional-development plans"
)]
pub struct Cli {
    /// Task-data file (default: data/tasks.json if present, else the bundled copy).
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,
    /// Progress file (default: beside the task data, e.g. data/tasks.progress.json).
    #[arg(long, global = true, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub browse: browse::BrowseArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn plan documents into a task-data file.
    Extract(extract::ExtractArgs),
    /// Write the filtered tasks as flat records (JSONL, JSON, CSV, Markdown, XLSX).
    Export(export::ExportArgs),
    /// Units ranked by a fuzzy query (Chinese, pinyin, initials, aliases).
    Units(search::UnitsArgs),
    /// Tasks ranked by a fuzzy query.
    Search(search::SearchArgs),
    /// Filter lines of standard input with the finder's engine, like `fzf --filter`.
    Filter(search::FilterArgs),
    /// Tasks in different plans that concern the same thing.
    Overlaps(overlaps::OverlapsArgs),
    /// Score the extractor on labelled plans (gold/*.gold files; see eval/README.md).
    Eval(eval::EvalArgs),
    /// Tasks by deadline: overdue, due within 30 or 90 days, later, ongoing, none.
    Due(due::DueArgs),
    /// Units × plans (or goals): how many tasks each unit leads and partners.
    Matrix(matrix::MatrixArgs),
    /// Record a task's status and notes, show its history, import a 台账 sheet.
    Progress(progress::ProgressArgs),
    /// The monthly report of a unit (or every unit) for the 通报.
    Report(report::ReportArgs),
    /// Which tasks of a higher plan the plans below it take up.
    Coverage(coverage::CoverageArgs),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let (data, progress) = (cli.data, cli.progress);
    match cli.command {
        None => browse::run(data, cli.browse),
        Some(Command::Extract(a)) => extract::run(a),
        Some(Command::Export(a)) => export::run(data, progress, a),
        Some(Command::Units(a)) => search::run_units(data, a),
        Some(Command::Search(a)) => search::run_search(data, a),
        Some(Command::Filter(a)) => search::run_filter(a),
        Some(Command::Overlaps(a)) => overlaps::run(data, a),
        Some(Command::Eval(a)) => eval::run(a),
        Some(Command::Due(a)) => due::run(data, progress, a),
        Some(Command::Matrix(a)) => matrix::run(data, a),
        Some(Command::Progress(a)) => progress::run(data, progress, a),
        Some(Command::Report(a)) => report::run(data, progress, a),
        Some(Command::Coverage(a)) => coverage::run(data, a),
    }
}

/// Loads the task data for a subcommand, with a message naming the file on failure.
pub fn load_data(data: Option<PathBuf>) -> anyhow::Result<fengong::model::TaskData> {
    match fengong::bundled::load(data.as_deref()) {
        Ok((d, _)) => Ok(d),
        Err((origin, e)) => anyhow::bail!("{origin}: {e}"),
    }
}
