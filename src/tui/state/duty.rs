//! Computed views for the right-hand side and the duty screen: a node's
//! summary and a unit's duty list. Pure functions of the catalog; the duty
//! list runs over every task, so it is built as a background job.

use std::collections::HashSet;

use crate::query::{Catalog, Hit};

/// A unit's duty view: every task that concerns it, grouped by document
/// and goal.
pub struct Duty {
    pub unit: usize,
    pub hits: Vec<Hit>,
    pub rows: Vec<DutyRow>,
    pub cursor: usize,
    pub scroll: usize,
    /// Units sharing the most tasks with this one, with the count.
    pub coworkers: Vec<(usize, u32)>,
    /// Tasks it leads that overlap tasks other units lead in another plan
    /// (from [`crate::overlap::unit_handoffs`]), best first.
    pub handoffs: Vec<DutyHandoff>,
}

/// A possible hand-off or conflict: a task the unit leads and an
/// overlapping task in another plan led by other units.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyHandoff {
    /// The unit's own task (position).
    pub task: usize,
    /// The overlapping task in the other plan (position).
    pub other: usize,
    /// Who leads the other task (unit positions).
    pub other_leads: Vec<usize>,
    /// Position of the overlap in `data.overlaps`.
    pub overlap: usize,
    pub score: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DutyRow {
    /// Document position and the number of its tasks in the view.
    Doc(u32, u32),
    Goal(u32, u32),
    /// Index into `Duty::hits`.
    Task(usize),
    /// The hand-offs section's header, with the number of hand-offs.
    Handoffs(u32),
    /// A task of the unit that has hand-offs (task position).
    HandoffTask(usize),
    /// Index into `Duty::handoffs`: opens the other task.
    Handoff(usize),
}

impl DutyRow {
    /// Nesting depth: documents and the hand-off section 0, goals and
    /// the unit's own hand-off tasks 1, tasks 2.
    pub fn depth(&self) -> u8 {
        match self {
            DutyRow::Doc(..) | DutyRow::Handoffs(_) => 0,
            DutyRow::Goal(..) | DutyRow::HandoffTask(_) => 1,
            DutyRow::Task(_) | DutyRow::Handoff(_) => 2,
        }
    }
}

/// The right-hand summary for a region, document or goal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub tasks: u32,
    pub unled: u32,
    /// Lead unit positions with their task counts, most first.
    pub leads: Vec<(usize, u32)>,
    /// Task positions without a lead (first few).
    pub unled_tasks: Vec<u32>,
}

impl Summary {
    pub fn of(c: &Catalog, tasks: &[u32]) -> Summary {
        // Counting into a vector over units: this runs over every task of
        // a region, 100 000 on large data.
        let mut counts = vec![0u32; c.data.units.len()];
        let mut s = Summary {
            tasks: tasks.len() as u32,
            ..Default::default()
        };
        for &t in tasks {
            if c.task_unled(t as usize) {
                s.unled += 1;
                if s.unled_tasks.len() < 50 {
                    s.unled_tasks.push(t);
                }
            }
            for &u in &c.task_leads[t as usize] {
                counts[u as usize] += 1;
            }
        }
        let mut leads: Vec<(usize, u32)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .collect();
        leads.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        leads.truncate(50);
        s.leads = leads;
        s
    }
}

/// A unit's duty view: its tasks grouped by document and goal, and the
/// units it works with most. Runs over every task (a background job).
pub fn build_duty(c: &Catalog, unit: usize) -> Duty {
    let mut hits = c.duties(unit);
    hits.sort_by_key(|h| (c.task_doc[h.task], c.task_goal[h.task], h.task));
    let mut rows = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let doc = c.task_doc[hits[i].task];
        let doc_end = hits[i..]
            .iter()
            .position(|h| c.task_doc[h.task] != doc)
            .map_or(hits.len(), |p| i + p);
        rows.push(DutyRow::Doc(doc, (doc_end - i) as u32));
        while i < doc_end {
            let goal = c.task_goal[hits[i].task];
            let goal_end = hits[i..doc_end]
                .iter()
                .position(|h| c.task_goal[h.task] != goal)
                .map_or(doc_end, |p| i + p);
            rows.push(DutyRow::Goal(goal, (goal_end - i) as u32));
            rows.extend((i..goal_end).map(DutyRow::Task));
            i = goal_end;
        }
    }
    // Co-workers: units named with it on its tasks, excluding itself
    // and the groups it belongs to.
    let mut skip: HashSet<u32> = c.unit_groups[unit].iter().copied().collect();
    skip.insert(unit as u32);
    let mut counts = std::collections::HashMap::<u32, u32>::new();
    for h in &hits {
        let mut seen = HashSet::new();
        for &u in c.task_leads[h.task].iter().chain(&c.task_partners[h.task]) {
            if !skip.contains(&u) && seen.insert(u) {
                *counts.entry(u).or_default() += 1;
            }
        }
    }
    let mut coworkers: Vec<(usize, u32)> =
        counts.into_iter().map(|(u, n)| (u as usize, n)).collect();
    coworkers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    coworkers.truncate(5);
    let handoffs = handoffs_of(c, unit);
    if !handoffs.is_empty() {
        rows.push(DutyRow::Handoffs(handoffs.len() as u32));
        // Grouped by the unit's own task, in the order of its best one.
        let mut order: Vec<usize> = Vec::new();
        for h in &handoffs {
            if !order.contains(&h.task) {
                order.push(h.task);
            }
        }
        for t in order {
            rows.push(DutyRow::HandoffTask(t));
            rows.extend(
                handoffs
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.task == t)
                    .map(|(i, _)| DutyRow::Handoff(i)),
            );
        }
    }
    // Start on the first task, not on a header.
    let cursor = rows
        .iter()
        .position(|r| matches!(r, DutyRow::Task(_)))
        .unwrap_or(0);
    Duty {
        unit,
        hits,
        rows,
        cursor,
        scroll: 0,
        coworkers,
        handoffs,
    }
}

/// The unit's hand-offs as positions (tasks or leads missing from the
/// index, which a hand-edited file could cause, are left out).
fn handoffs_of(c: &Catalog, unit: usize) -> Vec<DutyHandoff> {
    let id = &c.data.units[unit].id;
    crate::overlap::unit_handoffs(&c.data, &c.index, id)
        .into_iter()
        .filter_map(|h| {
            Some(DutyHandoff {
                task: *c.index.tasks.get(&h.task)?,
                other: *c.index.tasks.get(&h.other)?,
                other_leads: h
                    .other_leads
                    .iter()
                    .filter_map(|u| c.index.units.get(u).copied())
                    .collect(),
                overlap: h.overlap,
                score: h.score,
            })
        })
        .collect()
}
