//! The query layer: filters over the task data, turned into a *view* — the
//! list of matching tasks with how each one concerns the unit asked about.
//!
//! Both the explorer and `fengong export` go through here, so the screen and
//! the exported file always agree. All lookups are precomputed once in a
//! [`Catalog`] (positions as `u32`, no string hashing per task), so filtering
//! 100 000 tasks is a single cheap pass.

use std::collections::HashMap;

use crate::model::{
    DocId, Document, Goal, Index, LeadMode, Overlap, Region, RegionId, Task, TaskData, TaskId,
    Unit, UnitId,
};

/// Positions in the catalog's lists. The model names things by string ids
/// ([`TaskId`], [`UnitId`] …); the catalog, the explorer and the exports
/// index by position, and these types keep a task's position from being
/// taken for a unit's.
macro_rules! positions {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            pub fn new(i: usize) -> $name {
                $name(i as u32)
            }

            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

positions!(
    /// Position in `TaskData::tasks`.
    TaskPos,
    /// Position in `TaskData::units`.
    UnitPos,
    /// Position in `TaskData::documents`.
    DocPos,
    /// Position in `TaskData::goals`.
    GoalPos,
    /// Position in `TaskData::regions`.
    RegionPos,
    /// Position in `TaskData::overlaps`.
    OverlapPos,
);

/// Which part a unit plays, for `--role` and the filter dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Role {
    #[default]
    Any,
    Lead,
    Partner,
    /// Tasks that name no lead unit (未明确).
    Unled,
    /// Tasks that mention the unit (or, without a unit, any place or unit).
    Mentioned,
}

impl Role {
    /// Every role, in the order the filter dialog cycles through them.
    pub const ALL: [Role; 5] = [
        Role::Any,
        Role::Lead,
        Role::Partner,
        Role::Unled,
        Role::Mentioned,
    ];

    /// The name `--role` takes (`lead`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Any => "any",
            Role::Lead => "lead",
            Role::Partner => "partner",
            Role::Unled => "unled",
            Role::Mentioned => "mentioned",
        }
    }

    /// The Chinese name (`牵头`), which `--role` takes too and file names use.
    pub fn zh(self) -> &'static str {
        match self {
            Role::Any => "全部",
            Role::Lead => "牵头",
            Role::Partner => "配合",
            Role::Unled => "未明确",
            Role::Mentioned => "提及",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == s || r.zh() == s)
    }

    pub fn next(self) -> Role {
        let i = Role::ALL.iter().position(|&r| r == self).unwrap_or(0);
        Role::ALL[(i + 1) % Role::ALL.len()]
    }

    pub fn prev(self) -> Role {
        let n = Role::ALL.len();
        let i = Role::ALL.iter().position(|&r| r == self).unwrap_or(0);
        Role::ALL[(i + n - 1) % n]
    }
}

/// How a task concerns the unit of a unit filter or duty view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Involvement {
    Lead,
    Partner,
    /// Named in a 责任单位 note without a lead being identifiable.
    Responsible,
    /// Named in the text (a place, a unit or an actor), not in the note.
    Mentioned,
}

impl Involvement {
    pub fn key(self) -> &'static str {
        match self {
            Involvement::Lead => "lead",
            Involvement::Partner => "partner",
            Involvement::Responsible => "responsible",
            Involvement::Mentioned => "mentioned",
        }
    }
}

/// What the user asked for. Empty filters select every task.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// A document id, id prefix (`000`) or part of its title.
    pub doc: Option<String>,
    /// A region id or name; sub-regions are included.
    pub region: Option<String>,
    pub role: Role,
    /// A unit's canonical name, a name as written, or an alias.
    pub unit: Option<String>,
    /// Text that the task's title or text must contain.
    pub text: Option<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// One task of a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub task: TaskPos,
    /// Set when a unit was asked for.
    pub involvement: Option<Involvement>,
    /// The group through which the unit was reached (北部7镇 for 台城街道).
    pub via_group: Option<UnitId>,
}

/// The result of applying [`Filters`]: hits in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub hits: Vec<Hit>,
    /// Units the unit filter resolved to (empty without a unit filter).
    pub units: Vec<UnitPos>,
}

/// Why filters could not be applied (an unknown document, region or unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    UnknownDoc(String),
    UnknownRegion(String),
    UnknownUnit(String),
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::UnknownDoc(s) => write!(f, "no document matches \"{s}\""),
            QueryError::UnknownRegion(s) => write!(f, "no region matches \"{s}\""),
            QueryError::UnknownUnit(s) => write!(f, "no unit matches \"{s}\""),
        }
    }
}

