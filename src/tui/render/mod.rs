//! Drawing: composes the screen from the state and the view layer. Nothing
//! here changes state or works anything out: the rectangles come from
//! [`layout`](super::layout), the lines from [`view`](super::view), the
//! overlays draw themselves ([`dialogs`](super::dialogs)).

mod panes;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::dialogs::{Dialog, filter};
use super::keymap::help::HintBar;
use super::keymap::table::{self as hints, hints_for};
use super::layout::Focus;
use super::state::{App, Screen};
use super::view::text::truncated;
use super::widgets;
use crate::text;

pub fn render(app: &App, f: &mut Frame) {
    draw_screen(app, f);
    if text::ambiguous_wide() {
        widgets::widen_ambiguous(f.buffer_mut(), &app.theme.borders);
    }
}

fn draw_screen(app: &App, f: &mut Frame) {
    let area = f.area();
    let areas = app.areas();
    if areas.too_small {
        return too_small(app, f, area);
    }
    title_bar(app, f, areas.title);
    match &app.screen {
        Screen::Browse => panes::tree(app, f, areas.left),
        Screen::Duty(d) => panes::duty(app, d, f, &areas),
    }
    for &(focus, r) in &areas.right {
        match focus {
            Focus::Detail => panes::detail(app, f, r),
            Focus::Tree => {}
            list => panes::entries(app, f, r, list),
        }
    }
    status_bar(app, f, areas.status);
    let ctx = app.ctx();
    match &app.dialog {
        None => {}
        Some(Dialog::Help(h)) => h.draw(f, &ctx, &app.keys, area),
        Some(Dialog::Search(s)) => s.draw(f, &ctx, areas.status),
        Some(Dialog::Finder(d)) => d.draw(f, &ctx, &app.keys, &app.finder_items, area),
        Some(Dialog::Filter(d)) => d.draw(f, &ctx, &app.keys, area),
        Some(Dialog::Export(d)) => d.draw(
            f,
            &ctx,
            &app.keys,
            area,
            &app.export_dir,
            app.shown_hits().len(),
        ),
        Some(Dialog::Compare(c)) => c.draw(f, &ctx, areas.body()),
        Some(Dialog::Coverage(v)) => v.draw(f, &ctx, areas.body()),
    }
}

fn too_small(app: &App, f: &mut Frame, area: Rect) {
    let msg = app.lang.s().too_small;
    let block = Block::bordered()
        .border_set(app.theme.borders)
        .border_style(app.theme.border);
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

fn title_bar(app: &App, f: &mut Frame, r: Rect) {
    let c = &app.cat;
    let s = app.lang.s();
    let text = format!(
        " {} · {} · {} {} · {} {} ",
        s.app,
        app.origin,
        c.documents().len(),
        s.docs,
        c.tasks().len(),
        s.tasks
    );
    f.render_widget(
        Paragraph::new(Line::from(truncated(
            &text,
            r.width as usize,
            app.theme.title,
        ))),
        r,
    );
}

fn status_bar(app: &App, f: &mut Frame, r: Rect) {
    let s = app.lang.s();
    let w = r.width as usize;
    let first = match &app.status {
        Some(st) => {
            let style = if st.error {
                app.theme.error
            } else {
                app.theme.ok
            };
            Line::from(truncated(&st.text, w, style))
        }
        None => {
            let l = format!(
                "{}{}{} {}",
                if app.busy() { s.working } else { "" },
                filter::summary(&app.ctx(), &app.filters),
                s.shown,
                app.shown_hits().len()
            );
            Line::from(text::ellipsize(&l, w).into_owned())
        }
    };
    let bar = match &app.dialog {
        Some(d @ (Dialog::Compare(_) | Dialog::Coverage(_))) => view_hints(d),
        _ => hints_for(app.focus, matches!(app.screen, Screen::Duty(_)), false),
    };
    let second = Line::from(Span::styled(
        app.keys.hint_line_within(bar, app.lang, w),
        app.theme.key,
    ));
    f.render_widget(Paragraph::new(vec![first, second]), r);
}

/// The hint bar of the comparison or the coverage view: stepping keys
/// when there are other tasks to step to.
fn view_hints(d: &Dialog) -> &'static HintBar {
    let cmp = match d {
        Dialog::Compare(c) => Some(c),
        Dialog::Coverage(v) => match &v.compare {
            Some(c) => Some(c),
            None => return &hints::COVERAGE,
        },
        _ => None,
    };
    match cmp {
        Some(c) if c.others.len() > 1 => &hints::COMPARE_STEP,
        _ => &hints::COMPARE,
    }
}
