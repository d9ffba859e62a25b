//! Snapshot and buffer tests of every pane and state of the explorer,
//! drawn into ratatui's `TestBackend` at 120×40 and 60×20 (plus the
//! "too small" screen at 40 columns).

use fengong::model::TaskData;
use fengong::query::Catalog;
use fengong::tui::action::Action;
use fengong::tui::input::Edit;
use fengong::tui::{App, Lang, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn app(w: u16, h: u16, lang: Lang) -> App {
    let data = TaskData::from_json(include_str!("fixtures/small.json")).unwrap();
    let mut app = App::new(
        Catalog::new(data),
        lang,
        Theme::new(false),
        "small.json".into(),
        (w, h),
    );
    app.export_dir = "/tmp/export".into();
    app
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Edit(Edit::Char(c)));
    }
    app.wait_for_finder(std::time::Duration::from_secs(10));
}

/// The buffer as text: one line per row, wide characters once (their
/// trailing cell is skipped), so the text reads like the terminal.
fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            let w = fengong::text::width(sym);
            skip = w.saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

fn draw(app: &App) -> (String, Terminal<TestBackend>) {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| render::render(app, f)).unwrap();
    let s = screen(t.backend().buffer());
    (s, t)
}

/// Every row is exactly as wide as the terminal: no wide character was
/// cut in half and no border was pushed out.
fn assert_rows_fit(s: &str, w: u16) {
    for (i, line) in s.lines().enumerate() {
        assert_eq!(
            fengong::text::width(line),
            w as usize,
            "row {i} has the wrong width: {line:?}"
        );
    }
}

/// The states to snapshot: a name and the actions that lead there.
fn states() -> Vec<(&'static str, Vec<Action>)> {
    use Action::*;
    vec![
        ("region_summary", vec![]),
        ("goal_summary", vec![Down, Down, Down, Down]),
        ("task_panes", vec![Down, Down, Down, Down, Expand, Down]),
        (
            "respective_leads",
            vec![Down, Down, Down, Down, Expand, Down, Down, Down, Down],
        ),
        ("no_lead_task", vec![Bottom, Expand, Down]),
        ("document_grouping", vec![ToggleGrouping]),
        ("expand_all", vec![ExpandAll, Down, Down, Down, Down, Down]),
        ("help", vec![Help]),
        ("search_prompt", vec![StartSearch]),
        (
            "search_hit",
            vec![
                StartSearch,
                Edit(fengong::tui::input::Edit::Paste("旅游".into())),
                Submit,
            ],
        ),
        ("finder", vec![OpenFinder]),
        ("filter_dialog", vec![OpenFilter]),
        ("export_dialog", vec![OpenExport]),
    ]
}

fn snapshot_all(w: u16, h: u16) {
    for (name, actions) in states() {
        let mut a = app(w, h, Lang::Zh);
        for act in actions {
            a.update(act);
        }
        a.wait_for_finder(std::time::Duration::from_secs(10));
        let (s, _) = draw(&a);
        assert_rows_fit(&s, w);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), s);
    }
    // States reached through typing.
    let mut a = app(w, h, Lang::Zh);
    a.update(Action::OpenFinder);
    typed(&mut a, "台城");
    let (s, _) = draw(&a);
    assert_rows_fit(&s, w);
    insta::assert_snapshot!(format!("finder_typed_{w}x{h}"), s);
    a.update(Action::Submit);
    let (s, _) = draw(&a);
    assert_rows_fit(&s, w);
    insta::assert_snapshot!(format!("duty_view_{w}x{h}"), s);
    let mut a = app(w, h, Lang::Zh);
    a.update(Action::OpenFilter);
    a.update(Action::NextField);
    a.update(Action::NextField);
    a.update(Action::Expand); // role: lead
    a.update(Action::NextField);
    typed(&mut a, "发改局");
    a.update(Action::Submit);
    let (s, _) = draw(&a);
    assert_rows_fit(&s, w);
    insta::assert_snapshot!(format!("filtered_tree_{w}x{h}"), s);
}

#[test]
fn snapshots_120x40() {
    snapshot_all(120, 40);
}

#[test]
fn snapshots_60x20() {
    snapshot_all(60, 20);
}

