//! Matching one query term against one text, behind one small interface
//! ([`Matcher`]) so that engines can be compared on the same data.
//!
//! [`PinyinMatcher`] is the engine fengong uses. [`NucleoMatcher`] and
//! [`SkimMatcher`] wrap `nucleo-matcher` and `fuzzy-matcher` for the
//! benchmark in `benches/search.rs`; see `docs/SEARCH.md` for the figures and
//! why the pinyin engine was kept.
//!
//! Texts handed to a matcher are already normalised with
//! [`chars::normalise`](super::chars::normalise) and split into chars, so a
//! text is decoded once however many terms and tiers are tried; positions
//! are indices into it, which are char indices into the original too.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Utf32Str};

use super::anchor::Anchor;
use super::chars;
use super::query::Term;

/// How well a term sits in a text: exact > prefix > contiguous > fuzzy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Fuzzy = 0,
    Contiguous = 1,
    Prefix = 2,
    Exact = 3,
}

/// One matching engine. Implementations keep scratch buffers, so one
/// matcher is used per thread.
pub trait Matcher: Send {
    /// Aligns `term` with `text` under `anchor`; returns the score (higher is
    /// better, comparable only between texts for the same term) or `None`.
    /// When `positions` is given it is cleared and receives the matched char
    /// indices of `text`, ascending.
    fn align(
        &mut self,
        term: &Term,
        anchor: Anchor,
        text: &[char],
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i32>;

    /// Matches `term` in its best tier: a fuzzy term that also occurs as
    /// a run, at the start, or as the whole text ranks higher. Returns the
    /// tier and the score of the alignment in that tier. Tries the
    /// strictest anchor first, so a matching text is aligned in full once
    /// (the failing stricter tries are rejected by the cheap pre-checks).
    fn match_term(&mut self, term: &Term, text: &[char]) -> Option<(Tier, i32)> {
        let tries: &[(Anchor, Tier)] = match term.anchor {
            Anchor::Fuzzy => &[
                (Anchor::Whole, Tier::Exact),
                (Anchor::Prefix, Tier::Prefix),
                (Anchor::Substring, Tier::Contiguous),
                (Anchor::Fuzzy, Tier::Fuzzy),
            ],
            Anchor::Substring => &[
                (Anchor::Whole, Tier::Exact),
                (Anchor::Prefix, Tier::Prefix),
                (Anchor::Substring, Tier::Contiguous),
            ],
            Anchor::Prefix => &[(Anchor::Whole, Tier::Exact), (Anchor::Prefix, Tier::Prefix)],
            Anchor::Suffix => &[
                (Anchor::Whole, Tier::Exact),
                (Anchor::Suffix, Tier::Contiguous),
            ],
            Anchor::Whole => &[(Anchor::Whole, Tier::Exact)],
        };
        tries.iter().find_map(|&(anchor, tier)| {
            self.align(term, anchor, text, None)
                .map(|score| (tier, score))
        })
    }
}

/// The engines that can be plugged into a [`Searcher`](super::Searcher).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// fengong's own aligner: Chinese, pinyin (every reading), initials and
    /// mixtures in one pass, highlights on the Chinese characters.
    #[default]
    Pinyin,
    /// `nucleo-matcher` on the text plus its default-reading pinyin and
    /// initials spellings.
    Nucleo,
    /// `fuzzy-matcher`'s skim v2 on the same three spellings.
    Skim,
}

impl Engine {
    pub fn matcher(self) -> Box<dyn Matcher> {
        match self {
            Engine::Pinyin => Box::new(PinyinMatcher::new()),
            Engine::Nucleo => Box::new(NucleoMatcher::new()),
            Engine::Skim => Box::new(SkimMatcher::new()),
        }
    }
}

// ---------------------------------------------------------------------------
// The pinyin aligner.

/// Terms longer than this match only literally: the aligner's table grows
/// with the term, and nobody types a 300-character name.
const MAX_ALIGNED_TERM: usize = 256;
/// The longest plain reading (`zhuang`, `chuang`).
const MAX_READING: usize = 6;