impl std::error::Error for QueryError {}

/// Task data with every lookup the explorer and the exports need, built
/// once. Read through its methods: what is stored (and how) is its own
/// business.
#[derive(Debug, Clone)]
pub struct Catalog {
    data: TaskData,
    index: Index,
    /// Per task: positions of its document, goal and the goal's region.
    task_doc: Vec<DocPos>,
    task_goal: Vec<GoalPos>,
    task_region: Vec<RegionPos>,
    /// Per goal: document and region positions.
    goal_doc: Vec<DocPos>,
    goal_region: Vec<RegionPos>,
    /// Per region: its parent's position.
    region_parent: Vec<Option<RegionPos>>,
    /// Per task: positions of leads, partners, responsible, mentioned units.
    task_leads: Vec<Vec<UnitPos>>,
    task_partners: Vec<Vec<UnitPos>>,
    task_responsible: Vec<Vec<UnitPos>>,
    task_mentions: Vec<Vec<UnitPos>>,
    /// Per unit: positions of the groups that contain it.
    unit_groups: Vec<Vec<UnitPos>>,
    /// Per task: it names no lead (the UI shows 未明确).
    task_unled_flags: Vec<bool>,
    /// Per unit: how many tasks it leads / partners directly.
    unit_lead_count: Vec<u32>,
    unit_partner_count: Vec<u32>,
}

/// Sentinel for a reference that does not resolve (a dangling id in a
/// hand-edited file); such references are simply never matched.
const MISSING: u32 = u32::MAX;

fn pos<K: std::hash::Hash + Eq>(m: &HashMap<K, usize>, k: &K) -> u32 {
    m.get(k).map_or(MISSING, |&p| p as u32)
}

impl Catalog {
    pub fn new(data: TaskData) -> Catalog {
        let index = data.index();
        let goal_doc: Vec<DocPos> = data
            .goals
            .iter()
            .map(|g| DocPos(pos(&index.documents, &g.doc)))
            .collect();
        let goal_region: Vec<RegionPos> = data
            .goals
            .iter()
            .map(|g| RegionPos(pos(&index.regions, &g.region)))
            .collect();
        let region_parent = data
            .regions
            .iter()
            .map(|r| {
                r.parent
                    .as_ref()
                    .and_then(|p| index.regions.get(p))
                    .map(|&p| RegionPos::new(p))
            })
            .collect();
        let units_of = |refs: &[crate::model::UnitRef]| -> Vec<UnitPos> {
            refs.iter()
                .filter_map(|r| index.units.get(&r.unit).map(|&p| UnitPos::new(p)))
                .collect()
        };
        let n = data.tasks.len();
        let mut task_doc = Vec::with_capacity(n);
        let mut task_goal = Vec::with_capacity(n);
        let mut task_region = Vec::with_capacity(n);
        let mut task_leads = Vec::with_capacity(n);
        let mut task_partners = Vec::with_capacity(n);
        let mut task_responsible = Vec::with_capacity(n);
        let mut task_mentions = Vec::with_capacity(n);
        let mut unit_lead_count = vec![0u32; data.units.len()];
        let mut unit_partner_count = vec![0u32; data.units.len()];
        for t in &data.tasks {
            let g = pos(&index.goals, &t.goal);
            task_goal.push(GoalPos(g));
            task_doc.push(DocPos(pos(&index.documents, &t.doc)));
            task_region.push(
                goal_region
                    .get(g as usize)
                    .copied()
                    .unwrap_or(RegionPos(MISSING)),
            );
            let leads = units_of(&t.leads);
            let partners = units_of(&t.partners);
            // A task counts once per unit, even if a note names it twice.
            for (i, &u) in leads.iter().enumerate() {
                if !leads[..i].contains(&u) {
                    unit_lead_count[u.index()] += 1;
                }
            }
            for (i, &u) in partners.iter().enumerate() {
                if !partners[..i].contains(&u) && !leads.contains(&u) {
                    unit_partner_count[u.index()] += 1;
                }
            }
            task_leads.push(leads);
            task_partners.push(partners);
            task_responsible.push(units_of(&t.responsible));
            task_mentions.push(
                t.mentions
                    .iter()
                    .filter_map(|m| m.unit.as_ref().and_then(|u| index.units.get(u)))
                    .map(|&p| UnitPos::new(p))
                    .collect(),
            );
        }
        let task_unled_flags = data
            .tasks
            .iter()
            .map(|t| t.lead_mode == LeadMode::None || t.leads.is_empty())
            .collect();
        let unit_groups = data
            .units
            .iter()
            .map(|u| {
                index.groups_of.get(&u.id).map_or(Vec::new(), |gs| {
                    gs.iter()
                        .filter_map(|g| index.units.get(g).map(|&p| UnitPos::new(p)))
                        .collect()
                })
            })
            .collect();
        Catalog {
            data,
            index,
            task_doc,
            task_goal,
            task_region,
            goal_doc,
            goal_region,
            region_parent,
            task_leads,
            task_partners,
            task_responsible,
            task_mentions,
            unit_groups,
            task_unled_flags,
            unit_lead_count,
            unit_partner_count,
        }
    }

