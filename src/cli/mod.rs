//! Subcommands. Each lives in its own file with its arguments and `run`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use fengong::sanitise::Visible;

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
    // `fengong --today D report` means what `fengong report --today D` does:
    // a day written before the command is not silently dropped.
    let today = cli.browse.today;
    match cli.command {
        None => browse::run(data, progress, cli.browse),
        Some(Command::Extract(a)) => extract::run(a),
        Some(Command::Export(mut a)) => {
            a.today = a.today.or(today);
            export::run(data, progress, a)
        }
        Some(Command::Units(a)) => search::run_units(data, a),
        Some(Command::Search(a)) => search::run_search(data, a),
        Some(Command::Filter(a)) => search::run_filter(a),
        Some(Command::Overlaps(a)) => overlaps::run(data, a),
        Some(Command::Eval(a)) => eval::run(a),
        Some(Command::Due(mut a)) => {
            a.today = a.today.or(today);
            due::run(data, progress, a)
        }
        Some(Command::Matrix(a)) => matrix::run(data, a),
        Some(Command::Progress(mut a)) => {
            a.today = a.today.or(today);
            progress::run(data, progress, a)
        }
        Some(Command::Report(mut a)) => {
            a.today = a.today.or(today);
            report::run(data, progress, a)
        }
        Some(Command::Coverage(a)) => coverage::run(data, a),
    }
}

/// Loads the task data for a subcommand, with a message naming the file on
/// failure and a warning for each problem the check found.
pub fn load_data(data: Option<PathBuf>) -> anyhow::Result<fengong::model::TaskData> {
    load_data_from(data).map(|(d, _)| d)
}

/// [`load_data`], also saying where the data came from.
pub fn load_data_from(
    data: Option<PathBuf>,
) -> anyhow::Result<(fengong::model::TaskData, fengong::bundled::DataOrigin)> {
    load_checked_from(data).map(|(l, o)| (l.data, o))
}

/// [`load_data_from`], keeping what the check found (the explorer says it
/// in its status bar and shows unplaced tasks).
pub fn load_checked_from(
    data: Option<PathBuf>,
) -> anyhow::Result<(fengong::model::Loaded, fengong::bundled::DataOrigin)> {
    match fengong::bundled::load_checked(data.as_deref()) {
        Ok((loaded, origin)) => {
            const SHOWN: usize = 10;
            for p in loaded.problems.iter().take(SHOWN) {
                note(format_args!("fengong: {origin}: warning: {p}"));
            }
            if loaded.problems.len() > SHOWN {
                note(format_args!(
                    "fengong: {origin}: warning: … and {} more problems",
                    loaded.problems.len() - SHOWN
                ));
            }
            if !loaded.unplaced.is_empty() {
                note(format_args!(
                    "fengong: {origin}: warning: {} tasks have no place in the region/goal tree",
                    loaded.unplaced.len()
                ));
            }
            Ok((loaded, origin))
        }
        Err((origin, e)) => match plan_document_hint(&origin, &e) {
            Some(hint) => anyhow::bail!("{origin}: {hint}"),
            None => anyhow::bail!("{origin}: {e}"),
        },
    }
}

/// When `--data` names a plan document rather than task data (`plan.txt`,
/// `方案.docx`: a document ending, or text that is not JSON at all), what
/// to run instead; `None` for a damaged task-data file.
fn plan_document_hint(
    origin: &fengong::bundled::DataOrigin,
    e: &fengong::model::LoadError,
) -> Option<String> {
    use fengong::model::LoadError;
    let fengong::bundled::DataOrigin::File(path) = origin else {
        return None;
    };
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let document_ending = fengong::extract::read::DOCUMENT_EXTENSIONS.contains(&ext.as_str())
        || ["pdf", "doc", "wps", "odt", "rtf"].contains(&ext.as_str());
    let not_json = match e {
        LoadError::NotUtf8(_) => true,
        // Task data is a JSON object: text that does not open with `{` is
        // not a damaged task-data file. Only the first bytes are read.
        LoadError::Parse { .. } => {
            let mut head = [0u8; 64];
            let n = std::fs::File::open(path)
                .and_then(|mut f| io::Read::read(&mut f, &mut head))
                .unwrap_or(0);
            let text = String::from_utf8_lossy(&head[..n]);
            !text
                .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
                .starts_with('{')
        }
        LoadError::NotTaskData => false,
        _ => return None,
    };
    (document_ending || not_json).then(|| {
        let p = extract::shell_word(&fengong::sanitise::path(path));
        let out = extract::default_output();
        let open = if out == std::path::Path::new(fengong::bundled::DEFAULT_DATA_PATH) {
            "fengong".to_owned()
        } else {
            format!("fengong --data {}", fengong::sanitise::path(&out))
        };
        let what = if document_ending {
            "is a plan document, not task data; turn it into task data first:"
        } else {
            "is not task data (not JSON); if it is a plan document, turn it into task data first:"
        };
        format!("{what} fengong extract {p}   then explore it: {open}")
    })
}

/// Standard output as every command writes it: buffered, with any control
/// character shown as text ([`fengong::sanitise::Visible`]). Call `flush`
/// at the end: an error there (a full disk) is an error of the command.
pub fn stdout() -> Visible<BufWriter<NamedStdout>> {
    Visible::new(BufWriter::with_capacity(
        64 * 1024,
        NamedStdout(io::stdout().lock()),
    ))
}

/// Standard output whose errors say that they are its errors
/// (`standard output: No space left on device`), keeping their kind so a
/// closed pipe is still recognised.
pub struct NamedStdout(io::StdoutLock<'static>);

impl Write for NamedStdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(named)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(named)
    }
}

fn named(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("standard output: {e}"))
}

/// A line on standard error, controls shown visibly. A closed or full
/// standard error is ignored: there is nowhere left to say so.
pub fn note(msg: impl std::fmt::Display) {
    let text = msg.to_string();
    let mut err = io::stderr().lock();
    let _ = writeln!(
        err,
        "{}",
        fengong::sanitise::visible(text.trim_end_matches('\n'))
    );
}

/// The one rule for closed pipes (ripgrep's): when the reader of standard
/// output has gone (`| head`), the command stops quietly with success. The
/// writers wrap I/O errors in their own types, so look through each layer.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(cause_is_broken_pipe)
}

fn cause_is_broken_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    if let Some(io) = cause.downcast_ref::<io::Error>() {
        return io.kind() == BrokenPipe
            || io
                .get_ref()
                .is_some_and(|inner| cause_is_broken_pipe(inner));
    }
    if let Some(j) = cause.downcast_ref::<serde_json::Error>() {
        return j.io_error_kind() == Some(BrokenPipe);
    }
    if let Some(c) = cause.downcast_ref::<csv::Error>() {
        return matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe);
    }
    false
}
