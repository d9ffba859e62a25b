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
//!   with X. A heading whose whole title is one unit's name (a 分工 sorted
//!   by unit: `一、县发展和改革局`, `二、县教育局牵头的任务`) leads so too.
//! - **Ditto.** `同上`, `牵头单位：同上`, `配合单位：同第7项`: the field is the
//!   previous (or numbered) task's, as resolved here.
//! - **Notes naming the items they cover.** `（以上3项由A牵头，B配合）` after
//!   a run of items, `以上任务由…`, `第8—10项责任单位：…`, and a 责任分工
//!   section's `第（一）（二）项由A牵头…`: the note is each named item's own
//!   (an item with a note of its own keeps it); `A、B分别牵头` over as many
//!   items pairs them in order.

use std::collections::HashMap;

use super::item_refs::{ItemRef, Numbers, opening_ref};
use super::notes::{DittoOf, NoteRules, ParsedNote, find_note, rule_reach, time_and_verb};
use super::outline::{Item, Node, NodeKind, Outline};
use crate::model::LeadMode;

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
            enter_heading(&mut headings, nodes, k);
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
            // Prose opening a part (`（二）…` / `本部分以下各项任务均需…`)
            // speaks for the part it opens; a note inside a task, for the
            // top-level part the task stands in.
            let part = if matches!(node.kind, NodeKind::Prose(_)) {
                section
            } else {
                part
            };
            part.map_or(nodes.len(), |h| end_of(h, nodes[h].depth))
        } else {
            match &node.kind {
                // Prose saying `以下…` speaks for the rest of the plan
                // (`一、总体要求` … `以下各项任务均需A落实，不再列出`);
                // other prose for its heading's section.
                NodeKind::Prose(_) if reach.below_only || reach.and_below => nodes.len(),
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
    let mut shared = shared_notes(outline);
    let mut out: Vec<ResolvedNote> = Vec::new();
    // Each resolved item's ordinal and line, for `同上` / `同第7项`.
    let mut resolved_items: Vec<(Option<u32>, u32)> = Vec::new();
    let mut headings: Vec<usize> = Vec::new();
    for (k, node) in nodes.iter().enumerate() {
        match &node.kind {
            NodeKind::Heading(_) => enter_heading(&mut headings, nodes, k),
            NodeKind::Item(item) => {
                let (rules, mut standing_lines) = rules_covering(&scoped, k, &legend_marks);
                let mut own = own_note(item);
                let copied = fill_dittos(&mut own, &out, &resolved_items);
                let own = with_shared_notes(
                    own,
                    shared.remove(&k).unwrap_or_default(),
                    &mut standing_lines,
                );
                let mut note = rules.apply(own.clone());
                let mut stated_elsewhere: Vec<(String, u32)> = standing_lines
                    .into_iter()
                    .filter(|(name, _)| own.span_of(name).is_none())
                    .chain(copied)
                    .collect();
                if let Some(lead) = heading_lead(nodes, &headings) {
                    note = inherit_heading_lead(note, &own, lead, &mut stated_elsewhere);
                }
                if note.deadline.is_none() {
                    note.deadline = item.text_deadline();
                }
                resolved_items.push((item_ordinal(item), node.span.line));
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

/// Keeps the stack of headings above node `k` when `k` is a heading: the
/// headings at its depth or deeper are closed, it opens.
fn enter_heading(headings: &mut Vec<usize>, nodes: &[Node], k: usize) {
    while headings
        .last()
        .is_some_and(|&h| nodes[h].depth >= nodes[k].depth)
    {
        headings.pop();
    }
    headings.push(k);
}

/// The rules covering node `k`, with the standing units they name and the
/// line stating each; a legend's lead marks hold everywhere.
fn rules_covering(
    scoped: &[Scoped],
    k: usize,
    legend_marks: &[char],
) -> (NoteRules, Vec<(String, u32)>) {
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
    rules.lead_marks = legend_marks.to_vec();
    (rules, standing_lines)
}

/// `同上`, `配合单位：同第7项`: fills the fields the item's note refers to
/// with the units of that task as resolved (the previous one, or the one
/// with that number), and returns the names copied with the line stating
/// them.
fn fill_dittos(
    own: &mut ParsedNote,
    resolved: &[ResolvedNote],
    resolved_items: &[(Option<u32>, u32)],
) -> Vec<(String, u32)> {
    let mut copied: Vec<(String, u32)> = Vec::new();
    for ditto in std::mem::take(&mut own.ditto) {
        let source = match ditto.of {
            DittoOf::Previous => resolved.len().checked_sub(1),
            DittoOf::Item(n) => resolved_items.iter().rposition(|(o, _)| *o == Some(n)),
        };
        if let Some(i) = source {
            let line = resolved_items[i].1;
            for name in own.fill_ditto(ditto, &resolved[i].note) {
                copied.push((name, line));
            }
        }
    }
    copied
}

/// The item's note with the notes naming it among other items
/// (`以上3项由A牵头`) taken in, unless the item names units of its own; its
/// own deadline comes first. The names those notes state are recorded in
/// `standing_lines` with their line.
fn with_shared_notes(
    mut own: ParsedNote,
    shared: Vec<SharedNote>,
    standing_lines: &mut Vec<(String, u32)>,
) -> ParsedNote {
    let names_units =
        |n: &ParsedNote| !(n.leads.is_empty() && n.partners.is_empty() && n.responsible.is_empty());
    for s in shared {
        if names_units(&own) {
            break;
        }
        let stated: Vec<String> = s
            .note
            .leads
            .iter()
            .chain(&s.note.partners)
            .chain(&s.note.responsible)
            .cloned()
            .collect();
        for name in stated {
            standing_lines.push((name, s.line));
        }
        let deadline = own.deadline.take();
        let mut note = s.note;
        note.merge(std::mem::take(&mut own));
        note.deadline = deadline.or(note.deadline);
        own = note;
    }
    own
}

/// The lead note of the innermost heading above that has one, with the
/// line stating it.
fn heading_lead<'a>(nodes: &'a [Node], headings: &[usize]) -> Option<(&'a ParsedNote, u32)> {
    headings.iter().rev().find_map(|&h| match &nodes[h].kind {
        NodeKind::Heading(hd) => hd.clause.as_ref().map(|c| (&c.note, c.line)),
        _ => None,
    })
}

/// A heading's lead for a task naming none, or sharing it (`与X共同牵头`):
/// the heading's note with the task's own merged in; the heading's partners
/// too unless the task names a lead or responsible units of its own. The task's own deadline and leader
/// come first; the inherited names are recorded in `stated_elsewhere`.
fn inherit_heading_lead(
    note: ParsedNote,
    own: &ParsedNote,
    (clause, line): (&ParsedNote, u32),
    stated_elsewhere: &mut Vec<(String, u32)>,
) -> ParsedNote {
    if !note.leads.is_empty() && !own.joins_inherited_lead {
        return note;
    }
    let mut inherited = clause.clone();
    inherited.spans.clear();
    // (A task adding units that take part, `（各乡镇人民政府具体落实）`,
    // adds them to the heading's.)
    let adds_partners_only = own.leads.is_empty() && own.responsible.is_empty();
    if !own.is_empty() && !adds_partners_only {
        inherited.partners.clear();
    }
    for name in inherited.leads.iter().chain(&inherited.partners) {
        stated_elsewhere.push((name.clone(), line));
    }
    let (deadline, leader) = (note.deadline.clone(), note.leader.clone());
    let mut merged = inherited;
    merged.merge(note);
    merged.deadline = deadline.or(merged.deadline);
    merged.leader = leader.or(merged.leader);
    merged
}

/// The ordinal of an item's number (`3.` → 3), for `同第3项`.
fn item_ordinal(item: &Item) -> Option<u32> {
    item.number
        .as_deref()
        .and_then(super::numbering::parse)
        .map(|n| n.ordinal)
}

/// An item's own note without the clauses that speak for several items
/// (those reach it through [`shared_notes`]).
fn own_note(item: &Item) -> ParsedNote {
    let mut note = ParsedNote::default();
    for c in item
        .clauses
        .iter()
        .filter(|c| opening_ref(&c.text).is_none())
    {
        note.merge(c.note.clone());
    }
    note
}

/// A note that names the items it covers, as one of them receives it.
#[derive(Debug)]
struct SharedNote {
    note: ParsedNote,
    line: u32,
}

/// For each item, the notes that name it among other items: a clause of an
/// item opening `以上3项…`/`第8—10项…`, or a sentence of prose opening
/// `第（一）（二）项由…` (a 责任分工 section).
fn shared_notes(outline: &Outline) -> HashMap<usize, Vec<SharedNote>> {
    let nodes = &outline.nodes;
    let mut out: HashMap<usize, Vec<SharedNote>> = HashMap::new();
    for (k, node) in nodes.iter().enumerate() {
        // (the sentence, its char offset in the node's text, its line)
        let sentences: Vec<(String, usize, u32)> = match &node.kind {
            NodeKind::Item(item) => item
                .clauses
                .iter()
                .map(|c| (c.text.clone(), c.start, c.line))
                .collect(),
            NodeKind::Prose(text) => reference_sentences(text)
                .into_iter()
                .map(|(s, at)| (s, at, node.span.line))
                .collect(),
            _ => continue,
        };
        for (sentence, at, line) in sentences {
            let Some(m) = opening_ref(&sentence) else {
                continue;
            };
            let Some(mut note) = note_after(&sentence, m.rest_at) else {
                continue;
            };
            // A sentence of running text (`第（七）项由A牵头，…，6月底前完成
            // 检测能力建设。`) says when by the time and its verb; the rest is
            // the work.
            if matches!(node.kind, NodeKind::Prose(_)) {
                note.deadline = note.deadline.map(|d| time_and_verb(&d));
            }
            let targets = covered_items(outline, k, &m.reference);
            // Only the carrying item's own text holds the names.
            let carrier_spans = note.spans.clone();
            let respective = note.mode == LeadMode::Respective && note.leads.len() == targets.len();
            let leads = note.leads.clone();
            note.spans.clear();
            for (i, &t) in targets.iter().enumerate() {
                let mut each = note.clone();
                if respective {
                    each.leads = vec![leads[i].clone()];
                    each.mode = LeadMode::Single;
                }
                if t == k && matches!(node.kind, NodeKind::Item(_)) {
                    each.spans = carrier_spans
                        .iter()
                        .filter(|s| !respective || !leads.contains(&s.name) || s.name == leads[i])
                        .map(|s| {
                            let mut s = s.clone();
                            // `note_after` parses the rest in brackets of its own.
                            s.start = (s.start + at + m.rest_at).saturating_sub(1);
                            s.end = (s.end + at + m.rest_at).saturating_sub(1);
                            s
                        })
                        .collect();
                }
                out.entry(t)
                    .or_default()
                    .push(SharedNote { note: each, line });
            }
        }
    }
    out
}

/// The sentences of a paragraph that open with a reference to items,
/// with their char offsets: `第（一）项由A负责；第（二）项由B负责。`.
fn reference_sentences(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let ends = matches!(c, '。' | '；' | ';') || k + 1 == chars.len();
        if !ends {
            continue;
        }
        let sentence: String = chars[start..=k].iter().collect();
        if opening_ref(&sentence).is_some() {
            out.push((sentence, start));
        }
        start = k + 1;
    }
    out
}

/// What the rest of a referring sentence says (`由A牵头，B配合`,
/// `责任单位：A、B`), read as a note of its own; names are char offsets
/// into the sentence plus one (the bracket it is parsed in).
fn note_after(sentence: &str, rest_at: usize) -> Option<ParsedNote> {
    let rest: String = sentence.chars().skip(rest_at).collect();
    let rest = rest.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '）' | ')' | ']' | '】' | '〕' | '］' | '。' | '；' | ';' | '.'
            )
    });
    let note = find_note(&format!("（{rest}）"))?.note;
    let names_someone =
        !(note.leads.is_empty() && note.responsible.is_empty() && note.partners.is_empty());
    names_someone.then_some(note)
}

