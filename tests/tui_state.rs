//! Behaviour of the explorer's state machine: actions in, state out.
//! No terminal involved; drawing is tested in `tui_render.rs`.

use fengong::model::TaskData;
use fengong::query::{Catalog, Role};
use fengong::query::{TaskPos, UnitPos};
use fengong::tui::action::Action;
use fengong::tui::dialogs::Dialog;
use fengong::tui::input::Edit;
use fengong::tui::layout::Focus;
use fengong::tui::state::Screen;
use fengong::tui::view::tree::NodeKey;
use fengong::tui::{App, Lang, Theme};

use crate::common::temp_dir;
use crate::common::tui::{app_on, run, small_data, typed};

fn app() -> App {
    app_on(small_data(), "t", 120, 40, Lang::Zh)
}

fn selected_title(app: &App) -> String {
    app.selected_task()
        .map(|t| app.cat.task(t).title.clone())
        .unwrap_or_default()
}

#[test]
fn moves_expands_and_collapses() {
    let mut a = app();
    assert_eq!(a.browse.rows().len(), 10, "regions open, goals closed");
    run(&mut a, &vec![Action::Down; 4]);
    assert!(matches!(
        a.browse.tree().node(a.selected_node().unwrap()).key,
        NodeKey::Goal(_)
    ));
    a.update(Action::Expand);
    assert_eq!(a.browse.rows().len(), 14);
    a.update(Action::Expand); // on an open node: to its first child
    assert_eq!(selected_title(&a), "以新型城镇引擎推动北部能级提升");
    a.update(Action::Collapse); // on a leaf: to its parent
    assert!(a.selected_task().is_none());
    a.update(Action::Collapse);
    assert_eq!(a.browse.rows().len(), 10);
    a.update(Action::Bottom);
    assert_eq!(a.browse.cursor(), a.browse.rows().len() - 1);
    a.update(Action::Top);
    assert_eq!(a.browse.cursor(), 0);
    a.update(Action::ExpandAll);
    assert_eq!(a.browse.rows().len(), 20);
    a.update(Action::CollapseAll);
    assert_eq!(a.browse.rows().len(), 1);
    a.update(Action::PageDown);
    assert_eq!(a.browse.cursor(), 0, "cannot move past the only row");
}

#[test]
fn focus_cycles_through_task_panes() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Expand,
            Action::Down,
        ],
    );
    assert!(a.selected_task().is_some());
    let mut seen = vec![a.focus];
    for _ in 0..4 {
        a.update(Action::FocusNext);
        seen.push(a.focus);
    }
    assert_eq!(
        seen,
        [
            Focus::Tree,
            Focus::Detail,
            Focus::Leads,
            Focus::Partners,
            Focus::Overlaps
        ]
    );
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Tree);
    a.update(Action::FocusPrev);
    assert_eq!(a.focus, Focus::Overlaps);
}

#[test]
fn enter_on_a_unit_opens_its_duties_and_back_returns() {
    let mut a = app();
    run(
        &mut a,
        &[
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Expand,
            Action::Down,
        ],
    );
    let before = a.selected_node();
    // Partners pane: 市发展和改革局 is the first entry.
    run(
        &mut a,
        &[
            Action::FocusNext,
            Action::FocusNext,
            Action::FocusNext,
            Action::Open,
        ],
    );
    let Screen::Duty(d) = &a.screen else {
        panic!("expected the duty view")
    };
    assert_eq!(a.cat.unit(d.unit).name, "台山市发展和改革局");
    assert_eq!(d.hits.len(), 3);
    assert!(a.selected_task().is_some(), "starts on the first task");
    a.update(Action::Back);
    assert!(matches!(a.screen, Screen::Browse));
    assert_eq!(a.selected_node(), before);
}

