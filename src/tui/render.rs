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
use super::state::{App, DutyRow, Entry, Focus, Overlay, Screen, Summary, doc_tag};
use super::tree::NodeKey;
use crate::export::{Format, count_roles, lead_mode_key, lead_mode_label};
use crate::query::{Involvement, Role, find_char_ranges};
use crate::text;

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
                super::tree::Grouping::Region => {
                    format!("[{}] {}", doc_tag(&goal.doc.0), goal.title)
                }
                super::tree::Grouping::Document => goal.title.clone(),
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

fn tree(app: &App, f: &mut Frame, r: Rect) {
    let s = app.lang.s();
    let title = match app.grouping {
        super::tree::Grouping::Region => s.tree,
        super::tree::Grouping::Document => s.tree_by_doc,
    };
    let focused = app.focus == Focus::Tree;
    let b = block(app, format!("{title} ({}/{})", s.tasks, s.no_lead), focused);
    let body = inner(r);
    f.render_widget(b, r);
    let width = body.width as usize;
    if app.rows.is_empty() {
        f.render_widget(Paragraph::new(s.empty), body);
        return;
    }
    let q = search_query(app);
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(app.scroll)
        .take(body.height as usize)
        .map(|(i, &n)| {
            let node = app.tree.node(n);
            let marker = if node.children.is_empty() {
                "  "
            } else if app.expanded.contains(&node.key) {
                "▾ "
            } else {
                "▸ "
            };
            let prefix = format!("{}{marker}", "  ".repeat(node.depth as usize));
            let right = match node.key {
                NodeKey::Task(_) if node.unled > 0 => s.no_lead.to_owned(),
                NodeKey::Task(_) => String::new(),
                _ => format!("{}/{}", node.tasks, node.unled),
            };
            let base = if i == app.cursor {
                app.theme.selected
            } else if matches!(node.key, NodeKey::Task(_)) {
                Style::new()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            let query = matches!(node.key, NodeKey::Task(_)).then_some(q).flatten();
            row_line(
                &prefix,
                &node_label(app, node.key),
                query,
                &right,
                width,
                base,
                app,
            )
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
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

fn duty(app: &App, f: &mut Frame, areas: &Areas) {
    let Screen::Duty(d) = &app.screen else {
        return;
    };
    let s = app.lang.s();
    let c = &app.cat;
    let unit = &c.data.units[d.unit];
    if let Some(hr) = areas.duty_header {
        let b = block(app, format!("{} · {}", s.duties, unit.name), false);
        let w = inner(hr).width as usize;
        let counts = count_roles(&d.hits);
        let via = d.hits.iter().filter(|h| h.via_group.is_some()).count();
        // Only the roles it has, so the line fits a narrow pane.
        let mut parts: Vec<String> = counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(i, n)| format!("{} {n}", role_label(app, *i)))
            .collect();
        if via > 0 {
            parts.push(format!("{} {via}", s.via_group));
        }
        let names: Vec<String> = unit.written.iter().chain(&unit.aliases).cloned().collect();
        let groups: Vec<String> = c.unit_groups[d.unit]
            .iter()
            .map(|&g| c.data.units[g as usize].name.clone())
            .collect();
        let coworkers: Vec<String> = d
            .coworkers
            .iter()
            .map(|&(u, n)| format!("{}({n})", c.data.units[u].name))
            .collect();
        let mut lines = vec![Line::from(Span::styled(
            text::truncate_to_width(
                &format!("{} {} · {}", d.hits.len(), s.tasks, parts.join(" · ")),
                w,
            )
            .to_owned(),
            app.theme.lead,
        ))];
        let mut kv = |k: &str, v: String| {
            if !v.is_empty() {
                let l = format!("{k}: {v}");
                lines.push(Line::from(text::truncate_to_width(&l, w).to_owned()));
            }
        };
        kv(s.names, names.join("、"));
        kv(s.in_groups, groups.join("、"));
        kv(s.coworkers, coworkers.join("、"));
        f.render_widget(Paragraph::new(lines).block(b), hr);
    }
    let r = areas.left;
    let focused = app.focus == Focus::Tree;
    f.render_widget(block(app, s.duties.to_owned(), focused), r);
    let body = inner(r);
    let width = body.width as usize;
    if d.rows.is_empty() {
        f.render_widget(Paragraph::new(s.empty), body);
        return;
    }
    let lines: Vec<Line> = d
        .rows
        .iter()
        .enumerate()
        .skip(d.scroll)
        .take(body.height as usize)
        .map(|(i, row)| {
            let sel = i == d.cursor;
            let bold = Style::new().add_modifier(Modifier::BOLD);
            match *row {
                DutyRow::Doc(doc, n) => {
                    // A task whose document is missing from the file still lists.
                    let label = c.data.documents.get(doc as usize).map_or_else(
                        || "?".to_owned(),
                        |d| format!("[{}] {}", doc_tag(&d.id.0), d.title),
                    );
                    let base = if sel { app.theme.selected } else { bold };
                    row_line("", &label, None, &n.to_string(), width, base, app)
                }
                DutyRow::Goal(g, n) => {
                    let base = if sel { app.theme.selected } else { bold };
                    let label = c
                        .data
                        .goals
                        .get(g as usize)
                        .map_or_else(|| "?".to_owned(), |g| g.title.clone());
                    row_line("  ", &label, None, &n.to_string(), width, base, app)
                }
                DutyRow::Task(h) => {
                    let hit = &d.hits[h];
                    let t = c.task(hit.task);
                    let inv = hit.involvement.unwrap_or(Involvement::Mentioned);
                    let tag = match &hit.via_group {
                        Some(g) => {
                            let name = c
                                .index
                                .units
                                .get(g)
                                .map_or(g.0.as_str(), |&u| c.data.units[u].name.as_str());
                            format!("[{}·{}{}] ", role_label(app, inv), s.via, name)
                        }
                        None => format!("[{}] ", role_label(app, inv)),
                    };
                    let label = match &t.number {
                        Some(n) => format!("{n} {}", t.title),
                        None => t.title.clone(),
                    };
                    let tag_style = match inv {
                        Involvement::Lead | Involvement::Responsible => app.theme.lead,
                        Involvement::Partner => app.theme.partner,
                        Involvement::Mentioned => app.theme.dim,
                    };
                    let prefix = "    ";
                    let base = if sel {
                        app.theme.selected
                    } else {
                        Style::new()
                    };
                    let tag_w = text::width(&tag);
                    let rest = row_line(
                        "",
                        &label,
                        None,
                        "",
                        width.saturating_sub(4 + tag_w),
                        base,
                        app,
                    );
                    let mut spans = vec![
                        Span::styled(prefix, base),
                        Span::styled(
                            text::truncate_to_width(&tag, width.saturating_sub(4)).to_owned(),
                            if sel { base } else { tag_style },
                        ),
                    ];
                    spans.extend(rest.spans);
                    Line::from(spans)
                }
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}

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
fn styled_wrap(
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

fn task_pane(app: &App, f: &mut Frame, r: Rect, t: usize) {
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
        super::i18n::Lang::Zh => lead_mode_label(key).to_owned(),
        super::i18n::Lang::En => key.to_owned(),
    }
}

fn summary_pane(app: &App, f: &mut Frame, r: Rect) {
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

fn entry_pane(app: &App, f: &mut Frame, r: Rect, which: Focus) {
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

/// Clears `r` for an overlay. A wide (CJK) character of the pane beneath
/// that straddles the overlay's left or right edge would otherwise be
/// half-overwritten and smear the overlay's border in the terminal, so
/// such characters are blanked too.
fn clear_overlay(f: &mut Frame, r: Rect) {
    f.render_widget(Clear, r);
    let area = f.area();
    let buf = f.buffer_mut();
    for y in r.y..r.bottom() {
        if r.x > area.x {
            let cell = &mut buf[(r.x - 1, y)];
            if text::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
        if r.right() < area.right() {
            let cell = &mut buf[(r.right(), y)];
            // The trailing half of a wide char whose leading half was cleared.
            if cell.symbol().is_empty() {
                cell.set_symbol(" ");
            }
        }
    }
}

/// A rectangle of `w`×`h` centred in `area`, shrunk to fit.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws a one-line input at `r` and puts the terminal cursor at its caret
/// so an input method's candidate window opens there.
fn input_line(f: &mut Frame, r: Rect, input: &TextInput, style: Style, show_cursor: bool) {
    let (shown, col) = input.visible(r.width as usize);
    f.render_widget(Paragraph::new(Span::styled(shown, style)), r);
    if show_cursor {
        let x = r.x + (col as u16).min(r.width.saturating_sub(1));
        f.set_cursor_position((x, r.y));
    }
}

fn overlay(app: &App, f: &mut Frame, areas: &Areas, area: Rect) {
    let s = app.lang.s();
    let Some(o) = &app.overlay else {
        return;
    };
    match o {
        Overlay::Help => {
            // One column when it fits, else two side by side (60×15).
            let n = s.help.len();
            let rows_fit = area.height as usize >= n + 2;
            let cols = if rows_fit { 1 } else { 2 };
            let per_col = n.div_ceil(cols);
            let width = if cols == 1 { 60 } else { area.width };
            let r = centered(area, width, per_col as u16 + 2);
            clear_overlay(f, r);
            f.render_widget(block(app, s.help_title.into(), true), r);
            let body = inner(r);
            let col_w = body.width / cols as u16;
            for c in 0..cols {
                let w = col_w as usize;
                let lines: Vec<Line> = s
                    .help
                    .iter()
                    .skip(c * per_col)
                    .take(per_col)
                    .map(|(k, d)| {
                        // Padded by display width: 鼠标 is four columns.
                        let key =
                            format!("{k}{}", " ".repeat(10usize.saturating_sub(text::width(k))));
                        let rest =
                            text::truncate_to_width(d, w.saturating_sub(text::width(&key) + 2))
                                .to_owned();
                        Line::from(vec![
                            Span::styled(key, app.theme.key),
                            Span::raw(" "),
                            Span::raw(rest),
                        ])
                    })
                    .collect();
                let cr = Rect::new(body.x + c as u16 * col_w, body.y, col_w, body.height);
                f.render_widget(Paragraph::new(lines), cr);
            }
        }
        Overlay::Search(input) => {
            let r = Rect::new(
                areas.status.x,
                areas.status.y.saturating_sub(3),
                areas.status.width.min(60),
                3,
            );
            clear_overlay(f, r);
            f.render_widget(block(app, s.search.into(), true), r);
            let body = inner(r);
            f.render_widget(Paragraph::new("/"), Rect::new(body.x, body.y, 1, 1));
            let ir = Rect::new(body.x + 2, body.y, body.width.saturating_sub(2), 1);
            input_line(f, ir, input, Style::new(), true);
        }
        Overlay::Finder(fd) => {
            let r = centered(
                area,
                area.width.saturating_mul(7) / 10,
                area.height.saturating_mul(7) / 10,
            );
            clear_overlay(f, r);
            f.render_widget(block(app, s.finder.into(), true), r);
            let body = inner(r);
            let ir = Rect::new(body.x + 2, body.y, body.width.saturating_sub(2), 1);
            f.render_widget(
                Paragraph::new(Span::styled(">", app.theme.key)),
                Rect::new(body.x, body.y, 1, 1),
            );
            let list = Rect::new(
                body.x,
                body.y + 1,
                body.width,
                body.height.saturating_sub(2),
            );
            let hint = Rect::new(
                body.x,
                body.y + body.height.saturating_sub(1),
                body.width,
                1,
            );
            let w = list.width as usize;
            let h = list.height as usize;
            let skip = (fd.cursor + 1).saturating_sub(h);
            let c = &app.cat;
            let lines: Vec<Line> = fd
                .results
                .hits
                .iter()
                .enumerate()
                .skip(skip)
                .take(h)
                .map(|(i, hit): (usize, &FinderHit)| {
                    let Some(item) = app.finder_items.get(hit.index) else {
                        return Line::from("");
                    };
                    let counts = format!(
                        "{} {} · {} {}",
                        s.role_lead,
                        c.unit_lead_count[item.unit],
                        s.role_partner,
                        c.unit_partner_count[item.unit]
                    );
                    let base = if i == fd.cursor {
                        app.theme.selected
                    } else {
                        Style::new()
                    };
                    let room = w.saturating_sub(text::width(&counts) + 1);
                    let label = text::truncate_to_width(&item.label, room);
                    let n = label.chars().count();
                    let ranges: Vec<(usize, usize)> = hit
                        .highlights
                        .iter()
                        .filter(|&&i| i < n)
                        .map(|&i| (i, i + 1))
                        .collect();
                    let mut spans = highlighted(label, &ranges, base, app.theme.search);
                    let pad = w.saturating_sub(text::width(label) + text::width(&counts));
                    spans.push(Span::styled(" ".repeat(pad), base));
                    spans.push(Span::styled(counts, base.patch(app.theme.count)));
                    Line::from(spans)
                })
                .collect();
            if lines.is_empty() && !fd.pending {
                f.render_widget(
                    Paragraph::new(Span::styled(s.no_match, app.theme.dim)),
                    list,
                );
            } else {
                f.render_widget(Paragraph::new(lines), list);
            }
            f.render_widget(
                Paragraph::new(Span::styled(
                    text::truncate_to_width(s.finder_hint, w).to_owned(),
                    app.theme.dim,
                )),
                hint,
            );
            input_line(f, ir, &fd.input, Style::new(), true);
        }
        Overlay::Filter(form) => {
            let r = centered(area, 64, 10);
            clear_overlay(f, r);
            f.render_widget(block(app, s.filter_title.into(), true), r);
            let body = inner(r);
            let c = &app.cat;
            let label_w = 8u16;
            let values = [
                form.doc.checked_sub(1).map_or(s.all.to_owned(), |d| {
                    let doc = &c.data.documents[d];
                    format!("[{}] {}", doc_tag(&doc.id.0), doc.title)
                }),
                form.region
                    .checked_sub(1)
                    .map_or(s.all.to_owned(), |x| c.data.regions[x].name.clone()),
                role_name(app, form.role).to_owned(),
            ];
            let labels = [s.doc, s.region, s.role, s.unit, s.text];
            for (i, label) in labels.iter().enumerate() {
                if i as u16 >= body.height {
                    break;
                }
                let y = body.y + i as u16;
                let sel = form.field == i;
                let lst = if sel {
                    app.theme.key.add_modifier(Modifier::BOLD)
                } else {
                    app.theme.dim
                };
                let lab = format!("{}{}", if sel { "›" } else { " " }, label);
                f.render_widget(
                    Paragraph::new(Span::styled(
                        text::truncate_to_width(&lab, label_w as usize).to_owned(),
                        lst,
                    )),
                    Rect::new(body.x, y, label_w, 1),
                );
                let vr = Rect::new(body.x + label_w, y, body.width.saturating_sub(label_w), 1);
                match i {
                    0..=2 => {
                        let v = format!("‹ {} ›", values[i]);
                        let st = if sel {
                            app.theme.selected
                        } else {
                            Style::new()
                        };
                        f.render_widget(
                            Paragraph::new(Span::styled(
                                text::truncate_to_width(&v, vr.width as usize).to_owned(),
                                st,
                            )),
                            vr,
                        );
                    }
                    3 => input_line(
                        f,
                        vr,
                        &form.unit,
                        Style::new().add_modifier(Modifier::UNDERLINED),
                        sel,
                    ),
                    _ => input_line(
                        f,
                        vr,
                        &form.text,
                        Style::new().add_modifier(Modifier::UNDERLINED),
                        sel,
                    ),
                }
            }
            let tail = Rect::new(
                body.x,
                body.y + body.height.saturating_sub(2),
                body.width,
                2,
            );
            let mut lines = Vec::new();
            if let Some(e) = &form.error {
                lines.push(Line::from(Span::styled(
                    text::truncate_to_width(e, tail.width as usize).to_owned(),
                    app.theme.error,
                )));
            } else {
                lines.push(Line::from(""));
            }
            lines.push(Line::from(Span::styled(
                text::truncate_to_width(s.filter_hint, tail.width as usize).to_owned(),
                app.theme.dim,
            )));
            f.render_widget(Paragraph::new(lines), tail);
        }
        Overlay::Export(d) => {
            let r = centered(area, 64, 8);
            clear_overlay(f, r);
            let n = app.shown_hits().len();
            f.render_widget(
                block(app, format!("{} · {n} {}", s.export_title, s.rows), true),
                r,
            );
            let body = inner(r);
            let label_w = 8u16;
            let mut spans = vec![Span::styled(
                format!("{}{}", if d.field == 0 { "›" } else { " " }, s.format),
                if d.field == 0 {
                    app.theme.key
                } else {
                    app.theme.dim
                },
            )];
            let pad = label_w as usize - text::width(s.format) - 1;
            spans.push(Span::raw(" ".repeat(pad)));
            for (i, fmt) in Format::ALL.iter().enumerate() {
                let st = if i == d.format {
                    app.theme.selected
                } else {
                    Style::new()
                };
                spans.push(Span::styled(format!(" {} ", fmt.label()), st));
            }
            f.render_widget(
                Paragraph::new(Line::from(spans)),
                Rect::new(body.x, body.y, body.width, 1),
            );
            let y = body.y + 2;
            f.render_widget(
                Paragraph::new(Span::styled(
                    format!("{}{}", if d.field == 1 { "›" } else { " " }, s.file),
                    if d.field == 1 {
                        app.theme.key
                    } else {
                        app.theme.dim
                    },
                )),
                Rect::new(body.x, y, label_w, 1),
            );
            let ir = Rect::new(body.x + label_w, y, body.width.saturating_sub(label_w), 1);
            input_line(
                f,
                ir,
                &d.name,
                Style::new().add_modifier(Modifier::UNDERLINED),
                d.field == 1 && !d.confirm,
            );
            let msg = if d.confirm {
                Span::styled(s.overwrite, app.theme.error)
            } else if let Some(e) = &d.error {
                Span::styled(
                    text::truncate_to_width(e, body.width as usize).to_owned(),
                    app.theme.error,
                )
            } else {
                Span::styled(
                    text::truncate_to_width(
                        &app.export_dir.display().to_string(),
                        body.width as usize,
                    )
                    .to_owned(),
                    app.theme.dim,
                )
            };
            f.render_widget(Paragraph::new(msg), Rect::new(body.x, y + 2, body.width, 1));
            f.render_widget(
                Paragraph::new(Span::styled(
                    text::truncate_to_width(s.export_hint, body.width as usize).to_owned(),
                    app.theme.dim,
                )),
                Rect::new(
                    body.x,
                    body.y + body.height.saturating_sub(1),
                    body.width,
                    1,
                ),
            );
        }
    }
}
