//! Scroll positions recorded while drawing, as gitui's `VerticalScroll`
//! does: only drawing knows how many rows a pane shows and how many its
//! content has (the text's lines depend on the pane's width), so the
//! renderer writes them here (interior mutability: drawing takes `&App`
//! and changes nothing else). The state reads them to bound scrolling
//! and to hit-test clicks; the pane's border shows them (`3/17`).

use std::cell::Cell;

use super::layout::Focus;

/// What one pane showed in the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extent {
    /// The first row shown.
    pub top: usize,
    /// Rows on screen.
    pub height: usize,
    /// Rows the content has.
    pub total: usize,
}

impl Extent {
    /// The furthest the content can scroll.
    pub fn max_top(&self) -> usize {
        self.total.saturating_sub(self.height)
    }

    /// Whether some of the content is off screen.
    pub fn overflows(&self) -> bool {
        self.total > self.height
    }

    /// Where the view is, for the pane's border, when the content does
    /// not fit: the selected entry of a list (`3/17`), or the rows of a
    /// text on screen (`1-8/20`). `None` when everything is shown.
    pub fn label(&self, selected: Option<usize>) -> Option<String> {
        if !self.overflows() {
            return None;
        }
        Some(match selected {
            Some(i) => format!("{}/{}", i + 1, self.total),
            None => format!(
                "{}-{}/{}",
                self.top + 1,
                (self.top + self.height).min(self.total),
                self.total
            ),
        })
    }
}

/// The extents of every pane in the last frame.
#[derive(Debug, Default)]
pub struct Drawn {
    panes: [Cell<Option<Extent>>; Focus::COUNT],
}

impl Drawn {
    /// Called while drawing `pane`.
    pub fn record(&self, pane: Focus, e: Extent) {
        self.panes[pane.index()].set(Some(e));
    }

    /// What `pane` showed when last drawn (`None`: not drawn since the
    /// selection changed).
    pub fn get(&self, pane: Focus) -> Option<Extent> {
        self.panes[pane.index()].get()
    }

    /// Forgets the right-hand panes (their content changed).
    pub fn forget_panes(&self) {
        for p in &self.panes[1..] {
            p.set(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_only_when_the_content_overflows() {
        let fits = Extent {
            top: 0,
            height: 5,
            total: 5,
        };
        assert_eq!(fits.label(Some(2)), None);
        let list = Extent {
            top: 4,
            height: 3,
            total: 17,
        };
        assert_eq!(list.label(Some(2)).as_deref(), Some("3/17"));
        assert_eq!(list.label(None).as_deref(), Some("5-7/17"));
        assert_eq!(list.max_top(), 14);
        let end = Extent {
            top: 14,
            height: 8,
            total: 20,
        };
        assert_eq!(end.label(None).as_deref(), Some("15-20/20"));
    }

    #[test]
    fn records_per_pane_and_forgets_the_right_hand_ones() {
        let d = Drawn::default();
        let e = Extent {
            top: 1,
            height: 2,
            total: 3,
        };
        d.record(Focus::Tree, e);
        d.record(Focus::Detail, e);
        assert_eq!(d.get(Focus::Detail), Some(e));
        d.forget_panes();
        assert_eq!(d.get(Focus::Detail), None);
        assert_eq!(d.get(Focus::Tree), Some(e));
    }
}
