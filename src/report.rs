//! The monthly report (月报) for the 通报: per unit, what was finished this
//! month, what is overdue and by how many days, what is in progress, what
//! falls due within 30 days, what has not started.
//!
//! A report is *as of* the end of its month, or of `today` when that comes
//! first: progress recorded for later days is left out, so the June report
//! reads the same in July as it did on 30 June.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::deadline::When;
use crate::export::markdown_cell;
use crate::export::xlsx::{Row, Table, XCell};
use crate::progress::{Event, Ledger, Note, Shown, Status};
use crate::query::{Catalog, Hit, Involvement, TaskPos};

/// Where tasks that name no lead unit are counted.
const UNLED: &str = "未明确牵头单位";

/// One task in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub task: TaskPos,
    /// How the task concerns the unit of the report.
    pub role: Option<Involvement>,
    pub status: Shown,
    /// The day the status was recorded (for 本月完成: when it was finished).
    pub status_date: Option<NaiveDate>,
    /// The day the task is (next) due.
    pub due: Option<NaiveDate>,
    pub days_late: Option<i64>,
    pub latest_note: Option<Note>,
}

/// A lead unit's counts, for a report over several units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSummary {
    pub unit: String,
    pub tasks: usize,
    /// Counts in [`Shown::ALL`] order.
    pub counts: [usize; 5],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The unit's canonical name, when the report is for one unit.
    pub unit: Option<String>,
    pub year: i32,
    pub month: u32,
    pub as_of: NaiveDate,
    /// What the report was made from, for its caption.
    pub source: String,
    pub tasks: usize,
    pub lead: usize,
    pub partner: usize,
    /// Counts in [`Shown::ALL`] order.
    pub counts: [usize; 5],
    pub done_this_month: Vec<ReportRow>,
    pub overdue: Vec<ReportRow>,
    pub in_progress: Vec<ReportRow>,
    pub due_soon: Vec<ReportRow>,
    pub not_started: Vec<ReportRow>,
    /// Without a unit: one line per lead unit.
    pub by_unit: Vec<UnitSummary>,
}

/// Builds the report of `hits` (the unit's duties, or every task) for the
/// month `year`-`month`, from the progress `events`.
#[allow(clippy::too_many_arguments)]
pub fn build(
    c: &Catalog,
    hits: &[Hit],
    events: &[Event],
    unit: Option<String>,
    year: i32,
    month: u32,
    today: NaiveDate,
    source: String,
) -> anyhow::Result<Report> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)
        .ok_or_else(|| anyhow::anyhow!("{year}-{month:02}: not a month"))?;
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| anyhow::anyhow!("{year}-{month:02}: not a month"))?;
    let as_of = today.min(last);
    let known: Vec<Event> = events
        .iter()
        .filter(|e| e.day() <= as_of)
        .cloned()
        .collect();
    let ledger = Ledger::build(c.data(), &known);
    let mut report = Report {
        unit,
        year,
        month,
        as_of,
        source,
        tasks: 0,
        lead: 0,
        partner: 0,
        counts: [0; 5],
        done_this_month: Vec::new(),
        overdue: Vec::new(),
        in_progress: Vec::new(),
        due_soon: Vec::new(),
        not_started: Vec::new(),
        by_unit: Vec::new(),
    };
    let mut by_unit: BTreeMap<String, UnitSummary> = BTreeMap::new();
    for h in hits {
        let task = c.task(h.task);
        let p = ledger.of(h.task.index());
        let recorded = p.status.map(|(s, _)| s);
        let status = Shown::of(recorded, task.due.as_ref(), as_of);
        let when = task.due.as_ref().map(When::of);
        let due = when.and_then(|w| w.next_end(as_of));
        let row = ReportRow {
            task: h.task,
            role: h.involvement,
            status,
            status_date: p.status.map(|(_, d)| d),
            due,
            days_late: when.and_then(|w| w.days_late(as_of)),
            latest_note: p.latest_note().cloned(),
        };
        report.tasks += 1;
        match h.involvement {
            Some(Involvement::Lead | Involvement::Responsible) => report.lead += 1,
            Some(Involvement::Partner) => report.partner += 1,
            _ => {}
        }
        let slot = Shown::ALL
            .iter()
            .position(|&s| s == status)
            .expect("every status");
        report.counts[slot] += 1;
        if report.unit.is_none() {
            let leads = if task.leads.is_empty() {
                vec![UNLED.to_owned()]
            } else {
                let mut names: Vec<String> = c
                    .leads(h.task)
                    .iter()
                    .map(|&u| c.unit(u).name.clone())
                    .collect();
                names.dedup();
                names
            };
            for name in leads {
                let s = by_unit.entry(name.clone()).or_insert(UnitSummary {
                    unit: name,
                    tasks: 0,
                    counts: [0; 5],
                });
                s.tasks += 1;
                s.counts[slot] += 1;
            }
        }
        let finished_this_month = matches!(recorded, Some(Status::Done | Status::Closed))
            && row.status_date.is_some_and(|d| d >= first && d <= as_of);
        match status {
            Shown::Done | Shown::Closed if finished_this_month => report.done_this_month.push(row),
            Shown::Done | Shown::Closed => {}
            Shown::Lagging => report.overdue.push(row),
            Shown::InProgress | Shown::NotStarted => {
                let soon = due.is_some_and(|d| (d - as_of).num_days() <= 30);
                if soon {
                    report.due_soon.push(row.clone());
                }
                if status == Shown::InProgress {
                    report.in_progress.push(row);
                } else {
                    report.not_started.push(row);
                }
            }
        }
    }
    // Most days late first; soonest due first.
    report
        .overdue
        .sort_by_key(|r| (std::cmp::Reverse(r.days_late), r.task));
    report.due_soon.sort_by_key(|r| (r.due, r.task));
    let mut units: Vec<UnitSummary> = by_unit.into_values().collect();
    units.sort_by(|a, b| {
        let late = |s: &UnitSummary| s.counts[2];
        let unled = |s: &UnitSummary| s.unit == UNLED;
        unled(a)
            .cmp(&unled(b))
            .then(late(b).cmp(&late(a)))
            .then(b.tasks.cmp(&a.tasks))
            .then(a.unit.cmp(&b.unit))
    });
    report.by_unit = units;
    Ok(report)
}

