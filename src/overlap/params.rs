//! Every threshold and weight of the overlap engine, in one place.
//! `docs/OVERLAP.md` explains what each one does and how it was chosen.

// --- Candidate pairs (the inverted index) ---

/// A key (trigram or short name) found in more tasks than this is too
/// common to propose candidates; it can still be a shared term of a pair
/// proposed by rarer keys.
pub const MAX_POSTINGS: usize = 250;
/// … and likewise a key found in more than this share of all tasks.
pub const MAX_KEY_SHARE: f32 = 0.2;
/// Each task proposes at most this many partners in other documents …
pub const CANDIDATES_ACROSS: usize = 24;
/// … and at most this many in its own document.
pub const CANDIDATES_WITHIN: usize = 4;

// --- Shared terms ---

/// Shared strings are found from at most this many occurrences of each
/// bigram per text, which keeps repetitive texts from costing |a|×|b|.
pub const MAX_BIGRAM_REPEATS: usize = 64;

/// A shared string that is not a name (no place or project ending, not
/// quoted, no road code) counts only from this many characters on.
pub const MIN_WORDING_CHARS: usize = 4;
/// A wording term weighs this much of a name of the same rarity.
pub const WORDING_WEIGHT: f32 = 0.6;
/// A name of 2, 3, 4+ characters weighs this share of its rarity: 川岛 is
/// more often a coincidence than 黄茅海跨海通道.
pub const NAME_LENGTH_FACTOR: [f32; 3] = [0.6, 0.75, 0.85];
/// A place name weighs this share of a project name of the same rarity: a
/// shared 高栏港 is more often a passing mention than shared work.
pub const PLACE_FACTOR: f32 = 0.85;
/// A quoted term without a name ending (“揭榜挂帅”, “多规合一”) is more
/// often a shared slogan than shared work, so it weighs this share.
pub const QUOTED_FACTOR: f32 = 0.8;
/// A wording term of 4, 5, 6, 7+ characters likewise.
pub const WORDING_LENGTH_FACTOR: [f32; 4] = [0.5, 0.7, 0.85, 1.0];
/// A name that one text only relies on (依托黄茅海跨海通道出口, 发挥江门站
/// 的辐射带动作用, 以国道G240为主轴线) weighs this share, once per such text.
pub const CONTEXT_FACTOR: f32 = 0.5;
/// … where the verb that makes it context is at most this many characters
/// before the name, in the same clause.
pub const CONTEXT_WINDOW: usize = 8;
/// Terms weighing less than this are not reported or scored.
pub const MIN_TERM_WEIGHT: f32 = 0.12;
/// At most this many shared terms are stored per overlap.
pub const MAX_SHARED_TERMS: usize = 8;
/// At most this many occurrences of a term are stored per text.
pub const MAX_OCCURRENCES: usize = 16;

// --- Pair score ---

/// The score combines the best this-many terms …
pub const SCORE_TERMS: usize = 4;
/// … the r-th best (from 0) discounted by `TERM_DECAY^r`, so many weak
/// terms never add up to one strong one.
pub const TERM_DECAY: f32 = 0.6;
/// The score from shared terms is scaled by `1 − TOPIC_WEIGHT + TOPIC_WEIGHT · t`,
/// where t is the texts' topic similarity (cosine of their bigram vectors)
/// relative to [`TOPIC_FULL`], capped at 1: a name mentioned in passing in a
/// task about something else (依托高栏港 in a paragraph on towns) loses up
/// to this share of its score.
pub const TOPIC_WEIGHT: f32 = 0.4;
/// A cosine from this on counts as fully the same subject. On the seeds the
/// median candidate pair has 0.04 and the labelled strong pairs 0.1
/// (0.05–0.22).
///
/// A pair whose only evidence is place names (川岛 in a task on ports and
/// in one on tourism) is as strong as its topic similarity allows: its
/// topic factor is `min(1, c / TOPIC_FULL)` instead of the blend above. A
/// shared place says where, not what.
pub const TOPIC_FULL: f32 = 0.12;
/// Pairs scoring below this are not kept.
pub const MIN_SCORE: f32 = 0.1;

// --- Generic wording (see `generic.rs`) ---

/// A phrase in at least this many tasks is judged by how alike they are;
/// a rarer one by its more common pieces.
pub const GENERIC_MIN_TASKS: usize = 3;
/// At most this many of a phrase's tasks (evenly spread) are compared.
pub const COHERENCE_SAMPLE: usize = 8;
/// The baseline is the median coherence of this many trigrams.
pub const BASELINE_SAMPLE: usize = 400;
/// A phrase whose tasks are at most this many times as alike as the tasks
/// of a typical phrase (the baseline, `generic.rs`) is boilerplate
/// (content 0) …
pub const GENERIC_RATIO: f32 = 0.9;
/// … and from this many times on it is about a subject (content 1), with a
/// linear ramp between. On the seeds 的区域 is 0.6, 竞争力 and 核心竞争力 0.8,
/// 强竞争 0.9, 具有较 1.0; 湿地公园 1.1, 厕所革命 1.3, 污染防治 1.4,
/// 人居环境 1.6, 农村人居环境 2.5.
pub const CONTENT_RATIO: f32 = 1.3;
/// In a phrase too rare to judge alone, a piece no other task has counts
/// this much against a piece the corpus can judge.
pub const UNKNOWN_PIECE_WEIGHT: f32 = 0.25;
/// Corpora of fewer tasks are too small to tell boilerplate from content;
/// there only the hand list applies.
pub const MIN_GENERIC_CORPUS: usize = 40;

// --- Relations ---

/// A shared project name weighing at least this makes the pair a project
/// overlap, wherever the two plans are.
pub const PROJECT_MIN_WEIGHT: f32 = 0.35;

// --- Coverage (see `coverage.rs`) ---

/// Each higher task is scored against this many tasks of the lower plans,
/// those sharing the most rare keys with it.
pub const COVERAGE_CANDIDATES: usize = 24;
/// At most this many takers are reported per higher task.
pub const COVERAGE_TAKERS: usize = 5;
/// A higher task whose best taker scores at least this is taken up …
pub const TAKEN_UP_SCORE: f32 = 0.4;
/// … at least this, partly; below, not taken up.
pub const PARTLY_SCORE: f32 = 0.2;
