//! `fengong overlaps` end to end: a data file on disk, the real binary.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::overlap::{Plan, data, with_filler};

/// Plans of 台山市, the western area and 江海区 (each with [`FILLER`]) in a
/// data file under `dir`, with overlaps stored or not.
fn three_plans(
    dir: &Path,
    [taishan, west, jianghai]: [&[(&str, &str)]; 3],
    with_overlaps: bool,
) -> std::path::PathBuf {
    let (taishan, west, jianghai) = (
        with_filler(taishan),
        with_filler(west),
        with_filler(jianghai),
    );
    let mut d = data(&[
        Plan {
            doc: "000_taishan",
            jurisdiction: "台山市",
            tasks: &taishan,
        },
        Plan {
            doc: "001_west",
            jurisdiction: "江门西部发展区",
            tasks: &west,
        },
        Plan {
            doc: "002_jianghai",
            jurisdiction: "江海区",
            tasks: &jianghai,
        },
    ]);
    if with_overlaps {
        d.overlaps = fengong::overlap::compute(&d);
    }
    let path = dir.join("tasks.json");
    std::fs::write(&path, d.to_json()).unwrap();
    path
}

fn plans_file(dir: &Path, with_overlaps: bool) -> std::path::PathBuf {
    three_plans(
        dir,
        [
            &[
                (
                    "推进台开快速路建设,完善广海湾港区集疏运体系。",
                    "台山市交通运输局",
                ),
                (
                    "发展川岛海岛旅游,建设上川岛旅游度假区。",
                    "台山市文化广电旅游体育局",
                ),
            ],
            &[
                ("加快台开快速路、黄茅海跨海通道建设。", "江门市交通运输局"),
                (
                    "支持上下川岛发展滨海旅游,打造川岛旅游度假区。",
                    "江门市文化广电旅游体育局",
                ),
            ],
            &[(
                "依托江门站枢纽,完善站前片区配套。",
                "江海区住房和城乡建设局",
            )],
        ],
        with_overlaps,
    )
}

fn fengong(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fengong"))
        .arg("--data")
        .arg(data)
        .arg("overlaps")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_records_have_both_sides_score_kind_and_terms() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path(), true);
    let records = jsonl(&fengong(&file, &["--format", "jsonl"]));
    assert!(records.len() >= 2, "{records:?}");
    let scores: Vec<f64> = records
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    for r in &records {
        for side in ["a", "b"] {
            let s = &r[side];
            assert!(s["doc"].is_string() && s["source"].as_str().unwrap().starts_with("seeds/"));
            assert!(s["line"].as_u64().unwrap() > 0);
            assert!(s["title"].is_string() && s["leads"].is_array());
        }
        assert_ne!(
            r["a"]["doc"], r["b"]["doc"],
            "cross-document only by default"
        );
        assert!(r["kind"].is_string());
        assert!(!r["shared"].as_array().unwrap().is_empty());
    }
    let kaiping = records
        .iter()
        .find(|r| r["a"]["task"] == "000_taishan:t1" && r["b"]["task"] == "001_west:t1")
        .expect("the 台开快速路 pair");
    assert_eq!(kaiping["kind"], "same_project");
    assert_eq!(kaiping["a"]["leads"][0], "台山市交通运输局");
    let terms: Vec<&str> = kaiping["shared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    assert!(terms.contains(&"台开快速路"), "{terms:?}");
}

#[test]
fn filters_by_document_and_score() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path(), true);
    let all = jsonl(&fengong(&file, &["--format", "jsonl"]));
    let best = all[0]["score"].as_f64().unwrap();
    let high = jsonl(&fengong(
        &file,
        &["--format", "jsonl", "--min-score", &format!("{best}")],
    ));
    assert!(!high.is_empty() && high.len() < all.len());
    // One --doc: every pair touches it; a unique prefix is enough.
    let one = jsonl(&fengong(&file, &["--format", "jsonl", "--doc", "000"]));
    assert!(!one.is_empty());
    assert!(
        one.iter()
            .all(|r| r["a"]["doc"] == "000_taishan" || r["b"]["doc"] == "000_taishan")
    );
    // Two: only pairs between them.
    let two = jsonl(&fengong(
        &file,
        &["--format", "jsonl", "--doc", "001", "--doc", "000"],
    ));
    assert!(!two.is_empty());
    assert!(two.iter().all(|r| {
        let docs = [
            r["a"]["doc"].as_str().unwrap(),
            r["b"]["doc"].as_str().unwrap(),
        ];
        docs.contains(&"000_taishan") && docs.contains(&"001_west")
    }));
}

