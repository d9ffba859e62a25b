//! What the events add up to, task by task, for one task data.
//!
//! Events are matched to tasks by key. Events whose key matches no task
//! (the task's opening words were rewritten, or its plan re-extracted into
//! a different shape) are re-attached to the task of the same document
//! whose title and number match best ([`Rematch`]); when none is close
//! enough they stay orphaned ([`Orphan`]): kept in the file, reported, with
//! the best guess for a person to check.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Event, Snapshot, Status};
use crate::model::{TaskData, TaskKey};
use crate::task_key::{normalise, normalise_number};

/// Title similarity plus the number bonus a re-match needs.
const REMATCH_SCORE: f32 = 0.75;
/// How far the best candidate must be ahead of the second.
const REMATCH_MARGIN: f32 = 0.1;
/// Added when the numbers are the same.
const NUMBER_BONUS: f32 = 0.25;
/// Best guesses below this are not worth showing.
const GUESS_SCORE: f32 = 0.4;

/// One task's progress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskProgress {
    /// The latest recorded status and the day it is about.
    pub status: Option<(Status, NaiveDate)>,
    /// Notes, oldest first.
    pub notes: Vec<Note>,
    /// Positions of the task's events in the file, in the order of their
    /// days (then of recording).
    pub events: Vec<usize>,
}

impl TaskProgress {
    pub fn latest_note(&self) -> Option<&Note> {
        self.notes.last()
    }

    /// The day of the latest status or note.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let note = self.notes.last().map(|n| n.date);
        let status = self.status.map(|(_, d)| d);
        note.max(status)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub date: NaiveDate,
    pub text: String,
    pub unit: Option<String>,
}

/// Events under a key that matches no task and could not be re-attached.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub key: TaskKey,
    /// The task as the latest of its events saw it.
    pub snapshot: Snapshot,
    pub events: usize,
    /// The closest task, for a person to check (never attached).
    pub best_guess: Option<(usize, f32)>,
}

/// Events under an old key, attached to a task by title and number.
#[derive(Debug, Clone, PartialEq)]
pub struct Rematch {
    pub from: TaskKey,
    pub to: usize,
    pub score: f32,
}

/// Progress per task position, and what could not be placed.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    per_task: Vec<TaskProgress>,
    pub orphans: Vec<Orphan>,
    pub rematched: Vec<Rematch>,
}

impl Ledger {
    pub fn build(data: &TaskData, events: &[Event]) -> Ledger {
        let by_key: HashMap<&str, usize> = data
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.key.as_str(), i))
            .collect();
        // Unknown keys in order of first appearance, with their events.
        let mut unknown: Vec<(&TaskKey, Vec<usize>)> = Vec::new();
        let mut target: Vec<Option<usize>> = vec![None; events.len()];
        for (i, e) in events.iter().enumerate() {
            match by_key.get(e.task.as_str()) {
                Some(&t) => target[i] = Some(t),
                None => match unknown.iter_mut().find(|(k, _)| *k == &e.task) {
                    Some((_, list)) => list.push(i),
                    None => unknown.push((&e.task, vec![i])),
                },
            }
        }
        let mut orphans = Vec::new();
        let mut rematched = Vec::new();
        for (key, list) in unknown {
            let snapshot = &events[*list.last().expect("a key has events")].snapshot;
            let ranked = candidates(data, snapshot);
            let best = ranked.first().copied();
            let second = ranked.get(1).map_or(0.0, |c| c.1);
            match best {
                Some((t, score)) if score >= REMATCH_SCORE && score - second >= REMATCH_MARGIN => {
                    for &i in &list {
                        target[i] = Some(t);
                    }
                    rematched.push(Rematch {
                        from: key.clone(),
                        to: t,
                        score,
                    });
                }
                _ => orphans.push(Orphan {
                    key: key.clone(),
                    snapshot: snapshot.clone(),
                    events: list.len(),
                    best_guess: best.filter(|b| b.1 >= GUESS_SCORE),
                }),
            }
        }
        let mut per_task = vec![TaskProgress::default(); data.tasks.len()];
        let days: Vec<NaiveDate> = events.iter().map(Event::day).collect();
        let mut order: Vec<usize> = (0..events.len()).filter(|&i| target[i].is_some()).collect();
        // By day, then in the order recorded (the file's order).
        order.sort_by_key(|&i| (days[i], i));
        for i in order {
            let e = &events[i];
            let p = &mut per_task[target[i].expect("filtered")];
            p.events.push(i);
            if let Some(s) = e.status {
                p.status = Some((s, days[i]));
            }
            if let Some(text) = &e.note {
                p.notes.push(Note {
                    date: days[i],
                    text: text.clone(),
                    unit: e.unit.clone(),
                });
            }
        }
        Ledger {
            per_task,
            orphans,
            rematched,
        }
    }

    /// The progress of the task at position `task`.
    pub fn of(&self, task: usize) -> &TaskProgress {
        static EMPTY: TaskProgress = TaskProgress {
            status: None,
            notes: Vec::new(),
            events: Vec::new(),
        };
        self.per_task.get(task).unwrap_or(&EMPTY)
    }

    /// Whether any task has progress.
    pub fn is_empty(&self) -> bool {
        self.per_task.iter().all(|p| p.events.is_empty()) && self.orphans.is_empty()
    }
}

/// Tasks that may be the one a snapshot describes, best first: the same
/// document (by id, else by title), scored by the similarity of the titles
/// or of the texts' starts, whichever is higher, plus a bonus for the same
/// number.
fn candidates(data: &TaskData, snap: &Snapshot) -> Vec<(usize, f32)> {
    let same_doc_ids: Vec<&crate::model::DocId> = {
        let by_id: Vec<_> = data
            .documents
            .iter()
            .filter(|d| d.id == snap.doc)
            .map(|d| &d.id)
            .collect();
        if by_id.is_empty() {
            data.documents
                .iter()
                .filter(|d| !snap.doc_title.is_empty() && d.title == snap.doc_title)
                .map(|d| &d.id)
                .collect()
        } else {
            by_id
        }
    };
    let title = normalise(&snap.title);
    let number = snap.number.as_deref().map(normalise_number);
    let mut out: Vec<(usize, f32)> = data
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| same_doc_ids.contains(&&t.doc))
        .map(|(i, t)| {
            let mut score = similarity(&title, &normalise(&t.title));
            if !snap.text_start.is_empty() {
                score = score.max(similarity(&snap.text_start, &super::text_start(&t.text)));
            }
            if number.is_some() && t.number.as_deref().map(normalise_number) == number {
                score += NUMBER_BONUS;
            }
            (i, score)
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Dice coefficient over character bigrams (1.0 for equal strings).
pub fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let grams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<(char, char), i32> = HashMap::new();
    for g in &ga {
        *counts.entry(*g).or_default() += 1;
    }
    let mut shared = 0;
    for g in &gb {
        if let Some(n) = counts.get_mut(g)
            && *n > 0
        {
            *n -= 1;
            shared += 1;
        }
    }
    2.0 * shared as f32 / (ga.len() + gb.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_dice_over_bigrams() {
        assert_eq!(similarity("建设园区", "建设园区"), 1.0);
        assert_eq!(similarity("建设园区", "完全不同"), 0.0);
        let s = similarity("加快建设产业园区", "加快建设产业新城");
        assert!((0.5..0.8).contains(&s), "{s}");
    }
}
