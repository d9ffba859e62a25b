//! Task tables: a 重点任务分工表 (序号 / 重点任务 / 牵头单位 / 配合单位 /
//! 完成时限) → sections of tasks with their notes.
//!
//! The header row is found by its labels, not assumed to be row 0 (tables
//! often start with a title row). A header may span two or three rows: a
//! parent label merged over sub-labels (`责任单位` over `牵头单位 | 配合单位`,
//! `责任分工` over the same); each column takes the most specific label in
//! it, the one of the lowest header row. Rows after it are tasks, except
//! section rows (`一、产业发展` alone or merged across the row), repeated
//! header rows (a table continued on the next page), note rows (`注：…`
//! merged across, a legend for the table) and empty rows. A table without a
//! task column and a lead or responsible column (a table of contents, a
//! figures table) is not a task table.
//!
//! A task cell listing marked items one a line (`△…`, `●…`) holds one task
//! each, sharing the row's other cells; the unmarked row above them with the
//! same unit and time cells (merged over both) is their group: a section.
//!
//! A line break inside a unit cell separates units (`区教育局` / `区住建局`,
//! one a line); inside a task cell it is left as the reader wrote it.

use super::notes::{
    Ditto, DittoField, ParsedNote, UnitColumn, ditto_cell, find_note, parse_deadline,
    parse_remark_cell, parse_unit_cell,
};
use super::outline::{Clause, Item, ItemSource, Span};
use super::phrases::{ITEM_MARKS, MERGED_CELLS};
use super::{Table, TableRow};

/// A run of tasks under one section row (or before any: empty title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSection {
    /// The section as written (`一、产业发展`), empty for tasks before any section row.
    pub title: String,
    pub line: u32,
    pub tasks: Vec<TableTask>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableTask {
    /// The 序号 cell, if any (`1`, `（一）`).
    pub number: Option<String>,
    /// The task cell (with the 具体措施 cell after it when the table has both).
    pub text: String,
    pub line: u32,
    /// Who does it, from the unit, leader and deadline cells.
    pub note: ParsedNote,
    /// Those cells as one labelled clause (`牵头单位：A；配合单位：B`), the
    /// text `note`'s spans point into; None when the unit cells are empty
    /// and the note was read from the task text (spans then point there).
    pub cells_clause: Option<String>,
}

/// What a header cell says its column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Category,
    Task,
    Detail,
    Lead,
    Partner,
    /// 责任社区, 责任村（社区）: the places that carry the work out locally,
    /// beside the units: partners.
    Local,
    Responsible,
    Leader,
    Deadline,
    /// 备注: read only for the units it names by a role word of its own.
    Remark,
    /// Figures about the task (总投资, 基期值, 目标值, 指标属性, a unit of
    /// measure): a header's label, no part of the task.
    Data,
}

/// Words of the headers of figures a 项目 or 指标 table gives
/// ([`Column::Data`]).
const DATA_LABELS: [&str; 12] = [
    // Where a task came from and how it stands (`任务来源`, `办理状态`,
    // `政策依据`): about the task, no part of it.
    "来源",
    "状态",
    "依据",
    "投资",
    "金额",
    "资金",
    "基期",
    "目标值",
    "预期值",
    "现状值",
    "属性",
    "规模（",
];

