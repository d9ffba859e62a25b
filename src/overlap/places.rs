//! The places each task concerns, and how the places of two tasks relate.
//!
//! A plan governs a jurisdiction (江门市西部发展区), but many of its tasks
//! are about part of it: a lower jurisdiction the task names (台山, 开平), a
//! sub-region the task's goal is about (广海湾区, whose members are 台山's
//! southern coast and 恩平's 横陂镇), or else the whole area. Whether two
//! tasks do the same work for the same place, or similar work in sibling
//! places, depends on these places rather than on the documents alone:
//! the western-area plan's task for 开平 and 恩平 is a sibling of the 台山
//! plan even though the western area contains 台山.
//!
//! The places are nodes of one tree built from the data file's regions
//! (`parent`) and their members: a jurisdiction's members that are not
//! regions themselves (开平市 in the western area, 台城街道 in 台山市)
//! become child nodes, and a sub-region's members written as free text
//! (西部发展区的开平, 恩平横陂镇) are resolved to the nodes they name.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{PlaceRelation, RegionId, RegionKind, TaskData};

/// Why a task concerns the places it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Its title names them (开平翠山湖科技产业园, 台山广海湾工业园区).
    Named,
    /// Its goal is about a sub-region (广海湾区): it concerns the places
    /// that sub-region takes in.
    Subregion,
    /// Neither: it concerns the plan's whole jurisdiction. Places its text
    /// names are then examples or parts of the work (鹤山至恩平段 in a task
    /// on all national roads), not its limits.
    WholeArea,
}

/// The places of one task.
#[derive(Debug, Clone)]
pub struct TaskPlaces {
    /// The places it concerns (see [`Scope`]), ascending node positions.
    pub nodes: Vec<u32>,
    pub scope: Scope,
    /// The places below its plan's jurisdiction that its text names
    /// anywhere, ascending.
    pub named: Vec<u32>,
}

#[derive(Debug, Clone)]
struct Node {
    name: String,
    /// The region this node is, if the data file has it.
    region: Option<RegionId>,
    /// An administrative area (a jurisdiction, a town, or a member a
    /// jurisdiction lists), whose name may be written without its level
    /// suffix (台山 for 台山市); sub-regions are written in full.
    admin: bool,
    parent: Option<u32>,
    /// For a sub-region defined by members: the places its members name.
    covers: Vec<u32>,
    /// Its own place and the places it covers, transitively.
    extent: Vec<u32>,
    /// Itself and its ancestors.
    lineage: Vec<u32>,
}

/// Every task's places and the tree they are nodes of.
pub struct Places {
    nodes: Vec<Node>,
    tasks: Vec<TaskPlaces>,
    /// Each document's jurisdiction, by document position.
    docs: Vec<u32>,
    /// `relation[x * n + y]` for node positions, when there are few enough
    /// nodes to tabulate (always on real data); computed on demand otherwise.
    table: Option<Vec<u8>>,
}

/// More nodes than this are not tabulated (the table is n² bytes).
const MAX_TABULATED: usize = 2048;

/// Suffixes of administrative names: 台山市 is written 台山 too.
const LEVEL_SUFFIXES: &[&str] = &["市", "区", "县", "镇", "街道", "乡"];

impl Places {
    pub fn new(data: &TaskData) -> Places {
        let (b, docs) = Builder::tree(data);
        let doc_node: HashMap<&str, u32> = data
            .documents
            .iter()
            .zip(&docs)
            .map(|(d, &n)| (d.id.as_str(), n))
            .collect();
        let names = NameIndex::new(&b.nodes);
        let goal_region: HashMap<&str, &str> = data
            .goals
            .iter()
            .map(|g| (g.id.as_str(), g.region.as_str()))
            .collect();
        let tasks = data
            .tasks
            .iter()
            .map(|t| {
                let Some(&home) = doc_node.get(t.doc.as_str()) else {
                    return TaskPlaces {
                        nodes: vec![],
                        scope: Scope::WholeArea,
                        named: vec![],
                    };
                };
                let text = without_note(t);
                let title = fast2s::convert(&t.title);
                let goal = goal_region
                    .get(t.goal.as_str())
                    .and_then(|r| b.by_region.get(*r).copied());
                let mentioned: Vec<u32> = t
                    .mentions
                    .iter()
                    .filter_map(|m| m.region.as_ref())
                    .filter_map(|r| b.by_region.get(r.as_str()).copied())
                    .collect();
                task_places(&b.nodes, &names, home, goal, &mentioned, &title, &text)
            })
            .collect();
        let mut places = Places {
            nodes: b.nodes,
            tasks,
            docs,
            table: None,
        };
        let n = places.nodes.len();
        if n <= MAX_TABULATED {
            let mut table = vec![0u8; n * n];
            for x in 0..n {
                for y in 0..n {
                    table[x * n + y] = places.node_relation_uncached(x as u32, y as u32) as u8;
                }
            }
            places.table = Some(table);
        }
        places
    }

