//! Coverage of a higher plan by the plans below it, as a library and as
//! `fengong coverage`: hand-written plans with a known split into taken
//! up, partly and not taken up, and the real case of the seeds (江门市西部
//! 发展区 against 台山市).

use std::path::Path;

use crate::common::overlap::{FILLER, Plan, TOPICS, data, goal_about, western_area, with_filler};
use crate::common::{fengong, stderr, stdout_ok};
use fengong::model::{DocId, TaskData};
use fengong::overlap::coverage::{CoverageError, CoverageStatus, coverage, lower_plans};
use fengong::overlap::places::Scope;

/// The western area's plan (t1–t6) against 台山's (t1–t3) and 新会区's,
/// which is not below it. What 台山 takes up is known by construction:
/// - t1 黄茅海跨海通道 and t2 农村人居环境整治: taken up (the same project,
///   the same measure);
/// - t3 海绵城市: 台山 has nothing on it, not taken up;
/// - t4 is about 开平 (its title says so): not 台山's, out of scope;
/// - t5 is about 广海湾区, which takes in 台山's coast: taken up (LNG);
/// - t6 shares only 川岛 with a 台山 task on another subject: partly.
fn plans() -> TaskData {
    let west = with_filler(&[
        (
            "加快黄茅海跨海通道建设,串接珠海高栏港经济区和江门西部发展区。",
            "江门市交通运输局",
        ),
        (
            "全面推进农村人居环境整治,实施农村厕所革命,健全生活垃圾收运体系。",
            "江门市农业农村局",
        ),
        (
            "=建设海绵城市,推广透水铺装和雨水花园,消除城市易涝点。",
            "江门市住房和城乡建设局",
        ),
        (
            "开平碉楼文化旅游区提升。推动碉楼与村落申遗成果转化,打造碉楼主题精品酒店。",
            "开平市文化广电旅游体育局",
        ),
        (
            "积极推动广海湾LNG接收站项目建设,引进光伏发电等新能源产业项目。",
            "江门市发展和改革局",
        ),
        (
            "推动川岛海岛度假和邮轮游艇旅游发展,打造国际知名海岛旅游目的地。",
            "江门市文化广电旅游体育局",
        ),
    ]);
    let taishan: Vec<(&str, &str)> = [
        (
            "开工建设黄茅海跨海通道台山段,同步完善连接线。",
            "台山市交通运输局",
        ),
        (
            "聚焦农村人居环境整治,深化厕所革命,完善农村生活垃圾收运体系。",
            "台山市农业农村局",
        ),
        (
            "加快广海湾LNG接收站建设,发展热电冷能源联供产业。",
            "广海湾经济开发区",
        ),
        ("加快川岛三大码头升级改造,提升渔港避风能力。", "川岛镇"),
    ]
    .into_iter()
    .chain(TOPICS.iter().copied())
    .collect();
    let xinhui = with_filler(&[(
        "建设海绵城市,推广透水铺装和雨水花园。",
        "新会区住房和城乡建设局",
    )]);
    let mut d = data(&[
        Plan {
            doc: "west",
            jurisdiction: "江门西部发展区",
            tasks: &west,
        },
        Plan {
            doc: "ts",
            jurisdiction: "台山市",
            tasks: &taishan,
        },
        Plan {
            doc: "xh",
            jurisdiction: "新会区",
            tasks: &xinhui,
        },
    ]);
    western_area(&mut d);
    goal_about(&mut d, "west:t5", "江门西部发展区/广海湾区");
    d.overlaps = fengong::overlap::compute(&d);
    d
}

fn status_of(c: &fengong::overlap::coverage::Coverage, task: &str) -> Option<CoverageStatus> {
    c.items
        .iter()
        .find(|i| i.task.as_str() == task)
        .map(|i| i.status)
}