fn classify(cell: &str) -> Option<Column> {
    let s: String = crate::zh::to_simplified(cell)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() || s.chars().count() > 12 {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    Some(if has(&["序号", "编号"]) || s == "序" {
        Column::Number
    } else if s == "备注" {
        Column::Remark
    } else if s == "单位" || s == "计量单位" || has(&DATA_LABELS) {
        Column::Data
    } else if has(&["领导", "责任人", "负责人"]) {
        Column::Leader
    } else if has(&["牵头", "主责", "主办"]) {
        Column::Lead
    } else if has(&["配合", "协同", "参与", "协办", "协助", "协作"]) {
        Column::Partner
    } else if has(&["责任", "落实"]) && has(&["社区", "村", "镇街", "乡镇", "街道", "属地"])
    {
        Column::Local
    } else if has(&[
        "责任单位",
        "责任部门",
        "实施单位",
        "承办单位",
        "责任主体",
        "落实单位",
    ]) || (s.contains("责任") && has(&["科室", "处室", "股室", "机构"]))
        // `责任分工`: a cell of labelled lines (`牵头单位：A` / `配合单位：B`
        // / `完成时限：…`), read as a note is.
        || ["责任分工", "职责分工", "分工"].contains(&s.as_str())
    {
        // `责任科室（单位）`: whatever the plan calls its units.
        Column::Responsible
    } else if has(&["时限", "时间", "期限", "进度", "年限", "周期"]) {
        Column::Deadline
    } else if has(&["类别", "领域", "分类", "板块", "方面"]) {
        Column::Category
    } else if has(&["措施", "内容", "举措", "目标要求", "工作要求", "具体工作"]) {
        Column::Detail
    } else if has(&["任务", "工作", "事项", "项目", "指标"]) {
        Column::Task
    } else {
        return None;
    })
}

/// Column index of each role in a header row.
#[derive(Debug, Default)]
struct Header {
    number: Option<usize>,
    category: Option<usize>,
    task: Option<usize>,
    detail: Option<usize>,
    lead: Option<usize>,
    partner: Option<usize>,
    local: Option<usize>,
    responsible: Option<usize>,
    leader: Option<usize>,
    deadline: Option<usize>,
    remark: Option<usize>,
    /// The unit a sheet is named after, leading every row of a sheet whose
    /// header has no lead or 责任 column (`区发展和改革局` over 工作任务 /
    /// 配合单位 / 完成时限).
    sheet_lead: Option<String>,
    /// Columns headed by a unit's name whose cells only mark its part
    /// (`●` leads, `○` partners), under a merged `责任单位` label.
    marks: Vec<(usize, String)>,
}

/// How a cell of a unit's column marks its part: filled marks lead,
/// hollow ones partner, ticks make it responsible (`“●”表示牵头单位，
/// “○”表示配合单位`, the legend such tables carry).
fn mark_role(cell: &str) -> Option<UnitColumn> {
    match cell.trim() {
        "●" | "★" | "■" | "▲" | "◆" => Some(UnitColumn::Lead),
        "○" | "☆" | "□" | "△" | "◇" | "◎" => Some(UnitColumn::Partner),
        "√" | "✓" | "✔" => Some(UnitColumn::Responsible),
        _ => None,
    }
}

impl Header {
    /// The header `cells` are: a task column and a column naming who leads
    /// or is responsible.
    fn parse(cells: &[String]) -> Option<Header> {
        Header::columns(cells)
            .filter(|h| h.task.is_some() && (h.lead.is_some() || h.responsible.is_some()))
    }

    /// Each role's column in a row of labels, or None when the row is not
    /// mostly labels.
    fn columns(cells: &[String]) -> Option<Header> {
        let mut h = Header::default();
        // A header is mostly labels; a data row that mentions 牵头 is not one.
        let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
        let labels = cells.iter().filter(|c| classify(c).is_some()).count();
        if labels * 3 < filled * 2 {
            return None;
        }
        for (i, cell) in cells.iter().enumerate() {
            // Other columns (备注, 预期成果…) are ignored.
            let Some(column) = classify(cell) else {
                continue;
            };
            let slot = match column {
                Column::Number => &mut h.number,
                Column::Category => &mut h.category,
                Column::Task => &mut h.task,
                Column::Detail => &mut h.detail,
                Column::Lead => &mut h.lead,
                Column::Partner => &mut h.partner,
                Column::Local => &mut h.local,
                Column::Responsible => &mut h.responsible,
                Column::Leader => &mut h.leader,
                Column::Deadline => &mut h.deadline,
                Column::Remark => &mut h.remark,
                Column::Data => continue,
            };
            // Merged header cells repeat: keep the first column.
            slot.get_or_insert(i);
        }
        if h.task.is_none() {
            // `序号 / 具体措施 / 牵头单位`: the only text column is the task.
            h.task = h.detail.take();
        }
        Some(h)
    }

    /// [`Header::parse`] for a sheet named `sheet`: when the sheet is named
    /// after a unit, a header with a task and a partner or time column but
    /// no lead is its unit's list.
    fn parse_in_sheet(cells: &[String], sheet: Option<&str>) -> Option<Header> {
        if let Some(h) = Header::parse(cells) {
            return Some(h);
        }
        let unit = sheet.filter(|s| super::notes::whole_unit_name(s).is_some())?;
        let mut h = Header::columns(cells)?;
        let unit_listed = h.task.is_some()
            && h.lead.is_none()
            && h.responsible.is_none()
            && (h.partner.is_some() || h.deadline.is_some());
        unit_listed.then(|| {
            h.sheet_lead = Some(unit.to_owned());
            h
        })
    }

    fn unit_columns(&self) -> [Option<usize>; 4] {
        [self.lead, self.partner, self.local, self.responsible]
    }

    /// The columns saying who does a task and by when: the unit columns,
    /// the leader and the deadline.
    fn duty_columns(&self) -> impl Iterator<Item = Option<usize>> {
        self.unit_columns()
            .into_iter()
            .chain([self.leader, self.deadline])
    }
}

fn cell(cells: &[String], i: Option<usize>) -> &str {
    i.and_then(|i| cells.get(i)).map_or("", |s| s.trim())
}

/// A section row: one text across the row (merged cells expanded), or text
/// only in its first cells with the task's unit columns empty.
fn section_title(cells: &[String], h: &Header) -> Option<String> {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let first = *filled.first()?;
    if filled.len() >= 2 && filled.iter().all(|c| *c == first) {
        return Some(first.to_string());
    }
    let units_empty = h.unit_columns().iter().all(|&c| cell(cells, c).is_empty())
        && h.marks
            .iter()
            .all(|(c, _)| cell(cells, Some(*c)).is_empty())
        && cell(cells, h.deadline).is_empty();
    if !units_empty {
        return None;
    }
    if filled.len() == 1 {
        return Some(first.to_string());
    }
    // `一 | 产业发展 | | |`: a Chinese-numeral number and a title.
    let number = cell(cells, h.number);
    let task = cell(cells, h.task);
    let is_numeral = !number.is_empty()
        && number
            .trim_matches(|c: char| "()（）、. ".contains(c))
            .chars()
            .all(|c| "一二三四五六七八九十".contains(c));
    (is_numeral && !task.is_empty()).then(|| {
        if number.ends_with(|c: char| "、.)）".contains(c)) {
            format!("{number}{task}")
        } else {
            format!("{number}、{task}")
        }
    })
}

/// What one row of a 分工表 is.
enum Row<'a> {
    /// Title rows above the header, the header, repeats of it, empty rows.
    Other,
    /// A note under or among the rows (`注：排在第一位的为牵头单位`).
    Note(String),
    Section(String),
    Task {
        number: Option<String>,
        text: String,
        cells: &'a [String],
    },
}