    /// The tree of places and each document's jurisdiction, without the
    /// places of tasks: enough to tell which plans lie below which, at a
    /// cost that does not grow with the number of tasks (the explorer asks
    /// it for every document when it starts).
    pub fn of_documents(data: &TaskData) -> Places {
        let (b, docs) = Builder::tree(data);
        Places {
            nodes: b.nodes,
            tasks: vec![],
            docs,
            table: None,
        }
    }

    /// The places of task `t` (position in `data.tasks`).
    pub fn of_task(&self, t: usize) -> &TaskPlaces {
        &self.tasks[t]
    }

    /// How the places of tasks `a` and `b` relate.
    pub fn relation(&self, a: usize, b: usize) -> PlaceRelation {
        self.relation_of(&self.tasks[a].nodes, &self.tasks[b].nodes)
    }

    /// How two sets of place nodes relate: the same if they share a node,
    /// nested if a node of one contains or overlaps a node of the other.
    pub fn relation_of(&self, xs: &[u32], ys: &[u32]) -> PlaceRelation {
        let mut best = PlaceRelation::Apart;
        for &x in xs {
            for &y in ys {
                match self.node_relation(x, y) {
                    PlaceRelation::Same => return PlaceRelation::Same,
                    PlaceRelation::Nested => best = PlaceRelation::Nested,
                    PlaceRelation::Apart => {}
                }
            }
        }
        best
    }

    /// The jurisdiction of document `d` (position in `data.documents`).
    pub fn of_document(&self, d: usize) -> Option<u32> {
        self.docs.get(d).copied()
    }

    /// Whether the jurisdictions of documents `x` and `y` (positions) are
    /// different and one contains the other (江门市西部发展区 ⊃ 台山市).
    pub fn documents_nested(&self, x: usize, y: usize) -> bool {
        match (self.of_document(x), self.of_document(y)) {
            (Some(a), Some(b)) => self.node_relation(a, b) == PlaceRelation::Nested,
            _ => false,
        }
    }

    /// The node of a region, if the data file has that region.
    pub fn node_of(&self, region: &RegionId) -> Option<u32> {
        self.nodes
            .iter()
            .position(|n| n.region.as_ref() == Some(region))
            .map(|p| p as u32)
    }

    /// Whether place `outer` contains place `inner` (or is it).
    pub fn contains(&self, outer: u32, inner: u32) -> bool {
        self.nodes[inner as usize].lineage.contains(&outer)
    }

    /// The node's name as the data file writes it (a region's name, or a
    /// jurisdiction's member as listed).
    pub fn name(&self, node: u32) -> &str {
        &self.nodes[node as usize].name
    }

    /// The region id of a node, or its name when it is a member the data
    /// file lists without a region of its own (开平市 in the western area).
    pub fn region_id(&self, node: u32) -> RegionId {
        let n = &self.nodes[node as usize];
        n.region.clone().unwrap_or_else(|| RegionId(n.name.clone()))
    }

    fn node_relation(&self, x: u32, y: u32) -> PlaceRelation {
        match &self.table {
            Some(t) => match t[x as usize * self.nodes.len() + y as usize] {
                0 => PlaceRelation::Same,
                1 => PlaceRelation::Nested,
                _ => PlaceRelation::Apart,
            },
            None => self.node_relation_uncached(x, y),
        }
    }

