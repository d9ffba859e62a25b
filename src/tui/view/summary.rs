//! The right-hand summary of a region, document or goal (or a group of a
//! duty list): how many tasks, how many without a lead, who leads most,
//! which units the tasks mention most.

use std::collections::HashMap;

use crate::query::{Catalog, RegionPos, TaskPos, UnitPos};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub tasks: u32,
    pub unled: u32,
    /// Lead units with their task counts, most first (the first 50).
    pub leads: Vec<(UnitPos, u32)>,
    /// Tasks without a lead (the first 50).
    pub unled_tasks: Vec<TaskPos>,
    /// Places and units the tasks mention (by the unit's or region's
    /// name, else as written), with their task counts, most first (the
    /// first 20): in a plan that names no lead, whom and where it is about.
    pub mentioned: Vec<(String, u32)>,
}

impl Summary {
    pub fn of(c: &Catalog, tasks: &[TaskPos]) -> Summary {
        // Counting into a vector over units: this runs over every task of
        // a region, 100 000 on large data.
        let mut counts = vec![0u32; c.units().len()];
        let mut mentions: HashMap<Mentioned, u32> = HashMap::new();
        let mut seen: Vec<Mentioned> = Vec::new();
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
            // Each place or unit once per task.
            seen.clear();
            for m in &c.task(t).mentions {
                let unit = m.unit.as_ref().and_then(|u| c.unit_pos(u));
                let region = m.region.as_ref().and_then(|r| c.region_pos(r));
                let key = match (unit, region) {
                    (Some(u), _) => Mentioned::Unit(u),
                    (None, Some(r)) => Mentioned::Region(r),
                    (None, None) => Mentioned::Written(m.text.clone()),
                };
                if !seen.contains(&key) {
                    *mentions.entry(key.clone()).or_default() += 1;
                    seen.push(key);
                }
            }
        }
        s.leads = most(counts, 50);
        let mut named: Vec<(String, u32)> = mentions
            .into_iter()
            .map(|(k, n)| {
                let name = match k {
                    Mentioned::Unit(u) => c.unit(u).name.clone(),
                    Mentioned::Region(r) => {
                        c.region(r).map_or_else(String::new, |r| r.name.clone())
                    }
                    Mentioned::Written(w) => w,
                };
                (name, n)
            })
            .collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        named.truncate(20);
        s.mentioned = named;
        s
    }
}

/// A mentioned place or unit, by what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Mentioned {
    Unit(UnitPos),
    Region(RegionPos),
    Written(String),
}

/// The units with a count, most first (ties in unit order), the first `n`.
fn most(counts: Vec<u32>, n: usize) -> Vec<(UnitPos, u32)> {
    let mut v: Vec<(UnitPos, u32)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, k)| k > 0)
        .map(|(u, k)| (UnitPos::new(u), k))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}
