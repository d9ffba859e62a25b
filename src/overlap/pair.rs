//! Scoring one candidate pair: find the strings both texts contain, decide
//! which of them are names (places, projects) and how rare they are, and
//! combine the best of them into a score in [0, 1].

use crate::model::{OverlapKind, SharedTerm, TermKind};

use super::fold::{BREAK, Folded};
use super::fxhash::FxHashMap;
use super::generic::{Generic, GenericCache};
use super::index::{KeyIndex, stem_ending};
use super::lexicon::{
    NameKind, ending_at, ends_in_everyday_place_word, is_context_verb_in, is_joining_char,
    is_type_words_only, trim_edges,
};
use super::params::{
    CONTEXT_FACTOR, CONTEXT_WINDOW, MAX_BIGRAM_REPEATS, MAX_OCCURRENCES, MAX_SHARED_TERMS,
    MIN_TERM_WEIGHT, MIN_WORDING_CHARS, NAME_LENGTH_FACTOR, PLACE_FACTOR, QUOTED_FACTOR,
    SCORE_TERMS, TERM_DECAY, TOPIC_FULL, TOPIC_WEIGHT, WORDING_LENGTH_FACTOR, WORDING_WEIGHT,
};

/// One side of a pair: the folded text and the original characters.
pub struct Side<'a> {
    pub folded: &'a Folded,
    pub text: &'a [char],
    /// [`KeyIndex::bigram_norm`] of the text's distinct bigrams.
    pub norm: f32,
    /// [`positioned_bigrams`] of `folded.chars`, computed once per task
    /// rather than once per pair it is in.
    pub bigrams: &'a [u64],
    /// [`topic_vector`] of `bigrams`, likewise.
    pub topic: &'a [(u32, f32)],
    /// [`has_opening_quote`] of `text`: most texts quote nothing, and then
    /// no shared term needs looking up in the original text.
    pub quotes: bool,
}

/// What two tasks share and how much it says.
#[derive(Debug, Clone)]
pub struct PairScore {
    pub score: f32,
    /// The texts' topic similarity (see [`topic_similarity`]).
    pub similarity: f32,
    pub kind: OverlapKind,
    pub shared: Vec<SharedTerm>,
    /// The weight of the heaviest shared project name before any context
    /// discount (0 if none).
    pub project: f32,
}

struct Term<'t> {
    chars: &'t [char],
    weight: f32,
    /// For names: the weight before a context discount, which still says
    /// the two plans name the same project.
    name_weight: f32,
    kind: TermKind,
}

/// The corpus-wide statistics a pair is scored against.
pub struct Corpus<'c> {
    pub index: &'c KeyIndex,
    pub generic: &'c Generic<'c>,
}

