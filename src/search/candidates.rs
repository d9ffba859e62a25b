//! What the finder can find in a [`TaskData`]: units, tasks, goals and
//! regions, each as a [`Candidate`] with the texts it answers to.

use std::collections::HashSet;

use crate::model::{Index, TaskData, UnitId};

/// What a candidate stands for: a position in one of [`TaskData`]'s lists,
/// or a line number for `fengong filter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Unit(usize),
    Task(usize),
    Goal(usize),
    Region(usize),
    Line(usize),
}

/// Something that can be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub target: Target,
    /// The text shown in the list; highlights are char positions in it.
    /// Also the first text matched.
    pub display: String,
    /// Other names matched like the display text (a unit's names as
    /// written, its aliases).
    pub aliases: Vec<String>,
    /// Long texts (a task's body): they match only as runs, and are only
    /// searched when neither the display text nor an alias matches, and
    /// only for queries with a term longer than one character can match
    /// (`发改`, `fag`; not `发` or `fa`).
    pub texts: Vec<String>,
    /// Breaks ties after score and length; higher first (a unit's number of
    /// duties).
    pub weight: u32,
    /// Candidates (positions in the same list) to offer right after this one
    /// when it matches: the groups a town belongs to.
    pub offers: Vec<usize>,
}

impl Candidate {
    /// A candidate with only a display text.
    pub fn plain(target: Target, display: impl Into<String>) -> Candidate {
        Candidate {
            target,
            display: display.into(),
            aliases: Vec::new(),
            texts: Vec::new(),
            weight: 0,
            offers: Vec::new(),
        }
    }

    /// Number `key` of [`Hit::key`](super::Hit::key): 0 is the display
    /// text, then the aliases, then the long texts.
    pub fn key(&self, key: usize) -> Option<&str> {
        self.keys().nth(key)
    }

    /// All texts in [`key`](Self::key) order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.display.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.texts.iter().map(String::as_str))
    }
}

/// How many tasks name a unit, by role. A task counts once per role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitStats {
    pub lead: usize,
    pub partner: usize,
    /// Named responsible without a lead being identifiable (责任单位).
    pub responsible: usize,
    /// Mentioned in the text outside the responsibility note.
    pub mentioned: usize,
}

impl UnitStats {
    /// Duties: tasks the unit leads, partners in or is responsible for.
    pub fn duties(&self) -> usize {
        self.lead + self.partner + self.responsible
    }
}

/// [`UnitStats`] for every unit, by position in `data.units`.
pub fn unit_stats(data: &TaskData, index: &Index) -> Vec<UnitStats> {
    let mut stats = vec![UnitStats::default(); data.units.len()];
    for task in &data.tasks {
        let mut count = |ids: &mut dyn Iterator<Item = &UnitId>,
                         role: fn(&mut UnitStats) -> &mut usize| {
            let unique: HashSet<&UnitId> = ids.collect();
            for id in unique {
                if let Some(&u) = index.units.get(id) {
                    *role(&mut stats[u]) += 1;
                }
            }
        };
        count(&mut task.leads.iter().map(|r| &r.unit), |s| &mut s.lead);
        count(&mut task.partners.iter().map(|r| &r.unit), |s| {
            &mut s.partner
        });
        count(&mut task.responsible.iter().map(|r| &r.unit), |s| {
            &mut s.responsible
        });
        count(
            &mut task.mentions.iter().filter_map(|m| m.unit.as_ref()),
            |s| &mut s.mentioned,
        );
    }
    stats
}

