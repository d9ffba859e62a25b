//! Cross-document overlaps: tasks in different plans (or in one plan) that
//! concern the same project, place or measure.
//!
//! The extractor calls [`compute`] as its last step. It works in four steps:
//!
//! 1. [`fold`]: each task's text is folded to simplified, half-width,
//!    upper-case characters; punctuation, the responsibility note and
//!    generic slogans ([`lexicon::GENERIC_PHRASES`]) become breaks.
//! 2. [`index`]: character trigrams and short name keys go into an inverted
//!    index; each task proposes the few tasks that share the most rare keys
//!    with it. Nothing is compared all against all.
//! 3. [`pair`]: for each proposed pair, the maximal shared strings are
//!    trimmed of verbs and particles, classified (project, place, wording)
//!    and weighted by rarity; the best few make the score.
//! 4. Pairs scoring at least [`params::MIN_SCORE`] are kept: pairs across
//!    documents first, each group best first.
//!
//! `docs/OVERLAP.md` describes the method and its figures.

pub mod fold;
mod fxhash;
pub mod index;
mod jurisdiction;
pub mod lexicon;
pub mod pair;
pub mod params;

use std::collections::HashMap;

use crate::model::{DocId, Index, Overlap, TaskData, TaskId, UnitId};

use self::fold::Folded;
use self::index::KeyIndex;
use self::jurisdiction::Jurisdictions;
use self::pair::Side;

/// All overlaps among `data.tasks`: pairs across documents first, then
/// pairs within one document, each best first (ties by task order). `a` is
/// always the task that comes first in `data.tasks`. The result depends only
/// on `data`, never on timing or hash order.
pub fn compute(data: &TaskData) -> Vec<Overlap> {
    let folded: Vec<Folded> = par_map(&data.tasks, fold::fold_task);
    let keys = par_map(&folded, |f| index::keys_of(&f.chars));
    let bigrams = par_map(&folded, |f| index::bigrams_of(&f.chars));
    let index = KeyIndex::build(keys, &bigrams);
    let norms: Vec<f32> = par_map(&bigrams, |b| index.bigram_norm(b));
    drop(bigrams);
    let doc_pos: HashMap<&DocId, usize> = data
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (&d.id, i))
        .collect();
    let doc_of: Vec<u32> = data
        .tasks
        .iter()
        .map(|t| doc_pos.get(&t.doc).map_or(u32::MAX, |&d| d as u32))
        .collect();

    let chunks = chunk_ranges(data.tasks.len(), threads() * 4);
    let mut pairs: Vec<(u32, u32)> =
        par_map(&chunks, |r| index::candidates(&index, &doc_of, r.clone())).concat();
    pairs.sort_unstable();
    pairs.dedup();

    let texts: Vec<Vec<char>> = par_map(&data.tasks, |t| t.text.chars().collect());
    let positioned = par_map(&folded, |f| pair::positioned_bigrams(&f.chars));
    let jurisdictions = Jurisdictions::new(data);
    let scored = par_map(&pairs, |&(i, j)| {
        let (i, j) = (i as usize, j as usize);
        let a = Side {
            folded: &folded[i],
            text: &texts[i],
            norm: norms[i],
            bigrams: &positioned[i],
        };
        let b = Side {
            folded: &folded[j],
            text: &texts[j],
            norm: norms[j],
            bigrams: &positioned[j],
        };
        let found = pair::score_pair(&index, &a, &b)?;
        if found.score < params::MIN_SCORE {
            return None;
        }
        let (ta, tb) = (&data.tasks[i], &data.tasks[j]);
        let cross_doc = ta.doc != tb.doc;
        Some(Overlap {
            a: ta.id.clone(),
            b: tb.id.clone(),
            score: (found.score * 1000.0).round() / 1000.0,
            kind: found.kind,
            cross_doc,
            nested_jurisdictions: cross_doc
                && jurisdictions.nested(doc_of[i] as usize, doc_of[j] as usize),
            shared: found.shared,
        })
    });
    let mut overlaps: Vec<Overlap> = scored.into_iter().flatten().collect();
    // Stable: equal scores stay in pair order, i.e. task order.
    overlaps.sort_by(|x, y| {
        y.cross_doc
            .cmp(&x.cross_doc)
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

/// The hand-offs of `unit`: cross-document overlaps between a task it leads
/// and a task that has leads, none of them the unit itself. Best first.
/// Only direct leads count; a group the unit belongs to (北部7镇) does not.
pub fn unit_handoffs(data: &TaskData, index: &Index, unit: &UnitId) -> Vec<Handoff> {
    let leads = |t: usize| data.tasks[t].leads.iter().map(|u| &u.unit);
    let mut out = Vec::new();
    for (t, task) in data.tasks.iter().enumerate() {
        if !leads(t).any(|u| u == unit) {
            continue;
        }
        for &o in index.overlaps_of.get(t).into_iter().flatten() {
            let overlap = &data.overlaps[o];
            if !overlap.cross_doc {
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

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

fn chunk_ranges(n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let size = n.div_ceil(parts.max(1)).max(1);
    (0..n).step_by(size).map(|s| s..(s + size).min(n)).collect()
}

/// `items.iter().map(f)` on all cores, results in input order.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
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