    // ----- the data, by position ------------------------------------------

    /// The whole task data (for code that works on the file as a whole:
    /// search candidates, hand-offs).
    pub fn data(&self) -> &TaskData {
        &self.data
    }

    /// The id → position maps of the data.
    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn tasks(&self) -> &[Task] {
        &self.data.tasks
    }

    pub fn units(&self) -> &[Unit] {
        &self.data.units
    }

    pub fn documents(&self) -> &[Document] {
        &self.data.documents
    }

    pub fn goals(&self) -> &[Goal] {
        &self.data.goals
    }

    pub fn regions(&self) -> &[Region] {
        &self.data.regions
    }

    pub fn overlaps(&self) -> &[Overlap] {
        &self.data.overlaps
    }

    /// Every task position, in data order.
    pub fn task_positions(&self) -> impl Iterator<Item = TaskPos> + use<> {
        (0..self.data.tasks.len() as u32).map(TaskPos)
    }

    pub fn task(&self, t: TaskPos) -> &Task {
        &self.data.tasks[t.index()]
    }

    pub fn unit(&self, u: UnitPos) -> &Unit {
        &self.data.units[u.index()]
    }

    pub fn overlap(&self, o: OverlapPos) -> &Overlap {
        &self.data.overlaps[o.index()]
    }

    /// `None` for a position a dangling reference left ([`Catalog::task_doc`]
    /// of a task whose document is missing from the file).
    pub fn document(&self, d: DocPos) -> Option<&Document> {
        self.data.documents.get(d.index())
    }

    pub fn goal(&self, g: GoalPos) -> Option<&Goal> {
        self.data.goals.get(g.index())
    }

    pub fn region(&self, r: RegionPos) -> Option<&Region> {
        self.data.regions.get(r.index())
    }

    /// The task's document (a position past the end when its id dangles).
    pub fn task_doc(&self, t: TaskPos) -> DocPos {
        self.task_doc[t.index()]
    }

    pub fn task_goal(&self, t: TaskPos) -> GoalPos {
        self.task_goal[t.index()]
    }

    /// The region of the task's goal.
    pub fn task_region(&self, t: TaskPos) -> RegionPos {
        self.task_region[t.index()]
    }

    pub fn goal_doc(&self, g: GoalPos) -> DocPos {
        self.goal_doc[g.index()]
    }

    pub fn goal_region(&self, g: GoalPos) -> RegionPos {
        self.goal_region[g.index()]
    }

    pub fn region_parent(&self, r: RegionPos) -> Option<RegionPos> {
        self.region_parent.get(r.index()).copied().flatten()
    }

    /// The task's lead units (those the data file resolves).
    pub fn leads(&self, t: TaskPos) -> &[UnitPos] {
        &self.task_leads[t.index()]
    }

    pub fn partners(&self, t: TaskPos) -> &[UnitPos] {
        &self.task_partners[t.index()]
    }

    /// Units named only as 责任单位, with no rule making them leads.
    pub fn responsible(&self, t: TaskPos) -> &[UnitPos] {
        &self.task_responsible[t.index()]
    }

    pub fn mentions(&self, t: TaskPos) -> &[UnitPos] {
        &self.task_mentions[t.index()]
    }

    /// The groups that contain the unit (北部7镇 for 台城街道).
    pub fn groups_of(&self, u: UnitPos) -> &[UnitPos] {
        &self.unit_groups[u.index()]
    }