#[test]
fn enter_on_an_overlap_jumps_to_the_other_task() {
    let mut a = app();
    // 促推海陆空… goal → its task t7, which overlaps 001:t1.
    run(&mut a, &[Action::ExpandAll]);
    let row = a
        .browse
        .rows()
        .iter()
        .position(|&n| a.browse.tree().node(n).key == NodeKey::Task(TaskPos(6)))
        .unwrap();
    run(&mut a, &vec![Action::Down; row]);
    assert_eq!(selected_title(&a), "加快推进交通基础设施建设");
    assert_eq!(a.panes().overlaps.len(), 1);
    a.focus = Focus::Overlaps;
    a.update(Action::Open);
    assert_eq!(selected_title(&a), "加快推进深茂铁路建设");
    a.update(Action::Back);
    assert_eq!(selected_title(&a), "加快推进交通基础设施建设");
}

#[test]
fn finder_opens_duties_of_a_group_member() {
    let mut a = app();
    a.update(Action::OpenFinder);
    assert!(matches!(a.dialog, Some(Dialog::Finder(_))));
    typed(&mut a, "台城");
    let Some(Dialog::Finder(f)) = &a.dialog else {
        panic!()
    };
    assert_eq!(f.results.query, "台城");
    let first = &a.finder_items[f.results.hits[0].index];
    assert_eq!(first.label, "台山市台城街道");
    a.update(Action::Submit);
    let Screen::Duty(d) = &a.screen else {
        panic!("expected the duty view")
    };
    assert_eq!(d.hits.len(), 3);
    assert!(d.hits.iter().all(|h| h.via_group.is_some()));
    // Enter on a duty task opens it in the tree.
    a.update(Action::Open);
    assert!(matches!(a.screen, Screen::Browse));
    assert_eq!(selected_title(&a), "以新型城镇引擎推动北部能级提升");
    a.update(Action::Back);
    assert!(matches!(a.screen, Screen::Duty(_)));
}

#[test]
fn search_moves_between_matches() {
    let mut a = app();
    a.update(Action::StartSearch);
    a.update(Action::Edit(Edit::Paste("旅游".into())));
    a.update(Action::Submit);
    assert_eq!(selected_title(&a), "打造高端滨海旅游");
    a.update(Action::NextMatch);
    assert_eq!(selected_title(&a), "开发特色文化旅游");
    a.update(Action::NextMatch);
    assert_eq!(selected_title(&a), "建设滨海旅游示范带");
    a.update(Action::NextMatch);
    assert_eq!(selected_title(&a), "打造高端滨海旅游", "wraps around");
    a.update(Action::PrevMatch);
    assert_eq!(selected_title(&a), "建设滨海旅游示范带");
    a.update(Action::StartSearch);
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "没有这个词");
    a.update(Action::Submit);
    assert!(a.status.as_ref().unwrap().error);
}

#[test]
fn filters_apply_show_errors_and_clear() {
    let mut a = app();
    a.update(Action::OpenFilter);
    run(
        &mut a,
        &[
            Action::NextField,
            Action::NextField,
            Action::Expand,
            Action::NextField,
        ],
    );
    typed(&mut a, "没有的单位");
    a.update(Action::Submit);
    let Some(Dialog::Filter(f)) = &a.dialog else {
        panic!("an unknown unit keeps the dialog open")
    };
    assert!(f.error.as_deref().unwrap().contains("没有的单位"));
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "市交通运输局");
    a.update(Action::Submit);
    assert!(a.dialog.is_none());
    assert_eq!(a.filters.role, Role::Lead);
    assert_eq!(a.view.hits.len(), 2);
    // Filtered trees open down to the tasks.
    assert_eq!(a.browse.tree().node(a.browse.tree().roots[0]).tasks, 2);
    assert!(
        a.browse
            .rows()
            .iter()
            .filter(|&&n| matches!(a.browse.tree().node(n).key, NodeKey::Task(_)))
            .count()
            == 2
    );
    a.update(Action::ClearFilters);
    assert_eq!(a.view.hits.len(), 10);
    // A unit's duties are computed in the background too.
    a.update(Action::OpenFinder);
    typed(&mut a, "端芬镇");
    a.update(Action::Submit);
    a.settle(std::time::Duration::from_secs(10));
    let Screen::Duty(d) = &a.screen else {
        panic!("expected the duty view")
    };
    assert_eq!(a.cat.unit(d.unit).name, "台山市端芬镇");
    assert_eq!(d.hits.len(), 1);
}

