//! `fengong export` run as a program: formats, filters, files and errors.

use std::path::PathBuf;
use std::process::{Command, Output};

use crate::common::{BIN, temp_dir};

fn fixture() -> PathBuf {
    crate::common::fixture("small.json")
}

fn export(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("export")
        .arg("--data")
        .arg(fixture())
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn jsonl_records_have_every_field() {
    let out = stdout(&export(&["--unit", "台城街道"]));
    let recs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    let r = &recs[0];
    for key in [
        "doc",
        "doc_title",
        "source",
        "line",
        "region",
        "goal",
        "task_no",
        "title",
        "text",
        "leads",
        "partners",
        "lead_units",
        "partner_units",
        "lead_mode",
        "mentions",
        "deadline",
        "via_group",
        "key",
        "due_kind",
        "due_end",
        "status",
        "latest_note",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    assert_eq!(r["doc"], "000_taishan");
    assert_eq!(r["leads"][0], "产业转移工业园");
    assert_eq!(r["lead_units"][0], "台山市产业转移工业园");
    assert_eq!(r["via_group"], "北部7镇");
    assert_eq!(r["lead_mode"], "single");
    assert_eq!(r["line"], 46);
}

#[test]
fn filters_combine() {
    let all = stdout(&export(&[])).lines().count();
    assert_eq!(all, 10);
    let lead = stdout(&export(&["--unit", "发改局", "--role", "lead"]));
    assert_eq!(lead.lines().count(), 1);
    let partner = stdout(&export(&["--unit", "市发展和改革局", "--role", "partner"]));
    assert_eq!(partner.lines().count(), 2);
    let doc = stdout(&export(&["--doc", "001", "--query", "公路"]));
    assert_eq!(doc.lines().count(), 1);
    let region = stdout(&export(&["--region", "北部产城融合中心"]));
    assert_eq!(region.lines().count(), 4);
}

#[test]
fn json_csv_and_markdown() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&export(&["--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 10);
    let csv = stdout(&export(&["--format", "csv"]));
    assert!(csv.starts_with("\u{feff}文档,"));
    for h in ["区域", "目标", "序号", "任务", "牵头单位", "配合单位"] {
        assert!(csv.lines().next().unwrap().contains(h), "{h}");
    }
    let md = stdout(&export(&["--format", "md", "--unit", "川岛镇"]));
    assert!(md.starts_with("| 文档 |"));
    assert_eq!(md.lines().count(), 2 + 3);
}

#[test]
fn output_file_is_refused_when_present_unless_forced() {
    let dir = temp_dir("force");
    let p = dir.join("out.csv");
    let o = export(&["-o", p.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        std::fs::read_to_string(&p).unwrap().starts_with('\u{feff}'),
        "format from extension"
    );
    std::fs::write(&p, "mine").unwrap();
    let o = export(&["-o", p.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("out.csv") && err.contains("--force"), "{err}");
    assert_eq!(err.trim().lines().count(), 1);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "mine");
    assert!(
        export(&["-o", p.to_str().unwrap(), "--force"])
            .status
            .success()
    );
    assert_ne!(std::fs::read_to_string(&p).unwrap(), "mine");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn errors_are_one_line_and_leave_no_file() {
    let dir = temp_dir("errors");
    let missing = dir.join("nope/out.jsonl");
    let o = export(&["-o", missing.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nope/out.jsonl"), "{err}");
    assert!(!missing.exists());

    let o = export(&["--unit", "不存在的局"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("不存在的局"));

    let o = export(&["--format", "docx"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("docx"));

    let o = Command::new(BIN)
        .args(["export", "--data", "/no/such/tasks.json"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/no/such/tasks.json"));
    assert_eq!(err.trim().lines().count(), 1);

    let o = export(&["--format", "xlsx"]);
    assert!(!o.status.success(), "xlsx cannot go to stdout");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    // The repository's data: several hundred KB of records, more than a
    // pipe holds, so the writer sees the reader go away.
    for format in ["jsonl", "csv", "md"] {
        let mut child = Command::new(BIN)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["export", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn xlsx_is_a_formatted_task_table_with_the_csv_columns() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = temp_dir("xlsx");
    let path = dir.join("台城街道.xlsx");
    let o = export(&["--unit", "台城街道", "-o", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv_text = stdout(&export(&["--unit", "台城街道", "--format", "csv"]));
    let mut csv_rows = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let csv_headers: Vec<String> = csv_rows
        .headers()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    let csv_records = csv_rows.records().count();

    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["台账", "按牵头单位", "全部字段"]);
    let range = book.worksheet_range("全部字段").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    // A title row says what was exported; the header row follows.
    assert!(rows[0][0].contains("单位：台山市台城街道"), "{:?}", rows[0]);
    assert_eq!(rows[1], csv_headers, "same columns as CSV");
    assert_eq!(rows.len() - 2, csv_records, "same records as CSV");
    assert!(
        rows[2..]
            .iter()
            .any(|r| r.iter().any(|c| c.contains("北部7镇")))
    );
    // Only the finished file is left in the folder.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