    fn node_relation_uncached(&self, x: u32, y: u32) -> PlaceRelation {
        if x == y {
            return PlaceRelation::Same;
        }
        let (nx, ny) = (&self.nodes[x as usize], &self.nodes[y as usize]);
        let touches = nx.extent.iter().any(|&p| {
            ny.extent.iter().any(|&q| {
                self.nodes[q as usize].lineage.contains(&p)
                    || self.nodes[p as usize].lineage.contains(&q)
            })
        });
        if touches {
            PlaceRelation::Nested
        } else {
            PlaceRelation::Apart
        }
    }
}

#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    by_region: HashMap<String, u32>,
}

impl Builder {
    /// The tree of the data file's regions, and each document's
    /// jurisdiction in it (by document position).
    fn tree(data: &TaskData) -> (Builder, Vec<u32>) {
        let mut b = Builder::default();
        b.regions(data);
        let docs: Vec<u32> = data
            .documents
            .iter()
            .map(|d| b.node_of_region(d.jurisdiction.as_str()))
            .collect();
        b.finish_tree();
        (b, docs)
    }

    fn add(&mut self, name: &str, region: Option<&str>, parent: Option<u32>, admin: bool) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            name: name.to_owned(),
            region: region.map(RegionId::from),
            admin,
            parent,
            covers: vec![],
            extent: vec![],
            lineage: vec![],
        });
        if let Some(r) = region {
            self.by_region.insert(r.to_owned(), id);
        }
        id
    }

    /// The node of a region id, added (without parent) if the file lacks it.
    fn node_of_region(&mut self, region: &str) -> u32 {
        match self.by_region.get(region) {
            Some(&n) => n,
            None => {
                let name = region.rsplit('/').next().unwrap_or(region);
                self.add(name, Some(region), None, !region.contains('/'))
            }
        }
    }

    fn regions(&mut self, data: &TaskData) {
        for r in &data.regions {
            let admin = r.kind != RegionKind::Subregion;
            self.add(&r.name, Some(r.id.as_str()), None, admin);
        }
        for r in &data.regions {
            let me = self.by_region[r.id.as_str()];
            let parent = r.parent.as_ref().map(|p| self.node_of_region(p.as_str()));
            // A parent chain that comes back here (a hand-edited file) is cut.
            if parent.is_some_and(|p| !self.is_ancestor_or_self(me, p)) {
                self.nodes[me as usize].parent = parent;
            }
        }
        // A jurisdiction's members are its divisions: those that are regions
        // already are children through `parent`; the others become nodes.
        for r in &data.regions {
            if r.kind != RegionKind::Jurisdiction {
                continue;
            }
            let me = self.by_region[r.id.as_str()];
            for m in &r.members {
                if self.find_exact(m).is_none() && m.chars().count() >= 2 {
                    self.add(m, None, Some(me), true);
                }
            }
        }
        // A sub-region's members name the places it covers, as free text.
        let names = NameIndex::new(&self.nodes);
        for r in &data.regions {
            if r.kind == RegionKind::Jurisdiction {
                continue;
            }
            let me = self.by_region[r.id.as_str()];
            let mut covers: Vec<u32> = r
                .members
                .iter()
                .filter_map(|m| names.most_specific_in(&self.nodes, m))
                .filter(|&n| n != me)
                .collect();
            covers.sort_unstable();
            covers.dedup();
            self.nodes[me as usize].covers = covers;
        }
    }

    fn find_exact(&self, name: &str) -> Option<u32> {
        self.nodes
            .iter()
            .position(|n| n.name == name || n.region.as_ref().is_some_and(|r| r.as_str() == name))
            .map(|p| p as u32)
    }

    fn is_ancestor_or_self(&self, ancestor: u32, mut node: u32) -> bool {
        for _ in 0..=self.nodes.len() {
            if node == ancestor {
                return true;
            }
            match self.nodes[node as usize].parent {
                Some(p) => node = p,
                None => return false,
            }
        }
        true
    }

    fn finish_tree(&mut self) {
        let n = self.nodes.len();
        for i in 0..n {
            let mut lineage = vec![i as u32];
            let mut at = i;
            while let Some(p) = self.nodes[at].parent {
                if lineage.contains(&p) || lineage.len() > n {
                    break;
                }
                lineage.push(p);
                at = p as usize;
            }
            self.nodes[i].lineage = lineage;
        }
        for i in 0..n {
            // Covers of covers (三大中心 covers 北部产城融合中心, which covers
            // 台城); a cycle in hand-edited members stops at what was seen.
            let mut extent = vec![i as u32];
            let mut k = 0;
            while k < extent.len() && extent.len() <= n {
                for &c in &self.nodes[extent[k] as usize].covers {
                    if !extent.contains(&c) {
                        extent.push(c);
                    }
                }
                k += 1;
            }
            self.nodes[i].extent = extent;
        }
    }
}