#[test]
fn filter_by_document_and_region_choices() {
    let mut a = app();
    a.update(Action::OpenFilter);
    a.update(Action::Expand); // first document
    a.update(Action::NextField);
    a.update(Action::Collapse); // last region: XX市 → nothing there
    a.update(Action::Collapse); // 西南部旅游集散中心
    a.update(Action::Submit);
    assert_eq!(a.filters.doc.as_deref(), Some("000_taishan"));
    assert_eq!(
        a.filters.region.as_deref(),
        Some("台山市/西南部旅游集散中心")
    );
    assert_eq!(a.view.hits.len(), 2);
}

#[test]
fn grouping_toggle_regroups_by_document() {
    let mut a = app();
    a.update(Action::ToggleGrouping);
    assert_eq!(a.browse.tree().roots.len(), 2);
    assert!(matches!(
        a.browse.tree().node(a.browse.tree().roots[0]).key,
        NodeKey::Doc(fengong::query::DocPos(0))
    ));
    a.update(Action::ToggleGrouping);
    assert!(matches!(
        a.browse.tree().node(a.browse.tree().roots[0]).key,
        NodeKey::Region(_)
    ));
}

#[test]
fn export_writes_asks_before_overwriting_and_reports_failures() {
    let dir = temp_dir("tui-export");
    let mut a = app();
    a.export_dir = dir.clone();
    a.update(Action::OpenFinder);
    typed(&mut a, "发改局");
    a.update(Action::Submit);
    a.update(Action::OpenExport);
    a.update(Action::Submit);
    let path = dir.join("台山市发展和改革局.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), 4, "header + 3 duties");
    let status = a.status.clone().unwrap();
    assert!(!status.error);
    assert!(status.text.contains("台山市发展和改革局.csv") && status.text.contains("3"));
    // Same name again: the dialog asks, "n" keeps the file.
    std::fs::write(&path, "keep").unwrap();
    a.update(Action::OpenExport);
    a.update(Action::Submit);
    assert_eq!(a.input_mode(), fengong::tui::keymap::InputMode::Confirm);
    a.update(Action::Confirm(false));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep");
    a.update(Action::Submit);
    a.update(Action::Confirm(true));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with('\u{feff}')
    );
    // Switching format changes the proposed extension.
    a.update(Action::OpenExport);
    a.update(Action::Expand);
    a.update(Action::Submit);
    assert!(dir.join("台山市发展和改革局.json").exists());
    // A missing folder fails in the UI; the explorer keeps going.
    a.update(Action::OpenExport);
    a.update(Action::NextField);
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "no/such/folder/x.csv");
    a.update(Action::Submit);
    assert!(a.status.as_ref().unwrap().error);
    let Some(Dialog::Export(d)) = &a.dialog else {
        panic!("dialog stays open on failure")
    };
    assert!(d.error.is_some());
    a.update(Action::Cancel);
    assert!(a.dialog.is_none());
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(names.len(), 2, "no temporary files left");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn mouse_click_selects_and_focuses_wheel_scrolls() {
    let mut a = app();
    // Row 2 of the screen is the first tree row (title bar, border).
    a.update(Action::Click { x: 5, y: 4 });
    assert_eq!(a.browse.cursor(), 2);
    a.update(Action::Wheel {
        x: 5,
        y: 10,
        down: true,
    });
    assert_eq!(a.browse.cursor(), 5);
    a.update(Action::Click { x: 100, y: 10 });
    assert_eq!(a.focus, Focus::Detail);
}