#[test]
fn csv_has_bom_header_and_one_row_per_pair() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path(), true);
    let n = jsonl(&fengong(&file, &["--format", "jsonl"])).len();
    let out = fengong(&file, &["--format", "csv"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()), "UTF-8 BOM");
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "score");
    assert!(header.iter().any(|h| h == "a_leads"));
    assert_eq!(reader.records().count(), n);
}

#[test]
fn text_output_names_tasks_and_terms() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path(), true);
    let text = stdout(&fengong(&file, &[]));
    assert!(text.contains("000_taishan:t1"), "{text}");
    assert!(text.contains("台开快速路"), "{text}");
    assert!(text.contains("same_project"), "{text}");
}

#[test]
fn computes_overlaps_when_the_file_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path(), false);
    let records = jsonl(&fengong(&file, &["--format", "jsonl"]));
    assert!(records.iter().any(|r| r["a"]["task"] == "000_taishan:t1"));
}

#[test]
fn bad_arguments_fail_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path(), true);
    for (args, needle) in [
        (vec!["--doc", "999"], "--doc 999"),
        (vec!["--doc", "00"], "ambiguous"),
        (vec!["--min-score", "1.5"], "--min-score"),
    ] {
        let out = fengong(&file, &args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    let missing = fengong(&dir.path().join("nope.json"), &[]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.json"));
}

#[test]
fn overlaps_by_default_parallel_pairs_on_request() {
    // 台山 and 江海区 are siblings: their shared 农村人居环境整治 is a
    // parallel measure; 台山's and the western area's 台开快速路 is an overlap.
    let dir = tempfile::tempdir().unwrap();
    let measure = "聚焦农村人居环境整治,深化农村厕所革命,完善生活垃圾收运处理体系。";
    let file = three_plans(
        dir.path(),
        [
            &[
                (
                    "推进台开快速路建设,完善广海湾港区集疏运体系。",
                    "台山市交通运输局",
                ),
                (measure, "台山市农业农村局"),
            ],
            &[("加快台开快速路、黄茅海跨海通道建设。", "江门市交通运输局")],
            &[(measure, "江海区农业农村局")],
        ],
        true,
    );
    let relations = |args: &[&str]| -> Vec<(String, String)> {
        let mut all = vec!["--format", "jsonl"];
        all.extend_from_slice(args);
        jsonl(&fengong(&file, &all))
            .iter()
            .map(|r| {
                assert!(r["places"].is_string() && r["topic"].is_number());
                (
                    format!(
                        "{}~{}",
                        r["a"]["task"].as_str().unwrap(),
                        r["b"]["task"].as_str().unwrap()
                    ),
                    r["relation"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let overlaps = relations(&[]);
    assert!(
        overlaps.iter().all(|(_, r)| r != "parallel"),
        "{overlaps:?}"
    );
    assert!(overlaps.contains(&("000_taishan:t1~001_west:t1".into(), "project".into())));
    let parallel = relations(&["--parallel"]);
    assert!(!parallel.is_empty() && parallel.iter().all(|(_, r)| r == "parallel"));
    assert!(
        parallel
            .iter()
            .any(|(p, _)| p == "000_taishan:t2~002_jianghai:t1"),
        "{parallel:?}"
    );
    let all = relations(&["--all"]);
    assert_eq!(all.len(), overlaps.len() + parallel.len());
    assert_eq!(&all[..overlaps.len()], &overlaps[..], "overlaps first");
    // The two flags exclude each other.
    let out = fengong(&file, &["--parallel", "--all"]);
    assert!(!out.status.success());
    // CSV has the relation; text says it.
    let out = fengong(&file, &["--format", "csv", "--parallel"]);
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = header.iter().position(|h| h == "relation").unwrap();
    assert!(reader.records().all(|r| &r.unwrap()[col] == "parallel"));
    let text = stdout(&fengong(&file, &["--parallel"]));
    assert!(text.contains("parallel (places apart"), "{text}");
}