/// The items a reference at node `at` covers, in order.
fn covered_items(outline: &Outline, at: usize, reference: &ItemRef) -> Vec<usize> {
    let nodes = &outline.nodes;
    let depth = nodes[at].depth;
    // The run of items before the reference (its own item included), back
    // to the section's start.
    let mut run: Vec<usize> = Vec::new();
    for k in (0..=at).rev() {
        match nodes[k].kind {
            _ if nodes[k].depth < depth => break,
            NodeKind::Heading(_) if nodes[k].depth == depth => break,
            NodeKind::Item(_) if nodes[k].depth == depth => run.push(k),
            _ => {}
        }
    }
    run.reverse();
    match reference {
        ItemRef::Preceding(n) => run[run.len().saturating_sub(*n)..].to_vec(),
        ItemRef::Run => run,
        ItemRef::Numbers(numbers) => numbered_items(outline, &run, numbers),
    }
}

/// The items with the numbers named: in the reference's own run of items
/// when it holds them all, else in the plan, where a number that more than
/// one item has is read as the one in the section holding most of the
/// numbers named (still more than one: none is guessed).
fn numbered_items(outline: &Outline, run: &[usize], numbers: &Numbers) -> Vec<usize> {
    let nodes = &outline.nodes;
    let ordinal_of = |k: usize| -> Option<(u32, bool)> {
        let NodeKind::Item(item) = &nodes[k].kind else {
            return None;
        };
        let written = item.number.as_deref()?;
        let n = super::numbering::parse(written)?;
        Some((n.ordinal, numbers.written_alike(written)))
    };
    let in_run: Vec<usize> = run
        .iter()
        .copied()
        .filter(|&k| ordinal_of(k).is_some_and(|(n, _)| numbers.ordinals.contains(&n)))
        .collect();
    if in_run.len() == numbers.ordinals.len() {
        return in_run;
    }
    // Every item of the plan with one of the numbers; those written alike
    // when there are any.
    let mut candidates: Vec<(usize, u32, bool)> = (0..nodes.len())
        .filter_map(|k| ordinal_of(k).map(|(n, alike)| (k, n, alike)))
        .filter(|(_, n, _)| numbers.ordinals.contains(n))
        .collect();
    if candidates.iter().any(|c| c.2) {
        candidates.retain(|c| c.2);
    }
    // Each node's section: the nearest heading above it (one pass).
    let mut sections: Vec<Option<usize>> = Vec::with_capacity(nodes.len());
    let mut stack: Vec<usize> = Vec::new();
    for (k, node) in nodes.iter().enumerate() {
        while stack.last().is_some_and(|&h| nodes[h].depth >= node.depth) {
            stack.pop();
        }
        sections.push(stack.last().copied());
        if let NodeKind::Heading(_) = node.kind {
            stack.push(k);
        }
    }
    let section_of = |k: usize| sections[k];
    let mut per_section: HashMap<Option<usize>, usize> = HashMap::new();
    for c in &candidates {
        *per_section.entry(section_of(c.0)).or_default() += 1;
    }
    let mut out = Vec::new();
    for &n in &numbers.ordinals {
        let with_n: Vec<&(usize, u32, bool)> = candidates.iter().filter(|c| c.1 == n).collect();
        let best = with_n
            .iter()
            .map(|c| per_section[&section_of(c.0)])
            .max()
            .unwrap_or(0);
        let chosen: Vec<usize> = with_n
            .iter()
            .filter(|c| per_section[&section_of(c.0)] == best)
            .map(|c| c.0)
            .collect();
        if let [only] = chosen.as_slice() {
            out.push(*only);
        }
    }
    out.sort_unstable();
    out
}
