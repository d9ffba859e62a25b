//! The left-hand tree: regions (nested by containment) → goals → tasks, or
//! documents → goals → tasks. Built once per filter change from a view, as
//! an arena of nodes with counts; the rows on screen (the expanded part,
//! see [`super::tree_model`]) are recomputed only when something is
//! expanded, collapsed or refiltered — moving the cursor costs nothing.

use std::collections::HashSet;

use crate::query::{Catalog, DocPos, GoalPos, RegionPos, TaskPos, View};

/// A node's identity, stable across rebuilds so expansion and selection
/// survive a filter change: what it stands for in the task data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKey {
    Region(RegionPos),
    Doc(DocPos),
    Goal(GoalPos),
    Task(TaskPos),
}

/// A node's place in one built [`Tree`] (changes with every rebuild).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Region,
    Document,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub key: NodeKey,
    pub depth: u16,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// Tasks under this node, and how many of them name no lead.
    pub tasks: u32,
    pub unled: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    pub roots: Vec<NodeId>,
    /// Node of each task, goal, region and document position (`u32::MAX`
    /// when not in the tree), so finding a node never scans the tree.
    task_node: Vec<u32>,
    goal_node: Vec<u32>,
    region_node: Vec<u32>,
    doc_node: Vec<u32>,
}

const NONE: u32 = u32::MAX;
/// Deeper nesting than this is a cycle in a hand-edited file.
const MAX_DEPTH: u16 = 32;

impl Tree {
    /// Builds the tree of `view`. Goals without tasks are kept only when
    /// `keep_empty_goals` (no filter active), so a filtered tree shows only
    /// where the matches are.
    pub fn build(c: &Catalog, view: &View, grouping: Grouping, keep_empty_goals: bool) -> Tree {
        let n_goals = c.goals().len();
        // Tasks grouped by goal in one flat array (a counting sort), so
        // 100 000 tasks cost no per-goal allocations.
        let mut start = vec![0u32; n_goals + 1];
        let mut orphans: Vec<TaskPos> = Vec::new();
        for h in &view.hits {
            let g = c.task_goal(h.task).index();
            match start.get_mut(g.wrapping_add(1)) {
                Some(n) if g < n_goals => *n += 1,
                _ => orphans.push(h.task),
            }
        }
        for g in 0..n_goals {
            start[g + 1] += start[g];
        }
        let mut fill = start.clone();
        let mut flat = vec![TaskPos(0); start[n_goals] as usize];
        for h in &view.hits {
            let g = c.task_goal(h.task).index();
            if g < n_goals {
                flat[fill[g] as usize] = h.task;
                fill[g] += 1;
            }
        }
        let goal_tasks = GoalTasks { start, flat };
        let shown = |g: usize| keep_empty_goals || !goal_tasks.of(g).is_empty();
        let mut b = Builder {
            c,
            tree: Tree {
                nodes: Vec::new(),
                roots: Vec::new(),
                task_node: vec![NONE; c.tasks().len()],
                goal_node: vec![NONE; c.goals().len()],
                region_node: vec![NONE; c.regions().len()],
                doc_node: vec![NONE; c.documents().len()],
            },
            goal_tasks: &goal_tasks,
        };
        match grouping {
            Grouping::Region => {
                let n = c.regions().len();
                let mut children: Vec<Vec<RegionPos>> = vec![Vec::new(); n];
                let mut roots = Vec::new();
                for r in (0..n).map(RegionPos::new) {
                    match c.region_parent(r) {
                        Some(p) if p != r => children[p.index()].push(r),
                        _ => roots.push(r),
                    }
                }
                let mut goals: Vec<Vec<GoalPos>> = vec![Vec::new(); n];
                let mut loose_goals = Vec::new();
                for g in (0..n_goals).filter(|&g| shown(g)).map(GoalPos::new) {
                    match goals.get_mut(c.goal_region(g).index()) {
                        Some(v) => v.push(g),
                        None => loose_goals.push(g),
                    }
                }
                for r in roots {
                    if let Some(id) = b.region(r, 0, None, &children, &goals) {
                        b.tree.roots.push(id);
                    }
                }
                for g in loose_goals {
                    let id = b.goal(g, 0, None);
                    b.tree.roots.push(id);
                }
            }
            Grouping::Document => {
                let mut goals: Vec<Vec<GoalPos>> = vec![Vec::new(); c.documents().len()];
                let mut loose_goals = Vec::new();
                for g in (0..n_goals).filter(|&g| shown(g)).map(GoalPos::new) {
                    match goals.get_mut(c.goal_doc(g).index()) {
                        Some(v) => v.push(g),
                        None => loose_goals.push(g),
                    }
                }
                for (d, gs) in goals.iter().enumerate() {
                    if gs.is_empty() {
                        continue;
                    }
                    let id = b.push(NodeKey::Doc(DocPos::new(d)), 0, None);
                    for &g in gs {
                        let child = b.goal(g, 1, Some(id));
                        b.adopt(id, child);
                    }
                    b.tree.roots.push(id);
                }
                for g in loose_goals {
                    let id = b.goal(g, 0, None);
                    b.tree.roots.push(id);
                }
            }
        }
        // Tasks whose goal is missing from the data still show, at the end.
        for t in orphans {
            let id = b.task(t, 0, None);
            b.tree.roots.push(id);
        }
        b.tree
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub fn task_node(&self, task: TaskPos) -> Option<NodeId> {
        self.find(NodeKey::Task(task))
    }

    pub fn find(&self, key: NodeKey) -> Option<NodeId> {
        let (table, i) = match key {
            NodeKey::Task(t) => (&self.task_node, t.index()),
            NodeKey::Goal(g) => (&self.goal_node, g.index()),
            NodeKey::Region(r) => (&self.region_node, r.index()),
            NodeKey::Doc(d) => (&self.doc_node, d.index()),
        };
        table.get(i).copied().filter(|&n| n != NONE).map(NodeId)
    }

    /// Every task under a node, in order.
    pub fn tasks_under(&self, id: NodeId, out: &mut Vec<TaskPos>) {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            let node = self.node(n);
            if let NodeKey::Task(t) = node.key {
                out.push(t);
            }
            stack.extend(node.children.iter().rev());
        }
    }

