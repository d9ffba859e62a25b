//! What the right-hand panes list for a selected task: its lead units,
//! its partner units (a group with its members underneath), its related
//! tasks in other plans, and where its lead and partner names sit in its
//! text. Built once per selection ([`Panes::of`]) and kept by the state,
//! so keys, layout and drawing never rebuild them.

use std::borrow::Cow;

use super::labels::doc_tag;
use super::text::CharRanges;
use crate::model::{Task, UnitRef};
use crate::query::{Catalog, OverlapPos, TaskPos, UnitPos, find_char_ranges};
use crate::text;
use crate::tui::layout::{Focus, PaneSizes};

/// Where a pane entry leads when opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Unit(UnitPos),
    Task(TaskPos),
    Nothing,
}

/// A line of the leads, partners or related-tasks pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub target: Target,
    /// 0 for the unit itself, 1 for a group's member.
    pub depth: u8,
    pub text: String,
    /// Secondary text (canonical name, score) shown dimmed.
    pub note: String,
}

impl Entry {
    /// The text and note to show in `width` columns. Both when they fit;
    /// else a unit shows its canonical name alone (it names the unit in
    /// full: `台山市发展和改革局` for `市发展和改革局`), so no name is cut
    /// twice; a related task keeps its title and its score.
    pub fn shown(&self, width: usize) -> (Cow<'_, str>, Cow<'_, str>) {
        let fits = |a: &str, b: &str| text::width(a) + 1 + text::width(b) <= width;
        if self.note.is_empty() || fits(&self.text, &self.note) {
            return (Cow::Borrowed(&self.text), Cow::Borrowed(&self.note));
        }
        match self.target {
            Target::Unit(_) => (Cow::Borrowed(&self.note), Cow::Borrowed("")),
            _ => {
                let score = self.note.split(' ').next().unwrap_or("");
                (Cow::Borrowed(&self.text), Cow::Borrowed(score))
            }
        }
    }
}

/// A related task of the selected one (one row of the related-tasks pane).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Related {
    pub other: TaskPos,
    pub overlap: OverlapPos,
    pub score: f32,
}

/// Where the task's lead and partner names occur in its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitSpans {
    pub leads: CharRanges,
    pub partners: CharRanges,
}

/// The panes of one selection (all empty when no task is selected).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Panes {
    pub task: Option<TaskPos>,
    pub leads: Vec<Entry>,
    pub partners: Vec<Entry>,
    /// Related tasks, most certain first; `overlaps` are their entries.
    pub related: Vec<Related>,
    pub overlaps: Vec<Entry>,
    pub spans: UnitSpans,
}

impl Panes {
    pub fn of(c: &Catalog, task: Option<TaskPos>) -> Panes {
        let Some(t) = task else {
            return Panes::default();
        };
        let tk = c.task(t);
        let related = related(c, t);
        let overlaps = related.iter().map(|r| related_entry(c, r)).collect();
        Panes {
            task,
            leads: unit_entries(c, &tk.leads),
            partners: unit_entries(c, &tk.partners),
            related,
            overlaps,
            spans: unit_spans(tk),
        }
    }

    /// The entries of a list pane (none for the tree and the text).
    pub fn entries(&self, pane: Focus) -> &[Entry] {
        match pane {
            Focus::Leads => &self.leads,
            Focus::Partners => &self.partners,
            Focus::Overlaps => &self.overlaps,
            Focus::Tree | Focus::Detail => &[],
        }
    }

    /// How many entries each list has, for the layout (`None`: no task).
    pub fn sizes(&self) -> Option<PaneSizes> {
        self.task.map(|_| PaneSizes {
            leads: self.leads.len(),
            partners: self.partners.len(),
            related: self.overlaps.len(),
        })
    }
}

/// Where the task's lead and partner names (as written) occur in its
/// text. Found by search for now; when the data file stores each unit's
/// place in the text, this is the one function to change.
pub fn unit_spans(task: &Task) -> UnitSpans {
    let ranges = |refs: &[UnitRef]| -> CharRanges {
        refs.iter()
            .filter(|r| !r.written.is_empty())
            .flat_map(|r| find_char_ranges(&task.text, &r.written))
            .collect()
    };
    UnitSpans {
        leads: ranges(&task.leads),
        partners: ranges(&task.partners),
    }
}

fn unit_entries(c: &Catalog, refs: &[UnitRef]) -> Vec<Entry> {
    let mut out = Vec::new();
    for r in refs {
        let pos = c.unit_pos(&r.unit);
        let canonical = pos.map(|u| c.unit(u).name.clone()).unwrap_or_default();
        out.push(Entry {
            target: pos.map_or(Target::Nothing, Target::Unit),
            depth: 0,
            note: if canonical != r.written {
                canonical
            } else {
                String::new()
            },
            text: r.written.clone(),
        });
        if let Some(u) = pos {
            for m in &c.unit(u).members {
                let mp = c.unit_pos(m);
                out.push(Entry {
                    target: mp.map_or(Target::Nothing, Target::Unit),
                    depth: 1,
                    text: mp.map_or_else(|| m.0.clone(), |p| c.unit(p).name.clone()),
                    note: String::new(),
                });
            }
        }
    }
    out
}

/// Related tasks of `t` in other documents, most certain first (ties by
/// task order). Overlaps within one plan are left out: the pane is about
/// how plans meet.
pub fn related(c: &Catalog, t: TaskPos) -> Vec<Related> {
    let me = &c.task(t).id;
    let mut found = Vec::new();
    for o in c.overlaps_of(t) {
        let ov = c.overlap(o);
        let other = if &ov.a == me { &ov.b } else { &ov.a };
        let Some(op) = c.task_pos(other) else {
            continue;
        };
        if c.task(op).doc == c.task(t).doc {
            continue;
        }
        found.push(Related {
            other: op,
            overlap: o,
            score: ov.score,
        });
    }
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.other.cmp(&b.other)));
    found
}

/// `[001] 标题` with the score and the shared terms.
fn related_entry(c: &Catalog, r: &Related) -> Entry {
    let ot = c.task(r.other);
    let shared: Vec<&str> = c
        .overlap(r.overlap)
        .shared
        .iter()
        .map(|s| s.term.as_str())
        .collect();
    Entry {
        target: Target::Task(r.other),
        depth: 0,
        text: format!("[{}] {}", doc_tag(&ot.doc.0), ot.title),
        note: format!("{:.2} {}", r.score, shared.join("、")),
    }
}
