//! The tree as a list on screen: which nodes are expanded, the rows that
//! makes visible, the selected row and the scroll offset. Like gitui's
//! `filetreelist`, the model owns expansion and selection together, so a
//! collapse can never leave the cursor on a row that is gone.

use std::collections::HashSet;
use std::sync::Arc;

use super::tree::{NodeId, NodeKey, Tree};
use crate::query::TaskPos;

#[derive(Debug, Clone, Default)]
pub struct TreeModel {
    tree: Arc<Tree>,
    expanded: HashSet<NodeKey>,
    /// The visible rows, top to bottom.
    rows: Vec<NodeId>,
    cursor: usize,
    /// Rows scrolled past at the top.
    scroll: usize,
}

/// What `expand` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expanded {
    /// Opened a node, or moved to its first child.
    Node,
    /// The selection is a leaf (a task): nothing to open.
    Leaf,
}

impl TreeModel {
    pub fn tree(&self) -> &Arc<Tree> {
        &self.tree
    }

    pub fn rows(&self) -> &[NodeId] {
        &self.rows
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn is_expanded(&self, key: NodeKey) -> bool {
        self.expanded.contains(&key)
    }

    /// The node under the cursor.
    pub fn selected(&self) -> Option<NodeId> {
        self.rows.get(self.cursor).copied()
    }

    pub fn selected_key(&self) -> Option<NodeKey> {
        self.selected().map(|n| self.tree.node(n).key)
    }

    pub fn selected_task(&self) -> Option<TaskPos> {
        match self.selected_key()? {
            NodeKey::Task(t) => Some(t),
            _ => None,
        }
    }

    /// Shows a freshly built tree: the outline open (regions or
    /// documents), everything open when `open_all`; expansion is kept
    /// unless the tree was regrouped. The selection stays on `keep` (or
    /// its nearest shown ancestor) where it still exists, else row 0.
    pub fn replace(&mut self, tree: Tree, regrouped: bool, open_all: bool, keep: Option<NodeKey>) {
        if regrouped {
            self.expanded.clear();
        }
        self.tree = Arc::new(tree);
        self.rows.clear();
        let outline: Vec<NodeKey> = self
            .tree
            .all_branches()
            .filter(|k| matches!(k, NodeKey::Region(_) | NodeKey::Doc(_)))
            .collect();
        self.expanded.extend(outline);
        if open_all {
            let all: Vec<NodeKey> = self.tree.all_branches().collect();
            self.expanded.extend(all);
        }
        self.refresh_rows();
        match keep {
            Some(k) => self.select(k),
            None => self.set_cursor(0),
        }
    }

    /// Puts the cursor on row `i` (clamped to the rows there are).
    pub fn set_cursor(&mut self, i: usize) {
        self.cursor = i.min(self.rows.len().saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let new = (self.cursor as isize).saturating_add(delta);
        self.set_cursor(new.clamp(0, self.rows.len() as isize - 1) as usize);
    }

    /// `h`: closes the selected node, or goes to its parent.
    pub fn collapse(&mut self) {
        let Some(n) = self.selected() else {
            return;
        };
        let node = self.tree.node(n);
        if self.expanded.contains(&node.key) && !node.children.is_empty() {
            self.expanded.remove(&node.key);
            self.refresh_rows();
        } else if let Some(p) = node.parent
            && let Some(i) = self.rows.iter().position(|&r| r == p)
        {
            self.set_cursor(i);
        }
    }

    /// `l`: opens the selected node, or goes to its first child.
    pub fn expand(&mut self) -> Expanded {
        let Some(n) = self.selected() else {
            return Expanded::Node;
        };
        let node = self.tree.node(n);
        if node.children.is_empty() {
            Expanded::Leaf
        } else if !self.expanded.contains(&node.key) {
            self.expanded.insert(node.key);
            self.refresh_rows();
            Expanded::Node
        } else {
            self.move_by(1);
            Expanded::Node
        }
    }

    /// Enter: opens a closed node, closes an open one.
    pub fn toggle(&mut self) -> Expanded {
        let Some(n) = self.selected() else {
            return Expanded::Node;
        };
        let node = self.tree.node(n);
        if node.children.is_empty() {
            return Expanded::Leaf;
        }
        if !self.expanded.remove(&node.key) {
            self.expanded.insert(node.key);
        }
        self.refresh_rows();
        Expanded::Node
    }

    pub fn expand_all(&mut self) {
        let keys: Vec<NodeKey> = self.tree.all_branches().collect();
        self.expanded.extend(keys);
        self.refresh_rows();
    }

    /// Closes everything; the selection goes to the root it was under.
    pub fn collapse_all(&mut self) {
        let key = self.selected_key();
        self.expanded.clear();
        self.refresh_rows();
        if let Some(k) = key {
            self.select(k);
        }
    }

    /// Selects the node with `key`, expanding its ancestors; falls back to
    /// the nearest visible ancestor or the first row.
    pub fn select(&mut self, key: NodeKey) {
        if let Some(id) = self.tree.find(key) {
            let anc = self.tree.ancestors(id);
            if anc.iter().any(|k| !self.expanded.contains(k)) {
                self.expanded.extend(anc);
                self.rows = self.tree.visible_rows(&self.expanded);
            }
            if let Some(i) = self.rows.iter().position(|&r| r == id) {
                return self.set_cursor(i);
            }
        }
        self.set_cursor(0);
    }

    /// Scrolls so that the cursor is within `height` rows.
    pub fn keep_visible(&mut self, height: usize) {
        keep_visible(self.cursor, &mut self.scroll, height);
    }

    /// Recomputes the visible rows after expanding or collapsing, keeping
    /// the cursor on the same node.
    fn refresh_rows(&mut self) {
        let key = self
            .rows
            .get(self.cursor)
            .and_then(|&n| self.tree.nodes.get(n.0 as usize))
            .map(|n| n.key);
        self.rows = self.tree.visible_rows(&self.expanded);
        match key.and_then(|k| self.tree.find(k)) {
            Some(id) => self.cursor = self.rows.iter().position(|&r| r == id).unwrap_or(0),
            None => self.set_cursor(self.cursor),
        }
    }
}

/// Moves `scroll` so that row `cursor` is on a screen of `height` rows.
pub fn keep_visible(cursor: usize, scroll: &mut usize, height: usize) {
    let h = height.max(1);
    if cursor < *scroll {
        *scroll = cursor;
    } else if cursor >= *scroll + h {
        *scroll = cursor + 1 - h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskData;
    use crate::query::{Catalog, Filters};
    use crate::tui::view::tree::Grouping;

    fn model() -> TreeModel {
        let c = Catalog::new(
            TaskData::from_json(include_str!("../../../tests/fixtures/small.json")).unwrap(),
        );
        let v = c.apply(&Filters::default()).unwrap();
        let mut m = TreeModel::default();
        m.replace(
            Tree::build(&c, &v, Grouping::Region, true),
            false,
            false,
            None,
        );
        m
    }

    #[test]
    fn collapse_keeps_the_cursor_on_a_visible_row() {
        let mut m = model();
        assert_eq!(m.rows().len(), 10, "regions open, goals closed");
        m.move_by(4);
        assert_eq!(m.expand(), Expanded::Node);
        assert_eq!(m.rows().len(), 14);
        m.expand(); // to the first child
        assert!(m.selected_task().is_some());
        assert_eq!(m.expand(), Expanded::Leaf);
        m.collapse(); // to the parent
        assert_eq!(m.cursor(), 4);
        m.collapse();
        assert_eq!(m.rows().len(), 10);
        m.expand_all();
        m.move_by(isize::MAX / 2);
        let last = m.selected_key().unwrap();
        // Collapsing all keeps the selection (its ancestors stay open).
        m.collapse_all();
        assert_eq!(m.selected_key(), Some(last));
        m.move_by(isize::MIN / 2);
        m.collapse_all();
        assert_eq!(m.rows().len(), 1);
        // Selecting a hidden node opens its ancestors.
        m.select(last);
        assert_eq!(m.selected_key(), Some(last));
    }

    #[test]
    fn scrolling_follows_the_cursor() {
        let mut scroll = 0;
        keep_visible(12, &mut scroll, 10);
        assert_eq!(scroll, 3);
        keep_visible(5, &mut scroll, 10);
        assert_eq!(scroll, 3);
        keep_visible(1, &mut scroll, 10);
        assert_eq!(scroll, 1);
    }
}