    /// Every task of the tree, in tree order (the order they show in when
    /// everything is expanded).
    pub fn all_tasks(&self) -> Vec<TaskPos> {
        let mut out = Vec::new();
        for &r in &self.roots {
            self.tasks_under(r, &mut out);
        }
        out
    }

    /// The rows on screen: roots and the children of expanded nodes.
    pub fn visible_rows(&self, expanded: &HashSet<NodeKey>) -> Vec<NodeId> {
        let mut rows = Vec::new();
        let mut stack: Vec<NodeId> = self.roots.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            rows.push(n);
            let node = self.node(n);
            if expanded.contains(&node.key) {
                stack.extend(node.children.iter().rev());
            }
        }
        rows
    }

    /// The keys of a node's ancestors, to expand when jumping to it.
    pub fn ancestors(&self, id: NodeId) -> Vec<NodeKey> {
        let mut out = Vec::new();
        let mut cur = self.node(id).parent;
        while let Some(p) = cur {
            out.push(self.node(p).key);
            cur = self.node(p).parent;
        }
        out
    }

    /// Keys of every node that has children: "expand all".
    pub fn all_branches(&self) -> impl Iterator<Item = NodeKey> + '_ {
        self.nodes
            .iter()
            .filter(|n| !n.children.is_empty())
            .map(|n| n.key)
    }
}

/// Task positions per goal: `flat[start[g]..start[g + 1]]`.
struct GoalTasks {
    start: Vec<u32>,
    flat: Vec<TaskPos>,
}

impl GoalTasks {
    fn of(&self, g: usize) -> &[TaskPos] {
        &self.flat[self.start[g] as usize..self.start[g + 1] as usize]
    }
}

struct Builder<'a> {
    c: &'a Catalog,
    tree: Tree,
    goal_tasks: &'a GoalTasks,
}

