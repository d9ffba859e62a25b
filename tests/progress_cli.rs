//! Progress that is never lost: `fengong progress` run as a program over a
//! plan that is re-extracted, reordered and edited; a save killed halfway;
//! a 台账 sheet exported, edited by a unit and imported back.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fengong::model::TaskData;
use fengong::progress::{Shown, Status, Tracker};

use crate::common::{BIN, extract_into, fixture, key_of, stderr, stdout_ok, temp_dir, xlsx_rows};

fn progress(data: &Path, progress: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("progress")
        .arg("--data")
        .arg(data)
        .arg("--progress")
        .arg(progress)
        .args(args)
        .output()
        .unwrap()
}

const PLAN: &str = "某某区2022年重点工作任务分工方案

某某区人民政府办公室
2022年3月1日

一、重大项目

1.加快建设城市快速路。完成征地拆迁，开工建设主线工程。（区交通运输局牵头，区自然资源局配合；完成时限：2022年6月底前）

2.推进老旧小区改造。完成15个小区改造任务。（区住房和城乡建设局牵头，各街道配合；完成时限：2022年12月底前）

3.建设智慧城市平台。推进政务数据共享共用。（区政务服务数据管理局牵头，区发展和改革局配合；完成时限：持续推进）

4.实施河道综合整治。完成主要河道清淤。（区水利局牵头，各街道配合；完成时限：2022年9月底前）
";

/// The same plan edited: tasks reordered and renumbered, one title
/// reworded (its opening words changed), one task dropped.
const PLAN_EDITED: &str = "某某区2022年重点工作任务分工方案

某某区人民政府办公室
2022年3月1日

一、重大项目

1.建设智慧城市平台。推进政务数据共享共用。（区政务服务数据管理局牵头，区发展和改革局配合；完成时限：持续推进）

2.推进老旧小区改造。完成15个小区改造任务。（区住房和城乡建设局牵头，各街道配合；完成时限：2022年12月底前）

3.全力推进城市快速路建设。完成征地拆迁，开工建设主线工程。（区交通运输局牵头，区自然资源局配合；完成时限：2022年6月底前）
";