pub fn score_pair(
    corpus: &Corpus,
    cache: &mut GenericCache,
    a: &Side,
    b: &Side,
) -> Option<PairScore> {
    let index = corpus.index;
    let (xs, ys) = (a.bigrams, b.bigrams);
    // Keyed by the term's chars as a slice of `a`, so no term is copied.
    let mut terms: FxHashMap<&[char], Term> = FxHashMap::default();
    for (ai, bi, len) in common_runs(&a.folded.chars, &b.folded.chars, xs, ys) {
        let (s, e) = trim_edges(&a.folded.chars, ai, ai + len);
        if e - s < 2 {
            continue;
        }
        let bs = bi + (s - ai);
        let be = bs + (e - s);
        let chars = &a.folded.chars[s..e];
        if terms.contains_key(chars) {
            continue;
        }
        let name = if is_quoted(a, s, e) || is_quoted(b, bs, be) {
            Some(Name {
                kind: NameKind::Project,
                stem: e - s,
                quoted: true,
            })
        } else {
            let name = name_of(a, s, e, Some((b, bs))).or_else(|| name_of(b, bs, be, None));
            // The end of two different names (珠城际铁路 of 斗珠城际铁路 and
            // 广珠城际铁路, 速公路 of 高速公路) is neither a shared name nor
            // shared wording.
            if name.is_none() && is_name_fragment(chars) {
                continue;
            }
            name
        };
        let kind = term_kind(name);
        let mut weight = term_weight(index, chars, name);
        let name_weight = weight;
        // A name one task only relies on (依托…, 对接…) is weaker evidence.
        if matches!(kind, TermKind::Project | TermKind::Place) {
            for side in [a, b] {
                if only_as_context(side, chars) {
                    weight *= CONTEXT_FACTOR;
                }
            }
        }
        // Boilerplate says nothing, however rare (see `generic.rs`).
        if matches!(kind, TermKind::Wording | TermKind::Programme) && weight >= MIN_TERM_WEIGHT {
            weight *= corpus.generic.content(cache, chars);
        }
        if weight >= MIN_TERM_WEIGHT {
            terms.insert(
                chars,
                Term {
                    chars,
                    weight,
                    name_weight,
                    kind,
                },
            );
        }
    }
    let mut terms: Vec<Term> = terms.into_values().collect();
    // Heaviest first, ties by text, so output never depends on hash order.
    terms.sort_by(|x, y| y.weight.total_cmp(&x.weight).then(x.chars.cmp(y.chars)));
    // A term inside a heavier kept term adds nothing (广海湾 in 广海湾经济开发区).
    let mut kept: Vec<Term> = Vec::new();
    for t in terms {
        if !kept.iter().any(|k| contains(k.chars, t.chars)) {
            kept.push(t);
        }
    }
    kept.truncate(MAX_SHARED_TERMS);
    let best = kept.first()?;
    let kind = match best.kind {
        TermKind::Project => OverlapKind::SameProject,
        TermKind::Place => OverlapKind::SamePlace,
        TermKind::Programme | TermKind::Wording => OverlapKind::SimilarWording,
    };
    let project = kept
        .iter()
        .filter(|t| t.kind == TermKind::Project)
        .map(|t| t.name_weight)
        .fold(0.0f32, f32::max);
    let miss: f32 = kept
        .iter()
        .take(SCORE_TERMS)
        .enumerate()
        .map(|(r, t)| 1.0 - t.weight * TERM_DECAY.powi(r as i32))
        .product();
    let shared = kept.iter().filter_map(|t| shared_term(a, b, t)).collect();
    let similarity = topic_similarity(a, b);
    let topic = (similarity / TOPIC_FULL).min(1.0);
    let only_places = kept.iter().all(|t| t.kind == TermKind::Place);
    let topic_factor = if only_places {
        topic
    } else {
        1.0 - TOPIC_WEIGHT + TOPIC_WEIGHT * topic
    };
    Some(PairScore {
        similarity,
        score: ((1.0 - miss) * topic_factor).clamp(0.0, 1.0),
        kind,
        shared,
        project,
    })
}

/// Maximal runs `(start in a, start in b, length)` of at least two equal
/// characters. Both texts' bigrams are sorted and merged, which costs
/// about |a| + |b| rather than a full |a|×|b| table.
/// `xs` and `ys` are [`positioned_bigrams`] of `a` and `b`.
fn common_runs(a: &[char], b: &[char], xs: &[u64], ys: &[u64]) -> Vec<(usize, usize, usize)> {
    let bigram = |v: u64| v >> 16;
    let pos = |v: u64| (v & 0xFFFF) as usize;
    let mut runs = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < xs.len() && y < ys.len() {
        match bigram(xs[x]).cmp(&bigram(ys[y])) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                let g = bigram(xs[x]);
                let x_end = x + xs[x..].iter().take_while(|&&v| bigram(v) == g).count();
                let y_end = y + ys[y..].iter().take_while(|&&v| bigram(v) == g).count();
                // A bigram repeated hundreds of times (a pasted table, a
                // hostile file) would make this quadratic; its first
                // occurrences are enough to find the shared strings.
                let x_stop = x_end.min(x + MAX_BIGRAM_REPEATS);
                let y_stop = y_end.min(y + MAX_BIGRAM_REPEATS);
                for &xv in &xs[x..x_stop] {
                    for &yv in &ys[y..y_stop] {
                        let (i, j) = (pos(xv), pos(yv));
                        // Only runs that cannot be extended to the left.
                        if i > 0 && j > 0 && a[i - 1] == b[j - 1] && a[i - 1] != BREAK {
                            continue;
                        }
                        let mut len = 2;
                        while i + len < a.len()
                            && j + len < b.len()
                            && a[i + len] == b[j + len]
                            && a[i + len] != BREAK
                        {
                            len += 1;
                        }
                        runs.push((i, j, len));
                    }
                }
                (x, y) = (x_end, y_end);
            }
        }
    }
    // In order of position in `a`, so later steps see terms in text order.
    runs.sort_unstable();
    runs
}

