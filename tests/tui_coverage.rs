//! The explorer's views of issue 14: the related-tasks pane (overlaps by
//! default, parallel pairs on `p`, why it is empty) and the coverage view
//! (`v`: a higher plan against the plans below it, its evidence through
//! the comparison view), on the bundled data (江门市西部发展区 against
//! 台山市, the real case) and on the hand-written fixtures. Snapshots at
//! 120×40, 80×24 and 60×20, and state tests.

use std::collections::BTreeMap;
use std::time::Duration;

use fengong::model::{OverlapRelation, TaskData};
use fengong::overlap::coverage::{CoverageStatus, coverage};
use fengong::tui::action::Action;
use fengong::tui::dialogs::Dialog;
use fengong::tui::dialogs::compare::Sides;
use fengong::tui::dialogs::coverage::{CoverageState, CoverageView};
use fengong::tui::keymap::InputMode;
use fengong::tui::layout::Focus;
use fengong::tui::state::Screen;
use fengong::tui::view::coverage::CoverageRow;
use fengong::tui::view::tree::NodeKey;
use fengong::tui::{App, Lang};

use crate::common::tui::{
    app_on, assert_rows_fit, bundled_data, draw, select_document, select_task,
};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 20)];

fn bundled(w: u16, h: u16) -> App {
    app_on(bundled_data(), "data/tasks.json", w, h, Lang::Zh)
}

fn view(a: &App) -> &CoverageView {
    match &a.dialog {
        Some(Dialog::Coverage(v)) => v,
        other => panic!("no coverage view open: {other:?}"),
    }
}

/// The bundled data with 江门市西部发展区's plan (001) selected and its
/// coverage view open (computed inline: no background jobs in tests).
fn coverage_of_001(w: u16, h: u16) -> App {
    let mut a = bundled(w, h);
    select_document(&mut a, "001");
    a.update(Action::OpenCoverage);
    assert!(view(&a).ready().is_some(), "computed inline");
    a
}

/// Moves the coverage view's cursor to the first task with `status`.
fn to_first(a: &mut App, status: CoverageStatus) {
    a.update(Action::Top);
    loop {
        let v = view(a);
        let (cov, list) = v.ready().unwrap();
        let (item, _) = list.item_at(v.cursor).unwrap();
        if cov.items[item].status == status {
            return;
        }
        let before = v.cursor;
        a.update(Action::Down);
        assert_ne!(view(a).cursor, before, "no task with {status:?}");
    }
}

// ----- the related-tasks pane ----------------------------------------------

/// `overlaps.json` with the pair 000:t7–001:t1 (深茂铁路) made parallel:
/// 000:t7 then has one overlap (001:t2, 黄茅海跨海通道) and one parallel
/// pair.
fn with_a_parallel_pair() -> TaskData {
    let mut data = TaskData::from_json(include_str!("fixtures/overlaps.json")).unwrap();
    let o = data
        .overlaps
        .iter_mut()
        .find(|o| o.a.0 == "000_taishan:t7" && o.b.0 == "001_xibu:t1")
        .unwrap();
    o.relation = OverlapRelation::Parallel;
    data
}

#[test]
fn related_pane_shows_overlaps_and_parallel_pairs_on_p() {
    for (w, h) in SIZES {
        let mut a = app_on(with_a_parallel_pair(), "overlaps.json", w, h, Lang::Zh);
        select_task(&mut a, "加快推进交通基础设施建设");
        a.focus = Focus::Overlaps;
        let titles = |a: &App| -> Vec<String> {
            a.panes()
                .related
                .iter()
                .map(|r| a.cat.task(r.other).title.clone())
                .collect()
        };
        // Overlaps by default: the parallel pair is not there.
        assert_eq!(titles(&a), ["完善西部公路网络"]);
        assert!(a.panes().overlaps[0].note.contains("项目"));
        let (s, _) = crate::common::tui::draw_terminal(&a);
        assert_rows_fit(&s, w, "overlaps");
        assert!(s.contains("重叠任务 (1) · 平行 1"), "{s}");
        assert!(
            s.contains("p 重叠/平行") || w < 120,
            "the hint names p:\n{s}"
        );
        insta::assert_snapshot!(format!("related_overlaps_{w}x{h}"), s);
        // p: the parallel pair instead, said in the title and the entry.
        a.update(Action::ToggleParallel);
        assert_eq!(titles(&a), ["加快推进深茂铁路建设"]);
        let s = draw(&a);
        assert_rows_fit(&s, w, "parallel");
        assert!(s.contains("平行任务 (1) · 重叠 1"), "{s}");
        assert!(s.contains("显示平行任务"), "the status bar says so:\n{s}");
        assert!(a.panes().overlaps[0].note.contains("平行"));
        insta::assert_snapshot!(format!("related_parallel_{w}x{h}"), s);
        // The choice stays while moving; c compares with what is listed.
        a.focus = Focus::Tree;
        a.update(Action::Down);
        a.update(Action::Up);
        assert_eq!(titles(&a), ["加快推进深茂铁路建设"]);
        a.update(Action::Compare);
        let Some(Dialog::Compare(c)) = &a.dialog else {
            panic!("c compares with the parallel pair")
        };
        assert_eq!(c.evidence().relation, OverlapRelation::Parallel);
        assert!(draw(&a).contains("平行措施"));
        a.update(Action::Back);
        // p again: overlaps.
        a.update(Action::ToggleParallel);
        assert_eq!(titles(&a), ["完善西部公路网络"]);
    }
}

