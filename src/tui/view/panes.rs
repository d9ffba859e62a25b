//! What the right-hand panes list for a selected task: its lead units,
//! its partner units (a group with its members underneath), its related
//! tasks in other plans, and where its lead and partner names sit in its
//! text. Built once per selection ([`Panes::of`]) and kept by the state,
//! so keys, layout and drawing never rebuild them.
//!
//! The related tasks are the task's overlaps (the same project, or the
//! same measure for the same place) or, on request, its parallel pairs
//! (similar measures in sibling places): never both in one list, since
//! only the first are duplications or hand-offs.

use super::labels::{doc_tag, relation_tag};
use std::borrow::Cow;

use super::text::CharRanges;
use crate::model::{OverlapRelation, Task, UnitRef};
use crate::query::{Catalog, OverlapPos, TaskPos, UnitPos, find_char_ranges};
use crate::text;
use crate::tui::i18n::Strings;
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
    pub relation: OverlapRelation,
}

/// Which related tasks the pane lists (`p` switches).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RelatedShow {
    /// Project and same-place pairs: duplications and hand-offs.
    #[default]
    Overlaps,
    /// Similar measures in places that do not contain each other.
    Parallel,
}

impl RelatedShow {
    pub fn toggled(self) -> RelatedShow {
        match self {
            RelatedShow::Overlaps => RelatedShow::Parallel,
            RelatedShow::Parallel => RelatedShow::Overlaps,
        }
    }

    fn admits(self, r: OverlapRelation) -> bool {
        r.is_overlap() == (self == RelatedShow::Overlaps)
    }
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
    /// The related tasks `showing` asks for, most certain first;
    /// `overlaps` are their entries.
    pub related: Vec<Related>,
    pub overlaps: Vec<Entry>,
    pub showing: RelatedShow,
    /// How many overlaps and how many parallel pairs the task has (across
    /// documents), whichever are shown.
    pub related_counts: (usize, usize),
    pub spans: UnitSpans,
}

impl Panes {
    /// The panes of `task`, the related ones as `showing` asks, their
    /// notes in the language of `s`.
    pub fn of(c: &Catalog, s: &Strings, task: Option<TaskPos>, showing: RelatedShow) -> Panes {
        let Some(t) = task else {
            return Panes {
                showing,
                ..Panes::default()
            };
        };
        let tk = c.task(t);
        let all = related(c, t);
        let n_overlaps = all.iter().filter(|r| r.relation.is_overlap()).count();
        let related_counts = (n_overlaps, all.len() - n_overlaps);
        let related: Vec<Related> = all
            .into_iter()
            .filter(|r| showing.admits(r.relation))
            .collect();
        let overlaps = related.iter().map(|r| related_entry(c, s, r)).collect();
        Panes {
            task,
            leads: unit_entries(c, &tk.leads),
            partners: unit_entries(c, &tk.partners),
            related,
            overlaps,
            showing,
            related_counts,
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

/// Where the task's lead and partner names stand in its text: where the
/// extractor cut each from (`UnitRef::chars`), so only the note's names
/// are marked; searched for, as written, in data without spans (format 1,
/// or a span that does not fit the text).
pub fn unit_spans(task: &Task) -> UnitSpans {
    let len = task.text.chars().count();
    let ranges = |refs: &[UnitRef]| -> CharRanges {
        refs.iter()
            .filter(|r| !r.written.is_empty())
            .flat_map(|r| match r.chars {
                Some(c) if c.start < c.end && c.end <= len => vec![(c.start, c.end)],
                _ => find_char_ranges(&task.text, &r.written),
            })
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
            relation: ov.relation,
        });
    }
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.other.cmp(&b.other)));
    found
}

/// `[001] 标题` with the score, the relation and the shared terms.
fn related_entry(c: &Catalog, s: &Strings, r: &Related) -> Entry {
    let ot = c.task(r.other);
    let shared: Vec<&str> = c
        .overlap(r.overlap)
        .shared
        .iter()
        .map(|t| t.term.as_str())
        .collect();
    Entry {
        target: Target::Task(r.other),
        depth: 0,
        text: format!("[{}] {}", doc_tag(&ot.doc.0), ot.title),
        note: format!(
            "{:.2} {} {}",
            r.score,
            relation_tag(s, r.relation),
            shared.join("、")
        ),
    }
}

/// The related-tasks pane's title: what it lists and how many, and how
/// many of the other kind `p` would show (`重叠任务 (3) · 平行 5`).
pub fn related_title(s: &Strings, p: &Panes) -> String {
    let (overlaps, parallel) = p.related_counts;
    match p.showing {
        RelatedShow::Overlaps => format!(
            "{} ({overlaps}) · {} {parallel}",
            s.related_overlaps, s.related_parallel_short
        ),
        RelatedShow::Parallel => format!(
            "{} ({parallel}) · {} {overlaps}",
            s.related_parallel, s.related_overlaps_short
        ),
    }
}

/// Why the related-tasks pane is empty: the data has one plan only, its
/// overlaps were never computed, or none of the kind shown were found.
pub fn related_empty(c: &Catalog, s: &Strings, p: &Panes) -> &'static str {
    if c.documents().len() < 2 {
        s.no_other_plan
    } else if c.overlaps().is_empty() {
        s.no_overlaps
    } else {
        match p.showing {
            RelatedShow::Overlaps => s.no_overlaps_found,
            RelatedShow::Parallel => s.no_parallel_found,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskData;

    fn seeds() -> TaskData {
        TaskData::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/tasks.json"
        )))
        .unwrap()
    }

    #[test]
    fn stored_unit_spans_are_drawn_and_searched_only_without_them() {
        let data = seeds();
        let mut named_twice = 0;
        for t in &data.tasks {
            let spans = unit_spans(t);
            let stored: CharRanges = t
                .leads
                .iter()
                .filter_map(|r| r.chars.map(|c| (c.start, c.end)))
                .collect();
            if t.leads.iter().all(|r| r.chars.is_some()) {
                assert_eq!(spans.leads, stored, "{}", t.id);
            }
            // Without spans (version-1 data) every occurrence is searched.
            let mut v1 = t.clone();
            for r in v1.leads.iter_mut().chain(v1.partners.iter_mut()) {
                r.chars = None;
            }
            let searched = unit_spans(&v1);
            assert!(searched.leads.len() >= stored.len(), "{}", t.id);
            if searched.leads.len() > stored.len() && !stored.is_empty() {
                named_twice += 1;
            }
        }
        // Somewhere a lead is also named outside its note: only the note's
        // name is marked now.
        assert!(named_twice > 0);
    }
}
