//! The 台账 in the explorer (issue 15): the progress file opened and
//! written through `Tracker`, the status and note dialogs, the deadline
//! view and the responsibility matrix — their state against the library
//! (`due::view`, `Matrix::tasks`), and `TestBackend` snapshots at 120×40,
//! 80×24 and 60×20.
//!
//! The deadline snapshots use the 台账 fixture plan
//! (`tests/fixtures/taizhang_plan.txt`, extracted here: dated deadlines of
//! every kind); the matrix snapshots the bundled data (five plans).

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use fengong::deadline::Bucket;
use fengong::matrix::{By, Matrix, Sort};
use fengong::model::TaskData;
use fengong::progress::{Shown, Status, Tracker};
use fengong::query::{Catalog, Hit, Involvement, TaskPos};
use fengong::tui::action::Action;
use fengong::tui::dialogs::Dialog;
use fengong::tui::input::Edit;
use fengong::tui::state::Screen;
use fengong::tui::state::ledger::LedgerScreen;
use fengong::tui::view::deadlines::DueGroup;
use fengong::tui::{App, Lang};

use crate::common::temp_dir;
use crate::common::tui::{app_on, assert_rows_fit, bundled_data, draw, run, typed};

fn day(s: &str) -> NaiveDate {
    fengong::deadline::parse_iso(s).unwrap()
}

/// The 台账 fixture plan, extracted: eight tasks with dated, standing,
/// recurring and no deadlines.
fn plan_data() -> TaskData {
    // A relative path (tests run in the package's folder), so the task
    // pane's source line reads the same in every clone.
    fengong::extract::extract_paths(&[PathBuf::from("tests/fixtures/taizhang_plan.txt")])
        .expect("fixture extracts")
}

/// An explorer on `data` with its progress in `progress` (explicit, as
/// `--progress` names it), judging deadlines on 2022-06-30.
fn app_with(data: TaskData, w: u16, h: u16, progress: &Path) -> App {
    let mut a = app_on(data, "taizhang.json", w, h, Lang::Zh);
    a.ledger.today = day("2022-06-30");
    a.open_progress(progress, true);
    a.export.dir = progress.parent().unwrap().to_path_buf();
    a
}

/// The task titled `title`.
fn task(a: &App, title: &str) -> TaskPos {
    a.cat
        .task_positions()
        .find(|&t| a.cat.task(t).title == title)
        .unwrap_or_else(|| panic!("no task {title}"))
}

/// Selects a task in the tree.
fn select(a: &mut App, title: &str) {
    let t = task(a, title);
    a.screen = Screen::Browse;
    a.focus = fengong::tui::layout::Focus::Tree;
    a.browse.select(fengong::tui::view::tree::NodeKey::Task(t));
    a.update(Action::Tick);
    assert_eq!(a.selected_task(), Some(t));
}

fn type_text(a: &mut App, s: &str) {
    a.update(Action::Edit(Edit::Paste(s.into())));
}

fn due_list(a: &App) -> &fengong::tui::view::deadlines::DueList {
    match &a.screen {
        Screen::Ledger(LedgerScreen::Due(d)) => d,
        _ => panic!("not the deadline view"),
    }
}

fn heat(a: &App) -> &fengong::tui::view::heatmap::HeatMap {
    match &a.screen {
        Screen::Ledger(LedgerScreen::Matrix(m)) => m,
        _ => panic!("not the matrix"),
    }
}

/// A scratch progress file (not yet written).
fn scratch(name: &str) -> PathBuf {
    temp_dir(name).join("tasks.progress.json")
}

// ----- state ------------------------------------------------------------