#[test]
fn quit_and_help() {
    let mut a = app();
    a.update(Action::Help);
    assert_eq!(a.input_mode(), fengong::tui::keymap::InputMode::Help);
    a.update(Action::Cancel);
    assert!(a.dialog.is_none());
    a.update(Action::Quit);
    assert!(a.quit);
}

#[test]
fn background_mode_refilters_regroups_and_searches_off_the_key_press() {
    let mut a = app();
    a.enable_background();
    a.update(Action::OpenFilter);
    run(
        &mut a,
        &[Action::NextField, Action::NextField, Action::NextField],
    );
    typed(&mut a, "川岛镇");
    a.update(Action::Submit);
    // Until the result arrives the old view stays on screen.
    a.settle(std::time::Duration::from_secs(10));
    assert!(!a.busy());
    assert_eq!(a.view.hits.len(), 3);
    assert_eq!(a.filters.unit.as_deref(), Some("川岛镇"));
    a.update(Action::ToggleGrouping);
    a.settle(std::time::Duration::from_secs(10));
    assert!(matches!(
        a.browse.tree().node(a.browse.tree().roots[0]).key,
        NodeKey::Doc(_)
    ));
    a.update(Action::StartSearch);
    a.update(Action::Edit(Edit::Paste("滨海".into())));
    a.update(Action::Submit);
    a.settle(std::time::Duration::from_secs(10));
    assert_eq!(a.search.as_ref().unwrap().matches.len(), 2);
    assert_eq!(selected_title(&a), "打造高端滨海旅游");
    // Ticks deliver results too, as in the event loop.
    a.update(Action::ClearFilters);
    let start = std::time::Instant::now();
    while a.busy() && start.elapsed() < std::time::Duration::from_secs(10) {
        a.update(Action::Tick);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(a.view.hits.len(), 10);
    // A unit's duties are computed in the background too.
    a.update(Action::OpenFinder);
    typed(&mut a, "端芬镇");
    a.update(Action::Submit);
    a.settle(std::time::Duration::from_secs(10));
    let Screen::Duty(d) = &a.screen else {
        panic!("expected the duty view")
    };
    assert_eq!(a.cat.unit(d.unit).name, "台山市端芬镇");
    assert_eq!(d.hits.len(), 1);
}

#[test]
fn detail_pane_scrolls_within_its_text() {
    // A small terminal so the task text is longer than its pane.
    let data = TaskData::from_json(include_str!("fixtures/small.json")).unwrap();
    let mut a = App::new(
        Catalog::new(data),
        Lang::Zh,
        Theme::new(false),
        "t".into(),
        (60, 20),
    );
    run(
        &mut a,
        &[
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Expand,
            Action::Down,
        ],
    );
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Detail);
    // Scrolling is bounded by the text as the last frame drew it.
    crate::common::tui::draw(&a);
    run(&mut a, &vec![Action::Down; 100]);
    let bottom = a.pane_pos(Focus::Detail);
    assert!(
        bottom > 0 && bottom < 30,
        "stops at the last page, got {bottom}"
    );
    a.update(Action::Up);
    assert_eq!(
        a.pane_pos(Focus::Detail),
        bottom - 1,
        "one key scrolls back at once"
    );
}