/// Where a task table's header stands: its first row, the number of rows
/// it spans, and its columns.
struct HeaderRows {
    start: usize,
    len: usize,
    header: Header,
}

/// The header of `table`: the first of its first ten rows that, with the
/// rows of sub-labels below it, is a task table's header.
fn find_header(table: &Table) -> Option<HeaderRows> {
    let rows = &table.rows;
    (0..rows.len().min(10)).find_map(|start| {
        let mut labels = rows[start].cells.clone();
        let mut len = 1;
        // At most three header rows: a parent, its sub-labels, theirs.
        while len < 3
            && let Some(below) = rows.get(start + len)
            && refine_labels(&mut labels, &below.cells)
        {
            len += 1;
        }
        let mut header = Header::parse_in_sheet(&labels, table.name.as_deref())?;
        if let Some(below) = rows.get(start + len)
            && header.take_unit_marks(&labels, &below.cells)
        {
            len += 1;
        }
        if header.category.is_none() {
            header.category = grouping_column(&labels, &header, &rows[start + len..]);
        }
        Some(HeaderRows { start, len, header })
    })
}

/// A column under a label the vocabulary does not know (`河湖`, `片区`)
/// that groups the task rows as a category column does: it stands before
/// the task column, and its short names are merged down over runs of rows
/// (repeated, or written on the first row of each run only), at least two
/// runs averaging two rows or more. A column that changes on every row
/// (`存在问题`) is data.
fn grouping_column(labels: &[String], h: &Header, rows: &[TableRow]) -> Option<usize> {
    let task = h.task?;
    (0..task).find(|&i| {
        if classify(&labels[i]).is_some() || labels[i].trim().is_empty() {
            return false;
        }
        let mut runs = 0;
        let mut filled_rows = 0;
        let mut current = "";
        for row in rows {
            let c = cell(&row.cells, Some(i));
            if cell(&row.cells, Some(task)).is_empty() {
                continue;
            }
            if c.chars().count() > 12 || c.contains(['。', '，', ',', '；']) {
                return false;
            }
            if !c.is_empty() && c != current {
                runs += 1;
                current = c;
            }
            if !current.is_empty() {
                filled_rows += 1;
            }
        }
        runs >= 2 && filled_rows >= 2 * runs
    })
}

impl Header {
    /// Takes `below`, the row under the labels, as a row of units' names
    /// when the unit labels (`责任单位` merged across) stand over at least
    /// two cells each wholly one unit's name: a table marking each
    /// unit's part in its own column. The merged label then names no
    /// column of its own.
    fn take_unit_marks(&mut self, labels: &[String], below: &[String]) -> bool {
        let unit_label = |i: usize| {
            labels
                .get(i)
                .and_then(|l| classify(l))
                .is_some_and(|c| matches!(c, Column::Lead | Column::Partner | Column::Responsible))
        };
        let marks: Vec<(usize, String)> = below
            .iter()
            .enumerate()
            .filter(|&(i, _)| unit_label(i))
            .filter_map(|(i, c)| {
                let name: String = c.chars().filter(|c| !c.is_whitespace()).collect();
                super::notes::whole_unit_name(&name).map(|_| (i, name))
            })
            .collect();
        // Every other cell of the row is empty or its label merged down: a
        // row of the header, no task's row.
        let header_row = below.iter().enumerate().all(|(i, c)| {
            unit_label(i)
                || c.trim().is_empty()
                || labels.get(i).is_some_and(|l| l.trim() == c.trim())
        });
        if marks.len() < 2 || !header_row {
            return false;
        }
        for slot in [&mut self.lead, &mut self.partner, &mut self.responsible] {
            if slot.is_some_and(|c| marks.iter().any(|(m, _)| *m == c)) {
                *slot = None;
            }
        }
        self.marks = marks;
        true
    }
}