#[test]
fn a_known_split_into_taken_up_partly_and_not_taken_up() {
    let d = plans();
    let c = coverage(&d, &DocId::from("west"), &[]).unwrap();
    assert_eq!(c.lower, [DocId::from("ts")], "新会区 is not below the west");
    assert_eq!(
        lower_plans(&d, &DocId::from("west")).unwrap(),
        [DocId::from("ts")]
    );
    assert_eq!(status_of(&c, "west:t1"), Some(CoverageStatus::TakenUp));
    assert_eq!(status_of(&c, "west:t2"), Some(CoverageStatus::TakenUp));
    assert_eq!(status_of(&c, "west:t3"), Some(CoverageStatus::NotTakenUp));
    assert_eq!(status_of(&c, "west:t4"), None);
    assert!(c.out_of_scope.iter().any(|t| t.as_str() == "west:t4"));
    assert_eq!(status_of(&c, "west:t5"), Some(CoverageStatus::TakenUp));
    assert_eq!(status_of(&c, "west:t6"), Some(CoverageStatus::Partly));
    // The evidence: who takes it up, with what.
    let item = c
        .items
        .iter()
        .find(|i| i.task.as_str() == "west:t1")
        .unwrap();
    assert_eq!(item.takers[0].task.as_str(), "ts:t1");
    assert!(
        item.takers[0]
            .shared
            .iter()
            .any(|t| t.term == "黄茅海跨海通道")
    );
    assert_eq!(item.places[0].as_str(), "台山市");
    assert_eq!(item.scope, Scope::WholeArea);
    let lng = c
        .items
        .iter()
        .find(|i| i.task.as_str() == "west:t5")
        .unwrap();
    assert_eq!(lng.scope, Scope::Subregion);
    assert_eq!(lng.takers[0].task.as_str(), "ts:t3");
    // Takers come only from the lower plans (新会区 has 海绵城市 too).
    assert!(
        c.items
            .iter()
            .all(|i| i.takers.iter().all(|t| t.task.as_str().starts_with("ts:")))
    );
}

#[test]
fn plans_that_are_not_below_are_refused() {
    let d = plans();
    assert_eq!(
        coverage(&d, &DocId::from("west"), &[DocId::from("xh")]),
        Err(CoverageError::NotBelow(
            DocId::from("xh"),
            DocId::from("west")
        ))
    );
    assert_eq!(
        coverage(&d, &DocId::from("ts"), &[]),
        Err(CoverageError::NoLowerPlans(DocId::from("ts")))
    );
    assert!(matches!(
        coverage(&d, &DocId::from("nope"), &[]),
        Err(CoverageError::UnknownDocument(_))
    ));
}

#[test]
fn the_western_area_against_taishan_on_the_seeds() {
    let d = &crate::common::overlap::SEEDS.0;
    let west = d
        .documents
        .iter()
        .find(|x| x.id.as_str().starts_with("001"))
        .unwrap();
    let c = coverage(d, &west.id, &[]).unwrap();
    assert_eq!(c.lower.len(), 1);
    assert!(c.lower[0].as_str().starts_with("000"));
    let title =
        |id: &fengong::model::TaskId| d.tasks.iter().find(|t| &t.id == id).unwrap().title.as_str();
    let status = |t: &str| {
        c.items
            .iter()
            .find(|i| title(&i.task) == t)
            .map(|i| i.status)
    };
    // The crossing, the ports, the LNG terminal, the parks: taken up.
    for t in [
        "构建高品质快速交通网",
        "提升通航能力与航道水平",
        "台山广海湾工业园区",
        "构建区域公园体系",
    ] {
        assert_eq!(status(t), Some(CoverageStatus::TakenUp), "{t}");
    }
    // Work for 开平 and 恩平 only is not 台山's to take up.
    for t in [
        "开平翠山湖科技产业园",
        "恩平市工业园",
        "探索乡村振兴的新路径",
    ] {
        assert_eq!(status(t), None, "{t}");
    }
    // 台山's plan has nothing on administrative reform or sponge cities.
    for t in ["深化行政审批制度改革", "建设海绵城市"] {
        assert_eq!(status(t), Some(CoverageStatus::NotTakenUp), "{t}");
    }
}

// --- The command ---

fn plans_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("tasks.json");
    std::fs::write(&path, plans().to_json()).unwrap();
    path
}

