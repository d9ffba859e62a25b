//! The panes: the tree or duty list on the left, the task text or summary
//! and the lead, partner and related-task lists on the right. Each is a
//! titled block around lines the view layer made; each records what it
//! showed ([`Drawn`](crate::tui::scroll::Drawn)) and, when its content
//! does not fit, says where the view is in its bottom border (`3/17`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::layout::{Areas, Focus, inner};
use crate::tui::scroll::Extent;
use crate::tui::state::App;
use crate::tui::view::duty::Duty;
use crate::tui::view::panes::{related_empty, related_title};
use crate::tui::view::rows::{duty_header, duty_rows, tree_rows};
use crate::tui::view::text::row_line;
use crate::tui::view::tree::Grouping;
use crate::tui::widgets::pane_block;

pub(super) fn tree(app: &App, f: &mut Frame, r: Rect) {
    let s = app.lang.s();
    let title = match app.grouping {
        Grouping::Region => s.tree,
        Grouping::Document => s.tree_by_doc,
    };
    let focused = app.focus == Focus::Tree;
    let body = inner(r);
    let model = &app.browse;
    let e = Extent {
        top: model.scroll(),
        height: body.height as usize,
        total: model.rows().len(),
    };
    app.drawn.record(Focus::Tree, e);
    // The counts on the rows are explained at the foot of the tree.
    let position = e.label(Some(model.cursor()));
    let b = pane_block(&app.theme, title, focused, r, Some(s.tree_legend), position);
    f.render_widget(b, r);
    if model.rows().is_empty() {
        f.render_widget(Paragraph::new(s.empty), body);
        return;
    }
    let lines = tree_rows(
        &app.ctx(),
        model,
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
        let b = pane_block(&app.theme, &title, false, hr, None, None);
        f.render_widget(Paragraph::new(lines).block(b), hr);
    }
    let r = areas.left;
    let focused = app.focus == Focus::Tree;
    let body = inner(r);
    let e = Extent {
        top: d.scroll,
        height: body.height as usize,
        total: d.rows.len(),
    };
    app.drawn.record(Focus::Tree, e);
    let position = e.label(Some(d.cursor));
    f.render_widget(
        pane_block(&app.theme, s.duties, focused, r, None, position),
        r,
    );
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
    let lines = app.detail_lines(body.width as usize);
    let max_scroll = lines.len().saturating_sub(body.height as usize);
    let scroll = app.pane_pos(Focus::Detail).min(max_scroll);
    let e = Extent {
        top: scroll,
        height: body.height as usize,
        total: lines.len(),
    };
    app.drawn.record(Focus::Detail, e);
    let title = if app.selected_task().is_some() {
        s.task
    } else {
        s.summary
    };
    f.render_widget(
        pane_block(&app.theme, title, focused, r, None, e.label(None)),
        r,
    );
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), body);
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
    let h = body.height as usize;
    let top = entries.iter().filter(|e| e.depth == 0).count();
    let title = match which {
        Focus::Overlaps => related_title(s, app.panes()),
        _ => format!("{title} ({top})"),
    };
    if entries.is_empty() {
        app.drawn.record(which, Extent::default());
        f.render_widget(pane_block(theme, &title, focused, r, None, None), r);
        let msg = match which {
            Focus::Leads => s.no_lead,
            Focus::Overlaps => related_empty(&app.cat, s, app.panes()),
            _ => s.none,
        };
        f.render_widget(Paragraph::new(Span::styled(msg, theme.dim)), body);
        return;
    }
    let sel = app.pane_pos(which).min(entries.len() - 1);
    let skip = (sel + 1).saturating_sub(h);
    let e = Extent {
        top: skip,
        height: h,
        total: entries.len(),
    };
    app.drawn.record(which, e);
    f.render_widget(
        pane_block(theme, &title, focused, r, None, e.label(Some(sel))),
        r,
    );
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
            let prefix = if e.depth == 0 {
                String::new()
            } else {
                format!("  {} ", theme.branch())
            };
            let room = w.saturating_sub(crate::text::width(&prefix));
            let (label, note) = e.shown(room);
            row_line(&prefix, &label, None, &note, w, base, theme)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}
