//! The inverted index over character keys that proposes candidate pairs,
//! so that tasks are never compared all against all.
//!
//! Keys are character trigrams (Chinese has no spaces to split on) plus two
//! kinds of two-character keys for short names a trigram would miss: a
//! character followed by a place character (川岛) and the two characters
//! before a name ending (鹤台 in 鹤台铁路). Plain bigrams are only counted,
//! to judge how specific a short string is.

use std::ops::Range;

use super::fold::BREAK;
use super::fxhash::FxHashMap;
use super::lexicon::{NameKind, ending_at, is_place_char};
use super::params::{CANDIDATES_ACROSS, CANDIDATES_WITHIN, MAX_KEY_SHARE, MAX_POSTINGS};

/// A packed key: up to three chars of 21 bits each; bit 63 marks the
/// two-character name keys so they never collide with trigrams.
pub type Key = u64;

const NAME_BIGRAM: u64 = 1 << 63;

pub fn trigram(c: &[char]) -> Key {
    ((c[0] as u64) << 42) | ((c[1] as u64) << 21) | c[2] as u64
}

fn name_bigram(c: &[char]) -> Key {
    NAME_BIGRAM | ((c[0] as u64) << 21) | c[1] as u64
}

/// The distinct keys of one folded text, sorted.
pub fn keys_of(chars: &[char]) -> Vec<Key> {
    let mut keys = Vec::with_capacity(chars.len() + 4);
    for w in chars.windows(3) {
        if !w.contains(&BREAK) {
            keys.push(trigram(w));
        }
    }
    for (i, w) in chars.windows(2).enumerate() {
        if w.contains(&BREAK) {
            continue;
        }
        if is_place_char(w[1]) {
            keys.push(name_bigram(w));
        }
        // The stem before a name ending: 鹤台 followed by 铁路 or 城际铁路.
        if stem_ending(chars, i + 2).is_some() {
            keys.push(name_bigram(w));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A name ending that starts right at `at` (its length), if any.
pub fn stem_ending(chars: &[char], at: usize) -> Option<(NameKind, usize)> {
    // Endings are at most 4 chars; try the longest first so 城际铁路 beats 城际.
    (1..=4)
        .rev()
        .filter(|n| at + n <= chars.len() && !chars[at..at + n].contains(&BREAK))
        .find_map(|n| ending_at(chars, at + n).filter(|&(_, len)| len == n))
}

/// Keys interned to dense ids, with posting lists in task order.
pub struct KeyIndex {
    /// Each task's key ids, sorted.
    pub task_keys: Vec<Vec<u32>>,
    /// Posting list of key id `k` is `postings[offsets[k]..offsets[k + 1]]`.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    /// How many tasks contain each character bigram. Bigrams propose no
    /// candidates (too common); they only tell whether a short string such
    /// as 旅游 or 台开 is an everyday word or a rare name.
    /// Each bigram's dense id (in the packed bigrams' order, so vectors
    /// sorted by bigram are sorted by id) and [`KeyIndex::specificity`],
    /// computed once; -1 for a bigram only one task has.
    bigram_spec: FxHashMap<u64, (u32, f32)>,
    /// Packed key → dense id, to find the tasks that contain a string.
    ids: FxHashMap<Key, u32>,
    pub n_tasks: usize,
}

fn bigram(c: &[char]) -> u64 {
    ((c[0] as u64) << 21) | c[1] as u64
}

/// The distinct plain bigrams of one folded text.
pub fn bigrams_of(chars: &[char]) -> Vec<u64> {
    let mut out: Vec<u64> = chars
        .windows(2)
        .filter(|w| !w.contains(&BREAK))
        .map(bigram)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl KeyIndex {
    /// `keys` and `bigrams` hold, per task, [`keys_of`] and [`bigrams_of`].
    pub fn build(keys: Vec<Vec<Key>>, bigrams: &[Vec<u64>]) -> KeyIndex {
        let mut bigram_df: FxHashMap<u64, u32> = FxHashMap::default();
        for b in bigrams.iter().flatten() {
            *bigram_df.entry(*b).or_default() += 1;
        }
        let n_tasks = keys.len();
        let mut ids: FxHashMap<Key, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let task_keys: Vec<Vec<u32>> = keys
            .into_iter()
            .map(|ks| {
                let mut out: Vec<u32> = ks
                    .into_iter()
                    .map(|k| {
                        let next = ids.len() as u32;
                        let id = *ids.entry(k).or_insert(next);
                        if id == next {
                            df.push(0);
                        }
                        df[id as usize] += 1;
                        id
                    })
                    .collect();
                out.sort_unstable();
                out
            })
            .collect();
        let mut offsets = Vec::with_capacity(df.len() + 1);
        let mut total = 0u32;
        offsets.push(0);
        for d in &df {
            total += d;
            offsets.push(total);
        }
        let mut fill: Vec<u32> = offsets[..df.len()].to_vec();
        let mut postings = vec![0u32; total as usize];
        for (t, ks) in task_keys.iter().enumerate() {
            for &k in ks {
                postings[fill[k as usize] as usize] = t as u32;
                fill[k as usize] += 1;
            }
        }
        let mut index = KeyIndex {
            n_tasks,
            task_keys,
            offsets,
            postings,
            bigram_spec: FxHashMap::default(),
            ids,
        };
        let mut by_bigram: Vec<(u64, u32)> = bigram_df.into_iter().collect();
        by_bigram.sort_unstable();
        index.bigram_spec = by_bigram
            .into_iter()
            .enumerate()
            .map(|(id, (b, df))| {
                let spec = if df < 2 {
                    -1.0
                } else {
                    index.specificity(df as usize)
                };
                (b, (id as u32, spec))
            })
            .collect();
        index
    }

    /// The specificity of one packed bigram (as [`bigrams_of`] packs them).
    pub fn bigram_specificity(&self, bigram: u64) -> f32 {
        self.bigram_spec
            .get(&bigram)
            .map_or(0.0, |&(_, s)| s.max(0.0))
    }

    /// A bigram's weight in a text's topic vector: its specificity, and 1
    /// for a bigram no other task has (it can be shared by no pair, but it
    /// is the text's own subject and makes it unlike the others).
    pub fn topic_weight(&self, bigram: u64) -> f32 {
        match self.bigram_spec.get(&bigram) {
            Some(&(_, s)) if s >= 0.0 => s,
            _ => 1.0,
        }
    }

    /// The dense id of a packed bigram some task has (ids follow the packed
    /// bigrams' order), for vectors indexed by bigram.
    pub fn bigram_id(&self, bigram: u64) -> Option<u32> {
        self.bigram_spec.get(&bigram).map(|&(id, _)| id)
    }

    /// A bigram's dense id and [`Self::topic_weight`] in one lookup; `None`
    /// for a bigram no task has.
    pub fn topic_entry(&self, bigram: u64) -> Option<(u32, f32)> {
        self.bigram_spec
            .get(&bigram)
            .map(|&(id, s)| (id, if s >= 0.0 { s } else { 1.0 }))
    }

    /// How many distinct bigrams the corpus has: ids are below this.
    pub fn bigram_count(&self) -> usize {
        self.bigram_spec.len()
    }

    /// The length of a text's topic vector (see [`Self::topic_weight`];
    /// distinct bigrams), for the cosine in [`super::pair`].
    pub fn bigram_norm(&self, bigrams: &[u64]) -> f32 {
        bigrams
            .iter()
            .map(|&b| self.topic_weight(b).powi(2))
            .sum::<f32>()
            .sqrt()
    }

    /// How specific a string of at least two chars is: the mean
    /// [`Self::specificity`] of its bigrams. Averaging matters: 城市信息 has
    /// one rare bigram (市信, where two everyday words meet) but is made of
    /// everyday words, while every bigram of 黄茅海跨海 is rare.
    pub fn string_specificity(&self, s: &[char]) -> f32 {
        let parts: Vec<f32> = s
            .windows(2)
            .map(|w| self.bigram_specificity(bigram(w)))
            .collect();
        if parts.is_empty() {
            return 0.0;
        }
        parts.iter().sum::<f32>() / parts.len() as f32
    }

    /// The tasks (positions, ascending) that contain every trigram of `s`
    /// (at least three chars): the tasks that contain `s`, but for the rare
    /// text that has its trigrams apart. Empty for shorter strings.
    pub fn tasks_containing(&self, s: &[char]) -> Vec<u32> {
        let mut lists: Vec<&[u32]> = Vec::new();
        for w in s.windows(3) {
            match self.ids.get(&trigram(w)) {
                Some(&id) => lists.push(self.postings(id)),
                None => return Vec::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        first
            .iter()
            .copied()
            .filter(|t| rest.iter().all(|l| l.binary_search(t).is_ok()))
            .collect()
    }

    /// The dense id of the trigram `c` (three chars), if any task has it.
    pub fn trigram_id(&self, c: &[char]) -> Option<u32> {
        self.ids.get(&trigram(c)).copied()
    }

    /// How many distinct keys there are (ids run from 0 to this).
    pub fn key_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Up to `count` trigrams found in `min_df..=max_df` tasks, evenly
    /// spread over all such trigrams in key order, each with its key id.
    pub fn sample_trigrams(
        &self,
        min_df: usize,
        max_df: usize,
        count: usize,
    ) -> Vec<([char; 3], u32)> {
        let mut keys: Vec<(Key, u32)> = self
            .ids
            .iter()
            .filter(|&(&k, &id)| {
                k & NAME_BIGRAM == 0 && (min_df..=max_df).contains(&self.postings(id).len())
            })
            .map(|(&k, &id)| (k, id))
            .collect();
        keys.sort_unstable();
        let step = (keys.len() / count.max(1)).max(1);
        let char_of = |bits: u64| char::from_u32((bits & 0x1F_FFFF) as u32).unwrap_or('\0');
        keys.iter()
            .step_by(step)
            .take(count)
            .map(|&(k, id)| ([char_of(k >> 42), char_of(k >> 21), char_of(k)], id))
            .collect()
    }

    /// The tasks (positions, ascending) that contain key id `id`.
    pub fn postings(&self, id: u32) -> &[u32] {
        &self.postings[self.offsets[id as usize] as usize..self.offsets[id as usize + 1] as usize]
    }

    /// Inverse document frequency over tasks, scaled into [0, 1]: 1 for a key
    /// two tasks share and nothing else has, 0 for a key every task has.
    pub fn specificity(&self, df: usize) -> f32 {
        if df < 2 || self.n_tasks < 3 {
            return if df >= 2 { 1.0 } else { 0.0 };
        }
        let n = self.n_tasks as f32;
        ((n / df as f32).ln() / (n / 2.0).ln()).clamp(0.0, 1.0)
    }

    /// Keys too common to propose candidates: more than [`MAX_POSTINGS`]
    /// tasks, or more than [`MAX_KEY_SHARE`] of them.
    fn max_postings(&self) -> usize {
        let share = (self.n_tasks as f32 * MAX_KEY_SHARE) as usize;
        MAX_POSTINGS.min(share.max(8))
    }
}

/// Reusable space for adding up each task's key weights with the others.
pub struct Scratch {
    weight: Vec<f32>,
    touched: Vec<u32>,
}

impl Scratch {
    pub fn new(n_tasks: usize) -> Scratch {
        Scratch {
            weight: vec![0.0; n_tasks],
            touched: Vec::new(),
        }
    }
}

impl KeyIndex {
    /// For task `i`, the tasks `accept` lets through that share a key with
    /// it, each with the summed inverse document frequency of the shared
    /// keys; calls `pick` with them and returns what it returns. Keys too
    /// common to say anything ([`MAX_POSTINGS`], [`MAX_KEY_SHARE`]) are
    /// skipped, which keeps the work per task bounded.
    pub fn with_partners<R>(
        &self,
        i: usize,
        scratch: &mut Scratch,
        accept: impl Fn(u32) -> bool,
        pick: impl FnOnce(&[u32], &[f32]) -> R,
    ) -> R {
        let n = self.n_tasks;
        let max_postings = self.max_postings();
        for &k in &self.task_keys[i] {
            let posting = self.postings(k);
            if posting.len() < 2 || posting.len() > max_postings {
                continue;
            }
            let w = (n as f32 / posting.len() as f32).ln().max(0.01);
            for &j in posting {
                if j as usize == i || !accept(j) {
                    continue;
                }
                if scratch.weight[j as usize] == 0.0 {
                    scratch.touched.push(j);
                }
                scratch.weight[j as usize] += w;
            }
        }
        let out = pick(&scratch.touched, &scratch.weight);
        for &j in &scratch.touched {
            scratch.weight[j as usize] = 0.0;
        }
        scratch.touched.clear();
        out
    }
}

/// The `keep` heaviest of `list` by `weight`, ties by position, so the
/// choice is deterministic.
pub fn heaviest(mut list: Vec<u32>, weight: &[f32], keep: usize) -> Vec<u32> {
    let heavier_first = |x: &u32, y: &u32| {
        weight[*y as usize]
            .total_cmp(&weight[*x as usize])
            .then(x.cmp(y))
    };
    if list.len() > keep {
        list.select_nth_unstable_by(keep, heavier_first);
        list.truncate(keep);
    }
    list
}

/// Candidate pairs `(i, j)` with `i < j` proposed by the tasks in `range`:
/// each task keeps the [`CANDIDATES_ACROSS`] other-document tasks and
/// [`CANDIDATES_WITHIN`] same-document tasks that share the most weight of
/// keys with it, weighting each key by its inverse document frequency.
pub fn candidates(index: &KeyIndex, doc_of: &[u32], range: Range<usize>) -> Vec<(u32, u32)> {
    let mut scratch = Scratch::new(index.n_tasks);
    let mut out = Vec::new();
    for i in range {
        let (across, within) = index.with_partners(
            i,
            &mut scratch,
            |_| true,
            |touched, weight| {
                let (across, within): (Vec<u32>, Vec<u32>) = touched
                    .iter()
                    .partition(|&&j| doc_of[j as usize] != doc_of[i]);
                (
                    heaviest(across, weight, CANDIDATES_ACROSS),
                    heaviest(within, weight, CANDIDATES_WITHIN),
                )
            },
        );
        for j in across.into_iter().chain(within) {
            let i = i as u32;
            out.push((i.min(j), i.max(j)));
        }
    }
    out
}
