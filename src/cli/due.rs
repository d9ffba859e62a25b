//! `fengong due`: tasks by deadline — overdue, due within 30 days, within
//! 90 days, later, ongoing, none — relative to today or `--today`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use fengong::due::{self, DueRow};
use fengong::query::{Catalog, Filters, Role};
use fengong::text::{truncate_to_width, width};
use serde::Serialize;

use super::tracking::{self, parse_date};

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Unit: canonical name, name as written, or alias; groups containing it count too.
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Document: its id, id prefix (000) or part of its title.
    #[arg(long, value_name = "D")]
    pub doc: Option<String>,
    /// lead, partner or any.
    #[arg(long, value_name = "ROLE", value_parser = parse_role, default_value = "any")]
    pub role: Role,
    /// Only what is overdue or due within this long: 90d, 12w, 3m or days.
    #[arg(long, value_name = "N", value_parser = parse_within)]
    pub within: Option<i64>,
    /// The day to count from (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// List finished tasks (已完成, 已销号) too.
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    /// With a UTF-8 byte-order mark, so spreadsheet programs read the Chinese.
    Csv,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("unknown role \"{s}\" (lead, partner, any)"))
}

fn parse_within(s: &str) -> Result<i64, String> {
    due::parse_within(s).ok_or_else(|| format!("\"{s}\": expected a length like 30d, 12w or 3m"))
}

/// One row of the JSON and CSV output.
#[derive(Serialize)]
struct Line<'a> {
    key: &'a str,
    bucket: &'static str,
    due: Option<String>,
    /// Days from today: negative when overdue.
    days: Option<i64>,
    status: &'static str,
    deadline: Option<&'a str>,
    doc: &'a str,
    task_no: Option<&'a str>,
    title: &'a str,
    leads: Vec<&'a str>,
    role: Option<&'static str>,
}

