//! Hand-written plans in other annotation conventions, through the whole
//! pipeline (read → normalise → structure → notes → units), as
//! `fengong extract` runs it.

use std::path::PathBuf;

use fengong::extract::extract_paths;
use fengong::model::{LeadMode, TaskData};

fn extract(name: &str) -> TaskData {
    extract_paths(&[PathBuf::from(format!("tests/fixtures/{name}"))]).expect(name)
}

/// (title, leads, partners, responsible, mode) of a task, as written.
type Summary = (String, Vec<String>, Vec<String>, Vec<String>, LeadMode);

fn summary(data: &TaskData) -> Vec<Summary> {
    let names = |refs: &[fengong::model::UnitRef]| refs.iter().map(|r| r.written.clone()).collect();
    data.tasks
        .iter()
        .map(|t| {
            (
                t.title.clone(),
                names(&t.leads),
                names(&t.partners),
                names(&t.responsible),
                t.lead_mode,
            )
        })
        .collect()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

#[test]
fn annotation_lines_after_each_task() {
    let d = extract("notes_annotations.txt");
    assert_eq!(
        summary(&d),
        vec![
            (
                "加快交通基础设施建设".into(),
                s(&["区交通运输局"]),
                s(&["区发展和改革局", "区财政局"]),
                s(&[]),
                LeadMode::Single
            ),
            (
                "提升城市管理水平".into(),
                s(&["区城市管理和综合执法局"]),
                s(&["区住房和城乡建设局", "各街道办事处"]),
                s(&[]),
                LeadMode::Single
            ),
            // 责任单位 with no rule: responsible, no lead guessed.
            (
                "推进乡村振兴".into(),
                s(&[]),
                s(&[]),
                s(&["区农业农村局", "区生态环境分局", "各镇"]),
                LeadMode::None
            ),
        ]
    );
    // The leader is a person, never a unit.
    assert_eq!(d.tasks[1].leader.as_deref(), Some("李某某副区长"));
    assert!(!d.units.iter().any(|u| u.name.contains("李某某")));
    let deadlines: Vec<_> = d.tasks.iter().map(|t| t.deadline.as_deref()).collect();
    assert_eq!(
        deadlines,
        vec![Some("2025年底前"), Some("持续推进"), Some("长期坚持")]
    );
}

#[test]
fn a_rule_stated_once_applies_to_later_tasks() {
    let d = extract("notes_rule_first.txt");
    assert_eq!(
        summary(&d),
        vec![
            (
                "推进县城扩容提质".into(),
                s(&["县住房和城乡建设局"]),
                s(&["县自然资源局", "县财政局"]),
                s(&[]),
                LeadMode::Single
            ),
            (
                "发展现代农业".into(),
                s(&["县农业农村局"]),
                s(&["各乡镇"]),
                s(&[]),
                LeadMode::Single
            ),
            // 分别牵头 overrides the rule.
            (
                "建设智慧城市".into(),
                s(&["县政务服务数据管理局", "县工业和信息化局"]),
                s(&["县财政局"]),
                s(&[]),
                LeadMode::Respective
            ),
        ]
    );
}

#[test]
fn without_a_rule_no_lead_is_guessed() {
    let d = extract("notes_no_rule.txt");
    assert_eq!(d.tasks.len(), 2);
    assert!(
        d.tasks
            .iter()
            .all(|t| t.leads.is_empty() && t.lead_mode == LeadMode::None)
    );
    assert_eq!(d.tasks[0].responsible.len(), 2);
    // Tasks with no heading above them make one goal named for the plan.
    assert_eq!(d.goals.len(), 1);
    assert_eq!(d.goals[0].title, "某某市重点任务分工");
}

#[test]
fn mixed_conventions_and_numbering_across_goals() {
    let d = extract("notes_mixed.txt");
    let titles: Vec<&str> = d.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "完善综合交通网络",
            "提升能源保障能力",
            "建设智慧城市",
            "共建产业园区",
            "发展现代农业",
            "推进文旅融合"
        ]
    );
    let goal_of = |i: usize| {
        d.goals
            .iter()
            .find(|g| g.id == d.tasks[i].goal)
            .unwrap()
            .title
            .as_str()
    };
    assert_eq!(goal_of(4), "推动产业协同发展");
    assert!(
        d.documents[0].report.warnings.is_empty(),
        "{:?}",
        d.documents[0].report.warnings
    );
    assert_eq!(d.tasks[4].leads[0].written, "市农业农村局");
    assert_eq!(d.tasks[5].deadline.as_deref(), Some("2026年6月底前"));
}

#[test]
fn traditional_characters_are_kept_as_written_and_resolve_to_simplified_units() {
    let d = extract("notes_traditional.txt");
    assert_eq!(d.documents[0].jurisdiction.0, "台山市");
    let lead = &d.tasks[0].leads[0];
    assert_eq!(lead.written, "臺山市發展和改革局");
    assert_eq!(lead.unit.0, "台山市发展和改革局");
    assert_eq!(d.tasks[1].leads[0].unit.0, "台山市自然资源局");
    // The same unit in a simplified plan is the same unit.
    let both = extract_paths(&[
        PathBuf::from("tests/fixtures/notes_traditional.txt"),
        PathBuf::from("seeds/000_f13ecef8831b900d.txt"),
    ])
    .unwrap();
    let unit = both
        .units
        .iter()
        .find(|u| u.id.0 == "台山市发展和改革局")
        .unwrap();
    assert!(unit.written.contains(&"臺山市發展和改革局".to_owned()));
    assert!(unit.written.contains(&"市发展和改革局".to_owned()));
}

#[test]
fn labelled_notes_and_standing_notes() {
    let d = extract("notes_labelled.txt");
    assert_eq!(d.tasks.len(), 8);
    assert_eq!(d.tasks[7].lead_mode, LeadMode::Respective);
    let d = extract("notes_standing.txt");
    // 以下工作均需各县（市、区）落实: a partner of every later task.
    assert!(
        d.tasks
            .iter()
            .all(|t| t.partners.iter().any(|p| p.written == "各县（市、区）"))
    );
}
