//! How a query term must sit in a text (fzf's operators `'`, `^`, `$`).
//! A leaf of its own: the query parser produces anchors and the automaton
//! and matchers consume them, so neither has to know the other.

/// How a term must sit in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Characters in order, gaps allowed.
    Fuzzy,
    /// A contiguous run anywhere.
    Substring,
    /// A contiguous run starting at the first character.
    Prefix,
    /// A contiguous run ending at the last character.
    Suffix,
    /// The whole text.
    Whole,
}

impl Anchor {
    pub fn contiguous(self) -> bool {
        self != Anchor::Fuzzy
    }
    pub fn at_start(self) -> bool {
        matches!(self, Anchor::Prefix | Anchor::Whole)
    }
    pub fn at_end(self) -> bool {
        matches!(self, Anchor::Suffix | Anchor::Whole)
    }
}
