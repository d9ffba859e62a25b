//! The right-hand panes: task text with highlighted units, the summary of
//! a region or goal, and the lead, partner and related-task lists.

use super::*;

/// Char ranges where any of `names` occurs in `text`.
fn name_ranges<'a>(text: &str, names: impl Iterator<Item = &'a str>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for n in names {
        if !n.is_empty() {
            out.extend(find_char_ranges(text, n));
        }
    }
    out
}

/// Wraps `s` by display width, styling each char by the first matching
/// range list (leads before partners before search hits).
pub(super) fn styled_wrap(
    s: &str,
    width: usize,
    layers: &[(Vec<(usize, usize)>, Style)],
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for para in s.split('\n') {
        for l in text::wrap(para, width) {
            let n = l.chars().count();
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut cur = String::new();
            let mut cur_style = Style::new();
            for (i, c) in l.chars().enumerate() {
                let at = offset + i;
                let st = layers
                    .iter()
                    .rev()
                    .find(|(rs, _)| rs.iter().any(|&(a, b)| at >= a && at < b))
                    .map_or(Style::new(), |(_, st)| *st);
                if st != cur_style && !cur.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut cur), cur_style));
                }
                cur_style = st;
                cur.push(c);
            }
            if !cur.is_empty() {
                spans.push(Span::styled(cur, cur_style));
            }
            lines.push(Line::from(spans));
            offset += n;
        }
        offset += 1;
    }
    lines
}

pub(super) fn task_pane(app: &App, f: &mut Frame, r: Rect, t: usize) {
    let focused = app.focus == Focus::Detail;
    let body = inner(r);
    let lines = task_lines(app, t, body.width as usize);
    let max_scroll = lines.len().saturating_sub(body.height as usize);
    let scroll = app.pane_pos[Focus::Detail.slot()].min(max_scroll);
    f.render_widget(block(app, app.lang.s().task.to_owned(), focused), r);
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), body);
}

/// The lines of the detail pane at `width` (task text or summary); `update`
/// uses their number to bound scrolling.
pub fn detail_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    match app.selected_task() {
        Some(t) => task_lines(app, t, width),
        None => summary_lines(app, width),
    }
}

fn task_lines(app: &App, t: usize, width: usize) -> Vec<Line<'static>> {
    let s = app.lang.s();
    let c = &app.cat;
    let task = c.task(t);
    let w = width.max(2);
    let mut lines: Vec<Line> = Vec::new();
    let title = match &task.number {
        Some(n) => format!("{n} {}", task.title),
        None => task.title.clone(),
    };
    for l in text::wrap(&title, w) {
        lines.push(Line::from(Span::styled(l, app.theme.title)));
    }
    if let Some(h) = app.selected_duty_hit()
        && let Some(i) = h.involvement
    {
        lines.push(Line::from(Span::styled(
            format!("[{}]", role_label(app, i)),
            app.theme.lead,
        )));
    }
    lines.push(Line::from(""));
    let partners = name_ranges(&task.text, task.partners.iter().map(|u| u.written.as_str()));
    let leads = name_ranges(&task.text, task.leads.iter().map(|u| u.written.as_str()));
    let search = search_query(app).map_or_else(Vec::new, |q| find_char_ranges(&task.text, q));
    lines.extend(styled_wrap(
        &task.text,
        w,
        &[
            (partners, app.theme.partner),
            (leads, app.theme.lead),
            (search, app.theme.search),
        ],
    ));
    lines.push(Line::from(""));
    let doc = c.data.documents.get(c.task_doc[t] as usize);
    let goal = c.data.goals.get(c.task_goal[t] as usize);
    let region = c.data.regions.get(c.task_region[t] as usize);
    let mut meta = vec![
        (
            s.doc,
            doc.map_or_else(String::new, |d| {
                format!("[{}] {}", doc_tag(&d.id.0), d.title)
            }),
        ),
        (s.goal, goal.map_or_else(String::new, |g| g.title.clone())),
        (
            s.region,
            region.map_or_else(String::new, |r| r.name.clone()),
        ),
        (
            s.source,
            format!(
                "{}:{}",
                doc.map_or("", |d| d.source.as_str()),
                task.source.line
            ),
        ),
        (s.lead_mode, mode_label(app, lead_mode_key(task.lead_mode))),
    ];
    if let Some(dl) = &task.deadline {
        meta.push((s.deadline, dl.clone()));
    }
    for (k, v) in meta {
        let l = format!("{k}: {v}");
        for part in text::wrap(&l, w) {
            lines.push(Line::from(Span::styled(part, app.theme.dim)));
        }
    }
    lines
}