/// How alike the two texts are as a whole: the cosine of their vectors of
/// distinct bigrams, each weighted by its specificity. A name shared by two
/// tasks about the same subject comes with a high cosine; a name mentioned
/// in passing in a task about something else does not.
fn topic_similarity(a: &Side, b: &Side) -> f32 {
    let (xs, ys) = (a.topic, b.topic);
    let (mut x, mut y, mut dot) = (0, 0, 0.0f32);
    // Both vectors are sorted by bigram, each bigram once. A bigram both
    // texts have is in two tasks, so its topic weight is its specificity.
    while x < xs.len() && y < ys.len() {
        match xs[x].0.cmp(&ys[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                dot += xs[x].1.powi(2);
                x += 1;
                y += 1;
            }
        }
    }
    if a.norm <= 0.0 || b.norm <= 0.0 {
        return 0.0;
    }
    (dot / (a.norm * b.norm)).clamp(0.0, 1.0)
}

/// Each bigram of `chars` packed with its position (bigram << 16 | pos),
/// sorted. Texts longer than 65 535 folded chars are matched on their start.
pub fn positioned_bigrams(chars: &[char]) -> Vec<u64> {
    let mut out: Vec<u64> = chars
        .windows(2)
        .take(0xFFFF)
        .enumerate()
        .filter(|(_, w)| !w.contains(&BREAK))
        .map(|(i, w)| ((w[0] as u64) << 37) | ((w[1] as u64) << 16) | i as u64)
        .collect();
    out.sort_unstable();
    out
}

/// The topic vector of a text from its [`positioned_bigrams`]: each
/// distinct bigram (as its [`KeyIndex::bigram_id`]) with its
/// [`KeyIndex::topic_weight`], in bigram order. Every bigram of a task
/// the index was built from is in it. Looked up once per task
/// here, because the cosines of [`topic_similarity`] and of the corpus
/// statistics (`generic.rs`) read these weights for every pair and phrase,
/// and a lookup in the corpus-wide table of bigrams is mostly a cache miss.
pub fn topic_vector(index: &KeyIndex, positioned: &[u64]) -> Vec<(u32, f32)> {
    let mut out: Vec<(u32, f32)> = Vec::new();
    let mut last = None;
    for b in positioned.iter().map(|&v| v >> 16) {
        if last != Some(b) {
            last = Some(b);
            out.extend(index.topic_entry(b));
        }
    }
    out
}

/// What a shared term is, from what [`name_of`] found.
fn term_kind(name: Option<Name>) -> TermKind {
    match name {
        Some(n) if n.quoted => TermKind::Programme,
        Some(n) => match n.kind {
            NameKind::Project => TermKind::Project,
            NameKind::Place => TermKind::Place,
        },
        None => TermKind::Wording,
    }
}

/// A shared term that names a project or place.
#[derive(Debug, Clone, Copy)]
struct Name {
    kind: NameKind,
    /// Length of the part before the name's ending (黄茅海跨海 in
    /// 黄茅海跨海通道); the whole term when the ending follows it or when
    /// the term is quoted or a road code.
    stem: usize,
    /// Quoted without a name ending: a programme or slogan (“揭榜挂帅”)
    /// more often than a project.
    quoted: bool,
}

