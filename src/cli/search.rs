//! `fengong units`, `fengong search` and `fengong filter`: the finder's
//! engine on the command line.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use fengong::model::{TaskData, UnitRef};
use fengong::search::candidates::{task_candidates, unit_candidates, unit_stats};
use fengong::search::{Hit, Searcher, filter};
use fengong::text;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct UnitsArgs {
    /// Fuzzy query: Chinese, pinyin, initials, fzf operators. Without one,
    /// all units by number of duties.
    pub query: Option<String>,
    /// Show at most N units.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Fuzzy query over task titles (and runs in task texts).
    pub query: String,
    /// Show at most N tasks.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Fuzzy query, as for `units`.
    pub query: String,
}

#[derive(Serialize)]
struct UnitRow<'a> {
    id: &'a str,
    name: &'a str,
    /// The text that matched (a name as written, an alias), if not `name`.
    matched: Option<&'a str>,
    /// Char indices into `name` to highlight.
    highlights: &'a [usize],
    /// Set when the unit is a group offered because this member matched.
    via: Option<&'a str>,
    lead: usize,
    partner: usize,
    responsible: usize,
    mentioned: usize,
    score: u32,
}

pub fn run_units(data: Option<PathBuf>, args: UnitsArgs) -> anyhow::Result<ExitCode> {
    let data = super::load_data(data)?;
    let index = data.index();
    let stats = unit_stats(&data, &index);
    let searcher = Searcher::new(unit_candidates(&data, &index));
    let limit = args.limit.unwrap_or(usize::MAX);
    let results = searcher.rank_top(args.query.as_deref().unwrap_or(""), limit);
    let rows: Vec<UnitRow> = results
        .hits
        .iter()
        .take(limit)
        .map(|hit| {
            let unit = &data.units[hit.index];
            let s = stats[hit.index];
            UnitRow {
                id: unit.id.as_str(),
                name: &unit.name,
                matched: matched_key(&searcher, hit),
                highlights: &hit.highlights,
                via: hit.via.map(|m| data.units[m].name.as_str()),
                lead: s.lead,
                partner: s.partner,
                responsible: s.responsible,
                mentioned: s.mentioned,
                score: hit.score,
            }
        })
        .collect();
    let mut out = super::stdout();
    if args.json {
        write_json(&mut out, &rows)?;
    } else {
        let name_width = rows.iter().map(|r| text::width(r.name)).max().unwrap_or(0);
        rows.iter().try_for_each(|r| {
            let pad = " ".repeat(name_width - text::width(r.name));
            write!(
                out,
                "{}{pad}  lead {:>3}  partner {:>3}  mentioned {:>3}",
                r.name, r.lead, r.partner, r.mentioned
            )?;
            if let Some(m) = r.matched {
                write!(out, "  [{m}]")?;
            }
            if let Some(v) = r.via {
                write!(out, "  (group of {v})")?;
            }
            writeln!(out)
        })?;
    }
    out.flush()?;
    Ok(matched(!rows.is_empty()))
}

/// The alias or written name that matched, when it is not the display name.
fn matched_key<'a>(searcher: &'a Searcher, hit: &Hit) -> Option<&'a str> {
    (hit.key != 0 && hit.via.is_none())
        .then(|| searcher.candidates()[hit.index].key(hit.key))
        .flatten()
}

#[derive(Serialize)]
struct TaskRow<'a> {
    id: &'a str,
    doc: &'a str,
    goal: &'a str,
    number: Option<&'a str>,
    title: &'a str,
    leads: Vec<&'a str>,
    /// "title" or "text": where the query matched.
    matched_in: &'static str,
    /// Char indices into `title` (or into the task text when matched there).
    highlights: &'a [usize],
    score: u32,
}

pub fn run_search(data: Option<PathBuf>, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let data = super::load_data(data)?;
    let searcher = Searcher::new(task_candidates(&data));
    let results = searcher.rank_top(&args.query, args.limit);
    let rows: Vec<TaskRow> = results
        .hits
        .iter()
        .map(|hit| task_row(&data, hit))
        .collect();
    let mut out = super::stdout();
    if args.json {
        write_json(&mut out, &rows)?;
    } else {
        rows.iter().try_for_each(|r| {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                r.doc,
                text::truncate_to_width(r.goal, 30),
                r.number.unwrap_or("-"),
                r.title,
                if r.leads.is_empty() {
                    "未明确".to_owned()
                } else {
                    r.leads.join("、")
                }
            )
        })?;
    }
    out.flush()?;
    Ok(matched(!rows.is_empty()))
}

fn task_row<'a>(data: &'a TaskData, hit: &'a Hit) -> TaskRow<'a> {
    let task = &data.tasks[hit.index];
    let goal = data
        .goals
        .iter()
        .find(|g| g.id == task.goal)
        .map_or("", |g| g.title.as_str());
    let in_title = hit.key == 0;
    TaskRow {
        id: task.id.as_str(),
        doc: task.doc.as_str(),
        goal,
        number: task.number.as_deref(),
        title: &task.title,
        leads: task
            .leads
            .iter()
            .map(|r: &UnitRef| r.written.as_str())
            .collect(),
        matched_in: if in_title { "title" } else { "text" },
        highlights: if in_title {
            &hit.highlights
        } else {
            &hit.key_highlights
        },
        score: hit.score,
    }
}

pub fn run_filter(args: FilterArgs) -> anyhow::Result<ExitCode> {
    let stdin = io::stdin().lock();
    let stdout = io::stdout().lock();
    // Lines are passed through as given, like grep: the input is the user's own.
    let stats = filter::filter(&args.query, stdin, stdout)
        .map_err(|e| anyhow::Error::new(e).context("filter"))?;
    if stats.invalid_utf8 > 0 {
        super::note(format_args!(
            "fengong filter: skipped {} of {} input lines that are not valid UTF-8",
            stats.invalid_utf8, stats.lines
        ));
    }
    // Like fzf --filter (and grep): 1 when nothing matched.
    Ok(if stats.matched > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_json(out: &mut impl Write, rows: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, rows)?;
    writeln!(out)
}

/// Exit status for `units`/`search`: 1 when nothing matched (as grep).
fn matched(any: bool) -> ExitCode {
    if any {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