#[test]
fn progress_survives_reextraction_reordering_and_a_reworded_title() {
    let dir = temp_dir("progress-reextract");
    let plan = dir.join("plan.txt");
    std::fs::write(&plan, PLAN).unwrap();
    let data_path = extract_into(&dir, &[&plan]);
    let data = TaskData::load(&data_path).unwrap();
    let p = dir.join("tasks.progress.json");
    let road = key_of(&data, "加快建设城市快速路");
    let housing = key_of(&data, "推进老旧小区改造");
    let river = key_of(&data, "实施河道综合整治");
    let smart = key_of(&data, "建设智慧城市平台");
    for (key, status, note, date) in [
        (&road, "推进中", "征地完成八成", "2022-04-10"),
        (&road, "已完成", "主线工程开工", "2022-06-20"),
        (&housing, "推进中", "已完成5个小区", "2022-05-31"),
        (&river, "推进中", "清淤招标完成", "2022-05-05"),
        (&smart, "已销号", "平台上线并验收", "2022-06-01"),
    ] {
        let o = progress(
            &data_path,
            &p,
            &[
                key,
                "--status",
                status,
                "--note",
                note,
                "--date",
                date,
                "--unit",
                "区发展和改革局",
            ],
        );
        stdout_ok(&o);
    }
    let before = std::fs::read_to_string(&p).unwrap();

    // Re-extract the edited plan over the same data file.
    std::fs::write(&plan, PLAN_EDITED).unwrap();
    extract_into(&dir, &[&plan]);
    let data = TaskData::load(&data_path).unwrap();
    assert_eq!(data.tasks.len(), 3);
    // Reordered and renumbered tasks keep their keys.
    assert_eq!(key_of(&data, "推进老旧小区改造"), housing);
    assert_eq!(key_of(&data, "建设智慧城市平台"), smart);
    assert_ne!(key_of(&data, "全力推进城市快速路建设"), road);

    let tracker = Tracker::open(&p, &data).unwrap();
    let at = |title: &str| data.tasks.iter().position(|t| t.title == title).unwrap();
    let today = fengong::deadline::parse_iso("2022-06-30").unwrap();
    assert_eq!(
        tracker.shown(&data, at("推进老旧小区改造"), today),
        Shown::InProgress
    );
    assert_eq!(
        tracker.shown(&data, at("建设智慧城市平台"), today),
        Shown::Closed
    );
    // The reworded (and renumbered) task is found again by the start of its
    // text within its document, with all its history.
    let road_now = at("全力推进城市快速路建设");
    assert_eq!(tracker.shown(&data, road_now, today), Shown::Done);
    let history: Vec<&str> = tracker
        .history(road_now)
        .iter()
        .filter_map(|e| e.note.as_deref())
        .collect();
    assert_eq!(history, ["征地完成八成", "主线工程开工"]);
    assert_eq!(tracker.ledger().rematched.len(), 1);
    // The dropped task's progress is kept and reported, not lost.
    let orphans = &tracker.ledger().orphans;
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].key.as_str(), river);
    assert_eq!(orphans[0].snapshot.title, "实施河道综合整治");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        before,
        "reading changes nothing"
    );

    let check = progress(&data_path, &p, &["--check"]);
    let text = stdout_ok(&check);
    assert!(
        text.contains("1 re-attached") && text.contains("1 orphaned"),
        "{text}"
    );
    assert!(text.contains("实施河道综合整治"), "{text}");
    // Every command that reads progress says that some could not be placed.
    let o = Command::new(BIN)
        .args(["due", "--today", "2022-06-30", "--data"])
        .arg(&data_path)
        .arg("--progress")
        .arg(&p)
        .output()
        .unwrap();
    assert!(stderr(&o).contains("1 progress entries"), "{}", stderr(&o));

    // New progress on the reworded task goes under its new key, and its
    // history holds both.
    stdout_ok(&progress(
        &data_path,
        &p,
        &[
            &key_of(&data, "全力推进城市快速路建设"),
            "--note",
            "通车试运行",
            "--date",
            "2022-06-28",
        ],
    ));
    let tracker = Tracker::open(&p, &data).unwrap();
    assert_eq!(tracker.history(road_now).len(), 3);
    assert_eq!(tracker.events().len(), 6);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_interrupted_save_loses_nothing() {
    let dir = temp_dir("progress-kill");
    let data_path = extract_into(&dir, &[&fixture("taizhang_plan.txt")]);
    let data = TaskData::load(&data_path).unwrap();
    let p = dir.join("tasks.progress.json");
    // A history of some size, recorded through the library.
    let mut tracker = Tracker::open(&p, &data).unwrap();
    let day = fengong::deadline::parse_iso("2022-05-01").unwrap();
    for i in 0..200 {
        tracker
            .add_note(
                &data,
                i % data.tasks.len(),
                &format!("第{i}次调度"),
                day,
                None,
                "test",
            )
            .unwrap();
    }
    let before = std::fs::read(&p).unwrap();

    // A save that pauses halfway through its temporary file, killed there.
    let mut child = Command::new(BIN)
        .args([
            "progress",
            &data.tasks[0].key.0,
            "--note",
            "不会保存的进展",
            "--data",
        ])
        .arg(&data_path)
        .arg("--progress")
        .arg(&p)
        .env("FENGONG_TEST_SLOW_SAVE_MS", "20000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let temp_written = |dir: &Path| {
        std::fs::read_dir(dir).unwrap().any(|e| {
            let e = e.unwrap();
            e.file_name().to_string_lossy().ends_with(".fengong-tmp")
                && e.metadata().unwrap().len() > 0
        })
    };
    let start = Instant::now();
    while !temp_written(&dir) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the save never started"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // The file is exactly what it was: every earlier entry is there.
    assert_eq!(std::fs::read(&p).unwrap(), before);
    let reread = Tracker::open(&p, &data).unwrap();
    assert_eq!(reread.events().len(), 200);
    // And the next save works and keeps them all.
    stdout_ok(&progress(
        &data_path,
        &p,
        &[&data.tasks[0].key.0, "--note", "再次保存"],
    ));
    let reread = Tracker::open(&p, &data).unwrap();
    assert_eq!(reread.events().len(), 201);
    assert_eq!(reread.events()[..200], tracker.events()[..200]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A workbook as a unit sends it back: the rows of `rows`, written by a
/// spreadsheet program (here rust_xlsxwriter), dates as dates.
fn write_sheet(path: &Path, rows: &[Vec<String>]) {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("台账").unwrap();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match fengong::deadline::parse_iso(v) {
                Some(d) => {
                    use chrono::Datelike;
                    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        d.year() as u16,
                        d.month() as u8,
                        d.day() as u8,
                    )
                    .unwrap();
                    sheet
                        .write_datetime_with_format(r, c, &day, &date_format)
                        .unwrap();
                }
                None => {
                    sheet.write_string(r, c, v).unwrap();
                }
            }
        }
    }
    book.save(path).unwrap();
}

