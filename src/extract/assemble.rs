//! One document through the pipeline ([`parse_document`]), then all
//! documents into one [`TaskData`]: jurisdictions and sub-regions, goals,
//! tasks with their units resolved, the per-document report, overlaps.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex::Regex;

use super::goals::GoalDraft;
use super::normalise::Para;
use super::source::Block;
use super::units::{DocContext, GroupDefinition, UnitTable};
use super::{DocInput, gazetteer, goals, meta, normalise, notes, regions, scope, structure, units};
use crate::model::{
    CharSpan, DocId, DocReport, Document, Goal, GoalId, LeadMode, Project, ProseGoal, Region,
    RegionId, RegionKind, ResponsibilityNote, SourceSpan, Task, TaskData, TaskId, UnitRef,
    Unplaced, Warning,
};

/// What one document yields before ids are assigned across documents.
struct DocParts {
    id: DocId,
    source: String,
    meta: meta::Meta,
    jurisdiction: String,
    goals: Vec<GoalDraft>,
    regions: Vec<regions::RegionDraft>,
    groups: HashMap<String, GroupDefinition>,
    /// `市文化广电旅游局（以下简称市文旅局）`: short name → the unit's name.
    short_names: HashMap<String, String>,
    warnings: Vec<Warning>,
    unplaced: Vec<Unplaced>,
}

fn doc_id(path: &Path, taken: &mut HashMap<String, usize>) -> DocId {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "doc".to_owned());
    let n = taken.entry(stem.clone()).or_default();
    *n += 1;
    DocId(if *n == 1 { stem } else { format!("{stem}-{n}") })
}

/// The whole text of a document's blocks (lines and cells), for facts
/// looked up anywhere in it (document numbers, place names).
fn all_text(blocks: &[Block]) -> String {
    let mut s = String::new();
    for b in blocks {
        match b {
            Block::Line(l) => {
                s.push_str(&l.text);
                s.push('\n');
            }
            Block::Table(t) => {
                for r in &t.rows {
                    s.push_str(&r.cells.join(" "));
                    s.push('\n');
                }
            }
            Block::PageBreak => {}
        }
    }
    s
}

fn parse_document(id: DocId, input: &DocInput) -> DocParts {
    let text = all_text(&input.blocks);
    let layout = super::undo_layout(input.blocks.clone());
    let normalised = normalise::paragraphs(layout);
    let (outline, mut warnings) = structure::build(&normalised);
    let resolved = scope::resolve(&outline);
    let (goals, mut unplaced) = goals::goals(&outline, &resolved);
    // A line the outline could not number but that still became a task
    // (a lead sentence) is placed.
    unplaced.extend(
        outline
            .unplaced
            .iter()
            .filter(|u| {
                !goals
                    .iter()
                    .flat_map(|g| &g.tasks)
                    .any(|t| t.span.line <= u.line && u.line <= t.span.end_line)
            })
            .cloned(),
    );
    unplaced.sort_by_key(|u| u.line);
    let front: Vec<&str> = outline.front.iter().map(|p| p.text.as_str()).collect();
    let meta = meta::read_meta(&front, outline.cover, &text);
    let jurisdiction = meta
        .jurisdiction
        .clone()
        .unwrap_or_else(|| units::UNKNOWN_JURISDICTION.to_owned());
    let regions = regions::find_regions(&normalised.paras, &goals);
    let (groups, short_names) = name_definitions(&normalised.paras, &id);
    if goals.iter().all(|g| g.tasks.is_empty()) {
        warnings.push(Warning {
            line: 1,
            message: no_tasks_message(&normalised, &outline, unplaced.len()),
        });
    }
    for t in goals.iter().flat_map(|g| &g.tasks) {
        for c in &t.clauses {
            for part in &c.note.unread {
                warnings.push(Warning {
                    line: c.line,
                    message: format!(
                        "task “{}”: part of its note was not read: “{part}”",
                        structure::excerpt(&t.title)
                    ),
                });
            }
        }
    }
    warnings.sort_by_key(|w| w.line);
    DocParts {
        source: input.path.to_string_lossy().replace('\\', "/"),
        id,
        meta,
        jurisdiction,
        goals,
        regions,
        groups,
        short_names,
        warnings,
        unplaced,
    }
}

