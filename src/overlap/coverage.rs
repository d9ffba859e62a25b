//! Coverage between plan levels: which duties of a higher plan the plans
//! below it take up (规划衔接, 落实情况), and which they leave out.
//!
//! For a plan whose jurisdiction contains others (the western-area plan for
//! 台山, 开平 and 恩平; a city plan for its districts), each of its tasks
//! that concerns the jurisdiction of a lower plan — because it names it, or
//! its goal is about a sub-region that takes in part of it, or it is about
//! the whole area ([`super::places`]) — is compared with that lower plan's
//! tasks by the overlap engine. The lower tasks that share its work are
//! its *takers*, best first, with their scores and shared terms, and the
//! best score gives its status: taken up, partly, or not taken up.
//!
//! The result is plain data for the command line and the explorer.

use std::fmt;

use crate::model::{DocId, OverlapRelation, PlaceRelation, RegionId, SharedTerm, TaskData, TaskId};

use super::engine::Engine;
use super::generic::GenericCache;
use super::index::Scratch;
use super::params::{COVERAGE_CANDIDATES, COVERAGE_TAKERS, PARTLY_SCORE, TAKEN_UP_SCORE};
use super::places::Scope;
use super::{chunk_ranges, par_map, threads};

/// A higher plan against lower plans.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub higher: DocId,
    /// The lower plans compared, in document order.
    pub lower: Vec<DocId>,
    /// One per task of the higher plan that concerns a lower plan's
    /// jurisdiction, in task order.
    pub items: Vec<CoverageItem>,
    /// The higher plan's tasks that concern none of them (开平 only, when
    /// the lower plan is 台山's).
    pub out_of_scope: Vec<TaskId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageItem {
    pub task: TaskId,
    /// The lower plans' jurisdictions the task concerns.
    pub places: Vec<RegionId>,
    /// Why it concerns them.
    pub scope: Scope,
    pub status: CoverageStatus,
    /// The lower plans' tasks that share its work, best first (at most
    /// [`COVERAGE_TAKERS`]).
    pub takers: Vec<Taker>,
}

/// A lower plan's task that takes up (part of) a higher task.
#[derive(Debug, Clone, PartialEq)]
pub struct Taker {
    pub task: TaskId,
    pub score: f32,
    pub relation: OverlapRelation,
    /// The shared terms; offsets `in_a` are in the higher task's text,
    /// `in_b` in the taker's.
    pub shared: Vec<SharedTerm>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoverageStatus {
    /// A lower task does the same work (best score ≥ [`TAKEN_UP_SCORE`]).
    TakenUp,
    /// Lower tasks share part of it (best score ≥ [`PARTLY_SCORE`]).
    Partly,
    /// No lower task takes it up.
    NotTakenUp,
}

impl CoverageStatus {
    /// The name in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            CoverageStatus::TakenUp => "taken_up",
            CoverageStatus::Partly => "partly",
            CoverageStatus::NotTakenUp => "not_taken_up",
        }
    }

    /// The name planners use.
    pub fn label(self) -> &'static str {
        match self {
            CoverageStatus::TakenUp => "已落实",
            CoverageStatus::Partly => "部分落实",
            CoverageStatus::NotTakenUp => "未落实",
        }
    }

    fn of_score(best: Option<f32>) -> CoverageStatus {
        match best {
            Some(s) if s >= TAKEN_UP_SCORE => CoverageStatus::TakenUp,
            Some(s) if s >= PARTLY_SCORE => CoverageStatus::Partly,
            _ => CoverageStatus::NotTakenUp,
        }
    }
}

impl Scope {
    /// The name in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Scope::Named => "named",
            Scope::Subregion => "subregion",
            Scope::WholeArea => "whole_area",
        }
    }
}

/// Why a task concerns the lower places: its own scope, except that a
/// task whose scope does not reach them concerns them because it names them.
fn scope_of(
    task: &super::places::TaskPlaces,
    lower: &[(usize, u32)],
    places: &super::places::Places,
) -> Scope {
    let reached = lower
        .iter()
        .any(|&(_, n)| places.relation_of(&task.nodes, &[n]) != PlaceRelation::Apart);
    if reached { task.scope } else { Scope::Named }
}

/// Why a coverage cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverageError {
    /// The document is not in the data.
    UnknownDocument(DocId),
    /// No document's jurisdiction lies within the higher plan's.
    NoLowerPlans(DocId),
    /// A plan given as lower does not lie within the higher plan's
    /// jurisdiction: `(lower, higher)`.
    NotBelow(DocId, DocId),
}

impl fmt::Display for CoverageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoverageError::UnknownDocument(d) => write!(f, "no document {d}"),
            CoverageError::NoLowerPlans(d) => write!(
                f,
                "no plan in the data is for a place within the jurisdiction of {d}"
            ),
            CoverageError::NotBelow(lower, higher) => write!(
                f,
                "{lower} is not for a place within the jurisdiction of {higher}"
            ),
        }
    }
}

impl std::error::Error for CoverageError {}

/// The plans whose jurisdiction lies within `higher`'s (document ids, in
/// document order).
pub fn lower_plans(data: &TaskData, higher: &DocId) -> Result<Vec<DocId>, CoverageError> {
    let places = super::places::Places::of_documents(data);
    let h = doc_position(data, higher)?;
    Ok(below(data, &places, h)
        .into_iter()
        .map(|d| data.documents[d].id.clone())
        .collect())
}

