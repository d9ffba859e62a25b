//! Hostile task-data files: devices and FIFOs given as `--data`, a BOM,
//! standard input, dangling references and region cycles.

use std::time::{Duration, Instant};

use fengong::model::{Problem, RegionId, TaskData};

use crate::common::{fixture, run_in, small_json_with, stderr};

fn small() -> String {
    std::fs::read_to_string(fixture("small.json")).unwrap()
}

/// Runs `fengong --data PATH export --format jsonl` and returns the output.
fn export_from(path: &str, stdin: &[u8]) -> std::process::Output {
    let start = Instant::now();
    let out = run_in(
        &["--data", path, "export", "--format", "jsonl"],
        &std::env::temp_dir(),
        stdin,
    );
    assert!(start.elapsed() < Duration::from_secs(30), "{path}");
    out
}

#[test]
fn devices_and_fifos_are_named_not_read() {
    for (path, what) in [
        ("/dev/zero", "a character device"),
        ("/dev/null", "a character device"),
    ] {
        let out = export_from(path, b"");
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = stderr(&out);
        assert!(err.contains(path) && err.contains(what), "{path}: {err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let out = export_from(fifo.to_str().unwrap(), b"");
    let err = stderr(&out);
    assert!(err.contains("a named pipe (FIFO)"), "{err}");
    let out = export_from(dir.path().to_str().unwrap(), b"");
    assert!(stderr(&out).contains("is a folder"), "{}", stderr(&out));
}

#[test]
fn a_byte_order_mark_and_standard_input_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.json");
    std::fs::write(&path, format!("\u{feff}{}", small())).unwrap();
    let out = export_from(path.to_str().unwrap(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 10);
    let out = export_from("-", small().as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 10);
}

/// small.json with one task's goal, one goal's region and a region cycle broken.
fn damaged() -> String {
    small_json_with(|v| {
        v["tasks"][0]["goal"] = "000_taishan:g99".into();
        v["goals"][1]["region"] = "无此区域".into();
        // 江门市 → 台山市 → 西部发展区 → 江门市.
        v["regions"][0]["parent"] = "台山市".into();
    })
}

#[test]
fn dangling_references_and_cycles_are_reported_and_every_task_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.json");
    std::fs::write(&path, damaged()).unwrap();
    let out = export_from(path.to_str().unwrap(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("goal 000_taishan:g99 does not exist"), "{err}");
    assert!(err.contains("region 无此区域 does not exist"), "{err}");
    assert!(err.contains("regions form a cycle"), "{err}");
    assert!(err.contains("no place in the region/goal tree"), "{err}");
    // Every task is still exported.
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 10);
}

#[test]
fn the_loader_lists_unplaced_tasks_and_cuts_cycles() {
    let loaded = TaskData::from_json_checked(&damaged()).unwrap();
    let d = &loaded.data;
    let goal1 = &d.goals[1].id;
    let mut expected: Vec<usize> = vec![0];
    expected.extend(
        d.tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| &t.goal == goal1)
            .map(|(i, _)| i),
    );
    expected.sort();
    expected.dedup();
    assert_eq!(loaded.unplaced, expected);
    let cycle = loaded
        .problems
        .iter()
        .find_map(|p| match p {
            Problem::RegionCycle(ids) => Some(ids.clone()),
            _ => None,
        })
        .expect("a cycle");
    assert_eq!(cycle.len(), 3);
    // The cut leaves a tree: 江门市 (the first region of the cycle) is a root.
    assert_eq!(d.regions[0].parent, None);
    assert_eq!(d.regions[2].parent, Some(RegionId::from("西部发展区")));
    // A clean file has no problems.
    let clean = TaskData::from_json_checked(&small()).unwrap();
    assert!(clean.problems.is_empty() && clean.unplaced.is_empty());
}

#[test]
fn control_characters_in_a_data_file_are_stripped_on_load() {
    let json = small_json_with(|v| {
        v["tasks"][0]["title"] = "加快\u{1b}]0;PWNED\u{7}建设\u{9b}2J\u{202e}".into();
    });
    let loaded = TaskData::from_json_checked(&json).unwrap();
    assert_eq!(loaded.data.tasks[0].title, "加快建设");
    assert_eq!(loaded.problems, [Problem::ControlsStripped(1)]);
}

#[test]
fn extract_over_a_device_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("plan.txt");
    std::fs::write(&doc, "二、重点任务\n1.加快交通建设。（市交通运输局牵头）\n").unwrap();
    let start = Instant::now();
    let out = run_in(
        &["extract", doc.to_str().unwrap(), "-o", "/dev/zero", "-q"],
        dir.path(),
        b"",
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("a character device"),
        "{}",
        stderr(&out)
    );
}