/// Names a document gives: `台城、水步…白沙(以下统称北部7镇)`, a name for a
/// list of places (a group); `市文化广电旅游局（以下简称市文旅局）`, a short
/// name for one unit (short name → the unit's name).
fn name_definitions(
    paras: &[Para],
    doc: &DocId,
) -> (HashMap<String, GroupDefinition>, HashMap<String, String>) {
    static DEF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([^，,。；：“”(（]{2,80})[（(]以下(?:统称|简称|合称)[“\x22]?([^”\x22)）]{1,12})[”\x22]?[)）]").unwrap()
    });
    let mut out = HashMap::new();
    let mut short_names = HashMap::new();
    for p in paras.iter().filter(|p| p.text.contains("以下")) {
        for c in DEF.captures_iter(&p.text) {
            let list = &c[1];
            if !list.contains('、') {
                // A name for one thing: a unit's short name when what it
                // stands for ends with a unit's whole name (`由市文化广电
                // 旅游局`); else an abbreviation of something else.
                let unit = list
                    .char_indices()
                    .map(|(at, _)| &list[at..])
                    .find(|tail| super::notes::whole_unit_name(tail).is_some());
                if let Some(unit) = unit
                    && unit != &c[2]
                {
                    short_names.insert(c[2].to_owned(), unit.to_owned());
                }
                continue;
            }
            let mut members: Vec<String> = list
                .split(['、', '和'])
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            // The first item carries the sentence's verb: keep its last word,
            // as long as the other members are.
            let typical = members
                .iter()
                .skip(1)
                .map(|m| m.chars().count())
                .max()
                .unwrap_or(2);
            if let Some(first) = members.first_mut() {
                let n = first.chars().count();
                if n > typical {
                    *first = first.chars().skip(n - typical).collect();
                }
            }
            out.insert(
                c[2].to_owned(),
                GroupDefinition {
                    members,
                    source: SourceSpan {
                        doc: doc.clone(),
                        line: p.line,
                        end_line: p.end_line,
                    },
                },
            );
        }
    }
    (out, short_names)
}

fn span(doc: &DocId, s: super::outline::Span) -> SourceSpan {
    SourceSpan {
        doc: doc.clone(),
        line: s.line,
        end_line: s.end_line,
    }
}

/// Parses every document, on all cores, and returns their parts in input
/// order. Documents are independent until they are assembled, so each
/// worker takes the next unparsed document, largest first: plans differ in
/// size tenfold, and fixed shares would leave a core idle while another
/// parses the largest one.
fn parse_all(inputs: &[DocInput], ids: Vec<DocId>) -> Vec<DocParts> {
    let threads = crate::overlap::threads().min(inputs.len());
    if threads <= 1 {
        return inputs
            .iter()
            .zip(ids)
            .map(|(input, id)| parse_document(id, input))
            .collect();
    }
    let text_size = |input: &DocInput| -> usize {
        let block_size = |b: &Block| match b {
            Block::Line(l) => l.text.len(),
            Block::Table(t) => t.rows.iter().flat_map(|r| &r.cells).map(String::len).sum(),
            Block::PageBreak => 0,
        };
        input.blocks.iter().map(block_size).sum()
    };
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(text_size(&inputs[i])));
    let next = AtomicUsize::new(0);
    let mut parsed: Vec<(usize, DocParts)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                        out.push((i, parse_document(ids[i].clone(), &inputs[i])));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("document parser panicked"))
            .collect()
    });
    parsed.sort_by_key(|&(i, _)| i);
    parsed.into_iter().map(|(_, parts)| parts).collect()
}

