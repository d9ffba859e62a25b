//! The comparison view: two related tasks side by side (stacked when the
//! terminal is narrow), each with its document, goal and leads, the terms
//! they share highlighted in both texts.

use super::detail::styled_wrap;
use super::*;
use crate::model::OverlapKind;
use crate::tui::state::{Compare, task_label};

/// Below this inner width the two texts are stacked instead of set in
/// two columns (each column then has at least 39 cells).
pub const COLUMNS_MIN_WIDTH: u16 = 80;

/// What goes where: the fixed lines on top (score, kind, shared terms)
/// and the scrolling panes with their lines.
struct Plan {
    head: Rect,
    head_lines: Vec<Line<'static>>,
    panes: Vec<(Rect, Vec<Line<'static>>)>,
    /// Column separator in the two-column layout.
    divider: Option<Rect>,
}

fn kind_label(app: &App, k: OverlapKind) -> &'static str {
    let s = app.lang.s();
    match k {
        OverlapKind::SameProject => s.kind_project,
        OverlapKind::SamePlace => s.kind_place,
        OverlapKind::SimilarWording => s.kind_wording,
    }
}

/// The view's outer rectangle and its inside.
fn frame_of(app: &App) -> (Rect, Rect) {
    let r = app.areas().body();
    (r, inner(r))
}

fn head_lines(app: &App, cmp: &Compare, w: usize) -> Vec<Line<'static>> {
    let s = app.lang.s();
    let ov = &app.cat.data.overlaps[cmp.overlap];
    let mut first = format!("{} {:.2} · {}", s.score, ov.score, kind_label(app, ov.kind));
    if ov.nested_jurisdictions {
        first.push_str(&format!(" · {}", s.nested));
    }
    let mut lines: Vec<Line> = text::wrap(&first, w)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, app.theme.title)))
        .collect();
    // "共同词语: 深茂铁路、滨海旅游", the terms in the highlight style.
    let label = format!("{}: ", s.shared_terms);
    let mut joined = label.clone();
    let mut ranges = Vec::new();
    for (i, t) in ov.shared.iter().enumerate() {
        if i > 0 {
            joined.push('、');
        }
        let start = joined.chars().count();
        joined.push_str(&t.term);
        ranges.push((start, joined.chars().count()));
    }
    if ov.shared.is_empty() {
        joined.push_str(s.none);
    }
    lines.extend(styled_wrap(&joined, w, &[(ranges, app.theme.shared)]));
    lines
}

/// One task's side: a rule with its label, title, document, goal, leads,
/// then its text with `ranges` highlighted.
fn side_lines(
    app: &App,
    label: &str,
    t: usize,
    ranges: Vec<(usize, usize)>,
    w: usize,
) -> Vec<Line<'static>> {
    let s = app.lang.s();
    let c = &app.cat;
    let task = c.task(t);
    let w = w.max(2);
    let rule = format!(
        "{label} {}",
        "─".repeat(w.saturating_sub(text::width(label) + 1))
    );
    let mut lines = vec![Line::from(Span::styled(
        text::truncate_to_width(&rule, w).to_owned(),
        app.theme.key,
    ))];
    for l in text::wrap(&task_label(app, t), w) {
        lines.push(Line::from(Span::styled(l, app.theme.title)));
    }
    let doc = c
        .data
        .documents
        .get(c.task_doc[t] as usize)
        .map_or_else(String::new, |d| d.title.clone());
    let goal = c
        .data
        .goals
        .get(c.task_goal[t] as usize)
        .map_or_else(String::new, |g| g.title.clone());
    let leads: Vec<&str> = task.leads.iter().map(|u| u.written.as_str()).collect();
    let leads = if leads.is_empty() {
        s.no_lead.to_owned()
    } else {
        leads.join("、")
    };
    for (k, v, st) in [
        (s.doc, doc, app.theme.dim),
        (s.goal, goal, app.theme.dim),
        (s.leads, leads, app.theme.lead),
    ] {
        for part in text::wrap(&format!("{k}: {v}"), w) {
            lines.push(Line::from(Span::styled(part, st)));
        }
    }
    lines.push(Line::from(""));
    lines.extend(styled_wrap(&task.text, w, &[(ranges, app.theme.shared)]));
    lines
}

fn plan(app: &App, cmp: &Compare, body: Rect) -> Plan {
    let s = app.lang.s();
    let w = body.width as usize;
    let head_lines = head_lines(app, cmp, w.max(2));
    // At most half the view, so the texts always have room (a pair with
    // dozens of shared terms shows the first ones).
    let head_h = (head_lines.len() as u16).min(body.height / 2);
    let head = Rect::new(body.x, body.y, body.width, head_h);
    let rest = Rect::new(
        body.x,
        body.y + head_h,
        body.width,
        body.height.saturating_sub(head_h),
    );
    let (mine, other) = cmp.ranges(app);
    if body.width >= COLUMNS_MIN_WIDTH {
        let left_w = (body.width - 1) / 2;
        let right_w = body.width - 1 - left_w;
        let lr = Rect::new(rest.x, rest.y, left_w, rest.height);
        let div = Rect::new(rest.x + left_w, rest.y, 1, rest.height);
        let rr = Rect::new(rest.x + left_w + 1, rest.y, right_w, rest.height);
        Plan {
            head,
            head_lines,
            panes: vec![
                (
                    lr,
                    side_lines(app, s.this_task, cmp.task, mine, left_w as usize),
                ),
                (
                    rr,
                    side_lines(app, s.related_task, cmp.other, other, right_w as usize),
                ),
            ],
            divider: Some(div),
        }
    } else {
        let mut lines = side_lines(app, s.this_task, cmp.task, mine, w);
        lines.push(Line::from(""));
        lines.extend(side_lines(app, s.related_task, cmp.other, other, w));
        Plan {
            head,
            head_lines,
            panes: vec![(rest, lines)],
            divider: None,
        }
    }
}

/// How far the view can scroll: until the longest pane's end is shown.
pub fn compare_max_scroll(app: &App, cmp: &Compare) -> usize {
    let (_, body) = frame_of(app);
    plan(app, cmp, body)
        .panes
        .iter()
        .map(|(r, l)| l.len().saturating_sub(r.height as usize))
        .max()
        .unwrap_or(0)
}

/// Rows of one page of the scrolling panes.
pub fn compare_page(app: &App, cmp: &Compare) -> usize {
    let (_, body) = frame_of(app);
    plan(app, cmp, body)
        .panes
        .first()
        .map_or(1, |(r, _)| r.height as usize)
}

pub(super) fn compare(app: &App, f: &mut Frame, cmp: &Compare) {
    let s = app.lang.s();
    let (r, body) = frame_of(app);
    f.render_widget(Clear, r);
    f.render_widget(block(app, s.compare.to_owned(), true), r);
    let p = plan(app, cmp, body);
    f.render_widget(Paragraph::new(p.head_lines), p.head);
    for (pr, lines) in p.panes {
        let max = lines.len().saturating_sub(pr.height as usize);
        let scroll = cmp.scroll.min(max) as u16;
        f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), pr);
    }
    if let Some(d) = p.divider {
        let lines: Vec<Line> = (0..d.height)
            .map(|_| Line::from(Span::styled("│", app.theme.border)))
            .collect();
        f.render_widget(Paragraph::new(lines), d);
    }
}