    /// How many tasks the unit leads directly.
    pub fn lead_count(&self, u: UnitPos) -> u32 {
        self.unit_lead_count[u.index()]
    }

    /// How many tasks the unit partners directly (without leading them).
    pub fn partner_count(&self, u: UnitPos) -> u32 {
        self.unit_partner_count[u.index()]
    }

    /// The overlaps the task is part of.
    pub fn overlaps_of(&self, t: TaskPos) -> impl Iterator<Item = OverlapPos> + '_ {
        self.index
            .overlaps_of
            .get(t.index())
            .into_iter()
            .flatten()
            .map(|&o| OverlapPos::new(o))
    }

    pub fn unit_pos(&self, id: &UnitId) -> Option<UnitPos> {
        self.index.units.get(id).map(|&p| UnitPos::new(p))
    }

    pub fn task_pos(&self, id: &TaskId) -> Option<TaskPos> {
        self.index.tasks.get(id).map(|&p| TaskPos::new(p))
    }

    pub fn doc_pos(&self, id: &DocId) -> Option<DocPos> {
        self.index.documents.get(id).map(|&p| DocPos::new(p))
    }

    pub fn region_pos(&self, id: &RegionId) -> Option<RegionPos> {
        self.index.regions.get(id).map(|&p| RegionPos::new(p))
    }

    // ----- queries -----------------------------------------------------------

    /// True when region `r` is `ancestor` or lies inside it.
    pub fn region_within(&self, mut r: RegionPos, ancestor: RegionPos) -> bool {
        // Bounded walk: a cycle in a hand-edited file must not hang the UI.
        for _ in 0..64 {
            if r == ancestor {
                return true;
            }
            match self.region_parent(r) {
                Some(p) => r = p,
                None => return false,
            }
        }
        false
    }

    /// Whether a task names no lead (the UI shows 未明确).
    pub fn task_unled(&self, t: TaskPos) -> bool {
        self.task_unled_flags[t.index()]
    }

    /// Documents matching a `--doc` value: exact id, else id prefix, else
    /// part of the title.
    pub fn resolve_docs(&self, q: &str) -> Vec<DocPos> {
        let docs = &self.data.documents;
        let find = |hit: &dyn Fn(&Document) -> bool| -> Vec<DocPos> {
            (0..docs.len())
                .filter(|&i| hit(&docs[i]))
                .map(DocPos::new)
                .collect()
        };
        let exact = find(&|d| d.id.0 == q);
        if !exact.is_empty() {
            return exact;
        }
        let prefix = find(&|d| d.id.0.starts_with(q));
        if !prefix.is_empty() {
            return prefix;
        }
        find(&|d| d.title.contains(q))
    }

    /// Regions matching a `--region` value: exact id or name, else part of
    /// the name.
    pub fn resolve_regions(&self, q: &str) -> Vec<RegionPos> {
        let rs = &self.data.regions;
        let exact: Vec<RegionPos> = (0..rs.len())
            .filter(|&i| rs[i].id.0 == q || rs[i].name == q)
            .map(RegionPos::new)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        (0..rs.len())
            .filter(|&i| rs[i].name.contains(q))
            .map(RegionPos::new)
            .collect()
    }

    /// Units matching a `--unit` value: any unit whose canonical name, id,
    /// written name or alias equals it; if none does, those whose canonical
    /// or written name contains it.
    pub fn resolve_units(&self, q: &str) -> Vec<UnitPos> {
        let us = &self.data.units;
        let exact: Vec<UnitPos> = (0..us.len())
            .filter(|&i| {
                let u = &us[i];
                u.id.0 == q
                    || u.name == q
                    || u.written.iter().any(|w| w == q)
                    || u.aliases.iter().any(|a| a == q)
            })
            .map(UnitPos::new)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        (0..us.len())
            .filter(|&i| us[i].name.contains(q) || us[i].written.iter().any(|w| w.contains(q)))
            .map(UnitPos::new)
            .collect()
    }

    /// How task `t` concerns any of `units` (a membership mask over unit
    /// positions), checking direct roles first, then groups, then mentions.
    pub fn involvement(
        &self,
        t: TaskPos,
        units: &[bool],
        groups: &[bool],
    ) -> Option<(Involvement, Option<UnitPos>)> {
        let has = |list: &[UnitPos], mask: &[bool]| {
            list.iter()
                .copied()
                .find(|&u| mask.get(u.index()).copied().unwrap_or(false))
        };
        let t = t.index();
        if has(&self.task_leads[t], units).is_some() {
            return Some((Involvement::Lead, None));
        }
        if has(&self.task_partners[t], units).is_some() {
            return Some((Involvement::Partner, None));
        }
        if has(&self.task_responsible[t], units).is_some() {
            return Some((Involvement::Responsible, None));
        }
        if let Some(g) = has(&self.task_leads[t], groups) {
            return Some((Involvement::Lead, Some(g)));
        }
        if let Some(g) = has(&self.task_partners[t], groups) {
            return Some((Involvement::Partner, Some(g)));
        }
        if let Some(g) = has(&self.task_responsible[t], groups) {
            return Some((Involvement::Responsible, Some(g)));
        }
        if has(&self.task_mentions[t], units).is_some() {
            return Some((Involvement::Mentioned, None));
        }
        None
    }

    /// Masks for a set of units and the groups that contain them.
    fn unit_masks(&self, units: &[UnitPos]) -> (Vec<bool>, Vec<bool>) {
        let mut direct = vec![false; self.data.units.len()];
        let mut groups = vec![false; self.data.units.len()];
        for &u in units {
            direct[u.index()] = true;
        }
        for &u in units {
            for &g in self.groups_of(u) {
                if !direct[g.index()] {
                    groups[g.index()] = true;
                }
            }
        }
        (direct, groups)
    }

    /// Every task that concerns `unit` in any way: its duty list.
    pub fn duties(&self, unit: UnitPos) -> Vec<Hit> {
        let (direct, groups) = self.unit_masks(&[unit]);
        self.task_positions()
            .filter_map(|t| {
                self.involvement(t, &direct, &groups).map(|(inv, via)| Hit {
                    task: t,
                    involvement: Some(inv),
                    via_group: via.map(|g| self.unit(g).id.clone()),
                })
            })
            .collect()
    }

    /// Checks that every name in the filters resolves, without scanning
    /// tasks (cheap: the explorer checks before filtering in the background).
    pub fn check(&self, f: &Filters) -> Result<(), QueryError> {
        if let Some(d) = &f.doc
            && self.resolve_docs(d).is_empty()
        {
            return Err(QueryError::UnknownDoc(d.clone()));
        }
        if let Some(r) = &f.region
            && self.resolve_regions(r).is_empty()
        {
            return Err(QueryError::UnknownRegion(r.clone()));
        }
        if let Some(u) = &f.unit
            && self.resolve_units(u).is_empty()
        {
            return Err(QueryError::UnknownUnit(u.clone()));
        }
        Ok(())
    }

    /// Applies filters. Unknown document, region or unit names are errors so
    /// that a typo does not silently export nothing.
    pub fn apply(&self, f: &Filters) -> Result<View, QueryError> {
        let docs = match &f.doc {
            Some(d) => {
                let found = self.resolve_docs(d);
                if found.is_empty() {
                    return Err(QueryError::UnknownDoc(d.clone()));
                }
                let mut mask = vec![false; self.data.documents.len()];
                for d in found {
                    mask[d.index()] = true;
                }
                Some(mask)
            }
            None => None,
        };
        let regions: Option<Vec<RegionPos>> = match &f.region {
            Some(r) => {
                let found = self.resolve_regions(r);
                if found.is_empty() {
                    return Err(QueryError::UnknownRegion(r.clone()));
                }
                Some(found)
            }
            None => None,
        };
        let units = match &f.unit {
            Some(u) => {
                let found = self.resolve_units(u);
                if found.is_empty() {
                    return Err(QueryError::UnknownUnit(u.clone()));
                }
                found
            }
            None => Vec::new(),
        };
        let (direct, groups) = self.unit_masks(&units);
        let text = f
            .text
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(TextNeedle::new);
        // Region containment is the same for every task of a region: cache it.
        let mut region_ok: HashMap<RegionPos, bool> = HashMap::new();
        let mut hits = Vec::new();
        for t in self.task_positions() {
            if let Some(mask) = &docs
                && !mask.get(self.task_doc(t).index()).copied().unwrap_or(false)
            {
                continue;
            }
            if let Some(rs) = &regions {
                let r = self.task_region(t);
                let ok = *region_ok
                    .entry(r)
                    .or_insert_with(|| rs.iter().any(|&a| self.region_within(r, a)));
                if !ok {
                    continue;
                }
            }
            let (involvement, via) = if f.unit.is_some() {
                match self.involvement(t, &direct, &groups) {
                    Some(x) => (Some(x.0), x.1),
                    None => continue,
                }
            } else {
                (None, None)
            };
            let role_ok = match (f.role, involvement) {
                (Role::Any, _) => true,
                (Role::Lead, Some(i)) => matches!(i, Involvement::Lead | Involvement::Responsible),
                (Role::Partner, Some(i)) => i == Involvement::Partner,
                (Role::Mentioned, Some(i)) => i == Involvement::Mentioned,
                (Role::Unled, _) => self.task_unled(t),
                // Without a unit, a role keeps tasks that have such units.
                (Role::Lead, None) => !self.task_unled(t),
                (Role::Partner, None) => !self.task(t).partners.is_empty(),
                (Role::Mentioned, None) => !self.task(t).mentions.is_empty(),
            };
            if !role_ok {
                continue;
            }
            if let Some(n) = &text
                && !n.matches(self.task(t))
            {
                continue;
            }
            hits.push(Hit {
                task: t,
                involvement,
                via_group: via.map(|g| self.unit(g).id.clone()),
            });
        }
        Ok(View { hits, units })
    }
}

