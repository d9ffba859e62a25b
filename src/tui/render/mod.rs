//! Drawing: a pure function of [`App`]. Nothing here changes state; the
//! rectangles come from [`layout::areas`], shared with mouse handling.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::finder::FinderHit;
use super::input::TextInput;
use super::layout::{self, Areas, inner};
use super::state::{App, DutyRow, Entry, Focus, Overlay, Screen, Summary, doc_tag, task_label};
use super::tree::NodeKey;
use crate::export::{Format, count_roles, lead_mode_key, lead_mode_label};
use crate::query::{Involvement, Role, find_char_ranges};
use crate::text;

mod compare;
mod detail;
mod dialogs;
mod lists;

pub use compare::{compare_max_scroll, compare_page};
pub use detail::detail_lines;
use detail::{entry_pane, summary_pane, task_pane};
use dialogs::overlay;
use lists::{duty, tree};

pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    let areas = layout::areas(app, area);
    if areas.too_small {
        return too_small(app, f, area);
    }
    title_bar(app, f, areas.title);
    match &app.screen {
        Screen::Browse => tree(app, f, areas.left),
        Screen::Duty(_) => duty(app, f, &areas),
    }
    for &(focus, r) in &areas.right {
        match focus {
            Focus::Detail => match app.selected_task() {
                Some(t) => task_pane(app, f, r, t),
                None => summary_pane(app, f, r),
            },
            Focus::Leads => entry_pane(app, f, r, Focus::Leads),
            Focus::Partners => entry_pane(app, f, r, Focus::Partners),
            Focus::Overlaps => entry_pane(app, f, r, Focus::Overlaps),
            Focus::Tree => {}
        }
    }
    status_bar(app, f, areas.status);
    overlay(app, f, &areas, area);
}

fn too_small(app: &App, f: &mut Frame, area: Rect) {
    let msg = app.lang.s().too_small;
    let block = Block::bordered().border_style(app.theme.border);
    let inner_w = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = text::wrap(msg, inner_w.max(2))
        .into_iter()
        .map(Line::from)
        .collect();
    let h = (lines.len() as u16 + 2).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    let r = Rect::new(area.x, y, area.width, h);
    f.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .block(block),
        r,
    );
}

fn block<'a>(app: &App, title: String, focused: bool) -> Block<'a> {
    let t = &app.theme;
    Block::bordered()
        .border_style(if focused { t.border_focused } else { t.border })
        .title(Span::styled(
            format!(" {title} "),
            if focused { t.title } else { Style::new() },
        ))
}

fn title_bar(app: &App, f: &mut Frame, r: Rect) {
    let d = &app.cat.data;
    let s = app.lang.s();
    let text = format!(
        " {} · {} · {} {} · {} {} ",
        s.app,
        app.origin,
        d.documents.len(),
        s.docs,
        d.tasks.len(),
        s.tasks
    );
    let line = Line::from(Span::styled(
        text::truncate_to_width(&text, r.width as usize).to_owned(),
        app.theme.title,
    ));
    f.render_widget(Paragraph::new(line), r);
}

/// Spans of `s` with `ranges` (char ranges) in `hl` and the rest in `base`.
fn highlighted(s: &str, ranges: &[(usize, usize)], base: Style, hl: Style) -> Vec<Span<'static>> {
    if ranges.is_empty() {
        return vec![Span::styled(s.to_owned(), base)];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_hl = false;
    for (i, c) in s.chars().enumerate() {
        let h = ranges.iter().any(|&(a, b)| i >= a && i < b);
        if h != cur_hl && !cur.is_empty() {
            out.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hl { hl } else { base },
            ));
        }
        cur_hl = h;
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(Span::styled(cur, if cur_hl { hl } else { base }));
    }
    out
}

