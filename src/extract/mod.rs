//! Extraction: plan documents → [`TaskData`].
//!
//! The stages, each its own module:
//! 1. [`read`]: bytes → decoded text (encodings, .docx, tables);
//! 2. [`normalise`]: text → clean paragraphs with their source lines
//!    (page numbers, broken paragraphs, TOC, captions, spaced quotes);
//! 3. [`structure`]: paragraphs → headings, goals and tasks;
//! 4. [`notes`]: a task's responsibility note → leads and partners;
//! 5. [`meta`], [`regions`], [`units`]: document facts, sub-regions, and
//!    names as written → canonical units;
//! 6. [`crate::overlap`]: tasks across documents → overlaps.
//!
//! Nothing here knows about the explorer: the output is a [`TaskData`].

pub mod gazetteer;
pub mod meta;
pub mod normalise;
pub mod notes;
pub mod read;
pub mod regions;
pub mod structure;
pub mod table;
pub mod units;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{
    DocId, DocReport, Document, Goal, GoalId, LeadMode, Project, Region, RegionId, RegionKind,
    ResponsibilityNote, SourceSpan, Task, TaskData, TaskId, UnitRef, Warning,
};
use normalise::Para;
use structure::RawGoal;
use units::{DocContext, GroupDefinition, UnitTable};

/// A table found in a document (Markdown, CSV, .xlsx, .docx): rows of cells,
/// merged cells already expanded, with the source line (or row) of each row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// 1-based line in the decoded text, or row number in a spreadsheet.
    pub line: u32,
}

/// Why extraction stopped. Each names the file (and place) it is about.
#[derive(Debug)]
pub enum ExtractError {
    Missing(PathBuf),
    NoDocuments(PathBuf),
    Read(read::ReadError),
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::Missing(p) => write!(f, "{}: no such file or folder", p.display()),
            ExtractError::NoDocuments(p) => write!(
                f,
                "{}: no documents in this folder (looked for .{})",
                p.display(),
                read::DOCUMENT_EXTENSIONS.join(", .")
            ),
            ExtractError::Read(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// The documents to read: files as given, folders expanded to the
/// documents directly inside them, in name order.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ExtractError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| {
                ExtractError::Read(read::ReadError {
                    path: p.clone(),
                    message: e.to_string(),
                })
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.is_file()
                        && f.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            read::DOCUMENT_EXTENSIONS.contains(&e.to_lowercase().as_str())
                        })
                })
                .collect();
            if found.is_empty() {
                return Err(ExtractError::NoDocuments(p.clone()));
            }
            found.sort();
            files.extend(found);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            return Err(ExtractError::Missing(p.clone()));
        }
    }
    Ok(files)
}

/// Extracts every document under `paths` into one task-data file.
pub fn extract_paths(paths: &[PathBuf]) -> Result<TaskData, ExtractError> {
    let files = collect_inputs(paths)?;
    let mut docs = Vec::new();
    for f in &files {
        let source = read::read_document(f).map_err(ExtractError::Read)?;
        docs.push((f.clone(), source));
    }
    let inputs: Vec<DocInput> = docs
        .iter()
        .map(|(path, s)| DocInput {
            path,
            text: &s.text,
        })
        .collect();
    Ok(extract_documents(&inputs))
}

/// One decoded document.
pub struct DocInput<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