/// A place name as searched for in text.
#[derive(Debug, Clone, Copy)]
struct Pattern {
    node: u32,
}

/// Every node's names, for finding the places a text names.
struct NameIndex {
    matcher: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

impl NameIndex {
    fn new(nodes: &[Node]) -> NameIndex {
        let mut words: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            let mut push = |w: &str| {
                if w.chars().count() < 2 || seen.contains_key(w) {
                    return;
                }
                seen.insert(w.to_owned(), patterns.len());
                words.push(w.to_owned());
                patterns.push(Pattern { node: i as u32 });
            };
            let level = LEVEL_SUFFIXES
                .iter()
                .find(|s| n.admin && n.name.ends_with(*s));
            match level {
                Some(suffix) => {
                    push(&n.name);
                    let short = &n.name[..n.name.len() - suffix.len()];
                    // Towns are looked for by their full name only (广海 is
                    // also the start of 广海湾); cities, districts and counties
                    // by their short name too.
                    if short.chars().count() >= 2 && !["镇", "街道", "乡"].contains(suffix) {
                        push(short);
                    }
                }
                // Two-character sub-region names (一心, 两区) are everyday
                // words; only longer ones are looked for.
                None if n.name.chars().count() >= 3 => push(&n.name),
                None => {}
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .ok();
        NameIndex { matcher, patterns }
    }

    /// The places `text` names.
    fn find(&self, text: &str) -> Vec<Pattern> {
        let Some(m) = &self.matcher else {
            return vec![];
        };
        m.find_iter(text)
            .map(|hit| self.patterns[hit.pattern().as_usize()])
            .collect()
    }

    /// The most specific place a member string names (西部发展区的开平 →
    /// 开平市; 恩平横陂镇 → 恩平市), short town names included (台城 →
    /// 台城街道), since a member list is a list of places.
    fn most_specific_in(&self, nodes: &[Node], member: &str) -> Option<u32> {
        let mut best: Option<(usize, u32)> = None;
        for p in self.find(member) {
            let depth = nodes[p.node as usize].lineage_len(nodes);
            if best.is_none_or(|(d, _)| depth > d) {
                best = Some((depth, p.node));
            }
        }
        if let Some((_, n)) = best {
            return Some(n);
        }
        // A town's short name (台城 for 台城街道).
        nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                LEVEL_SUFFIXES
                    .iter()
                    .filter_map(|s| n.name.strip_suffix(s))
                    .any(|short| short.chars().count() >= 2 && short == member)
            })
            .map(|(i, _)| i as u32)
            .next()
    }
}

impl Node {
    fn lineage_len(&self, nodes: &[Node]) -> usize {
        let mut depth = 0;
        let mut at = self.parent;
        while let Some(p) = at {
            depth += 1;
            if depth > nodes.len() {
                break;
            }
            at = nodes[p as usize].parent;
        }
        depth
    }
}