#[test]
fn enter_before_the_finder_answers_opens_the_best_hit_when_it_does() {
    let mut a = app();
    a.update(Action::OpenFinder);
    a.wait_for_finder(std::time::Duration::from_secs(10));
    for c in "端芬".chars() {
        a.update(Action::Edit(Edit::Char(c)));
    }
    // Enter at once: the engine may still be matching.
    a.update(Action::Submit);
    a.wait_for_finder(std::time::Duration::from_secs(10));
    let start = std::time::Instant::now();
    while !matches!(a.screen, Screen::Duty(_))
        && start.elapsed() < std::time::Duration::from_secs(10)
    {
        a.update(Action::Tick);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let Screen::Duty(d) = &a.screen else {
        panic!("the duty view opened")
    };
    assert_eq!(a.cat.unit(d.unit).name, "台山市端芬镇");
}

/// A hand-edited file with dangling references and a containment cycle
/// must not bring the explorer down.
#[test]
fn broken_references_do_not_panic() {
    use fengong::model::{GoalId, RegionId, TaskId, UnitId};
    let mut data = TaskData::from_json(include_str!("fixtures/small.json")).unwrap();
    data.tasks[0].goal = GoalId("no-such-goal".into());
    data.tasks[1].doc = "no-such-doc".into();
    data.tasks[2].leads[0].unit = UnitId("no-such-unit".into());
    data.goals[1].region = RegionId("no-such-region".into());
    data.goals[2].doc = "no-such-doc".into();
    // 台山市 ⊂ 西部发展区 ⊂ 台山市: a cycle.
    data.regions[1].parent = Some(RegionId("台山市".into()));
    data.overlaps[0].b = TaskId("no-such-task".into());
    data.units[8].members.push(UnitId("no-such-member".into()));
    for grouping_toggles in 0..2 {
        let mut a = App::new(
            Catalog::new(data.clone()),
            Lang::Zh,
            Theme::new(false),
            "t".into(),
            (120, 40),
        );
        for _ in 0..grouping_toggles {
            a.update(Action::ToggleGrouping);
        }
        a.update(Action::ExpandAll);
        let n = a.browse.rows().len();
        assert!(n > 0);
        for _ in 0..n {
            for f in [
                Action::FocusNext,
                Action::FocusNext,
                Action::FocusNext,
                Action::FocusNext,
                Action::FocusNext,
            ] {
                a.update(f);
            }
            let mut t =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
            t.draw(|f| fengong::tui::render::render(&a, f)).unwrap();
            a.update(Action::Down);
        }
        for u in 0..a.cat.units().len() {
            a.open_duty(UnitPos::new(u));
            let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 20)).unwrap();
            t.draw(|f| fengong::tui::render::render(&a, f)).unwrap();
        }
    }
}

#[test]
fn typing_on_a_choice_picks_the_matching_document_or_region() {
    let mut a = app();
    a.update(Action::OpenFilter);
    a.update(Action::Edit(Edit::Paste("西部".into()))); // the 西部 plan's title
    a.update(Action::NextField);
    typed(&mut a, "西南");
    a.update(Action::Submit);
    assert_eq!(a.filters.doc.as_deref(), Some("001_xibu"));
    assert_eq!(
        a.filters.region.as_deref(),
        Some("台山市/西南部旅游集散中心")
    );
    // The 西部 plan has no goal in that region.
    assert_eq!(a.view.hits.len(), 0);
}

#[test]
fn overlaps_pane_lists_other_plans_most_certain_first() {
    use fengong::model::{Overlap, OverlapKind, OverlapRelation, PlaceRelation, TaskId};
    let mut data = TaskData::from_json(include_str!("fixtures/small.json")).unwrap();
    let ov = |a: &str, b: &str, score: f32, cross: bool| Overlap {
        a: TaskId(a.into()),
        b: TaskId(b.into()),
        score,
        relation: OverlapRelation::SamePlace,
        kind: OverlapKind::SimilarWording,
        cross_doc: cross,
        nested_jurisdictions: false,
        places: PlaceRelation::Same,
        topic: 0.0,
        shared: Vec::new(),
    };
    // t7 already overlaps 001:t1 (0.82); add a stronger one in another
    // plan and one within its own plan, which the pane leaves out.
    data.overlaps
        .push(ov("001_xibu:t2", "000_taishan:t7", 0.9, true));
    data.overlaps
        .push(ov("000_taishan:t7", "000_taishan:t3", 0.99, false));
    let mut a = App::new(
        Catalog::new(data),
        Lang::Zh,
        Theme::new(false),
        "t".into(),
        (120, 40),
    );
    a.update(Action::ExpandAll);
    while selected_title(&a) != "加快推进交通基础设施建设" {
        a.update(Action::Down);
    }
    let titles: Vec<String> = a.panes().overlaps.iter().map(|e| e.text.clone()).collect();
    assert_eq!(
        titles,
        ["[001] 完善西部公路网络", "[001] 加快推进深茂铁路建设"]
    );
}

