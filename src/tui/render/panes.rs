//! The panes: the tree or duty list on the left, the task text or summary
//! and the lead, partner and related-task lists on the right. Each is a
//! titled block around lines the view layer made.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::layout::{Areas, Focus, inner};
use crate::tui::state::App;
use crate::tui::view::duty::Duty;
use crate::tui::view::rows::{duty_header, duty_rows, tree_rows};
use crate::tui::view::text::row_line;
use crate::tui::view::tree::Grouping;
use crate::tui::widgets::block;

pub(super) fn tree(app: &App, f: &mut Frame, r: Rect) {
    let s = app.lang.s();
    let title = match app.grouping {
        Grouping::Region => s.tree,
        Grouping::Document => s.tree_by_doc,
    };
    let focused = app.focus == Focus::Tree;
    let b = block(
        &app.theme,
        format!("{title} ({}/{})", s.tasks, s.no_lead),
        focused,
    );
    let body = inner(r);
    f.render_widget(b, r);
    if app.browse.rows().is_empty() {
        f.render_widget(Paragraph::new(s.empty), body);
        return;
    }
    let lines = tree_rows(
        &app.ctx(),
        &app.browse,
        app.grouping,
        app.search_query(),
        body.width as usize,
        body.height as usize,
    );
    f.render_widget(Paragraph::new(lines), body);
}

pub(super) fn duty(app: &App, d: &Duty, f: &mut Frame, areas: &Areas) {
    let s = app.lang.s();
    let ctx = app.ctx();
    if let Some(hr) = areas.duty_header {
        let title = format!("{} · {}", s.duties, app.cat.unit(d.unit).name);
        let lines = duty_header(&ctx, d, inner(hr).width as usize);
        f.render_widget(
            Paragraph::new(lines).block(block(&app.theme, title, false)),
            hr,
        );
    }
    let r = areas.left;
    let focused = app.focus == Focus::Tree;
    f.render_widget(block(&app.theme, s.duties.to_owned(), focused), r);
    let body = inner(r);
    if d.rows.is_empty() {
        f.render_widget(Paragraph::new(s.empty), body);
        return;
    }
    let lines = duty_rows(&ctx, d, body.width as usize, body.height as usize);
    f.render_widget(Paragraph::new(lines), body);
}

/// The task text, or the summary when no task is selected.
pub(super) fn detail(app: &App, f: &mut Frame, r: Rect) {
    let s = app.lang.s();
    let focused = app.focus == Focus::Detail;
    let body = inner(r);
    let lines = app.detail_window(body.width as usize, body.height as usize);
    let title = if app.selected_task().is_some() {
        s.task
    } else {
        s.summary
    };
    f.render_widget(block(&app.theme, title.to_owned(), focused), r);
    f.render_widget(Paragraph::new(lines), body);
}

pub(super) fn entries(app: &App, f: &mut Frame, r: Rect, which: Focus) {
    let s = app.lang.s();
    let theme = &app.theme;
    let focused = app.focus == which;
    let entries = app.panes().entries(which);
    let (title, style) = match which {
        Focus::Leads => (s.leads, theme.lead),
        Focus::Partners => (s.partners, theme.partner),
        _ => (s.overlaps, Style::new()),
    };
    let body = inner(r);
    let w = body.width as usize;
    let top = entries.iter().filter(|e| e.depth == 0).count();
    f.render_widget(block(theme, format!("{title} ({top})"), focused), r);
    if entries.is_empty() {
        let msg = match which {
            Focus::Leads => s.no_lead,
            Focus::Overlaps if app.cat.overlaps().is_empty() => s.no_overlaps,
            _ => s.none,
        };
        f.render_widget(Paragraph::new(Span::styled(msg, theme.dim)), body);
        return;
    }
    let sel = app.pane_pos(which).min(entries.len() - 1);
    let h = body.height as usize;
    let skip = (sel + 1).saturating_sub(h);
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(skip)
        .take(h)
        .map(|(i, e)| {
            let base = if focused && i == sel {
                theme.selected
            } else if e.depth == 0 {
                style
            } else {
                Style::new()
            };
            let prefix = if e.depth == 0 { "" } else { "  └ " };
            row_line(prefix, &e.text, None, &e.note, w, base, theme)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}