/// Assembles documents into one [`TaskData`]: regions, goals, tasks, units.
pub fn assemble(inputs: &[DocInput]) -> TaskData {
    let mut taken = HashMap::new();
    let ids = inputs
        .iter()
        .map(|input| doc_id(input.path, &mut taken))
        .collect();
    let parts = parse_all(inputs, ids);

    let mut data = TaskData::new();
    let mut region_index: HashMap<RegionId, usize> = HashMap::new();

    // Jurisdictions and what contains them, outermost first. A top-level
    // division no document governs (the province) is left out.
    let parent_of = |name: &str| gazetteer::division(name).and_then(|d| d.parent);
    for p in &parts {
        let mut chain = vec![p.jurisdiction.as_str()];
        let mut cur = parent_of(&p.jurisdiction);
        while let Some(name) = cur {
            let top = parent_of(name).is_none();
            if top && !parts.iter().any(|d| d.jurisdiction == name) {
                break;
            }
            chain.push(name);
            cur = parent_of(name);
        }
        for name in chain.into_iter().rev() {
            let id = RegionId::from(name);
            if region_index.contains_key(&id) {
                continue;
            }
            let division = gazetteer::division(name);
            let members = gazetteer::DIVISIONS
                .iter()
                .filter(|d| d.parent == Some(name))
                .map(|d| d.name.to_owned())
                .chain(
                    division
                        .into_iter()
                        .flat_map(|d| d.towns.iter().map(|t| (*t).to_owned())),
                )
                .collect();
            let parent = parent_of(name)
                .map(RegionId::from)
                .filter(|p| region_index.contains_key(p));
            region_index.insert(id.clone(), data.regions.len());
            data.regions.push(Region {
                id,
                name: name.to_owned(),
                kind: RegionKind::Jurisdiction,
                parent,
                members,
                doc: None,
                source: None,
            });
        }
    }

    let mut table = UnitTable::default();
    for p in &parts {
        let jurisdiction_id = RegionId(p.jurisdiction.clone());
        // Sub-regions this document defines.
        let sub_id = |name: &str| RegionId(format!("{}/{name}", p.jurisdiction));
        let mut sub_regions: Vec<(String, RegionId)> = Vec::new();
        for d in &p.regions {
            let parent = d
                .parent
                .as_deref()
                .map(sub_id)
                .unwrap_or_else(|| jurisdiction_id.clone());
            let id = sub_id(&d.name);
            if region_index.contains_key(&id) {
                continue;
            }
            region_index.insert(id.clone(), data.regions.len());
            data.regions.push(Region {
                id: id.clone(),
                name: d.name.clone(),
                kind: RegionKind::Subregion,
                parent: Some(parent),
                members: d.members.clone(),
                doc: Some(p.id.clone()),
                source: Some(SourceSpan {
                    doc: p.id.clone(),
                    line: d.line,
                    end_line: d.line,
                }),
            });
            sub_regions.push((d.name.clone(), id));
        }

        let ctx = DocContext {
            jurisdiction: &p.jurisdiction,
            jurisdiction_id: &jurisdiction_id,
            groups: &p.groups,
            short_names: &p.short_names,
        };
        let mut report = DocReport {
            warnings: p.warnings.clone(),
            ..Default::default()
        };
        let first_goal = data.goals.len();
        for raw in &p.goals {
            let goal_id = GoalId(format!("{}:g{}", p.id, data.goals.len() - first_goal + 1));
            let region = regions::region_for_goal(&raw.title, &p.regions)
                .map(|d| sub_id(&d.name))
                .unwrap_or_else(|| jurisdiction_id.clone());
            // A group defined in a region's goal (北部7镇) lists that region's members.
            if let Some(&ri) = region_index.get(&region)
                && data.regions[ri].members.is_empty()
                && let Some(def) = p
                    .groups
                    .values()
                    .find(|d| raw.body.contains(&d.members.join("、")))
            {
                data.regions[ri].members = def.members.clone();
            }
            data.goals.push(Goal {
                id: goal_id.clone(),
                doc: p.id.clone(),
                region,
                number: raw.number.clone(),
                // A plan whose tasks have no heading above them is one goal.
                title: if raw.title.is_empty() {
                    p.meta.title.clone().unwrap_or_else(|| p.id.to_string())
                } else {
                    raw.title.clone()
                },
                heading_path: raw.heading_path.clone(),
                projects: raw
                    .projects
                    .iter()
                    .map(|pr| Project {
                        list: pr.list.clone(),
                        text: pr.text.clone(),
                        source: span(&p.id, pr.span),
                    })
                    .collect(),
                source: SourceSpan {
                    doc: p.id.clone(),
                    line: raw.line,
                    end_line: raw.line,
                },
                body: raw.body.clone(),
                body_source: raw.body_span.map(|s| span(&p.id, s)),
            });
            report.goals += 1;
            if raw.tasks.is_empty() && !raw.body.is_empty() {
                report.prose_goals.push(ProseGoal {
                    line: raw.line,
                    title: raw.title.clone(),
                });
            }
            for t in &raw.tasks {
                let note = &t.note;
                let resolve = |table: &mut UnitTable, names: &[String]| -> Vec<UnitRef> {
                    names
                        .iter()
                        .map(|w| UnitRef {
                            unit: match note.span_of(w).and_then(|s| s.expanded.as_deref()) {
                                Some(meant) => table.resolve_as(w, meant, &ctx),
                                None => table.resolve(w, &ctx),
                            },
                            written: w.clone(),
                            chars: note.span_of(w).and_then(|s| name_span(&t.text, s, w)),
                            stated_at: t
                                .stated_elsewhere
                                .iter()
                                .find(|(n, _)| n == w)
                                .map(|(_, line)| *line),
                        })
                        .collect()
                };
                let leads = resolve(&mut table, &note.leads);
                let partners = resolve(&mut table, &note.partners);
                let responsible = resolve(&mut table, &note.responsible);
                // Mentions are looked for outside the clauses.
                let mut in_clause = vec![false; t.text.chars().count()];
                for c in &t.clauses {
                    for x in in_clause.iter_mut().take(c.end).skip(c.start) {
                        *x = true;
                    }
                }
                let outside: String = t
                    .text
                    .chars()
                    .zip(&in_clause)
                    .map(|(ch, inside)| if *inside { '\n' } else { ch })
                    .collect();
                let mentions = units::find_mentions(&outside, &mut table, &ctx, &sub_regions);
                let lead_mode = if leads.is_empty() {
                    LeadMode::None
                } else {
                    note.mode
                };
                report.tasks += 1;
                if !leads.is_empty() {
                    report.tasks_with_leads += 1;
                }
                let clauses: Vec<ResponsibilityNote> = t
                    .clauses
                    .iter()
                    .map(|c| ResponsibilityNote {
                        text: c.text.clone(),
                        line: c.line,
                        chars: Some(CharSpan {
                            start: c.start,
                            end: c.end,
                        }),
                    })
                    .collect();
                data.tasks.push(Task {
                    id: TaskId(format!("{}:t{}", p.id, report.tasks)),
                    key: Default::default(),
                    doc: p.id.clone(),
                    goal: goal_id.clone(),
                    number: t.number.clone(),
                    title: t.title.clone(),
                    text: t.text.clone(),
                    note: clauses.first().cloned(),
                    clauses,
                    leads,
                    partners,
                    responsible,
                    lead_mode,
                    leader: note.leader.clone(),
                    deadline: note.deadline.clone(),
                    due: None,
                    mentions,
                    source: span(&p.id, t.span),
                });
            }
        }
        report.unplaced = p.unplaced.clone();
        data.documents.push(Document {
            id: p.id.clone(),
            title: p.meta.title.clone().unwrap_or_else(|| p.id.to_string()),
            issuer: p.meta.issuer.clone(),
            date: p.meta.date.clone(),
            number: p.meta.number.clone(),
            jurisdiction: jurisdiction_id.clone(),
            source: p.source.clone(),
            short_name: None,
            report,
        });
    }
    data.units = table.into_units();
    // Deadlines as dates and stable task keys; words that name no date are reported.
    let unread = data.fill_derived();
    data.warn_unread_deadlines(&unread);
    data.overlaps = crate::overlap::compute(&data);
    data
}

