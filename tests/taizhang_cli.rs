//! The 台账 commands run as programs: `due` relative to a fixed day,
//! `matrix` on the bundled data against counts made here from the raw JSON,
//! exports that carry the stable key and the progress, the monthly report.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};
use fengong::model::TaskData;
use serde_json::Value;

use crate::common::{
    BIN, extract_into, fixture, key_of, repo, stderr, stdout_ok, temp_dir, xlsx_rows,
};

fn run(args: &[&str], data: &Path, progress: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--data")
        .arg(data)
        .arg("--progress")
        .arg(progress)
        .output()
        .unwrap()
}

/// The fixture plan extracted, with progress on three of its tasks.
fn plan_with_progress(name: &str) -> (std::path::PathBuf, std::path::PathBuf, TaskData) {
    let dir = temp_dir(name);
    let data_path = extract_into(&dir, &[&fixture("taizhang_plan.txt")]);
    let data = TaskData::load(&data_path).unwrap();
    let p = dir.join("tasks.progress.json");
    let key = |title: &str| key_of(&data, title);
    for (title, status, note, date) in [
        (
            "加快深江铁路台山段建设",
            "推进中",
            "完成征地80%",
            "2022-05-31",
        ),
        (
            "推进新型城镇化示范区建设",
            "已完成",
            "控规获批",
            "2022-06-10",
        ),
        ("开展营商环境评价", "已销号", "评价报告已印发", "2022-05-20"),
    ] {
        stdout_ok(&run(
            &[
                "progress",
                &key(title),
                "--status",
                status,
                "--note",
                note,
                "--date",
                date,
            ],
            &data_path,
            &p,
        ));
    }
    (data_path, p, data)
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    xlsx_rows(path, name)
}

fn text(d: &Data) -> String {
    d.to_string()
}

#[test]
fn due_buckets_are_relative_to_the_day_given() {
    let (data, p, _) = plan_with_progress("due-buckets");
    let out = stdout_ok(&run(
        &["due", "--today", "2022-06-30", "--format", "json", "--all"],
        &data,
        &p,
    ));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let by_title: HashMap<&str, &Value> = rows
        .iter()
        .map(|r| (r["title"].as_str().unwrap(), r))
        .collect();
    let bucket = |t: &str| by_title[t]["bucket"].as_str().unwrap().to_owned();
    // Due 2022-06-30, in progress: due today, not yet late.
    assert_eq!(bucket("加快深江铁路台山段建设"), "within_30_days");
    assert_eq!(by_title["加快深江铁路台山段建设"]["days"], 0);
    // Due 2022-07-15 but finished.
    assert_eq!(bucket("推进新型城镇化示范区建设"), "finished");
    assert_eq!(bucket("建设广海湾LNG接收站配套管网"), "within_90_days");
    assert_eq!(bucket("深化“放管服”改革"), "later");
    assert_eq!(bucket("强化项目要素保障"), "ongoing");
    assert_eq!(bucket("做好年度统计监测"), "within_30_days");
    assert_eq!(bucket("建立政企沟通机制"), "none");
    assert_eq!(bucket("开展营商环境评价"), "finished");

    // A day later the railway is overdue and lagging.
    let out = stdout_ok(&run(
        &["due", "--today", "2022-07-01", "--format", "json"],
        &data,
        &p,
    ));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let rail = rows
        .iter()
        .find(|r| r["title"] == "加快深江铁路台山段建设")
        .unwrap();
    assert_eq!(rail["bucket"], "overdue");
    assert_eq!(rail["days"], -1);
    assert_eq!(rail["status"], "lagging");
    assert!(
        rows.iter().all(|r| r["bucket"] != "finished"),
        "finished work is left out"
    );

    // --within keeps overdue and soon-due work, for one unit.
    let out = stdout_ok(&run(
        &[
            "due",
            "--today",
            "2022-07-01",
            "--within",
            "90d",
            "--unit",
            "发改局",
            "--format",
            "jsonl",
        ],
        &data,
        &p,
    ));
    let titles: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // The statistics are due at the quarter's end (2022-09-30), 91 days on.
    assert_eq!(
        titles,
        ["加快深江铁路台山段建设", "建设广海湾LNG接收站配套管网"]
    );
    // The text form heads each bucket with its count.
    let out = stdout_ok(&run(&["due", "--today", "2022-07-01"], &data, &p));
    assert!(
        out.contains("逾期 (1)") && out.contains("逾期 1 天"),
        "{out}"
    );
    assert!(out.contains("已完成/已销号 2 项"), "{out}");
}

