//! Property tests: the note parsers never panic and keep their promises on
//! arbitrary text and on random mixes of note vocabulary.

use fengong::extract::notes::{
    NoteRules, UnitColumn, find_note, parse_annotation, parse_deadline, parse_unit_cell,
};
use fengong::extract::table::tasks_from_table;
use fengong::extract::{Table, TableRow};
use fengong::model::LeadMode;
use proptest::prelude::*;

/// Pieces of real notes, so random strings look like notes often enough to
/// reach the deep paths (labels, verbs, nested brackets, rules).
const TOKENS: &[&str] = &[
    "（",
    "）",
    "(",
    ")",
    "[",
    "]",
    "【",
    "】",
    "〔",
    "〕",
    "、",
    "，",
    ",",
    "；",
    ";",
    "：",
    ":",
    "。",
    " ",
    "\n",
    "市发展和改革局",
    "市财政局",
    "各镇",
    "各相关镇",
    "街",
    "北部7镇",
    "牵头",
    "分别牵头",
    "配合",
    "负责",
    "按职责分工负责",
    "参与",
    "牵头单位",
    "配合单位",
    "责任单位",
    "牵头负责领导",
    "协同责任单位",
    "完成时限",
    "2025年底前",
    "持续推进",
    "下同",
    "列第一位的为牵头单位",
    "无牵头单位的",
    "责任单位即为牵头单位",
    "以下工作均需",
    "落实",
    "不再列出",
    "由",
    "等",
    "牽頭",
    "責任單位",
    "以下统称",
    "珠西",
    "张三",
    "—",
    "/",
    "a",
    "1.",
    "一、",
];

fn note_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|v| v.concat())
}

fn check_invariants(text: &str) {
    if let Some(m) = find_note(text) {
        let chars: Vec<char> = text.chars().collect();
        assert!(m.start < m.end && m.end <= chars.len());
        let cut: String = chars[m.start..m.end].iter().collect();
        assert_eq!(cut, m.text);
        check_note(&m.note);
    }
    if let Some(n) = parse_annotation(text) {
        check_note(&n);
    }
    let _ = parse_deadline(text);
    let mut rules = NoteRules::default();
    rules.observe(text);
    let applied = rules.apply(parse_unit_cell(text, UnitColumn::Responsible));
    check_note(&applied);
    for col in [UnitColumn::Lead, UnitColumn::Partner] {
        check_note(&parse_unit_cell(text, col));
    }
}

fn check_note(n: &fengong::extract::notes::ParsedNote) {
    let expected = match n.leads.len() {
        0 => vec![LeadMode::None],
        1 => vec![LeadMode::Single],
        _ => vec![LeadMode::Joint, LeadMode::Respective],
    };
    assert!(expected.contains(&n.mode), "{n:?}");
    assert!(n.partners.iter().all(|p| !n.leads.contains(p)), "{n:?}");
    assert!(n.leads.is_empty() || n.responsible.is_empty(), "{n:?}");
    for name in n.leads.iter().chain(&n.partners).chain(&n.responsible) {
        assert!(!name.trim().is_empty(), "{n:?}");
    }
}

/// Case count: the default, or `FENGONG_FUZZ_CASES` for a longer run.
fn cases(default: u32) -> u32 {
    std::env::var("FENGONG_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(10_000)))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn note_vocabulary_never_panics(text in note_like()) {
        check_invariants(&text);
        check_invariants(&format!("加快建设。{text}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2_000)))]

    #[test]
    fn random_tables_never_panic(
        rows in prop::collection::vec(
            prop::collection::vec(
                prop::sample::select(&[
                    "序号", "重点任务", "牵头单位", "配合单位", "责任单位", "完成时限",
                    "一、产业发展", "1", "建设园区", "市财政局、各镇", "A、B分别牵头", "",
                    "2025年底前", "类别", "具体措施", "牵头负责领导", "—",
                ][..]),
                0..7,
            ),
            0..12,
        )
    ) {
        let table = Table {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| TableRow {
                    cells: r.iter().map(|s| s.to_string()).collect(),
                    line: i as u32 + 1,
                })
                .collect(),
            name: None,
        };
        if let Some(sections) = tasks_from_table(&table) {
            for s in &sections {
                for t in &s.tasks {
                    check_note(&t.note);
                    prop_assert!(!t.text.is_empty());
                }
            }
        }
    }
}
