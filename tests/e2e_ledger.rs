//! End to end, the 台账 in the real binary in a real terminal (tmux): in
//! the deadline view set a task's status and add a dated note, quit,
//! reopen and see both; then export the 台账 as XLSX from the explorer and
//! read it back with calamine.
//!
//! Needs tmux. Without it the test fails when `CI` is set (`.ci/run`
//! installs tmux) and is skipped with a notice otherwise.

use fengong::model::TaskData;
use fengong::progress::{Status, Tracker};
use std::path::Path;

use crate::common::tmux::{self, Tmux};
use crate::common::{BIN, extract_into, fixture, shell_quote, temp_dir, xlsx_rows};

/// Starts the explorer on `data` (progress beside it) in `dir`, judging
/// deadlines on 2022-06-30; the shell says `EXIT=` when it ends.
fn start(tmux: &Tmux, dir: &Path, data: &Path) {
    let script = format!(
        "{} --data {} --lang zh --today 2022-06-30; echo EXIT=$?; sleep 60",
        shell_quote(Path::new(BIN)),
        shell_quote(data)
    );
    let dir_s = dir.display().to_string();
    tmux.start((120, 40), Some(&dir_s), &["sh", "-c", &script]);
}

fn quit(tmux: &Tmux) {
    tmux.send(&["q"]);
    tmux.wait_for("EXIT=0");
}

#[test]
fn set_a_status_and_a_note_quit_reopen_see_them_and_export_the_ledger() {
    if !tmux::available("e2e_ledger") {
        return;
    }
    let dir = temp_dir("e2e-ledger");
    let data = extract_into(&dir, &[&fixture("taizhang_plan.txt")]);
    let progress = dir.join("tasks.progress.json");

    let tmux = Tmux::new("ledger-record");
    start(&tmux, &dir, &data);
    tmux.wait_for("区域 → 目标 → 任务");
    // The deadline view opens on the soonest task.
    tmux.send(&["t"]);
    tmux.wait_for_all(&[
        "时限 · 全部单位",
        "30天内到期 (3)",
        "1. 加快深江铁路台山段建设",
    ]);
    // s: the picker proposes 推进中 (nothing recorded yet); Enter records.
    tmux.send(&["s"]);
    tmux.wait_for_all(&["设置状态", "› 2 推进中"]);
    tmux.send(&["Enter"]);
    tmux.wait_for("已记录 推进中");
    // p: a note, with the reporting unit by its short name.
    tmux.send(&["a"]);
    tmux.wait_for("添加进展");
    tmux.type_text("完成征地80%");
    tmux.send(&["Tab"]);
    tmux.type_text("发改局");
    tmux.send(&["Enter"]);
    tmux.wait_for("已记录 进展");
    quit(&tmux);
    drop(tmux);

    // On disk: two events, appended, for that task.
    let td = TaskData::load(&data).unwrap();
    let t = Tracker::open(&progress, &td).unwrap();
    let task = td
        .tasks
        .iter()
        .position(|x| x.title == "加快深江铁路台山段建设")
        .unwrap();
    let h = t.history(task);
    assert_eq!(h.len(), 2, "{h:?}");
    assert!(h.iter().any(|e| e.status == Some(Status::InProgress)));
    assert!(h.iter().any(|e| e.note.as_deref() == Some("完成征地80%")
        && e.unit.as_deref() == Some("台山市发展和改革局")
        && e.date == "2022-06-30"
        && e.via == "explorer"));

    // Reopen: the task pane shows the status and the note.
    let tmux = Tmux::new("ledger-reopen");
    start(&tmux, &dir, &data);
    tmux.wait_for("区域 → 目标 → 任务");
    tmux.send(&["t"]);
    tmux.wait_for_all(&[
        "推进中 · 今天到期",
        "状态: 推进中 (2022-06-30)",
        "2022-06-30 完成征地80% · 台山市发展和改革局",
    ]);
    // e, ← to XLSX, Enter: the 台账 of every task, with the progress.
    tmux.send(&["e"]);
    tmux.wait_for("导出 · 8 行");
    tmux.send(&["Left"]);
    let s = tmux.wait_until("an .xlsx name", |s| s.contains(".xlsx"));
    let name = s
        .lines()
        .find_map(|l| {
            let at = l.find("文件名")?;
            let rest = l[at + "文件名".len()..].trim_start();
            Some(
                rest.split_whitespace()
                    .next()?
                    .trim_end_matches('│')
                    .to_owned(),
            )
        })
        .unwrap_or_else(|| panic!("no file name in:\n{s}"));
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["已导出", "8 行"]);
    quit(&tmux);

    let rows = xlsx_rows(&dir.join(&name), "台账");
    let text = |d: &calamine::Data| d.to_string();
    assert!(
        text(&rows[0][0]).contains("截至 2022-06-30"),
        "{:?}",
        rows[0]
    );
    let header = rows
        .iter()
        .position(|r| r.iter().any(|c| text(c) == "最新进展"))
        .expect("a header row");
    let col = |h: &str| {
        rows[header]
            .iter()
            .position(|c| text(c) == h)
            .unwrap_or_else(|| panic!("no column {h}: {:?}", rows[header]))
    };
    let row = rows
        .iter()
        .find(|r| text(&r[col("任务")]).contains("加快深江铁路台山段建设"))
        .expect("the task's row");
    assert_eq!(text(&row[col("状态")]), "推进中");
    assert_eq!(text(&row[col("最新进展")]), "完成征地80%");
    assert_eq!(rows.len() - header - 1, 8, "every task, one row each");

    // Nothing else left behind: no temporary beside the files.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want = vec![
        name.clone(),
        "tasks.json".into(),
        "tasks.progress.json".into(),
    ];
    want.sort();
    assert_eq!(names, want);
    let _ = std::fs::remove_dir_all(&dir);
}
