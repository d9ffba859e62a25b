//! The lines of the left-hand lists, for the rows on screen only: the
//! tree (with task counts and search hits) and a unit's duty list (with
//! its header: counts per role, names, groups, co-workers).

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::Ctx;
use super::duty::{Duty, DutyRow};
use super::labels::{doc_label, numbered_title, role_label, task_label};
use super::text::{row_line, truncated};
use super::tree::{Grouping, NodeKey};
use super::tree_model::TreeModel;
use crate::query::Involvement;
use crate::text;

/// The tree's rows from `model.scroll()`, `height` of them, `width` wide.
pub fn tree_rows(
    ctx: &Ctx,
    model: &TreeModel,
    grouping: Grouping,
    search: Option<&str>,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let s = ctx.s();
    let theme = ctx.theme;
    let tree = model.tree();
    model
        .rows()
        .iter()
        .enumerate()
        .skip(model.scroll())
        .take(height)
        .map(|(i, &n)| {
            let node = tree.node(n);
            let marker = if node.children.is_empty() {
                "  "
            } else if model.is_expanded(node.key) {
                "▾ "
            } else {
                "▸ "
            };
            let prefix = format!("{}{marker}", "  ".repeat(node.depth as usize));
            let is_task = matches!(node.key, NodeKey::Task(_));
            let right = match node.key {
                NodeKey::Task(_) if node.unled > 0 => s.no_lead.to_owned(),
                NodeKey::Task(_) => String::new(),
                _ => format!("{}/{}", node.tasks, node.unled),
            };
            let base = if i == model.cursor() {
                theme.selected
            } else if is_task {
                Style::new()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            let label = super::labels::node_label(ctx.cat, grouping, node.key);
            let query = if is_task { search } else { None };
            row_line(&prefix, &label, query, &right, width, base, theme)
        })
        .collect()
}

/// The duty view's header: tasks per role, the unit's names, its groups
/// and the units it works with most.
pub fn duty_header(ctx: &Ctx, d: &Duty, w: usize) -> Vec<Line<'static>> {
    let s = ctx.s();
    let c = ctx.cat;
    let unit = c.unit(d.unit);
    let via = d.hits.iter().filter(|h| h.via_group.is_some()).count();
    // Only the roles it has, so the line fits a narrow pane.
    let mut parts: Vec<String> = d
        .role_counts()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(i, n)| format!("{} {n}", role_label(s, *i)))
        .collect();
    if via > 0 {
        parts.push(format!("{} {via}", s.via_group));
    }
    if !d.handoffs.is_empty() {
        parts.push(format!("{} {}", s.handoff_short, d.handoffs.len()));
    }
    let names: Vec<String> = unit.written.iter().chain(&unit.aliases).cloned().collect();
    let groups: Vec<String> = c
        .groups_of(d.unit)
        .iter()
        .map(|&g| c.unit(g).name.clone())
        .collect();
    let coworkers: Vec<String> = d
        .coworkers
        .iter()
        .map(|&(u, n)| format!("{}({n})", c.unit(u).name))
        .collect();
    let head = format!("{} {} · {}", d.hits.len(), s.tasks, parts.join(" · "));
    let mut lines = vec![Line::from(truncated(&head, w, ctx.theme.lead))];
    for (k, v) in [
        (s.names, names.join("、")),
        (s.in_groups, groups.join("、")),
        (s.coworkers, coworkers.join("、")),
    ] {
        if !v.is_empty() {
            lines.push(Line::from(truncated(&format!("{k}: {v}"), w, Style::new())));
        }
    }
    lines
}

/// The duty list's rows from its scroll offset, `height` of them.
pub fn duty_rows(ctx: &Ctx, d: &Duty, width: usize, height: usize) -> Vec<Line<'static>> {
    d.rows
        .iter()
        .enumerate()
        .skip(d.scroll)
        .take(height)
        .map(|(i, row)| duty_row(ctx, d, *row, i == d.cursor, width))
        .collect()
}

fn duty_row(ctx: &Ctx, d: &Duty, row: DutyRow, sel: bool, width: usize) -> Line<'static> {
    let s = ctx.s();
    let c = ctx.cat;
    let theme = ctx.theme;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let pick = |plain: Style| if sel { theme.selected } else { plain };
    match row {
        DutyRow::Doc(doc, n) => {
            // A task whose document is missing from the file still lists.
            let label = c.document(doc).map_or_else(|| "?".to_owned(), doc_label);
            row_line("", &label, None, &n.to_string(), width, pick(bold), theme)
        }
        DutyRow::Goal(g, n) => {
            let label = c
                .goal(g)
                .map_or_else(|| "?".to_owned(), |g| g.title.clone());
            row_line("  ", &label, None, &n.to_string(), width, pick(bold), theme)
        }
        DutyRow::Handoffs(n) => {
            let label = format!("⇄ {} · {}", s.handoffs, s.handoffs_note);
            row_line("", &label, None, &n.to_string(), width, pick(bold), theme)
        }
        DutyRow::HandoffTask(t) => {
            let label = format!("[{}] {}", s.role_lead, task_label(c, t));
            row_line("  ", &label, None, "", width, pick(theme.lead), theme)
        }
        DutyRow::Handoff(i) => {
            let h = &d.handoffs[i];
            let leads: Vec<&str> = h
                .other_leads
                .iter()
                .map(|&u| c.unit(u).name.as_str())
                .collect();
            let label = format!("{} · {}", task_label(c, h.other), leads.join("、"));
            let score = format!("{:.2}", h.score);
            row_line(
                "    ⇄ ",
                &label,
                None,
                &score,
                width,
                pick(Style::new()),
                theme,
            )
        }
        DutyRow::Task(h) => {
            let hit = &d.hits[h];
            let inv = hit.involvement.unwrap_or(Involvement::Mentioned);
            let tag = match &hit.via_group {
                Some(g) => {
                    let name = c
                        .unit_pos(g)
                        .map_or(g.0.as_str(), |u| c.unit(u).name.as_str());
                    format!("[{}·{}{}] ", role_label(s, inv), s.via, name)
                }
                None => format!("[{}] ", role_label(s, inv)),
            };
            let tag_style = match inv {
                Involvement::Lead | Involvement::Responsible => theme.lead,
                Involvement::Partner => theme.partner,
                Involvement::Mentioned => theme.dim,
            };
            let base = pick(Style::new());
            let tag_w = text::width(&tag);
            let label = numbered_title(c.task(hit.task));
            let rest = row_line(
                "",
                &label,
                None,
                "",
                width.saturating_sub(4 + tag_w),
                base,
                theme,
            );
            let mut spans = vec![
                Span::styled("    ", base),
                truncated(
                    &tag,
                    width.saturating_sub(4),
                    if sel { base } else { tag_style },
                ),
            ];
            spans.extend(rest.spans);
            Line::from(spans)
        }
    }
}