fn mode_label(app: &App, key: &str) -> String {
    match app.lang {
        crate::tui::i18n::Lang::Zh => lead_mode_label(key).to_owned(),
        crate::tui::i18n::Lang::En => key.to_owned(),
    }
}

pub(super) fn summary_pane(app: &App, f: &mut Frame, r: Rect) {
    let focused = app.focus == Focus::Detail;
    let body = inner(r);
    let lines = summary_lines(app, body.width as usize);
    let max_scroll = lines.len().saturating_sub(body.height as usize);
    let scroll = app.pane_pos[Focus::Detail.slot()].min(max_scroll);
    f.render_widget(block(app, app.lang.s().summary.to_owned(), focused), r);
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), body);
}

fn summary_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let s = app.lang.s();
    let c = &app.cat;
    let title = match &app.screen {
        Screen::Browse => app
            .selected_node()
            .map(|n| node_label(app, app.tree.node(n).key))
            .unwrap_or_default(),
        Screen::Duty(d) => match d.rows.get(d.cursor) {
            Some(DutyRow::Doc(x, _)) => c
                .data
                .documents
                .get(*x as usize)
                .map_or_else(String::new, |d| d.title.clone()),
            Some(DutyRow::Goal(g, _)) => c
                .data
                .goals
                .get(*g as usize)
                .map_or_else(String::new, |g| g.title.clone()),
            Some(DutyRow::Handoffs(n)) => format!("{} ({n}): {}", s.handoffs, s.handoffs_note),
            _ => String::new(),
        },
    };
    let empty = Summary::default();
    let sum = app.summary.as_ref().unwrap_or(&empty);
    let mut lines: Vec<Line> = text::wrap(&title, w.max(2))
        .into_iter()
        .map(|l| Line::from(Span::styled(l, app.theme.title)))
        .collect();
    lines.push(Line::from(format!(
        "{} {} · {} {}",
        s.tasks, sum.tasks, s.unled, sum.unled
    )));
    lines.push(Line::from(""));
    if !sum.leads.is_empty() {
        lines.push(Line::from(Span::styled(s.top_leads, app.theme.title)));
        for &(u, n) in &sum.leads {
            let name = &c.data.units[u].name;
            lines.push(row_line(
                "  ",
                name,
                None,
                &n.to_string(),
                w,
                app.theme.lead,
                app,
            ));
        }
        lines.push(Line::from(""));
    }
    if sum.unled > 0 {
        lines.push(Line::from(Span::styled(s.unled_tasks, app.theme.title)));
        for &t in &sum.unled_tasks {
            let task = c.task(t as usize);
            lines.push(row_line("  ", &task.title, None, "", w, Style::new(), app));
        }
    }
    lines
}

pub(super) fn entry_pane(app: &App, f: &mut Frame, r: Rect, which: Focus) {
    let s = app.lang.s();
    let focused = app.focus == which;
    let (title, entries, style) = match which {
        Focus::Leads => (s.leads, app.lead_entries(), app.theme.lead),
        Focus::Partners => (s.partners, app.partner_entries(), app.theme.partner),
        _ => (s.overlaps, app.overlap_entries(), Style::new()),
    };
    let body = inner(r);
    let w = body.width as usize;
    f.render_widget(
        block(
            app,
            format!(
                "{title} ({})",
                entries.iter().filter(|e| e.depth == 0).count()
            ),
            focused,
        ),
        r,
    );
    if entries.is_empty() {
        let msg = match which {
            Focus::Leads => s.no_lead,
            Focus::Overlaps if app.cat.data.overlaps.is_empty() => s.no_overlaps,
            _ => s.none,
        };
        f.render_widget(Paragraph::new(Span::styled(msg, app.theme.dim)), body);
        return;
    }
    let sel = app.pane_pos[which.slot()].min(entries.len() - 1);
    let h = body.height as usize;
    let skip = (sel + 1).saturating_sub(h);
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(skip)
        .take(h)
        .map(|(i, e): (usize, &Entry)| {
            let base = if focused && i == sel {
                app.theme.selected
            } else if e.depth == 0 {
                style
            } else {
                Style::new()
            };
            let prefix = if e.depth == 0 { "" } else { "  └ " };
            row_line(prefix, &e.text, None, &e.note, w, base, app)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}
