//! Every task note of seed 000 (台山 三大中心 实施方案), checked against the
//! leads and partners read by hand from the text.

use fengong::extract::notes::find_note;
use fengong::model::LeadMode;

use LeadMode::{Respective as R, Single as S};

/// (goal, task number, leads, partners, mode).
type Expected = (
    u32,
    u32,
    &'static [&'static str],
    &'static [&'static str],
    LeadMode,
);

/// Every task in document order.
const EXPECTED: &[Expected] = &[
    (
        1,
        1,
        &["产业转移工业园"],
        &["市发展和改革局", "市自然资源局", "市交通运输局", "北部7镇"],
        S,
    ),
    (
        1,
        2,
        &["产业转移工业园"],
        &["市发展和改革局", "市科工商务局", "北部7镇"],
        S,
    ),
    (1, 3, &["市交通运输局"], &["北部7镇"], S),
    (
        1,
        4,
        &["市城市管理和综合执法局", "市政务服务数据管理局"],
        &["市相关单位"],
        R,
    ),
    (
        1,
        5,
        &["市住房和城乡建设局"],
        &["市自然资源局", "市公资办", "台城街道办"],
        S,
    ),
    (
        1,
        6,
        &["市委组织部", "产业转移工业园", "市科工商务局"],
        &["市委统战部", "市人力资源和社会保障局"],
        R,
    ),
    (
        1,
        7,
        &["市委统战部", "市文化广电旅游体育局"],
        &["市相关单位"],
        R,
    ),
    (
        2,
        1,
        &["广海湾经济开发区"],
        &[
            "市发展和改革局",
            "市科工商务局",
            "市自然资源局",
            "市住房和城乡建设局",
            "市交通运输局",
            "市文化广电旅游体育局",
            "市城市管理和综合执法局",
        ],
        S,
    ),
    (
        2,
        2,
        &["广海湾经济开发区"],
        &["市发展和改革局", "市科工商务局"],
        S,
    ),
    (2, 3, &["广海湾经济开发区"], &["市相关单位"], S),
    (2, 4, &["广海湾经济开发区"], &["市相关单位"], S),
    (2, 5, &["市农业农村局"], &["广海镇", "斗山镇"], S),
    (
        3,
        1,
        &["市文化广电旅游体育局"],
        &["川岛镇", "海宴镇", "北陡镇", "广海镇"],
        S,
    ),
    (3, 2, &["市文化广电旅游体育局"], &["川岛镇", "端芬镇"], S),
    (3, 3, &["市文化广电旅游体育局"], &["汶村镇", "三合镇"], S),
    (
        3,
        4,
        &["市文化广电旅游体育局"],
        &["端芬镇", "都斛镇", "斗山镇"],
        S,
    ),
    (4, 1, &["市发展和改革局"], &["市相关单位"], S),
    (4, 2, &["市交通运输局"], &["市相关单位"], S),
    (
        4,
        3,
        &[
            "广海湾经济开发区",
            "川岛镇",
            "市发展和改革局",
            "市交通运输局",
        ],
        &["市相关单位"],
        R,
    ),
    (
        4,
        4,
        &["市发展和改革局", "市交通运输局", "市农业农村局"],
        &["各相关镇(街)"],
        R,
    ),
    (5, 1, &["市农业农村局"], &["市相关单位"], S),
    (5, 2, &["市农业农村局"], &["市相关单位"], S),
    (5, 3, &["市农业农村局"], &["市相关单位"], S),
    (
        5,
        4,
        &["市发展和改革局", "市科工商务局", "江门市生态环境局台山分局"],
        &["市相关单位"],
        R,
    ),
    (
        5,
        5,
        &["市自然资源局", "市水利局", "市林业局"],
        &["各镇"],
        R,
    ),
    (
        5,
        6,
        &["市住房和城乡建设局", "市农业农村局"],
        &["市自然资源局", "各镇"],
        R,
    ),
    (
        6,
        1,
        &["市发展和改革局"],
        &[
            "市委编办",
            "市科工商务局",
            "市财政局",
            "市自然资源局",
            "市政务服务数据管理局",
            "各镇",
        ],
        S,
    ),
    (
        6,
        2,
        &["市委办公室", "市委组织部", "市发展和改革局"],
        &["各相关单位", "各镇"],
        R,
    ),
    (
        6,
        3,
        &["市自然资源局"],
        &["市科工商务局", "市财政局", "市住房和城乡建设局", "各镇"],
        S,
    ),
    (6, 4, &["市自然资源局"], &["各镇"], S),
    (6, 5, &["市财政局"], &["市发展和改革局", "各镇"], S),
    (6, 6, &["市科工商务局"], &["市自然资源局", "各镇"], S),
    (
        6,
        7,
        &[
            "市教育局",
            "市人力资源和社会保障局",
            "市卫生健康局",
            "市医疗保障局",
        ],
        &["各镇"],
        R,
    ),
    (
        6,
        8,
        &["市自然资源局", "江门市生态环境局台山分局"],
        &["各镇"],
        R,
    ),
];

fn seed000() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let path = std::fs::read_dir(&dir)
        .expect("seeds/ is readable")
        .map(|e| e.expect("dir entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("000_"))
        })
        .expect("seed 000 exists");
    std::fs::read_to_string(path).expect("seed 000 is UTF-8")
}

/// Task paragraphs under 二、重点任务: `1.…` lines between the first goal
/// heading `(一)` and `三、工作保障`, with the goal they belong to.
fn task_paragraphs(text: &str) -> Vec<(u32, u32, String)> {
    let mut goal = 0;
    let mut out = Vec::new();
    let mut in_tasks = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("二、重点任务") {
            in_tasks = true;
        } else if line.starts_with("三、") {
            in_tasks = false;
        }
        if !in_tasks {
            continue;
        }
        if line.starts_with('(') && line.chars().nth(2) == Some(')') {
            goal += 1;
            continue;
        }
        let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() && line[digits.len()..].starts_with('.') {
            out.push((goal, digits.parse().unwrap(), line.to_string()));
        }
    }
    out
}

#[test]
fn every_task_note_of_seed_000_is_exact() {
    let text = seed000();
    let tasks = task_paragraphs(&text);
    assert_eq!(tasks.len(), EXPECTED.len(), "task count");
    for ((goal, no, para), &(eg, en, leads, partners, mode)) in tasks.iter().zip(EXPECTED) {
        assert_eq!((*goal, *no), (eg, en));
        let m = find_note(para).unwrap_or_else(|| panic!("no note in task {goal}.{no}"));
        assert_eq!(m.note.leads, leads, "leads of task {goal}.{no}");
        assert_eq!(m.note.partners, partners, "partners of task {goal}.{no}");
        assert_eq!(m.note.mode, mode, "mode of task {goal}.{no}");
        assert!(m.note.responsible.is_empty());
        // The note is the paragraph's last thing, and the offsets point at it.
        assert_eq!(
            m.end,
            para.chars().count(),
            "note at the end of {goal}.{no}"
        );
        let cut: String = para.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(cut, m.text);
    }
}

#[test]
fn no_other_paragraph_of_seed_000_has_a_note() {
    let text = seed000();
    let tasks: Vec<String> = task_paragraphs(&text).into_iter().map(|t| t.2).collect();
    for line in text.lines().map(str::trim) {
        if tasks.iter().any(|t| t == line) {
            continue;
        }
        assert!(
            find_note(line).is_none(),
            "note found in non-task line: {line}"
        );
    }
}
