//! Fuzzy finding over units, tasks, goals and regions, typed the way people
//! type them: Chinese (`发改`), full pinyin (`fagai`, `fa zhan`), initials
//! (`fgj`, `fzhggj`), mixtures (`发g`), traditional characters (`發改`),
//! with fzf's operators (`'exact ^prefix suffix$ !not`).
//!
//! The pieces:
//! - [`chars`]: per-character normalisation (simplified, lower case) and
//!   pinyin readings (every reading of a polyphonic character).
//! - [`query`]: parsing the fzf-style query into terms, each with an
//!   [`anchor`] (how it must sit in the text).
//! - [`matcher`]: aligning one term with one text, behind the [`Matcher`]
//!   trait; [`PinyinMatcher`](matcher::PinyinMatcher) is the engine used.
//! - [`candidates`]: what can be found in a [`TaskData`](crate::model::TaskData).
//! - this module: [`Searcher`] ranks candidates synchronously; [`Worker`]
//!   runs a searcher on its own thread so typing never waits for matching.
//! - [`filter`]: the same engine over lines of text (`fengong filter`).
//!
//! Ranking: exact > prefix > contiguous > fuzzy (per term, the weakest term
//! decides); then the alignment score; then shorter texts; then the
//! candidate's weight (a unit's number of duties); then input order.

pub mod anchor;
pub mod automaton;
pub mod bloom;
pub mod candidates;
pub mod chars;
pub mod filter;
pub mod matcher;
pub mod query;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use anchor::Anchor;
use bloom::PairBloom;
pub use candidates::{Candidate, Target};
pub use matcher::{Engine, Matcher, Tier};
pub use query::{Query, Term};

/// One matching candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Position in the candidate list given to [`Searcher::new`].
    pub index: usize,
    /// Higher is better; hits are sorted by it, then by candidate weight.
    pub score: u32,
    /// Which of the candidate's texts matched: 0 is the display text, then
    /// the aliases, then the long texts ([`Candidate::key`]).
    pub key: usize,
    /// Char (not byte) indices into the candidate's display text to
    /// highlight, also when the match came through pinyin or an alias.
    /// Empty when the matching text does not appear in the display text
    /// (a match inside a task's body); see `key_highlights` then.
    pub highlights: Vec<usize>,
    /// Char indices into the matching text itself ([`Candidate::key`]).
    pub key_highlights: Vec<usize>,
    /// Set when this candidate did not match itself but is offered because
    /// the candidate at this index did: a group (北部7镇) offered after a
    /// town it contains (台城街道).
    pub via: Option<usize>,
}

/// The answer to one query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// The query as given to [`Worker::set_query`] / [`Searcher::rank_top`].
    pub query: String,
    /// Best first, at most the limit asked for (plus offered groups).
    pub hits: Vec<Hit>,
    /// How many candidates matched in all (so far, when not `done`).
    pub total: usize,
    /// False for an early part of a long ranking: more results follow for
    /// the same query.
    pub done: bool,
}

struct PreparedKey {
    /// Normalised text ([`chars::normalise`]), decoded once.
    text: Box<[char]>,
    chars: u32,
    mask: u64,
    /// [`chars::initials_of_char`] of all its characters.
    initials: u32,
    /// Long texts only match as runs, never fuzzily: a few letters
    /// scattered over a paragraph say nothing. Their neighbouring-pair
    /// summary lets most of them be skipped without reading them.
    runs_only: Option<Box<PairBloom>>,
}

/// Ranks a fixed list of candidates against queries. Cheap to share across
/// threads (`Arc<Searcher>`); every call uses its own scratch space.
pub struct Searcher {
    /// Shared with a [`Worker`]'s owner, who looks hits up in it.
    candidates: Arc<[Candidate]>,
    keys: Vec<PreparedKey>,
    /// `keys[first_key[i]..first_key[i + 1]]` belong to candidate `i`.
    first_key: Vec<u32>,
    /// Some candidate has long texts (so a second pass may be needed).
    has_texts: bool,
    engine: Engine,
}

