//! Names the explorer gives things: documents (`[000] 标题`), tasks
//! (`1. 标题`), tree nodes, roles, lead modes, overlap relations and
//! coverage statuses, in the interface language.

use super::tree::{Grouping, NodeKey};
use crate::model::{Document, LeadMode, OverlapRelation, Task};
use crate::overlap::coverage::CoverageStatus;
use crate::query::{Catalog, Involvement, RoleCounts, TaskPos};
use crate::tui::i18n::Strings;

/// A short label for a document: the number before the first `_` of its
/// id (`000` for `000_f13ecef8831b900d`), else the whole id.
pub fn doc_tag(id: &str) -> &str {
    id.split('_').next().filter(|s| !s.is_empty()).unwrap_or(id)
}

/// The tag trees and lists show for document `id`: its short name
/// ([`Document::tag`]: `000`, `江门市乡村`), else the id's number.
pub fn doc_short(c: &Catalog, id: &crate::model::DocId) -> String {
    c.doc_pos(id)
        .and_then(|p| c.document(p))
        .map_or_else(|| doc_tag(&id.0).to_owned(), |d| d.tag().to_owned())
}

/// `[000] 标题`, with the document's short name.
pub fn doc_label(d: &Document) -> String {
    format!("[{}] {}", d.tag(), d.title)
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
    format!("[{}] {}", doc_short(c, &task.doc), numbered_title(task))
}

/// A tree row's label (a node missing from a hand-edited file is `?`).
pub fn node_label(c: &Catalog, s: &Strings, grouping: Grouping, key: NodeKey) -> String {
    match key {
        NodeKey::Region(r) => c.region(r).map_or("?".into(), |r| r.name.clone()),
        NodeKey::Doc(d) => c.document(d).map_or("?".into(), doc_label),
        NodeKey::Goal(g) => match c.goal(g) {
            None => "?".into(),
            Some(goal) => match grouping {
                Grouping::Region => format!("[{}] {}", doc_short(c, &goal.doc), goal.title),
                Grouping::Document => goal.title.clone(),
            },
        },
        NodeKey::Task(t) => numbered_title(c.task(t)),
        NodeKey::Unplaced => s.unplaced.to_owned(),
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

/// A unit's tasks by role, the roles it has only (`配合 13 · 提及 1`),
/// with how many came through a group when `via`; `0` when it has none.
/// The finder and the duty view's header both say it this way.
pub fn role_counts_label(s: &Strings, n: &RoleCounts, via: bool) -> String {
    let mut parts: Vec<String> = [
        Involvement::Lead,
        Involvement::Partner,
        Involvement::Responsible,
        Involvement::Mentioned,
    ]
    .into_iter()
    .filter(|&i| n.get(i) > 0)
    .map(|i| format!("{} {}", role_label(s, i), n.get(i)))
    .collect();
    if via && n.via_group > 0 {
        parts.push(format!("{} {}", s.via_group, n.via_group));
    }
    if parts.is_empty() {
        parts.push("0".into());
    }
    parts.join(" · ")
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

/// An overlap as lists note it, most telling first so a narrow row keeps
/// the score: `0.95 项目 广台高速、黄茅海跨海通道` (how certainly the two
/// concern the same work, the relation, the shared terms), as the related
/// pane lists them.
pub fn overlap_note(c: &Catalog, s: &Strings, o: crate::query::OverlapPos) -> String {
    let overlap = c.overlap(o);
    let shared: Vec<&str> = overlap.shared.iter().map(|t| t.term.as_str()).collect();
    format!(
        "{:.2} {} {}",
        overlap.score,
        relation_tag(s, overlap.relation),
        shared.join("、")
    )
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