fn run(file: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--data", file.to_str().unwrap(), "coverage"];
    all.extend_from_slice(args);
    fengong(&all)
}

#[test]
fn jsonl_has_one_record_per_higher_task_with_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path());
    let out = stdout_ok(&run(&file, &["--doc", "west", "--format", "jsonl"]));
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let tasks: Vec<&str> = records
        .iter()
        .map(|r| r["task"]["task"].as_str().unwrap())
        .collect();
    // The western plan's own tasks, then its filler (which 台山 does not
    // take up); t4 is 开平's.
    assert_eq!(
        &tasks[..5],
        ["west:t1", "west:t2", "west:t3", "west:t5", "west:t6"]
    );
    assert_eq!(tasks.len(), 5 + FILLER.len());
    assert!(records[5..].iter().all(|r| r["status"] == "not_taken_up"));
    let first = &records[0];
    assert_eq!(first["status"], "taken_up");
    assert_eq!(first["places"][0], "台山市");
    assert_eq!(first["scope"], "whole_area");
    assert_eq!(first["task"]["leads"][0], "江门市交通运输局");
    let taker = &first["takers"][0];
    assert_eq!(taker["task"], "ts:t1");
    assert_eq!(taker["relation"], "project");
    assert!(taker["score"].as_f64().unwrap() >= 0.4);
    assert!(taker["shared"][0]["term"].is_string() && taker["shared"][0]["kind"].is_string());
    assert_eq!(records[2]["status"], "not_taken_up");
    assert_eq!(records[2]["takers"].as_array().unwrap().len(), 0);
    // --status keeps one kind; --by names the lower plan by prefix.
    let only = stdout_ok(&run(
        &file,
        &[
            "--doc",
            "west",
            "--by",
            "ts",
            "--status",
            "not-taken-up",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(only.lines().count(), 1 + FILLER.len());
    assert!(only.lines().next().unwrap().contains("west:t3"));
}

#[test]
fn text_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path());
    let text = stdout_ok(&run(&file, &["--doc", "west"]));
    let concerned = 5 + FILLER.len();
    assert!(
        text.contains(&format!(
            "{concerned} tasks concern the lower plans' places: 3 taken up (已落实), 1 partly (部分落实), {} not taken up (未落实); 1 concern other places only.",
            concerned - 4
        )),
        "{text}"
    );
    assert!(text.contains("[未落实] west:t3"), "{text}");
    // With --status the summary still counts everything.
    let partly = stdout_ok(&run(&file, &["--doc", "west", "--status", "partly"]));
    assert!(
        partly.contains("1 partly (部分落实)") && partly.contains("3 taken up"),
        "{partly}"
    );
    assert!(partly.contains("Showing 1 of them."), "{partly}");
    assert!(!partly.contains("west:t3"), "{partly}");
    assert!(text.contains("黄茅海跨海通道"), "{text}");

    let out = run(&file, &["--doc", "west", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()), "UTF-8 BOM");
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "落实情况");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5 + FILLER.len());
    // A title starting with = is written so no spreadsheet runs it.
    let sponge = rows.iter().find(|r| &r[2] == "west:t3").unwrap();
    assert!(sponge[6].starts_with("'="), "{:?}", &sponge[6]);
    assert_eq!(&sponge[1], "not_taken_up");

    let xlsx = dir.path().join("落实.xlsx");
    let xlsx_args = [
        "--doc",
        "west",
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ];
    let out = run(&file, &xlsx_args);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip archive");
    // An existing file is kept without --force.
    let again = run(&file, &xlsx_args);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("--force"));
    assert_eq!(std::fs::read(&xlsx).unwrap(), bytes);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn bad_arguments_fail_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = plans_file(dir.path());
    for (args, needle) in [
        (vec!["--doc", "nope"], "--doc nope"),
        (
            vec!["--doc", "ts"],
            "no plan in the data is for a place within",
        ),
        (
            vec!["--doc", "west", "--by", "xh"],
            "xh is not for a place within",
        ),
        (vec!["--doc", "west", "--format", "xlsx"], "-o FILE.xlsx"),
    ] {
        let out = run(&file, &args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}