impl Report {
    /// `台山市发展和改革局 2022年6月工作进展月报`.
    pub fn title(&self) -> String {
        let who = self.unit.as_deref().unwrap_or("各单位");
        format!("{who} {}年{}月工作进展月报", self.year, self.month)
    }

    fn caption(&self) -> String {
        format!("截至 {} · {}", self.as_of, self.source)
    }

    fn summary(&self) -> String {
        let counts: Vec<String> = Shown::ALL
            .iter()
            .zip(self.counts)
            .map(|(s, n)| format!("{} {n}", s.label()))
            .collect();
        let roles = if self.unit.is_some() {
            format!("（牵头 {} · 配合 {}）", self.lead, self.partner)
        } else {
            String::new()
        };
        format!("共 {} 项{roles}：{}", self.tasks, counts.join(" · "))
    }
}

/// Sections in report order: heading and rows.
fn sections(r: &Report) -> [(&'static str, &[ReportRow]); 5] {
    [
        ("一、本月完成", &r.done_this_month),
        ("二、逾期未完成", &r.overdue),
        ("三、推进中", &r.in_progress),
        ("四、30天内到期", &r.due_soon),
        ("五、未启动", &r.not_started),
    ]
}

/// Short labels for the report's documents (`[000]`), with a legend.
fn doc_label(c: &Catalog, task: TaskPos) -> String {
    let id = c.task(task).doc.as_str();
    id.split('_').next().unwrap_or(id).to_owned()
}

fn role_label(role: Option<Involvement>) -> &'static str {
    role.map_or("", |r| crate::export::role_label(r.key()))
}

fn leads_of(c: &Catalog, task: TaskPos) -> String {
    let t = c.task(task);
    if t.leads.is_empty() {
        "未明确".to_owned()
    } else {
        t.leads
            .iter()
            .map(|u| u.written.as_str())
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// The report as Markdown.
pub fn markdown(c: &Catalog, r: &Report) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", r.title());
    let _ = writeln!(s, "{}\n", r.caption());
    let _ = writeln!(s, "{}\n", r.summary());
    let mut docs: Vec<usize> = sections(r)
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|x| c.task_doc(x.task).index()))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    if !docs.is_empty() {
        let _ = writeln!(s, "文档：");
        for d in docs {
            if let Some(doc) = c.documents().get(d) {
                let id = doc.id.as_str();
                let _ = writeln!(
                    s,
                    "- [{}] {}",
                    id.split('_').next().unwrap_or(id),
                    markdown_cell(&doc.title)
                );
            }
        }
        s.push('\n');
    }
    if !r.by_unit.is_empty() {
        let _ = writeln!(s, "## 各单位情况\n");
        let _ = writeln!(
            s,
            "| 牵头单位 | 任务 | {} |",
            Shown::ALL.map(|x| x.label()).join(" | ")
        );
        let _ = writeln!(s, "|---|---:|{}", "---:|".repeat(5));
        for u in &r.by_unit {
            let counts: Vec<String> = u.counts.iter().map(|n| n.to_string()).collect();
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                markdown_cell(&u.unit),
                u.tasks,
                counts.join(" | ")
            );
        }
        s.push('\n');
    }
    for (heading, rows) in sections(r) {
        let _ = writeln!(s, "## {heading}（{} 项）\n", rows.len());
        if rows.is_empty() {
            let _ = writeln!(s, "无。\n");
            continue;
        }
        if r.unit.is_none() && std::ptr::eq(rows, r.not_started.as_slice()) {
            let _ = writeln!(s, "按单位见上表。\n");
            continue;
        }
        let _ = writeln!(
            s,
            "| 文档 | 序号 | 任务 | 角色 | 牵头单位 | 时限 | 截止日期 | 逾期天数 | 状态 | 最新进展 | 进展日期 |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|---|---:|---|---|---|");
        for row in rows {
            let t = c.task(row.task);
            let cells = [
                format!("[{}]", doc_label(c, row.task)),
                t.number.clone().unwrap_or_default(),
                t.title.clone(),
                role_label(row.role).to_owned(),
                leads_of(c, row.task),
                t.deadline.clone().unwrap_or_default(),
                row.due.map(|d| d.to_string()).unwrap_or_default(),
                row.days_late.map(|d| d.to_string()).unwrap_or_default(),
                row.status.label().to_owned(),
                row.latest_note
                    .as_ref()
                    .map_or(String::new(), |n| n.text.clone()),
                row.latest_note
                    .as_ref()
                    .map_or(String::new(), |n| n.date.to_string()),
            ];
            let cells: Vec<String> = cells.iter().map(|x| markdown_cell(x)).collect();
            let _ = writeln!(s, "| {} |", cells.join(" | "));
        }
        s.push('\n');
    }
    s
}

