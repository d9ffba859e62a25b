//! A unit's duty list: every task that concerns it, grouped by document
//! and goal, then its possible hand-offs, with the list's selection. Built
//! by [`build_duty`], a pure function of the catalog that runs over every
//! task (so the explorer runs it as a background job).

use std::collections::{HashMap, HashSet};

use super::tree_model::keep_visible;
use crate::query::{Catalog, DocPos, GoalPos, Hit, Involvement, OverlapPos, TaskPos, UnitPos};

/// A unit's duty view: every task that concerns it, grouped by document
/// and goal.
#[derive(Debug, Clone)]
pub struct Duty {
    pub unit: UnitPos,
    pub hits: Vec<Hit>,
    pub rows: Vec<DutyRow>,
    pub cursor: usize,
    pub scroll: usize,
    /// Units sharing the most tasks with this one, with the count.
    pub coworkers: Vec<(UnitPos, u32)>,
    /// Tasks it leads that overlap tasks other units lead in another plan
    /// (from [`crate::overlap::unit_handoffs`]), best first.
    pub handoffs: Vec<DutyHandoff>,
}

/// A possible hand-off or conflict: a task the unit leads and an
/// overlapping task in another plan led by other units.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyHandoff {
    /// The unit's own task.
    pub task: TaskPos,
    /// The overlapping task in the other plan.
    pub other: TaskPos,
    /// Who leads the other task.
    pub other_leads: Vec<UnitPos>,
    pub overlap: OverlapPos,
    pub score: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DutyRow {
    /// A document and the number of its tasks in the view.
    Doc(DocPos, u32),
    Goal(GoalPos, u32),
    /// Index into `Duty::hits`.
    Task(usize),
    /// The hand-offs section's header, with the number of hand-offs.
    Handoffs(u32),
    /// A task of the unit that has hand-offs.
    HandoffTask(TaskPos),
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

/// A unit's duty view: its tasks grouped by document and goal, and the
/// units it works with most. Runs over every task (a background job).
pub fn build_duty(c: &Catalog, unit: UnitPos) -> Duty {
    let mut hits = c.duties(unit);
    hits.sort_by_key(|h| (c.task_doc(h.task), c.task_goal(h.task), h.task));
    let mut rows = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let doc = c.task_doc(hits[i].task);
        let doc_end = hits[i..]
            .iter()
            .position(|h| c.task_doc(h.task) != doc)
            .map_or(hits.len(), |p| i + p);
        rows.push(DutyRow::Doc(doc, (doc_end - i) as u32));
        while i < doc_end {
            let goal = c.task_goal(hits[i].task);
            let goal_end = hits[i..doc_end]
                .iter()
                .position(|h| c.task_goal(h.task) != goal)
                .map_or(doc_end, |p| i + p);
            rows.push(DutyRow::Goal(goal, (goal_end - i) as u32));
            rows.extend((i..goal_end).map(DutyRow::Task));
            i = goal_end;
        }
    }
    // Co-workers: units named with it on its tasks, excluding itself
    // and the groups it belongs to.
    let mut skip: HashSet<UnitPos> = c.groups_of(unit).iter().copied().collect();
    skip.insert(unit);
    let mut counts = HashMap::<UnitPos, u32>::new();
    for h in &hits {
        let mut seen = HashSet::new();
        for &u in c.leads(h.task).iter().chain(c.partners(h.task)) {
            if !skip.contains(&u) && seen.insert(u) {
                *counts.entry(u).or_default() += 1;
            }
        }
    }
    let mut coworkers: Vec<(UnitPos, u32)> = counts.into_iter().collect();
    coworkers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    coworkers.truncate(5);
    let handoffs = handoffs_of(c, unit);
    if !handoffs.is_empty() {
        rows.push(DutyRow::Handoffs(handoffs.len() as u32));
        // Grouped by the unit's own task, in the order of its best one.
        let mut order: Vec<TaskPos> = Vec::new();
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
fn handoffs_of(c: &Catalog, unit: UnitPos) -> Vec<DutyHandoff> {
    let id = &c.unit(unit).id;
    crate::overlap::unit_handoffs(c.data(), c.index(), id)
        .into_iter()
        .filter_map(|h| {
            Some(DutyHandoff {
                task: c.task_pos(&h.task)?,
                other: c.task_pos(&h.other)?,
                other_leads: h.other_leads.iter().filter_map(|u| c.unit_pos(u)).collect(),
                overlap: OverlapPos::new(h.overlap),
                score: h.score,
            })
        })
        .collect()
}

impl Duty {
    /// The task the right-hand panes show for the selected row: a duty, a
    /// task with hand-offs, or (on a hand-off) the other plan's task.
    pub fn selected_task(&self) -> Option<TaskPos> {
        match self.rows.get(self.cursor)? {
            DutyRow::Task(i) => Some(self.hits[*i].task),
            DutyRow::HandoffTask(t) => Some(*t),
            DutyRow::Handoff(i) => Some(self.handoffs[*i].other),
            _ => None,
        }
    }

    /// The duty under the cursor (for its role tag).
    pub fn selected_hit(&self) -> Option<&Hit> {
        match self.rows.get(self.cursor)? {
            DutyRow::Task(i) => self.hits.get(*i),
            _ => None,
        }
    }

    /// The tasks of the group whose header is selected (for its summary:
    /// on the hand-offs header, the other plans' tasks).
    pub fn group_tasks(&self) -> Vec<TaskPos> {
        let mut tasks = Vec::new();
        if let Some(head) = self.rows.get(self.cursor) {
            for r in &self.rows[self.cursor + 1..] {
                if r.depth() <= head.depth() {
                    break;
                }
                match r {
                    DutyRow::Task(i) => tasks.push(self.hits[*i].task),
                    DutyRow::Handoff(i) => tasks.push(self.handoffs[*i].other),
                    _ => {}
                }
            }
        }
        tasks
    }

    /// Tasks per role, for the header (`牵头 3 · 配合 5`).
    pub fn role_counts(&self) -> [(Involvement, usize); 4] {
        let mut out = [
            (Involvement::Lead, 0),
            (Involvement::Partner, 0),
            (Involvement::Responsible, 0),
            (Involvement::Mentioned, 0),
        ];
        for h in &self.hits {
            if let Some(i) = h.involvement
                && let Some(slot) = out.iter_mut().find(|(k, _)| *k == i)
            {
                slot.1 += 1;
            }
        }
        out
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let new = (self.cursor as isize).saturating_add(delta);
        self.cursor = new.clamp(0, self.rows.len() as isize - 1) as usize;
    }

    /// Puts the cursor on row `i` (clamped).
    pub fn set_cursor(&mut self, i: usize) {
        self.cursor = i.min(self.rows.len().saturating_sub(1));
    }

    pub fn keep_visible(&mut self, height: usize) {
        keep_visible(self.cursor, &mut self.scroll, height);
    }
}
