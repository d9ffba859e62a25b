//! A fast yes/no pre-check for the pinyin aligner: can this term match
//! this text at all?
//!
//! The aligner keeps a score for every (term position, text position) pair;
//! most texts do not match, and for them a set of reachable term positions
//! (one `u64`) is enough. Per term, and for every pinyin syllable, we
//! precompute which term positions a syllable can carry the match to, so
//! each text character costs a few table lookups. The check accepts
//! everything the aligner accepts (it may accept a little more; the aligner
//! then decides).

use super::anchor::Anchor;
use super::chars;

/// Terms longer than this are not pre-checked (positions must fit a `u64`).
pub const MAX_CHECKED_TERM: usize = 63;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Automaton {
    m: usize,
    /// `prefix[s * m + i]`: bit `i + l` for every `l ≥ 1` such that the term
    /// from `i` continues with the first `l` letters of syllable `s`.
    prefix: Vec<u64>,
    /// `full[s * m + i]`: bit `i + len(s)` when the term from `i` continues
    /// with the whole syllable `s` (rare readings match only whole).
    full: Vec<u64>,
    /// `prefix_from[s]`: the positions `i` whose `prefix[s * m + i]` is not
    /// empty, so most syllables are dismissed with one AND.
    prefix_from: Vec<u64>,
    /// The same for `full`.
    full_from: Vec<u64>,
    /// Positions holding a letter: where a reading can take over.
    letters: u64,
    /// Positions holding each ASCII character, for literal matches.
    ascii: Box<[u64; 128]>,
    /// Positions holding each other character (Chinese, full-width …).
    other: Vec<(char, u64)>,
}

