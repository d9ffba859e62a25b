//! Scoring one candidate pair: find the strings both texts contain, decide
//! which of them are names (places, projects) and how rare they are, and
//! combine the best of them into a score in [0, 1].

use std::collections::HashMap;

use crate::model::{OverlapKind, SharedTerm};

use super::fold::{BREAK, Folded};
use super::index::{KeyIndex, name_bigram, stem_ending, trigram};
use super::lexicon::{NameKind, ending_at, trim_edges};
use super::params::{
    MAX_OCCURRENCES, MAX_SHARED_TERMS, MIN_TERM_WEIGHT, MIN_WORDING_CHARS, NAME_LENGTH_FACTOR,
    SCORE_TERMS, TERM_DECAY, WORDING_LENGTH_FACTOR, WORDING_WEIGHT,
};

/// One side of a pair: the folded text and the original characters.
pub struct Side<'a> {
    pub folded: &'a Folded,
    pub text: &'a [char],
}

/// What two tasks share and how much it says.
#[derive(Debug, Clone)]
pub struct PairScore {
    pub score: f32,
    pub kind: OverlapKind,
    pub shared: Vec<SharedTerm>,
}

struct Term {
    chars: Vec<char>,
    weight: f32,
    name: Option<NameKind>,
}

pub fn score_pair(index: &KeyIndex, a: &Side, b: &Side) -> Option<PairScore> {
    let mut terms: HashMap<Vec<char>, Term> = HashMap::new();
    for (ai, bi, len) in common_runs(&a.folded.chars, &b.folded.chars) {
        let (s, e) = trim_edges(&a.folded.chars, ai, ai + len);
        if e - s < 2 {
            continue;
        }
        let bs = bi + (s - ai);
        let chars = a.folded.chars[s..e].to_vec();
        if terms.contains_key(&chars) {
            continue;
        }
        let name = name_kind(a, s, e).or_else(|| name_kind(b, bs, bs + (e - s)));
        let weight = term_weight(index, &chars, name);
        if weight >= MIN_TERM_WEIGHT {
            terms.insert(
                chars.clone(),
                Term {
                    chars,
                    weight,
                    name,
                },
            );
        }
    }
    let mut terms: Vec<Term> = terms.into_values().collect();
    // Heaviest first, ties by text, so output never depends on hash order.
    terms.sort_by(|x, y| y.weight.total_cmp(&x.weight).then(x.chars.cmp(&y.chars)));
    // A term inside a heavier kept term adds nothing (广海湾 in 广海湾经济开发区).
    let mut kept: Vec<Term> = Vec::new();
    for t in terms {
        if !kept.iter().any(|k| contains(&k.chars, &t.chars)) {
            kept.push(t);
        }
    }
    kept.truncate(MAX_SHARED_TERMS);
    let best = kept.first()?;
    let kind = best
        .name
        .map_or(OverlapKind::SimilarWording, NameKind::overlap_kind);
    let miss: f32 = kept
        .iter()
        .take(SCORE_TERMS)
        .enumerate()
        .map(|(r, t)| 1.0 - t.weight * TERM_DECAY.powi(r as i32))
        .product();
    let shared = kept
        .iter()
        .filter_map(|t| shared_term(a, b, &t.chars))
        .collect();
    Some(PairScore {
        score: (1.0 - miss).clamp(0.0, 1.0),
        kind,
        shared,
    })
}

/// Maximal runs `(start in a, start in b, length)` of at least two equal
/// characters, found through a bigram table of `b` rather than a full
/// |a|×|b| table.
fn common_runs(a: &[char], b: &[char]) -> Vec<(usize, usize, usize)> {
    let mut at: HashMap<(char, char), Vec<usize>> = HashMap::new();
    for (j, w) in b.windows(2).enumerate() {
        if !w.contains(&BREAK) {
            at.entry((w[0], w[1])).or_default().push(j);
        }
    }
    let mut runs = Vec::new();
    for (i, w) in a.windows(2).enumerate() {
        if w.contains(&BREAK) {
            continue;
        }
        let Some(js) = at.get(&(w[0], w[1])) else {
            continue;
        };
        for &j in js {
            // Only runs that cannot be extended to the left.
            if i > 0 && j > 0 && a[i - 1] == b[j - 1] && a[i - 1] != BREAK {
                continue;
            }
            let mut len = 2;
            while i + len < a.len() && j + len < b.len() && a[i + len] == b[j + len] {
                if a[i + len] == BREAK {
                    break;
                }
                len += 1;
            }
            runs.push((i, j, len));
        }
    }
    runs
}

/// Whether `chars[s..e]` of one side names a project or a place: it ends in
/// a name ending (with something before it), runs straight into one
/// (黄茅海 in 黄茅海跨海通道), carries a road code (G240) or is quoted.
fn name_kind(side: &Side, s: usize, e: usize) -> Option<NameKind> {
    let chars = &side.folded.chars;
    if let Some((kind, n)) = ending_at(&chars[s..e], e - s)
        && n < e - s
    {
        return Some(kind);
    }
    if let Some((kind, _)) = stem_ending(chars, e) {
        return Some(kind);
    }
    let term = &chars[s..e];
    if term
        .windows(2)
        .any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_digit())
    {
        return Some(NameKind::Project);
    }
    let before = side.folded.orig[s].checked_sub(1).map(|p| side.text[p]);
    let after = side.text.get(side.folded.orig[e - 1] + 1).copied();
    if matches!(before, Some('“' | '《' | '「' | '『' | '"'))
        && matches!(after, Some('”' | '》' | '」' | '』' | '"'))
    {
        return Some(NameKind::Project);
    }
    None
}

/// How much a shared term says, in [0, 1]: its rarity across tasks, scaled
/// by its length and by whether it is a name.
fn term_weight(index: &KeyIndex, chars: &[char], name: Option<NameKind>) -> f32 {
    let len = chars.len();
    let spec = |df: usize| index.specificity(df);
    match name {
        Some(_) => {
            // A name is as specific as its rarest part.
            let rarest = if len == 2 {
                spec(index.df(name_bigram(chars)))
            } else {
                chars
                    .windows(3)
                    .map(|w| spec(index.df(trigram(w))))
                    .fold(0.0, f32::max)
            };
            rarest * NAME_LENGTH_FACTOR[(len - 2).min(2)]
        }
        None if len < MIN_WORDING_CHARS => 0.0,
        None => {
            // Wording is judged on all its parts: one rare trigram where
            // two common phrases meet is no evidence.
            let parts: Vec<f32> = chars
                .windows(3)
                .map(|w| spec(index.df(trigram(w))))
                .collect();
            let mean = parts.iter().sum::<f32>() / parts.len() as f32;
            mean * WORDING_WEIGHT * WORDING_LENGTH_FACTOR[(len - MIN_WORDING_CHARS).min(3)]
        }
    }
}

/// The term as written in `a`, with its char offsets in both texts.
fn shared_term(a: &Side, b: &Side, term: &[char]) -> Option<SharedTerm> {
    let in_a = occurrences(&a.folded.chars, term);
    let in_b = occurrences(&b.folded.chars, term);
    let first = *in_a.first()?;
    Some(SharedTerm {
        term: a.folded.written(a.text, first, first + term.len()),
        in_a: in_a.iter().map(|&p| a.folded.orig[p]).collect(),
        in_b: in_b.iter().map(|&p| b.folded.orig[p]).collect(),
    })
}

fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .take(MAX_OCCURRENCES)
        .collect()
}

fn contains(hay: &[char], needle: &[char]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