/// A sheet's cells as text, dates as `YYYY-MM-DD`, whole numbers without `.0`.
fn read_sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    use calamine::Data;
    xlsx_rows(path, name)
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::DateTime(d) => {
                        let days = d.as_f64() as u64;
                        let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                        base.checked_add_days(chrono::Days::new(days))
                            .unwrap()
                            .to_string()
                    }
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    _ => c.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_sheet_comes_back_with_one_row_changed_and_one_unmatched() {
    let dir = temp_dir("progress-import");
    let data_path = extract_into(&dir, &[&fixture("taizhang_plan.txt")]);
    let p = dir.join("tasks.progress.json");
    let data = TaskData::load(&data_path).unwrap();
    let rail = key_of(&data, "加快深江铁路台山段建设");
    stdout_ok(&progress(
        &data_path,
        &p,
        &[
            &rail,
            "--status",
            "推进中",
            "--note",
            "完成征地80%",
            "--date",
            "2022-05-31",
        ],
    ));

    // Export the bureau's 台账.
    let exported = dir.join("发改局台账.xlsx");
    let o = Command::new(BIN)
        .args([
            "export",
            "--unit",
            "发改局",
            "--today",
            "2022-06-30",
            "--data",
        ])
        .arg(&data_path)
        .arg("--progress")
        .arg(&p)
        .arg("-o")
        .arg(&exported)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let mut rows = read_sheet(&exported, "台账");
    assert!(
        rows[0][0].contains("单位：台山市发展和改革局"),
        "{:?}",
        rows[0]
    );
    let header = rows[1].clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (key_col, status_col, note_col, date_col, title_col, no_col) = (
        col("任务编号"),
        col("状态"),
        col("最新进展"),
        col("进展日期"),
        col("任务"),
        col("序号"),
    );
    let rail_row = rows.iter().position(|r| r[key_col] == rail).unwrap();
    // The deadline (2022-06-30) has not passed on 2022-06-30.
    assert_eq!(rows[rail_row][status_col], "推进中");
    assert_eq!(rows[rail_row][note_col], "完成征地80%");
    assert_eq!(rows[rail_row][date_col], "2022-05-31");

    // Importing the sheet as exported changes nothing.
    let o = progress(&data_path, &p, &["--import", exported.to_str().unwrap()]);
    let text = stdout_ok(&o);
    assert!(
        text.contains("0 with changes") && text.contains("0 unmatched"),
        "{text}"
    );

    // The unit fills in one row, and adds a row of its own.
    let lng_row = rows
        .iter()
        .position(|r| r[title_col] == "建设广海湾LNG接收站配套管网")
        .unwrap();
    rows[lng_row][status_col] = "已完成".into();
    rows[lng_row][note_col] = "管网选线获批，环评已批复".into();
    rows[lng_row][date_col] = "2022-06-25".into();
    // Its key cell is cleared: the row must be matched by number and title.
    rows[lng_row][key_col] = String::new();
    let mut extra = vec![String::new(); header.len()];
    extra[no_col] = "9".into();
    extra[title_col] = "筹办招商推介会".into();
    extra[status_col] = "推进中".into();
    rows.push(extra);
    let returned = dir.join("发改局台账-回报.xlsx");
    write_sheet(&returned, &rows);

    let o = progress(
        &data_path,
        &p,
        &["--import", returned.to_str().unwrap(), "--unit", "发改局"],
    );
    let text = stdout_ok(&o);
    assert!(text.contains("1 with changes"), "{text}");
    assert!(
        text.contains("1 unmatched") && text.contains("筹办招商推介会"),
        "{text}"
    );
    let data = TaskData::load(&data_path).unwrap();
    let tracker = Tracker::open(&p, &data).unwrap();
    let lng = data
        .tasks
        .iter()
        .position(|t| t.title == "建设广海湾LNG接收站配套管网")
        .unwrap();
    let progress_now = tracker.ledger().of(lng);
    assert_eq!(progress_now.status.map(|s| s.0), Some(Status::Done));
    let note = progress_now.latest_note().unwrap();
    assert_eq!(note.text, "管网选线获批，环评已批复");
    assert_eq!(note.date.to_string(), "2022-06-25");
    assert_eq!(note.unit.as_deref(), Some("台山市发展和改革局"));
    assert_eq!(
        tracker.events().len(),
        2,
        "only the changed row was recorded"
    );
    // Importing the same sheet again adds nothing.
    let text = stdout_ok(&progress(
        &data_path,
        &p,
        &["--import", returned.to_str().unwrap()],
    ));
    assert!(text.contains("0 with changes"), "{text}");
    assert_eq!(Tracker::open(&p, &data).unwrap().events().len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn statuses_and_tasks_are_checked_before_anything_is_written() {
    let dir = temp_dir("progress-refuse");
    let data_path = extract_into(&dir, &[&fixture("taizhang_plan.txt")]);
    let p: PathBuf = dir.join("tasks.progress.json");
    let o = progress(&data_path, &p, &["taizhang_plan#00000000", "--note", "x"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no task has the key"), "{}", stderr(&o));
    let o = progress(&data_path, &p, &["--check"]);
    stdout_ok(&o);
    let data = TaskData::load(&data_path).unwrap();
    let o = progress(&data_path, &p, &[&data.tasks[0].key.0, "--status", "滞后"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("follows from the deadline"),
        "{}",
        stderr(&o)
    );
    let o = progress(
        &data_path,
        &p,
        &[&data.tasks[0].key.0, "--status", "差不多"],
    );
    assert!(!o.status.success());
    assert!(!p.exists(), "nothing was written");
    // A unique start of the key's hex part names the task.
    let hex = data.tasks[0].key.0.split('#').nth(1).unwrap();
    let o = progress(
        &data_path,
        &p,
        &[&hex[..6], "--status", "已完成", "--date", "2022-06-01"],
    );
    let text = stdout_ok(&o);
    assert!(
        text.contains("已完成") && text.contains(&data.tasks[0].title),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