/// Where `written` stands in a task's `text`, from the span its note cut it
/// from: the part of that span holding the name as written (a name cleaned
/// of an explanatory bracket, `市政务服务局（指…，下同）`), else the whole span
/// (`各相关镇(街,下同)`, written `各相关镇(街)`).
fn name_span(text: &str, cut: &notes::NameSpan, written: &str) -> Option<CharSpan> {
    let len = cut.end.checked_sub(cut.start)?;
    let window: Vec<char> = text.chars().skip(cut.start).take(len).collect();
    if window.len() < len {
        return None;
    }
    let name: Vec<char> = written.chars().collect();
    let at = window
        .windows(name.len().max(1))
        .position(|w| w == name.as_slice());
    Some(match at {
        Some(at) => CharSpan {
            start: cut.start + at,
            end: cut.start + at + name.len(),
        },
        None => CharSpan {
            start: cut.start,
            end: cut.end,
        },
    })
}

/// Why a document gave no task, from what was seen in it: the report is
/// never just "nothing".
fn no_tasks_message(
    n: &normalise::Normalised,
    outline: &super::outline::Outline,
    unplaced: usize,
) -> String {
    use super::normalise::ParaKind;
    let numbered = n
        .paras
        .iter()
        .filter(|p| matches!(p.kind, ParaKind::Numbered(_)))
        .count();
    let notes = n
        .paras
        .iter()
        .filter(|p| {
            notes::find_note(&p.text).is_some() || notes::parse_annotation(&p.text).is_some()
        })
        .count();
    let headings = outline
        .nodes
        .iter()
        .filter(|x| matches!(x.kind, super::outline::NodeKind::Heading(_)))
        .count();
    let why = if unplaced > 0 {
        format!(
            "{unplaced} lines look like tasks or notes but were not placed (listed as “not placed”)"
        )
    } else if numbered == 0 && notes == 0 && n.tables.is_empty() {
        "nothing is numbered, no line says who does what and there is no table, so nothing reads as a task".to_owned()
    } else if notes == 0 {
        "no line says who does what (牵头, 负责, 责任单位…) and the numbered paragraphs read as headings or background".to_owned()
    } else {
        "the notes found stand under background chapters or outside any numbered item".to_owned()
    };
    format!(
        "no tasks found in this document: saw {} paragraphs, {headings} headings, {numbered} numbered, {notes} with a responsibility note, {} tables; {why}",
        n.paras.len(),
        n.tables.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_definition_members() {
        let paras = normalise::normalise(
            "全力推动台城、水步、大江、三合、四九、冲蒌、白沙(以下统称北部7镇)与产业转移工业园资源统筹。加快构建“三大中心”(以下简称“三大中心”)。",
        )
        .paras;
        let (defs, short_names) = name_definitions(&paras, &DocId::from("d"));
        assert_eq!(defs.len(), 1);
        assert_eq!(
            defs["北部7镇"].members,
            vec!["台城", "水步", "大江", "三合", "四九", "冲蒌", "白沙"]
        );
        // “三大中心” is no unit.
        assert!(short_names.is_empty());
    }

    #[test]
    fn a_units_short_name() {
        let paras = normalise::normalise(
            "1.擦亮城市名片。（牵头单位：市委宣传部；配合单位：市文化广电旅游局（以下简称市文旅局）、市社科联）\n2.建设书房。（由市数据局（以下简称数据局）负责）",
        )
        .paras;
        let (_, short_names) = name_definitions(&paras, &DocId::from("d"));
        assert_eq!(short_names["市文旅局"], "市文化广电旅游局");
        assert_eq!(short_names["数据局"], "市数据局");
    }
}