/// Whether `chars[s..e]` of one side names a project or place: it ends in
/// a name ending after a real stem, runs straight into one (黄茅海 in
/// 黄茅海跨海通道), carries a road code (G240) or is quoted.
///
/// `other` is the other side and where the term starts there: a term counts
/// as running into an ending only when it does so in both texts, because
/// one text's 城市信息大道 does not make the other's 城市信息 a road.
fn name_of(side: &Side, s: usize, e: usize, other: Option<(&Side, usize)>) -> Option<Name> {
    let chars = &side.folded.chars;
    let len = e - s;
    let whole = |kind| {
        Some(Name {
            kind,
            stem: len,
            quoted: false,
        })
    };
    // A term that runs into an ending is the stem of a longer name: 黄茅海
    // in 黄茅海跨海通道 and 黄茅海通道. Both endings must agree (通道 ends
    // 跨海通道); 游艇 in 游艇码头 and 游艇基地 is a kind of thing, no name.
    if let Some((o, os)) = other
        && is_name_stem(&chars[s..e])
        && let Some((kind, n)) = stem_ending(chars, e)
        && let Some((_, m)) = stem_ending(&o.folded.chars, os + len)
    {
        let mine = &chars[e..e + n];
        let theirs = &o.folded.chars[os + len..os + len + m];
        if mine.ends_with(theirs) || theirs.ends_with(mine) {
            return whole(kind);
        }
    }
    if let Some((kind, n)) = ending_at(&chars[s..e], len) {
        // 速公路 is a fragment of 高速公路, not a road; 川岛 and 独湾 are
        // places, 旧村 is not; 路等项目 is two fragments; 美丽乡村 is no place.
        let min_stem = min_stem_len(&chars[s..e]);
        let stem = &chars[s..e - n];
        let everyday_place = kind == NameKind::Place && ends_in_everyday_place_word(&chars[s..e]);
        if stem.len() >= min_stem && is_name_stem(stem) && !everyday_place {
            return Some(Name {
                kind,
                stem: len - n,
                quoted: false,
            });
        }
    }
    if has_road_code(&chars[s..e]) {
        return whole(NameKind::Project);
    }
    None
}

/// Whether `chars[s..e]` of one side is quoted as a whole (“揭榜挂帅”,
/// “四好农村公路”): a programme or slogan, even when it ends like a road.
fn is_quoted(side: &Side, s: usize, e: usize) -> bool {
    if !side.quotes {
        return false;
    }
    let before = side.folded.offset(s).checked_sub(1).map(|p| side.text[p]);
    // The char after is looked up only when the one before opens a quote.
    before.is_some_and(is_opening_quote)
        && matches!(
            side.text.get(side.folded.offset(e - 1) + 1),
            Some('”' | '》' | '」' | '』' | '"')
        )
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '《' | '「' | '『' | '"')
}

/// Whether `text` has a char that opens a quote ([`is_quoted`] terms).
pub fn has_opening_quote(text: &[char]) -> bool {
    text.iter().copied().any(is_opening_quote)
}

/// Whether `term` ends in a name ending after a stem too short to be a
/// name: the tail of longer names that differ before it.
fn is_name_fragment(term: &[char]) -> bool {
    ending_at(term, term.len()).is_some_and(|(_, n)| {
        let stem = term.len() - n;
        stem > 0 && stem < min_stem_len(term)
    })
}

/// The shortest stem a name with this ending needs: one character before
/// 岛 and 湾 (川岛, 独湾; but 海湾 and 港湾 are words), two otherwise (旧村,
/// 速公路 are no names).
fn min_stem_len(term: &[char]) -> usize {
    let one_char_stem = term.len() >= 2 && !matches!(term[term.len() - 2], '海' | '港');
    match ending_at(term, term.len()) {
        Some((_, 1)) if matches!(term.last(), Some('岛' | '湾')) && one_char_stem => 1,
        _ => 2,
    }
}