#[test]
fn deadline_buckets_are_those_of_due_view_on_the_bundled_data() {
    let p = scratch("ledger-bundled-due");
    let data = bundled_data();
    let mut a = app_with(data.clone(), 120, 40, &p);
    a.update(Action::Deadlines);
    let list = due_list(&a).clone();
    let c = Catalog::new(data.clone());
    let tracker = Tracker::open(&p, &data).unwrap();
    let all: Vec<Hit> = c
        .task_positions()
        .map(|task| Hit {
            task,
            involvement: None,
            via_group: None,
        })
        .collect();
    let want = fengong::due::view(&c, &all, Some(&tracker), day("2022-06-30"));
    for g in &want.groups {
        assert_eq!(
            list.count(DueGroup::Bucket(g.bucket)),
            g.rows.len(),
            "{:?}",
            g.bucket
        );
    }
    assert_eq!(list.count(DueGroup::Finished), want.finished.len());
    assert_eq!(
        list.hits.len(),
        c.tasks().len(),
        "every task is listed once"
    );
    assert_eq!(list.unit, None);

    // From a unit's duty view, that unit's tasks (lead, partner,
    // responsible — not mentioned), as `fengong due --unit` lists them.
    let u = c.resolve_units("发改局")[0];
    a.open_duty(u);
    a.update(Action::Deadlines);
    let list = due_list(&a);
    assert_eq!(list.unit, Some(u));
    let hits: Vec<Hit> = c
        .duties(u)
        .into_iter()
        .filter(|h| h.involvement != Some(Involvement::Mentioned))
        .collect();
    let want = fengong::due::view(&c, &hits, Some(&tracker), day("2022-06-30"));
    for g in &want.groups {
        assert_eq!(
            list.count(DueGroup::Bucket(g.bucket)),
            g.rows.len(),
            "{:?}",
            g.bucket
        );
    }
    assert_eq!(list.hits.len(), hits.len());
    // Esc: back to the duty view, then to the tree.
    a.update(Action::Back);
    assert!(matches!(a.screen, Screen::Duty(_)));
}

#[test]
fn the_deadline_view_groups_the_plan_by_bucket_and_opens_a_task() {
    let p = scratch("ledger-due-groups");
    let mut a = app_with(plan_data(), 120, 40, &p);
    a.update(Action::Deadlines);
    let list = due_list(&a);
    // 2022-06-30: 6月底前 and 7月15日前 within 30 days, 8月底前 within 90,
    // 2023年底前 later, 持续推进 ongoing; 年内 (2022-12-31) later; 每季度
    // next due 2022-06-30; one task without a deadline.
    let counts: Vec<(Bucket, usize)> = Bucket::ALL
        .iter()
        .map(|&b| (b, list.count(DueGroup::Bucket(b))))
        .collect();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 8, "{counts:?}");
    assert_eq!(
        list.count(DueGroup::Bucket(Bucket::Overdue)),
        0,
        "{counts:?}"
    );
    assert_eq!(
        list.count(DueGroup::Bucket(Bucket::Ongoing)),
        1,
        "{counts:?}"
    );
    assert_eq!(list.count(DueGroup::Bucket(Bucket::None)), 1, "{counts:?}");
    assert!(
        list.count(DueGroup::Bucket(Bucket::Within30)) >= 2,
        "{counts:?}"
    );
    // Soonest first within a group.
    for g in &list.groups {
        let rows = &list.rows[g.start..g.start + g.len];
        assert!(
            rows.windows(2)
                .all(|w| w[0].due.is_none() || w[0].due <= w[1].due.or(w[0].due))
        );
    }
    // The cursor starts on the first task; l jumps to the next group's
    // header, h back to this group's.
    let first = a.selected_task().expect("on a task");
    a.update(Action::Expand);
    assert!(a.selected_task().is_none(), "on the next group's header");
    a.update(Action::Collapse);
    assert!(a.selected_task().is_none(), "on this group's header");
    a.update(Action::Down);
    assert_eq!(a.selected_task(), Some(first));
    // Enter: the task in the tree; Esc comes back to the view.
    a.update(Action::Open);
    assert!(matches!(a.screen, Screen::Browse));
    assert_eq!(a.selected_task(), Some(first));
    a.update(Action::Back);
    assert_eq!(due_list(&a).selected_task(), Some(first));
}

