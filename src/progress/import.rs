//! Taking in a 台账 a unit sent back: an XLSX (or XLS, ODS, CSV) sheet
//! whose rows are tasks, with a status and the latest progress.
//!
//! The sheet need not be one fengong wrote: the header row is found among
//! the first rows by its names (任务 and 状态 or 进展, with synonyms), in
//! any column order, under any title rows. A row is matched to a task by its
//! stable key (任务编号) when it has one, else by its number (序号) and title
//! (任务), within its document (文档) when the sheet says. Only what differs
//! from the progress already recorded becomes a change, so importing a sheet
//! twice, or a sheet fengong exported, adds nothing.

use std::path::Path;

use chrono::NaiveDate;

use super::ledger::similarity;
use super::{Change, Shown, Status, Tracker};
use crate::model::TaskData;
use crate::task_key::{normalise, normalise_number};

/// How close a title must be when the number also matches.
const TITLE_WITH_NUMBER: f32 = 0.6;
/// How close a title must be alone.
const TITLE_ALONE: f32 = 0.9;

/// One cell as read.
pub type Cell = String;

/// A sheet's rows, each with its row number (in a workbook's first sheet,
/// the spreadsheet's row; in a CSV file, its line).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<Cell>)>,
}

/// Reads every sheet of a workbook (`.xlsx`, `.ods`, …) or a CSV file with
/// the extractor's readers, so a sheet sent back is read as safely, and in
/// as many encodings, as a plan.
pub fn read_sheets(path: &Path) -> anyhow::Result<Vec<Sheet>> {
    let source = crate::extract::read::read_document(path).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(source
        .tables
        .into_iter()
        .enumerate()
        .map(|(n, t)| Sheet {
            name: format!("表{}", n + 1),
            rows: t.rows.into_iter().map(|r| (r.line, r.cells)).collect(),
        })
        .collect())
}

/// A progress date as a cell holds it: `2022-06-25`, `2022年6月25日`,
/// `2022/6/25`, or the day number a spreadsheet stores a date as (`44737`).
fn cell_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(d) = crate::deadline::parse_iso(text.get(..10).unwrap_or(text)) {
        return Some(d);
    }
    if let Ok(serial) = text.parse::<f64>() {
        // Days since 1899-12-30 (Excel's 1900 system), 1950–2150.
        return (18_264.0..91_311.0)
            .contains(&serial)
            .then(|| {
                NaiveDate::from_ymd_opt(1899, 12, 30)?
                    .checked_add_days(chrono::Days::new(serial.floor() as u64))
            })
            .flatten();
    }
    match crate::deadline::When::of(&crate::deadline::read(text, None)) {
        crate::deadline::When::By(day) => Some(day),
        _ => None,
    }
}

/// Which column holds what.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Columns {
    key: Option<usize>,
    doc: Option<usize>,
    number: Option<usize>,
    title: Option<usize>,
    status: Option<usize>,
    note: Option<usize>,
    date: Option<usize>,
    unit: Option<usize>,
}

/// Header names by column meaning, compared after normalisation.
const KEY_NAMES: &[&str] = &["任务编号", "任务id", "编号", "key"];
const DOC_NAMES: &[&str] = &["文档标题", "文档", "规划", "文件", "方案"];
const NUMBER_NAMES: &[&str] = &["序号", "任务序号", "编号序号"];
const TITLE_NAMES: &[&str] = &[
    "任务",
    "工作任务",
    "任务内容",
    "重点任务",
    "主要任务",
    "任务名称",
    "title",
];
const STATUS_NAMES: &[&str] = &[
    "状态",
    "进展状态",
    "完成状态",
    "推进状态",
    "任务状态",
    "status",
];
const NOTE_NAMES: &[&str] = &[
    "最新进展",
    "进展情况",
    "工作进展",
    "推进情况",
    "进展",
    "完成情况",
    "note",
];
const DATE_NAMES: &[&str] = &["进展日期", "填报日期", "更新日期", "报送日期", "日期"];
const UNIT_NAMES: &[&str] = &["填报单位", "报送单位", "汇报单位"];

fn find_header(sheet: &Sheet) -> Option<(usize, Columns)> {
    for (pos, (_, cells)) in sheet.rows.iter().enumerate().take(10) {
        let mut cols = Columns::default();
        for (i, c) in cells.iter().enumerate() {
            let name = normalise(c);
            let is = |names: &[&str]| names.iter().any(|n| normalise(n) == name);
            let slot = if is(KEY_NAMES) {
                &mut cols.key
            } else if is(NUMBER_NAMES) {
                &mut cols.number
            } else if is(TITLE_NAMES) {
                &mut cols.title
            } else if is(DOC_NAMES) {
                &mut cols.doc
            } else if is(STATUS_NAMES) {
                &mut cols.status
            } else if is(NOTE_NAMES) {
                &mut cols.note
            } else if is(DATE_NAMES) {
                &mut cols.date
            } else if is(UNIT_NAMES) {
                &mut cols.unit
            } else {
                continue;
            };
            // The first column of a name wins (`文档` before `文档标题`
            // would both be the document).
            slot.get_or_insert(i);
        }
        let identifies = cols.key.is_some() || cols.title.is_some();
        let reports = cols.status.is_some() || cols.note.is_some();
        if identifies && reports {
            return Some((pos, cols));
        }
    }
    None
}

/// A row that matched no task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub sheet: String,
    pub row: u32,
    /// What identified it: its key, number and title as written.
    pub text: String,
    pub why: String,
}