#[test]
fn an_empty_related_pane_says_why() {
    let pane_text = |data: TaskData, w: u16, h: u16| -> String {
        let mut a = app_on(data, "x.json", w, h, Lang::Zh);
        select_task(&mut a, "加快推进交通基础设施建设");
        a.focus = Focus::Overlaps;
        let s = draw(&a);
        assert_rows_fit(&s, w, "empty pane");
        s
    };
    // One plan only: there is nothing to compare with (not 尚未计算).
    let one_doc = || {
        let mut d = TaskData::from_json(include_str!("fixtures/overlaps.json")).unwrap();
        d.documents.retain(|x| x.id.0 == "000_taishan");
        d.goals.retain(|g| g.doc.0 == "000_taishan");
        d.tasks.retain(|t| t.doc.0 == "000_taishan");
        d.overlaps.clear();
        d
    };
    for (w, h) in [(80, 24), (60, 20)] {
        let s = pane_text(one_doc(), w, h);
        assert!(s.contains("没有其他规划可比较"), "{s}");
        assert!(!s.contains("尚未计算"), "{s}");
        insta::assert_snapshot!(format!("related_one_document_{w}x{h}"), s);
    }
    // Two plans, no overlaps stored: not computed.
    let mut none = TaskData::from_json(include_str!("fixtures/overlaps.json")).unwrap();
    none.overlaps.clear();
    assert!(pane_text(none, 80, 24).contains("尚未计算重叠任务"));
    // Overlaps stored, none of this task's of the kind shown: none found.
    let mut a = app_on(with_a_parallel_pair(), "x.json", 80, 24, Lang::Zh);
    select_task(&mut a, "打造高端滨海旅游");
    a.update(Action::ToggleParallel);
    assert!(draw(&a).contains("未找到平行任务"));
    assert!(draw(&a).contains("平行任务 (0) · 重叠 1"));
}

#[test]
fn duty_hand_offs_leave_out_parallel_pairs() {
    use fengong::tui::view::duty::DutyRow;
    let unit = fengong::model::UnitId::from("台山市交通运输局");
    let handoffs = |data: TaskData| -> usize {
        let mut a = app_on(data, "x.json", 120, 40, Lang::Zh);
        let u = a.cat.unit_pos(&unit).unwrap();
        a.open_duty(u);
        let Screen::Duty(d) = &a.screen else {
            panic!("no duty view")
        };
        d.rows
            .iter()
            .filter(|r| matches!(r, DutyRow::Handoff(_)))
            .count()
    };
    let data = TaskData::from_json(include_str!("fixtures/overlaps.json")).unwrap();
    assert_eq!(handoffs(data.clone()), 1, "000:t7 – 001:t2 is a hand-off");
    // The same pair as a parallel pair: similar work in a sibling place
    // is nobody's hand-off.
    let mut parallel = data;
    for o in &mut parallel.overlaps {
        o.relation = OverlapRelation::Parallel;
    }
    assert_eq!(handoffs(parallel), 0);
    // On the bundled data no duty view lists a parallel pair.
    let mut a = bundled(120, 40);
    for u in (0..a.cat.units().len()).map(fengong::query::UnitPos::new) {
        a.open_duty(u);
        let Screen::Duty(d) = &a.screen else {
            panic!("no duty view")
        };
        for h in &d.handoffs {
            let o = a.cat.overlap(h.overlap);
            assert!(o.relation.is_overlap(), "{o:?}");
        }
    }
}

