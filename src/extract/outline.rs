//! The typed outline: the one form every document takes — text, tables,
//! .docx, spreadsheets (and PDFs) alike — before any rule about goals,
//! leads or scope is applied.
//!
//! An [`Outline`] is the document's front matter (title lines, a cover
//! notice, the preamble) and its [`Node`]s in reading order: headings,
//! items (task candidates), prose and projects, each at a depth and with
//! its [`Span`] in the source. Items and headings carry the
//! [`Clause`]s that say who does the work, each with its place in the text
//! and the units it names. `structure.rs` builds it from paragraphs,
//! `table.rs` from task tables; `scope.rs` applies the document's rules to
//! it; `goals.rs` reads goals and tasks off it.

use super::normalise::Para;
use super::notes::ParsedNote;
use super::numbering::NumberStyle;

/// Source lines, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub line: u32,
    pub end_line: u32,
}

impl Span {
    pub fn of(p: &Para) -> Span {
        Span {
            line: p.line,
            end_line: p.end_line,
        }
    }
}

#[derive(Debug, Default)]
pub struct Outline {
    /// Paragraphs before the first heading or item.
    pub front: Vec<Para>,
    /// How many of `front` are a cover notice (`关于印发…的通知` up to its
    /// date): its numbered paragraphs are the notice's, not the plan's.
    pub cover: usize,
    pub nodes: Vec<Node>,
    /// Paragraphs that look like tasks or notes but were placed nowhere.
    pub unplaced: Vec<Unplaced>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// 0 for the outermost heading level; an item is one deeper than the
    /// heading it stands under.
    pub depth: usize,
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// Boxed: a heading carries a whole parsed clause, items mostly none.
    Heading(Box<Heading>),
    Item(Item),
    /// Running text under a heading that is no task (a goal's body).
    Prose(String),
    /// An entry of a 专栏 box: a named project of the heading above.
    Project {
        list: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub style: NumberStyle,
    /// The number as written (`（一）`, `第三节`), if any.
    pub number: Option<String>,
    pub ordinal: Option<u32>,
    /// Without its number and without a responsibility clause.
    pub title: String,
    /// A clause on the heading (`三、…（由X牵头）`): the tasks below inherit it.
    pub clause: Option<Clause>,
    /// A chapter naming background (基础条件, 指导思想…) whose items name
    /// nobody: it yields no goals or tasks.
    pub background: bool,
}

/// Where an item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemSource {
    /// A numbered paragraph.
    Numbered,
    /// A paragraph opening with a lead sentence (`增强副核心职能。…`).
    LeadSentence,
    /// A short imperative sentence inside a wall of text.
    Sentence,
    /// A paragraph with a responsibility clause and no number.
    Clause,
    /// A row of a task table.
    TableRow,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub number: Option<String>,
    pub title: String,
    /// The whole text as it reads once page artefacts are removed, clauses
    /// included (annotation lines after a `\n`).
    pub text: String,
    pub clauses: Vec<Clause>,
    pub source: ItemSource,
}

impl Item {
    /// The item's own note: its clauses merged, as the text says them
    /// (before any document rule).
    pub fn note(&self) -> ParsedNote {
        let mut note = ParsedNote::default();
        for c in &self.clauses {
            note.merge(c.note.clone());
        }
        note
    }

    /// A deadline the item's own text states outside its clauses, in its
    /// closing sentence or clause (`…，2025年9月底前完成。（A负责）`).
    pub fn text_deadline(&self) -> Option<String> {
        let mut in_clause = vec![false; self.text.chars().count()];
        for c in &self.clauses {
            for x in in_clause.iter_mut().take(c.end).skip(c.start) {
                *x = true;
            }
        }
        let outside: String = self
            .text
            .chars()
            .zip(&in_clause)
            .filter(|(_, inside)| !**inside)
            .map(|(c, _)| c)
            .collect();
        super::notes::parse_deadline(&outside)
    }
}

/// A responsibility clause: a bracketed note, an annotation line, a
/// labelled tail, a sentence saying who does the work, or a table's unit
/// cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The clause as written.
    pub text: String,
    /// Char offsets of the clause in its item's (or heading's) text.
    pub start: usize,
    pub end: usize,
    pub line: u32,
    /// What it says; unit spans are char offsets in the item's text.
    pub note: ParsedNote,
}

/// A paragraph that looks like a task or a note but is no part of the
/// outline's items, and why (as the report shows it).
pub use crate::model::Unplaced;
