//! Extraction helpers: a fixture or a scratch document through the whole
//! pipeline (`extract_paths`, as `fengong extract` runs it), and tasks
//! summarised as the document writes them.

use std::path::PathBuf;

use fengong::model::{LeadMode, Task, TaskData, UnitRef};

/// Extracts `tests/fixtures/REL`.
pub fn extract_fixture(rel: &str) -> TaskData {
    fengong::extract::extract_paths(&[super::fixture(rel)]).expect(rel)
}

/// Writes `text` to a scratch file named `name` and extracts it.
pub fn extract_text(name: &str, text: &str) -> TaskData {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    fengong::extract::extract_paths(&[path]).expect(name)
}

/// Names as written.
pub fn written(refs: &[UnitRef]) -> Vec<&str> {
    refs.iter().map(|r| r.written.as_str()).collect()
}

/// A task as the document writes it: number, title, leads, partners,
/// responsible, mode, deadline.
#[derive(Debug, PartialEq)]
pub struct Row<'a> {
    pub number: Option<&'a str>,
    pub title: &'a str,
    pub leads: Vec<&'a str>,
    pub partners: Vec<&'a str>,
    pub responsible: Vec<&'a str>,
    pub mode: LeadMode,
    pub deadline: Option<&'a str>,
}

pub fn row(t: &Task) -> Row<'_> {
    Row {
        number: t.number.as_deref(),
        title: &t.title,
        leads: written(&t.leads),
        partners: written(&t.partners),
        responsible: written(&t.responsible),
        mode: t.lead_mode,
        deadline: t.deadline.as_deref(),
    }
}

/// The goal title of each task, in task order.
pub fn goal_titles(d: &TaskData) -> Vec<&str> {
    d.tasks
        .iter()
        .map(|t| {
            d.goals
                .iter()
                .find(|g| g.id == t.goal)
                .map_or("", |g| g.title.as_str())
        })
        .collect()
}

/// Every stored unit span reads, in its task's text, as the name written.
pub fn assert_spans_read_as_written(d: &TaskData) {
    for t in &d.tasks {
        for r in t.leads.iter().chain(&t.partners).chain(&t.responsible) {
            let Some(c) = r.chars else {
                assert!(
                    r.stated_at.is_some(),
                    "{}: {} has no span and no line stating it",
                    t.id,
                    r.written
                );
                continue;
            };
            let at: String = t.text.chars().skip(c.start).take(c.end - c.start).collect();
            assert_eq!(at, r.written, "{}: span {c:?} of {}", t.id, r.written);
        }
    }
}
