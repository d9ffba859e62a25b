//! Subcommands. Each lives in its own file with its arguments and `run`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod browse;
mod coverage;
mod export;
mod extract;
mod overlaps;
mod search;

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
    /// Which tasks of a higher plan the plans below it take up.
    Coverage(coverage::CoverageArgs),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data = cli.data;
    match cli.command {
        None => browse::run(data, cli.browse),
        Some(Command::Extract(a)) => extract::run(a),
        Some(Command::Export(a)) => export::run(data, a),
        Some(Command::Units(a)) => search::run_units(data, a),
        Some(Command::Search(a)) => search::run_search(data, a),
        Some(Command::Filter(a)) => search::run_filter(a),
        Some(Command::Overlaps(a)) => overlaps::run(data, a),
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