// ----- the coverage view ------------------------------------------------------

#[test]
fn coverage_view_snapshots() {
    for (w, h) in SIZES {
        let mut a = coverage_of_001(w, h);
        let s = draw(&a);
        assert_rows_fit(&s, w, &format!("coverage {w}x{h}"));
        for needle in ["落实情况 · [001]", "对照 [000]", "已落实", "未落实"] {
            assert!(s.contains(needle), "{needle} missing at {w}x{h}:\n{s}");
        }
        insta::assert_snapshot!(format!("coverage_{w}x{h}"), s);
        // A taken-up task selected, its evidence beside or below the list.
        to_first(&mut a, CoverageStatus::TakenUp);
        let s = draw(&a);
        assert_rows_fit(&s, w, &format!("coverage {w}x{h}, taken up"));
        insta::assert_snapshot!(format!("coverage_taken_up_{w}x{h}"), s);
        // Enter: the task and its best taker side by side.
        a.update(Action::Open);
        let s = draw(&a);
        assert_rows_fit(&s, w, &format!("coverage {w}x{h}, evidence"));
        for needle in ["上级任务", "[001]", "共同词语", "n/N"] {
            assert!(s.contains(needle), "{needle} missing at {w}x{h}:\n{s}");
        }
        insta::assert_snapshot!(format!("coverage_evidence_{w}x{h}"), s);
        // Every row draws cleanly, each task's evidence too.
        a.update(Action::Back);
        a.update(Action::Top);
        let n = view(&a).ready().unwrap().1.task_rows.len();
        for i in 0..n {
            assert_eq!(view(&a).cursor, i);
            assert_rows_fit(&draw(&a), w, &format!("coverage {w}x{h}, task {i}"));
            a.update(Action::Down);
        }
    }
}

#[test]
fn counts_per_goal_are_what_the_library_computes() {
    let data = bundled_data();
    let higher = data
        .documents
        .iter()
        .find(|d| d.id.0.starts_with("001"))
        .unwrap()
        .id
        .clone();
    // Independently: the library's coverage, counted by the goal each
    // task belongs to in the data file.
    let cov = coverage(&data, &higher, &[]).unwrap();
    let mut want: BTreeMap<String, [u32; 3]> = BTreeMap::new();
    for item in &cov.items {
        let task = data.tasks.iter().find(|t| t.id == item.task).unwrap();
        let k = match item.status {
            CoverageStatus::TakenUp => 0,
            CoverageStatus::Partly => 1,
            CoverageStatus::NotTakenUp => 2,
        };
        want.entry(task.goal.0.clone()).or_default()[k] += 1;
    }
    let a = coverage_of_001(120, 40);
    let (_, list) = view(&a).ready().unwrap();
    let mut got: BTreeMap<String, [u32; 3]> = BTreeMap::new();
    let mut tasks = 0;
    for row in &list.rows {
        match row {
            CoverageRow::Goal { goal, counts } => {
                let id = a.cat.goal(*goal).unwrap().id.0.clone();
                let c = [counts.taken_up, counts.partly, counts.not_taken_up];
                assert!(got.insert(id, c).is_none(), "one row per goal");
            }
            CoverageRow::Task { .. } => tasks += 1,
        }
    }
    assert_eq!(got, want);
    assert_eq!(
        tasks,
        cov.items.len(),
        "every concerned task is listed once"
    );
    // The real case: some taken up, some not; the totals head the view.
    let t = &list.totals;
    assert!(t.taken_up > 0 && t.not_taken_up > 0, "{t:?}");
    let s = draw(&a);
    assert!(
        s.contains(&format!(
            "已落实 {} · 部分落实 {} · 未落实 {}",
            t.taken_up, t.partly, t.not_taken_up
        )),
        "{s}"
    );
}