/// The places one task concerns: the places below its plan's jurisdiction
/// that its title names; else its goal's sub-region; else the whole
/// jurisdiction. A place outside the plan's jurisdiction is never one of
/// them, even when the task names it (与新会共建 in a 江海区 plan): a plan
/// commits its own area, and short names of neighbours are often words
/// (江海堤围 is a river dike).
fn task_places(
    nodes: &[Node],
    names: &NameIndex,
    home: u32,
    goal: Option<u32>,
    mentioned: &[u32],
    title: &str,
    text: &str,
) -> TaskPlaces {
    let below = |n: u32| n != home && nodes[n as usize].lineage.contains(&home);
    let in_title: Vec<u32> = names
        .find(title)
        .into_iter()
        .map(|p| p.node)
        .filter(|&n| below(n))
        .collect();
    let mut named: Vec<u32> = mentioned.iter().copied().filter(|&n| below(n)).collect();
    named.extend(
        names
            .find(text)
            .into_iter()
            .map(|p| p.node)
            .filter(|&n| below(n)),
    );
    named.sort_unstable();
    named.dedup();
    let (mut concerned, scope) = if !in_title.is_empty() {
        (in_title, Scope::Named)
    } else if let Some(g) = goal.filter(|&g| below(g) && nodes[g as usize].extent.len() > 1) {
        // Only a sub-region whose members are known says where; one
        // without (西部副核心, defined elsewhere in prose) could be anywhere.
        (vec![g], Scope::Subregion)
    } else {
        (vec![home], Scope::WholeArea)
    };
    concerned.sort_unstable();
    concerned.dedup();
    TaskPlaces {
        nodes: concerned,
        scope,
        named,
    }
}

