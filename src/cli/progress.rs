//! `fengong progress`: record a task's status and notes, show its history,
//! take in a 台账 sheet a unit sent back, check for orphaned progress.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;
use fengong::progress::import::{self, ImportOptions};
use fengong::progress::{Change, Status, Tracker};
use fengong::query::{Catalog, TaskPos};

use super::tracking::{self, parse_date};

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// The task: its key (`000_f13ecef8831b900d#e90a80a1`), the key's hex
    /// part or a unique start of it (`e90a`), or its id (`…:t5`). Without
    /// --status or --note, shows the task's history.
    #[arg(required_unless_present_any = ["import", "check"])]
    pub task: Option<String>,
    /// 未启动, 推进中, 已完成 or 已销号 (滞后 follows from the deadline).
    #[arg(long, value_name = "S", value_parser = parse_status)]
    pub status: Option<Status>,
    /// A progress note.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The day the progress is about (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// The unit reporting it (a name, alias or abbreviation).
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Take in a 台账 sheet (XLSX, XLS, ODS or CSV): rows are matched to
    /// tasks by 任务编号, else by 序号 and 任务; changed statuses and notes
    /// are recorded, unmatched rows reported.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["task", "status", "note", "check"])]
    pub import: Option<PathBuf>,
    /// With --import: show what would change, record nothing.
    #[arg(long, requires = "import")]
    pub dry_run: bool,
    /// List progress whose task cannot be found, and progress re-attached
    /// to a task by its number and title.
    #[arg(long, conflicts_with_all = ["task", "status", "note"])]
    pub check: bool,
    /// The day statuses are judged on (滞后), default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
}

fn parse_status(s: &str) -> Result<Status, String> {
    if fengong::progress::Shown::parse_label(s) == Some(fengong::progress::Shown::Lagging) {
        return Err("滞后 is not recorded: it follows from the deadline".into());
    }
    Status::parse(s).ok_or_else(|| format!("\"{s}\": expected 未启动, 推进中, 已完成 or 已销号"))
}