/// The report as one XLSX sheet: a summary line, then each section.
pub fn tables(c: &Catalog, r: &Report) -> Vec<Table> {
    let headers = [
        "文档",
        "序号",
        "任务",
        "角色",
        "牵头单位",
        "时限",
        "截止日期",
        "逾期天数",
        "状态",
        "最新进展",
        "进展日期",
    ];
    let mut rows = vec![Row::Heading(r.summary())];
    if !r.by_unit.is_empty() {
        rows.push(Row::Heading("各单位情况".into()));
        for u in &r.by_unit {
            let mut cells = vec![XCell::Blank, XCell::Blank, XCell::text(&u.unit)];
            cells.push(XCell::Number(u.tasks as f64));
            cells.push(XCell::text(
                Shown::ALL
                    .iter()
                    .zip(u.counts)
                    .map(|(s, n)| format!("{} {n}", s.label()))
                    .collect::<Vec<_>>()
                    .join(" · "),
            ));
            rows.push(Row::Cells(cells));
        }
    }
    for (heading, list) in sections(r) {
        rows.push(Row::Heading(format!("{heading}（{} 项）", list.len())));
        if r.unit.is_none() && std::ptr::eq(list, r.not_started.as_slice()) {
            continue;
        }
        for row in list {
            let t = c.task(row.task);
            rows.push(Row::Cells(vec![
                XCell::text(
                    c.document(c.task_doc(row.task))
                        .map_or("", |d| d.title.as_str()),
                ),
                XCell::TaskNo(t.number.clone().unwrap_or_default()),
                XCell::text(&t.title),
                XCell::text(role_label(row.role)),
                XCell::text(leads_of(c, row.task)),
                XCell::text(t.deadline.clone().unwrap_or_default()),
                row.due.map_or(XCell::Blank, XCell::Date),
                row.days_late
                    .map_or(XCell::Blank, |d| XCell::Number(d as f64)),
                XCell::Status(row.status),
                XCell::text(
                    row.latest_note
                        .as_ref()
                        .map_or(String::new(), |n| n.text.clone()),
                ),
                row.latest_note
                    .as_ref()
                    .map_or(XCell::Blank, |n| XCell::Date(n.date)),
            ]));
        }
    }
    vec![Table {
        sheet: "月报".into(),
        title: format!("{} · {}", r.title(), r.caption()),
        headers: headers.map(String::from).to_vec(),
        rows,
        wrap: vec![0, 2, 4, 9],
        caps: vec![(0, 24), (4, 20)],
        ..Default::default()
    }]
}

/// `2022-06` or `2022年6月` as (year, month).
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let s = s.trim();
    let (y, m) = s
        .split_once('-')
        .or_else(|| s.strip_suffix('月').and_then(|x| x.split_once('年')))?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    ((1..=12).contains(&m) && (1900..=2200).contains(&y)).then_some((y, m))
}

/// The month of a day.
pub fn month_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse() {
        assert_eq!(parse_month("2022-06"), Some((2022, 6)));
        assert_eq!(parse_month("2022年6月"), Some((2022, 6)));
        assert_eq!(parse_month("2022-13"), None);
        assert_eq!(parse_month("June"), None);
    }
}
