//! Where everything goes on screen: a pure function of a small
//! description of the screen ([`Screen`]: duty view or not, how many
//! entries each pane lists, which pane is zoomed) and the terminal size.
//! Drawing and mouse handling use the same rectangles.
//!
//! With a task selected, its text gets at least half of the right-hand
//! column and the lead, partner and related lists share the rest (one
//! entry each at least, what they list at most): on a short terminal the
//! lists scroll (their border says where) and the text stays readable.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the explorer shows "terminal too small" instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// Height of the duty view's header block (unit, counts, co-workers).
pub const DUTY_HEADER: u16 = 6;

/// The panes that take the keyboard, in Tab order. `Detail` is the task
/// text, or the summary when a goal or region is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    Tree,
    Detail,
    Leads,
    Partners,
    Overlaps,
}

impl Focus {
    /// How many panes there are.
    pub const COUNT: usize = 5;

    /// The pane's place in Tab order, for per-pane arrays (the tree first).
    pub fn index(self) -> usize {
        match self {
            Focus::Tree => 0,
            Focus::Detail => 1,
            Focus::Leads => 2,
            Focus::Partners => 3,
            Focus::Overlaps => 4,
        }
    }
}

/// How many entries the list panes of a selected task have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneSizes {
    pub leads: usize,
    pub partners: usize,
    pub related: usize,
}

/// What the layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    /// A unit's duty view (its header block above the list).
    pub duty: bool,
    /// A task is selected: its list panes, with their sizes.
    pub task: Option<PaneSizes>,
    /// The pane shown over the whole body (`z`), if any.
    pub zoom: Option<Focus>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Areas {
    pub too_small: bool,
    pub title: Rect,
    /// The tree (or duty list) block, borders included.
    pub left: Rect,
    /// The duty view's header block, when the duty view is shown.
    pub duty_header: Option<Rect>,
    /// The right-hand panes with their focus, top to bottom.
    pub right: Vec<(Focus, Rect)>,
    pub status: Rect,
}

impl Areas {
    /// The rows of the left list inside its borders.
    pub fn list_body(&self) -> Rect {
        inner(self.left)
    }

    /// Everything between the title bar and the status bar (where the
    /// comparison view goes).
    pub fn body(&self) -> Rect {
        Rect::new(
            self.title.x,
            self.title.bottom(),
            self.title.width,
            self.status.y.saturating_sub(self.title.bottom()),
        )
    }

    /// The inside of a right-hand pane.
    pub fn pane_body(&self, pane: Focus) -> Rect {
        self.right
            .iter()
            .find(|(f, _)| *f == pane)
            .map(|(_, r)| inner(*r))
            .unwrap_or_default()
    }
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1.min(r.width),
        r.y + 1.min(r.height),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// `body` cut into a head of `head_h` rows (at most half of it, so what
/// is below always has room) and the rest below it.
pub fn head_and_rest(body: Rect, head_h: u16) -> (Rect, Rect) {
    let head_h = head_h.min(body.height / 2);
    let head = Rect::new(body.x, body.y, body.width, head_h);
    let rest = Rect::new(
        body.x,
        body.y + head_h,
        body.width,
        body.height.saturating_sub(head_h),
    );
    (head, rest)
}

pub fn areas(screen: &Screen, area: Rect) -> Areas {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Default::default()
        };
    }
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let mut duty_header = None;
    let split = |mut left: Rect, duty_header: &mut Option<Rect>| {
        if screen.duty {
            let [h, l] =
                Layout::vertical([Constraint::Length(DUTY_HEADER), Constraint::Min(3)]).areas(left);
            *duty_header = Some(h);
            left = l;
        }
        left
    };
    let left_pct = if area.width >= 100 { 45 } else { 50 };
    let (left, right) = match screen.zoom {
        Some(Focus::Tree) => (split(body, &mut duty_header), Vec::new()),
        Some(f) => (Rect::default(), vec![(f, body)]),
        None => {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(left_pct), Constraint::Min(1)])
                    .areas(body);
            (
                split(left, &mut duty_header),
                right_column(screen.task, right),
            )
        }
    };
    Areas {
        too_small: false,
        title,
        left,
        duty_header,
        right,
        status,
    }
}

/// Most entries a list pane shows before it scrolls.
const LIST_CAPS: [usize; 3] = [5, 7, 4];

/// The right-hand column: the summary alone, or a task's text above its
/// lead, partner and related-task lists.
fn right_column(task: Option<PaneSizes>, r: Rect) -> Vec<(Focus, Rect)> {
    let Some(n) = task else {
        return vec![(Focus::Detail, r)];
    };
    let wants = [n.leads, n.partners, n.related];
    let rows = list_rows(r.height as usize, wants);
    let [text, leads, partners, related] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(rows[0] as u16 + 2),
        Constraint::Length(rows[1] as u16 + 2),
        Constraint::Length(rows[2] as u16 + 2),
    ])
    .areas(r);
    vec![
        (Focus::Detail, text),
        (Focus::Leads, leads),
        (Focus::Partners, partners),
        (Focus::Overlaps, related),
    ]
}

/// Rows inside the borders of the three lists in a column `height` high
/// whose lists have `wants` entries: one each at least; the text keeps
/// half the column (five rows at least); the rest goes one row at a time
/// to the lists that list more, up to what they list and their caps.
pub fn list_rows(height: usize, wants: [usize; 3]) -> [usize; 3] {
    let text = (height / 2).max(5);
    let mut budget = height.saturating_sub(text).saturating_sub(3 * 3);
    let want: Vec<usize> = wants
        .iter()
        .zip(LIST_CAPS)
        .map(|(&n, cap)| n.clamp(1, cap))
        .collect();
    let mut rows = [1; 3];
    while budget > 0 {
        let mut gave = false;
        for i in 0..3 {
            if budget > 0 && rows[i] < want[i] {
                rows[i] += 1;
                budget -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_shrink_so_the_task_text_keeps_half_the_column() {
        // 80×24: 21 rows; the text gets 10, the lists 11 between them.
        assert_eq!(list_rows(21, [1, 7, 3]), [1, 2, 2]);
        // 60×20: the lists show one entry each.
        assert_eq!(list_rows(17, [1, 7, 3]), [1, 1, 1]);
        // 120×40: everything the lists have, up to their caps.
        assert_eq!(list_rows(37, [1, 7, 3]), [1, 7, 3]);
        assert_eq!(list_rows(37, [9, 9, 9]), [5, 4, 4]);
    }

    #[test]
    fn zoom_gives_the_focused_pane_the_whole_body() {
        let area = Rect::new(0, 0, 80, 24);
        let task = Some(PaneSizes {
            leads: 1,
            partners: 3,
            related: 0,
        });
        let normal = areas(
            &Screen {
                duty: false,
                task,
                zoom: None,
            },
            area,
        );
        assert_eq!(normal.right.len(), 4);
        let text = normal.pane_body(Focus::Detail);
        assert!(text.height >= 8, "{text:?}");
        for f in [Focus::Tree, Focus::Detail, Focus::Partners] {
            let z = areas(
                &Screen {
                    duty: false,
                    task,
                    zoom: Some(f),
                },
                area,
            );
            let shown = if f == Focus::Tree {
                z.left
            } else {
                z.right[0].1
            };
            assert_eq!(shown, z.body(), "{f:?}");
            assert_eq!(z.right.len(), usize::from(f != Focus::Tree));
        }
    }
}
