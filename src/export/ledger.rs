//! The XLSX export as a 台账: what a 督查 office prints and sends to units.
//!
//! Three sheets, each with a title row saying what was exported:
//! - **台账**: one row per task, the columns a meeting needs (任务编号, 文档,
//!   目标, 序号, 任务, 牵头 and 配合 units, 时限 and its date, the status in
//!   colour, the latest note, its date and its unit). A unit fills in 状态
//!   and 最新进展 and sends it back: `fengong progress --import` reads it.
//! - **按牵头单位**: the same tasks grouped under each lead unit, with the
//!   unit's counts by status; tasks that name no lead come last.
//! - **全部字段**: every column of the CSV export, for other tools.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::xlsx::{Row, Table, XCell};
use super::{HEADERS, Record, WRAP_COLUMNS, table_rows};
use crate::deadline;
use crate::model::{Due, DueKind};
use crate::progress::Shown;
use crate::query::{Filters, Role};

/// The caption of an export: what it holds and from where, for title rows
/// (`单位：台山市发展和改革局 · 数据：data/tasks.json · 截至 2022-06-30`).
pub fn caption(
    filters: &Filters,
    unit: Option<&str>,
    data: &str,
    progress: Option<&Path>,
    today: NaiveDate,
) -> String {
    let mut parts = Vec::new();
    if let Some(u) = unit.or(filters.unit.as_deref()) {
        parts.push(format!("单位：{u}"));
    }
    if filters.role != Role::Any {
        parts.push(format!("角色：{}", filters.role.zh()));
    }
    if let Some(d) = &filters.doc {
        parts.push(format!("文档：{d}"));
    }
    if let Some(r) = &filters.region {
        parts.push(format!("区域：{r}"));
    }
    if let Some(t) = &filters.text {
        parts.push(format!("含“{t}”"));
    }
    if parts.is_empty() {
        parts.push("全部任务".into());
    }
    parts.push(format!("数据：{data}"));
    if let Some(p) = progress {
        parts.push(format!("进展：{}", p.display()));
    }
    parts.push(format!("截至 {today}"));
    parts.join(" · ")
}

/// The three sheets of a 台账 export of `records`.
pub fn tables(records: &[Record], caption: &str) -> Vec<Table> {
    vec![
        ledger_sheet(records, caption),
        by_lead_sheet(records, caption),
        all_fields_sheet(records, caption),
    ]
}

/// The 台账 sheet's columns.
pub const LEDGER_HEADERS: [&str; 14] = [
    "任务编号",
    "文档",
    "目标",
    "序号",
    "任务",
    "牵头单位",
    "配合单位",
    "角色",
    "时限",
    "截止日期",
    "状态",
    "最新进展",
    "进展日期",
    "填报单位",
];

fn ledger_sheet(records: &[Record], caption: &str) -> Table {
    let rows = records
        .iter()
        .map(|r| {
            Row::Cells(vec![
                XCell::text(&r.key),
                XCell::text(&r.doc_title),
                XCell::text(&r.goal),
                XCell::TaskNo(r.task_no.clone()),
                XCell::text(&r.title),
                XCell::text(r.leads.join("、")),
                XCell::text(r.partners.join("、")),
                XCell::text(r.role.as_deref().map(super::role_label).unwrap_or("")),
                XCell::text(r.deadline.clone().unwrap_or_default()),
                due_cell(r),
                status_cell(r),
                XCell::text(r.latest_note.clone().unwrap_or_default()),
                date_cell(r.latest_note_date.as_deref()),
                XCell::text(r.reported_by.clone().unwrap_or_default()),
            ])
        })
        .collect();
    Table {
        sheet: "台账".into(),
        title: format!("分工台账 · {caption}"),
        headers: LEDGER_HEADERS.map(String::from).to_vec(),
        rows,
        wrap: vec![1, 2, 4, 5, 6, 11],
        caps: vec![(1, 24), (2, 24), (5, 20), (6, 24)],
        ..Default::default()
    }
}