// Scores. A typed Chinese character is the strongest evidence; a full
// syllable beats an initial; runs and starts earn bonuses, gaps cost.
const LITERAL_CJK: i32 = 20;
const LITERAL: i32 = 16;
const FULL_SYLLABLE: i32 = 16;
const INITIAL: i32 = 12;
const PARTIAL_SYLLABLE: i32 = 9;
const OTHER_READING: i32 = -4;
const CONSECUTIVE: i32 = 6;
const AT_START: i32 = 10;
const AT_BOUNDARY: i32 = 6;
const GAP_START: i32 = -3;
const GAP_EXTEND: i32 = -1;

const NEG: i32 = i32::MIN / 4;
const NONE: u32 = u32::MAX;

/// Aligns a term with a text where each matched character of the text
/// consumes either itself or a prefix of one of its readings: `fgj`,
/// `fagaiju`, `fzhggj`, `发g` and `发改局` all align with 发改局, and
/// `chongqing` with 重庆. Dynamic programming over (term position, text
/// position) keeps the best-scoring alignment, so ambiguous splits
/// (`xian` = 先 or 西安) are resolved by score, not by greed.
#[derive(Default)]
pub struct PinyinMatcher {
    prev: Vec<i32>,
    next: Vec<i32>,
    carry: Vec<i32>,
    carry_src: Vec<u32>,
    /// For each (column, term position): (previous term position, previous
    /// matched column or NONE at the start).
    trace: Vec<(u32, u32)>,
}

impl PinyinMatcher {
    pub fn new() -> Self {
        Self::default()
    }

    fn bonus(text: &[char], j: usize) -> i32 {
        // Chinese characters are word characters; skip the slow Unicode
        // lookup for them.
        let word =
            |c: char| c.is_ascii_alphanumeric() || chars::has_readings(c) || c.is_alphanumeric();
        if j == 0 {
            AT_START
        } else if !word(text[j - 1]) && word(text[j]) {
            AT_BOUNDARY
        } else {
            0
        }
    }

