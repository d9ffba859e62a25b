//! `fengong extract` as a user runs it: reports, output files, bad input.

use crate::common::{fengong_in as fengong, seeds, stderr};

#[test]
fn extracts_a_folder_and_reports_each_document() {
    let dir = tempfile::tempdir().unwrap();
    let out = fengong(&["extract", &seeds(), "-o", "t.json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stderr(&out);
    assert!(report.contains("台山市加快构建“三大中心”区域发展新格局实施方案"));
    assert!(report.contains("34 tasks, 34 with a lead unit, 0 without"));
    assert!(report.contains("wrote t.json (5 documents"));
    let data = fengong::model::TaskData::load(&dir.path().join("t.json")).unwrap();
    assert_eq!(data.documents.len(), 5);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["t.json"]);
}

#[test]
fn standard_output_and_single_files() {
    let dir = tempfile::tempdir().unwrap();
    let one = format!("{}/003_96b9eae46c056bec.txt", seeds());
    let out = fengong(&["extract", &one, "-o", "-", "-q"], dir.path());
    assert!(out.status.success());
    let data = fengong::model::TaskData::from_json(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(data.tasks.len(), 20);
    assert!(stderr(&out).is_empty());
}

#[test]
fn missing_path_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = fengong(&["extract", "no/such/plan.txt", "-o", "t.json"], dir.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no/such/plan.txt: no such file or folder"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("t.json").exists());
}

#[test]
fn empty_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let out = fengong(&["extract", "empty", "-o", "t.json"], dir.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("empty: no documents in this folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_document_without_tasks_warns_and_the_others_still_extract() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(
        dir.path().join("in/a.txt"),
        "今天天气很好。\n我们去公园散步。\n",
    )
    .unwrap();
    std::fs::copy(
        format!("{}/003_96b9eae46c056bec.txt", seeds()),
        dir.path().join("in/b.txt"),
    )
    .unwrap();
    let out = fengong(&["extract", "in", "-o", "t.json"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: in/a.txt:1: no tasks found"),
        "{}",
        stderr(&out)
    );
    let data = fengong::model::TaskData::load(&dir.path().join("t.json")).unwrap();
    assert_eq!(data.tasks.len(), 20);
}

#[test]
fn never_overwrites_a_file_that_is_not_task_data() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.json"), "my notes").unwrap();
    let one = format!("{}/003_96b9eae46c056bec.txt", seeds());
    let out = fengong(&["extract", &one, "-o", "notes.json"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("notes.json: exists and is not a fengong task-data file"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.json")).unwrap(),
        "my notes"
    );
    // A task-data file is replaced; --force replaces anything.
    let out = fengong(
        &["extract", &one, "-o", "notes.json", "--force", "-q"],
        dir.path(),
    );
    assert!(out.status.success());
    let out = fengong(&["extract", &one, "-o", "notes.json", "-q"], dir.path());
    assert!(out.status.success());
}

#[test]
fn output_in_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let one = format!("{}/003_96b9eae46c056bec.txt", seeds());
    let out = fengong(&["extract", &one, "-o", "missing/t.json", "-q"], dir.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("missing/t.json: folder does not exist"),
        "{}",
        stderr(&out)
    );
}
