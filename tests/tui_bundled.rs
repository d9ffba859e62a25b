//! The explorer on the real bundled data (`data/tasks.json`, compiled into
//! the binary): every row of the fully expanded tree drawn at 120×40 and
//! 60×20 without a cut character or a pushed-out border, and snapshots of
//! the main screens.
//!
//! The snapshots follow the data: after a new `fengong extract`, review
//! them with `INSTA_UPDATE=always cargo test --test tests tui_bundled` and
//! `git diff tests/snapshots`.

use std::time::Duration;

use fengong::query::{TaskPos, UnitPos};
use fengong::tui::action::Action;
use fengong::tui::input::Edit;
use fengong::tui::state::Screen;
use fengong::tui::{App, Lang};

use crate::common::tui::{app_on, assert_rows_fit, bundled_data, draw};

fn app(w: u16, h: u16) -> App {
    app_on(bundled_data(), "data/tasks.json", w, h, Lang::Zh)
}

#[test]
fn every_row_draws_cleanly_at_both_sizes() {
    let data = bundled_data();
    if data.tasks.is_empty() {
        eprintln!("NOTICE: bundled data has no tasks; nothing to check");
        return;
    }
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = app(w, h);
        a.update(Action::ExpandAll);
        let n = a.browse.rows().len();
        assert!(n >= data.tasks.len(), "every task has a row");
        for i in 0..n {
            let s = draw(&a);
            assert_rows_fit(&s, w, &format!("{w}x{h}, row {i}"));
            a.update(Action::Down);
        }
        assert_eq!(a.browse.cursor(), n - 1);
    }
}

#[test]
fn every_unit_opens_a_duty_view_that_draws_cleanly() {
    let data = bundled_data();
    let n_units = data.units.len();
    let mut a = app(120, 40);
    for u in (0..n_units).map(UnitPos::new) {
        a.open_duty(u);
        let Screen::Duty(d) = &a.screen else {
            panic!("unit {u:?}: no duty view")
        };
        let lead = a.cat.lead_count(u) as usize;
        let leads_in_view = d
            .hits
            .iter()
            .filter(|h| {
                h.via_group.is_none() && h.involvement == Some(fengong::query::Involvement::Lead)
            })
            .count();
        assert_eq!(
            leads_in_view, lead,
            "unit {u:?}: lead count agrees with the finder's"
        );
        let s = draw(&a);
        assert_rows_fit(&s, 120, &format!("duty view of unit {u:?}"));
    }
}

#[test]
fn snapshots_of_the_main_screens() {
    if bundled_data().tasks.is_empty() {
        return;
    }
    let mut a = app(120, 40);
    insta::assert_snapshot!("bundled_start_120x40", draw(&a));
    a.update(Action::ToggleGrouping);
    insta::assert_snapshot!("bundled_by_document_120x40", draw(&a));

    let a = app(60, 20);
    insta::assert_snapshot!("bundled_start_60x20", draw(&a));
    let a = app(80, 24);
    insta::assert_snapshot!("bundled_start_80x24", draw(&a));

    // The first task of the first plan, with its panes.
    let mut a = app(120, 40);
    a.update(Action::ExpandAll);
    while a.selected_task().is_none() {
        a.update(Action::Down);
    }
    insta::assert_snapshot!("bundled_first_task_120x40", draw(&a));
    a.update(Action::Resize(80, 24));
    insta::assert_snapshot!("bundled_first_task_80x24", draw(&a));
    a.update(Action::Resize(60, 20));
    insta::assert_snapshot!("bundled_first_task_60x20", draw(&a));

    // A unit's duties through the finder, typed by its short name.
    let mut a = app(120, 40);
    a.update(Action::OpenFinder);
    for c in "发展和改革局".chars() {
        a.update(Action::Edit(Edit::Char(c)));
    }
    a.wait_for_finder(Duration::from_secs(10));
    insta::assert_snapshot!("bundled_finder_120x40", draw(&a));
    a.update(Action::Submit);
    insta::assert_snapshot!("bundled_duty_120x40", draw(&a));
    a.update(Action::Resize(80, 24));
    insta::assert_snapshot!("bundled_duty_80x24", draw(&a));
}

/// Every cross-document overlap of the real data, from either end, lights
/// exactly its shared terms in each text; every ninth one (drawing them
/// all takes a minute in a debug build) draws cleanly at both sizes,
/// scrolled to its top and to its end (long texts, long document titles,
/// many shared terms).
#[test]
fn overlaps_compare_cleanly_at_both_sizes() {
    use fengong::query::OverlapPos;
    use fengong::tui::dialogs::Dialog;
    use fengong::tui::dialogs::compare::{Compare, Evidence, Sides};
    let data = bundled_data();
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = app(w, h);
        let pairs: Vec<(OverlapPos, TaskPos, TaskPos)> = a
            .cat
            .overlaps()
            .iter()
            .enumerate()
            .filter(|(_, o)| o.cross_doc)
            .filter_map(|(i, o)| {
                let ta = a.cat.task_pos(&o.a)?;
                let tb = a.cat.task_pos(&o.b)?;
                Some((OverlapPos::new(i), ta, tb))
            })
            .collect();
        assert_eq!(
            pairs.len(),
            data.overlaps.iter().filter(|o| o.cross_doc).count()
        );
        for (k, (i, ta, tb)) in pairs.into_iter().enumerate() {
            for (task, other) in [(ta, tb), (tb, ta)] {
                let cmp = Compare {
                    task,
                    others: vec![Evidence::of_overlap(&a.cat, task, other, i)],
                    at: 0,
                    scroll: 0,
                    sides: Sides::Related,
                };
                let terms: Vec<&str> = a
                    .cat
                    .overlap(i)
                    .shared
                    .iter()
                    .map(|t| t.term.as_str())
                    .collect();
                let (mine, theirs) = cmp.ranges(&a.cat);
                for (t, ranges) in [(task, mine), (other, theirs)] {
                    let chars: Vec<char> = a.cat.task(t).text.chars().collect();
                    assert!(!ranges.is_empty(), "overlap {i:?}: nothing lit");
                    for (x, y) in ranges {
                        let lit: String = chars[x..y].iter().collect();
                        assert!(terms.contains(&lit.as_str()), "overlap {i:?}: {lit}");
                    }
                }
                if k % 9 != 0 {
                    continue;
                }
                a.dialog = Some(Dialog::Compare(cmp));
                let s = draw(&a);
                assert_rows_fit(&s, w, &format!("{w}x{h}, overlap {i:?}"));
                a.update(Action::Bottom);
                let s = draw(&a);
                assert_rows_fit(&s, w, &format!("{w}x{h}, overlap {i:?}, end"));
            }
        }
    }
}
