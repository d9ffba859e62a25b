//! Overlays: help, search prompt, unit finder, filter form, export dialog.
//! Text inputs put the terminal cursor at their caret for input methods.

use super::*;

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

pub(super) fn overlay(app: &App, f: &mut Frame, areas: &Areas, area: Rect) {
    let s = app.lang.s();
    let Some(o) = &app.overlay else {
        return;
    };
    match o {
        Overlay::Compare(cmp) => super::compare::compare(app, f, cmp),
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
            for (i, fmt) in Format::offered().iter().enumerate() {
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