pub fn run(
    data: Option<PathBuf>,
    progress: Option<PathBuf>,
    a: ProgressArgs,
) -> anyhow::Result<ExitCode> {
    let explicit = progress.is_some();
    let mut loaded = tracking::load(data, progress)?;
    let today = a.today.unwrap_or_else(fengong::deadline::today);
    let c = &loaded.catalog;
    let unit = a
        .unit
        .as_deref()
        .map(|u| reporting_unit(c, u))
        .transpose()?;
    let mut out = super::stdout();
    if a.check {
        check(&mut out, c, &loaded.tracker)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(path) = a.import {
        let sheets = import::read_sheets(&path)?;
        let file_name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let options = ImportOptions {
            today: a.date.unwrap_or(today),
            unit,
            file_name,
        };
        let plan = import::plan(&sheets, c.data(), &loaded.tracker, &options)?;
        let matched = plan.changes.len() + plan.unchanged;
        writeln!(
            out,
            "{} ({}): {matched} rows matched tasks, {} with changes, {} unchanged, {} unmatched",
            path.display(),
            plan.sheet,
            plan.changes.len(),
            plan.unchanged,
            plan.unmatched.len()
        )?;
        for ch in &plan.changes {
            writeln!(out, "  {}", describe_change(c, ch))?;
        }
        for s in &plan.skipped {
            writeln!(out, "  skipped {s}")?;
        }
        for u in &plan.unmatched {
            writeln!(
                out,
                "  unmatched {} 第{}行: {} ({})",
                u.sheet, u.row, u.text, u.why
            )?;
        }
        if a.dry_run {
            writeln!(out, "dry run: nothing recorded")?;
        } else if !plan.changes.is_empty() {
            tracking::prepare_to_save(&loaded.tracker, explicit)?;
            let n = plan.changes.len();
            loaded.tracker.record(loaded.catalog.data(), plan.changes)?;
            writeln!(
                out,
                "recorded {n} changes in {}",
                loaded.tracker.path().display()
            )?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let query = a.task.expect("clap requires a task here");
    let task = resolve_task(c, &loaded.tracker, &query)?;
    if a.status.is_some() || a.note.is_some() {
        tracking::prepare_to_save(&loaded.tracker, explicit)?;
        let change = Change {
            task,
            status: a.status,
            note: a.note,
            date: a.date.unwrap_or(today),
            unit,
            via: "cli".into(),
        };
        loaded.tracker.record(loaded.catalog.data(), vec![change])?;
    }
    history(&mut out, &loaded.catalog, &loaded.tracker, task, today)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A unit given with --unit, by its canonical name when it names one unit.
fn reporting_unit(c: &Catalog, u: &str) -> anyhow::Result<String> {
    let found = c.resolve_units(u);
    match found.as_slice() {
        [] => Ok(u.to_owned()),
        [one] => Ok(c.unit(*one).name.clone()),
        many => {
            let names: Vec<&str> = many.iter().map(|&i| c.unit(i).name.as_str()).collect();
            anyhow::bail!(
                "--unit {u}: names several units ({}); give the full name",
                names.join("、")
            )
        }
    }
}

/// Finds a task by key, key hex (or a unique start of it), or id.
pub fn resolve_task(c: &Catalog, tracker: &Tracker, q: &str) -> anyhow::Result<usize> {
    let tasks = &c.data().tasks;
    if let Some(t) = tracker
        .find_key(c.data(), q)
        .or_else(|| tasks.iter().position(|t| t.id.as_str() == q))
    {
        return Ok(t);
    }
    let (doc, hex) = match q.split_once('#') {
        Some((d, h)) => (d, h),
        None => ("", q),
    };
    let is_hex = hex.len() >= 4 && hex.chars().all(|ch| ch.is_ascii_hexdigit());
    let found: Vec<usize> = if is_hex {
        let hex = hex.to_ascii_lowercase();
        (0..tasks.len())
            .filter(|&t| {
                let (d, h) = tasks[t].key.as_str().split_once('#').unwrap_or(("", ""));
                d.starts_with(doc) && h.starts_with(&hex)
            })
            .collect()
    } else {
        Vec::new()
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => anyhow::bail!(
            "no task has the key or id \"{q}\" (keys look like {}; `fengong export --format csv` lists them)",
            tasks.first().map_or("DOC#1a2b3c4d", |t| t.key.as_str())
        ),
        many => {
            let keys: Vec<&str> = many
                .iter()
                .take(5)
                .map(|&t| tasks[t].key.as_str())
                .collect();
            anyhow::bail!(
                "\"{q}\" names {} tasks ({}…); give more of the key",
                many.len(),
                keys.join(", ")
            )
        }
    }
}

fn describe_change(c: &Catalog, ch: &Change) -> String {
    let t = c.task(TaskPos::new(ch.task));
    let mut what = Vec::new();
    if let Some(s) = ch.status {
        what.push(format!("状态 → {}", s.label()));
    }
    if let Some(n) = &ch.note {
        what.push(format!("进展 “{n}”"));
    }
    format!(
        "{} {}{} ({}): {}",
        t.key,
        t.number
            .as_deref()
            .map(|n| format!("{n} "))
            .unwrap_or_default(),
        fengong::text::truncate_to_width(&t.title, 40),
        ch.date,
        what.join(" · ")
    )
}

fn history(
    out: &mut dyn Write,
    c: &Catalog,
    tracker: &Tracker,
    task: usize,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let t = c.task(TaskPos::new(task));
    writeln!(
        out,
        "{}  {}{}",
        t.key,
        t.number
            .as_deref()
            .map(|n| format!("{n} "))
            .unwrap_or_default(),
        t.title
    )?;
    let leads: Vec<&str> = t.leads.iter().map(|u| u.written.as_str()).collect();
    let due = t
        .due
        .as_ref()
        .map(fengong::deadline::describe)
        .unwrap_or_default();
    writeln!(
        out,
        "  牵头 {} · 时限 {}{} · 状态 {}",
        if leads.is_empty() {
            "未明确".to_owned()
        } else {
            leads.join("、")
        },
        t.deadline.as_deref().unwrap_or("无"),
        if due.is_empty() {
            String::new()
        } else {
            format!("（{due}）")
        },
        tracker.shown(c.data(), task, today).label()
    )?;
    let events = tracker.history(task);
    if events.is_empty() {
        writeln!(out, "  (no progress recorded)")?;
    }
    for e in events {
        let mut parts = Vec::new();
        if let Some(s) = e.status {
            parts.push(s.label().to_owned());
        }
        if let Some(n) = &e.note {
            parts.push(n.clone());
        }
        let unit = e
            .unit
            .as_deref()
            .map(|u| format!("（{u}）"))
            .unwrap_or_default();
        writeln!(out, "  {}  {}{unit}", e.date, parts.join("  "))?;
    }
    Ok(())
}

fn check(out: &mut dyn Write, c: &Catalog, tracker: &Tracker) -> anyhow::Result<()> {
    let ledger = tracker.ledger();
    writeln!(
        out,
        "{}: {} entries; {} re-attached by number and title, {} orphaned",
        tracker.path().display(),
        tracker.events().len(),
        ledger.rematched.len(),
        ledger.orphans.len()
    )?;
    for r in &ledger.rematched {
        let t = c.task(TaskPos::new(r.to));
        writeln!(
            out,
            "  re-attached {} → {} {} (score {:.2})",
            r.from, t.key, t.title, r.score
        )?;
    }
    for o in &ledger.orphans {
        let guess = o.best_guess.map_or(String::new(), |(t, s)| {
            format!(
                "; closest: {} {} (score {s:.2})",
                c.task(TaskPos::new(t)).key,
                c.task(TaskPos::new(t)).title
            )
        });
        writeln!(
            out,
            "  orphaned {} ({} entries): {} {}{}{guess}",
            o.key,
            o.events,
            o.snapshot.doc,
            o.snapshot
                .number
                .as_deref()
                .map(|n| format!("{n} "))
                .unwrap_or_default(),
            o.snapshot.title
        )?;
    }
    Ok(())
}
