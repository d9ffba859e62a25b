//! Issue 13's dialogs as state: the `/` search on the finder's engine
//! (pinyin, traditional characters, live count, empty prompt with the
//! last query one key away, marks), the filter's unit field choosing from
//! the finder, and the export dialog (format follows the name, refusals,
//! absolute names, folder and format remembered).

use std::time::Duration;

use fengong::export::Format;
use fengong::tui::action::Action;
use fengong::tui::dialogs::Dialog;
use fengong::tui::input::Edit;
use fengong::tui::{App, Lang};

use crate::common::temp_dir;
use crate::common::tui::{app_on, selected_title, small_data, typed};

fn app() -> App {
    app_on(small_data(), "small.json", 120, 40, Lang::Zh)
}

/// Opens the filter dialog on its unit field.
fn open_unit_field(a: &mut App) {
    a.update(Action::OpenFilter);
    for _ in 0..3 {
        a.update(Action::NextField);
    }
}

fn search_prompt(a: &App) -> &fengong::tui::dialogs::search::Search {
    match &a.dialog {
        Some(Dialog::Search(s)) => s,
        _ => panic!("the search prompt is open"),
    }
}

#[test]
fn search_finds_pinyin_initials_full_pinyin_and_traditional_characters() {
    for query in ["bhly", "binhailvyou", "濱海旅遊", "滨海旅游"] {
        let mut a = app();
        a.update(Action::StartSearch);
        typed(&mut a, query);
        // The count while typing, from the finder's engine.
        assert_eq!(search_prompt(&a).count, Some((2, true)), "{query}");
        a.update(Action::Submit);
        assert_eq!(selected_title(&a), "打造高端滨海旅游", "{query}");
        // The match is marked in the tree row's title.
        let t = a.selected_task().unwrap();
        let marks = &a.search_titles().unwrap()[&t];
        let title: Vec<char> = a.cat.task(t).title.chars().collect();
        let marked: String = marks.iter().map(|&i| title[i]).collect();
        assert_eq!(marked, "滨海旅游", "{query}");
    }
}

#[test]
fn search_starts_empty_with_the_last_query_one_key_away() {
    let mut a = app();
    a.update(Action::StartSearch);
    assert_eq!(search_prompt(&a).last, "", "nothing to recall yet");
    a.update(Action::Recall);
    assert!(search_prompt(&a).input.is_empty());
    typed(&mut a, "bhly");
    a.update(Action::Submit);
    a.update(Action::StartSearch);
    let p = search_prompt(&a);
    assert!(p.input.is_empty(), "a new search starts empty");
    assert_eq!(p.last, "bhly");
    a.update(Action::Recall);
    assert_eq!(search_prompt(&a).input.text(), "bhly");
    // Typing appends to the recalled query, and the count follows.
    typed(&mut a, " qqxxzz");
    a.wait_for_finder(Duration::from_secs(10));
    assert_eq!(search_prompt(&a).count, Some((0, true)));
    a.update(Action::Cancel);
    // ↑ recalls too.
    a.update(Action::StartSearch);
    a.update(Action::Up);
    assert_eq!(search_prompt(&a).input.text(), "bhly");
}

#[test]
fn filter_unit_field_takes_the_finders_choice_for_pinyin() {
    let mut a = app();
    open_unit_field(&mut a);
    typed(&mut a, "fagai");
    let Some(Dialog::Filter(f)) = &a.dialog else {
        panic!("filter open")
    };
    assert!(f.choosing_unit());
    let best = f.unit.results.hits.first().expect("ranked units").index;
    assert_eq!(a.finder_items[best].label, "台山市发展和改革局");
    a.update(Action::Submit);
    assert!(a.dialog.is_none(), "applied");
    assert_eq!(a.filters.unit.as_deref(), Some("台山市发展和改革局"));

    // A name as written (an alias) is kept as typed, with every unit it names.
    open_unit_field(&mut a);
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "发改局");
    a.update(Action::Submit);
    assert_eq!(a.filters.unit.as_deref(), Some("发改局"));

    // Nothing matches: refused in the interface language.
    open_unit_field(&mut a);
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "qqqqxxxx");
    a.update(Action::Submit);
    let Some(Dialog::Filter(f)) = &a.dialog else {
        panic!("stays open")
    };
    let e = f.error_text(Lang::Zh).unwrap();
    assert!(e.contains("qqqqxxxx"), "{e}");
    assert!(!e.is_ascii() && !e.contains("no unit"), "{e}");
    assert_eq!(a.filters.unit.as_deref(), Some("发改局"), "unchanged");
}

fn export_dialog(a: &App) -> &fengong::tui::dialogs::export::ExportDialog {
    match &a.dialog {
        Some(Dialog::Export(d)) => d,
        _ => panic!("the export dialog is open"),
    }
}

#[test]
fn export_format_follows_the_name_refuses_and_is_remembered() {
    let dir = temp_dir("tui-ux-export");
    let mut a = app();
    a.export.dir = dir.clone();
    a.update(Action::OpenExport);
    assert_eq!(export_dialog(&a).chosen(), Format::Csv);
    a.update(Action::NextField);
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "会议材料.xlsx");
    assert_eq!(export_dialog(&a).chosen(), Format::Xlsx, "follows .xlsx");
    // A .xls is refused with what to type; nothing is written.
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "发改局.xls");
    a.update(Action::Submit);
    let e = export_dialog(&a).error.clone().expect("refused");
    assert!(e.contains("发改局.xlsx"), "{e}");
    assert!(a.status.as_ref().unwrap().error);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    // An absolute name: the folder shown is the name's.
    let other = temp_dir("tui-ux-export-abs");
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, &format!("{}/全部.md", other.display()));
    assert_eq!(export_dialog(&a).folder(), other);
    assert_eq!(export_dialog(&a).chosen(), Format::Markdown);
    a.update(Action::Submit);
    assert!(other.join("全部.md").is_file());
    // Reopened: that folder and Markdown again.
    a.update(Action::OpenExport);
    let d = export_dialog(&a);
    assert_eq!(d.chosen(), Format::Markdown);
    assert_eq!(d.folder(), other);
    assert!(d.name.text().ends_with(".md"), "{}", d.name.text());
    // A failure is said in the interface language, all of it.
    a.update(Action::NextField);
    a.update(Action::Edit(Edit::Clear));
    typed(&mut a, "no/such/folder/x.md");
    a.update(Action::Submit);
    let said = a.status.as_ref().unwrap();
    assert!(said.error);
    assert!(
        said.text.contains("导出失败") && said.text.contains("文件夹不存在"),
        "{}",
        said.text
    );
    assert!(!said.text.contains("does not exist"), "{}", said.text);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&other);
}