/// A fast typist: `u`, the name, Enter and `e` all arrive before the
/// finder has answered or the duty view is computed. Every key must act on
/// the state the previous ones lead to: `e` exports the unit's duties; it
/// is neither a letter for the finder nor an export of the whole tree.
#[test]
fn keys_typed_ahead_wait_for_the_state_they_were_typed_for() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let key = |c: KeyCode| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let mut a = app();
    a.enable_background();
    a.handle_event(key(KeyCode::Char('u')));
    for c in "台城".chars() {
        a.handle_event(key(KeyCode::Char(c)));
    }
    a.handle_event(key(KeyCode::Enter));
    a.handle_event(key(KeyCode::Char('e')));
    let start = std::time::Instant::now();
    while !matches!(a.dialog, Some(Dialog::Export(_)))
        && start.elapsed() < std::time::Duration::from_secs(10)
    {
        a.update(Action::Tick);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let Screen::Duty(d) = &a.screen else {
        panic!("the duty view opened")
    };
    assert_eq!(a.cat.unit(d.unit).name, "台山市台城街道");
    let Some(Dialog::Export(x)) = &a.dialog else {
        panic!("e opened the export dialog")
    };
    assert_eq!(x.name.text(), "台山市台城街道.csv");
}

/// Enter on a query nothing matches does nothing, and is not remembered:
/// typing on must not open a unit by surprise or hold keys back.
#[test]
fn enter_without_a_match_is_not_kept_for_later() {
    let mut a = app();
    a.update(Action::OpenFinder);
    typed(&mut a, "没有这个单位");
    a.update(Action::Submit);
    let Some(Dialog::Finder(f)) = &a.dialog else {
        panic!("the finder stays open")
    };
    assert!(!f.submit_when_ready);
    assert!(!a.holding_input());
}

fn overlaps_app() -> App {
    let data = TaskData::from_json(include_str!("fixtures/overlaps.json")).unwrap();
    App::new(
        Catalog::new(data),
        Lang::Zh,
        Theme::new(false),
        "t".into(),
        (120, 40),
    )
}

fn select(a: &mut App, title: &str) {
    a.update(Action::ExpandAll);
    a.update(Action::Top);
    while selected_title(a) != title {
        let before = a.browse.cursor();
        a.update(Action::Down);
        assert_ne!(a.browse.cursor(), before, "no task titled {title}");
    }
}

