//! The prepared corpus: every task folded, indexed and placed once, so that
//! overlaps (pairs across all tasks) and coverage (one plan's tasks against
//! the plans below it) find candidates and score pairs the same way.

use std::collections::HashMap;

use crate::model::{DocId, Overlap, OverlapRelation, PlaceRelation, TaskData};

use super::fold::{self, Folded};
use super::generic::{Generic, GenericCache, TrigramCoherence};
use super::index::{self, KeyIndex, Scratch};
use super::pair::{self, Side};
use super::par_map;
use super::params::{MIN_SCORE, PROJECT_MIN_WEIGHT};
use super::places::Places;

pub struct Engine<'d> {
    pub data: &'d TaskData,
    folded: Vec<Folded>,
    texts: Vec<Vec<char>>,
    /// Per task: [`pair::has_opening_quote`] of its text.
    quotes: Vec<bool>,
    /// Per task: [`pair::positioned_bigrams`].
    positioned: Vec<Vec<u64>>,
    /// Per task: [`pair::topic_vector`].
    topics: Vec<Vec<(u32, f32)>>,
    norms: Vec<f32>,
    pub index: KeyIndex,
    /// Per task: its document's position (`u32::MAX` for an unknown one).
    pub doc_of: Vec<u32>,
    pub places: Places,
    trigrams: TrigramCoherence,
    baseline: f32,
}

impl<'d> Engine<'d> {
    pub fn new(data: &'d TaskData) -> Engine<'d> {
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
        let doc_of = data
            .tasks
            .iter()
            .map(|t| doc_pos.get(&t.doc).map_or(u32::MAX, |&d| d as u32))
            .collect();
        let texts: Vec<Vec<char>> = par_map(&data.tasks, |t| t.text.chars().collect());
        let quotes = texts.iter().map(|t| pair::has_opening_quote(t)).collect();
        let positioned = par_map(&folded, |f| pair::positioned_bigrams(&f.chars));
        let trigrams = TrigramCoherence::new(&index);
        let topics = par_map(&positioned, |p| pair::topic_vector(&index, p));
        let baseline = Generic::baseline(&index, &topics, &norms, &trigrams);
        Engine {
            data,
            folded,
            texts,
            quotes,
            positioned,
            topics,
            norms,
            index,
            doc_of,
            places: Places::new(data),
            trigrams,
            baseline,
        }
    }

    /// Every candidate pair `(i, j)`, `i < j`, once, ascending.
    pub fn candidate_pairs(&self) -> Vec<(u32, u32)> {
        let chunks = super::chunk_ranges(self.data.tasks.len(), super::threads() * 4);
        let mut pairs: Vec<(u32, u32)> = par_map(&chunks, |r| {
            index::candidates(&self.index, &self.doc_of, r.clone())
        })
        .concat();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    /// The `keep` tasks that share the most rare keys with task `i` among
    /// the tasks `accept` lets through, heaviest first.
    pub fn partners_among(
        &self,
        i: usize,
        scratch: &mut Scratch,
        accept: impl Fn(u32) -> bool,
        keep: usize,
    ) -> Vec<u32> {
        self.index
            .with_partners(i, scratch, accept, |touched, weight| {
                let mut best = index::heaviest(touched.to_vec(), weight, keep);
                best.sort_by(|x, y| {
                    weight[*y as usize]
                        .total_cmp(&weight[*x as usize])
                        .then(x.cmp(y))
                });
                best
            })
    }

    /// The statistics generic wording is judged by.
    pub fn generic(&self) -> Generic<'_> {
        Generic::new(
            &self.index,
            &self.topics,
            &self.norms,
            &self.trigrams,
            self.baseline,
        )
    }

    fn side(&self, i: usize) -> Side<'_> {
        Side {
            folded: &self.folded[i],
            text: &self.texts[i],
            norm: self.norms[i],
            bigrams: &self.positioned[i],
            topic: &self.topics[i],
            quotes: self.quotes[i],
        }
    }

    /// The overlap of tasks `i` and `j` (positions, `i` first in `a`), if
    /// they share anything scoring at least [`MIN_SCORE`].
    pub fn score(
        &self,
        generic: &Generic,
        cache: &mut GenericCache,
        i: usize,
        j: usize,
    ) -> Option<Overlap> {
        let corpus = pair::Corpus {
            index: &self.index,
            generic,
        };
        let found = pair::score_pair(&corpus, cache, &self.side(i), &self.side(j))?;
        if found.score < MIN_SCORE {
            return None;
        }
        let (ta, tb) = (&self.data.tasks[i], &self.data.tasks[j]);
        let cross_doc = ta.doc != tb.doc;
        let places = self.places.relation(i, j);
        let relation = relation(&found, places);
        let (da, db) = (self.doc_of[i] as usize, self.doc_of[j] as usize);
        Some(Overlap {
            a: ta.id.clone(),
            b: tb.id.clone(),
            score: round3(found.score),
            relation,
            kind: found.kind,
            cross_doc,
            nested_jurisdictions: cross_doc && self.places.documents_nested(da, db),
            places,
            topic: round3(found.similarity),
            shared: found.shared,
        })
    }
}

/// The relation of a pair from what it shares and where its tasks are: a
/// shared project name makes a project overlap wherever the plans are;
/// otherwise the places of the two tasks decide between the same measure
/// for the same place and a parallel measure elsewhere. (A shared place
/// name alone does not make two sibling plans' tasks the same place: 高栏港
/// and 广深港 are cited by plans that do nothing there.)
fn relation(found: &pair::PairScore, places: PlaceRelation) -> OverlapRelation {
    if found.project >= PROJECT_MIN_WEIGHT {
        OverlapRelation::Project
    } else if places == PlaceRelation::Apart {
        OverlapRelation::Parallel
    } else {
        OverlapRelation::SamePlace
    }
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}