#[test]
fn the_matrix_counts_what_the_raw_data_says() {
    // Counted here from the JSON itself, without the library's catalog.
    let raw: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("data/tasks.json")).unwrap()).unwrap();
    let names: HashMap<&str, &str> = raw["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["id"].as_str().unwrap(), u["name"].as_str().unwrap()))
        .collect();
    let docs: Vec<&str> = raw["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let mut expected: HashMap<(String, usize), (u32, u32)> = HashMap::new();
    for t in raw["tasks"].as_array().unwrap() {
        let doc = docs
            .iter()
            .position(|d| *d == t["doc"].as_str().unwrap())
            .unwrap();
        let ids = |field: &str| -> Vec<&str> {
            t[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["unit"].as_str().unwrap())
                .collect()
        };
        let mut leads = ids("leads");
        leads.extend(ids("responsible"));
        leads.sort_unstable();
        leads.dedup();
        let mut partners: Vec<&str> = ids("partners")
            .into_iter()
            .filter(|u| !leads.contains(u))
            .collect();
        partners.sort_unstable();
        partners.dedup();
        for u in leads {
            expected.entry((names[u].to_owned(), doc)).or_default().0 += 1;
        }
        for u in partners {
            expected.entry((names[u].to_owned(), doc)).or_default().1 += 1;
        }
    }
    let o = Command::new(BIN)
        .args(["matrix", "--format", "csv", "--data"])
        .arg(repo("data/tasks.json"))
        .output()
        .unwrap();
    let csv_text = stdout_ok(&o);
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.len(), 1 + 2 * docs.len() + 3);
    let mut seen = 0;
    let mut total_tasks = 0u32;
    for rec in reader.records() {
        let rec = rec.unwrap();
        let n = |i: usize| rec[i].parse::<u32>().unwrap();
        if &rec[0] == "合计" {
            let sum: u32 = expected.values().map(|(l, p)| l + p).sum();
            assert_eq!(n(header.len() - 1), sum);
            continue;
        }
        let mut row_total = 0;
        for (d, doc) in docs.iter().enumerate() {
            let want = expected
                .get(&(rec[0].to_owned(), d))
                .copied()
                .unwrap_or_default();
            assert_eq!((n(1 + 2 * d), n(2 + 2 * d)), want, "{} in {doc}", &rec[0]);
            if want != (0, 0) {
                seen += 1;
            }
            row_total += want.0 + want.1;
        }
        assert_eq!(n(header.len() - 1), row_total);
        total_tasks += row_total;
    }
    assert_eq!(seen, expected.len(), "every unit with duties has a row");
    assert!(total_tasks > 0);

    // The explorer's cell list: the tasks behind 发改局 × 000.
    let data = TaskData::load(&repo("data/tasks.json")).unwrap();
    let c = fengong::query::Catalog::new(data);
    let m = fengong::matrix::Matrix::build(&c, fengong::matrix::By::Doc);
    let row = m
        .rows
        .iter()
        .position(|r| r.name == "台山市发展和改革局")
        .unwrap();
    let want = expected[&("台山市发展和改革局".to_owned(), 0)];
    assert_eq!(m.tasks(&c, row, 0).len() as u32, want.0 + want.1);

    // Sorted by who leads nothing: rows with no lead come first.
    let o = Command::new(BIN)
        .args(["matrix", "--sort", "least-lead", "--data"])
        .arg(repo("data/tasks.json"))
        .output()
        .unwrap();
    let text = stdout_ok(&o);
    let first = text.lines().nth(3).unwrap();
    assert!(first.contains(" 0/"), "{first}");
}