/// A text filter: plain substring for Chinese, ASCII case-insensitive when
/// the needle has Latin letters (`LNG`, `lng`). The needle is prepared once
/// (SIMD substring search), since it runs over every task.
pub struct TextNeedle {
    finder: memchr::memmem::Finder<'static>,
    fold: bool,
}

impl TextNeedle {
    pub fn new(s: &str) -> TextNeedle {
        let fold = s.chars().any(|c| c.is_ascii_alphabetic());
        let needle = if fold {
            s.to_ascii_lowercase()
        } else {
            s.to_owned()
        };
        TextNeedle {
            finder: memchr::memmem::Finder::new(needle.as_bytes()).into_owned(),
            fold,
        }
    }

    pub fn matches(&self, t: &Task) -> bool {
        self.matches_str(&t.title) || self.matches_str(&t.text)
    }

    pub fn matches_str(&self, s: &str) -> bool {
        if self.fold {
            self.finder
                .find(s.to_ascii_lowercase().as_bytes())
                .is_some()
        } else {
            // A UTF-8 needle only matches at character boundaries.
            self.finder.find(s.as_bytes()).is_some()
        }
    }
}

/// Char ranges `[start, end)` where `needle` occurs in `hay`, for
/// highlighting; ASCII case-insensitive like [`TextNeedle`].
pub fn find_char_ranges(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let h: Vec<char> = hay.chars().collect();
    let n: Vec<char> = needle.chars().collect();
    let eq = |a: char, b: char| a == b || a.eq_ignore_ascii_case(&b);
    let mut out = Vec::new();
    let mut i = 0;
    while i + n.len() <= h.len() {
        if h[i..i + n.len()].iter().zip(&n).all(|(&a, &b)| eq(a, b)) {
            out.push((i, i + n.len()));
            i += n.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let data = TaskData::from_json(include_str!("../tests/fixtures/small.json")).unwrap();
        Catalog::new(data)
    }

    fn ids(c: &Catalog, v: &View) -> Vec<String> {
        v.hits.iter().map(|h| c.task(h.task).id.0.clone()).collect()
    }

    #[test]
    fn empty_filters_keep_everything_in_order() {
        let c = catalog();
        let v = c.apply(&Filters::default()).unwrap();
        assert_eq!(v.hits.len(), c.tasks().len());
        assert!(v.hits.windows(2).all(|w| w[0].task < w[1].task));
    }

    #[test]
    fn unit_filter_matches_aliases_and_reports_role() {
        let c = catalog();
        let f = Filters {
            unit: Some("发改局".into()),
            ..Default::default()
        };
        let v = c.apply(&f).unwrap();
        assert_eq!(
            ids(&c, &v),
            ["000_taishan:t1", "000_taishan:t2", "000_taishan:t7"]
        );
        let roles: Vec<_> = v.hits.iter().map(|h| h.involvement.unwrap()).collect();
        assert_eq!(
            roles,
            [
                Involvement::Partner,
                Involvement::Partner,
                Involvement::Lead
            ]
        );
        let lead_only = c
            .apply(&Filters {
                role: Role::Lead,
                ..f
            })
            .unwrap();
        assert_eq!(ids(&c, &lead_only), ["000_taishan:t7"]);
    }

    #[test]
    fn a_town_sees_tasks_of_its_group() {
        let c = catalog();
        let v = c
            .apply(&Filters {
                unit: Some("台城".into()),
                ..Default::default()
            })
            .unwrap();
        // t1..t3 give work to 北部7镇; t1 also mentions 台城街道 directly,
        // but the group role wins over a mere mention.
        assert_eq!(
            ids(&c, &v),
            ["000_taishan:t1", "000_taishan:t2", "000_taishan:t3"]
        );
        assert!(
            v.hits
                .iter()
                .all(|h| h.via_group.as_ref().map(|g| g.as_str()) == Some("台山市/北部7镇"))
        );
    }

    #[test]
    fn region_filter_includes_subregions() {
        let c = catalog();
        let in_taishan = c
            .apply(&Filters {
                region: Some("台山市".into()),
                ..Default::default()
            })
            .unwrap();
        // All seven 台山 tasks plus the 西部 plan's goal set in 台山市.
        assert_eq!(in_taishan.hits.len(), 8);
        let north = c
            .apply(&Filters {
                region: Some("北部产城融合中心".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(north.hits.len(), 4);
        let all = c
            .apply(&Filters {
                region: Some("江门市".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(all.hits.len(), c.tasks().len());
    }

    #[test]
    fn doc_text_and_errors() {
        let c = catalog();
        let v = c
            .apply(&Filters {
                doc: Some("001".into()),
                text: Some("深茂铁路".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(ids(&c, &v), ["001_xibu:t1"]);
        assert_eq!(
            c.apply(&Filters {
                unit: Some("不存在局".into()),
                ..Default::default()
            }),
            Err(QueryError::UnknownUnit("不存在局".into()))
        );
        assert!(matches!(
            c.apply(&Filters {
                doc: Some("999".into()),
                ..Default::default()
            }),
            Err(QueryError::UnknownDoc(_))
        ));
    }

    #[test]
    fn duties_cover_mentions() {
        let c = catalog();
        let chuandao = c.resolve_units("川岛镇")[0];
        let d = c.duties(chuandao);
        let got: Vec<_> = d
            .iter()
            .map(|h| (c.task(h.task).id.0.as_str(), h.involvement.unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                ("000_taishan:t5", Involvement::Partner),
                ("000_taishan:t6", Involvement::Partner),
                ("001_xibu:t3", Involvement::Mentioned)
            ]
        );
    }

    #[test]
    fn roles_unled_and_mentioned() {
        let c = catalog();
        let role = |role, unit: Option<&str>| {
            let f = Filters {
                role,
                unit: unit.map(str::to_owned),
                ..Default::default()
            };
            ids(&c, &c.apply(&f).unwrap())
        };
        // Without a unit: the tasks that name no lead, the tasks that
        // mention anything.
        let unled: Vec<String> = c
            .task_positions()
            .filter(|&t| c.task_unled(t))
            .map(|t| c.task(t).id.0.clone())
            .collect();
        assert_eq!(unled.len(), 2);
        assert_eq!(role(Role::Unled, None), unled);
        let mentioning: Vec<String> = c
            .tasks()
            .iter()
            .filter(|t| !t.mentions.is_empty())
            .map(|t| t.id.0.clone())
            .collect();
        assert!(!mentioning.is_empty());
        assert_eq!(role(Role::Mentioned, None), mentioning);
        // With a unit: where it is only mentioned (川岛镇 partners t5, t6).
        assert_eq!(role(Role::Mentioned, Some("川岛镇")), ["001_xibu:t3"]);
        // Its tasks that name no lead.
        let its_unled: Vec<String> = role(Role::Any, Some("川岛镇"))
            .into_iter()
            .filter(|id| unled.contains(id))
            .collect();
        assert_eq!(role(Role::Unled, Some("川岛镇")), its_unled);
        assert_eq!(Role::parse("未明确"), Some(Role::Unled));
        assert_eq!(Role::parse("mentioned"), Some(Role::Mentioned));
        assert_eq!(Role::Mentioned.next(), Role::Any);
    }

    #[test]
    fn char_ranges_do_not_split_characters() {
        assert_eq!(find_char_ranges("台山台山", "山"), [(1, 2), (3, 4)]);
        assert_eq!(find_char_ranges("LNG接收站", "lng"), [(0, 3)]);
        assert!(find_char_ranges("台山", "").is_empty());
    }
}