/// Takes the sub-labels of `below` into `labels` when `labels` is a row of
/// labels (short cells, some of them known labels: no title or note row)
/// and `below` a row of sub-labels under its merged parents
/// (`| | 牵头单位 | 配合单位 | |` under `序号 | 重点任务 | 责任分工 |
/// 责任分工 | 完成时限`): every filled cell a label or the label above it
/// repeated (a cell merged down), some cells left to the row above, and at
/// least two new labels that differ (a section row merged across repeats
/// one text). False, and `labels` untouched, when it is no such row.
fn refine_labels(labels: &mut [String], below: &[String]) -> bool {
    let filled: Vec<&str> = labels
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let is_label_row = filled.iter().all(|c| c.chars().count() <= 12)
        && filled.iter().any(|c| classify(c).is_some())
        && filled.iter().any(|c| *c != filled[0]);
    if !is_label_row {
        return false;
    }
    let above = |i: usize| labels.get(i).map_or("", |s| s.trim());
    let mut new_labels: Vec<(usize, &str)> = Vec::new();
    let mut kept = 0;
    for (i, c) in below.iter().enumerate() {
        let c = c.trim();
        if c.is_empty() || c == above(i) {
            kept += 1;
            continue;
        }
        if classify(c).is_none() {
            return false;
        }
        new_labels.push((i, c));
    }
    let distinct = new_labels
        .iter()
        .filter(|(i, c)| new_labels.iter().all(|(j, d)| j >= i || d != c))
        .count();
    if distinct < 2 || kept == 0 {
        return false;
    }
    for (i, c) in new_labels {
        if let Some(slot) = labels.get_mut(i) {
            *slot = c.to_owned();
        }
    }
    true
}

/// Every row of `table` with what it is (a category change yields its
/// section before the task), or None when `table` is not a 分工表.
fn walk_rows(table: &Table) -> Option<(Header, Vec<(u32, Row<'_>)>)> {
    let HeaderRows { start, len, header } = find_header(table)?;
    let header_rows = &table.rows[start..start + len];
    let mut out: Vec<(u32, Row)> = table.rows[..start + len]
        .iter()
        .map(|r| (r.line, Row::Other))
        .collect();
    let task_is_category = task_merged_over_details(&table.rows[start + len..], &header);
    let mut category = String::new();
    for row in &table.rows[start + len..] {
        let cells = &row.cells;
        // Empty rows, and the header repeated where the table continues on
        // the next page.
        if cells.iter().all(|c| c.trim().is_empty())
            || header_rows.iter().any(|h| h.cells == *cells)
            || Header::parse(cells).is_some()
        {
            out.push((row.line, Row::Other));
            continue;
        }
        if let Some(text) = note_row_text(cells) {
            out.push((row.line, Row::Note(text)));
            continue;
        }
        if is_total_row(cells) {
            out.push((row.line, Row::Other));
            continue;
        }
        if let Some(title) = section_title(cells, &header) {
            out.push((row.line, Row::Section(title)));
            continue;
        }
        let detail = cell(cells, header.detail);
        // A 重点任务 merged over its 具体举措 groups them: it is their
        // section, each 举措 a task.
        let (cat, task) = if task_is_category {
            (cell(cells, header.task), "")
        } else {
            (cell(cells, header.category), cell(cells, header.task))
        };
        if !cat.is_empty() && cat != category {
            category = cat.to_string();
            out.push((row.line, Row::Section(category.clone())));
        }
        let text = match (task.is_empty(), detail.is_empty() || detail == task) {
            (true, true) => {
                out.push((row.line, Row::Other));
                continue;
            }
            (false, true) => task.to_string(),
            (true, false) => detail.to_string(),
            (false, false) => format!("{task}\n{detail}"),
        };
        if let Some(items) = marked_items(&text) {
            // The unmarked row above with the same unit and time cells
            // (merged over both) is the group these items break down.
            if let Some((_, above)) = out.last_mut()
                && let Row::Task {
                    text: group,
                    cells: group_cells,
                    ..
                } = above
                && marked_items(group).is_none()
                && same_duty_cells(group_cells, cells, &header)
            {
                *above = Row::Section(std::mem::take(group));
            }
            for text in items {
                out.push((
                    row.line,
                    Row::Task {
                        number: None,
                        text,
                        cells,
                    },
                ));
            }
            continue;
        }
        let number = Some(cell(cells, header.number))
            .filter(|n| !n.is_empty())
            .map(str::to_string);
        out.push((
            row.line,
            Row::Task {
                number,
                text,
                cells,
            },
        ));
    }
    Some((header, out))
}

/// Whether the task column's cells are merged down over rows whose detail
/// cells differ (`夯实转型基础` over three 具体举措, each with its own units):
/// then the task column groups the details, which are the tasks. A table
/// with a category column of its own keeps its task column.
fn task_merged_over_details(rows: &[TableRow], h: &Header) -> bool {
    if h.category.is_some() || h.detail.is_none() {
        return false;
    }
    rows.windows(2).any(|w| {
        let (a, b) = (&w[0].cells, &w[1].cells);
        let task = cell(a, h.task);
        !task.is_empty()
            && task == cell(b, h.task)
            && !cell(a, h.detail).is_empty()
            && !cell(b, h.detail).is_empty()
            && cell(a, h.detail) != cell(b, h.detail)
    })
}

/// The tasks a task cell lists one a line, each opening with an item mark
/// (`△…`: a group row's work broken down), marks dropped; a line without
/// a mark goes on the item before it. None when the cell opens with no mark.
fn marked_items(text: &str) -> Option<Vec<String>> {
    let mut items: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.strip_prefix(ITEM_MARKS) {
            Some(rest) => items.push(rest.trim_start().to_owned()),
            None => items.last_mut()?.push_str(line),
        }
    }
    (!items.is_empty()).then_some(items)
}

