//! Rules and their scope: what a document states once and applies to the
//! items it covers.
//!
//! - **Where rules are stated.** A cover notice or the preamble (the whole
//!   plan), a heading's own text (its section), a note (its task and what
//!   follows). Rules are `列第一位的为牵头单位` (the first 责任单位 leads),
//!   `无牵头单位的，责任单位即为牵头单位` (all lead), and standing partners
//!   (`以下…均需各县（市、区）落实，不再列出`).
//! - **How far they reach.** The words say it: `以下` starts after the
//!   statement, `下同` includes the statement's own task, `本部分`/`本章`
//!   ends with the top-level part, `本节` with the section; `本方案…`,
//!   `方案中…` the whole plan, even from its closing section.
//! - **Legends.** A legend for lead marks (`注：标*的为牵头单位`) or for the
//!   order of 责任单位 (`注：排在第一位的为牵头单位`, a note row under a
//!   table) explains the document's notation, wherever it stands (often
//!   below the table): it covers the whole document.
//! - **Leads on headings.** `三、…（由X牵头）` makes X the lead of every
//!   task below that names no lead of its own; a task with no note at all
//!   also takes the heading's partners; `（与Y共同牵头）` makes Y a joint lead
//!   with X.
//! - **Ditto.** `同上`, `牵头单位：同上`, `配合单位：同第7项`: the field is the
//!   previous (or numbered) task's, as resolved here.

use super::notes::{DittoOf, NoteRules, ParsedNote, rule_reach};
use super::outline::{NodeKind, Outline};

/// An item's note once the document's rules are applied.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedNote {
    /// Index of the item in `outline.nodes`.
    pub node: usize,
    pub note: ParsedNote,
    /// Names the item's own text does not state, with the line that does
    /// (a heading's lead, a standing partner).
    pub stated_elsewhere: Vec<(String, u32)>,
}

/// A rule with the nodes it covers (`from..to`) and the line stating it.
#[derive(Debug)]
struct Scoped {
    rules: NoteRules,
    from: usize,
    to: usize,
    line: u32,
}

