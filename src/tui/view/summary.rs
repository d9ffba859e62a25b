//! The right-hand summary of a region, document or goal (or a group of a
//! duty list): how many tasks, how many without a lead, who leads most.

use crate::query::{Catalog, TaskPos, UnitPos};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub tasks: u32,
    pub unled: u32,
    /// Lead units with their task counts, most first (the first 50).
    pub leads: Vec<(UnitPos, u32)>,
    /// Tasks without a lead (the first 50).
    pub unled_tasks: Vec<TaskPos>,
}

impl Summary {
    pub fn of(c: &Catalog, tasks: &[TaskPos]) -> Summary {
        // Counting into a vector over units: this runs over every task of
        // a region, 100 000 on large data.
        let mut counts = vec![0u32; c.units().len()];
        let mut s = Summary {
            tasks: tasks.len() as u32,
            ..Default::default()
        };
        for &t in tasks {
            if c.task_unled(t) {
                s.unled += 1;
                if s.unled_tasks.len() < 50 {
                    s.unled_tasks.push(t);
                }
            }
            for &u in c.leads(t) {
                counts[u.index()] += 1;
            }
        }
        let mut leads: Vec<(UnitPos, u32)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(u, n)| (UnitPos::new(u), n))
            .collect();
        leads.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        leads.truncate(50);
        s.leads = leads;
        s
    }
}
