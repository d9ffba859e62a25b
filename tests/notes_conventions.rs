//! The responsibility conventions of issue 6, on hand-written documents in
//! `tests/fixtures/notes_*.txt`. A small driver plays the caller's part:
//! rules are observed on every line, a task line's note is found, annotation
//! lines after it are merged, and the rules are applied when the task ends.

use fengong::extract::notes::{NoteRules, ParsedNote, find_note, parse_annotation};
use fengong::model::LeadMode;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `1.` or `（一）` / `(一)` at the start of a line.
fn is_task_line(line: &str) -> bool {
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0 && line[digits..].starts_with('.'))
        || ((line.starts_with('（') || line.starts_with('('))
            && line
                .chars()
                .nth(1)
                .is_some_and(|c| "一二三四五六七八九十".contains(c)))
}

fn tasks(doc: &str) -> Vec<(String, ParsedNote)> {
    let mut rules = NoteRules::default();
    let mut out: Vec<(String, ParsedNote)> = Vec::new();
    let mut current: Option<(String, ParsedNote)> = None;
    for line in doc.lines().map(str::trim).filter(|l| !l.is_empty()) {
        rules.observe(line);
        if is_task_line(line) {
            if let Some((t, n)) = current.take() {
                out.push((t, rules.apply(n)));
            }
            let note = find_note(line).map(|m| m.note).unwrap_or_default();
            current = Some((line.to_string(), note));
        } else if let (Some((_, note)), Some(a)) = (current.as_mut(), parse_annotation(line)) {
            note.merge(a);
        }
    }
    if let Some((t, n)) = current.take() {
        out.push((t, rules.apply(n)));
    }
    out
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn check(task: &(String, ParsedNote), leads: &[&str], partners: &[&str], mode: LeadMode) {
    let (line, n) = task;
    assert_eq!(n.leads, names(leads), "leads of {line}");
    assert_eq!(n.partners, names(partners), "partners of {line}");
    assert_eq!(n.mode, mode, "mode of {line}");
}

use LeadMode::{Joint, None as NoLead, Respective, Single};

#[test]
fn labelled_and_bracketed_notes() {
    let t = tasks(&fixture("notes_labelled.txt"));
    assert_eq!(t.len(), 8);
    check(
        &t[0],
        &["市发展改革局"],
        &["市财政局", "市自然资源局"],
        Single,
    );
    check(
        &t[1],
        &["市工业和信息化局"],
        &["各县（市、区）人民政府"],
        Single,
    );
    check(
        &t[2],
        &["市工业和信息化局"],
        &["市商务局", "市税务局"],
        Single,
    );
    check(
        &t[3],
        &["市政务服务数据管理局"],
        &["市市场监督管理局", "市司法局"],
        Single,
    );
    check(&t[4], &["市自然资源局"], &["市发展改革局"], Single);
    check(&t[5], &["市委组织部"], &["市人力资源和社会保障局"], Single);
    check(&t[6], &["市财政局", "市金融工作局"], &[], Joint);
    check(
        &t[7],
        &["市商务局", "市外事局"],
        &["市发展改革局", "各县（市、区）"],
        Respective,
    );
}

#[test]
fn annotation_lines_leader_and_deadlines() {
    let t = tasks(&fixture("notes_annotations.txt"));
    assert_eq!(t.len(), 3);
    check(
        &t[0],
        &["区交通运输局"],
        &["区发展和改革局", "区财政局"],
        Single,
    );
    assert_eq!(t[0].1.deadline.as_deref(), Some("2025年底前"));
    check(
        &t[1],
        &["区城市管理和综合执法局"],
        &["区住房和城乡建设局", "各街道办事处"],
        Single,
    );
    assert_eq!(t[1].1.leader.as_deref(), Some("李某某副区长"));
    assert_eq!(t[1].1.deadline.as_deref(), Some("持续推进"));
    // 责任单位 without a rule: responsible, no lead guessed.
    check(&t[2], &[], &[], NoLead);
    assert_eq!(
        t[2].1.responsible,
        names(&["区农业农村局", "区生态环境分局", "各镇"])
    );
    assert_eq!(t[2].1.deadline.as_deref(), Some("长期坚持"));
}

#[test]
fn rule_first_listed_is_lead() {
    let t = tasks(&fixture("notes_rule_first.txt"));
    assert_eq!(t.len(), 3);
    check(
        &t[0],
        &["县住房和城乡建设局"],
        &["县自然资源局", "县财政局"],
        Single,
    );
    check(&t[1], &["县农业农村局"], &["各乡镇"], Single);
    // 分别牵头 overrides the rule.
    check(
        &t[2],
        &["县政务服务数据管理局", "县工业和信息化局"],
        &["县财政局"],
        Respective,
    );
}

#[test]
fn rule_responsible_are_leads() {
    let t = tasks(&fixture("notes_rule_all.txt"));
    check(&t[0], &["市交通运输局", "市发展改革局"], &[], Joint);
    check(&t[1], &["市水利局"], &["市财政局"], Single);
}

#[test]
fn without_a_rule_no_lead_is_guessed() {
    let t = tasks(&fixture("notes_no_rule.txt"));
    for (line, n) in &t {
        assert!(n.leads.is_empty(), "{line}");
        assert_eq!(n.mode, NoLead);
    }
    assert_eq!(t[0].1.responsible, names(&["市交通运输局", "市发展改革局"]));
    assert_eq!(t[1].1.responsible, names(&["市生态环境局"]));
}

#[test]
fn standing_note_adds_a_partner_to_later_tasks() {
    let t = tasks(&fixture("notes_standing.txt"));
    check(
        &t[0],
        &["市发展改革局"],
        &["市工业和信息化局", "各县（市、区）"],
        Single,
    );
    check(
        &t[1],
        &["市教育局", "市卫生健康局"],
        &["各县（市、区）"],
        Respective,
    );
}

#[test]
fn traditional_characters_parse_and_keep_their_form() {
    let t = tasks(&fixture("notes_traditional.txt"));
    check(
        &t[0],
        &["臺山市發展和改革局"],
        &["市財政局", "各鎮"],
        Single,
    );
    check(&t[1], &["市自然資源局"], &["市水利局", "市林業局"], Single);
    assert_eq!(t[1].1.deadline.as_deref(), Some("2025年底前"));
}

#[test]
fn mixed_document_with_a_rule_inside_a_note() {
    let t = tasks(&fixture("notes_mixed.txt"));
    assert_eq!(t.len(), 6);
    check(
        &t[0],
        &["市交通运输局"],
        &["市发展改革局", "各县（市、区）人民政府"],
        Single,
    );
    check(&t[1], &["市发展改革局"], &["供电局"], Single);
    assert_eq!(t[1].1.deadline.as_deref(), Some("2025年底前"));
    check(
        &t[2],
        &["市政务服务数据管理局"],
        &["市直有关单位", "各县（市、区）人民政府"],
        Single,
    );
    check(
        &t[3],
        &["市工业和信息化局"],
        &["市商务局", "市财政局"],
        Single,
    );
    check(&t[4], &["市农业农村局"], &["市供销社"], Single);
    check(
        &t[5],
        &["市文化广电旅游体育局"],
        &["各县（市、区）"],
        Single,
    );
    assert_eq!(t[5].1.deadline.as_deref(), Some("2026年6月底前"));
}
