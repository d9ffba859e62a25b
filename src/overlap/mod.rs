//! Tasks with shared work, across plans and within one: the same project
//! (`project`), the same measure for the same place (`same_place`), or a
//! similar measure in places that do not contain each other (`parallel`);
//! and the coverage of a higher plan by the plans below it.
//!
//! The extractor calls [`compute`] as its last step; [`coverage`] runs on
//! demand. Both use one [`Engine`], which prepares the corpus once:
//!
//! 1. [`fold`]: each task's text is folded to simplified, half-width,
//!    upper-case characters; punctuation, the responsibility note and the
//!    hand list of slogans ([`lexicon::GENERIC_PHRASES`]) become breaks.
//! 2. [`index`]: character trigrams and short name keys go into an inverted
//!    index; each task proposes the few tasks that share the most rare keys
//!    with it. Nothing is compared all against all.
//! 3. [`places`]: the places each task concerns (what its title names, its
//!    goal's sub-region, or its plan's whole jurisdiction) in one tree of
//!    regions.
//! 4. [`pair`]: for each proposed pair, the maximal shared strings are
//!    trimmed, classified (project, place, programme, wording) and weighted
//!    by rarity — wording also by how the corpus uses it ([`generic`]:
//!    boilerplate weighs nothing) — and the best few make the score.
//! 5. The relation follows from a shared project name or, failing one, from
//!    how the two tasks' places relate. Pairs scoring at least
//!    [`params::MIN_SCORE`] are kept: across documents first, overlaps
//!    before parallel pairs, each group best first.
//!
//! `docs/OVERLAP.md` describes the method and its figures.

pub mod coverage;
mod engine;
pub mod fold;
mod fxhash;
pub mod generic;
pub mod index;
pub mod lexicon;
pub mod pair;
pub mod params;
pub mod places;

use crate::model::{Index, Overlap, TaskData, TaskId, UnitId};

pub use self::engine::Engine;
use self::generic::GenericCache;

/// All pairs of tasks with shared work among `data.tasks`, in this order:
/// overlaps across documents (project and same-place pairs), then parallel
/// pairs across documents, then pairs within one document (overlaps before
/// parallel pairs); each group best first, ties in task order. `a` is
/// always the task that comes first in `data.tasks`. The result depends
/// only on `data`, never on timing or hash order.
pub fn compute(data: &TaskData) -> Vec<Overlap> {
    let engine = Engine::new(data);
    let pairs = engine.candidate_pairs();
    let generic = engine.generic();
    // Small ranges, taken by whichever worker is free (pairs of long
    // tasks cost many times what pairs of short ones do, so fixed shares
    // left a core idle); each worker keeps its own cache of what the
    // corpus says of a term.
    let chunks = chunk_ranges(pairs.len(), threads() * CHUNKS_PER_WORKER);
    let scored = par_map_pulled(&chunks, GenericCache::default, |cache, r| {
        pairs[r.clone()]
            .iter()
            .filter_map(|&(i, j)| engine.score(&generic, cache, i as usize, j as usize))
            .collect::<Vec<Overlap>>()
    });
    let mut overlaps: Vec<Overlap> = scored.into_iter().flatten().collect();
    // Stable: equal scores stay in pair order, i.e. task order.
    overlaps.sort_by(|x, y| {
        y.cross_doc
            .cmp(&x.cross_doc)
            .then(y.relation.is_overlap().cmp(&x.relation.is_overlap()))
            .then(y.score.total_cmp(&x.score))
    });
    overlaps
}

/// A task a unit leads in one plan that overlaps a task led by other units
/// in another plan: work that may be handed off, duplicated or in conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Handoff {
    /// The unit's own task.
    pub task: TaskId,
    /// The overlapping task in the other plan.
    pub other: TaskId,
    /// Who leads the other task (never includes the unit).
    pub other_leads: Vec<UnitId>,
    /// Position of the overlap in `data.overlaps`.
    pub overlap: usize,
    pub score: f32,
}

/// The hand-offs of `unit`: cross-document overlaps (project or same-place
/// pairs, never parallel ones) between a task it leads and a task that has
/// leads, none of them the unit itself. Best first. Only direct leads
/// count; a group the unit belongs to (北部7镇) does not.
pub fn unit_handoffs(data: &TaskData, index: &Index, unit: &UnitId) -> Vec<Handoff> {
    let leads = |t: usize| data.tasks[t].leads.iter().map(|u| &u.unit);
    let mut out = Vec::new();
    for (t, task) in data.tasks.iter().enumerate() {
        if !leads(t).any(|u| u == unit) {
            continue;
        }
        for &o in index.overlaps_of.get(t).into_iter().flatten() {
            let overlap = &data.overlaps[o];
            // Similar work in a sibling district is nobody's hand-off, nor
            // is one project shared by two sibling plans: work passes only
            // between plans for the same place or places within each other.
            if !overlap.cross_doc || !overlap.relation.is_overlap() {
                continue;
            }
            let jurisdiction = |id: &TaskId| {
                let t = index.tasks.get(id)?;
                let d = index.documents.get(&data.tasks[*t].doc)?;
                Some(&data.documents[*d].jurisdiction)
            };
            let same_place =
                jurisdiction(&overlap.a).is_some_and(|j| Some(j) == jurisdiction(&overlap.b));
            if !overlap.nested_jurisdictions && !same_place {
                continue;
            }
            let other_id = if overlap.a == task.id {
                &overlap.b
            } else {
                &overlap.a
            };
            let Some(&other) = index.tasks.get(other_id) else {
                continue;
            };
            let other_leads: Vec<UnitId> = leads(other).cloned().collect();
            if other_leads.is_empty() || other_leads.contains(unit) {
                continue;
            }
            out.push(Handoff {
                task: task.id.clone(),
                other: other_id.clone(),
                other_leads,
                overlap: o,
                score: overlap.score,
            });
        }
    }
    out.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.overlap.cmp(&y.overlap)));
    out
}

pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

pub(crate) fn chunk_ranges(n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let size = n.div_ceil(parts.max(1)).max(1);
    (0..n).step_by(size).map(|s| s..(s + size).min(n)).collect()
}

/// How many ranges of pairs each worker takes on average when scoring.
const CHUNKS_PER_WORKER: usize = 16;

/// `items.iter().map(f)` on all cores, results in input order, each item
/// taken by the next free worker; each worker's `state` (made by `init`)
/// lives across the items it takes.
pub(crate) fn par_map_pulled<T: Sync, S, R: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let threads = threads().min(items.len());
    if threads <= 1 {
        let mut state = init();
        return items.iter().map(|item| f(&mut state, item)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut state = init();
                    let mut out = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(k) else { break };
                        out.push((k, f(&mut state, item)));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("overlap worker panicked"))
            .collect()
    });
    done.sort_by_key(|&(k, _)| k);
    done.into_iter().map(|(_, r)| r).collect()
}

/// `items.iter().map(f)` on all cores, results in input order.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads();
    if threads == 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let size = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| s.spawn(|| chunk.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("overlap worker panicked"))
            .collect()
    })
}