    /// Literal-only matching for very long terms: a contiguous run.
    fn align_literal(
        text: &[char],
        q: &[char],
        anchor: Anchor,
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i32> {
        let n = text.len();
        let m = q.len();
        if m > n {
            return None;
        }
        let starts: Vec<usize> = match (anchor.at_start(), anchor.at_end()) {
            (true, true) if m == n => vec![0],
            (true, true) => vec![],
            (true, false) => vec![0],
            (false, true) => vec![n - m],
            (false, false) => (0..=n - m).collect(),
        };
        let s = starts.into_iter().find(|&s| text[s..s + m] == *q)?;
        if let Some(p) = positions {
            p.clear();
            p.extend(s..s + m);
        }
        Some(LITERAL * m as i32)
    }
}

fn initial_len(reading: &[u8]) -> usize {
    match reading {
        [b'z' | b'c' | b's', b'h', ..] => 2,
        _ => 1,
    }
}

fn syllable_score(consumed: usize, reading: &[u8]) -> i32 {
    let init = initial_len(reading);
    if consumed == reading.len() {
        FULL_SYLLABLE
    } else if consumed == init {
        INITIAL
    } else if consumed < init {
        INITIAL - 1
    } else {
        PARTIAL_SYLLABLE
    }
}

impl Matcher for PinyinMatcher {
    fn align(
        &mut self,
        term: &Term,
        anchor: Anchor,
        text: &[char],
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i32> {
        let q = &term.chars[..];
        let m = q.len();
        if m == 0 {
            return Some(0);
        }
        let n = text.len();
        // Every matched char consumes at least one term char.
        let too_long = anchor == Anchor::Whole && n > m;
        if n == 0 || m > n * MAX_READING || too_long {
            return None;
        }
        if m > MAX_ALIGNED_TERM {
            return Self::align_literal(text, q, anchor, positions);
        }
        // Most texts do not match: say so without building the table.
        if let Some(a) = &term.automaton
            && !a.accepts(anchor, text)
        {
            return None;
        }
        // The first column where the term can start.
        let can_start = |c: char| {
            c == q[0]
                || (q[0].is_ascii_lowercase()
                    && chars::readings(c)
                        .iter()
                        .any(|r| r.as_bytes()[0] == q[0] as u8))
        };
        let j0 = text.iter().position(|&c| can_start(c))?;
        if anchor.at_start() && j0 != 0 {
            return None;
        }

        let want_trace = positions.is_some();
        let width = m + 1;
        self.prev.clear();
        self.prev.resize(width, NEG);
        self.next.clear();
        self.next.resize(width, NEG);
        self.carry.clear();
        self.carry.resize(width, NEG);
        self.carry_src.clear();
        self.carry_src.resize(width, NONE);
        self.carry[0] = 0;
        if want_trace {
            self.trace.clear();
            self.trace.resize(n * width, (NONE, NONE));
        }
        let contiguous = anchor.contiguous();
        let mut best = NEG;
        let mut best_j = 0;

        for j in j0..n {
            if anchor.at_start() && j > 0 {
                self.carry[0] = NEG;
            }
            let c = text[j];
            let readings = chars::readings(c);
            let preferred = if readings.len() > 1 {
                chars::word_reading(
                    j.checked_sub(1).map(|p| text[p]),
                    c,
                    text.get(j + 1).copied(),
                )
            } else {
                None
            };
            let bonus = Self::bonus(text, j);
            let literal = if chars::has_readings(c) {
                LITERAL_CJK
            } else {
                LITERAL
            };
            self.next.fill(NEG);
            for i in 0..m {
                let from_prev = if i > 0 { self.prev[i] } else { NEG };
                let from_carry = if contiguous && i > 0 {
                    NEG
                } else {
                    self.carry[i]
                };
                let (base, src) = if from_prev > NEG && from_prev + CONSECUTIVE >= from_carry {
                    (from_prev + CONSECUTIVE + bonus, (j - 1) as u32)
                } else if from_carry > NEG {
                    (from_carry + bonus, self.carry_src[i])
                } else {
                    continue;
                };
                let mut relax = |to: usize, score: i32| {
                    if score > self.next[to] {
                        self.next[to] = score;
                        if want_trace {
                            self.trace[j * width + to] = (i as u32, src);
                        }
                    }
                };
                if q[i] == c {
                    relax(i + 1, base + literal);
                }
                if !q[i].is_ascii_lowercase() {
                    continue;
                }
                for (ri, r) in readings.iter().enumerate() {
                    let is_preferred = match preferred {
                        Some(p) => **r == *p,
                        None => ri == 0,
                    };
                    let penalty = if is_preferred { 0 } else { OTHER_READING };
                    let rb = r.as_bytes();
                    let mut l = 0;
                    while l < rb.len() && i + l < m && q[i + l] == rb[l] as char {
                        l += 1;
                        // Rare readings (市 fú, 和 hú, 行 héng) would make
                        // every initial match something; they count only
                        // as whole syllables.
                        if is_preferred || l == rb.len() {
                            relax(i + l, base + syllable_score(l, rb) + penalty);
                        }
                    }
                }
            }
            if self.next[m] > best && (!anchor.at_end() || j == n - 1) {
                best = self.next[m];
                best_j = j;
            }
            // States whose last match is before column j, for column j + 1.
            if !contiguous {
                for i in 1..m {
                    let extended = if self.carry[i] > NEG {
                        self.carry[i] + GAP_EXTEND
                    } else {
                        NEG
                    };
                    let opened = if self.prev[i] > NEG {
                        self.prev[i] + GAP_START
                    } else {
                        NEG
                    };
                    if opened > NEG && opened >= extended {
                        self.carry[i] = opened;
                        self.carry_src[i] = (j - 1) as u32;
                    } else {
                        self.carry[i] = extended;
                    }
                }
            }
            std::mem::swap(&mut self.prev, &mut self.next);
        }
        if best == NEG {
            return None;
        }
        if let Some(out) = positions {
            out.clear();
            let (mut i, mut j) = (m, best_j);
            loop {
                out.push(j);
                let (from_i, from_j) = self.trace[j * width + i];
                if from_j == NONE {
                    break;
                }
                i = from_i as usize;
                j = from_j as usize;
            }
            out.reverse();
        }
        Some(best)
    }
}

// ---------------------------------------------------------------------------
// Library engines, for comparison.

/// A text spelled three ways for engines that know nothing of pinyin: as
/// written, in default-reading pinyin (`fazhanhegaigeju`) and in initials
/// (`fzhggj`), each with a map back to the written text's char positions.
#[derive(Default)]
struct Spellings {
    full: Vec<char>,
    full_map: Vec<usize>,
    initials: Vec<char>,
    initials_map: Vec<usize>,
}

impl Spellings {
    fn build(&mut self, chars: &[char]) {
        self.full.clear();
        self.full_map.clear();
        self.initials.clear();
        self.initials_map.clear();
        for (k, &c) in chars.iter().enumerate() {
            let readings = chars::readings(c);
            let reading = chars::word_reading(
                k.checked_sub(1).map(|p| chars[p]),
                c,
                chars.get(k + 1).copied(),
            )
            .or(readings.first().map(|r| &**r));
            match reading {
                Some(r) => {
                    self.full.extend(r.chars());
                    self.full_map.extend(std::iter::repeat_n(k, r.len()));
                    let init = &r[..initial_len(r.as_bytes())];
                    self.initials.extend(init.chars());
                    self.initials_map.extend(std::iter::repeat_n(k, init.len()));
                }
                None => {
                    self.full.push(c);
                    self.full_map.push(k);
                    self.initials.push(c);
                    self.initials_map.push(k);
                }
            }
        }
    }
}

fn map_back(found: &[usize], map: &[usize], out: &mut Vec<usize>) {
    out.clear();
    out.extend(found.iter().map(|&p| map[p]));
    out.dedup();
}

/// `nucleo-matcher` (helix's matcher) behind [`Matcher`].
pub struct NucleoMatcher {
    matcher: nucleo_matcher::Matcher,
    indices: Vec<u32>,
    spellings: Spellings,
}

impl NucleoMatcher {
    pub fn new() -> Self {
        NucleoMatcher {
            matcher: nucleo_matcher::Matcher::new(Config::DEFAULT),
            indices: Vec::new(),
            spellings: Spellings::default(),
        }
    }