impl Builder<'_> {
    fn push(&mut self, key: NodeKey, depth: u16, parent: Option<NodeId>) -> NodeId {
        self.tree.nodes.push(Node {
            key,
            depth,
            parent,
            children: Vec::new(),
            tasks: 0,
            unled: 0,
        });
        let id = (self.tree.nodes.len() - 1) as u32;
        let t = &mut self.tree;
        let (table, i) = match key {
            NodeKey::Task(x) => (&mut t.task_node, x.index()),
            NodeKey::Goal(x) => (&mut t.goal_node, x.index()),
            NodeKey::Region(x) => (&mut t.region_node, x.index()),
            NodeKey::Doc(x) => (&mut t.doc_node, x.index()),
        };
        if let Some(slot) = table.get_mut(i) {
            *slot = id;
        }
        NodeId(id)
    }

    fn adopt(&mut self, parent: NodeId, child: NodeId) {
        let (t, u) = {
            let c = &self.tree.nodes[child.0 as usize];
            (c.tasks, c.unled)
        };
        let p = &mut self.tree.nodes[parent.0 as usize];
        p.children.push(child);
        p.tasks += t;
        p.unled += u;
    }

    fn task(&mut self, t: TaskPos, depth: u16, parent: Option<NodeId>) -> NodeId {
        let id = self.push(NodeKey::Task(t), depth, parent);
        let n = &mut self.tree.nodes[id.0 as usize];
        n.tasks = 1;
        n.unled = self.c.task_unled(t) as u32;
        id
    }

    fn goal(&mut self, g: GoalPos, depth: u16, parent: Option<NodeId>) -> NodeId {
        let id = self.push(NodeKey::Goal(g), depth, parent);
        let tasks = self.goal_tasks.of(g.index());
        self.tree.nodes[id.0 as usize]
            .children
            .reserve_exact(tasks.len());
        for &t in tasks {
            let child = self.task(t, depth + 1, Some(id));
            self.adopt(id, child);
        }
        id
    }

    /// A region with its sub-regions and goals; `None` (and nothing added)
    /// when nothing is under it.
    fn region(
        &mut self,
        r: RegionPos,
        depth: u16,
        parent: Option<NodeId>,
        children: &[Vec<RegionPos>],
        goals: &[Vec<GoalPos>],
    ) -> Option<NodeId> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.tree.nodes.len();
        let id = self.push(NodeKey::Region(r), depth, parent);
        for &child in &children[r.index()] {
            if let Some(c) = self.region(child, depth + 1, Some(id), children, goals) {
                self.adopt(id, c);
            }
        }
        for &g in &goals[r.index()] {
            let c = self.goal(g, depth + 1, Some(id));
            self.adopt(id, c);
        }
        if self.tree.nodes[id.0 as usize].children.is_empty() {
            // Only this region's own node was added (its children were
            // dropped already): forget it.
            self.tree.nodes.truncate(start);
            self.tree.region_node[r.index()] = NONE;
            return None;
        }
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskData;
    use crate::query::Filters;

    fn catalog() -> Catalog {
        Catalog::new(
            TaskData::from_json(include_str!("../../../tests/fixtures/small.json")).unwrap(),
        )
    }

    fn label(c: &Catalog, t: &Tree, id: NodeId) -> String {
        match t.node(id).key {
            NodeKey::Region(r) => c.region(r).unwrap().name.clone(),
            NodeKey::Doc(d) => c.document(d).unwrap().id.0.clone(),
            NodeKey::Goal(g) => c.goal(g).unwrap().title.clone(),
            NodeKey::Task(x) => c.task(x).title.clone(),
        }
    }

    #[test]
    fn regions_nest_by_containment_with_counts() {
        let c = catalog();
        let v = c.apply(&Filters::default()).unwrap();
        let t = Tree::build(&c, &v, Grouping::Region, true);
        // XX市 has no goals and is left out; 江门市 is the only root.
        assert_eq!(t.roots.len(), 1);
        let root = t.node(t.roots[0]);
        assert_eq!(label(&c, &t, t.roots[0]), "江门市");
        assert_eq!(root.tasks, 10);
        assert_eq!(root.unled, 2);
        let mut expanded = HashSet::new();
        expanded.extend(t.all_branches().filter(|k| matches!(k, NodeKey::Region(_))));
        let rows: Vec<String> = t
            .visible_rows(&expanded)
            .iter()
            .map(|&n| {
                format!(
                    "{}{}",
                    " ".repeat(t.node(n).depth as usize),
                    label(&c, &t, n)
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                "江门市",
                " 西部发展区",
                "  台山市",
                "   北部产城融合中心",
                "    强化北部产城融合中心协同辐射力",
                "   西南部旅游集散中心",
                "    深化西南部旅游集散中心龙头带动力",
                "   促推海陆空交通体系疏通联动力",
                "   打造滨海旅游示范带",
                "  构建互联互通的综合交通体系",
            ]
        );
    }

    #[test]
    fn document_grouping_and_filtered_tree() {
        let c = catalog();
        let v = c
            .apply(&Filters {
                unit: Some("川岛镇".into()),
                ..Default::default()
            })
            .unwrap();
        let t = Tree::build(&c, &v, Grouping::Document, false);
        assert_eq!(t.roots.len(), 2);
        assert_eq!(t.node(t.roots[0]).tasks, 2);
        assert_eq!(t.node(t.roots[1]).tasks, 1);
        let task = t.task_node(v.hits[2].task).unwrap();
        assert_eq!(t.find(NodeKey::Task(v.hits[2].task)), Some(task));
        assert_eq!(t.find(t.node(t.roots[1]).key), Some(t.roots[1]));
        assert_eq!(
            t.find(NodeKey::Region(RegionPos(0))),
            None,
            "not in a document tree"
        );
        assert_eq!(t.ancestors(task).len(), 2);
        let mut out = Vec::new();
        t.tasks_under(t.roots[0], &mut out);
        assert_eq!(out, [TaskPos(4), TaskPos(5)]);
    }
}
