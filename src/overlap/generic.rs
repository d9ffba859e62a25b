//! Generic wording recognised from the corpus itself.
//!
//! Plans share boilerplate: 具有较强竞争力, 影响力的区域, 特色鲜明. A hand
//! list ([`super::lexicon::GENERIC_PHRASES`]) catches the slogans every plan
//! repeats, but boilerplate is open-ended, and a phrase can be rare in a
//! small corpus and still say nothing. What gives it away is where it is
//! used: a phrase about a subject (农村人居环境整治, 大气污染防治) appears in
//! tasks about that subject, which are alike; boilerplate appears in tasks
//! about anything, which are no more alike than tasks chosen at random.
//!
//! So a phrase's *coherence* is the mean topic similarity (the cosine of
//! [`super::pair`]) between the tasks that contain it, measured against the
//! *baseline*, the mean similarity of pairs of tasks across the corpus.
//! A phrase found in at least [`GENERIC_MIN_TASKS`] tasks is judged on its
//! own; a rarer one (only the two tasks of the pair have it, so there is
//! nothing to learn from) is judged by its three-character pieces that are
//! more common (影响力, 的区域 in 影响力的区域). The result is a *content*
//! share in [0, 1] that scales the weight of wording and programme terms:
//! 0 for boilerplate, 1 for a phrase about a subject. Names of projects and
//! places are not judged this way: a place is mentioned in tasks about
//! anything and is still a place.
//!
//! Everything is computed from the corpus, deterministically. Whole terms
//! are cached per worker while pairs are scored; trigrams, which rare terms
//! are judged by and the baseline is made of, once for all workers
//! ([`TrigramCoherence`]).

use std::cell::RefCell;
use std::sync::OnceLock;

use super::fold::BREAK;
use super::fxhash::FxHashMap;
use super::index::KeyIndex;
use super::par_map;
use super::params::{
    BASELINE_SAMPLE, COHERENCE_SAMPLE, CONTENT_RATIO, GENERIC_MIN_TASKS, GENERIC_RATIO,
    MIN_GENERIC_CORPUS, UNKNOWN_PIECE_WEIGHT,
};

/// What the corpus says about similarity: the baseline and each task's
/// bigrams, weighted as in [`super::pair`].
pub struct Generic<'c> {
    index: &'c KeyIndex,
    /// Per task: [`super::pair::topic_vector`].
    topics: &'c [Vec<(u32, f32)>],
    /// Per task: the length of its bigram vector.
    norms: &'c [f32],
    trigrams: &'c TrigramCoherence,
    /// Mean cosine of pairs of tasks spread over the corpus; 0 when the
    /// corpus is too small to tell boilerplate from content.
    baseline: f32,
}

/// The coherence of each trigram (by key id), computed the first time it
/// is needed and then shared by all workers. The same few hundred trigrams
/// (的区域, 竞争力) are the pieces of the rare terms of thousands of pairs,
/// and their coherence, the costly part of judging a term, depends on the
/// trigram alone.
pub struct TrigramCoherence(Vec<OnceLock<f32>>);

impl TrigramCoherence {
    pub fn new(index: &KeyIndex) -> TrigramCoherence {
        TrigramCoherence((0..index.key_count()).map(|_| OnceLock::new()).collect())
    }
}

