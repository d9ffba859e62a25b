//! A newcomer's first run: `fengong extract my-plan.txt` outside the
//! repository writes `./tasks.json` and says what to run next; `--data` on
//! a plan document says to extract it first; `--name` tags the document.

use std::path::Path;

use crate::common::{fengong_in as fengong, stderr, stdout_ok};

/// A short plan as a town's office writes one: numbered measures, a
/// responsibility note.
const PLAN: &str = "江门市某镇乡村振兴三年行动方案\n\
一、主要任务\n\
（一）完善农村道路。推进村道硬底化，2025年底前完成。（责任单位：镇农业农村办）\n\
（二）发展特色农业。打造丝苗米产业园。\n";

fn plan_in(dir: &Path) {
    std::fs::write(dir.join("my-plan.txt"), PLAN).unwrap();
}

#[test]
fn extract_outside_the_repository_writes_tasks_json_here_and_says_what_next() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let out = fengong(&["extract", "my-plan.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("wrote tasks.json (1 documents"), "{err}");
    assert_eq!(
        err.trim_end().lines().last().unwrap(),
        "next: fengong --data tasks.json   (explore it; or: fengong --data tasks.json export -o tasks.xlsx)"
    );
    // The file it wrote is what the next step reads.
    let data = fengong::model::TaskData::load(&dir.path().join("tasks.json")).unwrap();
    assert_eq!(data.documents.len(), 1);
    assert_eq!(data.documents[0].tag(), "江门市某镇");
    let units = stdout_ok(&fengong(&["--data", "tasks.json", "units"], dir.path()));
    assert!(units.contains("农业农村办"), "{units}");
    // Quiet runs print nothing, the next step included.
    let out = fengong(&["extract", "my-plan.txt", "-q"], dir.path());
    assert!(out.status.success());
    assert!(stderr(&out).is_empty());
}

#[test]
fn where_there_is_a_data_folder_extract_writes_data_tasks_json() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let out = fengong(&["extract", "my-plan.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("data/tasks.json").is_file());
    assert!(!dir.path().join("tasks.json").exists());
    // Plain `fengong` reads data/tasks.json: the next step says so.
    assert!(stderr(&out).contains("next: fengong   (explore it"));
}

#[test]
fn a_tasks_json_that_is_not_task_data_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    std::fs::write(dir.path().join("tasks.json"), "{\"mine\": true}").unwrap();
    let out = fengong(&["extract", "my-plan.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("tasks.json: exists and is not a fengong task-data file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("tasks.json")).unwrap(),
        "{\"mine\": true}"
    );
}

#[test]
fn name_tags_the_document_in_trees_and_lists() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    let out = fengong(
        &["extract", "my-plan.txt", "--name", " 某镇\u{7}振兴 "],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let data = fengong::model::TaskData::load(&dir.path().join("tasks.json")).unwrap();
    // Control characters go, and the spaces around.
    assert_eq!(data.documents[0].tag(), "某镇振兴");
    // An empty name, and one name for two documents, are refused.
    let out = fengong(
        &["extract", "my-plan.txt", "--name", "  ", "-o", "a.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--name"), "{}", stderr(&out));
    std::fs::copy(dir.path().join("my-plan.txt"), dir.path().join("other.txt")).unwrap();
    let out = fengong(
        &[
            "extract",
            "my-plan.txt",
            "other.txt",
            "--name",
            "x",
            "-o",
            "b.json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--name names one document; these paths hold 2"));
    assert!(!dir.path().join("a.json").exists() && !dir.path().join("b.json").exists());
}

#[test]
fn data_that_is_a_plan_document_says_to_extract_it() {
    let dir = tempfile::tempdir().unwrap();
    plan_in(dir.path());
    // The explorer (even without a terminal) and every command say it.
    for args in [
        &["--data", "my-plan.txt"][..],
        &["--data", "my-plan.txt", "units"],
    ] {
        let out = fengong(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out).trim_end(),
            "fengong: my-plan.txt: is a plan document, not task data; turn it into task data first: \
             fengong extract my-plan.txt   then explore it: fengong --data tasks.json"
        );
    }
    // Text without a document ending: not JSON, so maybe a plan.
    std::fs::write(dir.path().join("notes"), "会议纪要\n").unwrap();
    let err = stderr(&fengong(&["--data", "notes", "units"], dir.path()));
    assert!(
        err.contains("notes: is not task data (not JSON); if it is a plan document")
            && err.contains("fengong extract notes"),
        "{err}"
    );
    // A damaged task-data file keeps its line and column.
    std::fs::write(dir.path().join("bad.json"), "{\"format\": 3").unwrap();
    let err = stderr(&fengong(&["--data", "bad.json", "units"], dir.path()));
    assert!(err.contains("bad.json: line 1, column 12"), "{err}");
    assert!(!err.contains("extract"), "{err}");
}