#[test]
fn compare_opens_from_the_related_pane_jumps_and_closes() {
    use fengong::tui::dialogs::compare::Compare;
    let mut a = overlaps_app();
    select(&mut a, "加快推进交通基础设施建设");
    let t7 = a.selected_task().unwrap();
    a.focus = Focus::Overlaps;
    a.update(Action::Down); // the second related task: 001:t1
    a.update(Action::Compare);
    assert_eq!(a.input_mode(), fengong::tui::keymap::InputMode::View);
    let Some(Dialog::Compare(c)) = &a.dialog else {
        panic!("c opens the comparison")
    };
    let c: Compare = c.clone();
    assert_eq!(c.task, t7);
    assert_eq!(a.cat.task(c.other()).title, "加快推进深茂铁路建设");
    // The selected task is `a` of the overlap: its offsets go to its text.
    let (mine, other) = c.ranges(&a.cat);
    assert_eq!(mine, vec![(17, 21)]);
    assert_eq!(other, vec![(4, 8), (13, 17)]);
    // Esc closes it, back on the pane it came from.
    a.update(Action::Back);
    assert!(a.dialog.is_none());
    assert_eq!(a.focus, Focus::Overlaps);
    assert_eq!(selected_title(&a), "加快推进交通基础设施建设");
    // Enter goes to the related task; Esc comes back.
    a.update(Action::Compare);
    a.update(Action::Open);
    assert!(a.dialog.is_none());
    assert_eq!(selected_title(&a), "加快推进深茂铁路建设");
    // From there, c (on the tree) compares with its best related task,
    // and the offsets swap: this task is `b` of the overlap.
    a.update(Action::Compare);
    let Some(Dialog::Compare(c)) = &a.dialog else {
        panic!("c opens the comparison from the tree too")
    };
    assert_eq!(a.cat.task(c.other()).title, "加快推进交通基础设施建设");
    let (mine, other) = c.ranges(&a.cat);
    assert_eq!(mine, vec![(4, 8), (13, 17)]);
    assert_eq!(other, vec![(17, 21)]);
    a.update(Action::Back);
    a.update(Action::Back);
    assert_eq!(selected_title(&a), "加快推进交通基础设施建设");
}

#[test]
fn compare_without_related_tasks_says_so() {
    let mut a = overlaps_app();
    select(&mut a, "以新型城镇引擎推动北部能级提升");
    a.update(Action::Compare);
    assert!(a.dialog.is_none());
    assert_eq!(
        a.status.as_ref().map(|s| s.text.as_str()),
        Some("没有可对比的相关任务")
    );
}

#[test]
fn compare_scrolls_within_bounds() {
    let mut a = overlaps_app();
    a.update(Action::Resize(60, 20));
    select(&mut a, "加快推进交通基础设施建设");
    a.update(Action::Compare);
    let scroll = |a: &App| match &a.dialog {
        Some(Dialog::Compare(c)) => c.scroll,
        _ => panic!(),
    };
    a.update(Action::Up);
    assert_eq!(scroll(&a), 0);
    a.update(Action::Bottom);
    let max = scroll(&a);
    assert!(max > 0, "the stacked texts do not fit 60×20");
    a.update(Action::Down);
    assert_eq!(scroll(&a), max);
    a.update(Action::Top);
    assert_eq!(scroll(&a), 0);
}

#[test]
fn duty_view_hand_offs_open_the_other_plans_task() {
    use fengong::tui::view::duty::DutyRow;
    let mut a = overlaps_app();
    let u = a
        .cat
        .unit_pos(&fengong::model::UnitId::from("台山市交通运输局"))
        .unwrap();
    a.open_duty(u);
    let Screen::Duty(d) = &a.screen else {
        panic!("expected the duty view")
    };
    // 000:t7 (it co-leads) overlaps 001:t2, led by 江门市交通运输局: a
    // hand-off. 000:t7 ↔ 001:t1 is not (001:t1 has no lead).
    assert_eq!(d.handoffs.len(), 1);
    let h = &d.handoffs[0];
    assert_eq!(a.cat.task(h.task).title, "加快推进交通基础设施建设");
    assert_eq!(a.cat.task(h.other).title, "完善西部公路网络");
    assert_eq!(
        h.other_leads
            .iter()
            .map(|&u| a.cat.unit(u).name.as_str())
            .collect::<Vec<_>>(),
        ["江门市交通运输局"]
    );
    assert!((h.score - 0.9).abs() < 1e-6);
    let n = d.rows.len();
    assert!(matches!(d.rows[n - 3], DutyRow::Handoffs(1)));
    assert!(matches!(d.rows[n - 2], DutyRow::HandoffTask(_)));
    assert!(matches!(d.rows[n - 1], DutyRow::Handoff(0)));
    // The unit's own tasks are still listed, and the cursor starts there.
    assert!(matches!(d.rows[d.cursor], DutyRow::Task(_)));
    // Enter on the hand-off goes to the other plan's task; Esc comes back.
    a.update(Action::Bottom);
    a.update(Action::Open);
    assert!(matches!(a.screen, Screen::Browse));
    assert_eq!(selected_title(&a), "完善西部公路网络");
    a.update(Action::Back);
    let Screen::Duty(d) = &a.screen else {
        panic!("back to the duty view")
    };
    assert_eq!(d.cursor, n - 1);
    // On the own-task row, Enter goes to the unit's own task.
    a.update(Action::Up);
    a.update(Action::Open);
    assert_eq!(selected_title(&a), "加快推进交通基础设施建设");
}

