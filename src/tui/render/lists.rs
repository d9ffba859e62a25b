//! The left-hand lists: the region/document tree and a unit's duty list.

use super::*;

pub(super) fn tree(app: &App, f: &mut Frame, r: Rect) {
    let s = app.lang.s();
    let title = match app.grouping {
        crate::tui::tree::Grouping::Region => s.tree,
        crate::tui::tree::Grouping::Document => s.tree_by_doc,
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

pub(super) fn duty(app: &App, f: &mut Frame, areas: &Areas) {
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
        if !d.handoffs.is_empty() {
            parts.push(format!("{} {}", s.handoff_short, d.handoffs.len()));
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
                DutyRow::Handoffs(n) => {
                    let base = if sel { app.theme.selected } else { bold };
                    let label = format!("⇄ {} · {}", s.handoffs, s.handoffs_note);
                    row_line("", &label, None, &n.to_string(), width, base, app)
                }
                DutyRow::HandoffTask(t) => {
                    let base = if sel {
                        app.theme.selected
                    } else {
                        app.theme.lead
                    };
                    let label = format!("[{}] {}", s.role_lead, task_label(app, t));
                    row_line("  ", &label, None, "", width, base, app)
                }
                DutyRow::Handoff(i) => {
                    let h = &d.handoffs[i];
                    let base = if sel {
                        app.theme.selected
                    } else {
                        Style::new()
                    };
                    let leads: Vec<&str> = h
                        .other_leads
                        .iter()
                        .map(|&u| c.data.units[u].name.as_str())
                        .collect();
                    let label = format!("{} · {}", task_label(app, h.other), leads.join("、"));
                    let score = format!("{:.2}", h.score);
                    row_line("    ⇄ ", &label, None, &score, width, base, app)
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
