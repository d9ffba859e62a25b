//! `fengong units`, `fengong search` and `fengong filter`: the finder's
//! engine on the command line.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use fengong::model::UnitRef;
use fengong::query::{Catalog, Filters, TaskPos, UnitPos};
use fengong::search::candidates::{task_candidates, unit_candidates};
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
    /// Fuzzy query over task titles (and runs in task texts). A unit's
    /// name, name as written or alias (发改局) also finds that unit's tasks,
    /// its groups' included, as `export --unit` does; they are listed first.
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
    /// Tasks of its duty list by role, as the explorer's finder and duty
    /// view count them (through groups, mentions).
    lead: u32,
    partner: u32,
    responsible: u32,
    mentioned: u32,
    score: u32,
}

pub fn run_units(data: Option<PathBuf>, args: UnitsArgs) -> anyhow::Result<ExitCode> {
    let cat = Catalog::new(super::load_data(data)?);
    let data = cat.data();
    let searcher = Searcher::new(unit_candidates(data, cat.index()));
    let limit = args.limit.unwrap_or(usize::MAX);
    let query = args.query.as_deref().unwrap_or("");
    let results = searcher.rank_top(query, limit);
    let rows: Vec<UnitRow> = results
        .hits
        .iter()
        .take(limit)
        .map(|hit| {
            let unit = &data.units[hit.index];
            let n = cat.duty_counts(UnitPos::new(hit.index));
            UnitRow {
                id: unit.id.as_str(),
                name: &unit.name,
                matched: matched_key(&searcher, hit),
                highlights: &hit.highlights,
                via: hit.via.map(|m| data.units[m].name.as_str()),
                lead: n.lead,
                partner: n.partner,
                responsible: n.responsible,
                mentioned: n.mentioned,
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
    if rows.is_empty() {
        nothing_found("unit", query);
    }
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
    /// "unit" (a task of the unit the query names), "title" or "text":
    /// why the task is listed.
    matched_in: &'static str,
    /// For "unit": the named unit's role (`lead`, `partner`, `responsible`,
    /// `mentioned`) and the group it came through.
    role: Option<&'static str>,
    via_group: Option<&'a str>,
    /// Char indices into `title` (or into the task text when matched there).
    highlights: &'a [usize],
    score: u32,
}

pub fn run_search(data: Option<PathBuf>, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let cat = Catalog::new(super::load_data(data)?);
    let query = args.query.trim();
    // A unit's name finds its duty list first, the way `export --unit` reads it.
    let by_unit = if cat.units_named(query).is_empty() {
        Vec::new()
    } else {
        let filters = Filters {
            unit: Some(query.to_owned()),
            ..Default::default()
        };
        cat.apply(&filters)?.hits
    };
    let searcher = Searcher::new(task_candidates(cat.data()));
    let results = searcher.rank_top(&args.query, args.limit);
    let listed: std::collections::HashSet<TaskPos> = by_unit.iter().map(|h| h.task).collect();
    let mut rows: Vec<TaskRow> = by_unit
        .iter()
        .map(|h| {
            let mut row = task_row(&cat, h.task.index(), None);
            row.role = h.involvement.map(|i| i.key());
            row.via_group = h
                .via_group
                .as_ref()
                .and_then(|g| cat.unit_pos(g))
                .map(|g| cat.unit(g).name.as_str());
            row
        })
        .collect();
    rows.extend(
        results
            .hits
            .iter()
            .filter(|hit| !listed.contains(&TaskPos::new(hit.index)))
            .map(|hit| task_row(&cat, hit.index, Some(hit))),
    );
    rows.truncate(args.limit);
    let mut out = super::stdout();
    if args.json {
        write_json(&mut out, &rows)?;
    } else {
        rows.iter().try_for_each(|r| {
            let role = match (r.role, r.via_group) {
                (Some(role), Some(g)) => format!("{}·经由{g}", fengong::export::role_label(role)),
                (Some(role), None) => fengong::export::role_label(role).to_owned(),
                (None, _) => "-".to_owned(),
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{role}",
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
    if rows.is_empty() {
        nothing_found("task", query);
    }
    Ok(matched(!rows.is_empty()))
}

/// A task's row; `hit` says where the query matched it (none: it is a
/// task of the unit the query names).
fn task_row<'a>(cat: &'a Catalog, index: usize, hit: Option<&'a Hit>) -> TaskRow<'a> {
    let t = TaskPos::new(index);
    let task = cat.task(t);
    let goal = cat.goal(cat.task_goal(t)).map_or("", |g| g.title.as_str());
    let in_title = hit.is_some_and(|h| h.key == 0);
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
        matched_in: match hit {
            None => "unit",
            Some(_) if in_title => "title",
            Some(_) => "text",
        },
        role: None,
        via_group: None,
        highlights: match hit {
            None => &[],
            Some(h) if in_title => &h.highlights,
            Some(h) => &h.key_highlights,
        },
        score: hit.map_or(0, |h| h.score),
    }
}

/// Says on standard error that the command ran and found nothing (the exit
/// status is 1, as grep's).
fn nothing_found(what: &str, query: &str) {
    super::note(format_args!("fengong: no {what} matches \"{query}\""));
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
    if stats.matched == 0 {
        nothing_found("line", &args.query);
    }
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
