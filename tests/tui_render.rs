//! Snapshot and buffer tests of every pane and state of the explorer,
//! drawn into ratatui's `TestBackend` at 120×40, 80×24 and 60×20 (plus the
//! "too small" screen at 40 columns).

use fengong::model::TaskData;
use fengong::query::Catalog;
use fengong::tui::action::Action;
use fengong::tui::dialogs::Dialog;
use fengong::tui::input::Edit;
use fengong::tui::layout::Focus;
use fengong::tui::{App, Lang, Theme};

use crate::common::tui::{
    app_on, assert_rows_fit as common_fit, draw_terminal, select_task, small_data, typed,
};

fn app(w: u16, h: u16, lang: Lang) -> App {
    let mut app = app_on(small_data(), "small.json", w, h, lang);
    app.export_dir = "/tmp/export".into();
    app
}

fn draw(app: &App) -> (String, ratatui::Terminal<ratatui::backend::TestBackend>) {
    draw_terminal(app)
}

fn assert_rows_fit(s: &str, w: u16) {
    common_fit(s, w, "row check")
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
fn snapshots_80x24() {
    snapshot_all(80, 24);
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
    for line in a.keys.help_lines(Lang::Zh) {
        let k = &line.keys;
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

/// Cells where `needle` starts on screen, below the title bar, as
/// (column, row), scanning the text as drawn.
fn find_all(s: &str, needle: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for (y, line) in s.lines().enumerate() {
        let mut from = 0;
        while let Some(pos) = line[from..].find(needle) {
            let at = from + pos;
            out.push((fengong::text::width(&line[..at]) as u16, y as u16));
            from = at + needle.len();
        }
    }
    out
}

/// `small.json` with exact term offsets, a lead for 完善西部公路网络
/// and a second overlap of 000:t7 (黄茅海跨海通道, with 001:t2).
fn overlaps_data() -> TaskData {
    TaskData::from_json(include_str!("fixtures/overlaps.json")).unwrap()
}

/// The comparison view of 加快推进交通基础设施建设 (000:t7) and
/// 加快推进深茂铁路建设 (001:t1), opened from the related-tasks pane
/// (its second entry: 001:t2 scores higher).
fn compare_app(w: u16, h: u16, theme: Theme, from: &str) -> App {
    let data = overlaps_data();
    let mut a = App::new(
        Catalog::new(data),
        Lang::Zh,
        theme,
        "small.json".into(),
        (w, h),
    );
    select_task(&mut a, from);
    while a.focus != Focus::Overlaps {
        a.update(Action::FocusNext);
    }
    let want = if from == "加快推进深茂铁路建设" {
        "加快推进交通基础设施建设"
    } else {
        "加快推进深茂铁路建设"
    };
    let n = a.panes().overlaps.len();
    while !a.panes().overlaps[a.pane_pos(Focus::Overlaps)]
        .text
        .ends_with(want)
    {
        assert!(
            a.pane_pos(Focus::Overlaps) + 1 < n,
            "{from}: 001:t1 not related"
        );
        a.update(Action::Down);
    }
    a.update(Action::Compare);
    assert!(
        matches!(a.dialog, Some(Dialog::Compare(_))),
        "c opens the comparison"
    );
    a
}

#[test]
fn comparison_view_snapshots() {
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let a = compare_app(w, h, Theme::new(false), "加快推进交通基础设施建设");
        let (s, _) = draw(&a);
        assert_rows_fit(&s, w);
        for needle in [
            "本任务",
            "相关任务",
            "[000] 1. 加快推进交通基础设施建设",
            "共同词语",
            "得分 0.82",
            "同一项目",
            "Esc 关闭对比",
        ] {
            assert!(s.contains(needle), "{needle} missing at {w}x{h}:\n{s}");
        }
        insta::assert_snapshot!(format!("compare_{w}x{h}"), s);
    }
}

#[test]
fn comparison_view_sets_the_texts_in_columns_or_stacks_them() {
    let a = compare_app(120, 40, Theme::new(false), "加快推进交通基础设施建设");
    let (s, _) = draw(&a);
    // Both labels on one row: two columns.
    let row = s.lines().find(|l| l.contains("本任务")).unwrap();
    assert!(row.contains("相关任务"), "{row}");
    let a = compare_app(60, 20, Theme::new(false), "加快推进交通基础设施建设");
    let (s, _) = draw(&a);
    let mine = s.lines().position(|l| l.contains("本任务")).unwrap();
    let row = s.lines().nth(mine).unwrap();
    assert!(!row.contains("相关任务"), "stacked at 60 columns: {row}");
}

#[test]
fn comparison_view_highlights_shared_terms_in_both_texts() {
    let theme = Theme::new(true);
    // From either end of the overlap: the offsets of `a` and `b` must go
    // to the right texts whichever task is selected.
    for from in ["加快推进交通基础设施建设", "加快推进深茂铁路建设"] {
        for (w, h) in [(120, 40), (60, 20)] {
            let mut a = compare_app(w, h, theme, from);
            // Scrolled through to the end (at 60 columns the texts are
            // stacked and the second one is below the fold): every
            // occurrence of 深茂铁路, keyed by its place in the whole view.
            let mut lit = std::collections::BTreeSet::new();
            let mut unlit = std::collections::BTreeSet::new();
            loop {
                let scroll = match &a.dialog {
                    Some(Dialog::Compare(c)) => c.scroll as u16,
                    _ => panic!("the comparison stays open while scrolling"),
                };
                let (s, t) = draw(&a);
                assert_rows_fit(&s, w);
                let buf = t.backend().buffer();
                // Rows 0-3: title bar, border, score and the term list.
                for (x, y) in find_all(&s, "深茂铁路") {
                    let key = (x, if y < 4 { y } else { y + scroll });
                    let on = |dx: u16| buf[(x + dx, y)].bg == theme.shared.bg.unwrap();
                    if (0..4).all(|i| on(2 * i)) {
                        // Only the term: the cells around it are plain.
                        assert!(!on(8), "{s}");
                        assert!(x == 0 || buf[(x - 1, y)].bg != theme.shared.bg.unwrap());
                        lit.insert(key);
                    } else {
                        assert!((0..4).all(|i| !on(2 * i)), "half lit at {x},{y}:\n{s}");
                        unlit.insert(key);
                    }
                }
                a.update(Action::Down);
                let after = match &a.dialog {
                    Some(Dialog::Compare(c)) => c.scroll as u16,
                    _ => unreachable!(),
                };
                if after == scroll {
                    break;
                }
            }
            // The term list, once in 000:t7's text, twice in 001:t1's;
            // 001:t1's title also says 深茂铁路 but is not a shared term.
            assert_eq!(lit.len(), 4, "from {from} at {w}x{h}: {lit:?}");
            assert_eq!(unlit.len(), 1, "from {from} at {w}x{h}: {unlit:?}");
        }
    }
    // Without colour the shared terms are still marked.
    let a = compare_app(120, 40, Theme::new(false), "加快推进交通基础设施建设");
    let (s, t) = draw(&a);
    let buf = t.backend().buffer();
    let marked = find_all(&s, "深茂铁路")
        .into_iter()
        .filter(|&(x, y)| {
            buf[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .count();
    assert_eq!(marked, 4);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "NO_COLOR: {cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "NO_COLOR: {cell:?}");
    }
}

#[test]
fn duty_view_lists_hand_offs() {
    for (w, h) in [(120, 40), (60, 20)] {
        let data = overlaps_data();
        let mut a = App::new(
            Catalog::new(data),
            Lang::Zh,
            Theme::new(false),
            "overlaps.json".into(),
            (w, h),
        );
        let u = a
            .cat
            .unit_pos(&fengong::model::UnitId::from("台山市交通运输局"))
            .unwrap();
        a.open_duty(u);
        // The section is last: its only hand-off is the last row.
        a.update(Action::Bottom);
        let (s, _) = draw(&a);
        assert_rows_fit(&s, w);
        for needle in ["⇄ 可能的交接/冲突", "[牵头] [000] 1. 加快", "⇄ [001] 完善"]
        {
            assert!(s.contains(needle), "{needle} missing at {w}x{h}:\n{s}");
        }
        if w == 120 {
            for needle in [
                "[001] 完善西部公路网络 · 江门市交通运输局",
                "0.90",
                "交接 1",
            ] {
                assert!(s.contains(needle), "{needle} missing at {w}x{h}:\n{s}");
            }
        }
        // The right-hand side shows the other plan's task.
        assert_eq!(
            a.selected_task().map(|t| a.cat.task(t).title.as_str()),
            Some("完善西部公路网络")
        );
        insta::assert_snapshot!(format!("duty_handoffs_{w}x{h}"), s);
        // On the section's header, the summary says what it means.
        a.update(Action::Up);
        a.update(Action::Up);
        let (s, _) = draw(&a);
        assert_rows_fit(&s, w);
        assert!(s.contains("可能的交接/冲突 (1)"), "{s}");
        // The right-hand pane's text, its wrapped lines joined.
        let flat: String = s
            .lines()
            .filter_map(|l| l.split('│').nth(3))
            .map(str::trim_end)
            .collect();
        assert!(
            flat.contains("本单位牵头的任务与其他文档中由其他单位牵头的任务重叠"),
            "{s}"
        );
        insta::assert_snapshot!(format!("duty_handoffs_header_{w}x{h}"), s);
    }
}

#[test]
fn duty_view_hand_offs_in_english() {
    let mut a = App::new(
        Catalog::new(overlaps_data()),
        Lang::En,
        Theme::new(false),
        "overlaps.json".into(),
        (120, 40),
    );
    let u = a
        .cat
        .unit_pos(&fengong::model::UnitId::from("台山市文化广电旅游体育局"))
        .unwrap();
    a.open_duty(u);
    a.update(Action::Bottom);
    let (s, _) = draw(&a);
    assert_rows_fit(&s, 120);
    assert!(s.contains("⇄ Possible hand-offs / conflicts"), "{s}");
    assert!(s.contains("⇄ [001] 建设滨海旅游示范带 · 江门市"), "{s}");
    assert!(s.contains("hand-offs 1"), "{s}");
    assert!(s.contains("0.64"), "{s}");
}

#[test]
fn related_pane_hints_name_the_compare_key() {
    for (w, h, lang, hint) in [
        (120, 40, Lang::Zh, "c 并排对比"),
        (60, 20, Lang::Zh, "c 并排对比"),
        (120, 40, Lang::En, "c compare side by side"),
    ] {
        let mut a = App::new(
            Catalog::new(overlaps_data()),
            lang,
            Theme::new(false),
            "overlaps.json".into(),
            (w, h),
        );
        select_task(&mut a, "加快推进交通基础设施建设");
        while a.focus != Focus::Overlaps {
            a.update(Action::FocusNext);
        }
        let (s, _) = draw(&a);
        let last = s.lines().last().unwrap();
        assert!(last.contains(hint), "{w}x{h}: {last}");
    }
}