#[test]
fn english_interface() {
    let mut a = app(120, 40, Lang::En);
    for act in [
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Expand,
        Action::Down,
    ] {
        a.update(act);
    }
    let (s, _) = draw(&a);
    assert!(s.contains("Lead units"), "{s}");
    assert!(s.contains("Partner units"));
    insta::assert_snapshot!("english_task_120x40", s);
}

#[test]
fn too_small_at_40_columns_and_recovers_on_resize() {
    let mut a = app(40, 30, Lang::Zh);
    let (s, _) = draw(&a);
    assert_rows_fit(&s, 40);
    assert!(s.contains("终端太小"), "{s}");
    insta::assert_snapshot!("too_small_40x30", s);
    let (s, _) = {
        a.update(Action::Resize(59, 14));
        draw(&a)
    };
    assert!(s.contains("终端太小"));
    a.update(Action::Resize(60, 15));
    let (s, _) = draw(&a);
    assert!(!s.contains("终端太小"));
    assert!(s.contains("江门市"), "{s}");
    assert_rows_fit(&s, 60);
}

#[test]
fn text_inputs_put_the_terminal_cursor_at_the_caret() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = app(w, h, Lang::Zh);
        a.update(Action::OpenFinder);
        let (_, mut t) = draw(&a);
        let before = t.get_cursor_position().unwrap();
        typed(&mut a, "台城");
        let (_, mut t2) = draw(&a);
        let after = t2.get_cursor_position().unwrap();
        assert_eq!(after.y, before.y);
        // Two CJK characters are four columns.
        assert_eq!(after.x, before.x + 4, "at {w}x{h}");
        a.update(Action::Edit(Edit::Left));
        let (_, mut t3) = draw(&a);
        assert_eq!(t3.get_cursor_position().unwrap().x, before.x + 2);
        // The caret sits right after the typed text on screen.
        let buf = t3.backend().buffer();
        assert_eq!(buf[(before.x, before.y)].symbol(), "台");
        let _ = &mut t;
    }
}

#[test]
fn lead_and_partner_names_are_highlighted_in_the_note() {
    // With colours on, the lead name in the text is styled differently
    // from plain text.
    let data = TaskData::from_json(include_str!("fixtures/small.json")).unwrap();
    let mut a = App::new(
        Catalog::new(data),
        Lang::Zh,
        Theme::new(true),
        "x".into(),
        (120, 40),
    );
    for act in [
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Expand,
        Action::Down,
    ] {
        a.update(act);
    }
    let (s, t) = draw(&a);
    let buf = t.backend().buffer();
    let theme = Theme::new(true);
    let find = |needle: &str| -> (u16, u16) {
        for (y, line) in s.lines().enumerate() {
            if let Some(pos) = line.find(needle)
                && line[..pos].contains("(")
            {
                let col = fengong::text::width(&line[..pos]) as u16;
                return (col, y as u16);
            }
        }
        panic!("{needle} not found in\n{s}");
    };
    let (x, y) = find("产业转移工业园牵头");
    assert_eq!(buf[(x, y)].fg, theme.lead.fg.unwrap());
    let (x, y) = find("市发展和改革局、");
    assert_eq!(buf[(x, y)].fg, theme.partner.fg.unwrap());
}

#[test]
fn help_fits_the_smallest_terminal() {
    let mut a = app(60, 15, Lang::Zh);
    a.update(Action::Help);
    let (s, _) = draw(&a);
    assert_rows_fit(&s, 60);
    // Every key of the help is on screen, the last one too.
    for (k, _) in fengong::tui::i18n::ZH.help {
        assert!(
            s.contains(k.split_whitespace().next().unwrap()),
            "{k} missing:\n{s}"
        );
    }
    insta::assert_snapshot!("help_60x15", s);
}

#[test]
fn no_color_theme_uses_no_colours_but_still_marks_the_selection() {
    use ratatui::style::{Color, Modifier};
    let mut a = app(120, 40, Lang::Zh);
    for act in [
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Expand,
        Action::Down,
    ] {
        a.update(act);
    }
    let (_, t) = draw(&a);
    let buf = t.backend().buffer();
    let mut reversed = 0;
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, Color::Reset, "{cell:?}");
        if cell.modifier.contains(Modifier::REVERSED) {
            reversed += 1;
        }
    }
    assert!(reversed > 0, "the selected row is shown in reverse video");
}