/// One candidate per unit, in `data.units` order (so `Target::Unit(i)` is
/// at position `i`). A unit answers to its canonical name, its names as
/// written, its aliases and its name without the jurisdiction
/// (发展和改革局); it is weighted by its duties, and offers the groups that
/// contain it.
pub fn unit_candidates(data: &TaskData, index: &Index) -> Vec<Candidate> {
    let stats = unit_stats(data, index);
    data.units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mut names: Vec<String> = Vec::new();
            let mut add = |s: &str| {
                if !s.is_empty() && s != unit.name && !names.iter().any(|n| n == s) {
                    names.push(s.to_owned());
                }
            };
            unit.written.iter().for_each(|w| add(w));
            unit.aliases.iter().for_each(|a| add(a));
            if let Some(j) = &unit.jurisdiction {
                // `台山市/北部产城融合中心` governs names starting with 台山市.
                let juris = j.as_str().split('/').next().unwrap_or_default();
                if let Some(short) = unit.name.strip_prefix(juris) {
                    add(short);
                }
            }
            let offers = index
                .groups_of
                .get(&unit.id)
                .map(|groups| {
                    groups
                        .iter()
                        .filter_map(|g| index.units.get(g).copied())
                        .collect()
                })
                .unwrap_or_default();
            Candidate {
                target: Target::Unit(i),
                display: unit.name.clone(),
                aliases: names,
                texts: Vec::new(),
                weight: stats[i].duties() as u32,
                offers,
            }
        })
        .collect()
}

/// One candidate per task, in `data.tasks` order: its title, and its whole
/// text as a long text.
pub fn task_candidates(data: &TaskData) -> Vec<Candidate> {
    data.tasks
        .iter()
        .enumerate()
        .map(|(i, task)| Candidate {
            target: Target::Task(i),
            display: task.title.clone(),
            aliases: Vec::new(),
            texts: vec![task.text.clone()],
            weight: 0,
            offers: Vec::new(),
        })
        .collect()
}

/// One candidate per goal, in `data.goals` order: its title, and its body
/// (a prose goal's text) as a long text.
pub fn goal_candidates(data: &TaskData) -> Vec<Candidate> {
    data.goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut c = Candidate::plain(Target::Goal(i), g.title.clone());
            if !g.body.is_empty() {
                c.texts.push(g.body.clone());
            }
            c
        })
        .collect()
}

/// One candidate per region (its name; members as aliases), in
/// `data.regions` order.
pub fn region_candidates(data: &TaskData) -> Vec<Candidate> {
    data.regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut c = Candidate::plain(Target::Region(i), r.name.clone());
            c.aliases = r.members.clone();
            c
        })
        .collect()
}

/// Everything at once, for the explorer's finder: units first (with their
/// group offers re-pointed into the combined list), then regions, goals and
/// tasks.
pub fn finder_candidates(data: &TaskData, index: &Index) -> Vec<Candidate> {
    let mut all = unit_candidates(data, index);
    all.extend(region_candidates(data));
    all.extend(goal_candidates(data));
    all.extend(task_candidates(data));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    pub(crate) fn unit(id: &str, kind: UnitKind, written: &[&str], members: &[&str]) -> Unit {
        Unit {
            id: UnitId::from(id),
            name: id.to_owned(),
            kind,
            jurisdiction: Some(RegionId::from("台山市")),
            written: written.iter().map(|s| s.to_string()).collect(),
            aliases: Vec::new(),
            members: members.iter().map(|&s| UnitId::from(s)).collect(),
            source: None,
        }
    }

    #[test]
    fn units_answer_to_written_names_and_offer_their_groups() {
        let mut data = TaskData::new();
        data.units = vec![
            unit("台山市台城街道", UnitKind::Town, &["台城街道办"], &[]),
            unit(
                "台山市/北部7镇",
                UnitKind::Group,
                &["北部7镇"],
                &["台山市台城街道"],
            ),
        ];
        let index = data.index();
        let c = unit_candidates(&data, &index);
        assert_eq!(c[0].aliases, ["台城街道办", "台城街道"]);
        assert_eq!(c[0].offers, [1]);
        assert!(c[1].offers.is_empty());
        assert_eq!(c[0].key(2), Some("台城街道"));
    }
}