/// Whether two rows name the same units, leader and time (cells merged
/// over both rows, expanded).
fn same_duty_cells(a: &[String], b: &[String], h: &Header) -> bool {
    h.duty_columns().all(|c| cell(a, c) == cell(b, c))
}

/// Whether `cells` are a task table's header row (`序号 | 重点任务 | 牵头单位 …`).
pub fn is_header(cells: &[String]) -> bool {
    Header::parse(cells).is_some()
}

/// Whether `cell` is a header label (`牵头单位`, `完成时限`, `序号`…).
pub fn is_header_label(cell: &str) -> bool {
    classify(cell).is_some()
}

/// The text of a task table's rows above its header (a title, a note
/// such as `注：责任单位中，列第一位的为牵头单位`), with their lines; empty
/// when `table` is no task table.
pub fn title_rows(table: &Table) -> Vec<(String, u32)> {
    let Some(header) = find_header(table) else {
        return Vec::new();
    };
    table.rows[..header.start]
        .iter()
        .filter_map(|r| {
            let text = row_text(&r.cells);
            (!text.is_empty()).then_some((text, r.line))
        })
        .collect()
}

/// The note rows of a task table (`注：责任单位栏中排在第一位的为牵头单位`),
/// with their lines; empty when `table` is no task table.
pub fn note_rows(table: &Table) -> Vec<(String, u32)> {
    walk_rows(table).map_or_else(Vec::new, |(_, rows)| {
        rows.into_iter()
            .filter_map(|(line, row)| match row {
                Row::Note(text) => Some((text, line)),
                _ => None,
            })
            .collect()
    })
}

/// A row's text: its filled cells in order, a merged cell's repeats once.
pub fn row_text(cells: &[String]) -> String {
    let mut text = String::new();
    for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !text.ends_with(c) {
            text.push_str(c);
        }
    }
    text
}

/// A note row: one text (alone, or merged across the row) opening with
/// `注` (`注：`, `注1：`) or `说明：` — a legend or a remark on the table,
/// no task and no section.
fn note_row_text(cells: &[String]) -> Option<String> {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let first = *filled.first()?;
    if !filled.iter().all(|c| *c == first) {
        return None;
    }
    is_note(first).then(|| first.to_owned())
}

/// Whether the row sums up the table (`合计 | 15项`, `小 计`): its first
/// filled cell says so. No task, no section.
fn is_total_row(cells: &[String]) -> bool {
    cells
        .iter()
        .map(|c| c.split_whitespace().collect::<String>())
        .find(|c| !c.is_empty())
        .is_some_and(|c| matches!(c.as_str(), "合计" | "总计" | "小计" | "共计" | "总数"))
}

/// Whether `text` is a note on a table: it opens with `注：` (`注1：`) or
/// `说明：`.
fn is_note(text: &str) -> bool {
    text.strip_prefix('注')
        .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' '))
        .is_some_and(|rest| rest.starts_with(['：', ':']))
        || text.starts_with("说明：")
        || text.starts_with("说明:")
}