/// Whether every occurrence of `term` in `side` is a mention of something
/// the task relies on rather than works on: 依托黄茅海跨海通道出口,
/// 发挥江门站的辐射带动作用, 以国道G240为主轴线.
fn only_as_context(side: &Side, term: &[char]) -> bool {
    let chars = &side.folded.chars;
    let found = occurrences(chars, term);
    !found.is_empty()
        && found.iter().all(|&p| {
            // The clause before the term, at most a few characters back.
            let clause_start = chars[..p]
                .iter()
                .rposition(|&c| c == BREAK)
                .map_or(0, |b| b + 1);
            let from = clause_start.max(p.saturating_sub(CONTEXT_WINDOW));
            let before = &chars[from..p];
            // 以 … 为 frames the clause when it opens it (以国道G240为主轴线).
            (p == clause_start + 1 && chars[clause_start] == '以') || is_context_verb_in(before)
        })
}

/// Whether `stem` can be the distinctive part of a name: one piece (no
/// joining character) that is not just words for a kind of work.
fn is_name_stem(stem: &[char]) -> bool {
    !stem.iter().copied().any(is_joining_char) && !is_type_words_only(stem)
}

/// A road number: G, S or X (国道, 省道, 县道) and at least two digits.
fn has_road_code(term: &[char]) -> bool {
    term.windows(3)
        .any(|w| matches!(w[0], 'G' | 'S' | 'X') && w[1..].iter().all(char::is_ascii_digit))
}

/// How much a shared term says, in [0, 1]: its rarity across tasks, scaled
/// by its length and by whether it is a name.
fn term_weight(index: &KeyIndex, chars: &[char], name: Option<Name>) -> f32 {
    let len = chars.len();
    match name {
        Some(name) => {
            // A name is as specific as its stem: 旅游基地 is an everyday word
            // plus an ending, 台开快速路 is not. A one-char stem (川 of 川岛)
            // says too little alone, so the whole name is judged then.
            let stem = if name.stem >= 2 {
                &chars[..name.stem]
            } else {
                chars
            };
            let quoted = if name.quoted { QUOTED_FACTOR } else { 1.0 };
            let place = match name.kind {
                NameKind::Place => PLACE_FACTOR,
                NameKind::Project => 1.0,
            };
            index.string_specificity(stem) * NAME_LENGTH_FACTOR[(len - 2).min(2)] * quoted * place
        }
        // Dates and figures (2025年, 到2025) say nothing about the work.
        None if len < MIN_WORDING_CHARS || chars.iter().any(char::is_ascii_digit) => 0.0,
        None => {
            index.string_specificity(chars)
                * WORDING_WEIGHT
                * WORDING_LENGTH_FACTOR[(len - MIN_WORDING_CHARS).min(3)]
        }
    }
}

/// The term as written in `a`, with its kind, weight and char offsets in
/// both texts.
fn shared_term(a: &Side, b: &Side, t: &Term) -> Option<SharedTerm> {
    let in_a = occurrences(&a.folded.chars, t.chars);
    let in_b = occurrences(&b.folded.chars, t.chars);
    let first = *in_a.first()?;
    Some(SharedTerm {
        term: a.folded.written(a.text, first, first + t.chars.len()),
        kind: t.kind,
        weight: (t.weight * 1000.0).round() / 1000.0,
        in_a: in_a.iter().map(|&p| a.folded.offset(p)).collect(),
        in_b: in_b.iter().map(|&p| b.folded.offset(p)).collect(),
    })
}

fn occurrences(hay: &[char], needle: &[char]) -> Vec<usize> {
    positions(hay, needle).take(MAX_OCCURRENCES).collect()
}

fn contains(hay: &[char], needle: &[char]) -> bool {
    positions(hay, needle).next().is_some()
}