thread_local! {
    /// [`Generic::coherence`]'s sums by bigram id, all 0 between calls,
    /// and the ids it touched.
    static SUMS: RefCell<(Vec<f32>, Vec<u32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Content shares already computed, kept by one worker.
#[derive(Default)]
pub struct GenericCache {
    terms: FxHashMap<Vec<char>, f32>,
}

impl<'c> Generic<'c> {
    /// `baseline` from [`Generic::baseline`] of the same corpus.
    /// `trigrams` from [`TrigramCoherence::new`] of the same index.
    pub fn new(
        index: &'c KeyIndex,
        topics: &'c [Vec<(u32, f32)>],
        norms: &'c [f32],
        trigrams: &'c TrigramCoherence,
        baseline: f32,
    ) -> Generic<'c> {
        Generic {
            index,
            topics,
            norms,
            trigrams,
            baseline,
        }
    }

    /// The corpus's baseline: how alike the tasks sharing a phrase usually
    /// are. It is the median coherence of trigrams spread over the corpus
    /// (those in [`GENERIC_MIN_TASKS`] to 2 % of the tasks), so a phrase is
    /// judged against phrases in general — tasks that share any phrase are
    /// a little alike — and not against tasks picked at random. 0 for a
    /// corpus too small to judge. The sampled trigrams' coherence stays in
    /// `trigrams` for the pairs that meet them again.
    pub fn baseline(
        index: &KeyIndex,
        topics: &[Vec<(u32, f32)>],
        norms: &[f32],
        trigrams: &TrigramCoherence,
    ) -> f32 {
        let n = topics.len();
        if n < MIN_GENERIC_CORPUS {
            return 0.0;
        }
        let g = Generic::new(index, topics, norms, trigrams, 0.0);
        let max_df = (n / 50).max(GENERIC_MIN_TASKS + 5);
        let sample = index.sample_trigrams(GENERIC_MIN_TASKS, max_df, BASELINE_SAMPLE);
        let mut values: Vec<f32> = par_map(&sample, |(chars, id)| g.trigram_coherence(*id, chars));
        if values.len() < 10 {
            return 0.0;
        }
        values.sort_by(f32::total_cmp);
        values[values.len() / 2]
    }

    /// How much of `term` (folded chars, no breaks) is about a subject
    /// rather than boilerplate, in [0, 1].
    pub fn content(&self, cache: &mut GenericCache, term: &[char]) -> f32 {
        if self.baseline <= 0.0 || term.len() < 3 || term.contains(&BREAK) {
            return 1.0;
        }
        if let Some(&c) = cache.terms.get(term) {
            return c;
        }
        let c = if let Some(coherence) = self.judged_coherence(term) {
            self.content_share(coherence)
        } else {
            // Too rare to judge alone: its pieces that other tasks use. A
            // piece only this pair has says nothing either way and counts
            // for little (具有较强竞争力 is 具有较, 有较强, 强竞争 and 竞争力,
            // all boilerplate, and 较强竞, which only these two tasks have).
            let (mut sum, mut weight) = (0.0f32, 0.0f32);
            for w in term.windows(3) {
                if let Some(coherence) = self.judged_coherence(w) {
                    sum += self.content_share(coherence);
                    weight += 1.0;
                } else {
                    sum += UNKNOWN_PIECE_WEIGHT;
                    weight += UNKNOWN_PIECE_WEIGHT;
                }
            }
            if weight > 0.0 { sum / weight } else { 1.0 }
        };
        cache.terms.insert(term.to_vec(), c);
        c
    }

    /// How many times as alike the tasks containing `term` are as tasks
    /// picked across the corpus; `None` when fewer than
    /// [`GENERIC_MIN_TASKS`] contain it or the corpus is too small.
    pub fn coherence_ratio(&self, term: &[char]) -> Option<f32> {
        if self.baseline <= 0.0 {
            return None;
        }
        self.judged_coherence(term).map(|c| c / self.baseline)
    }

    /// The content share of a phrase of this coherence.
    fn content_share(&self, coherence: f32) -> f32 {
        let ratio = coherence / self.baseline;
        ((ratio - GENERIC_RATIO) / (CONTENT_RATIO - GENERIC_RATIO)).clamp(0.0, 1.0)
    }

    /// The coherence of `term` when at least [`GENERIC_MIN_TASKS`] tasks
    /// contain it (`None` otherwise); a trigram's from the shared cache.
    fn judged_coherence(&self, term: &[char]) -> Option<f32> {
        if term.len() == 3 {
            let id = self.index.trigram_id(term)?;
            return (self.index.postings(id).len() >= GENERIC_MIN_TASKS)
                .then(|| self.trigram_coherence(id, term));
        }
        let tasks = self.index.tasks_containing(term);
        (tasks.len() >= GENERIC_MIN_TASKS).then(|| self.coherence(&tasks, term))
    }

    /// [`Self::coherence`] of the trigram `chars`, key id `id`, computed
    /// once per corpus.
    fn trigram_coherence(&self, id: u32, chars: &[char]) -> f32 {
        *self.trigrams.0[id as usize].get_or_init(|| self.coherence(self.index.postings(id), chars))
    }

    /// Mean pairwise cosine among (an even sample of) `tasks`, leaving out
    /// the bigrams of `term` itself, which they all share by definition:
    /// with u the unit vectors restricted to the other bigrams,
    /// Σᵢ≠ⱼ uᵢ·uⱼ = |Σ u|² − Σ |u|².
    fn coherence(&self, tasks: &[u32], term: &[char]) -> f32 {
        let n = tasks.len().min(COHERENCE_SAMPLE);
        if n < 2 {
            return 0.0;
        }
        let own: Vec<u32> = term
            .windows(2)
            .filter_map(|w| self.index.bigram_id(((w[0] as u64) << 21) | w[1] as u64))
            .collect();
        let step = tasks.len() as f64 / n as f64;
        let mut squares = 0.0f32;
        let mut used = 0usize;
        // Σ u per bigram in a vector indexed by bigram id, kept per thread
        // and cleared after use: a hash table here was most of the time.
        let total = SUMS.with_borrow_mut(|(sum, touched)| {
            sum.resize(self.index.bigram_count(), 0.0);
            for k in 0..n {
                let t = tasks[(k as f64 * step) as usize] as usize;
                let norm = self.norms[t];
                if norm <= 0.0 {
                    continue;
                }
                used += 1;
                for &(b, weight) in &self.topics[t] {
                    if own.contains(&b) {
                        continue;
                    }
                    let u = weight / norm;
                    let slot = &mut sum[b as usize];
                    if *slot == 0.0 {
                        touched.push(b);
                    }
                    *slot += u;
                    squares += u * u;
                }
            }
            // A bigram touched twice (its first u was 0) is read once:
            // its slot is 0 the second time.
            touched
                .drain(..)
                .map(|b| std::mem::take(&mut sum[b as usize]).powi(2))
                .sum::<f32>()
        });
        if used < 2 {
            return 0.0;
        }
        let used = used as f32;
        ((total - squares) / (used * (used - 1.0))).max(0.0)
    }
}
