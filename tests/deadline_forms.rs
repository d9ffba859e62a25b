//! Deadlines as dates, table-driven: every form the seeds, the fixtures and
//! the tests' own plans contain, and forms read in real 分工方案 (政府工作报告
//! 分工, 三年行动方案, 督查 台账), each with the dates it must read as.

use std::path::PathBuf;

use fengong::deadline::{self, When};
use fengong::model::{Due, DueKind, TaskData};

use crate::common::{fixture, repo};

/// Words as written, the plan's year, kind, start, end.
type Form = (
    &'static str,
    Option<i32>,
    DueKind,
    Option<&'static str>,
    Option<&'static str>,
);

const TABLE: &[Form] = &[
    // Forms the labelled corpus gives once its tables, cells and notes
    // are read (issue 9's extractor).
    ("2024年11月", None, DueKind::By, None, Some("2024-11-30")),
    ("2024年6月", None, DueKind::By, None, Some("2024-06-30")),
    ("2025年7月", None, DueKind::By, None, Some("2025-07-31")),
    ("2025年3月", None, DueKind::By, None, Some("2025-03-31")),
    (
        "2025年6月底前完成政策发布",
        None,
        DueKind::By,
        None,
        Some("2025-06-30"),
    ),
    (
        "2024 年 6 月底前",
        None,
        DueKind::By,
        None,
        Some("2024-06-30"),
    ),
    (
        "2024 年 8 月底前",
        None,
        DueKind::By,
        None,
        Some("2024-08-31"),
    ),
    (
        "2024 年 9 月底前",
        None,
        DueKind::By,
        None,
        Some("2024-09-30"),
    ),
    (
        "2024 年 10 月底前",
        None,
        DueKind::By,
        None,
        Some("2024-10-31"),
    ),
    (
        "2024 年 11 月底前",
        None,
        DueKind::By,
        None,
        Some("2024-11-30"),
    ),
    (
        "2024 年 12 月底前",
        None,
        DueKind::By,
        None,
        Some("2024-12-31"),
    ),
    (
        "2025 年 6 月底前",
        None,
        DueKind::By,
        None,
        Some("2025-06-30"),
    ),
    (
        "2025 年 12 月底前",
        None,
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    // A month with no year: dated by the plan's year (kept as written,
    // unparsed, in a plan that states none, as d13 does).
    ("9月底前", Some(2025), DueKind::By, None, Some("2025-09-30")),
    (
        "12月底前",
        Some(2025),
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    (
        "12月底前完成年度任务",
        Some(2025),
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    ("8月底前", Some(2025), DueKind::By, None, Some("2025-08-31")),
    (
        "10月底前",
        Some(2025),
        DueKind::By,
        None,
        Some("2025-10-31"),
    ),
    (
        "11月底前",
        Some(2025),
        DueKind::By,
        None,
        Some("2025-11-30"),
    ),
    // Seeds, fixtures and the tests' plans.
    ("2025年底前", None, DueKind::By, None, Some("2025-12-31")),
    ("2024年6月底前", None, DueKind::By, None, Some("2024-06-30")),
    ("2024年8月底前", None, DueKind::By, None, Some("2024-08-31")),
    ("2024年9月底前", None, DueKind::By, None, Some("2024-09-30")),
    (
        "2024年10月底前",
        None,
        DueKind::By,
        None,
        Some("2024-10-31"),
    ),
    (
        "2024年11月底前",
        None,
        DueKind::By,
        None,
        Some("2024-11-30"),
    ),
    (
        "2025年12月底前",
        None,
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    ("2025年6月底前", None, DueKind::By, None, Some("2025-06-30")),
    ("2026年6月底前", None, DueKind::By, None, Some("2026-06-30")),
    (
        "2024年12月底前",
        None,
        DueKind::By,
        None,
        Some("2024-12-31"),
    ),
    ("2025年12月", None, DueKind::By, None, Some("2025-12-31")),
    ("2026年", None, DueKind::By, None, Some("2026-12-31")),
    ("持续推进", None, DueKind::Ongoing, None, None),
    ("长期坚持", None, DueKind::Ongoing, None, None),
    ("每年12月底前", None, DueKind::Yearly, None, Some("--12-31")),
    ("年内", Some(2023), DueKind::By, None, Some("2023-12-31")),
    ("2027年底", None, DueKind::By, None, Some("2027-12-31")),
    (
        "2023-2025年",
        None,
        DueKind::Span,
        Some("2023-01-01"),
        Some("2025-12-31"),
    ),
    (
        "2023-2027年",
        None,
        DueKind::Span,
        Some("2023-01-01"),
        Some("2027-12-31"),
    ),
    ("2022年6月底前", None, DueKind::By, None, Some("2022-06-30")),
    (
        "2022年7月15日前",
        None,
        DueKind::By,
        None,
        Some("2022-07-15"),
    ),
    ("2022年8月底前", None, DueKind::By, None, Some("2022-08-31")),
    ("2023年底前", None, DueKind::By, None, Some("2023-12-31")),
    // The labelled corpus (eval/docs).
    ("2024年12月", None, DueKind::By, None, Some("2024-12-31")),
    ("2024年12月底", None, DueKind::By, None, Some("2024-12-31")),
    ("2024年9月", None, DueKind::By, None, Some("2024-09-30")),
    ("2024年9月底", None, DueKind::By, None, Some("2024-09-30")),
    ("2024年10月", None, DueKind::By, None, Some("2024-10-31")),
    ("2024年10月底", None, DueKind::By, None, Some("2024-10-31")),
    ("2024年11月底", None, DueKind::By, None, Some("2024-11-30")),
    ("2025年4月", None, DueKind::By, None, Some("2025-04-30")),
    ("2025年5月", None, DueKind::By, None, Some("2025-05-31")),
    ("2025年6月", None, DueKind::By, None, Some("2025-06-30")),
    ("2025年8月", None, DueKind::By, None, Some("2025-08-31")),
    ("2025年8月底", None, DueKind::By, None, Some("2025-08-31")),
    ("2025年9月", None, DueKind::By, None, Some("2025-09-30")),
    ("2025年9月底", None, DueKind::By, None, Some("2025-09-30")),
    ("2025年10月", None, DueKind::By, None, Some("2025-10-31")),
    ("2025年10月底", None, DueKind::By, None, Some("2025-10-31")),
    ("2025年11月", None, DueKind::By, None, Some("2025-11-30")),
    ("2025年11月底", None, DueKind::By, None, Some("2025-11-30")),
    ("2025年12月底", None, DueKind::By, None, Some("2025-12-31")),
    (
        "12月底前完成",
        Some(2025),
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    (
        "9月底前完成",
        Some(2025),
        DueKind::By,
        None,
        Some("2025-09-30"),
    ),
    (
        "年内持续推进",
        Some(2025),
        DueKind::Span,
        Some("2025-01-01"),
        Some("2025-12-31"),
    ),
    (
        "2025年内持续推进",
        None,
        DueKind::Span,
        Some("2025-01-01"),
        Some("2025-12-31"),
    ),
    // The issue's own examples.
    (
        "2022年10月底前",
        None,
        DueKind::By,
        None,
        Some("2022-10-31"),
    ),
    ("年底前", Some(2021), DueKind::By, None, Some("2021-12-31")),
    (
        "2023—2025年",
        None,
        DueKind::Span,
        Some("2023-01-01"),
        Some("2025-12-31"),
    ),
    // Real plans: months, days, parts of a year.
    (
        "2021年2月3日前",
        None,
        DueKind::By,
        None,
        Some("2021-02-03"),
    ),
    (
        "2022年12月31日",
        None,
        DueKind::By,
        None,
        Some("2022-12-31"),
    ),
    (
        "2022年12月31日前完成",
        None,
        DueKind::By,
        None,
        Some("2022-12-31"),
    ),
    (
        "2月7日前",
        Some(2021),
        DueKind::By,
        None,
        Some("2021-02-07"),
    ),
    ("2023年3月底前", None, DueKind::By, None, Some("2023-03-31")),
    ("2023年6月前", None, DueKind::By, None, Some("2023-06-30")),
    ("2022年9月", None, DueKind::By, None, Some("2022-09-30")),
    ("2022年9月份", None, DueKind::By, None, Some("2022-09-30")),
    ("2022年6月上旬", None, DueKind::By, None, Some("2022-06-10")),
    ("2022年6月中旬", None, DueKind::By, None, Some("2022-06-20")),
    ("2022年6月下旬", None, DueKind::By, None, Some("2022-06-30")),
    ("2024年2月底前", None, DueKind::By, None, Some("2024-02-29")),
    ("2022年上半年", None, DueKind::By, None, Some("2022-06-30")),
    ("2022年下半年", None, DueKind::By, None, Some("2022-12-31")),
    (
        "2022年第一季度",
        None,
        DueKind::By,
        None,
        Some("2022-03-31"),
    ),
    (
        "2022年三季度末",
        None,
        DueKind::By,
        None,
        Some("2022-09-30"),
    ),
    ("2022年第4季度", None, DueKind::By, None, Some("2022-12-31")),
    ("2022年年底前", None, DueKind::By, None, Some("2022-12-31")),
    ("2022年末", None, DueKind::By, None, Some("2022-12-31")),
    ("2022年前", None, DueKind::By, None, Some("2022-12-31")),
    ("2022年内", None, DueKind::By, None, Some("2022-12-31")),
    ("2022年度", None, DueKind::By, None, Some("2022-12-31")),
    ("2023年初", None, DueKind::By, None, Some("2023-03-31")),
    ("2023年中", None, DueKind::By, None, Some("2023-06-30")),
    ("到2025年", None, DueKind::By, None, Some("2025-12-31")),
    (
        "力争2024年底前完成",
        None,
        DueKind::By,
        None,
        Some("2024-12-31"),
    ),
    (
        "完成时限：2025年底前",
        None,
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    (
        "2022年底前完成主体工程",
        None,
        DueKind::By,
        None,
        Some("2022-12-31"),
    ),
    // Without a year: the plan's year.
    ("6月底前", Some(2022), DueKind::By, None, Some("2022-06-30")),
    ("上半年", Some(2022), DueKind::By, None, Some("2022-06-30")),
    ("全年", Some(2022), DueKind::By, None, Some("2022-12-31")),
    ("年底", Some(2022), DueKind::By, None, Some("2022-12-31")),
    (
        "今年底前",
        Some(2022),
        DueKind::By,
        None,
        Some("2022-12-31"),
    ),
    (
        "明年6月底前",
        Some(2022),
        DueKind::By,
        None,
        Some("2023-06-30"),
    ),
    ("三年内", Some(2021), DueKind::By, None, Some("2023-12-31")),
    ("年内", None, DueKind::Unparsed, None, None),
    // Other ways of writing numbers.
    (
        "２０２５年底前",
        None,
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    (
        "二〇二五年底前",
        None,
        DueKind::By,
        None,
        Some("2025-12-31"),
    ),
    (
        "2022年十二月底前",
        None,
        DueKind::By,
        None,
        Some("2022-12-31"),
    ),
    ("2022.6.30", None, DueKind::By, None, Some("2022-06-30")),
    ("2022-12", None, DueKind::By, None, Some("2022-12-31")),
    ("2022/9/15前", None, DueKind::By, None, Some("2022-09-15")),
    // Spans and lists.
    (
        "2023年至2025年",
        None,
        DueKind::Span,
        Some("2023-01-01"),
        Some("2025-12-31"),
    ),
    (
        "2022—2024年",
        None,
        DueKind::Span,
        Some("2022-01-01"),
        Some("2024-12-31"),
    ),
    (
        "2022年10月至12月",
        None,
        DueKind::Span,
        Some("2022-10-01"),
        Some("2022-12-31"),
    ),
    (
        "2022年10月—2023年6月",
        None,
        DueKind::Span,
        Some("2022-10-01"),
        Some("2023-06-30"),
    ),
    (
        "2023年-2025年底",
        None,
        DueKind::Span,
        Some("2023-01-01"),
        Some("2025-12-31"),
    ),
    (
        "2022年6月底前、12月底前",
        None,
        DueKind::By,
        None,
        Some("2022-12-31"),
    ),
    (
        "2022年6月底前，2023年底前",
        None,
        DueKind::By,
        None,
        Some("2023-12-31"),
    ),
    (
        "2022年底前完成并长期坚持",
        None,
        DueKind::By,
        None,
        Some("2022-12-31"),
    ),
    // Recurring and standing work.
    ("每年6月底前", None, DueKind::Yearly, None, Some("--06-30")),
    ("每年底前", None, DueKind::Yearly, None, Some("--12-31")),
    ("每年第一季度", None, DueKind::Yearly, None, Some("--03-31")),
    ("每月28日前", None, DueKind::Monthly, None, Some("---28")),
    ("每月底前", None, DueKind::Monthly, None, None),
    ("每季度", None, DueKind::Quarterly, None, None),
    ("每季度末", None, DueKind::Quarterly, None, None),
    ("每半年", None, DueKind::HalfYearly, None, None),
    ("每年", None, DueKind::Ongoing, None, None),
    ("长期推进", None, DueKind::Ongoing, None, None),
    ("持续开展", None, DueKind::Ongoing, None, None),
    ("常态化推进", None, DueKind::Ongoing, None, None),
    ("逐年推进", None, DueKind::Ongoing, None, None),
    ("长期", None, DueKind::Ongoing, None, None),
    (
        "2022年起长期坚持",
        None,
        DueKind::Ongoing,
        Some("2022-01-01"),
        None,
    ),
    // Two-part clauses: due by the later part; a part naming no date
    // leaves the other to say when; standing work after a date is due by
    // the date.
    (
        "2027年底前基本完成、2028年全面完成",
        None,
        DueKind::By,
        None,
        Some("2028-12-31"),
    ),
    (
        "4月底前举办开采节，年底完成种植任务",
        Some(2026),
        DueKind::By,
        None,
        Some("2026-12-31"),
    ),
    (
        "汛期前完成水毁工程修复，其余年内完成",
        Some(2026),
        DueKind::By,
        None,
        Some("2026-12-31"),
    ),
    (
        "2026年12月底前建立资源池，此后持续推进",
        None,
        DueKind::By,
        None,
        Some("2026-12-31"),
    ),
    (
        "2025年6月底前，2025年13月底前",
        None,
        DueKind::Unparsed,
        None,
        None,
    ),
    ("汛期前，雨季前", Some(2026), DueKind::Unparsed, None, None),
    // Staged and recurring work.
    ("分年度推进", None, DueKind::Ongoing, None, None),
    ("分年度实施", None, DueKind::Ongoing, None, None),
    ("逐步推进", None, DueKind::Ongoing, None, None),
    ("每年考核", None, DueKind::Ongoing, None, None),
    (
        "2026年起每年考核",
        None,
        DueKind::Ongoing,
        Some("2026-01-01"),
        None,
    ),
    (
        "2026年起每年",
        None,
        DueKind::Ongoing,
        Some("2026-01-01"),
        None,
    ),
    ("2026年起每季度", None, DueKind::Quarterly, None, None),
    // No date: kept as written, reported.
    ("按上级部署推进", Some(2022), DueKind::Unparsed, None, None),
    ("立即启动", Some(2022), DueKind::Unparsed, None, None),
    ("尽快", Some(2022), DueKind::Unparsed, None, None),
    ("2022年启动建设", None, DueKind::Unparsed, None, None),
    ("2025年13月底前", None, DueKind::Unparsed, None, None),
    ("2025年2月30日", None, DueKind::Unparsed, None, None),
    ("2025—2023年", None, DueKind::Unparsed, None, None),
];

fn expected(row: &Form) -> Due {
    Due {
        kind: row.2,
        start: row.3.map(String::from),
        end: row.4.map(String::from),
    }
}

#[test]
fn every_form_reads_as_its_dates() {
    let mut wrong = Vec::new();
    for row in TABLE {
        let got = deadline::read(row.0, row.1);
        if got != expected(row) {
            wrong.push(format!("{:?} (plan year {:?}): got {got:?}", row.0, row.1));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_deadline_in_the_seeds_and_fixtures_is_in_the_table() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo("seeds"))
        .unwrap()
        .chain(std::fs::read_dir(repo("tests/fixtures")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "csv" | "docx" | "xlsx")
            )
        })
        .collect();
    // The labelled corpus, once it is in the tree.
    if let Ok(dir) = std::fs::read_dir(repo("eval/docs")) {
        paths.extend(dir.map(|e| e.unwrap().path()).filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "csv" | "docx" | "xlsx")
            )
        }));
    }
    paths.sort();
    let mut found = Vec::new();
    for p in &paths {
        if let Ok(data) = fengong::extract::extract_paths(std::slice::from_ref(p)) {
            found.extend(data.tasks.into_iter().filter_map(|t| t.deadline.zip(t.due)));
        }
    }
    let small = TaskData::load(&fixture("small.json")).unwrap();
    found.extend(
        small
            .tasks
            .into_iter()
            .filter_map(|t| t.deadline.zip(t.due)),
    );
    assert!(found.len() >= 10, "deadlines found: {found:?}");
    for (words, due) in found {
        let row = TABLE
            .iter()
            .find(|r| r.0 == words)
            .unwrap_or_else(|| panic!("deadline form {words:?} is not in the table"));
        // Forms needing a plan year come with one in the table; the
        // extractor's result must agree whenever the table has no year.
        if row.1.is_none() {
            assert_eq!(due, expected(row), "{words}");
        }
    }
}

#[test]
fn plan_year_comes_from_the_date_else_the_title() {
    let data = TaskData::load(&repo("data/tasks.json")).unwrap();
    let years: Vec<Option<i32>> = data
        .documents
        .iter()
        .map(|d| deadline::plan_year(d.date.as_deref(), &d.title))
        .collect();
    // 000 is dated 2021-02-03; 001 has 2019—2035 in its title; 002 is
    // dated 2021-06 (its title's 2035 is a far target); 003 and 004 carry
    // neither.
    let by_id = |prefix: &str| {
        years[data
            .documents
            .iter()
            .position(|d| d.id.as_str().starts_with(prefix))
            .unwrap()]
    };
    assert_eq!(by_id("000"), Some(2021));
    assert_eq!(by_id("002"), Some(2021));
    let mut doc = data.documents[0].clone();
    doc.date = None;
    doc.title = "江门高新区国民经济和社会发展第十四个五年规划和2035年远景目标纲要".into();
    assert_eq!(deadline::plan_year(doc.date.as_deref(), &doc.title), None);
    doc.title = "六盘水市新型基础设施建设三年行动方案（2022—2024年）".into();
    assert_eq!(
        deadline::plan_year(doc.date.as_deref(), &doc.title),
        Some(2022)
    );
    doc.title = "2023年政府工作报告重点工作分工方案".into();
    assert_eq!(
        deadline::plan_year(doc.date.as_deref(), &doc.title),
        Some(2023)
    );
}

#[test]
fn version_1_files_get_dates_on_load() {
    let data = TaskData::load(&fixture("small.json")).unwrap();
    assert_eq!(data.version, 1);
    let t = data
        .tasks
        .iter()
        .find(|t| t.deadline.as_deref() == Some("2025年底前"))
        .unwrap();
    assert_eq!(
        When::of(t.due.as_ref().unwrap()),
        When::By(deadline::parse_iso("2025-12-31").unwrap())
    );
    assert!(
        data.tasks
            .iter()
            .filter(|t| t.deadline.is_none())
            .all(|t| t.due.is_none())
    );
}

#[test]
fn the_extractor_reports_deadlines_that_name_no_date() {
    let plan = "某某市重点工作任务分工方案\n\n一、重点任务\n\n1.建设数据中心。推进算力设施建设。（市政务服务数据管理局牵头；完成时限：按省统一部署）\n\n2.完善交通网络。推进道路建设。（市交通运输局牵头；完成时限：2025年底前）\n";
    let data = fengong::extract::extract_documents(&[fengong::extract::DocInput::from_text(
        std::path::Path::new("plan.txt"),
        plan,
    )]);
    let t = &data.tasks[0];
    assert_eq!(t.deadline.as_deref(), Some("按省统一部署"));
    assert_eq!(t.due.as_ref().map(|d| d.kind), Some(DueKind::Unparsed));
    let warnings = &data.documents[0].report.warnings;
    let w: Vec<_> = warnings
        .iter()
        .filter(|w| w.message.contains("deadline"))
        .collect();
    assert_eq!(w.len(), 1, "{warnings:?}");
    assert!(
        w[0].message.contains("按省统一部署") && w[0].message.contains("建设数据中心"),
        "{w:?}"
    );
    assert_eq!(
        data.tasks[1].due.as_ref().map(|d| d.kind),
        Some(DueKind::By)
    );
}
