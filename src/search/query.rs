//! The query language: fzf's extended search syntax.
//!
//! A query is split on spaces into terms that must all match:
//!
//! | term     | meaning                                   |
//! |----------|-------------------------------------------|
//! | `fgj`    | fuzzy: the characters in order, gaps allowed |
//! | `'fgj`   | exact: a contiguous run                   |
//! | `^fgj`   | prefix: a contiguous run at the start     |
//! | `fgj$`   | suffix: a contiguous run at the end       |
//! | `^fgj$`  | the whole text                            |
//! | `!fgj`   | not containing a contiguous run (also `!^…`, `!…$`) |
//!
//! Every kind matches through pinyin too: `'fagai` is the run 发改.
//! An operator on its own (`'`, `^`, `!`, `$`) is an ordinary character.

use std::sync::Arc;

use super::anchor::Anchor;
use super::automaton::Automaton;
use super::bloom::RunProbe;
use super::chars;

/// One space-separated part of a query, normalised like the candidates
/// (simplified, lower case) so that `發改` and `FaGai` match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub chars: Vec<char>,
    /// The term as typed (after normalisation), for matchers that take text.
    pub text: String,
    pub anchor: Anchor,
    /// `!term`: the candidate must not contain it.
    pub negated: bool,
    /// Mask bits (see [`chars::query_bit`]) every matching text has.
    pub mask: u64,
    /// The fast can-it-match check, for terms short enough.
    pub automaton: Option<Arc<Automaton>>,
    /// What a long text's pair summary must hold for the term to occur.
    pub probe: RunProbe,
    /// Letters that must begin a syllable in a matching text
    /// ([`chars::required_initials`]).
    pub initials: u32,
}

/// A parsed query: all terms must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses a query; never fails (a malformed operator is literal text).
    pub fn parse(raw: &str) -> Query {
        let normalised = chars::normalise_str(raw);
        let terms = normalised
            .split(|c: char| c.is_whitespace())
            .filter(|t| !t.is_empty())
            .map(parse_term)
            .collect();
        Query { terms }
    }

    /// A query with no terms (empty or whitespace only) matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn positive(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.negated)
    }

    pub fn negative(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| t.negated)
    }

    /// The union of the positive terms' masks: a text lacking any of these
    /// bits cannot match.
    pub fn mask(&self) -> u64 {
        self.positive().fold(0, |m, t| m | t.mask)
    }

    /// The union of the positive terms' required initials.
    pub fn initials(&self) -> u32 {
        self.positive().fold(0, |m, t| m | t.initials)
    }
}

/// Whether every candidate matching `new` also matches `old`, so that the
/// matches of `old` can be searched instead of all candidates. True when
/// `new` only appends to an `old` that uses no operators (appending to a
/// term, or adding a term, can only narrow).
pub fn narrows(old: &str, new: &str) -> bool {
    new.starts_with(old)
        && !old.trim().is_empty()
        && !old.contains(['\'', '^', '$', '!'])
        && !new[old.len()..].contains('!')
}

fn parse_term(token: &str) -> Term {
    let mut body = token;
    let mut negated = false;
    let mut anchor = Anchor::Fuzzy;
    if body.len() > 1 && body.starts_with('!') {
        negated = true;
        body = &body[1..];
    }
    let mut at_start = false;
    let mut at_end = false;
    if body.len() > 1 && body.starts_with('\'') {
        anchor = Anchor::Substring;
        body = &body[1..];
    } else if body.len() > 1 && body.starts_with('^') {
        at_start = true;
        body = &body[1..];
    }
    if body.len() > 1 && body.ends_with('$') {
        at_end = true;
        body = &body[..body.len() - 1];
    }
    anchor = match (at_start, at_end) {
        (true, true) => Anchor::Whole,
        (true, false) => Anchor::Prefix,
        (false, true) => Anchor::Suffix,
        // fzf: a negated term is always exact, fuzzy negation excludes too much.
        (false, false) if negated => Anchor::Substring,
        (false, false) => anchor,
    };
    let chars: Vec<char> = body.chars().collect();
    let mask = chars.iter().fold(0, |m, &c| m | chars::query_bit(c));
    Term {
        text: body.to_owned(),
        automaton: Automaton::new(&chars).map(Arc::new),
        probe: RunProbe::new(&chars),
        initials: chars::required_initials(&chars),
        chars,
        anchor,
        negated,
        mask,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(raw: &str) -> Term {
        let q = Query::parse(raw);
        assert_eq!(q.terms.len(), 1, "{raw}");
        q.terms.into_iter().next().unwrap()
    }

    #[test]
    fn parses_fzf_operators() {
        assert_eq!(one("fgj").anchor, Anchor::Fuzzy);
        assert_eq!(one("'fgj").anchor, Anchor::Substring);
        assert_eq!(one("^fgj").anchor, Anchor::Prefix);
        assert_eq!(one("fgj$").anchor, Anchor::Suffix);
        assert_eq!(one("^fgj$").anchor, Anchor::Whole);
        let not = one("!fgj");
        assert!(not.negated);
        assert_eq!(not.anchor, Anchor::Substring);
        assert_eq!(not.text, "fgj");
        assert_eq!(one("!^台").anchor, Anchor::Prefix);
    }

    #[test]
    fn lone_operators_are_literal() {
        for op in ["'", "^", "$", "!"] {
            let t = one(op);
            assert_eq!(t.text, op);
            assert!(!t.negated);
            assert_eq!(t.anchor, Anchor::Fuzzy);
        }
    }

    #[test]
    fn splits_on_any_space_and_normalises() {
        let q = Query::parse("  發改\u{3000}FaGai ");
        let texts: Vec<_> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["发改", "fagai"]);
        assert!(Query::parse(" \t ").is_empty());
    }

    #[test]
    fn narrowing_needs_a_plain_prefix() {
        assert!(narrows("fa", "fag"));
        assert!(narrows("fa", "fa g"));
        assert!(!narrows("fa", "f"));
        assert!(!narrows("!fa", "!fag"));
        assert!(!narrows("fa", "fa !g"));
        assert!(!narrows("", "a"));
    }
}