pub fn run(
    data: Option<PathBuf>,
    progress: Option<PathBuf>,
    a: DueArgs,
) -> anyhow::Result<ExitCode> {
    let loaded = tracking::load(data, progress)?;
    let c = &loaded.catalog;
    let today = a.today.unwrap_or_else(fengong::deadline::today);
    let filters = Filters {
        doc: a.doc.clone(),
        unit: a.unit.clone(),
        role: a.role,
        ..Default::default()
    };
    let view = c.apply(&filters)?;
    // Deadlines are for the units that lead or partner, not those mentioned.
    let hits: Vec<_> = view
        .hits
        .iter()
        .filter(|h| h.involvement != Some(fengong::query::Involvement::Mentioned))
        .cloned()
        .collect();
    let mut dv = due::view(c, &hits, Some(&loaded.tracker), today);
    if let Some(days) = a.within {
        dv = dv.within(days);
    }
    let mut out = super::stdout();
    let finished_label = "已完成/已销号";
    let mut lines: Vec<(String, &DueRow)> = Vec::new();
    for g in &dv.groups {
        for r in &g.rows {
            lines.push((g.bucket.key().to_owned(), r));
        }
    }
    if a.all {
        for r in &dv.finished {
            lines.push(("finished".to_owned(), r));
        }
    }
    match a.format {
        Format::Text => {
            let unit = view
                .units
                .first()
                .map(|&u| format!(" · {}", c.unit(u).name))
                .unwrap_or_default();
            let counts: Vec<String> = dv
                .groups
                .iter()
                .map(|g| format!("{} {}", g.bucket.label(), g.rows.len()))
                .collect();
            writeln!(
                out,
                "截至 {today}{unit} · {} 项未完成：{}",
                dv.rows().count(),
                counts.join(" · ")
            )?;
            for g in &dv.groups {
                if g.rows.is_empty() {
                    continue;
                }
                writeln!(out, "\n{} ({})", g.bucket.label(), g.rows.len())?;
                for r in &g.rows {
                    writeln!(out, "  {}", text_line(c, r))?;
                }
            }
            if a.all {
                writeln!(out, "\n{finished_label} ({})", dv.finished.len())?;
                for r in &dv.finished {
                    writeln!(out, "  {}", text_line(c, r))?;
                }
            } else if !dv.finished.is_empty() {
                writeln!(
                    out,
                    "\n{finished_label} {} 项（--all 列出）",
                    dv.finished.len()
                )?;
            }
        }
        Format::Json | Format::Jsonl => {
            let rows: Vec<Line> = lines.iter().map(|(b, r)| line(c, b, r)).collect();
            if a.format == Format::Json {
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for r in rows {
                    serde_json::to_writer(&mut out, &r)?;
                    writeln!(out)?;
                }
            }
        }
        Format::Csv => {
            let mut w = fengong::export::CsvOut::new(&mut out)?;
            w.row([
                "任务编号",
                "分组",
                "截止日期",
                "剩余天数",
                "状态",
                "时限",
                "文档",
                "序号",
                "任务",
                "牵头单位",
                "角色",
            ])?;
            for (b, r) in &lines {
                let l = line(c, b, r);
                let bucket = fengong::deadline::Bucket::ALL
                    .iter()
                    .find(|x| x.key() == l.bucket)
                    .map_or(finished_label, |x| x.label());
                w.row([
                    l.key,
                    bucket,
                    &l.due.clone().unwrap_or_default(),
                    &l.days.map(|d| d.to_string()).unwrap_or_default(),
                    fengong::export::status_label(l.status),
                    l.deadline.unwrap_or(""),
                    l.doc,
                    l.task_no.unwrap_or(""),
                    l.title,
                    &l.leads.join("、"),
                    l.role.map(fengong::export::role_label).unwrap_or(""),
                ])?;
            }
            w.finish()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn line<'a>(c: &'a Catalog, bucket: &str, r: &DueRow) -> Line<'a> {
    let t = c.task(r.hit.task);
    Line {
        key: t.key.as_str(),
        bucket: fengong::deadline::Bucket::ALL
            .iter()
            .find(|b| b.key() == bucket)
            .map_or("finished", |b| b.key()),
        due: r.due.map(|d| d.to_string()),
        days: r.days,
        status: r.status.key(),
        deadline: t.deadline.as_deref(),
        doc: t.doc.as_str(),
        task_no: t.number.as_deref(),
        title: &t.title,
        leads: t.leads.iter().map(|u| u.written.as_str()).collect(),
        role: r.hit.involvement.map(|i| i.key()),
    }
}

/// `2022-03-31  逾期 91 天  滞后    000…#e90a80a1  1. 以新型城镇…  牵头 产业转移工业园`.
fn text_line(c: &Catalog, r: &DueRow) -> String {
    let t = c.task(r.hit.task);
    let date = r.due.map_or_else(|| " ".repeat(10), |d| d.to_string());
    let days = match r.days {
        Some(d) if d < 0 => format!("逾期 {} 天", -d),
        Some(0) => "今天到期".to_owned(),
        Some(d) => format!("还有 {d} 天"),
        None => t.deadline.clone().unwrap_or_else(|| "无时限".into()),
    };
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(width(s))));
    let title = format!(
        "{}{}",
        t.number
            .as_deref()
            .map(|n| format!("{n} "))
            .unwrap_or_default(),
        t.title
    );
    let leads: Vec<&str> = t.leads.iter().map(|u| u.written.as_str()).collect();
    let leads = if leads.is_empty() {
        "未明确".to_owned()
    } else {
        leads.join("、")
    };
    format!(
        "{date}  {}  {}  {}  {}  牵头 {}",
        pad(truncate_to_width(&days, 14), 14),
        pad(r.status.label(), 6),
        t.key,
        pad(&ellipsis(&title, 44), 44),
        ellipsis(&leads, 30)
    )
}

fn ellipsis(s: &str, max: usize) -> String {
    if width(s) <= max {
        s.to_owned()
    } else {
        format!("{}…", truncate_to_width(s, max.saturating_sub(1)))
    }
}