impl Automaton {
    /// Builds the check for a normalised term of at most
    /// [`MAX_CHECKED_TERM`] characters.
    pub fn new(term: &[char]) -> Option<Automaton> {
        let m = term.len();
        if m == 0 || m > MAX_CHECKED_TERM {
            return None;
        }
        let mut ascii = Box::new([0u64; 128]);
        let mut other: Vec<(char, u64)> = Vec::new();
        let mut letters = 0;
        for (i, &c) in term.iter().enumerate() {
            if c.is_ascii() {
                ascii[c as usize] |= 1 << i;
            } else {
                match other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, bits)) => *bits |= 1 << i,
                    None => other.push((c, 1 << i)),
                }
            }
            if c.is_ascii_lowercase() {
                letters |= 1 << i;
            }
        }
        let syllables = chars::syllables();
        let mut prefix = vec![0u64; syllables.len() * m];
        let mut full = vec![0u64; syllables.len() * m];
        if letters != 0 {
            for (s, syl) in syllables.iter().enumerate() {
                let syl = syl.as_bytes();
                for i in 0..m {
                    let mut l = 0;
                    while l < syl.len() && i + l < m && term[i + l] == syl[l] as char {
                        l += 1;
                        prefix[s * m + i] |= 1 << (i + l);
                    }
                    if l == syl.len() {
                        full[s * m + i] |= 1 << (i + l);
                    }
                }
            }
        }
        let from = |table: &[u64]| -> Vec<u64> {
            table
                .chunks(m)
                .map(|row| {
                    row.iter()
                        .enumerate()
                        .filter(|(_, to)| **to != 0)
                        .fold(0, |acc, (i, _)| acc | 1 << i)
                })
                .collect()
        };
        Some(Automaton {
            m,
            prefix_from: from(&prefix),
            full_from: from(&full),
            prefix,
            full,
            letters,
            ascii,
            other,
        })
    }

    /// Term positions reached by consuming `c` from any position in `from`.
    #[inline]
    fn step(&self, from: u64, c: char) -> u64 {
        let mut to = 0;
        let live = from & !(1 << self.m);
        if c.is_ascii() {
            to |= (live & self.ascii[c as usize]) << 1;
        } else {
            for &(o, bits) in &self.other {
                if o == c {
                    to |= (live & bits) << 1;
                }
            }
        }
        let starts = live & self.letters;
        if starts != 0 {
            let ids = chars::reading_ids(c);
            // A word may make a later reading the common one (银行 hang).
            let word = ids.len() > 1 && chars::has_word_readings(c);
            for (k, &id) in ids.iter().enumerate() {
                let id = id as usize;
                let (table, useful) = if k == 0 || word {
                    (&self.prefix, self.prefix_from[id])
                } else {
                    (&self.full, self.full_from[id])
                };
                let mut bits = starts & useful;
                while bits != 0 {
                    let i = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    to |= table[id * self.m + i];
                }
            }
        }
        to
    }

    /// Whether the term can match `text` (normalised chars) under `anchor`.
    pub fn accepts(&self, anchor: Anchor, text: &[char]) -> bool {
        let done = 1u64 << self.m;
        match anchor {
            Anchor::Fuzzy => {
                let mut at = 1u64;
                for &c in text {
                    at |= self.step(at, c);
                    if at & done != 0 {
                        return true;
                    }
                }
                false
            }
            Anchor::Substring | Anchor::Prefix => {
                let restart = u64::from(anchor == Anchor::Substring);
                let mut at = 1u64;
                for &c in text {
                    let to = self.step(at, c);
                    if to & done != 0 {
                        return true;
                    }
                    at = to | restart;
                    if at == 0 {
                        return false;
                    }
                }
                false
            }
            Anchor::Suffix | Anchor::Whole => {
                let restart = u64::from(anchor == Anchor::Suffix);
                let mut at = 1u64;
                let mut last = 0;
                for &c in text {
                    last = self.step(at, c);
                    at = last | restart;
                    if at == 0 {
                        return false;
                    }
                }
                last & done != 0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::chars::normalise_str;

    fn accepts(q: &str, anchor: Anchor, text: &str) -> bool {
        let q: Vec<char> = normalise_str(q).chars().collect();
        let text: Vec<char> = normalise_str(text).chars().collect();
        Automaton::new(&q).unwrap().accepts(anchor, &text)
    }

    #[test]
    fn accepts_what_the_aligner_accepts() {
        use Anchor::*;
        assert!(accepts("fgj", Fuzzy, "市发展和改革局"));
        assert!(accepts("fzhggj", Substring, "市发展和改革局"));
        assert!(!accepts("fzgg", Substring, "市发展和改革局"));
        assert!(accepts("发g", Fuzzy, "发展和改革局"));
        assert!(accepts("xianan", Whole, "先安"));
        assert!(accepts("yinhang", Whole, "银行"));
        assert!(accepts("tc", Suffix, "北部7镇台城"));
        assert!(!accepts("tc", Prefix, "北部7镇台城"));
        assert!(accepts("bb7", Prefix, "北部7镇台城"));
        assert!(!accepts("xyz", Fuzzy, "市发展和改革局"));
        assert!(!accepts("发改委", Fuzzy, "市发展和改革局"));
        assert!(accepts("ipv6", Fuzzy, "网站支持ＩＰｖ６"));
    }

    #[test]
    fn rare_readings_only_as_whole_syllables() {
        // 市 has the rare reading fú: "f" alone must not use it.
        assert!(!accepts("f", Anchor::Fuzzy, "市"));
        assert!(accepts("fu", Anchor::Fuzzy, "市"));
    }

    proptest::proptest! {
        /// The check never rejects what the aligner would match.
        #[test]
        fn never_rejects_a_match(
            text in "[发展和改革局台城银行重庆长沙市a-c7 ]{0,12}",
            q in "[fazhngijtcyxqs发改台ab7]{1,6}",
            anchor in 0usize..5,
        ) {
            use crate::search::matcher::{Matcher, PinyinMatcher};
            use crate::search::query::Query;
            let anchor = [Anchor::Fuzzy, Anchor::Substring, Anchor::Prefix, Anchor::Suffix, Anchor::Whole][anchor];
            let Some(mut term) = Query::parse(&q).terms.pop() else { return Ok(()) };
            let automaton = term.automaton.take().unwrap();
            let norm = normalise_str(&text);
            let aligned = PinyinMatcher::new().align(&term, anchor, &norm.chars().collect::<Vec<_>>(), None).is_some();
            let chars: Vec<char> = norm.chars().collect();
            if aligned {
                proptest::prop_assert!(automaton.accepts(anchor, &chars), "{q} {anchor:?} {text}");
                // Nor does the required-initials check.
                let have = chars.iter().fold(0, |m, &c| m | crate::search::chars::initials_of_char(c));
                proptest::prop_assert_eq!(have & term.initials, term.initials, "{} {}", q, text);
            }
        }
    }
}
