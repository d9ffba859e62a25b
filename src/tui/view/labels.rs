//! Names the explorer gives things: documents (`[000] 标题`), tasks
//! (`1. 标题`), tree nodes, roles, lead modes, overlap relations and
//! coverage statuses, in the interface language.

use super::tree::{Grouping, NodeKey};
use crate::model::{Document, LeadMode, OverlapRelation, Task};
use crate::overlap::coverage::CoverageStatus;
use crate::query::{Catalog, Involvement, TaskPos};
use crate::tui::i18n::Strings;

/// A short label for a document: the number before the first `_` of its
/// id (`000` for `000_f13ecef8831b900d`), else the whole id.
pub fn doc_tag(id: &str) -> &str {
    id.split('_').next().filter(|s| !s.is_empty()).unwrap_or(id)
}

/// `[000] 标题`.
pub fn doc_label(d: &Document) -> String {
    format!("[{}] {}", doc_tag(&d.id.0), d.title)
}

/// `1. 标题`, or the title alone when the plan numbers nothing.
pub fn numbered_title(t: &Task) -> String {
    match &t.number {
        Some(n) => format!("{n} {}", t.title),
        None => t.title.clone(),
    }
}

/// `[000] 1. 标题` for a task, as the panes label it.
pub fn task_label(c: &Catalog, t: TaskPos) -> String {
    let task = c.task(t);
    format!("[{}] {}", doc_tag(&task.doc.0), numbered_title(task))
}

/// A tree row's label (a node missing from a hand-edited file is `?`).
pub fn node_label(c: &Catalog, grouping: Grouping, key: NodeKey) -> String {
    match key {
        NodeKey::Region(r) => c.region(r).map_or("?".into(), |r| r.name.clone()),
        NodeKey::Doc(d) => c.document(d).map_or("?".into(), doc_label),
        NodeKey::Goal(g) => match c.goal(g) {
            None => "?".into(),
            Some(goal) => match grouping {
                Grouping::Region => format!("[{}] {}", doc_tag(&goal.doc.0), goal.title),
                Grouping::Document => goal.title.clone(),
            },
        },
        NodeKey::Task(t) => numbered_title(c.task(t)),
    }
}

/// How a task concerns a unit: 牵头, 配合, 责任, 提及.
pub fn role_label(s: &Strings, i: Involvement) -> &'static str {
    match i {
        Involvement::Lead => s.role_lead,
        Involvement::Partner => s.role_partner,
        Involvement::Responsible => s.role_responsible,
        Involvement::Mentioned => s.role_mentioned,
    }
}

/// How a task's leads lead: 单独牵头, 共同牵头, 分别牵头, 未明确.
pub fn lead_mode_label(s: &Strings, m: LeadMode) -> &'static str {
    match m {
        LeadMode::Single => s.lead_single,
        LeadMode::Joint => s.lead_joint,
        LeadMode::Respective => s.lead_respective,
        LeadMode::None => s.lead_none,
    }
}

/// A relation as a list tags it: 项目, 同地, 平行.
pub fn relation_tag(s: &Strings, r: OverlapRelation) -> &'static str {
    match r {
        OverlapRelation::Project => s.rel_project_tag,
        OverlapRelation::SamePlace => s.rel_same_place_tag,
        OverlapRelation::Parallel => s.rel_parallel_tag,
    }
}

/// A relation in full: 同一项目, 同地措施, 平行措施.
pub fn relation_label(s: &Strings, r: OverlapRelation) -> &'static str {
    match r {
        OverlapRelation::Project => s.rel_project,
        OverlapRelation::SamePlace => s.rel_same_place,
        OverlapRelation::Parallel => s.rel_parallel,
    }
}

/// A higher task's coverage: 已落实, 部分落实, 未落实.
pub fn coverage_label(s: &Strings, c: CoverageStatus) -> &'static str {
    match c {
        CoverageStatus::TakenUp => s.cov_taken_up,
        CoverageStatus::Partly => s.cov_partly,
        CoverageStatus::NotTakenUp => s.cov_not,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_tags_are_the_number_before_the_underscore() {
        assert_eq!(doc_tag("000_f13ecef8831b900d"), "000");
        assert_eq!(doc_tag("plan"), "plan");
        assert_eq!(doc_tag("_x"), "_x");
    }
}
