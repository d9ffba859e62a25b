//! `fengong units`, `search` and `filter` run as a user runs them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use fengong::model::TaskData;

fn fengong(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fengong"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run fengong");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // Feed on a thread so a large input cannot deadlock against the output.
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn data_file() -> (TaskData, tempfile::NamedTempFile) {
    let data = fengong::synth::generate(&TaskData::new(), 200, 5);
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(data.to_json().as_bytes()).unwrap();
    (data, f)
}

#[test]
fn filter_skips_invalid_utf8_and_reports_the_count() {
    let mut input = Vec::new();
    input.extend_from_slice("市交通运输局\n".as_bytes());
    input.extend_from_slice(b"\xc3\x28 broken\n");
    input.extend_from_slice("市发展和改革局\r\n".as_bytes());
    input.extend_from_slice(b"\xe5\x8f\n"); // a character cut in half
    input.extend_from_slice("发改局".as_bytes()); // no final newline
    let out = fengong(&["filter", "fgj"], &input);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "发改局\n市发展和改革局\n"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("skipped 2 of 5 input lines"), "{err}");
}

#[test]
fn filter_exits_1_when_nothing_matches_and_survives_a_huge_query() {
    let out = fengong(&["filter", "zzz"], "发改局\n".as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let huge = "发".repeat(10_000);
    let out = fengong(&["filter", &huge], "发改局\n".as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let out = fengong(&["filter", " "], "b\na\n".as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "b\na\n");
}

#[test]
fn filter_streams_many_lines() {
    let lines = fengong::synth::lines(&TaskData::new(), 200_000, 9);
    let mut input = lines.join("\n").into_bytes();
    input.push(b'\n');
    let expected = lines.iter().filter(|l| l.contains("发展和改革局")).count();
    assert!(expected > 0);
    let out = fengong(&["filter", "'发展和改革局"], &input);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        expected
    );
}

#[test]
fn units_ranks_and_prints_json() {
    let (_, f) = data_file();
    let path = f.path().to_str().unwrap();
    let out = fengong(
        &["units", "fgj", "--data", path, "--json", "--limit", "3"],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 3);
    assert_eq!(rows[0]["name"], "台山市发展和改革局");
    assert!(rows[0]["lead"].as_u64().unwrap() > 0);
    // Highlights are positions in the Chinese name: 台山市[发]展和改[革][局].
    let name: Vec<char> = "台山市发展和改革局".chars().collect();
    let lit: String = rows[0]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| name[i.as_u64().unwrap() as usize])
        .collect();
    assert_eq!(lit, "发革局");

    let out = fengong(&["units", "--data", path, "--limit", "2"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("lead") && text.contains("partner"));

    let out = fengong(&["units", "qqqqqq", "--data", path], b"");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn search_prints_one_line_per_task() {
    let (data, f) = data_file();
    let path = f.path().to_str().unwrap();
    let title = &data.tasks[17].title;
    let out = fengong(&["search", &format!("^{title}$"), "--data", path], b"");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "{line}");
        assert_eq!(cols[3], title, "{line}");
    }
    let task = &data.tasks[17];
    let expected = format!(
        "{}\t{}\t{}\t{}\t{}\t-",
        task.doc,
        // Goal titles are cut to 30 columns.
        fengong::text::truncate_to_width(
            &data.goals.iter().find(|g| g.id == task.goal).unwrap().title,
            30
        ),
        task.number.as_deref().unwrap(),
        task.title,
        task.leads
            .iter()
            .map(|l| l.written.as_str())
            .collect::<Vec<_>>()
            .join("、")
    );
    assert!(lines.contains(&expected.as_str()), "{expected}\n{text}");
}

/// `search 发改局` finds the bureau's tasks through its alias, and those of
/// a town through its group, as `export --unit` does; they come first,
/// with the unit's role in the last column.
#[test]
fn search_expands_unit_names_and_groups_like_export() {
    let export = fengong(&["export", "--unit", "发改局", "--format", "json"], b"");
    let exported: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let keys: Vec<&str> = exported
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert!(!keys.is_empty());
    let data = TaskData::from_json(fengong::bundled::BUNDLED_JSON).unwrap();
    let out = fengong(&["search", "发改局", "--json", "--limit", "500"], b"");
    assert!(out.status.success(), "{out:?}");
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_unit: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["matched_in"] == "unit")
        .map(|r| {
            let id = r["id"].as_str().unwrap();
            data.tasks
                .iter()
                .find(|t| t.id.0 == id)
                .unwrap()
                .key
                .as_str()
        })
        .collect();
    assert_eq!(by_unit, keys);
    // In simplified or traditional characters; in the text the role is last.
    let out = fengong(&["search", "發改局"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), keys.len(), "{text}");
    assert!(
        text.lines()
            .all(|l| l.ends_with("牵头") || l.ends_with("配合")),
        "{text}"
    );
    // A town finds the tasks of its group.
    let out = fengong(&["search", "台城街道"], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("配合·经由台山市北部7镇"), "{text}");
}

/// Nothing found: one line on standard error says so, and the status is 1.
#[test]
fn empty_results_say_so_on_stderr_and_exit_1() {
    for (args, says) in [
        (
            &["search", "qqqqxqqqq"][..],
            "no task matches \"qqqqxqqqq\"",
        ),
        (&["units", "qqqqxqqqq"][..], "no unit matches \"qqqqxqqqq\""),
        (
            &["filter", "qqqqxqqqq"][..],
            "no line matches \"qqqqxqqqq\"",
        ),
    ] {
        let out = fengong(args, "发改局\n".as_bytes());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim(), format!("fengong: {says}"), "{args:?}");
    }
}

#[test]
fn bad_data_file_is_named_in_one_line() {
    let out = fengong(&["units", "fgj", "--data", "/nonexistent/tasks.json"], b"");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/nonexistent/tasks.json"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