#[test]
fn the_finder_filters_the_deadline_view_by_unit_and_f_shows_all_again() {
    let p = scratch("ledger-due-finder");
    let mut a = app_with(plan_data(), 120, 40, &p);
    a.update(Action::Deadlines);
    assert_eq!(due_list(&a).hits.len(), 8);
    a.update(Action::OpenFinder);
    typed(&mut a, "统计局");
    a.update(Action::Submit);
    a.wait_for_finder(Duration::from_secs(10));
    let list = due_list(&a);
    let u = list.unit.expect("a unit chosen");
    assert_eq!(a.cat.unit(u).name, "台山市统计局");
    assert_eq!(list.hits.len(), 1);
    assert_eq!(a.cat.task(list.hits[0].task).title, "做好年度统计监测");
    assert!(a.dialog.is_none());
    // The header says whose deadlines these are.
    let s = draw(&a);
    assert!(s.contains("时限 · 台山市统计局"), "{s}");
    a.update(Action::ClearFilters);
    assert_eq!(due_list(&a).unit, None);
    assert_eq!(due_list(&a).hits.len(), 8);
    // The finder from the tree still opens duties.
    a.update(Action::Back);
    a.update(Action::Back);
    a.update(Action::OpenFinder);
    typed(&mut a, "统计局");
    a.update(Action::Submit);
    a.wait_for_finder(Duration::from_secs(10));
    assert!(matches!(a.screen, Screen::Duty(_)));
}

#[test]
fn status_and_notes_are_recorded_in_the_progress_file_and_shown_newest_first() {
    let p = scratch("ledger-record");
    let mut a = app_with(plan_data(), 120, 40, &p);
    select(&mut a, "加快深江铁路台山段建设");
    let t = a.selected_task().unwrap();
    // s: the picker starts on the step after the recorded status.
    a.update(Action::SetStatus);
    let Some(Dialog::Status(d)) = &a.dialog else {
        panic!("no status dialog")
    };
    assert_eq!(d.chosen(), Status::InProgress);
    a.update(Action::Submit);
    assert!(a.dialog.is_none());
    assert!(
        a.status.as_ref().unwrap().text.contains("已记录 推进中"),
        "{:?}",
        a.status
    );
    // p: a note with a reporting unit given by its short name.
    a.update(Action::AddNote);
    type_text(&mut a, "完成征地80%");
    a.update(Action::NextField);
    type_text(&mut a, "发改局");
    a.update(Action::NextField);
    a.update(Action::Edit(Edit::Clear));
    type_text(&mut a, "2022-06-28");
    a.update(Action::Submit);
    assert!(a.dialog.is_none(), "{:?}", a.status);
    // What the file holds, read afresh.
    let data = a.cat.data().clone();
    let tracker = Tracker::open(&p, &data).unwrap();
    let h = tracker.history(t.index());
    assert_eq!(h.len(), 2);
    let note = h.iter().find(|e| e.note.is_some()).unwrap();
    assert_eq!(note.note.as_deref(), Some("完成征地80%"));
    assert_eq!(note.unit.as_deref(), Some("台山市发展和改革局"));
    assert_eq!(note.date, "2022-06-28");
    assert_eq!(note.via, "explorer");
    let status = h.iter().find(|e| e.status.is_some()).unwrap();
    assert_eq!(status.status, Some(Status::InProgress));
    assert_eq!(status.date, "2022-06-30", "the explorer's --today");
    assert_eq!(
        tracker.shown(&data, t.index(), day("2022-06-30")),
        Shown::InProgress
    );
    // The task pane: status, due date, history newest first.
    let lines: Vec<String> = a
        .detail_lines(60)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} missing from {lines:#?}"))
    };
    assert!(lines[at("状态:")].contains("推进中 (2022-06-30)"));
    assert!(lines[at("到期:")].contains("2022-06-30 · 今天到期"));
    assert!(at("2022-06-30 推进中") < at("2022-06-28 完成征地80% · 台山市发展和改革局"));
    assert!(lines[at("s 设置状态")].contains("a 添加进展"));
    // A second explorer on the same file sees it all.
    let b = app_with(data, 120, 40, &p);
    assert_eq!(b.progress().unwrap().history(t.index()).len(), 2);
}