#[test]
fn enter_compares_with_the_takers_and_esc_comes_back() {
    let mut a = coverage_of_001(120, 40);
    assert_eq!(a.input_mode(), InputMode::Coverage);
    to_first(&mut a, CoverageStatus::TakenUp);
    let cursor = view(&a).cursor;
    let (cov, list) = view(&a).ready().unwrap();
    let (item, higher) = list.item_at(cursor).unwrap();
    let takers: Vec<String> = cov.items[item]
        .takers
        .iter()
        .map(|t| t.task.0.clone())
        .collect();
    assert!(takers.len() > 1, "several takers to step through");
    a.update(Action::Open);
    assert_eq!(a.input_mode(), InputMode::View);
    let cmp = view(&a)
        .compare
        .clone()
        .expect("Enter opens the comparison");
    assert_eq!(cmp.sides, Sides::Coverage);
    assert_eq!(cmp.task, higher);
    let shown = |a: &App| {
        let c = view(a).compare.as_ref().unwrap();
        a.cat.task(c.other()).id.0.clone()
    };
    assert_eq!(shown(&a), takers[0], "the best taker first");
    // The shared terms are lit in both texts, at the recorded offsets.
    let (mine, theirs) = cmp.ranges(&a.cat);
    assert!(!mine.is_empty() && !theirs.is_empty());
    let terms: Vec<&str> = cmp
        .evidence()
        .shared
        .iter()
        .map(|t| t.term.as_str())
        .collect();
    let chars: Vec<char> = a.cat.task(cmp.other()).text.chars().collect();
    for (x, y) in theirs {
        let lit: String = chars[x..y].iter().collect();
        assert!(terms.contains(&lit.as_str()), "{lit} not in {terms:?}");
    }
    let s = draw(&a);
    assert!(s.contains("上级任务") && s.contains("下级任务"), "{s}");
    assert!(s.contains(&format!("承接任务 1/{}", takers.len())), "{s}");
    // n / N step through the other takers, round.
    a.update(Action::NextMatch);
    assert_eq!(shown(&a), takers[1]);
    a.update(Action::PrevMatch);
    a.update(Action::PrevMatch);
    assert_eq!(shown(&a), *takers.last().unwrap());
    a.update(Action::NextMatch);
    // Esc: back to the list, where it was.
    a.update(Action::Back);
    assert!(view(&a).compare.is_none());
    assert_eq!(view(&a).cursor, cursor);
    assert_eq!(a.input_mode(), InputMode::Coverage);
    // Esc again closes the view; v reopens it as it was, not recomputed.
    a.update(Action::Back);
    assert!(a.dialog.is_none());
    assert!(matches!(a.browse.selected_key(), Some(NodeKey::Doc(_))));
    a.update(Action::OpenCoverage);
    assert_eq!(view(&a).cursor, cursor);
    // Enter twice: to the taker in the tree; Esc comes back to the
    // comparison, Esc to the list, Esc out, Esc to the document.
    a.update(Action::Open);
    a.update(Action::Open);
    assert!(a.dialog.is_none());
    assert_eq!(
        a.selected_task().map(|t| a.cat.task(t).id.0.clone()),
        Some(takers[0].clone())
    );
    a.update(Action::Back);
    assert!(view(&a).compare.is_some(), "back to the comparison");
    a.update(Action::Back);
    a.update(Action::Back);
    assert!(a.dialog.is_none());
    a.update(Action::Back);
    assert!(matches!(a.browse.selected_key(), Some(NodeKey::Doc(_))));
}

#[test]
fn a_task_nobody_takes_up_says_so_and_f_filters_by_status() {
    let mut a = coverage_of_001(80, 24);
    let (cov, _) = view(&a).ready().unwrap();
    let lonely = cov
        .items
        .iter()
        .position(|i| i.takers.is_empty())
        .expect("a task with no taker at all");
    // Filter to 未落实: only those, headers with the full counts.
    a.update(Action::OpenFilter);
    assert_eq!(view(&a).only, Some(CoverageStatus::NotTakenUp));
    let (cov, list) = view(&a).ready().unwrap();
    for i in 0..list.task_rows.len() {
        let (item, _) = list.item_at(i).unwrap();
        assert_eq!(cov.items[item].status, CoverageStatus::NotTakenUp);
    }
    assert_eq!(list.task_rows.len() as u32, list.totals.not_taken_up);
    let s = draw(&a);
    assert!(s.contains("筛选: 未落实"), "{s}");
    insta::assert_snapshot!("coverage_not_taken_up_80x24", s);
    // Enter on a task no lower task shares anything with: a message.
    while list_item(&a) != Some(lonely) {
        let before = view(&a).cursor;
        a.update(Action::Down);
        assert_ne!(view(&a).cursor, before);
    }
    a.update(Action::Open);
    assert!(view(&a).compare.is_none());
    assert_eq!(
        a.status.as_ref().map(|s| s.text.as_str()),
        Some("下级规划中没有与此相关的任务")
    );
    // f round: partly, taken up, all.
    for want in [
        Some(CoverageStatus::Partly),
        Some(CoverageStatus::TakenUp),
        None,
    ] {
        a.update(Action::OpenFilter);
        assert_eq!(view(&a).only, want);
        assert_eq!(view(&a).cursor, 0);
    }
}

