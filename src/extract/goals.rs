//! Goals and tasks read off the outline.
//!
//! The goal level is the heading depth that holds most tasks directly;
//! every heading there is a goal — also one whose text is prose with no
//! tasks (a *prose goal*, which keeps its text as its body) — and so is any
//! other heading with tasks of its own. Headings above a goal are its
//! heading path; headings below it that hold no tasks are part of its
//! body. Tasks before any heading form one untitled goal. Background
//! chapters yield nothing.
//!
//! The report's "never silent" part is gathered here too: paragraphs that
//! look like tasks or notes but were placed nowhere.

use std::collections::HashSet;

use super::notes::{ParsedNote, without_task_label};
use super::numbering::NumberStyle;
use super::outline::{Clause, ItemSource, NodeKind, Outline, Span, Unplaced};
use super::scope::ResolvedNote;
use super::structure::excerpt;

#[derive(Debug, Clone, PartialEq)]
pub struct GoalDraft {
    pub number: Option<String>,
    pub title: String,
    pub heading_path: Vec<String>,
    pub line: u32,
    /// The goal's own text that is no task (its intro, or all of it for a
    /// prose goal), paragraphs separated by `\n`.
    pub body: String,
    pub body_span: Option<Span>,
    pub tasks: Vec<TaskDraft>,
    pub projects: Vec<ProjectDraft>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskDraft {
    pub number: Option<String>,
    pub title: String,
    pub text: String,
    pub span: Span,
    pub clauses: Vec<Clause>,
    /// Who does it, the document's rules applied.
    pub note: ParsedNote,
    pub stated_elsewhere: Vec<(String, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectDraft {
    pub list: String,
    pub text: String,
    pub span: Span,
}

/// The goals of an outline, and what the report should say about text
/// that was not placed (besides `outline.unplaced`).
pub fn goals(outline: &Outline, resolved: &[ResolvedNote]) -> (Vec<GoalDraft>, Vec<Unplaced>) {
    let nodes = &outline.nodes;
    let mut unplaced = Vec::new();
    // Each node's nearest heading, and whether it lies in background.
    let mut parent_heading: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut in_background = vec![false; nodes.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (k, node) in nodes.iter().enumerate() {
        while stack.last().is_some_and(|&h| nodes[h].depth >= node.depth) {
            stack.pop();
        }
        parent_heading[k] = stack.last().copied();
        let bg_above = stack
            .iter()
            .any(|&h| matches!(&nodes[h].kind, NodeKind::Heading(x) if x.background));
        in_background[k] = bg_above || matches!(&node.kind, NodeKind::Heading(x) if x.background);
        if let NodeKind::Heading(_) = node.kind {
            stack.push(k);
        }
    }
    let restated = restated_by_table(outline, resolved);
    // The depth of headings holding most tasks directly.
    let mut per_depth: std::collections::BTreeMap<usize, usize> = Default::default();
    for (k, node) in nodes.iter().enumerate() {
        if let (NodeKind::Item(_), Some(h), false) =
            (&node.kind, parent_heading[k], in_background[k])
            && !restated.contains(&k)
        {
            *per_depth.entry(nodes[h].depth).or_default() += 1;
        }
    }
    let goal_depth = per_depth
        .iter()
        .max_by_key(|(d, n)| (**n, std::cmp::Reverse(**d)))
        .map(|(d, _)| *d);
    // Which headings hold an item directly (one pass: a plan or table of
    // 200 000 rows must not cost 200 000² steps).
    let mut has_items = vec![false; nodes.len()];
    for (k, n) in nodes.iter().enumerate() {
        if let (NodeKind::Item(_), Some(h)) = (&n.kind, parent_heading[k])
            && !restated.contains(&k)
        {
            has_items[h] = true;
        }
    }
    let is_goal = |h: usize| -> bool {
        let NodeKind::Heading(hd) = &nodes[h].kind else {
            return false;
        };
        !in_background[h]
            && (has_items[h]
                || (Some(nodes[h].depth) == goal_depth && hd.style != NumberStyle::Plain))
    };
    // Each node's goal: its nearest heading that is a goal.
    let goal_of = |k: usize| -> Option<usize> {
        let mut cur = parent_heading[k];
        while let Some(h) = cur {
            if is_goal(h) {
                return Some(h);
            }
            cur = parent_heading[h];
        }
        None
    };

    let mut drafts: Vec<GoalDraft> = Vec::new();
    let mut index_of: std::collections::HashMap<Option<usize>, usize> = Default::default();
    let mut resolved = resolved.iter().peekable();
    for (k, node) in nodes.iter().enumerate() {
        let heading_goal = is_goal(k).then_some(k);
        if let Some(h) = heading_goal {
            let NodeKind::Heading(hd) = &nodes[h].kind else {
                unreachable!("goals are headings")
            };
            let mut path = Vec::new();
            let mut cur = parent_heading[h];
            while let Some(p) = cur {
                if let NodeKind::Heading(ph) = &nodes[p].kind
                    && !ph.title.is_empty()
                {
                    path.push(ph.title.clone());
                }
                cur = parent_heading[p];
            }
            path.reverse();
            index_of.insert(Some(h), drafts.len());
            drafts.push(GoalDraft {
                number: hd.number.clone(),
                title: hd.title.clone(),
                heading_path: path,
                line: node.span.line,
                body: String::new(),
                body_span: None,
                tasks: Vec::new(),
                projects: Vec::new(),
            });
            continue;
        }
        let note = if let NodeKind::Item(_) = node.kind {
            resolved.next_if(|r| r.node == k)
        } else {
            None
        };
        if in_background[k] {
            if let NodeKind::Prose(text) = &node.kind {
                report_notes_in(
                    text,
                    node.span.line,
                    "in a background chapter",
                    &mut unplaced,
                );
            }
            continue;
        }
        let goal = goal_of(k);
        let draft = match index_of.get(&goal) {
            Some(&i) => i,
            None if goal.is_none() && matches!(node.kind, NodeKind::Item(_)) => {
                // Tasks before any heading: one untitled goal.
                index_of.insert(None, drafts.len());
                drafts.push(GoalDraft {
                    number: None,
                    title: String::new(),
                    heading_path: Vec::new(),
                    line: node.span.line,
                    body: String::new(),
                    body_span: None,
                    tasks: Vec::new(),
                    projects: Vec::new(),
                });
                drafts.len() - 1
            }
            None => {
                if let NodeKind::Prose(text) = &node.kind {
                    report_notes_in(text, node.span.line, "under no goal", &mut unplaced);
                }
                continue;
            }
        };
        let d = &mut drafts[draft];
        match &node.kind {
            // The plan's wording of a task its 分工表 assigns: text of the goal.
            NodeKind::Item(item) if restated.contains(&k) => add_body(d, &item.text, node.span),
            NodeKind::Item(item) => {
                let Some(r) = note else { continue };
                d.tasks.push(TaskDraft {
                    number: item.number.clone(),
                    // `督办事项：加快…`: a form's label is no part of the title.
                    title: without_task_label(&item.title).to_owned(),
                    text: item.text.clone(),
                    span: node.span,
                    clauses: item.clauses.clone(),
                    note: r.note.clone(),
                    stated_elsewhere: r.stated_elsewhere.clone(),
                });
            }
            NodeKind::Prose(text) => {
                add_body(d, text, node.span);
                if super::notes::parse_annotation(text).is_some() {
                    unplaced.push(Unplaced {
                        line: node.span.line,
                        text: excerpt(text),
                        reason: "a note line with no task before it".to_owned(),
                    });
                }
            }
            // A heading below the goal holding no tasks: part of its body.
            NodeKind::Heading(h) if !h.title.is_empty() => {
                let title = match &h.number {
                    Some(n) => format!("{n}{}", h.title),
                    None => h.title.clone(),
                };
                add_body(d, &title, node.span);
            }
            NodeKind::Heading(_) => {}
            NodeKind::Project { list, text } => d.projects.push(ProjectDraft {
                list: list.clone(),
                text: text.clone(),
                span: node.span,
            }),
        }
    }
    for p in outline.front.iter().skip(outline.cover) {
        report_notes_in(
            &p.text,
            p.line,
            "in the preamble, before the plan's first heading",
            &mut unplaced,
        );
    }
    (drafts, unplaced)
}

/// Items that name nobody (no unit, person or time, none inherited) whose
/// title a task table of the same document restates in a row that does
/// name who does it: a plan's prose stating its tasks, then an attached
/// 分工表 (任务分解表) assigning them. Each is one task, the row's; the
/// prose item is not counted twice. Items with notes of their own stay
/// tasks whatever the tables list.
fn restated_by_table(outline: &Outline, resolved: &[ResolvedNote]) -> HashSet<usize> {
    let fold = |t: &str| -> String {
        without_task_label(t)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .trim_end_matches(['。', '；', '，', '.', ';', ','])
            .to_owned()
    };
    let mut named: HashSet<String> = HashSet::new();
    let mut noteless: Vec<(usize, String)> = Vec::new();
    for r in resolved {
        let Some(NodeKind::Item(item)) = outline.nodes.get(r.node).map(|n| &n.kind) else {
            continue;
        };
        match (item.source, r.note.is_empty()) {
            (ItemSource::TableRow, false) => {
                named.insert(fold(&item.title));
            }
            (ItemSource::TableRow, true) => {}
            (_, true) => noteless.push((r.node, fold(&item.title))),
            (_, false) => {}
        }
    }
    noteless
        .into_iter()
        .filter(|(_, title)| !title.is_empty() && named.contains(title))
        .map(|(k, _)| k)
        .collect()
}

fn add_body(d: &mut GoalDraft, text: &str, span: Span) {
    if !d.body.is_empty() {
        d.body.push('\n');
    }
    d.body.push_str(text);
    let s = d.body_span.get_or_insert(span);
    s.end_line = span.end_line.max(s.end_line);
}

/// Paragraphs of `text` that hold a responsibility note, reported as not
/// placed.
fn report_notes_in(text: &str, line: u32, where_: &str, unplaced: &mut Vec<Unplaced>) {
    for (k, p) in text.split('\n').enumerate() {
        let is_note = super::notes::find_task_note(p)
            .is_some_and(|m| !m.note.leads.is_empty() || !m.note.responsible.is_empty())
            || super::notes::parse_annotation(p)
                .is_some_and(|n| !n.leads.is_empty() || !n.responsible.is_empty());
        if is_note {
            unplaced.push(Unplaced {
                line: line + k as u32,
                text: excerpt(p),
                reason: format!("names who does it, but stands {where_}"),
            });
        }
    }
}