#[test]
fn the_matrix_as_a_pivot_sheet_and_by_goal() {
    let dir = temp_dir("matrix-xlsx");
    let path = dir.join("矩阵.xlsx");
    let o = Command::new(BIN)
        .args([
            "matrix",
            "--format",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
            "--data",
        ])
        .arg(repo("data/tasks.json"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = sheet(&path, "责任矩阵");
    assert!(text(&rows[0][0]).starts_with("责任矩阵"));
    assert!(
        text(&rows[1][1]).contains("台山市加快构建"),
        "group header: {:?}",
        rows[1]
    );
    assert_eq!(text(&rows[2][1]), "牵头");
    let last = rows.last().unwrap();
    assert_eq!(text(&last[0]), "合计");
    // Counts are numbers; the totals row adds up the rows above.
    let total_col = rows[2].len() - 1;
    let body: f64 = rows[3..rows.len() - 1]
        .iter()
        .map(|r| match &r[total_col] {
            Data::Float(f) => *f,
            Data::Empty => 0.0,
            other => panic!("not a number: {other:?}"),
        })
        .sum();
    assert_eq!(last[total_col], Data::Float(body));

    let o = Command::new(BIN)
        .args(["matrix", "--by", "goal", "--doc", "000", "--data"])
        .arg(repo("data/tasks.json"))
        .output()
        .unwrap();
    let text_out = stdout_ok(&o);
    assert!(
        text_out.contains("(一)") && text_out.contains("强化北部产城融合中心协同辐射力"),
        "{text_out}"
    );
    let o = Command::new(BIN)
        .args(["matrix", "--by", "goal", "--data"])
        .arg(repo("data/tasks.json"))
        .output()
        .unwrap();
    assert!(
        !o.status.success() && stderr(&o).contains("--doc"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_export_carries_the_key_and_the_progress() {
    let (data, p, tasks) = plan_with_progress("export-progress");
    let rail = tasks
        .tasks
        .iter()
        .find(|t| t.title == "加快深江铁路台山段建设")
        .unwrap();
    let out = stdout_ok(&run(&["export", "--today", "2022-07-01"], &data, &p));
    let recs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let r = recs
        .iter()
        .find(|r| r["key"] == rail.key.0.as_str())
        .unwrap();
    assert_eq!(r["status"], "lagging");
    assert_eq!(r["latest_note"], "完成征地80%");
    assert_eq!(r["latest_note_date"], "2022-05-31");
    assert_eq!(r["due_kind"], "by");
    assert_eq!(r["due_end"], "2022-06-30");
    let out = stdout_ok(&run(
        &["export", "--today", "2022-07-01", "--format", "json"],
        &data,
        &p,
    ));
    let recs: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(
        recs.iter()
            .all(|r| r["key"].as_str().is_some_and(|k| k.contains('#')))
    );
    let out = stdout_ok(&run(
        &["export", "--today", "2022-07-01", "--format", "csv"],
        &data,
        &p,
    ));
    let mut reader = csv::Reader::from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[col("任务编号")] == rail.key.as_str())
        .unwrap();
    assert_eq!(&row[col("状态")], "滞后");
    assert_eq!(&row[col("截止日期")], "2022-06-30");

    // The XLSX 台账.
    let dir = data.parent().unwrap();
    let xlsx = dir.join("台账.xlsx");
    let o = run(
        &[
            "export",
            "--unit",
            "发改局",
            "--today",
            "2022-07-01",
            "-o",
            xlsx.to_str().unwrap(),
        ],
        &data,
        &p,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names(), ["台账", "按牵头单位", "全部字段"]);
    drop(book);
    let ledger = sheet(&xlsx, "台账");
    let title = text(&ledger[0][0]);
    for part in ["单位：台山市发展和改革局", "tasks.json", "截至 2022-07-01"] {
        assert!(title.contains(part), "{title}");
    }
    let header: Vec<String> = ledger[1].iter().map(text).collect();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let rail_row = ledger
        .iter()
        .find(|r| text(&r[col("任务编号")]) == rail.key.as_str())
        .unwrap();
    assert_eq!(rail_row[col("序号")], Data::Float(1.0), "序号 is a number");
    assert_eq!(text(&rail_row[col("状态")]), "滞后");
    assert!(matches!(rail_row[col("截止日期")], Data::DateTime(_)));
    assert!(matches!(rail_row[col("进展日期")], Data::DateTime(_)));
    assert_eq!(text(&rail_row[col("最新进展")]), "完成征地80%");
    // Every task of the bureau is there, led or partnered.
    assert_eq!(ledger.len() - 2, 7);
    // The per-unit sheet: a heading per lead unit with its counts.
    let by_lead = sheet(&xlsx, "按牵头单位");
    let headings: Vec<String> = by_lead
        .iter()
        .map(|r| text(&r[0]))
        .filter(|t| t.contains("项"))
        .collect();
    assert!(
        headings
            .iter()
            .any(|h| h.starts_with("台山市发展和改革局（2 项") && h.contains("滞后 1")),
        "{headings:?}"
    );
    // It prints on A4 landscape, one page wide, the header row on every page.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let sheet1 = part("xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains("paperSize=\"9\"") && sheet1.contains("orientation=\"landscape\""),
        "{sheet1}"
    );
    // One page wide (fitToWidth defaults to 1), as many pages tall as it takes.
    assert!(
        sheet1.contains("fitToPage=\"1\"") && sheet1.contains("fitToHeight=\"0\""),
        "{sheet1}"
    );
    let workbook = part("xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Titles") && workbook.contains("台账!$2:$2"),
        "{workbook}"
    );
    // Every CSV column, 行号 a number.
    let all = sheet(&xlsx, "全部字段");
    let header: Vec<String> = all[1].iter().map(text).collect();
    assert_eq!(header, fengong::export::HEADERS);
    assert!(
        matches!(all[2][3], Data::Float(_)),
        "行号 is a number: {:?}",
        all[2][3]
    );
}

#[test]
fn the_monthly_report_lists_done_overdue_and_in_progress() {
    let (data, p, _) = plan_with_progress("report");
    let out = stdout_ok(&run(
        &[
            "report",
            "--unit",
            "发改局",
            "--month",
            "2022-07",
            "--today",
            "2022-07-20",
        ],
        &data,
        &p,
    ));
    assert!(
        out.starts_with("# 台山市发展和改革局 2022年7月工作进展月报"),
        "{out}"
    );
    assert!(out.contains("截至 2022-07-20"), "{out}");
    let section = |name: &str| -> String {
        let start = out.find(name).unwrap_or_else(|| panic!("no {name}: {out}"));
        let rest = &out[start..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        rest[..end].to_owned()
    };
    // Finished in June: not this month's news.
    assert!(section("一、本月完成").contains("无。"));
    let overdue = section("二、逾期未完成");
    assert!(
        overdue.contains("（1 项）") && overdue.contains("加快深江铁路台山段建设"),
        "{overdue}"
    );
    assert!(
        overdue.contains("| 20 |"),
        "20 days late on 2022-07-20: {overdue}"
    );
    assert!(section("三、推进中").contains("无。"));
    assert!(section("四、30天内到期").contains("无。"));

    // The June report, made in July, reads as it did on 30 June.
    let june = stdout_ok(&run(
        &[
            "report",
            "--unit",
            "发改局",
            "--month",
            "2022-06",
            "--today",
            "2022-07-20",
        ],
        &data,
        &p,
    ));
    assert!(june.contains("截至 2022-06-30"), "{june}");
    let done = &june[june.find("一、本月完成").unwrap()..june.find("二、").unwrap()];
    assert!(
        done.contains("推进新型城镇化示范区建设") && done.contains("2022-06-10"),
        "{done}"
    );
    assert!(june.contains("三、推进中（1 项）"), "{june}");
    // Due on 30 June, and at the quarter's end.
    let soon = &june[june.find("四、30天内到期").unwrap()..june.find("五、").unwrap()];
    assert!(
        soon.contains("加快深江铁路台山段建设") && soon.contains("做好年度统计监测"),
        "{soon}"
    );

    // As XLSX, read back.
    let dir = data.parent().unwrap();
    let xlsx = dir.join("月报.xlsx");
    let o = run(
        &[
            "report",
            "--unit",
            "发改局",
            "--month",
            "2022-07",
            "--today",
            "2022-07-20",
            "-o",
            xlsx.to_str().unwrap(),
        ],
        &data,
        &p,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = sheet(&xlsx, "月报");
    assert!(text(&rows[0][0]).starts_with("台山市发展和改革局 2022年7月工作进展月报"));
    let late = rows
        .iter()
        .find(|r| r.len() > 7 && text(&r[2]) == "加快深江铁路台山段建设")
        .unwrap();
    assert_eq!(late[7], Data::Float(20.0));
    assert_eq!(text(&late[8]), "滞后");
}

#[test]
fn a_day_written_before_the_command_is_the_commands_day() {
    // `fengong --today D report` (the explorer's option, written first) is
    // `fengong report --today D`, not today.
    let (data, p, _) = plan_with_progress("today_first");
    let out = stdout_ok(
        &Command::new(BIN)
            .args([
                "--today",
                "2022-07-20",
                "report",
                "--unit",
                "发改局",
                "--data",
            ])
            .arg(&data)
            .arg("--progress")
            .arg(&p)
            .output()
            .unwrap(),
    );
    assert!(out.contains("截至 2022-07-20"), "{out}");
    let due = stdout_ok(
        &Command::new(BIN)
            .args(["--today", "2022-07-20", "due", "--data"])
            .arg(&data)
            .arg("--progress")
            .arg(&p)
            .output()
            .unwrap(),
    );
    assert!(due.contains("截至 2022-07-20"), "{due}");
}