/// For every document (by position), the positions of the documents whose
/// jurisdiction lies within its own, in document order: the plans
/// [`coverage`] would compare it with by default (none: it has no lower
/// plans).
pub fn plans_below(data: &TaskData) -> Vec<Vec<usize>> {
    let places = super::places::Places::of_documents(data);
    (0..data.documents.len())
        .map(|h| below(data, &places, h))
        .collect()
}

/// Document positions whose jurisdiction lies strictly within that of `h`.
fn below(data: &TaskData, places: &super::places::Places, h: usize) -> Vec<usize> {
    let Some(outer) = places.of_document(h) else {
        return vec![];
    };
    (0..data.documents.len())
        .filter(|&d| {
            places
                .of_document(d)
                .is_some_and(|inner| inner != outer && places.contains(outer, inner))
        })
        .collect()
}

fn doc_position(data: &TaskData, id: &DocId) -> Result<usize, CoverageError> {
    data.documents
        .iter()
        .position(|d| &d.id == id)
        .ok_or_else(|| CoverageError::UnknownDocument(id.clone()))
}

/// The coverage of plan `higher` by the plans `lower` (all plans below it
/// when empty).
pub fn coverage(
    data: &TaskData,
    higher: &DocId,
    lower: &[DocId],
) -> Result<Coverage, CoverageError> {
    let engine = Engine::new(data);
    coverage_with(&engine, higher, lower)
}

/// [`coverage`] with an engine already built for `engine.data`.
pub fn coverage_with(
    engine: &Engine,
    higher: &DocId,
    lower: &[DocId],
) -> Result<Coverage, CoverageError> {
    let data = engine.data;
    let places = &engine.places;
    let h = doc_position(data, higher)?;
    let possible = below(data, places, h);
    let lower: Vec<usize> = if lower.is_empty() {
        if possible.is_empty() {
            return Err(CoverageError::NoLowerPlans(higher.clone()));
        }
        possible
    } else {
        let mut given = Vec::new();
        for id in lower {
            let d = doc_position(data, id)?;
            if !possible.contains(&d) {
                return Err(CoverageError::NotBelow(id.clone(), higher.clone()));
            }
            given.push(d);
        }
        given.sort_unstable();
        given.dedup();
        given
    };
    // Each lower plan's jurisdiction.
    let lower_nodes: Vec<(usize, u32)> = lower
        .iter()
        .filter_map(|&d| places.of_document(d).map(|n| (d, n)))
        .collect();
    let higher_tasks: Vec<usize> = (0..data.tasks.len())
        .filter(|&t| engine.doc_of[t] as usize == h)
        .collect();
    // For each higher task, the lower plans whose place it concerns: its
    // places meet the lower plan's jurisdiction, or its text names a place
    // there (台山城区 in a task of the 台开 core area).
    let concerned: Vec<Vec<(usize, u32)>> = higher_tasks
        .iter()
        .map(|&t| {
            let mine = places.of_task(t);
            lower_nodes
                .iter()
                .copied()
                .filter(|&(_, n)| {
                    places.relation_of(&mine.nodes, &[n]) != PlaceRelation::Apart
                        || mine.named.iter().any(|&p| places.contains(n, p))
                })
                .collect()
        })
        .collect();
    let generic = engine.generic();
    let chunks = chunk_ranges(higher_tasks.len(), threads() * 4);
    let items: Vec<Option<CoverageItem>> = par_map(&chunks, |r| {
        let mut scratch = Scratch::new(data.tasks.len());
        let mut cache = GenericCache::default();
        r.clone()
            .map(|k| {
                let t = higher_tasks[k];
                let docs = &concerned[k];
                if docs.is_empty() {
                    return None;
                }
                let in_lower = |j: u32| {
                    let d = engine.doc_of[j as usize] as usize;
                    docs.iter().any(|&(ld, _)| ld == d)
                };
                let partners =
                    engine.partners_among(t, &mut scratch, in_lower, COVERAGE_CANDIDATES);
                let mut takers: Vec<Taker> = partners
                    .iter()
                    .filter_map(|&j| engine.score(&generic, &mut cache, t, j as usize))
                    .map(|o| Taker {
                        task: o.b,
                        score: o.score,
                        relation: o.relation,
                        shared: o.shared,
                    })
                    .collect();
                takers.sort_by(|x, y| {
                    y.score
                        .total_cmp(&x.score)
                        .then_with(|| x.task.cmp(&y.task))
                });
                takers.truncate(COVERAGE_TAKERS);
                Some(CoverageItem {
                    task: data.tasks[t].id.clone(),
                    places: docs.iter().map(|&(_, n)| places.region_id(n)).collect(),
                    scope: scope_of(places.of_task(t), docs, places),
                    status: CoverageStatus::of_score(takers.first().map(|x| x.score)),
                    takers,
                })
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let out_of_scope = higher_tasks
        .iter()
        .zip(&items)
        .filter(|(_, item)| item.is_none())
        .map(|(&t, _)| data.tasks[t].id.clone())
        .collect();
    Ok(Coverage {
        higher: data.documents[h].id.clone(),
        lower: lower
            .iter()
            .map(|&d| data.documents[d].id.clone())
            .collect(),
        items: items.into_iter().flatten().collect(),
        out_of_scope,
    })
}