/// A row with `label` on the left (truncated by width) and `right`
/// right-aligned, exactly `width` columns wide.
fn row_line(
    prefix: &str,
    label: &str,
    query: Option<&str>,
    right: &str,
    width: usize,
    base: Style,
    app: &App,
) -> Line<'static> {
    let prefix_w = text::width(prefix);
    // The label matters more: the right-hand text gets what the label does
    // not need, but at least half the row.
    let label_need = prefix_w + text::width(label) + 1;
    let right = text::truncate_to_width(right, width.saturating_sub(label_need).max(width / 2));
    let right_w = text::width(right);
    let room = width.saturating_sub(prefix_w + right_w + if right_w > 0 { 1 } else { 0 });
    let shown = text::truncate_to_width(label, room);
    let ranges = query.map_or_else(Vec::new, |q| find_char_ranges(shown, q));
    let mut spans = vec![Span::styled(prefix.to_owned(), base)];
    spans.extend(highlighted(shown, &ranges, base, app.theme.search));
    let used = prefix_w + text::width(shown);
    let pad = width.saturating_sub(used + right_w);
    if right_w > 0 && used + right_w < width + 1 {
        spans.push(Span::styled(" ".repeat(pad), base));
        spans.push(Span::styled(right.to_owned(), base.patch(app.theme.count)));
    }
    Line::from(spans)
}

fn search_query(app: &App) -> Option<&str> {
    app.search.as_ref().map(|s| s.query.as_str())
}

fn node_label(app: &App, key: NodeKey) -> String {
    let d = &app.cat.data;
    match key {
        NodeKey::Region(r) => d.regions[r as usize].name.clone(),
        NodeKey::Doc(x) => {
            let doc = &d.documents[x as usize];
            format!("[{}] {}", doc_tag(&doc.id.0), doc.title)
        }
        NodeKey::Goal(g) => {
            let goal = &d.goals[g as usize];
            match app.grouping {
                crate::tui::tree::Grouping::Region => {
                    format!("[{}] {}", doc_tag(&goal.doc.0), goal.title)
                }
                crate::tui::tree::Grouping::Document => goal.title.clone(),
            }
        }
        NodeKey::Task(t) => {
            let task = &d.tasks[t as usize];
            match &task.number {
                Some(n) => format!("{n} {}", task.title),
                None => task.title.clone(),
            }
        }
    }
}

fn role_label(app: &App, i: Involvement) -> &'static str {
    let s = app.lang.s();
    match i {
        Involvement::Lead => s.role_lead,
        Involvement::Partner => s.role_partner,
        Involvement::Responsible => s.role_responsible,
        Involvement::Mentioned => s.role_mentioned,
    }
}

fn filter_summary(app: &App) -> String {
    let s = app.lang.s();
    let f = &app.filters;
    let c = &app.cat;
    let mut parts = Vec::new();
    if let Some(d) = &f.doc {
        parts.push(format!("{}={}", s.doc, doc_tag(d)));
    }
    if let Some(r) = &f.region {
        let name = c
            .index
            .regions
            .get(&crate::model::RegionId(r.clone()))
            .map_or(r.as_str(), |&p| c.data.regions[p].name.as_str());
        parts.push(format!("{}={name}", s.region));
    }
    if let Some(u) = &f.unit {
        parts.push(format!("{}={u}", s.unit));
    }
    if f.role != Role::Any {
        parts.push(format!("{}={}", s.role, role_name(app, f.role)));
    }
    if let Some(t) = &f.text {
        parts.push(format!("{}={t}", s.text));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}: {} · ", s.filters, parts.join(" "))
    }
}

fn role_name(app: &App, r: Role) -> &'static str {
    let s = app.lang.s();
    match r {
        Role::Any => s.role_any,
        Role::Lead => s.role_lead,
        Role::Partner => s.role_partner,
    }
}

fn status_bar(app: &App, f: &mut Frame, r: Rect) {
    let s = app.lang.s();
    let w = r.width as usize;
    let first = match &app.status {
        Some(st) => Line::from(Span::styled(
            text::truncate_to_width(&st.text, w).to_owned(),
            if st.error {
                app.theme.error
            } else {
                app.theme.ok
            },
        )),
        None => {
            let l = format!(
                "{}{}{} {}",
                if app.busy() { s.working } else { "" },
                filter_summary(app),
                s.shown,
                app.shown_hits().len()
            );
            Line::from(text::truncate_to_width(&l, w).to_owned())
        }
    };
    let hints = match (&app.screen, app.focus) {
        _ if matches!(app.overlay, Some(Overlay::Compare(_))) => s.hints_compare,
        (_, Focus::Overlaps) => s.hints_overlaps,
        (_, f) if f != Focus::Tree => s.hints_pane,
        (Screen::Duty(_), _) => s.hints_duty,
        _ => s.hints_tree,
    };
    let second = Line::from(Span::styled(
        text::truncate_to_width(hints, w).to_owned(),
        app.theme.key,
    ));
    f.render_widget(Paragraph::new(vec![first, second]), r);
}
