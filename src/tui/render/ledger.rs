//! The 台账's screens: the deadline view (a header block and the list on
//! the left; the task panes on the right are the usual ones) and the
//! responsibility matrix over the whole body. Lines come from
//! [`deadlines`](crate::tui::view::deadlines) and
//! [`heatmap`](crate::tui::view::heatmap).

use ratatui::Frame;
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::layout::{Areas, Focus, inner};
use crate::tui::state::App;
use crate::tui::state::Screen;
use crate::tui::state::ledger::LedgerScreen;
use crate::tui::view::deadlines::{due_header, due_rows, due_title};
use crate::tui::view::heatmap::heat_lines;
use crate::tui::widgets::block;

/// The status bar's first line on the matrix: its totals (instead of the
/// tree's filters, which the matrix does not follow).
pub(super) fn status_line(app: &App) -> Option<String> {
    let Screen::Ledger(LedgerScreen::Matrix(m)) = &app.screen else {
        return None;
    };
    let s = app.lang.s();
    let t = m.matrix.total;
    Some(format!(
        "{} · {} {} · {} {}",
        s.matrix, s.role_lead, t.lead, s.role_partner, t.partner
    ))
}

/// Whether the screen takes the whole body (no panes on the right).
pub(super) fn covers_body(app: &App) -> bool {
    matches!(app.screen, Screen::Ledger(LedgerScreen::Matrix(_)))
}

pub(super) fn screen(app: &App, l: &LedgerScreen, f: &mut Frame, areas: &Areas) {
    let s = app.lang.s();
    let ctx = app.ctx();
    let theme = &app.theme;
    match l {
        LedgerScreen::Due(d) => {
            if let Some(hr) = areas.duty_header {
                let lines = due_header(&ctx, d, inner(hr).width as usize);
                f.render_widget(
                    Paragraph::new(lines).block(block(theme, due_title(&ctx, d), false)),
                    hr,
                );
            }
            let r = areas.left;
            let focused = app.focus == Focus::Tree;
            f.render_widget(block(theme, s.tasks.to_owned(), focused), r);
            let body = inner(r);
            let lines = due_rows(&ctx, d, body.width as usize, body.height as usize);
            f.render_widget(Paragraph::new(lines), body);
        }
        LedgerScreen::Matrix(m) => {
            let body = areas.body();
            f.render_widget(Clear, body);
            f.render_widget(block(theme, s.matrix.to_owned(), true), body);
            let r = inner(body);
            let lines = heat_lines(&ctx, m, r.width as usize, r.height as usize);
            f.render_widget(Paragraph::new(lines), r);
        }
    }
}