/// Every item's note with the rules that cover it applied, in node order.
pub fn resolve(outline: &Outline) -> Vec<ResolvedNote> {
    let nodes = &outline.nodes;
    let mut scoped: Vec<Scoped> = Vec::new();
    // The cover notice and preamble speak for the whole plan.
    for p in &outline.front {
        let mut r = NoteRules::default();
        r.observe(&p.text);
        if !r.is_empty() {
            scoped.push(Scoped {
                rules: r,
                from: 0,
                to: nodes.len(),
                line: p.line,
            });
        }
    }
    // Where each node's heading section and top-level part end.
    let end_of = |k: usize, depth: usize| {
        (k + 1..nodes.len())
            .find(|&j| nodes[j].depth <= depth && matches!(nodes[j].kind, NodeKind::Heading(_)))
            .unwrap_or(nodes.len())
    };
    let mut headings: Vec<usize> = Vec::new(); // the heading stack
    for (k, node) in nodes.iter().enumerate() {
        if let NodeKind::Heading(_) = node.kind {
            while headings
                .last()
                .is_some_and(|&h| nodes[h].depth >= node.depth)
            {
                headings.pop();
            }
            headings.push(k);
        }
        let text = match &node.kind {
            NodeKind::Heading(h) => h.title.as_str(),
            NodeKind::Prose(t) => t.as_str(),
            NodeKind::Item(item) => item.text.as_str(),
            NodeKind::Project { .. } => continue,
        };
        let mut r = NoteRules::default();
        r.observe(text);
        if r.is_empty() {
            continue;
        }
        let mut reach = rule_reach(text);
        // A legend on how 责任单位 are written holds for the rows above it.
        reach.whole_plan |= reach.legend && (r.first_is_lead || r.responsible_are_leads);
        let section = headings.iter().rev().find(|&&h| h != k).copied();
        let part = headings.first().copied().filter(|&h| h != k);
        let to = if reach.whole_plan {
            nodes.len()
        } else if reach.this_section {
            section.map_or(nodes.len(), |h| end_of(h, nodes[h].depth))
        } else if reach.this_part {
            part.map_or(nodes.len(), |h| end_of(h, nodes[h].depth))
        } else {
            match &node.kind {
                // Prose speaks for its heading's section.
                NodeKind::Prose(_) => section.map_or(nodes.len(), |h| end_of(h, nodes[h].depth)),
                // A heading for itself and what it heads.
                NodeKind::Heading(_) => end_of(k, node.depth),
                _ => nodes.len(),
            }
        };
        let from = match node.kind {
            _ if reach.whole_plan => 0,
            NodeKind::Item(_) if reach.below_only => k + 1,
            _ => k,
        };
        scoped.push(Scoped {
            rules: r,
            from,
            to,
            line: node.span.line,
        });
    }

    // A legend's marks hold wherever it stands: the marks of every rule
    // found above, whatever its reach.
    let mut legend_marks: Vec<char> = Vec::new();
    for m in scoped.iter().flat_map(|s| &s.rules.lead_marks) {
        if !legend_marks.contains(m) {
            legend_marks.push(*m);
        }
    }
    let mut out: Vec<ResolvedNote> = Vec::new();
    // Each resolved item's ordinal and line, for `同上` / `同第7项`.
    let mut resolved_items: Vec<(Option<u32>, u32)> = Vec::new();
    let mut headings: Vec<usize> = Vec::new();
    for (k, node) in nodes.iter().enumerate() {
        match &node.kind {
            NodeKind::Heading(_) => {
                while headings
                    .last()
                    .is_some_and(|&h| nodes[h].depth >= node.depth)
                {
                    headings.pop();
                }
                headings.push(k);
            }
            NodeKind::Item(item) => {
                let mut rules = NoteRules::default();
                let mut standing_lines: Vec<(String, u32)> = Vec::new();
                for s in scoped.iter().filter(|s| s.from <= k && k < s.to) {
                    rules.extend(&s.rules);
                    for p in s
                        .rules
                        .standing_partners
                        .iter()
                        .chain(&s.rules.standing_leads)
                    {
                        standing_lines.push((p.clone(), s.line));
                    }
                }
                rules.lead_marks.clone_from(&legend_marks);
                let mut own = item.note();
                // `同上`, `配合单位：同第7项`: that task's units, as resolved.
                let mut copied: Vec<(String, u32)> = Vec::new();
                for ditto in std::mem::take(&mut own.ditto) {
                    let source = match ditto.of {
                        DittoOf::Previous => out.len().checked_sub(1),
                        DittoOf::Item(n) => resolved_items.iter().rposition(|(o, _)| *o == Some(n)),
                    };
                    if let Some(i) = source {
                        let line = resolved_items[i].1;
                        for name in own.fill_ditto(ditto, &out[i].note) {
                            copied.push((name, line));
                        }
                    }
                }
                let mut note = rules.apply(own.clone());
                let mut stated_elsewhere: Vec<(String, u32)> = standing_lines
                    .into_iter()
                    .filter(|(name, _)| own.span_of(name).is_none())
                    .chain(copied)
                    .collect();
                // A heading's lead for a task naming none, or sharing it
                // (`与X共同牵头`).
                if (note.leads.is_empty() || own.joins_inherited_lead)
                    && let Some((clause, line)) =
                        headings.iter().rev().find_map(|&h| match &nodes[h].kind {
                            NodeKind::Heading(hd) => hd.clause.as_ref().map(|c| (&c.note, c.line)),
                            _ => None,
                        })
                {
                    let mut inherited = clause.clone();
                    inherited.spans.clear();
                    if !own.is_empty() {
                        inherited.partners.clear();
                    }
                    for name in inherited.leads.iter().chain(&inherited.partners) {
                        stated_elsewhere.push((name.clone(), line));
                    }
                    // The task's own deadline and leader come first.
                    let (deadline, leader) = (note.deadline.clone(), note.leader.clone());
                    let mut merged = inherited;
                    merged.merge(note);
                    merged.deadline = deadline.or(merged.deadline);
                    merged.leader = leader.or(merged.leader);
                    note = merged;
                }
                if note.deadline.is_none() {
                    note.deadline = item.text_deadline();
                }
                let ordinal = item
                    .number
                    .as_deref()
                    .and_then(super::numbering::parse)
                    .map(|n| n.ordinal);
                resolved_items.push((ordinal, node.span.line));
                out.push(ResolvedNote {
                    node: k,
                    note,
                    stated_elsewhere,
                });
            }
            _ => {}
        }
    }
    out
}