/// What one document yields before ids are assigned across documents.
struct DocParts {
    id: DocId,
    source: String,
    meta: meta::Meta,
    jurisdiction: String,
    paras: Vec<Para>,
    goals: Vec<RawGoal>,
    regions: Vec<regions::RegionDraft>,
    groups: HashMap<String, GroupDefinition>,
    warnings: Vec<Warning>,
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

fn parse_document(id: DocId, input: &DocInput) -> DocParts {
    let normalised = normalise::normalise(input.text);
    let outline = structure::find_structure(&normalised.paras, normalised.wall_of_text);
    let meta = meta::read_meta(&outline.front, input.text);
    let jurisdiction = meta
        .jurisdiction
        .clone()
        .unwrap_or_else(|| "未知地区".to_owned());
    let regions = regions::find_regions(&normalised.paras, &outline.goals);
    let groups = group_definitions(&normalised.paras, &id);
    let mut warnings = outline.warnings;
    if outline.goals.iter().all(|g| g.tasks.is_empty()) {
        warnings.push(Warning {
            line: 1,
            message: "no tasks found in this document".to_owned(),
        });
    }
    DocParts {
        source: input.path.to_string_lossy().replace('\\', "/"),
        id,
        meta,
        jurisdiction,
        paras: normalised.paras,
        goals: outline.goals,
        regions,
        groups,
        warnings,
    }
}

/// `台城、水步…白沙(以下统称北部7镇)`: a name for a list of places.
fn group_definitions(paras: &[Para], doc: &DocId) -> HashMap<String, GroupDefinition> {
    static DEF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([^，,。；：“”(（]{2,80})[（(]以下(?:统称|简称|合称)[“\x22]?([^”\x22)）]{1,12})[”\x22]?[)）]").unwrap()
    });
    let mut out = HashMap::new();
    for p in paras.iter().filter(|p| p.text.contains("以下")) {
        for c in DEF.captures_iter(&p.text) {
            let list = &c[1];
            if !list.contains('、') {
                continue; // a name for one thing is an abbreviation, not a group
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
    out
}

/// Assembles documents into one [`TaskData`]: regions, goals, tasks, units.
pub fn extract_documents(inputs: &[DocInput]) -> TaskData {
    let mut taken = HashMap::new();
    let parts: Vec<DocParts> = inputs
        .iter()
        .map(|input| parse_document(doc_id(input.path, &mut taken), input))
        .collect();

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
                    .find(|d| raw.intro.iter().any(|t| t.contains(&d.members.join("、"))))
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
                        source: SourceSpan {
                            doc: p.id.clone(),
                            line: pr.line,
                            end_line: pr.end_line,
                        },
                    })
                    .collect(),
                source: SourceSpan {
                    doc: p.id.clone(),
                    line: raw.line,
                    end_line: raw.line,
                },
            });
            report.goals += 1;
            for t in &raw.tasks {
                let resolve = |table: &mut UnitTable, names: &[String]| -> Vec<UnitRef> {
                    names
                        .iter()
                        .map(|w| UnitRef {
                            unit: table.resolve(w, &ctx),
                            written: w.clone(),
                        })
                        .collect()
                };
                let leads = resolve(&mut table, &t.parsed.leads);
                let partners = resolve(&mut table, &t.parsed.partners);
                let responsible = resolve(&mut table, &t.parsed.responsible);
                let outside_note: String = match &t.note {
                    Some(m) => t
                        .text
                        .chars()
                        .take(m.start)
                        .chain(t.text.chars().skip(m.end))
                        .collect(),
                    None => t.text.clone(),
                };
                let mentions = units::find_mentions(&outside_note, &mut table, &ctx, &sub_regions);
                let lead_mode = if leads.is_empty() {
                    LeadMode::None
                } else {
                    t.parsed.mode
                };
                report.tasks += 1;
                if !leads.is_empty() {
                    report.tasks_with_leads += 1;
                }
                data.tasks.push(Task {
                    id: TaskId(format!("{}:t{}", p.id, report.tasks)),
                    key: Default::default(),
                    doc: p.id.clone(),
                    goal: goal_id.clone(),
                    number: t.number.clone(),
                    title: t.title.clone(),
                    text: t.text.clone(),
                    note: t.note.as_ref().map(|m| ResponsibilityNote {
                        text: m.text.clone(),
                        line: t.end_line,
                    }),
                    leads,
                    partners,
                    responsible,
                    lead_mode,
                    leader: t.parsed.leader.clone(),
                    deadline: t.parsed.deadline.clone(),
                    due: None,
                    mentions,
                    source: SourceSpan {
                        doc: p.id.clone(),
                        line: t.line,
                        end_line: t.end_line,
                    },
                });
            }
        }
        let _ = &p.paras;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_definition_members() {
        let paras = normalise::normalise(
            "全力推动台城、水步、大江、三合、四九、冲蒌、白沙(以下统称北部7镇)与产业转移工业园资源统筹。加快构建“三大中心”(以下简称“三大中心”)。",
        )
        .paras;
        let defs = group_definitions(&paras, &DocId::from("d"));
        assert_eq!(defs.len(), 1);
        assert_eq!(
            defs["北部7镇"].members,
            vec!["台城", "水步", "大江", "三合", "四九", "冲蒌", "白沙"]
        );
    }
}