fn list_item(a: &App) -> Option<usize> {
    let v = view(a);
    v.ready()?.1.item_at(v.cursor).map(|(i, _)| i)
}

#[test]
fn the_document_summary_offers_the_view() {
    let mut a = bundled(120, 40);
    select_document(&mut a, "001");
    let s = draw(&a);
    assert!(s.contains("v 落实情况: 对照 [000]"), "{s}");
    // A plan with none below it says so, and v says so too.
    select_document(&mut a, "002");
    let s = draw(&a);
    assert!(s.contains("落实情况: 没有下级规划可对照"), "{s}");
    a.update(Action::OpenCoverage);
    assert!(a.dialog.is_none());
    let msg = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(msg.starts_with("[002] 没有下级规划可对照"), "{msg}");
    // From a goal or a task of 001 in the region tree, v opens 001's view.
    let mut a = bundled(120, 40);
    let first_001 = a
        .cat
        .tasks()
        .iter()
        .find(|t| t.doc.0.starts_with("001"))
        .unwrap()
        .title
        .clone();
    select_task(&mut a, &first_001);
    a.update(Action::Collapse); // to its goal
    assert!(matches!(a.browse.selected_key(), Some(NodeKey::Goal(_))));
    assert!(draw(&a).contains("v 落实情况: 对照 [000]"));
    a.update(Action::OpenCoverage);
    let doc = view(&a).doc;
    assert!(a.cat.document(doc).unwrap().id.0.starts_with("001"));
    // A remapped key shows in the line.
    let mut a = bundled(120, 40);
    a.keys
        .remap(
            &[InputMode::Normal],
            "coverage",
            &[fengong::tui::keymap::Key::parse("F2").unwrap()],
        )
        .unwrap();
    select_document(&mut a, "001");
    assert!(draw(&a).contains("F2 落实情况"));
}

#[test]
fn coverage_is_computed_off_the_key_press() {
    let mut a = bundled(120, 40);
    a.enable_background();
    select_document(&mut a, "001");
    a.update(Action::OpenCoverage);
    // The key only asked: the view says it is computing.
    assert_eq!(view(&a).state, CoverageState::Computing);
    assert!(draw(&a).contains("计算中…"));
    // Keys are not held meanwhile: Esc closes the view at once.
    a.handle_event(crossterm::event::Event::Key(
        crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Esc),
    ));
    assert!(a.dialog.is_none());
    a.settle(Duration::from_secs(60));
    assert!(a.dialog.is_none(), "a late answer opens nothing");
    // Again, waiting this time.
    a.update(Action::OpenCoverage);
    a.settle(Duration::from_secs(60));
    assert!(view(&a).ready().is_some());
    assert!(draw(&a).contains("已落实"));
}

#[test]
fn coverage_view_in_english() {
    let mut a = app_on(bundled_data(), "data/tasks.json", 120, 40, Lang::En);
    select_document(&mut a, "001");
    a.update(Action::OpenCoverage);
    to_first(&mut a, CoverageStatus::TakenUp);
    let s = draw(&a);
    assert_rows_fit(&s, 120, "english");
    for needle in [
        "Coverage · [001]",
        "taken up",
        "not taken up",
        "Taken up by",
    ] {
        assert!(s.contains(needle), "{needle} missing:\n{s}");
    }
}

#[test]
fn no_color_marks_statuses_by_their_words() {
    let a = coverage_of_001(120, 40);
    let (s, t) = crate::common::tui::draw_terminal(&a);
    for cell in t.backend().buffer().content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "NO_COLOR: {cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "NO_COLOR: {cell:?}");
    }
    // Each task row starts with its status in words.
    let rows = s
        .lines()
        .map(|l| l.trim_start_matches('│'))
        .filter(|l| l.starts_with("  "))
        .filter(|l| {
            ["已落实", "部分落实", "未落实"]
                .iter()
                .any(|w| l.trim_start().starts_with(w))
        })
        .count();
    assert!(rows > 10, "{s}");
}