#[test]
fn duty_view_without_hand_offs_has_no_section() {
    use fengong::tui::view::duty::DutyRow;
    let mut a = overlaps_app();
    // Leads tasks, none overlapping another plan.
    let u = a
        .cat
        .unit_pos(&fengong::model::UnitId::from("台山市产业转移工业园"))
        .unwrap();
    a.open_duty(u);
    let Screen::Duty(d) = &a.screen else { panic!() };
    assert!(d.handoffs.is_empty());
    assert!(!d.rows.iter().any(|r| matches!(r, DutyRow::Handoffs(_))));
}

/// Ticks (the event loop's, every 100 ms) poll the finder; they leave
/// every other dialog open.
#[test]
fn ticks_leave_open_dialogs_open() {
    let mut a = app();
    for open in [
        Action::Help,
        Action::StartSearch,
        Action::OpenFinder,
        Action::OpenFilter,
        Action::OpenExport,
    ] {
        a.update(open.clone());
        let mode = a.input_mode();
        for _ in 0..3 {
            a.update(Action::Tick);
        }
        assert!(a.dialog.is_some(), "{open:?} closed by a tick");
        assert_eq!(a.input_mode(), mode);
        a.dialog = None;
    }
}

/// The role choice offers 未明确 (tasks that name no lead) and 提及 (the
/// unit is only mentioned), and the status bar names them.
#[test]
fn filter_roles_unled_and_mentioned() {
    let mut a = app();
    a.update(Action::OpenFilter);
    run(&mut a, &[Action::NextField, Action::NextField]);
    // Any → lead → partner → 未明确.
    run(&mut a, &[Action::Expand, Action::Expand, Action::Expand]);
    a.update(Action::Submit);
    assert_eq!(a.filters.role, Role::Unled);
    assert_eq!(a.view.hits.len(), 2);
    assert!(a.view.hits.iter().all(|h| a.cat.task_unled(h.task)));
    let (s, _) = crate::common::tui::draw_terminal(&a);
    assert!(s.contains("筛选: 角色=未明确 · 显示任务 2"), "{s}");
    // 提及 for a unit: the tasks that mention it without giving it a role.
    a.update(Action::OpenFilter);
    run(
        &mut a,
        &[Action::NextField, Action::NextField, Action::Expand],
    );
    a.update(Action::NextField);
    typed(&mut a, "川岛镇");
    a.update(Action::Submit);
    assert_eq!(a.filters.role, Role::Mentioned);
    let titles: Vec<&str> = a
        .view
        .hits
        .iter()
        .map(|h| a.cat.task(h.task).title.as_str())
        .collect();
    assert_eq!(titles, ["建设滨海旅游示范带"]);
    // ← from 全部 goes round to 提及.
    a.update(Action::ClearFilters);
    a.update(Action::OpenFilter);
    a.update(Action::NextField);
    a.update(Action::NextField);
    a.update(Action::Collapse);
    let Some(Dialog::Filter(f)) = &a.dialog else {
        panic!()
    };
    assert_eq!(f.role, Role::Mentioned);
}
