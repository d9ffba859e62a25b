//! A per-text summary of which character pairs occur next to each other,
//! to skip long texts (task bodies) that cannot contain a term as a run.
//!
//! Long texts only match as runs ([`Anchor::Substring`] and friends), so a
//! term of several characters needs two neighbouring characters of the text
//! to start it: the first consuming the term's first character (literally,
//! or as the start of one of its readings) and the next one starting where
//! the first stopped. Each character stands for a few *tokens* — itself and
//! the first letters of its readings — and the bloom filter holds every
//! token pair of neighbouring characters (and every single token).
//!
//! [`Anchor::Substring`]: super::anchor::Anchor::Substring

use super::chars;

const WORDS: usize = 32;
const BITS: u32 = (WORDS * 64) as u32;

/// 2048 bits of token pairs and single tokens.
#[derive(Clone)]
pub struct PairBloom([u64; WORDS]);

fn hash(a: u32, b: u32) -> u32 {
    let h = (a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77)).wrapping_mul(0xC2B2_AE3D);
    (h >> 5) % BITS
}

/// A token: a character, or the first letter of a reading (tagged so it
/// cannot collide with the letter typed literally — both are allowed, the
/// letters are the same either way, so no tag is needed).
fn tokens(c: char, out: &mut Vec<u32>) {
    out.clear();
    out.push(c as u32);
    for r in chars::readings(c) {
        let first = r.as_bytes()[0] as u32;
        if !out.contains(&first) {
            out.push(first);
        }
    }
}

/// Single tokens are stored as a pair with this marker.
const ALONE: u32 = u32::MAX;

impl PairBloom {
    /// Summarises a normalised text.
    pub fn new(text: &str) -> PairBloom {
        let mut bloom = PairBloom([0; WORDS]);
        let mut prev: Vec<u32> = Vec::new();
        let mut cur: Vec<u32> = Vec::new();
        for c in text.chars() {
            tokens(c, &mut cur);
            for &b in &cur {
                bloom.set(b, ALONE);
                for &a in &prev {
                    bloom.set(a, b);
                }
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        bloom
    }

    fn set(&mut self, a: u32, b: u32) {
        let h = hash(a, b);
        self.0[(h / 64) as usize] |= 1 << (h % 64);
    }

    /// Bits set (for tuning).
    pub fn density(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    fn has(&self, a: u32, b: u32) -> bool {
        let h = hash(a, b);
        self.0[(h / 64) as usize] & (1 << (h % 64)) != 0
    }

    /// Whether a run matching the probed term may occur in the text.
    /// False only when it certainly does not.
    pub fn may_contain(&self, probe: &RunProbe) -> bool {
        let Some(first) = probe.first else {
            return true;
        };
        self.has(first, ALONE)
            && (probe.one_char_may_do
                || probe.seconds.iter().any(|&second| self.has(first, second)))
    }

    /// [`may_contain`](Self::may_contain) for a term given as chars.
    pub fn may_contain_run(&self, term: &[char]) -> bool {
        self.may_contain(&RunProbe::new(term))
    }
}

/// What a term needs from a text's [`PairBloom`], worked out once per term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunProbe {
    /// The token the run's first character must have (`None`: empty term).
    first: Option<u32>,
    /// Tokens the run's second character may start with, one per way the
    /// first character can end (after 1 term char, or after a longer
    /// syllable prefix: `fa|gai`, `f|gj`).
    seconds: Vec<u32>,
    /// The whole term may fit in one character (`fa`, `zhuang`, `发`).
    one_char_may_do: bool,
}

impl RunProbe {
    /// Whether one character of a text may match the whole term (`发`,
    /// `fa`, `zhuang`): such a term says little about a paragraph.
    pub fn fits_one_char(&self) -> bool {
        self.one_char_may_do
    }

    pub fn new(term: &[char]) -> RunProbe {
        let Some(&first) = term.first() else {
            return RunProbe {
                first: None,
                seconds: Vec::new(),
                one_char_may_do: true,
            };
        };
        let syllable_prefix = |len: usize| -> bool {
            let p: String = term[..len].iter().collect();
            chars::syllables().iter().any(|s| s.starts_with(p.as_str()))
        };
        let mut seconds = Vec::new();
        let mut one_char_may_do = term.len() == 1;
        let mut len = 1;
        while len < term.len() {
            seconds.push(term[len] as u32);
            len += 1;
            if !first.is_ascii_lowercase() || len > 6 || !syllable_prefix(len) {
                break;
            }
            if len == term.len() {
                one_char_may_do = true;
            }
        }
        RunProbe {
            first: Some(first as u32),
            seconds,
            one_char_may_do,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::chars::normalise_str;

    fn may(text: &str, term: &str) -> bool {
        let t: Vec<char> = normalise_str(term).chars().collect();
        PairBloom::new(&normalise_str(text)).may_contain_run(&t)
    }

    #[test]
    fn keeps_texts_with_the_run() {
        let text = "推动产业转移工业园与北部7镇工业园区发展，市发展和改革局配合";
        for term in [
            "改革",
            "发展和改革",
            "fzhggj",
            "fazhan",
            "发z",
            "bb7z",
            "7镇",
            "gyy",
            "f",
            "发",
            "zhuanyi",
        ] {
            assert!(may(text, term), "{term}");
        }
    }

    #[test]
    fn rejects_most_texts_without_it() {
        let text = "推动产业转移工业园与北部7镇工业园区发展，市发展和改革局配合";
        let rejected = ["台城", "tc", "wglt", "文广", "xczx", "乡村", "发改"]
            .iter()
            .filter(|t| !may(text, t))
            .count();
        assert!(rejected >= 6, "{rejected}");
    }

    proptest::proptest! {
        /// The summary never rules out a run the aligner finds.
        #[test]
        fn never_rejects_a_run(
            text in "[发展和改革局台城银行重庆长沙市a-c7 ]{0,16}",
            q in "[fazhngijtcyxqs发改台ab7]{1,6}",
        ) {
            use crate::search::matcher::{Matcher, PinyinMatcher};
            use crate::search::anchor::Anchor;
            use crate::search::query::Query;
            let Some(term) = Query::parse(&q).terms.pop() else { return Ok(()) };
            let norm = normalise_str(&text);
            if PinyinMatcher::new().align(&term, Anchor::Substring, &norm.chars().collect::<Vec<_>>(), None).is_some() {
                proptest::prop_assert!(PairBloom::new(&norm).may_contain_run(&term.chars), "{q} {text}");
            }
        }
    }
}