/// What a sheet would change.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    pub sheet: String,
    pub changes: Vec<Change>,
    /// Rows that matched a task and say what is already recorded.
    pub unchanged: usize,
    pub unmatched: Vec<Unmatched>,
    /// Cells that were read but not taken, with why (an unknown status).
    pub skipped: Vec<String>,
}

/// Options of an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The day for rows without a date of their own.
    pub today: NaiveDate,
    /// The reporting unit for rows that do not name one.
    pub unit: Option<String>,
    /// The file's name, for the events' `via`.
    pub file_name: String,
}

/// Compares the sheets of a workbook with the recorded progress. The first
/// sheet with a recognisable header is used.
pub fn plan(
    sheets: &[Sheet],
    data: &TaskData,
    tracker: &Tracker,
    options: &ImportOptions,
) -> anyhow::Result<ImportPlan> {
    let Some((sheet, (header_at, cols))) =
        sheets.iter().find_map(|s| find_header(s).map(|h| (s, h)))
    else {
        anyhow::bail!(
            "{}: no sheet has a header row with 任务 (or 任务编号) and 状态 or 最新进展",
            options.file_name
        );
    };
    let mut out = ImportPlan {
        sheet: sheet.name.clone(),
        ..Default::default()
    };
    let get = |cells: &[Cell], col: Option<usize>| -> String {
        col.and_then(|c| cells.get(c))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    };
    for (row, cells) in &sheet.rows[header_at + 1..] {
        let key = get(cells, cols.key);
        let number = get(cells, cols.number);
        let title = get(cells, cols.title);
        if key.is_empty() && title.is_empty() {
            continue; // an empty row, or a unit's heading row
        }
        let doc = get(cells, cols.doc);
        let task = match match_row(data, tracker, &key, &doc, &number, &title) {
            Ok(t) => t,
            Err(why) => {
                out.unmatched.push(Unmatched {
                    sheet: sheet.name.clone(),
                    row: *row,
                    text: [key.as_str(), number.as_str(), title.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" "),
                    why,
                });
                continue;
            }
        };
        let progress = tracker.ledger().of(task);
        let status_text = get(cells, cols.status);
        let status = if status_text.is_empty() {
            None
        } else if let Some(s) = Status::parse(&status_text) {
            let current = progress.status.map_or(Status::NotStarted, |(s, _)| s);
            (s != current).then_some(s)
        } else if Shown::parse_label(&status_text) == Some(Shown::Lagging) {
            // 滞后 is derived from the deadline, not recorded.
            None
        } else {
            out.skipped.push(format!(
                "{} 第{row}行: status “{status_text}” is not one of 未启动, 推进中, 已完成, 已销号",
                sheet.name
            ));
            None
        };
        let note = get(cells, cols.note);
        let note = (!note.is_empty()
            && progress.latest_note().map(|n| n.text.as_str()) != Some(note.as_str()))
        .then_some(note);
        if status.is_none() && note.is_none() {
            out.unchanged += 1;
            continue;
        }
        let date = cell_date(&get(cells, cols.date)).unwrap_or(options.today);
        let unit = Some(get(cells, cols.unit))
            .filter(|u| !u.is_empty())
            .or_else(|| options.unit.clone());
        out.changes.push(Change {
            task,
            status,
            note,
            date,
            unit,
            via: format!("import {} {} 第{row}行", options.file_name, sheet.name),
        });
    }
    Ok(out)
}

/// The task a row names, or why none.
fn match_row(
    data: &TaskData,
    tracker: &Tracker,
    key: &str,
    doc: &str,
    number: &str,
    title: &str,
) -> Result<usize, String> {
    if !key.is_empty()
        && let Some(t) = tracker.find_key(data, key)
    {
        return Ok(t);
    }
    if title.is_empty() {
        return Err(format!("no task has the key {key}"));
    }
    let docs: Vec<&crate::model::DocId> = data
        .documents
        .iter()
        .filter(|d| {
            doc.is_empty()
                || d.id.as_str() == doc
                || d.title == doc
                || (doc.chars().count() >= 4 && d.title.contains(doc))
        })
        .map(|d| &d.id)
        .collect();
    let title_n = normalise(title);
    let number_n = (!number.is_empty()).then(|| normalise_number(number));
    let mut scored: Vec<(usize, f32)> = data
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| docs.contains(&&t.doc))
        .filter_map(|(i, t)| {
            let sim = similarity(&title_n, &normalise(&t.title));
            let same_number =
                number_n.is_some() && t.number.as_deref().map(normalise_number) == number_n;
            let ok = sim >= TITLE_ALONE || (same_number && sim >= TITLE_WITH_NUMBER);
            ok.then_some((i, sim + if same_number { 0.25 } else { 0.0 }))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    match scored.as_slice() {
        [] => Err(if key.is_empty() {
            "no task has this number and title".to_owned()
        } else {
            format!("no task has the key {key}, nor this number and title")
        }),
        [(t, _)] => Ok(*t),
        [(t, a), (_, b), ..] if a - b >= 0.1 => Ok(*t),
        _ => Err("several tasks have this number and title; add 任务编号 or 文档".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_cells_hold_them() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(cell_date("2022-06-25"), d("2022-06-25"));
        assert_eq!(cell_date("2022-06-25 00:00:00"), d("2022-06-25"));
        assert_eq!(
            cell_date("44737"),
            d("2022-06-25"),
            "a spreadsheet's day number"
        );
        assert_eq!(cell_date("2022年6月25日"), d("2022-06-25"));
        assert_eq!(cell_date("2022/6/25"), d("2022-06-25"));
        assert_eq!(cell_date("3"), None, "a small number is not a date");
        assert_eq!(cell_date("下周"), None);
    }
}