/// Where `needle` starts in `hay`, in order. Positions are ruled out by
/// their first char before the rest is compared: a slice comparison at
/// every position was a large share of scoring pairs.
fn positions<'h>(hay: &'h [char], needle: &'h [char]) -> impl Iterator<Item = usize> + 'h {
    let n = needle.len();
    let last = (hay.len() + 1).saturating_sub(n);
    let first = needle.first().copied();
    (0..last).filter(move |&i| Some(hay[i]) == first && hay[i..i + n] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::fold::fold;

    fn side_name(text: &str, term: &str) -> Option<NameKind> {
        let folded = fold(text, None);
        let chars: Vec<char> = text.chars().collect();
        let t: Vec<char> = term.chars().collect();
        let s = folded.chars.windows(t.len()).position(|w| w == t)?;
        let bigrams = positioned_bigrams(&folded.chars);
        let side = Side {
            folded: &folded,
            text: &chars,
            norm: 1.0,
            bigrams: &bigrams,
            topic: &[],
            quotes: has_opening_quote(&chars),
        };
        name_of(&side, s, s + t.len(), None).map(|n| n.kind)
    }

    #[test]
    fn names_need_a_real_stem() {
        assert_eq!(
            side_name("建设台开快速路", "台开快速路"),
            Some(NameKind::Project)
        );
        assert_eq!(side_name("上川岛旅游", "川岛"), Some(NameKind::Place));
        assert_eq!(side_name("高速公路", "速公路"), None);
        assert_eq!(side_name("建设美丽乡村", "美丽乡村"), None);
        assert_eq!(side_name("快速路等项目", "路等项目"), None);
        assert_eq!(side_name("建设旅游基地", "旅游基地"), None);
        assert_eq!(side_name("水库除险加固工程", "除险加固工程"), None);
        assert_eq!(
            side_name("广海湾港区", "广海湾港区"),
            Some(NameKind::Project)
        );
    }

    #[test]
    fn road_codes_and_quotes_make_names() {
        assert_eq!(
            side_name("改造国道G240", "国道G240"),
            Some(NameKind::Project)
        );
        assert_eq!(side_name("控制PM2.5浓度", "PM2"), None);
        assert_eq!(side_name("推进旧村改造", "旧村"), None);
        assert_eq!(side_name("建设独湾码头", "独湾"), Some(NameKind::Place));
        assert_eq!(side_name("打造休闲海湾", "海湾"), None);
    }

    fn side_of<'a>(folded: &'a Folded, text: &'a [char], bigrams: &'a [u64]) -> Side<'a> {
        Side {
            folded,
            text,
            norm: 1.0,
            bigrams,
            topic: &[],
            quotes: has_opening_quote(text),
        }
    }

    #[test]
    fn quotes_and_context_are_recognised() {
        let text: Vec<char> = "实施“揭榜挂帅”制度".chars().collect();
        let folded = fold(&text.iter().collect::<String>(), None);
        let bigrams = positioned_bigrams(&folded.chars);
        let side = side_of(&folded, &text, &bigrams);
        let s = folded.chars.iter().position(|&c| c == '揭').unwrap();
        assert!(is_quoted(&side, s, s + 4));
        assert!(!is_quoted(&side, s, s + 3));

        let term: Vec<char> = "黄茅海跨海通道".chars().collect();
        for (text, context) in [
            ("依托黄茅海跨海通道出口地理位置优势", true),
            ("充分发挥黄茅海跨海通道的作用", true),
            ("加快黄茅海跨海通道建设", false),
            ("依托港口,加快黄茅海跨海通道建设", false),
            ("依托黄茅海跨海通道,加快黄茅海跨海通道建设", false),
            ("以黄茅海跨海通道为轴线", true),
            ("加快以及黄茅海跨海通道", false),
        ] {
            let chars: Vec<char> = text.chars().collect();
            let folded = fold(text, None);
            let bigrams = positioned_bigrams(&folded.chars);
            let side = side_of(&folded, &chars, &bigrams);
            assert_eq!(only_as_context(&side, &term), context, "{text}");
        }
    }

    #[test]
    fn runs_are_maximal_and_stop_at_breaks() {
        let a: Vec<char> = "甲黄茅海跨海通道乙".chars().collect();
        let b: Vec<char> = "黄茅海跨海通道,丙".chars().collect();
        let b = fold(&b.iter().collect::<String>(), None).chars;
        let runs = common_runs(&a, &b, &positioned_bigrams(&a), &positioned_bigrams(&b));
        assert_eq!(runs, vec![(1, 0, 7)]);
    }
}
