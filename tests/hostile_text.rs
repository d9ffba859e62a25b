//! Document text never controls the terminal, and CSV cells are never
//! formulas: every output path of the CLI on data and documents carrying
//! escape sequences, bidi overrides and formula prefixes.

use fengong::tui::input::{Edit, TextInput};

use crate::common::{run_in, small_json_with, stderr};

/// What must never reach a terminal: ESC, BEL, CSI/OSC as C1, bidi overrides.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad = text.chars().find(|&c| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    assert!(bad.is_none(), "{what}: raw {bad:?} in output:\n{text}");
    assert!(!text.contains("PWNED"), "{what}: payload survived:\n{text}");
}

/// small.json with escape sequences in a document title and source, a
/// goal, a task title and text, and a unit's name.
fn hostile_data(dir: &std::path::Path) -> String {
    let json = small_json_with(|v| {
        v["documents"][0]["title"] = "台山\u{1b}]0;PWNED\u{7}方案\u{1b}[2J".into();
        v["documents"][0]["source"] = "seeds/\u{1b}[?1000h000.txt".into();
        v["goals"][0]["title"] = "目标\u{9d}0;PWNED\u{9c}一".into();
        v["tasks"][0]["title"] = "加快\u{1b}]52;c;PWNED\u{1b}\\建设\u{202e}txt.exe".into();
        v["tasks"][0]["text"] = "全文\u{9b}31m红\u{1b}P1$rPWNED\u{1b}\\".into();
        v["units"][0]["name"] = "台山市\u{1b}]0;PWNED\u{7}发展和改革局".into();
    });
    let path = dir.join("hostile.json");
    std::fs::write(&path, json).unwrap();
    path.display().to_string()
}

#[test]
fn no_command_prints_escape_sequences_from_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = hostile_data(dir.path());
    let runs: &[&[&str]] = &[
        &["units"],
        &["units", "fagai"],
        &["units", "--json"],
        &["search", "加快"],
        &["search", "加快", "--json"],
        &["overlaps", "--within"],
        &["overlaps", "--within", "--format", "csv"],
        &["overlaps", "--within", "--format", "jsonl"],
        &["export", "--format", "md"],
        &["export", "--format", "csv"],
        &["export", "--format", "json"],
        &["export", "--format", "jsonl"],
    ];
    for args in runs {
        let mut all = vec!["--data", data.as_str()];
        all.extend_from_slice(args);
        let out = run_in(&all, dir.path(), b"");
        assert_clean(&format!("{args:?} stdout"), &out.stdout);
        assert_clean(&format!("{args:?} stderr"), &out.stderr);
    }
    // The task is still there, readable.
    let out = run_in(&["--data", &data, "search", "加快建设"], dir.path(), b"");
    assert!(String::from_utf8_lossy(&out.stdout).contains("加快建设txt.exe"));
}

#[test]
fn file_names_with_escapes_are_shown_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let name = "plan\u{1b}]0;PWNED\u{7}.json";
    let out = run_in(&["--data", name, "units"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("plan\\u001b]0;"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
    // A document named so, extracted: its progress and report lines too.
    let doc = dir.path().join("计划\u{1b}[2J.txt");
    std::fs::write(&doc, "二、重点任务\n1.加快交通建设。（市交通运输局牵头）\n").unwrap();
    let out = run_in(
        &["extract", doc.to_str().unwrap(), "-o", "t.json"],
        dir.path(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!out.stderr.contains(&0x1b), "{}", stderr(&out));
    assert!(stderr(&out).contains("\\u001b[2J"), "{}", stderr(&out));
}

#[test]
fn extracted_titles_and_warnings_carry_no_controls() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("plan.txt");
    let mut text = String::from("台山市\u{1b}]0;PWNED\u{7}加快发展实施方案\n");
    text.push_str(&"二、重点任务\n1.加快交通建设。（市交通运输局牵头）\n".repeat(30));
    std::fs::write(&doc, text).unwrap();
    let out = run_in(&["extract", "plan.txt", "-o", "-"], dir.path(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_clean("extract stderr", &out.stderr);
    assert_clean("extract stdout", &out.stdout);
}

#[test]
fn explorer_paste_strips_whole_sequences() {
    let mut t = TextInput::default();
    t.apply(&Edit::Paste("台\u{1b}]0;PWNED\u{7}山\u{1b}[2J市\n".into()));
    assert_eq!(t.text(), "台山市");
}

/// small.json with formula-looking titles.
fn formula_data(dir: &std::path::Path) -> String {
    let json = small_json_with(|v| {
        v["tasks"][0]["title"] = "=HYPERLINK(\"http://x\",\"点击\")".into();
        v["tasks"][1]["title"] = "@SUM(1+1)".into();
        v["tasks"][2]["title"] = "+1".into();
        v["tasks"][3]["title"] = "-2+3".into();
        v["tasks"][4]["title"] = "\tcmd".into();
    });
    let path = dir.join("formula.json");
    std::fs::write(&path, json).unwrap();
    path.display().to_string()
}

fn csv_titles(bytes: &[u8], column: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut rd = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let i = rd
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == column)
        .unwrap();
    rd.records().map(|r| r.unwrap()[i].to_owned()).collect()
}

#[test]
fn csv_cells_never_start_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let data = formula_data(dir.path());
    let out = run_in(
        &["--data", &data, "export", "--format", "csv"],
        dir.path(),
        b"",
    );
    let titles = csv_titles(&out.stdout, "任务");
    for t in &titles {
        assert!(
            !t.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{titles:?}"
        );
    }
    assert!(
        titles.contains(&"'=HYPERLINK(\"http://x\",\"点击\")".to_owned()),
        "{titles:?}"
    );
    assert!(titles.contains(&"'-2+3".to_owned()));
    // The same through -o FILE.csv.
    let out = run_in(&["--data", &data, "export", "-o", "x.csv"], dir.path(), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let file = std::fs::read(dir.path().join("x.csv")).unwrap();
    assert!(csv_titles(&file, "任务").contains(&"'@SUM(1+1)".to_owned()));
}

#[test]
fn overlaps_csv_cells_never_start_a_formula() {
    use crate::common::overlap::{Plan, data};
    let text = "=cmd|' /C calc'!A0 推进广海湾港区码头航道建设,完善集疏运体系。";
    let d = data(&[
        Plan {
            doc: "a",
            jurisdiction: "江门市",
            tasks: &[(text, "")],
        },
        Plan {
            doc: "b",
            jurisdiction: "台山市",
            tasks: &[(text, "")],
        },
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("o.json");
    std::fs::write(&path, d.to_json()).unwrap();
    let out = run_in(
        &[
            "--data",
            path.to_str().unwrap(),
            "overlaps",
            "--format",
            "csv",
        ],
        dir.path(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let titles = csv_titles(&out.stdout, "a_title");
    assert!(!titles.is_empty());
    assert!(titles.iter().all(|t| t.starts_with("'=")), "{titles:?}");
}