    fn one(
        &mut self,
        atom: &nucleo_matcher::pattern::Atom,
        hay: &[char],
    ) -> Option<(u16, Vec<usize>)> {
        self.indices.clear();
        let h = Utf32Str::Unicode(hay);
        let score = atom.indices(h, &mut self.matcher, &mut self.indices)?;
        Some((score, self.indices.iter().map(|&i| i as usize).collect()))
    }
}

impl Default for NucleoMatcher {
    fn default() -> Self {
        Self::new()
    }
}

impl Matcher for NucleoMatcher {
    fn align(
        &mut self,
        term: &Term,
        anchor: Anchor,
        text: &[char],
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i32> {
        let kind = match anchor {
            Anchor::Fuzzy => AtomKind::Fuzzy,
            Anchor::Substring => AtomKind::Substring,
            Anchor::Prefix => AtomKind::Prefix,
            Anchor::Suffix => AtomKind::Postfix,
            Anchor::Whole => AtomKind::Exact,
        };
        let atom = nucleo_matcher::pattern::Atom::new(
            &term.text,
            CaseMatching::Ignore,
            Normalization::Smart,
            kind,
            false,
        );
        let mut best: Option<(u16, Vec<usize>)> = self.one(&atom, text);
        if term.text.is_ascii() {
            let mut sp = std::mem::take(&mut self.spellings);
            sp.build(text);
            for (hay, map) in [(&sp.full, &sp.full_map), (&sp.initials, &sp.initials_map)] {
                if let Some((score, found)) = self.one(&atom, hay)
                    && best.as_ref().is_none_or(|b| score > b.0)
                {
                    let mut mapped = Vec::new();
                    map_back(&found, map, &mut mapped);
                    best = Some((score, mapped));
                }
            }
            self.spellings = sp;
        }
        let (score, found) = best?;
        if let Some(p) = positions {
            *p = found;
        }
        Some(score as i32)
    }
}

/// `fuzzy-matcher`'s skim v2 behind [`Matcher`]. It only matches fuzzily;
/// anchored terms are checked on the positions it returns, so it can miss a
/// run that exists when its best-scoring alignment has gaps.
pub struct SkimMatcher {
    matcher: SkimMatcherV2,
    spellings: Spellings,
}

impl SkimMatcher {
    pub fn new() -> Self {
        SkimMatcher {
            matcher: SkimMatcherV2::default().ignore_case(),
            spellings: Spellings::default(),
        }
    }
}

impl Default for SkimMatcher {
    fn default() -> Self {
        Self::new()
    }
}

fn fits(anchor: Anchor, found: &[usize], len: usize) -> bool {
    let (Some(&first), Some(&last)) = (found.first(), found.last()) else {
        return false;
    };
    let run = last - first + 1 == found.len();
    (!anchor.contiguous() || run)
        && (!anchor.at_start() || first == 0)
        && (!anchor.at_end() || last + 1 == len)
}

impl Matcher for SkimMatcher {
    fn align(
        &mut self,
        term: &Term,
        anchor: Anchor,
        text: &[char],
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i32> {
        // fuzzy-matcher takes text; the conversion is part of its cost.
        let written: String = text.iter().collect();
        let mut best: Option<(i64, Vec<usize>)> = self
            .matcher
            .fuzzy_indices(&written, &term.text)
            .filter(|(_, f)| fits(anchor, f, text.len()));
        if term.text.is_ascii() {
            let mut sp = std::mem::take(&mut self.spellings);
            sp.build(text);
            for (hay, map) in [(&sp.full, &sp.full_map), (&sp.initials, &sp.initials_map)] {
                let hay: String = hay.iter().collect();
                if let Some((score, found)) = self.matcher.fuzzy_indices(&hay, &term.text)
                    && best.as_ref().is_none_or(|b| score > b.0)
                {
                    let mut mapped = Vec::new();
                    map_back(&found, map, &mut mapped);
                    // A run of letters inside one syllable maps to one char.
                    if fits(anchor, &mapped, text.len()) {
                        best = Some((score, mapped));
                    }
                }
            }
            self.spellings = sp;
        }
        let (score, found) = best?;
        if let Some(p) = positions {
            *p = found;
        }
        Some(score.clamp(i32::MIN as i64 / 4, i32::MAX as i64 / 4) as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::super::chars::normalise_str;
    use super::super::query::Query;
    use super::*;

    fn term(q: &str) -> Term {
        Query::parse(q).terms.remove(0)
    }

    fn norm(text: &str) -> Vec<char> {
        normalise_str(text).chars().collect()
    }

    fn positions(m: &mut dyn Matcher, q: &str, text: &str) -> Option<Vec<usize>> {
        let t = term(q);
        let text = norm(text);
        let mut p = Vec::new();
        m.align(&t, t.anchor, &text, Some(&mut p))?;
        Some(p)
    }

    #[test]
    fn aligns_chinese_pinyin_initials_and_mixtures() {
        let m = &mut PinyinMatcher::new();
        let text = "市发展和改革局";
        assert_eq!(positions(m, "发改", text), Some(vec![1, 4]));
        assert_eq!(positions(m, "fagai", text), Some(vec![1, 4]));
        assert_eq!(
            positions(m, "fa zhan", "发展"),
            Some(vec![0]),
            "first term only"
        );
        assert_eq!(positions(m, "fzhggj", text), Some(vec![1, 2, 3, 4, 5, 6]));
        // Runs are preferred: 革局 is contiguous where 改…局 is not.
        assert_eq!(positions(m, "fgj", text), Some(vec![1, 5, 6]));
        assert_eq!(positions(m, "发g", text), Some(vec![1, 4]));
        assert_eq!(positions(m, "FAGAI", text), Some(vec![1, 4]));
        assert_eq!(positions(m, "fagj", "發展和改革局"), Some(vec![0, 4, 5]));
        assert_eq!(positions(m, "xyz", text), None);
        assert_eq!(positions(m, "发改委", text), None);
    }

    #[test]
    fn every_reading_of_a_polyphonic_character_matches() {
        let m = &mut PinyinMatcher::new();
        for (q, text) in [
            ("chongqing", "重庆"),
            ("zhongqing", "重庆"),
            ("yinhang", "银行"),
            ("changsha", "长沙"),
            ("zhangsha", "长沙"),
        ] {
            assert_eq!(positions(m, q, text), Some(vec![0, 1]), "{q} {text}");
        }
        // The word's own reading scores higher than the character default.
        let common = m.align(&term("chongqing"), Anchor::Fuzzy, &norm("重庆"), None);
        let other = m.align(&term("zhongqing"), Anchor::Fuzzy, &norm("重庆"), None);
        assert!(common > other, "{common:?} {other:?}");
    }

    #[test]
    fn ambiguous_splits_find_a_match() {
        let m = &mut PinyinMatcher::new();
        assert_eq!(positions(m, "xian", "西安"), Some(vec![0, 1]));
        assert_eq!(positions(m, "xian", "先"), Some(vec![0]));
        // Greedy consumption of "xian" by 先 would miss the 安 here.
        assert_eq!(positions(m, "xianan", "先安"), Some(vec![0, 1]));
    }

    #[test]
    fn anchors_constrain_the_alignment() {
        let m = &mut PinyinMatcher::new();
        let text = norm("北部7镇台城");
        let t = term("tc");
        assert!(m.align(&t, Anchor::Fuzzy, &text, None).is_some());
        assert!(m.align(&t, Anchor::Substring, &text, None).is_some());
        assert!(m.align(&t, Anchor::Suffix, &text, None).is_some());
        assert!(m.align(&t, Anchor::Prefix, &text, None).is_none());
        assert!(
            m.align(&term("bz"), Anchor::Substring, &text, None)
                .is_none()
        );
        assert!(
            m.align(&term("bb7z"), Anchor::Prefix, &text, None)
                .is_some()
        );
        assert_eq!(
            m.match_term(&term("台城"), &norm("台城")).map(|x| x.0),
            Some(Tier::Exact)
        );
        assert_eq!(
            m.match_term(&term("tc"), &norm("台城街道")).map(|x| x.0),
            Some(Tier::Prefix)
        );
        assert_eq!(
            m.match_term(&term("tc"), &text).map(|x| x.0),
            Some(Tier::Contiguous)
        );
        assert_eq!(
            m.match_term(&term("bzc"), &text).map(|x| x.0),
            Some(Tier::Fuzzy)
        );
    }

    #[test]
    fn long_terms_match_literally_without_blowing_up() {
        let m = &mut PinyinMatcher::new();
        let long: String = "发".repeat(10_000);
        let t = term(&long);
        assert!(m.align(&t, Anchor::Fuzzy, &norm("发改局"), None).is_none());
        assert!(m.align(&t, Anchor::Fuzzy, &norm(&long), None).is_some());
    }

    #[test]
    fn library_engines_find_pinyin_through_spellings() {
        for engine in [Engine::Nucleo, Engine::Skim] {
            let m = &mut *engine.matcher();
            assert_eq!(
                positions(m, "fgj", "发改局"),
                Some(vec![0, 1, 2]),
                "{engine:?}"
            );
            assert_eq!(
                positions(m, "发改", "发改局"),
                Some(vec![0, 1]),
                "{engine:?}"
            );
            assert!(positions(m, "xyz", "发改局").is_none(), "{engine:?}");
        }
    }
}