fn by_lead_sheet(records: &[Record], caption: &str) -> Table {
    const UNLED: &str = "未明确牵头单位";
    let mut groups: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for r in records {
        if r.lead_units.is_empty() {
            groups.entry(UNLED).or_default().push(r);
        }
        for (i, u) in r.lead_units.iter().enumerate() {
            // A note that names a unit twice lists the task once.
            if !r.lead_units[..i].contains(u) {
                groups.entry(u.as_str()).or_default().push(r);
            }
        }
    }
    let mut order: Vec<(&str, Vec<&Record>)> = groups.into_iter().collect();
    // Most tasks first; the unled ones last.
    order.sort_by(|a, b| {
        (a.0 == UNLED)
            .cmp(&(b.0 == UNLED))
            .then(b.1.len().cmp(&a.1.len()))
            .then(a.0.cmp(b.0))
    });
    let mut rows = Vec::new();
    for (unit, list) in order {
        let counts: Vec<String> = Shown::ALL
            .iter()
            .filter_map(|s| {
                let n = list.iter().filter(|r| shown(r) == Some(*s)).count();
                (n > 0).then(|| format!("{} {n}", s.label()))
            })
            .collect();
        let counts = if counts.is_empty() {
            String::new()
        } else {
            format!("：{}", counts.join(" · "))
        };
        rows.push(Row::Heading(format!("{unit}（{} 项{counts}）", list.len())));
        for r in list {
            rows.push(Row::Cells(vec![
                XCell::text(&r.key),
                XCell::text(&r.doc_title),
                XCell::TaskNo(r.task_no.clone()),
                XCell::text(&r.title),
                XCell::text(r.partners.join("、")),
                XCell::text(r.deadline.clone().unwrap_or_default()),
                due_cell(r),
                status_cell(r),
                XCell::text(r.latest_note.clone().unwrap_or_default()),
                date_cell(r.latest_note_date.as_deref()),
            ]));
        }
    }
    Table {
        sheet: "按牵头单位".into(),
        title: format!("分工台账（按牵头单位） · {caption}"),
        headers: [
            "任务编号",
            "文档",
            "序号",
            "任务",
            "配合单位",
            "时限",
            "截止日期",
            "状态",
            "最新进展",
            "进展日期",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        wrap: vec![1, 3, 4, 8],
        caps: vec![(1, 24), (4, 24)],
        ..Default::default()
    }
}

fn all_fields_sheet(records: &[Record], caption: &str) -> Table {
    let rows = table_rows(records)
        .into_iter()
        .map(|row| {
            Row::Cells(
                row.into_iter()
                    .enumerate()
                    .map(|(col, s)| match HEADERS[col] {
                        "行号" => s.parse().map_or_else(|_| XCell::text(&s), XCell::Number),
                        "序号" => XCell::TaskNo(s),
                        "开始日期" | "截止日期" | "进展日期" => date_cell(Some(&s)),
                        "状态" => Shown::parse_label(&s).map_or(XCell::text(&s), XCell::Status),
                        _ => XCell::text(s),
                    })
                    .collect(),
            )
        })
        .collect();
    Table {
        sheet: "全部字段".into(),
        title: format!("分工（全部字段） · {caption}"),
        headers: HEADERS.map(String::from).to_vec(),
        rows,
        wrap: WRAP_COLUMNS.to_vec(),
        ..Default::default()
    }
}

fn shown(r: &Record) -> Option<Shown> {
    let key = r.status.as_deref()?;
    Shown::ALL.into_iter().find(|s| s.key() == key)
}

fn status_cell(r: &Record) -> XCell {
    shown(r).map_or(XCell::Blank, XCell::Status)
}

/// A `YYYY-MM-DD` as a date cell; other text as text.
fn date_cell(s: Option<&str>) -> XCell {
    match s {
        None | Some("") => XCell::Blank,
        Some(s) => deadline::parse_iso(s).map_or_else(|| XCell::text(s), XCell::Date),
    }
}

/// The 截止日期 cell: the last day of a dated deadline, else its reading
/// (`每年12-31`, `持续`).
fn due_cell(r: &Record) -> XCell {
    let Some(kind) = r
        .due_kind
        .as_deref()
        .and_then(|k| serde_json::from_value::<DueKind>(serde_json::Value::String(k.into())).ok())
    else {
        return XCell::Blank;
    };
    let due = Due {
        kind,
        start: r.due_start.clone(),
        end: r.due_end.clone(),
    };
    match deadline::When::of(&due) {
        deadline::When::By(e) | deadline::When::Span(_, e) => XCell::Date(e),
        _ => XCell::text(deadline::describe(&due)),
    }
}