/// `table` with the empty cells of the columns a note says are merged
/// (`注：同一牵头单位连续负责的事项，“牵头单位”栏合并填写；“完成时限”栏同`)
/// taking the filled cell above them in the same section, as the merged
/// (rowspan) cell a conversion left in its first row only. The note is
/// `legend` (the paragraph right above the table) or one of the table's own
/// title or note rows; it names the columns by their header labels. Empty
/// cells of the other columns stay empty: there they mean none. None when
/// no note says so.
pub fn fill_merged_columns(table: &Table, legend: &str) -> Option<Table> {
    let HeaderRows { start, len, header } = find_header(table)?;
    let mut notes = vec![legend.trim().to_owned()];
    notes.extend(title_rows(table).into_iter().map(|(t, _)| t));
    notes.extend(note_rows(table).into_iter().map(|(t, _)| t));
    let notes: Vec<String> = notes
        .into_iter()
        .filter(|n| is_note(n) && MERGED_CELLS.iter().any(|w| n.contains(w)))
        .map(|n| n.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    if notes.is_empty() {
        return None;
    }
    let labels = &table.rows[start + len - 1].cells;
    let merged: Vec<usize> = std::iter::once(header.category)
        .chain(header.duty_columns())
        .flatten()
        .filter(|&i| {
            let label: String = cell(labels, Some(i))
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            !label.is_empty() && notes.iter().any(|n| n.contains(&label))
        })
        .collect();
    if merged.is_empty() {
        return None;
    }
    let mut filled = table.clone();
    let mut above: Vec<Option<String>> = vec![None; merged.len()];
    for row in &mut filled.rows[start + len..] {
        if note_row_text(&row.cells).is_some() || section_title(&row.cells, &header).is_some() {
            above.fill(None);
            continue;
        }
        for (k, &i) in merged.iter().enumerate() {
            let Some(c) = row.cells.get_mut(i) else {
                continue;
            };
            if c.trim().is_empty() {
                if let Some(a) = &above[k] {
                    c.clone_from(a);
                }
            } else {
                above[k] = Some(c.clone());
            }
        }
    }
    Some(filled)
}

/// The sections and tasks of a 分工表, or None when `table` is not one.
pub fn tasks_from_table(table: &Table) -> Option<Vec<TableSection>> {
    let (header, rows) = walk_rows(table)?;
    let mut sections: Vec<TableSection> = Vec::new();
    for (line, row) in rows {
        match row {
            Row::Other | Row::Note(_) => {}
            Row::Section(title) => sections.push(TableSection {
                title,
                line,
                tasks: Vec::new(),
            }),
            Row::Task {
                number,
                text,
                cells,
            } => {
                if sections.is_empty() {
                    sections.push(TableSection {
                        title: String::new(),
                        line,
                        tasks: Vec::new(),
                    });
                }
                let section = sections.last_mut().expect("a section was just ensured");
                let (note, cells_clause) = row_note(cells, &header, &text);
                section.tasks.push(TableTask {
                    number,
                    note,
                    cells_clause,
                    text,
                    line,
                });
            }
        }
    }
    Some(sections)
}

/// A task row as an outline item: the task text, then (after a line
/// break) the unit cells as one clause, so the clause and every unit name
/// have their place in the item's text.
pub fn item_of(task: TableTask) -> (Item, Span) {
    let first = task.text.split('\n').next().unwrap_or_default();
    let title = match first.find(['。', '！', '？', '；']) {
        Some(end) => &first[..end],
        None => first,
    };
    let mut title = title.trim().to_owned();
    // A task cell may number its own task (`1.建设一体化政务大数据体系。…`),
    // in a table with no 序号 or under a 序号 merged over a target's rows
    // of measures: the number is no part of the title, and it is the
    // task's own.
    let mut number = task.number;
    if let Some(n) = super::numbering::parse(&title)
        && !n.rest.trim().is_empty()
    {
        number = n.shown().or(number);
        title = n.rest.trim().to_owned();
    }
    let mut text = task.text.clone();
    let mut clauses = Vec::new();
    match task.cells_clause {
        Some(clause) => {
            text.push('\n');
            let start = text.chars().count();
            text.push_str(&clause);
            clauses.push(Clause {
                start,
                end: text.chars().count(),
                line: task.line,
                note: task.note.shifted(start),
                text: clause,
            });
        }
        None if !task.note.is_empty() => {
            if let Some(m) = find_note(&task.text) {
                let before: String = title.chars().take(m.start).collect();
                if m.start < title.chars().count() {
                    title = before.trim().to_owned();
                }
                clauses.push(Clause {
                    start: m.start,
                    end: m.end,
                    line: task.line,
                    note: task.note,
                    text: m.text,
                });
            }
        }
        None => {}
    }
    let span = Span {
        line: task.line,
        end_line: task.line,
    };
    let item = Item {
        number,
        title,
        text,
        clauses,
        source: ItemSource::TableRow,
    };
    (item, span)
}

/// The note of a task row, from its unit, leader and deadline cells
/// (rendered as one labelled clause), or from the task text when the unit
/// cells are empty.
fn row_note(cells: &[String], h: &Header, text: &str) -> (ParsedNote, Option<String>) {
    let mut note = ParsedNote::default();
    let mut clause = String::new();
    let is_placeholder = |c: &str| matches!(c, "—" | "-" | "/" | "无" | "——");
    // A 责任单位 column set against a 配合单位 column, with no 牵头 column,
    // is the lead column, in the rows that name no partner too: the header
    // says what each column is.
    let responsible = if h.partner.is_some() && h.lead.is_none() {
        UnitColumn::Lead
    } else {
        UnitColumn::Responsible
    };
    if let Some(unit) = &h.sheet_lead {
        clause.push_str("牵头单位：");
        let offset = clause.chars().count();
        clause.push_str(unit);
        note.merge(parse_unit_cell(unit, UnitColumn::Lead).shifted(offset));
    }
    for (col, label, role) in [
        (h.lead, "牵头单位", Some(UnitColumn::Lead)),
        (h.partner, "配合单位", Some(UnitColumn::Partner)),
        (h.local, "具体落实", Some(UnitColumn::Partner)),
        (h.responsible, "责任单位", Some(responsible)),
        (h.leader, "牵头负责领导", None),
        (h.deadline, "完成时限", None),
    ] {
        let c = cell(cells, col);
        if c.is_empty() || is_placeholder(c) {
            continue;
        }
        if !clause.is_empty() {
            clause.push('；');
        }
        clause.push_str(label);
        clause.push('：');
        let offset = clause.chars().count();
        // A line break between units separates them as `、` does, and
        // between labelled lines (`牵头：A` / `配合：B`) as `；` does; one
        // char for one char, so the cell's spans stay true.
        let labelled = c.contains(['：', ':']);
        let separator = if labelled { '；' } else { '、' };
        // (A line opening with a bracket goes on the name before it:
        // `各县` / `（市、区）水务局` wrapped in a narrow cell.)
        let chars: Vec<char> = c.chars().collect();
        let listed: String = chars
            .iter()
            .enumerate()
            .map(|(i, &ch)| match ch {
                '\n' | '\r' if matches!(chars.get(i + 1), Some('（' | '(')) => ' ',
                '\n' | '\r' => separator,
                _ => ch,
            })
            .collect();
        clause.push_str(&listed);
        match role {
            Some(role) => note.merge(parse_unit_cell(&listed, role).shifted(offset)),
            None if label == "完成时限" => match ditto_cell(c) {
                Some(of) => note.ditto.push(Ditto {
                    field: DittoField::Deadline,
                    of,
                }),
                None => note.deadline = Some(parse_deadline(c).unwrap_or_else(|| c.to_string())),
            },
            None => note.leader = Some(c.to_string()),
        }
    }
    // A unit's own column marking its part (`●`, `○`).
    for role in [
        UnitColumn::Lead,
        UnitColumn::Partner,
        UnitColumn::Responsible,
    ] {
        let names: Vec<&str> = h
            .marks
            .iter()
            .filter(|(col, _)| mark_role(cell(cells, Some(*col))) == Some(role))
            .map(|(_, name)| name.as_str())
            .collect();
        if names.is_empty() {
            continue;
        }
        if !clause.is_empty() {
            clause.push('；');
        }
        clause.push_str(match role {
            UnitColumn::Lead => "牵头单位：",
            UnitColumn::Partner => "配合单位：",
            _ => "责任单位：",
        });
        let offset = clause.chars().count();
        let listed = names.join("、");
        clause.push_str(&listed);
        note.merge(parse_unit_cell(&listed, role).shifted(offset));
    }
    // A 备注 naming who carries the work out (`各乡镇人民政府具体实施`,
    // `A、B分别负责本单位清欠`) adds them beside the row's units, as partners.
    let remark = cell(cells, h.remark);
    let mut by_remark = parse_remark_cell(remark);
    let has_units = !(note.leads.is_empty() && note.responsible.is_empty());
    if has_units
        && !(by_remark.leads.is_empty()
            && by_remark.responsible.is_empty()
            && by_remark.partners.is_empty())
    {
        let mut named = std::mem::take(&mut by_remark.leads);
        named.append(&mut by_remark.responsible);
        named.append(&mut by_remark.partners);
        by_remark.partners = named;
        by_remark.mode = crate::model::LeadMode::None;
        clause.push_str("；备注：");
        let offset = clause.chars().count();
        clause.push_str(remark);
        note.merge(by_remark.shifted(offset));
    }
    if note.leads.is_empty()
        && note.responsible.is_empty()
        && note.partners.is_empty()
        && let Some(m) = find_note(text)
    {
        let mut own = m.note;
        own.leader = own.leader.or(note.leader.take());
        own.deadline = own.deadline.or(note.deadline.take());
        return (own, None);
    }
    (note, (!clause.is_empty()).then_some(clause))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::TableRow;
    use crate::model::LeadMode;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| TableRow {
                    cells: r.iter().map(|s| s.to_string()).collect(),
                    line: i as u32 + 1,
                })
                .collect(),
            name: None,
        }
    }

    #[test]
    fn header_below_a_title_row_sections_and_tasks() {
        let t = table(&[
            &[
                "重点任务分工表",
                "重点任务分工表",
                "重点任务分工表",
                "重点任务分工表",
                "重点任务分工表",
            ],
            &["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            &[
                "一、产业发展",
                "一、产业发展",
                "一、产业发展",
                "一、产业发展",
                "一、产业发展",
            ],
            &[
                "1",
                "建设产业园区",
                "市发展改革局",
                "市财政局、各镇（街）",
                "2025年底前",
            ],
            &["2", "推进技术改造", "市工信局、市科技局", "", "持续推进"],
            &["二、城市建设", "", "", "", ""],
            &[
                "3",
                "改造老旧小区",
                "市住建局、市城管局分别牵头",
                "各镇",
                "",
            ],
        ]);
        let s = tasks_from_table(&t).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "一、产业发展");
        assert_eq!(s[0].line, 3);
        assert_eq!(s[0].tasks.len(), 2);
        let t1 = &s[0].tasks[0];
        assert_eq!(t1.number.as_deref(), Some("1"));
        assert_eq!(t1.text, "建设产业园区");
        assert_eq!(t1.note.leads, vec!["市发展改革局"]);
        assert_eq!(t1.note.partners, vec!["市财政局", "各镇（街）"]);
        assert_eq!(t1.note.deadline.as_deref(), Some("2025年底前"));
        assert_eq!(s[0].tasks[1].note.mode, LeadMode::Joint);
        assert_eq!(s[1].title, "二、城市建设");
        assert_eq!(s[1].tasks[0].note.mode, LeadMode::Respective);
        assert_eq!(s[1].tasks[0].line, 7);
    }

    #[test]
    fn responsible_column_without_lead_column() {
        let t = table(&[
            &["序号", "工作任务", "责任单位", "完成时间", "备注", ""],
            &["1", "完善路网", "市交通局、市住建局", "2024年"],
        ]);
        let s = tasks_from_table(&t).unwrap();
        let n = &s[0].tasks[0].note;
        assert!(n.leads.is_empty());
        assert_eq!(n.responsible, vec!["市交通局", "市住建局"]);
        assert_eq!(n.mode, LeadMode::None);
    }

    #[test]
    fn category_and_detail_columns_and_traditional_headers() {
        let t = table(&[
            &[
                "類別",
                "序號",
                "重點任務",
                "具體措施",
                "牽頭單位",
                "協同責任單位",
                "牽頭負責領導",
            ],
            &[
                "交通",
                "1",
                "完善路网",
                "建设快速路",
                "市交通局",
                "各鎮",
                "王某",
            ],
            &["交通", "2", "完善路网", "改造国道", "市交通局", "", "王某"],
            &[
                "序號",
                "重點任務",
                "重點任務",
                "具體措施",
                "牽頭單位",
                "協同責任單位",
                "牽頭負責領導",
            ],
            &[
                "产业",
                "3",
                "发展园区",
                "",
                "市工信局（牵头）、市商务局",
                "",
                "—",
            ],
        ]);
        let s = tasks_from_table(&t).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "交通");
        assert_eq!(s[0].tasks[0].text, "完善路网\n建设快速路");
        assert_eq!(s[0].tasks[0].note.partners, vec!["各鎮"]);
        assert_eq!(s[0].tasks[0].note.leader.as_deref(), Some("王某"));
        assert_eq!(s[1].title, "产业");
        let n = &s[1].tasks[0].note;
        assert_eq!(n.leads, vec!["市工信局"]);
        assert_eq!(n.partners, vec!["市商务局"]);
        assert_eq!(n.leader, None);
    }

    #[test]
    fn data_rows_that_mention_leads_are_tasks() {
        let t = table(&[
            &["序号", "重点任务", "牵头单位", "配合单位"],
            &["1", "建设园区项目", "市发改局牵头", "各镇"],
        ]);
        let s = tasks_from_table(&t).unwrap();
        assert_eq!(s[0].tasks.len(), 1);
        assert_eq!(s[0].tasks[0].note.leads, vec!["市发改局"]);
    }

    #[test]
    fn a_header_over_two_rows_takes_the_sub_labels_and_a_note_row_is_no_section() {
        let t = table(&[
            &["序号", "工作任务", "责任分工", "责任分工", "完成时限"],
            &["", "", "牵头单位", "配合单位", ""],
            &["1", "修缮古桥", "县文旅局", "县交通局\n县水利局", "2026年"],
            &["", "", "牵头单位", "配合单位", ""],
            &[
                "注：配合单位按职责配合。",
                "注：配合单位按职责配合。",
                "",
                "",
                "",
            ],
        ]);
        let s = tasks_from_table(&t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].tasks.len(), 1);
        let n = &s[0].tasks[0].note;
        assert_eq!(n.leads, vec!["县文旅局"]);
        assert_eq!(n.partners, vec!["县交通局", "县水利局"]);
        assert_eq!(
            note_rows(&t),
            vec![("注：配合单位按职责配合。".to_string(), 5)]
        );
        // A title row is no parent of the header's labels.
        let titled = table(&[
            &["某县重点任务清单", "", ""],
            &["序号", "工作任务", "责任单位"],
            &["1", "修缮古桥", "县文旅局"],
        ]);
        assert_eq!(
            title_rows(&titled),
            vec![("某县重点任务清单".to_string(), 1)]
        );
    }

    #[test]
    fn not_task_tables() {
        let toc = table(&[&["章节", "页码"], &["第一章 总则", "1"]]);
        assert!(tasks_from_table(&toc).is_none());
        let projects = table(&[&["序号", "项目名称", "投资额"], &["1", "港口", "10亿"]]);
        assert!(tasks_from_table(&projects).is_none());
    }
}