/// Candidates per thread below which ranking stays on one thread.
const PARALLEL_CHUNK: usize = 8192;
/// How often (in candidates) a long ranking checks for cancellation.
const CANCEL_CHECK: usize = 512;
/// Candidates ranked between two looks at the clock when streaming.
const STREAM_CHUNK: usize = 16_384;
/// How often the [`Worker`] hands over partial results of a long ranking.
pub const STREAM_EVERY: Duration = Duration::from_millis(8);

/// Which texts of the candidates a scoring pass looks at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Display texts and aliases.
    Names,
    /// Long texts, for candidates whose names did not match.
    Texts,
}

/// A candidate that matched, before highlights are computed.
#[derive(Clone, Copy)]
struct Scored {
    score: u32,
    index: u32,
    key: u32,
}

impl Searcher {
    /// Prepares candidates with the default engine ([`Engine::Pinyin`]).
    pub fn new(candidates: Vec<Candidate>) -> Searcher {
        Searcher::with_engine(candidates, Engine::default())
    }

    /// Prepares candidates for a given engine (used by the benchmark).
    pub fn with_engine(candidates: Vec<Candidate>, engine: Engine) -> Searcher {
        Searcher::prepare(candidates.into(), engine)
    }

    fn prepare(candidates: Arc<[Candidate]>, engine: Engine) -> Searcher {
        let mut keys = Vec::new();
        let mut first_key = Vec::with_capacity(candidates.len() + 1);
        for c in candidates.iter() {
            first_key.push(keys.len() as u32);
            for (k, text) in c.keys().enumerate() {
                let normalised = chars::normalise_str(text);
                let text: Box<[char]> = normalised.chars().collect();
                let mask = text.iter().fold(0, |m, &ch| m | chars::mask_of_char(ch));
                let initials = text
                    .iter()
                    .fold(0, |m, &ch| m | chars::initials_of_char(ch));
                let runs_only =
                    (k > c.aliases.len()).then(|| Box::new(PairBloom::new(&normalised)));
                keys.push(PreparedKey {
                    chars: text.len() as u32,
                    text,
                    mask,
                    initials,
                    runs_only,
                });
            }
        }
        first_key.push(keys.len() as u32);
        Searcher {
            has_texts: candidates.iter().any(|c| !c.texts.is_empty()),
            candidates,
            keys,
            first_key,
            engine,
        }
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// Every matching candidate, best first, with highlights. An empty or
    /// whitespace-only query returns all candidates by weight.
    pub fn rank(&self, query: &str) -> Vec<Hit> {
        self.rank_top(query, usize::MAX).hits
    }

    /// The best `limit` matches with highlights, and the number of matches.
    pub fn rank_top(&self, query: &str, limit: usize) -> Results {
        let ranked = self
            .rank_inner(query, limit, None, &|| false, None)
            .expect("never cancelled");
        ranked.results
    }

    /// Ranks, optionally only among `within` (candidate indices, ascending),
    /// giving up with `None` as soon as `cancelled()` is true. With
    /// `partial`, results so far are handed over every [`STREAM_EVERY`]
    /// while a long ranking runs.
    fn rank_inner(
        &self,
        query: &str,
        limit: usize,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
        mut partial: Option<&mut dyn FnMut(Results)>,
    ) -> Option<Ranked> {
        let parsed = Query::parse(query);
        let all: Vec<u32>;
        let indices: &[u32] = match within {
            Some(w) => w,
            None => {
                all = (0..self.candidates.len() as u32).collect();
                &all
            }
        };
        let mut scored: Vec<Scored> = Vec::new();
        // Whether every text of every candidate was considered, so that the
        // matches are a valid base for narrowing the next query.
        let mut complete = true;
        if parsed.is_empty() {
            scored.extend(indices.iter().map(|&index| Scored {
                score: 0,
                index,
                key: 0,
            }));
        } else {
            // Names first: they are short, fast to match and rank above any
            // match inside a long text. Long texts are then searched only
            // for candidates whose names did not match, and the names'
            // results are shown meanwhile.
            let mut last_sent = Instant::now();
            let mut send = |scored: &[Scored], force: bool, last_sent: &mut Instant| {
                if let Some(send) = partial.as_mut()
                    && (force || last_sent.elapsed() >= STREAM_EVERY)
                {
                    send(self.finish(&parsed, query, scored.to_vec(), limit, false).0);
                    *last_sent = Instant::now();
                }
            };
            for chunk in indices.chunks(STREAM_CHUNK) {
                scored.extend(self.score_all(&parsed, chunk, Phase::Names, cancelled)?);
                send(&scored, false, &mut last_sent);
            }
            // A single character (or one syllable: `fa`) says little
            // inside a paragraph.
            let worth_texts = parsed.positive().any(|t| !t.probe.fits_one_char());
            complete = !self.has_texts || worth_texts;
            if self.has_texts && worth_texts {
                let rest: Vec<u32> = {
                    let mut named: Vec<u32> = scored.iter().map(|s| s.index).collect();
                    named.sort_unstable();
                    indices
                        .iter()
                        .copied()
                        .filter(|i| named.binary_search(i).is_err())
                        .collect()
                };
                send(&scored, true, &mut last_sent);
                for chunk in rest.chunks(STREAM_CHUNK) {
                    scored.extend(self.score_all(&parsed, chunk, Phase::Texts, cancelled)?);
                    send(&scored, false, &mut last_sent);
                }
            }
        }
        if cancelled() {
            return None;
        }
        let (results, matched) = self.finish(&parsed, query, scored, limit, true);
        Some(Ranked {
            results,
            matched,
            complete,
        })
    }

    /// Orders scored candidates, keeps the best `limit` with highlights and
    /// offers; also returns every matched index, ascending.
    fn finish(
        &self,
        parsed: &Query,
        query: &str,
        mut scored: Vec<Scored>,
        limit: usize,
        done: bool,
    ) -> (Results, Vec<u32>) {
        let mut matched: Vec<u32> = scored.iter().map(|s| s.index).collect();
        matched.sort_unstable();
        let total = scored.len();
        let order = |a: &Scored, b: &Scored| {
            b.score
                .cmp(&a.score)
                .then_with(|| {
                    let wa = self.candidates[a.index as usize].weight;
                    let wb = self.candidates[b.index as usize].weight;
                    wb.cmp(&wa)
                })
                .then(a.index.cmp(&b.index))
        };
        if limit < scored.len() {
            scored.select_nth_unstable_by(limit, order);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(order);
        let mut matcher = self.engine.matcher();
        let mut hits: Vec<Hit> = scored
            .iter()
            .map(|s| self.hit(parsed, s, &mut *matcher))
            .collect();
        self.add_offers(&mut hits, &matched, parsed, &mut *matcher);
        let results = Results {
            query: query.to_owned(),
            hits,
            total,
            done,
        };
        (results, matched)
    }

    fn score_all(
        &self,
        query: &Query,
        indices: &[u32],
        phase: Phase,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Scored>> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(indices.len() / PARALLEL_CHUNK)
            .clamp(1, 8);
        if threads == 1 {
            return self.score_chunk(query, indices, phase, cancelled);
        }
        let chunk = indices.len().div_ceil(threads);
        let parts: Vec<Option<Vec<Scored>>> = std::thread::scope(|s| {
            let handles: Vec<_> = indices
                .chunks(chunk)
                .map(|part| s.spawn(move || self.score_chunk(query, part, phase, cancelled)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or(None))
                .collect()
        });
        let mut out = Vec::new();
        for p in parts {
            out.extend(p?);
        }
        Some(out)
    }

    fn score_chunk(
        &self,
        query: &Query,
        indices: &[u32],
        phase: Phase,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Scored>> {
        let mut matcher = self.engine.matcher();
        let mask = query.mask();
        let initials = query.initials();
        let mut out = Vec::new();
        for (n, &index) in indices.iter().enumerate() {
            if n % CANCEL_CHECK == 0 && cancelled() {
                return None;
            }
            if let Some(s) = self.score_one(query, (mask, initials), index, phase, &mut *matcher) {
                out.push(s);
            }
        }
        Some(out)
    }

    fn candidate_keys(&self, index: u32) -> &[PreparedKey] {
        let i = index as usize;
        &self.keys[self.first_key[i] as usize..self.first_key[i + 1] as usize]
    }

    fn score_one(
        &self,
        query: &Query,
        (mask, initials): (u64, u32),
        index: u32,
        phase: Phase,
        matcher: &mut dyn Matcher,
    ) -> Option<Scored> {
        let keys = self.candidate_keys(index);
        let mut best: Option<(Tier, i32, u32, u32)> = None; // tier, score, -len, key
        for (k, key) in keys.iter().enumerate() {
            if key.runs_only.is_some() != (phase == Phase::Texts) {
                continue;
            }
            if key.mask & mask != mask || key.initials & initials != initials {
                continue;
            }
            if let Some(bloom) = &key.runs_only
                && !query.positive().all(|t| bloom.may_contain(&t.probe))
            {
                continue;
            }
            let runs_only = key.runs_only.is_some();
            let Some((tier, score)) = match_text(query, &key.text, runs_only, matcher) else {
                continue;
            };
            let candidate = (tier, score, u32::MAX - key.chars, k as u32);
            if best.is_none_or(|b| (candidate.0, candidate.1, candidate.2) > (b.0, b.1, b.2)) {
                best = Some(candidate);
            }
        }
        let (tier, score, neg_len, key) = best?;
        if self.excluded(query, index, matcher) {
            return None;
        }
        Some(Scored {
            score: combine(tier, score, u32::MAX - neg_len),
            index,
            key,
        })
    }

    /// `!term`: no text of the candidate may contain it.
    fn excluded(&self, query: &Query, index: u32, matcher: &mut dyn Matcher) -> bool {
        let keys = self.candidate_keys(index);
        query.negative().any(|term| {
            keys.iter().any(|k| {
                k.mask & term.mask == term.mask
                    && matcher.align(term, term.anchor, &k.text, None).is_some()
            })
        })
    }

    fn hit(&self, query: &Query, s: &Scored, matcher: &mut dyn Matcher) -> Hit {
        let index = s.index as usize;
        let keys = self.candidate_keys(s.index);
        let key = &keys[s.key as usize];
        let mut key_highlights = Vec::new();
        if !query.is_empty() {
            let mut found = Vec::new();
            for term in query.positive() {
                let anchor = match matcher.match_term(term, &key.text) {
                    Some((tier, _)) => anchor_for(tier, term.anchor, key.runs_only.is_some()),
                    None => continue,
                };
                if matcher
                    .align(term, anchor, &key.text, Some(&mut found))
                    .is_some()
                {
                    key_highlights.extend_from_slice(&found);
                }
            }
            key_highlights.sort_unstable();
            key_highlights.dedup();
        }
        let highlights = if s.key == 0 {
            key_highlights.clone()
        } else {
            embed(&key.text, &keys[0].text)
                .map(|at| key_highlights.iter().map(|&p| at[p]).collect())
                .unwrap_or_default()
        };
        Hit {
            index,
            score: s.score,
            key: s.key as usize,
            highlights,
            key_highlights,
            via: None,
        }
    }

    /// Inserts, after each hit, the candidates it offers (the groups a town
    /// belongs to) unless they are already listed or the query excludes
    /// them (`!镇`).
    fn add_offers(
        &self,
        hits: &mut Vec<Hit>,
        matched: &[u32],
        query: &Query,
        matcher: &mut dyn Matcher,
    ) {
        if self.candidates.iter().all(|c| c.offers.is_empty()) {
            return;
        }
        let mut listed: std::collections::HashSet<usize> = hits.iter().map(|h| h.index).collect();
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits.drain(..) {
            let offers = self.candidates[hit.index].offers.clone();
            let (member, score) = (hit.index, hit.score);
            out.push(hit);
            for g in offers {
                // A group that matched by itself ranks on its own merits.
                if matched.binary_search(&(g as u32)).is_ok()
                    || self.excluded(query, g as u32, matcher)
                    || !listed.insert(g)
                {
                    continue;
                }
                out.push(Hit {
                    index: g,
                    score,
                    key: 0,
                    highlights: Vec::new(),
                    key_highlights: Vec::new(),
                    via: Some(member),
                });
            }
        }
        *hits = out;
    }
}

struct Ranked {
    results: Results,
    /// Every matching candidate index, ascending (for narrowing).
    matched: Vec<u32>,
    /// All texts were searched (long texts are skipped for one-character
    /// queries); only then can `matched` be narrowed.
    complete: bool,
}

/// All positive terms must match the (normalised) text; the weakest
/// term's tier counts and the scores add up.
fn match_text(
    query: &Query,
    text: &[char],
    runs_only: bool,
    matcher: &mut dyn Matcher,
) -> Option<(Tier, i32)> {
    let mut tier = Tier::Exact;
    let mut score = 0;
    for term in query.positive() {
        let (t, s) = if runs_only {
            let anchor = if term.anchor == Anchor::Fuzzy {
                Anchor::Substring
            } else {
                term.anchor
            };
            // A match in a long text ranks below any match in a name.
            (Tier::Fuzzy, matcher.align(term, anchor, text, None)?)
        } else {
            matcher.match_term(term, text)?
        };
        tier = tier.min(t);
        score += s;
    }
    Some((tier, score))
}

fn anchor_for(tier: Tier, asked: Anchor, runs_only: bool) -> Anchor {
    match tier {
        Tier::Exact => Anchor::Whole,
        Tier::Prefix => Anchor::Prefix,
        Tier::Contiguous if asked == Anchor::Suffix => Anchor::Suffix,
        Tier::Contiguous => Anchor::Substring,
        Tier::Fuzzy if runs_only && asked == Anchor::Fuzzy => Anchor::Substring,
        Tier::Fuzzy => asked,
    }
}

/// Packs the ranking into one number: tier, then alignment score, then
/// shortness.
fn combine(tier: Tier, score: i32, len: u32) -> u32 {
    let score = (score + 0x8000).clamp(0, 0xFFFF) as u32;
    ((tier as u32) << 28) | (score << 12) | (0xFFF - len.min(0xFFF))
}

/// Where the chars of `key` sit in `display` when `key` is a subsequence of
/// it (市发展和改革局 in 台山市发展和改革局, 发改局 in 台山市发展和改革局),
/// taking the earliest placement of a contiguous run when there is one.
fn embed(key: &[char], display: &[char]) -> Option<Vec<usize>> {
    if let Some(start) = display.windows(key.len().max(1)).position(|w| w == key) {
        return Some((start..start + key.len()).collect());
    }
    let mut at = Vec::with_capacity(key.len());
    let mut j = 0;
    for &c in key {
        while j < display.len() && display[j] != c {
            j += 1;
        }
        if j == display.len() {
            return None;
        }
        at.push(j);
        j += 1;
    }
    Some(at)
}

// ---------------------------------------------------------------------------
// Background matching.

/// Runs a [`Searcher`] on its own thread so that typing never waits for
/// matching: [`set_query`](Worker::set_query) returns at once,
/// [`poll`](Worker::poll) picks up results without blocking.
///
/// Results stream in: a ranking that takes longer than [`STREAM_EVERY`]
/// hands over the best hits found so far (`done: false`) and keeps going;
/// the last delivery for a query has `done: true`. A newer query cancels
/// the ranking of an older one, and results for any query but the latest
/// are discarded, so the list never flickers back. When a query extends the
/// previous one (`fa` → `fag`) only the previous matches are searched.
///
/// ```no_run
/// # use fengong::search::Worker;
/// # let candidates = Vec::new();
/// let mut worker = Worker::spawn(candidates);
/// worker.set_query("fgj");
/// // … in the event loop, once per frame:
/// if let Some(results) = worker.poll() {
///     // draw results.hits (best first), results.total, and a spinner
///     // while !results.done
/// }
/// ```
pub struct Worker {
    shared: Arc<Shared>,
    results: Receiver<(u64, Results)>,
    candidates: Arc<[Candidate]>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    /// The latest query and its generation, taken by the worker thread.
    pending: Mutex<Option<(u64, String)>>,
    wake: Condvar,
    /// Generation of the latest query; a ranking for an older one stops.
    generation: AtomicU64,
    stop: AtomicBool,
    limit: usize,
}

impl Worker {
    /// Hits returned per query by [`Worker::spawn`]; `total` counts all.
    pub const DEFAULT_LIMIT: usize = 1000;

    /// Starts a worker over `candidates`, returning at most
    /// [`DEFAULT_LIMIT`](Self::DEFAULT_LIMIT) hits per query. Returns at
    /// once: the candidates are prepared on the worker's thread (about half
    /// a second for 100 000 tasks), and queries set meanwhile wait for it.
    pub fn spawn(candidates: Vec<Candidate>) -> Worker {
        let candidates: Arc<[Candidate]> = candidates.into();
        let shared = Arc::clone(&candidates);
        Worker::start(candidates, Self::DEFAULT_LIMIT, move || {
            Arc::new(Searcher::prepare(shared, Engine::default()))
        })
    }

    /// Starts a worker over a prepared searcher, returning at most `limit`
    /// hits per query.
    pub fn with_searcher(searcher: Arc<Searcher>, limit: usize) -> Worker {
        let candidates = Arc::clone(&searcher.candidates);
        Worker::start(candidates, limit, move || searcher)
    }

    fn start(
        candidates: Arc<[Candidate]>,
        limit: usize,
        searcher: impl FnOnce() -> Arc<Searcher> + Send + 'static,
    ) -> Worker {
        let shared = Arc::new(Shared {
            pending: Mutex::new(None),
            wake: Condvar::new(),
            generation: AtomicU64::new(0),
            stop: AtomicBool::new(false),
            limit,
        });
        let (tx, rx) = mpsc::channel();
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("fengong-search".into())
                .spawn(move || worker_loop(&shared, &searcher(), &tx))
                .expect("spawning the search thread")
        };
        Worker {
            shared,
            results: rx,
            candidates,
            thread: Some(thread),
        }
    }

    /// The candidates, in the order [`Hit::index`] refers to.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Asks for `query` to be ranked; returns immediately.
    pub fn set_query(&self, query: &str) {
        let generation = self.shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
        *self
            .shared
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some((generation, query.to_owned()));
        self.shared.wake.notify_one();
    }

    /// The newest results for the latest query (partial or final) that
    /// arrived since the last call; never blocks. `None` when nothing new
    /// arrived.
    pub fn poll(&mut self) -> Option<Results> {
        let current = self.shared.generation.load(Ordering::SeqCst);
        let mut latest = None;
        while let Ok((generation, results)) = self.results.try_recv() {
            if generation == current {
                latest = Some(results);
            }
        }
        latest
    }

    /// Waits up to `timeout` for the latest query's final results (for
    /// tests and benchmarks; the explorer uses [`poll`](Self::poll)).
    pub fn wait(&mut self, timeout: Duration) -> Option<Results> {
        self.wait_for(timeout, true)
    }

    /// Waits up to `timeout` for the latest query's first results, partial
    /// or final.
    pub fn wait_first(&mut self, timeout: Duration) -> Option<Results> {
        self.wait_for(timeout, false)
    }

    fn wait_for(&mut self, timeout: Duration, need_done: bool) -> Option<Results> {
        let deadline = Instant::now() + timeout;
        loop {
            let current = self.shared.generation.load(Ordering::SeqCst);
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.results.recv_timeout(left) {
                Ok((generation, results))
                    if generation == current && (results.done || !need_done) =>
                {
                    return Some(results);
                }
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.generation.fetch_add(1, Ordering::SeqCst);
        self.shared.wake.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn worker_loop(shared: &Shared, searcher: &Searcher, tx: &Sender<(u64, Results)>) {
    // The last completed query and its matches, for narrowing.
    let mut previous: Option<(String, Vec<u32>)> = None;
    loop {
        let (generation, query) = {
            let mut pending = shared.pending.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if shared.stop.load(Ordering::SeqCst) {
                    return;
                }
                if let Some(p) = pending.take() {
                    break p;
                }
                pending = shared.wake.wait(pending).unwrap_or_else(|e| e.into_inner());
            }
        };
        let cancelled = || shared.generation.load(Ordering::SeqCst) != generation;
        let within = previous
            .as_ref()
            .filter(|(old, _)| query::narrows(old, &query))
            .map(|(_, m)| m.as_slice());
        let mut send_partial = |results: Results| {
            let _ = tx.send((generation, results));
        };
        let ranked = searcher.rank_inner(
            &query,
            shared.limit,
            within,
            &cancelled,
            Some(&mut send_partial),
        );
        if let Some(ranked) = ranked {
            previous = ranked.complete.then_some((query, ranked.matched));
            if tx.send((generation, ranked.results)).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, aliases: &[&str], weight: u32) -> Candidate {
        Candidate {
            target: Target::Line(0),
            display: name.to_owned(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            texts: Vec::new(),
            weight,
            offers: Vec::new(),
        }
    }

    fn names(s: &Searcher, q: &str) -> Vec<String> {
        s.rank(q)
            .iter()
            .map(|h| s.candidates()[h.index].display.clone())
            .collect()
    }

    #[test]
    fn ranks_exact_then_prefix_then_contiguous_then_fuzzy() {
        let s = Searcher::new(vec![
            unit("市台城管理局", &[], 0),
            unit("台山城", &[], 0),
            unit("台城街道", &[], 0),
            unit("台城", &[], 0),
        ]);
        assert_eq!(
            names(&s, "台城"),
            ["台城", "台城街道", "市台城管理局", "台山城"]
        );
        assert_eq!(
            names(&s, "tc"),
            ["台城", "台城街道", "市台城管理局", "台山城"]
        );
    }

    #[test]
    fn ties_go_to_shorter_names_then_more_duties() {
        let s = Searcher::new(vec![
            unit("发改局甲乙", &[], 9),
            unit("发改局甲", &[], 1),
            unit("发改局乙", &[], 5),
        ]);
        assert_eq!(names(&s, "发改"), ["发改局乙", "发改局甲", "发改局甲乙"]);
    }

    #[test]
    fn aliases_match_and_highlight_the_display_name() {
        let s = Searcher::new(vec![
            unit("台山市自然资源局", &["市自然资源局"], 0),
            unit("台山市发展和改革局", &["市发展和改革局", "发改局"], 0),
        ]);
        let hits = s.rank("fgj");
        assert_eq!(hits[0].index, 1);
        assert_eq!(hits[0].key, 2, "the alias 发改局 is the exact match");
        assert_eq!(hits[0].highlights, [3, 6, 8]);
        assert_eq!(hits[0].key_highlights, [0, 1, 2]);
    }

    #[test]
    fn long_texts_match_only_as_runs_and_rank_below_names() {
        let mut task = unit("推进北部产城融合", &[], 0);
        task.texts = vec!["由市发展和改革局牵头推进".into()];
        let mut other = unit("发展改革工作", &[], 0);
        other.texts = vec!["无关".into()];
        let s = Searcher::new(vec![task, other]);
        assert_eq!(names(&s, "fzhg"), ["发展改革工作", "推进北部产城融合"]);
        let hits = s.rank("fzhg");
        assert_eq!(hits[1].key, 1);
        assert!(hits[1].highlights.is_empty());
        assert_eq!(hits[1].key_highlights, [2, 3, 4, 5]);
        // Scattered letters across the text do not count.
        assert_eq!(names(&s, "fbj"), Vec::<String>::new());
    }

    #[test]
    fn negation_and_empty_queries() {
        let s = Searcher::new(vec![
            unit("台城街道", &[], 1),
            unit("台山市台城管理局", &[], 3),
        ]);
        assert_eq!(names(&s, "tc !管理"), ["台城街道"]);
        assert_eq!(names(&s, "tc !gl"), ["台城街道"]);
        assert_eq!(names(&s, ""), ["台山市台城管理局", "台城街道"], "by weight");
        assert_eq!(names(&s, "  \t "), names(&s, ""));
        assert!(s.rank(&"台".repeat(10_000)).is_empty());
    }

    #[test]
    fn groups_are_offered_after_their_members() {
        let mut town = unit("台城街道", &["台城"], 0);
        town.offers = vec![1];
        let s = Searcher::new(vec![town, unit("北部7镇", &[], 0), unit("水步镇", &[], 0)]);
        let hits = s.rank("台城");
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[1].index, hits[1].via), (1, Some(0)));
        assert!(s.rank("水步").iter().all(|h| h.via.is_none()));
        assert_eq!(s.rank("台城 !镇").len(), 1, "offers obey negation");
    }

    #[test]
    fn worker_narrowing_still_finds_matches_in_long_texts() {
        let mut task = unit("推进北部产城融合", &[], 0);
        task.texts = vec!["建设智慧城市".into()];
        let mut w = Worker::spawn(vec![unit("智能制造", &[], 0), task]);
        // One character: long texts are not searched…
        w.set_query("智");
        let r = w.wait(Duration::from_secs(60)).unwrap();
        assert_eq!(r.hits.iter().map(|h| h.index).collect::<Vec<_>>(), [0]);
        // …so the next query must not be narrowed to that answer.
        w.set_query("智慧");
        let r = w.wait(Duration::from_secs(60)).unwrap();
        assert_eq!(r.hits.iter().map(|h| h.index).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn worker_streams_names_before_long_texts() {
        let mut task = unit("推进北部产城融合", &[], 0);
        task.texts = vec!["建设智慧城市".into()];
        let mut w = Worker::spawn(vec![unit("智慧港口", &[], 0), task]);
        w.set_query("智慧");
        let first = w.wait_first(Duration::from_secs(60)).unwrap();
        assert!(!first.done);
        assert_eq!(first.hits.iter().map(|h| h.index).collect::<Vec<_>>(), [0]);
        let last = w.wait(Duration::from_secs(60)).unwrap();
        assert!(last.done);
        assert_eq!(
            last.hits.iter().map(|h| h.index).collect::<Vec<_>>(),
            [0, 1]
        );
        assert_eq!(w.candidates()[1].display, "推进北部产城融合");
    }

    #[test]
    fn worker_returns_the_latest_query_only() {
        let cands: Vec<Candidate> = (0..20_000)
            .map(|i| unit(&format!("台山市第{i}发展和改革局"), &[], 0))
            .chain([unit("台城", &[], 0)])
            .collect();
        let mut w = Worker::spawn(cands);
        w.set_query("fzh");
        w.set_query("fzhggj");
        w.set_query("台城");
        let r = w.wait(Duration::from_secs(60)).expect("results");
        assert_eq!(r.query, "台城");
        assert_eq!(r.total, 1);
        assert!(w.poll().is_none(), "older queries' results are dropped");
        w.set_query("fa");
        let fa = w.wait(Duration::from_secs(60)).expect("fa");
        w.set_query("fagai");
        let fagai = w.wait(Duration::from_secs(60)).expect("fagai");
        assert_eq!(fa.total, 20_000);
        assert_eq!(fagai.total, 20_000);
        assert_eq!(fagai.hits.len(), Worker::DEFAULT_LIMIT);
    }
}