#[test]
fn the_note_dialog_checks_its_fields_and_a_failed_save_stays_in_it() {
    let dir = temp_dir("ledger-fail");
    // --progress into a folder that does not exist: never made, and said.
    let p = dir.join("missing").join("p.json");
    let mut a = app_with(plan_data(), 120, 40, &p);
    select(&mut a, "开展营商环境评价");
    a.update(Action::AddNote);
    a.update(Action::Submit);
    let Some(Dialog::Note(d)) = &a.dialog else {
        panic!("the dialog closed on an empty note")
    };
    assert_eq!(d.error.as_deref(), Some("请先填写进展"));
    type_text(&mut a, "已印发评价方案");
    a.update(Action::NextField);
    a.update(Action::NextField);
    a.update(Action::Edit(Edit::Clear));
    type_text(&mut a, "6月30日");
    a.update(Action::Submit);
    let Some(Dialog::Note(d)) = &a.dialog else {
        panic!("closed on a bad date")
    };
    assert_eq!(d.error.as_deref(), Some("日期应为 YYYY-MM-DD"));
    a.update(Action::Edit(Edit::Clear));
    type_text(&mut a, "2022-06-30");
    a.update(Action::Submit);
    let Some(Dialog::Note(d)) = &a.dialog else {
        panic!("closed although the save failed")
    };
    let err = d.error.clone().unwrap();
    assert!(err.starts_with("进展未保存"), "{err}");
    assert!(a.status.as_ref().unwrap().error);
    assert!(!p.exists() && !p.parent().unwrap().exists());
    let (s, _) = crate::common::tui::draw_terminal(&a);
    assert!(s.contains("进展未保存"), "{s}");
    // Esc: the explorer goes on; nothing was recorded.
    a.update(Action::Cancel);
    assert!(a.dialog.is_none());
    assert!(a.progress().unwrap().events().is_empty());
    // The status picker says the same and stays open.
    a.update(Action::SetStatus);
    a.update(Action::Submit);
    assert!(matches!(&a.dialog, Some(Dialog::Status(d)) if d.error.is_some()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unusable_progress_file_is_said_and_orphaned_progress_reported_once() {
    let dir = temp_dir("ledger-unusable");
    let p = dir.join("p.json");
    std::fs::write(&p, "{ not json").unwrap();
    let mut a = app_with(plan_data(), 120, 40, &p);
    assert!(a.progress().is_none());
    let st = a.status.clone().unwrap();
    assert!(
        st.error && st.text.starts_with("进展文件无法使用"),
        "{st:?}"
    );
    select(&mut a, "开展营商环境评价");
    a.update(Action::SetStatus);
    assert!(a.dialog.is_none(), "nothing to record into");
    assert!(a.detail_lines(60).iter().any(|l| {
        l.spans
            .iter()
            .any(|s| s.content.contains("进展文件无法使用"))
    }));
    // The file is left as it was.
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "{ not json");

    // Progress under a key no task has (its plan is gone): kept, reported.
    let p2 = dir.join("p2.json");
    let other = crate::common::tui::small_data();
    let mut t = Tracker::open(&p2, &other).unwrap();
    t.add_note(&other, 0, "旧进展", day("2022-06-01"), None, "cli")
        .unwrap();
    let a = app_with(plan_data(), 120, 40, &p2);
    let st = a.status.clone().unwrap();
    assert!(st.text.contains("1 条进展记录找不到对应任务"), "{st:?}");
    let mut a = a;
    a.update(Action::Down);
    assert!(a.status.is_none(), "said once");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn recording_in_the_deadline_view_moves_the_task_to_finished() {
    let p = scratch("ledger-due-record");
    let mut a = app_with(plan_data(), 120, 40, &p);
    a.update(Action::Deadlines);
    let t = a.selected_task().unwrap();
    a.update(Action::SetStatus);
    a.update(Action::Edit(Edit::Char('3'))); // 已完成
    a.update(Action::Submit);
    let list = due_list(&a);
    assert_eq!(list.count(DueGroup::Finished), 1);
    assert_eq!(list.selected_task(), Some(t), "the cursor follows the task");
    assert_eq!(list.selected_row().unwrap().status, Shown::Done);
}

#[test]
fn a_matrix_cell_lists_the_tasks_of_matrix_tasks() {
    let data = bundled_data();
    let c = Catalog::new(data.clone());
    let p = scratch("ledger-matrix");
    let mut a = app_with(data, 120, 40, &p);
    a.update(Action::Matrix);
    let want = Matrix::build(&c, By::Doc);
    assert_eq!(
        heat(&a).matrix,
        want,
        "the matrix of the library, most tasks first"
    );
    // Every non-empty cell of the first rows: Enter lists its tasks.
    let mut checked = 0;
    for row in 0..want.rows.len().min(8) {
        for col in 0..want.columns.len() {
            if want.rows[row].cells[col].total() == 0 {
                continue;
            }
            let Screen::Ledger(LedgerScreen::Matrix(m)) = &mut a.screen else {
                panic!("not on the matrix")
            };
            m.row = row;
            m.col = col;
            a.update(Action::Open);
            let Screen::Duty(d) = &a.screen else {
                panic!("Enter on a cell lists its tasks")
            };
            let mut got: Vec<TaskPos> = d.hits.iter().map(|h| h.task).collect();
            got.sort();
            assert_eq!(got, want.tasks(&c, row, col), "cell {row},{col}");
            let cell = want.rows[row].cells[col];
            let leads = d
                .hits
                .iter()
                .filter(|h| h.involvement != Some(Involvement::Partner))
                .count();
            assert_eq!(leads as u32, cell.lead);
            assert_eq!(d.cell.as_ref().unwrap().column, want.columns[col].position);
            a.update(Action::Back);
            let m = heat(&a);
            assert_eq!((m.row, m.col), (row, col), "Esc: back on the cell");
            checked += 1;
        }
    }
    assert!(checked > 3, "{checked}");
    // Enter on a task of a cell opens it; Esc walks back to the cell, then
    // to the matrix.
    let m = heat(&a);
    let (row, col) = (
        0,
        (0..want.columns.len())
            .find(|&c| want.rows[0].cells[c].total() > 0)
            .unwrap(),
    );
    let _ = m;
    if let Screen::Ledger(LedgerScreen::Matrix(m)) = &mut a.screen {
        m.row = row;
        m.col = col;
    }
    a.update(Action::Open);
    let first = a.selected_task().unwrap();
    a.update(Action::Open);
    assert!(matches!(a.screen, Screen::Browse));
    assert_eq!(a.selected_task(), Some(first));
    a.update(Action::Back);
    assert!(matches!(&a.screen, Screen::Duty(d) if d.cell.is_some()));
    assert_eq!(a.selected_task(), Some(first));
    a.update(Action::Back);
    assert_eq!((heat(&a).row, heat(&a).col), (row, col));
    // Enter on the totals column: the unit's whole duty view.
    a.update(Action::Bottom);
    run(&mut a, &vec![Action::Expand; want.columns.len() + 2]);
    assert_eq!(heat(&a).col, want.columns.len());
    let unit = heat(&a).unit().unwrap();
    a.update(Action::Open);
    assert!(matches!(&a.screen, Screen::Duty(d) if d.unit == unit && d.cell.is_none()));
}

#[test]
fn the_matrix_sorts_switches_to_goals_and_keeps_its_place() {
    let data = bundled_data();
    let c = Catalog::new(data.clone());
    let p = scratch("ledger-matrix-sort");
    let mut a = app_with(data, 120, 40, &p);
    a.update(Action::Matrix);
    run(&mut a, &[Action::Down, Action::Down, Action::Expand]);
    let unit = heat(&a).unit();
    let mut orders = vec![heat(&a).sort];
    for _ in 0..6 {
        a.update(Action::SortMatrix);
        assert_eq!(heat(&a).unit(), unit, "the cursor stays on its unit");
        orders.push(heat(&a).sort);
        let mut want = Matrix::build(&c, By::Doc);
        want.sort(heat(&a).sort);
        assert_eq!(heat(&a).matrix.rows, want.rows, "{:?}", heat(&a).sort);
    }
    assert_eq!(orders[4], Sort::Name);
    assert_eq!(orders[5], Sort::Column(1));
    assert_eq!(orders[6], Sort::Total);
    // b: the goals of the plan under the cursor (the second), same unit.
    let doc = heat(&a).column().unwrap().position;
    a.update(Action::MatrixBy);
    let m = heat(&a);
    assert_eq!(m.by(), By::Goal(doc));
    assert_eq!(m.matrix, {
        let mut w = Matrix::build(&c, By::Goal(doc));
        w.sort(Sort::Total);
        w
    });
    if m.matrix
        .rows
        .iter()
        .any(|r| Some(r.unit) == unit.map(|u| u.index()))
    {
        assert_eq!(m.unit(), unit);
    }
    // b again: back to the plans, on that plan's column.
    a.update(Action::MatrixBy);
    assert_eq!(heat(&a).by(), By::Doc);
    assert_eq!(heat(&a).column().unwrap().position, doc);
    // Tab and e do nothing to the matrix; e says how to export it.
    a.update(Action::FocusNext);
    assert!(matches!(a.screen, Screen::Ledger(LedgerScreen::Matrix(_))));
    a.update(Action::OpenExport);
    assert!(a.dialog.is_none());
    assert!(a.status.as_ref().unwrap().text.contains("fengong matrix"));
    // Esc: where the matrix was opened from.
    a.update(Action::Back);
    assert!(matches!(a.screen, Screen::Browse));
}

#[test]
fn progress_keys_without_a_task_say_so() {
    let p = scratch("ledger-no-task");
    let mut a = app_with(plan_data(), 120, 40, &p);
    a.update(Action::SetStatus);
    assert!(a.dialog.is_none());
    assert_eq!(a.status.as_ref().unwrap().text, "请先选择一项任务");
    a.update(Action::Matrix);
    a.update(Action::AddNote);
    assert!(a.dialog.is_none());
}

#[test]
fn the_export_from_the_deadline_view_carries_progress() {
    let dir = temp_dir("ledger-export");
    let p = dir.join("tasks.progress.json");
    let mut a = app_with(plan_data(), 120, 40, &p);
    a.update(Action::Deadlines);
    let first = a.selected_task().unwrap();
    a.update(Action::AddNote);
    type_text(&mut a, "完成征地80%");
    a.update(Action::Submit);
    a.update(Action::OpenExport);
    // CSV → XLSX is one step to the left.
    a.update(Action::Collapse);
    let Some(Dialog::Export(x)) = &a.dialog else {
        panic!("no export dialog")
    };
    assert!(x.name.text().ends_with(".xlsx"), "{}", x.name.text());
    let name = x.name.text();
    a.update(Action::Submit);
    assert!(
        a.status.as_ref().unwrap().text.starts_with("已导出"),
        "{:?}",
        a.status
    );
    let rows = crate::common::xlsx_rows(&dir.join(&name), "台账");
    let header = rows
        .iter()
        .position(|r| r.iter().any(|c| cell_text(c) == "最新进展"))
        .unwrap();
    let col = |h: &str| rows[header].iter().position(|c| cell_text(c) == h).unwrap();
    let title = a.cat.task(first).title.clone();
    let row = rows
        .iter()
        .find(|r| r[col("任务")].to_string().contains(&title))
        .unwrap();
    assert_eq!(row[col("最新进展")].to_string(), "完成征地80%");
    assert!(
        rows[0][0].to_string().contains("截至 2022-06-30"),
        "{:?}",
        rows[0]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn cell_text(c: &calamine::Data) -> String {
    c.to_string()
}

// ----- drawing ----------------------------------------------------------

/// An explorer on the fixture plan with progress on three tasks (one
/// note on the first), at `w`×`h`.
fn recorded_app(name: &str, w: u16, h: u16) -> (App, PathBuf) {
    let p = scratch(name);
    let data = plan_data();
    let mut t = Tracker::open(&p, &data).unwrap();
    let key = |title: &str| data.tasks.iter().position(|t| t.title == title).unwrap();
    let rail = key("加快深江铁路台山段建设");
    t.set_status(
        &data,
        rail,
        Status::InProgress,
        day("2022-05-31"),
        None,
        "cli",
    )
    .unwrap();
    t.add_note(
        &data,
        rail,
        "完成征地80%,站场工程完成招标",
        day("2022-06-28"),
        Some("台山市发展和改革局".into()),
        "cli",
    )
    .unwrap();
    t.set_status(
        &data,
        key("推进新型城镇化示范区建设"),
        Status::Done,
        day("2022-06-10"),
        None,
        "cli",
    )
    .unwrap();
    t.set_status(
        &data,
        key("开展营商环境评价"),
        Status::Closed,
        day("2022-05-20"),
        None,
        "cli",
    )
    .unwrap();
    (app_with(data, w, h, &p), p)
}

fn snapshot(name: &str, a: &App) {
    let s = draw(a);
    assert_rows_fit(&s, a.size.0, name);
    insta::assert_snapshot!(format!("{name}_{}x{}", a.size.0, a.size.1), s);
}

fn snapshot_at(w: u16, h: u16) {
    // The deadline view of every task, and of one unit.
    let (mut a, _) = recorded_app(&format!("ledger-snap-{w}"), w, h);
    a.update(Action::Deadlines);
    snapshot("deadlines", &a);
    a.update(Action::OpenFinder);
    typed(&mut a, "发改局");
    a.update(Action::Submit);
    a.wait_for_finder(Duration::from_secs(10));
    snapshot("deadlines_unit", &a);
    // The task pane with its status and history.
    select(&mut a, "加快深江铁路台山段建设");
    a.update(Action::FocusNext);
    run(&mut a, &[Action::Bottom]);
    snapshot("task_progress", &a);
    a.update(Action::SetStatus);
    snapshot("status_dialog", &a);
    a.update(Action::Cancel);
    a.update(Action::AddNote);
    type_text(&mut a, "站场主体开工");
    // The scratch folder's name changes from run to run.
    if let Some(Dialog::Note(d)) = &mut a.dialog {
        d.file = "data/tasks.progress.json".into();
    }
    snapshot("note_dialog", &a);
    // The matrix on the bundled data, then a cell's tasks.
    let mut b = app_on(bundled_data(), "data/tasks.json", w, h, Lang::Zh);
    b.ledger.today = day("2022-06-30");
    b.update(Action::Matrix);
    snapshot("matrix", &b);
    run(&mut b, &[Action::Down, Action::Down, Action::SortMatrix]);
    snapshot("matrix_moved", &b);
    // The goals of plan 000, scrolled to the right.
    b.update(Action::MatrixBy);
    run(&mut b, &vec![Action::Expand; 12]);
    snapshot("matrix_goals", &b);
    b.update(Action::MatrixBy);
    b.update(Action::Open);
    snapshot("matrix_cell", &b);
}

#[test]
fn ledger_snapshots_120x40() {
    snapshot_at(120, 40);
}

#[test]
fn ledger_snapshots_80x24() {
    snapshot_at(80, 24);
}

#[test]
fn ledger_snapshots_60x20() {
    snapshot_at(60, 20);
}

#[test]
fn colours_say_late_soon_and_heat_and_no_color_keeps_bold() {
    use ratatui::style::{Color, Modifier};
    let (mut a, _) = recorded_app("ledger-colours", 120, 40);
    a.theme = fengong::tui::Theme::new(true);
    a.update(Action::Deadlines);
    let (s, t) = crate::common::tui::draw_terminal(&a);
    let buf = t.backend().buffer();
    // The first bucket with tasks is 30天内到期: its header is yellow.
    let (x, y) = find(&s, "30天内到期 (").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    // Without colour, the heat map's top tier is bold.
    let mut b = app_on(bundled_data(), "data/tasks.json", 120, 40, Lang::Zh);
    b.update(Action::Matrix);
    b.update(Action::Down); // the cursor off the busiest cell
    let m = heat(&b);
    let top = m.matrix.rows[0]
        .cells
        .iter()
        .map(|c| c.total())
        .max()
        .unwrap();
    assert_eq!(m.tier(top), Some(3), "the busiest cell is the top tier");
    let (s, t) = crate::common::tui::draw_terminal(&b);
    let buf = t.backend().buffer();
    let row = s
        .lines()
        .position(|l| l.contains(&m.matrix.rows[0].name))
        .unwrap();
    let bold_cells = (0..120u16)
        .filter(|&x| buf[(x, row as u16)].modifier.contains(Modifier::BOLD))
        .count();
    assert!(bold_cells > 0, "{s}");
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

/// Column and row of the first occurrence of `needle` on the screen.
fn find(screen: &str, needle: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(y, l)| {
        l.find(needle)
            .map(|i| (fengong::text::width(&l[..i]) as u16, y as u16))
    })
}