/// The task's text without its responsibility note (the note names the
/// partner towns, which are who does the work, not where), simplified.
fn without_note(t: &crate::model::Task) -> String {
    let text = match t.note.as_ref().filter(|n| !n.text.is_empty()) {
        Some(n) => match t.text.rfind(&n.text) {
            Some(at) => format!("{}{}", &t.text[..at], &t.text[at + n.text.len()..]),
            None => t.text.clone(),
        },
        None => t.text.clone(),
    };
    fast2s::convert(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        DocId, DocReport, Document, Goal, GoalId, LeadMode, Region, SourceSpan, Task, TaskId,
    };

    fn region(id: &str, kind: RegionKind, parent: Option<&str>, members: &[&str]) -> Region {
        Region {
            id: RegionId::from(id),
            name: id.rsplit('/').next().unwrap().to_owned(),
            kind,
            parent: parent.map(RegionId::from),
            members: members.iter().map(|m| m.to_string()).collect(),
            doc: None,
            source: None,
        }
    }

    /// Plans of 江门市's western area (台山, 开平, 恩平; sub-regions 广海湾区
    /// and 生态发展区), 台山市 and 新会区, each task `(doc, goal region,
    /// text)`; a task's title is its text up to the first `。`.
    fn data(tasks: &[(&str, &str, &str)]) -> TaskData {
        use RegionKind::*;
        let mut d = TaskData::new();
        d.regions = vec![
            region(
                "江门市",
                Jurisdiction,
                None,
                &["江门市西部发展区", "新会区"],
            ),
            region(
                "江门市西部发展区",
                Jurisdiction,
                Some("江门市"),
                &["台山市", "开平市", "恩平市"],
            ),
            region(
                "台山市",
                Jurisdiction,
                Some("江门市西部发展区"),
                &["台城街道", "广海镇"],
            ),
            region("新会区", Jurisdiction, Some("江门市"), &["会城街道"]),
            region(
                "江门市西部发展区/广海湾区",
                Subregion,
                Some("江门市西部发展区"),
                &["西部发展区的台山南部的滨海区域", "恩平横陂镇"],
            ),
            region(
                "江门市西部发展区/生态发展区",
                Subregion,
                Some("江门市西部发展区"),
                &["西部发展区的开平", "恩平大部分区域"],
            ),
        ];
        for (doc, j) in [
            ("west", "江门市西部发展区"),
            ("ts", "台山市"),
            ("xh", "新会区"),
        ] {
            d.documents.push(Document {
                id: DocId::from(doc),
                title: String::new(),
                issuer: None,
                date: None,
                number: None,
                jurisdiction: RegionId::from(j),
                source: String::new(),
                report: DocReport::default(),
            });
        }
        for (i, (doc, goal_region, text)) in tasks.iter().enumerate() {
            let goal = GoalId(format!("{doc}:g{i}"));
            d.goals.push(Goal {
                id: goal.clone(),
                doc: DocId::from(*doc),
                region: RegionId::from(*goal_region),
                number: None,
                title: String::new(),
                heading_path: vec![],
                projects: vec![],
                source: SourceSpan {
                    doc: DocId::from(*doc),
                    line: 1,
                    end_line: 1,
                },
                body: String::new(),
                body_source: None,
            });
            d.tasks.push(Task {
                id: TaskId(format!("{doc}:t{i}")),
                doc: DocId::from(*doc),
                goal,
                number: None,
                title: text.split('。').next().unwrap_or_default().to_owned(),
                text: text.to_string(),
                note: None,
                clauses: vec![],
                leads: vec![],
                partners: vec![],
                responsible: vec![],
                lead_mode: LeadMode::None,
                leader: None,
                deadline: None,
                due: None,
                key: Default::default(),
                mentions: vec![],
                source: SourceSpan {
                    doc: DocId::from(*doc),
                    line: 1,
                    end_line: 1,
                },
            });
        }
        d
    }

    fn names(p: &Places, t: usize) -> Vec<&str> {
        p.of_task(t).nodes.iter().map(|&n| p.name(n)).collect()
    }

    #[test]
    fn a_task_concerns_what_its_title_names_else_its_sub_region_else_the_whole_area() {
        let d = data(&[
            (
                "west",
                "江门市西部发展区",
                "开平翠山湖科技产业园。推动产业集聚",
            ),
            ("west", "江门市西部发展区/生态发展区", "大力发展乡村旅游"),
            (
                "west",
                "江门市西部发展区",
                "完善国道。推动国道鹤山至恩平段改建",
            ),
            ("ts", "台山市", "增强城镇辐射作用。增强台城街道辐射作用"),
            ("xh", "新会区", "聚焦新会、台山两地园区共建"),
        ]);
        let p = Places::new(&d);
        assert_eq!(names(&p, 0), ["开平市"]);
        assert_eq!(p.of_task(0).scope, Scope::Named);
        assert_eq!(names(&p, 1), ["生态发展区"]);
        assert_eq!(p.of_task(1).scope, Scope::Subregion);
        // A place named in the text only is part of the work, not its limit.
        assert_eq!(names(&p, 2), ["江门市西部发展区"]);
        assert_eq!(p.of_task(2).scope, Scope::WholeArea);
        let named: Vec<&str> = p.of_task(2).named.iter().map(|&n| p.name(n)).collect();
        assert_eq!(named, ["恩平市"]);
        assert_eq!(names(&p, 3), ["台山市"]);
        // A neighbour named is not a place of the plan.
        assert_eq!(names(&p, 4), ["新会区"]);
    }

    #[test]
    fn sibling_places_are_apart_and_contained_places_nested() {
        let d = data(&[
            ("west", "江门市西部发展区", "完善输电网建设"),
            ("west", "江门市西部发展区/生态发展区", "大力发展乡村旅游"),
            ("west", "江门市西部发展区/广海湾区", "建设滨海新城"),
            ("ts", "台山市", "建设滨海旅游"),
            ("xh", "新会区", "建设滨海旅游"),
            ("ts", "台山市", "台城街道提质。增强辐射作用"),
        ]);
        let p = Places::new(&d);
        assert_eq!(p.relation(0, 3), PlaceRelation::Nested, "whole area ⊃ 台山");
        assert_eq!(p.relation(1, 3), PlaceRelation::Apart, "开平/恩平 vs 台山");
        assert_eq!(
            p.relation(2, 3),
            PlaceRelation::Nested,
            "广海湾区 covers 台山's coast"
        );
        assert_eq!(
            p.relation(3, 4),
            PlaceRelation::Apart,
            "台山 and 新会 are siblings"
        );
        assert_eq!(p.relation(5, 3), PlaceRelation::Nested, "台城街道 in 台山");
        assert_eq!(p.relation(3, 3), PlaceRelation::Same);
        assert_eq!(
            p.relation(0, 4),
            PlaceRelation::Apart,
            "新会 is not in the west"
        );
    }

    #[test]
    fn parent_cycles_and_unknown_jurisdictions_do_not_hang() {
        let mut d = data(&[("west", "江门市西部发展区", "完善输电网建设")]);
        d.regions
            .push(region("甲", RegionKind::Jurisdiction, Some("乙"), &[]));
        d.regions
            .push(region("乙", RegionKind::Jurisdiction, Some("甲"), &[]));
        d.documents[2].jurisdiction = RegionId::from("火星");
        let p = Places::new(&d);
        assert_eq!(p.relation(0, 0), PlaceRelation::Same);
    }
}
