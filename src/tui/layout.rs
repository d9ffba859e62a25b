//! Where everything goes on screen: a pure function of a small
//! description of the screen ([`Screen`]: duty view or not, how many
//! entries each pane lists) and the terminal size. Drawing and mouse
//! handling use the same rectangles.

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
    let left_pct = if area.width >= 100 { 45 } else { 50 };
    let [mut left, right] =
        Layout::horizontal([Constraint::Percentage(left_pct), Constraint::Min(1)]).areas(body);
    let mut duty_header = None;
    if screen.duty {
        let [h, l] =
            Layout::vertical([Constraint::Length(DUTY_HEADER), Constraint::Min(3)]).areas(left);
        duty_header = Some(h);
        left = l;
    }
    let right = match screen.task {
        Some(n) => {
            // Lists take what they need up to a cap; the task text gets the rest.
            let fit = |n: usize, cap: usize| Constraint::Length(n.clamp(1, cap) as u16 + 2);
            let rs = Layout::vertical([
                Constraint::Min(5),
                fit(n.leads, 5),
                fit(n.partners, 7),
                fit(n.related, 4),
            ])
            .split(right);
            vec![
                (Focus::Detail, rs[0]),
                (Focus::Leads, rs[1]),
                (Focus::Partners, rs[2]),
                (Focus::Overlaps, rs[3]),
            ]
        }
        None => vec![(Focus::Detail, right)],
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
