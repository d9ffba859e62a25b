//! The explorer at every terminal size, and on plans that name no lead
//! units (issue 13): hints chosen by rank for the width, `…` where text
//! is cut, scroll positions in pane borders, zoom, the task text kept
//! readable at 80×24, ASCII borders, ambiguous-width characters drawn
//! wide for CJK terminals; mentions in the task pane, the document's own
//! facts, the tree's legend.
//!
//! Snapshots are of the bundled data (`data/tasks.json`) at 120×40,
//! 80×24 and 60×20; review them with
//! `INSTA_UPDATE=always cargo test --test tests tui_sizes` and
//! `git diff tests/snapshots`.

use fengong::query::Catalog;
use fengong::tui::action::Action;
use fengong::tui::config::Ui;
use fengong::tui::layout::Focus;
use fengong::tui::state::Screen;
use fengong::tui::{App, Lang, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellDiffOption};

use crate::common::tui::{
    app_on, assert_rows_fit, bundled_data, draw, hint_row, select_task, small_data,
};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (60, 20)];

fn bundled(w: u16, h: u16, lang: Lang) -> App {
    app_on(bundled_data(), "data/tasks.json", w, h, lang)
}

/// The first task of 001–004 with a mention: 提升区域性中心城市能级 of the
/// XX市 guidance (004), which names no lead unit.
const UNLED_TASK: &str = "提升区域性中心城市能级";

/// Draws `a` at every size in `SIZES`, checks every row's width, and
/// snapshots it as `{name}_{w}x{h}`.
fn snapshot_sizes(name: &str, mut a: App) {
    for (w, h) in SIZES {
        a.update(Action::Resize(w, h));
        let s = draw(&a);
        assert_rows_fit(&s, w, &format!("{name} at {w}x{h}"));
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), s);
    }
}

// ----- every terminal size ----------------------------------------------

/// At 80×24 a selected task shows its text, not only its title; the
/// lists shrink and say where they are; the hints end with help and quit.
#[test]
fn a_selected_task_shows_its_text_at_80x24() {
    let mut a = bundled(80, 24, Lang::Zh);
    select_task(&mut a, "以新型城镇引擎推动北部能级提升");
    let s = draw(&a);
    // Text from the task's second sentence, past its title.
    assert!(s.contains("建设全国县城新型城镇化示范区为契机"), "{s}");
    assert!(s.contains("强北部“7+1”城市功能平台"), "{s}");
    // The partners list (four units and a group's members) scrolls.
    assert!(s.contains(" 1/11 "), "partners say where they are:\n{s}");
    let hints = hint_row(&s);
    assert!(
        hints.contains("? 帮助") && hints.contains("q 退出"),
        "{hints}"
    );
    snapshot_sizes("first_task", a);
}

/// Every row is exactly the terminal's width, and help and quit are in
/// the hints, whatever has the keys, at every size down to 60×15.
#[test]
fn every_row_fits_and_help_and_quit_are_always_hinted() {
    for lang in [Lang::Zh, Lang::En] {
        let (help, quit) = match lang {
            Lang::Zh => ("? 帮助", "q 退出"),
            Lang::En => ("? help", "q quit"),
        };
        for (w, h) in [(120, 40), (80, 24), (60, 20), (60, 15)] {
            let mut a = bundled(w, h, lang);
            select_task(&mut a, "以新型城镇引擎推动北部能级提升");
            let mut seen = Vec::new();
            for zoomed in [false, true] {
                for _ in 0..5 {
                    let s = draw(&a);
                    let ctx = format!("{lang:?} {w}x{h} {:?} zoomed={zoomed}", a.focus);
                    assert_rows_fit(&s, w, &ctx);
                    let hints = hint_row(&s);
                    assert!(
                        hints.contains(help) && hints.contains(quit),
                        "{ctx}: {hints}"
                    );
                    seen.push(a.focus);
                    a.update(Action::FocusNext);
                }
                a.update(Action::Zoom);
            }
            assert!(seen.contains(&Focus::Overlaps), "every pane had the keys");
            // A unit's duties, and the summary of a region.
            a.update(Action::Zoom);
            a.update(Action::Back);
            a.update(Action::FocusNext);
            a.update(Action::FocusNext);
            a.update(Action::Open);
            assert!(matches!(a.screen, Screen::Duty(_)));
            let s = draw(&a);
            assert_rows_fit(&s, w, &format!("{w}x{h} duty view"));
            assert!(hint_row(&s).contains(help) && hint_row(&s).contains(quit));
        }
    }
}

/// The hints say what keys do where the keys are: the task text
/// scrolls (no 选择/打开 there), the unit lists open duties.
#[test]
fn hints_follow_the_focused_pane() {
    let mut a = bundled(120, 40, Lang::Zh);
    select_task(&mut a, "以新型城镇引擎推动北部能级提升");
    let tree = hint_row(&draw(&a)).to_owned();
    assert!(
        tree.contains("h/l 折叠/展开") && tree.contains("u 单位"),
        "{tree}"
    );
    a.update(Action::FocusNext);
    assert_eq!(a.focus, Focus::Detail);
    let text = hint_row(&draw(&a)).to_owned();
    assert!(
        text.contains("j/k 滚动") && text.contains("PgUp/PgDn 翻页"),
        "{text}"
    );
    assert!(!text.contains("选择") && !text.contains("打开"), "{text}");
    assert!(text.contains("z 全屏/还原"), "{text}");
    a.update(Action::FocusNext);
    let units = hint_row(&draw(&a)).to_owned();
    assert!(units.contains("Enter 查看职责"), "{units}");
    // Narrow: the lower ranks go first, help and quit stay.
    a.update(Action::Resize(60, 20));
    let narrow = hint_row(&draw(&a)).to_owned();
    assert!(narrow.trim_end().ends_with("? 帮助 q 退出"), "{narrow}");
}

/// Cut text ends with `…`; at 60×20 a unit's name is shown once in
/// full (its canonical name), never cut twice.
#[test]
fn cut_text_ends_with_an_ellipsis_and_unit_names_are_cut_once_at_most() {
    let mut a = bundled(60, 20, Lang::Zh);
    select_task(&mut a, "以新型城镇引擎推动北部能级提升");
    let s = draw(&a);
    assert!(s.contains("1. 以新型城镇…│"), "tree rows end in …:\n{s}");
    assert!(
        s.contains("│台山市产业转移工业园"),
        "the lead's full name:\n{s}"
    );
    assert!(
        s.contains("│台山市发展和改革局"),
        "the partner's full name:\n{s}"
    );
    for l in s.lines().filter(|l| l.contains("台山市")) {
        let right = l.rsplit('│').nth(1).unwrap_or("");
        assert!(!right.contains("市发展和改革 "), "cut twice: {l}");
    }
}

/// Panes whose content does not fit say where the view is, from what
/// drawing recorded; scrolling stops at the last page; a click in a
/// scrolled list picks the entry under the pointer.
#[test]
fn panes_show_their_scroll_position_and_clicks_follow_it() {
    let mut a = bundled(80, 24, Lang::Zh);
    select_task(&mut a, "以新型城镇引擎推动北部能级提升");
    let s = draw(&a);
    let e = a.drawn.get(Focus::Detail).unwrap();
    assert!(e.overflows(), "{e:?}");
    assert!(s.contains(&format!(" 1-{}/{} ", e.height, e.total)), "{s}");
    assert!(s.contains(&format!(" {}/", a.browse.cursor() + 1)), "tree");
    a.update(Action::FocusNext);
    for _ in 0..100 {
        a.update(Action::Down);
    }
    let s = draw(&a);
    let e = a.drawn.get(Focus::Detail).unwrap();
    assert_eq!(a.pane_pos(Focus::Detail), e.max_top(), "stops at the end");
    assert!(
        s.contains(&format!(" {}-{}/{} ", e.max_top() + 1, e.total, e.total)),
        "{s}"
    );
    // The partners list: select its last entry, then click its top row.
    a.update(Action::FocusNext);
    a.update(Action::FocusNext);
    a.update(Action::Bottom);
    draw(&a);
    let p = a.drawn.get(Focus::Partners).unwrap();
    assert!(p.top > 0, "{p:?}");
    let r = a
        .areas()
        .right
        .iter()
        .find(|(f, _)| *f == Focus::Partners)
        .unwrap()
        .1;
    a.update(Action::Click {
        x: r.x + 2,
        y: r.y + 1,
    });
    assert_eq!(a.pane_pos(Focus::Partners), p.top, "the row clicked");
}

/// `z` shows the focused pane over the whole screen; Tab moves the zoom
/// along; `z` or Esc comes back.
#[test]
fn zoom_fills_the_screen_with_the_focused_pane_and_comes_back() {
    let mut a = bundled(80, 24, Lang::Zh);
    select_task(&mut a, "以新型城镇引擎推动北部能级提升");
    a.update(Action::FocusNext);
    a.update(Action::Zoom);
    assert!(a.zoomed);
    let s = draw(&a);
    assert!(
        !s.contains("区域 → 目标 → 任务"),
        "the tree is hidden:\n{s}"
    );
    assert!(!s.contains("牵头单位 (1)"), "{s}");
    assert!(
        s.contains("来源: seeds/000_"),
        "more of the text shows:\n{s}"
    );
    let zoomed = a.areas();
    assert_eq!(zoomed.right, vec![(Focus::Detail, zoomed.body())]);
    a.update(Action::FocusNext);
    assert_eq!(a.areas().right[0].0, Focus::Leads, "the zoom follows Tab");
    a.update(Action::Back);
    assert!(!a.zoomed, "Esc leaves the zoom first");
    assert_eq!(a.focus, Focus::Leads);
    a.update(Action::FocusPrev);
    a.update(Action::Zoom);
    snapshot_sizes("zoomed_task_text", a);
}

/// With `[ui] borders = "ascii"` no box-drawing character is drawn.
#[test]
fn ascii_borders() {
    let mut a = bundled(80, 24, Lang::Zh);
    a.apply_ui(Ui {
        ambiguous_wide: false,
        ascii_borders: true,
    });
    select_task(&mut a, "以新型城镇引擎推动北部能级提升");
    let s = draw(&a);
    assert_rows_fit(&s, 80, "ascii");
    assert!(
        !s.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "box drawing left:\n{s}"
    );
    assert!(s.lines().nth(1).unwrap().starts_with("+ 区域"), "{s}");
    insta::assert_snapshot!("ascii_borders_80x24", s);
}

/// Plays ratatui's updates for `buf` (from an empty screen) into a
/// terminal that draws ambiguous-width characters `wide` or not, moving
/// the cursor as ratatui's crossterm backend does: only when the next
/// update is not the cell after the last. Returns the rows as the
/// terminal shows them, column by column, and whether anything was
/// pushed past the right edge.
fn play(buf: &Buffer, wide: bool) -> (Vec<Vec<String>>, bool) {
    use unicode_width::UnicodeWidthStr;
    let area = buf.area;
    let (w, h) = (area.width as usize, area.height as usize);
    let mut grid = vec![vec![" ".to_owned(); w]; h];
    let mut pushed = false;
    let mut cursor = 0usize;
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in Buffer::empty(area).diff(buf) {
        if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
            cursor = x as usize;
        }
        last = Some((x, y));
        let sym = cell.symbol();
        let cols = if wide {
            UnicodeWidthStr::width_cjk(sym)
        } else {
            UnicodeWidthStr::width(sym)
        };
        if cursor + cols > w {
            pushed = true;
        } else if cols > 0 {
            grid[y as usize][cursor] = sym.to_owned();
            for k in 1..cols {
                grid[y as usize][cursor + k] = String::new();
            }
        }
        cursor += cols;
    }
    (grid, pushed)
}

/// In a CJK terminal (ambiguous characters two columns wide) the quotes,
/// `…`, `·` and `→` of the text take two columns, and every border is
/// where the layout put it, in a terminal that draws them wide (and,
/// thanks to the cursor moves, in one that does not).
#[test]
fn ambiguous_characters_drawn_wide_keep_the_borders_in_line() {
    // Widths are per thread: this thread only.
    std::thread::spawn(|| {
        let mut a = bundled(80, 24, Lang::Zh);
        a.apply_ui(Ui {
            ambiguous_wide: true,
            ascii_borders: true,
        });
        select_task(&mut a, "以新型城镇引擎推动北部能级提升");
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let buf = t.draw(|f| render::render(&a, f)).unwrap().buffer.clone();
        let s = crate::common::tui::screen(&buf);
        assert_rows_fit(&s, 80, "wide");
        assert!(s.contains("“7+1”"), "{s}");
        // The quote is one cell marked two wide, and the row still
        // ends at the border.
        let (x, y) = (0..24)
            .flat_map(|y| (0..80).map(move |x| (x, y)))
            .find(|&(x, y)| buf[(x, y)].symbol() == "“")
            .unwrap();
        assert!(matches!(
            buf[(x, y)].diff_option,
            CellDiffOption::ForcedWidth(n) if n.get() == 2
        ));
        let left = a.areas().left;
        for wide in [true, false] {
            let (grid, pushed) = play(&buf, wide);
            assert!(!pushed, "wide={wide}: a row ran past the edge");
            for (row, cells) in grid.iter().enumerate().take(22).skip(1) {
                for col in [0, left.right() - 1, left.right(), 79] {
                    let c = cells[col as usize].as_str();
                    assert!(
                        c == "|" || c == "+",
                        "wide={wide}: row {row} column {col} is {c:?}: {}",
                        cells.concat()
                    );
                }
            }
        }
        insta::assert_snapshot!("ambiguous_wide_80x24", s);
    })
    .join()
    .unwrap();
}

// ----- plans that name no lead units --------------------------------------

/// A task of a plan without lead units shows what it mentions (提及),
/// with the places and units; the leads pane says 未明确.
#[test]
fn an_unled_task_shows_what_it_mentions() {
    let mut a = bundled(80, 24, Lang::Zh);
    select_task(&mut a, UNLED_TASK);
    let t = a.selected_task().unwrap();
    assert!(a.cat.task_unled(t));
    let s = draw(&a);
    assert!(s.contains("提及地点: 一核"), "{s}");
    assert!(s.contains("牵头单位 (0)") && s.contains("│未明确"), "{s}");
    snapshot_sizes("unled_task", a);
}

/// A task that mentions nothing says so; a unit named in the text is
/// shown with the unit it resolves to.
#[test]
fn mentions_name_their_units_or_say_none() {
    let mut a = app_on(small_data(), "small.json", 120, 40, Lang::Zh);
    select_task(&mut a, "完善西部公路网络");
    let s = draw(&a);
    assert!(s.contains("提及单位: 江门市交通运输局"), "{s}");
    // Nothing mentioned: said for a task without a lead, left out
    // for one whose panes say who leads.
    select_task(&mut a, "以现代产业引擎推进园区集聚增效");
    let s = draw(&a);
    assert!(!s.contains("提及"), "{s}");
    let mut data = small_data();
    data.tasks
        .iter_mut()
        .find(|t| t.title == "完善西部公路网络")
        .unwrap()
        .mentions
        .clear();
    let mut a = app_on(data, "small.json", 120, 40, Lang::Zh);
    select_task(&mut a, "完善西部公路网络");
    let s = draw(&a);
    assert!(s.contains("提及: 无"), "{s}");
    select_task(&mut a, "建设滨海旅游示范带");
    let s = draw(&a);
    assert!(s.contains("实施主体: 川岛(台山市川岛镇)"), "{s}");
}

/// Grouped by document, a plan's summary shows who issued it, when, its
/// 文号 and its source file, and says 未写明 for what the plan omits.
#[test]
fn the_document_summary_shows_issuer_date_number_and_source() {
    let mut a = bundled(120, 40, Lang::Zh);
    a.update(Action::ToggleGrouping);
    a.update(Action::CollapseAll);
    let s = draw(&a);
    for want in [
        "发文机关: 台山市人民政府",
        "成文日期: 2021-02-03",
        "文号: 台府〔2021〕3号",
        "来源文件: seeds/000_f13ecef8831b900d.txt",
    ] {
        assert!(s.contains(want), "{want}:\n{s}");
    }
    a.update(Action::Bottom);
    let s = draw(&a);
    assert!(
        s.contains("发文机关: 未写明") && s.contains("文号: 未写明"),
        "{s}"
    );
    assert!(s.contains("来源文件: seeds/004_"), "{s}");
    snapshot_sizes("document_summary", a);
}

/// A goal without tasks shows its plan and the headings above it (and,
/// once the data file keeps it, its own text).
#[test]
fn a_goal_without_tasks_shows_where_it_stands() {
    let mut a = bundled(80, 24, Lang::Zh);
    a.update(Action::ExpandAll);
    a.update(Action::Top);
    let title = "加强统筹协调";
    for _ in 0..a.browse.rows().len() {
        let s = draw(&a);
        if a.selected_task().is_none() && s.contains(&format!("│[004] {title}")) {
            break;
        }
        a.update(Action::Down);
    }
    let s = draw(&a);
    assert!(s.contains("任务 0 · 未明确牵头 0"), "{s}");
    assert!(s.contains("文档: [004] 关于构建区域发展新格局的指"), "{s}");
    assert!(
        s.contains("所属章节: ") && s.contains("健全保障措施"),
        "{s}"
    );
    snapshot_sizes("goal_without_tasks", a);
}

/// A goal whose body is prose and has no tasks (004's 加快对外大通道共建):
/// its summary shows the text the extractor kept, projects and all.
#[test]
fn a_prose_goal_shows_its_own_text() {
    use fengong::tui::view::tree::NodeKey;
    let mut a = bundled(120, 40, Lang::Zh);
    a.update(Action::ExpandAll);
    a.update(Action::Top);
    let title = "加快对外大通道共建";
    for _ in 0..a.browse.rows().len() {
        if let Some(NodeKey::Goal(g)) = a.browse.selected_key()
            && a.cat.goal(g).is_some_and(|g| g.title == title)
        {
            break;
        }
        a.update(Action::Down);
    }
    let Some(NodeKey::Goal(g)) = a.browse.selected_key() else {
        panic!("no goal {title}");
    };
    assert_eq!(a.cat.goal(g).unwrap().title, title);
    let s = draw(&a);
    assert!(s.contains("任务 0"), "{s}");
    assert!(s.contains("南郊机场"), "the goal's text is shown:\n{s}");
}

/// What `4/4` means: at the foot of the tree and in the help.
#[test]
fn the_tree_and_the_help_say_what_the_counts_mean() {
    let mut a = bundled(60, 20, Lang::Zh);
    let s = draw(&a);
    assert!(s.contains("n/m: 任务/未明确"), "{s}");
    a.update(Action::Help);
    let s = draw(&a);
    assert!(s.contains("4/3") && s.contains("4 项任务,3 项"), "{s}");
    let mut a = app_on(small_data(), "small.json", 120, 40, Lang::En);
    let s = draw(&a);
    assert!(s.contains("n/m: tasks/no lead"), "{s}");
    a.update(Action::Help);
    let s = draw(&a);
    assert!(s.contains("4 tasks, 3 of them without a named lead"), "{s}");
}

/// The role filter offers 未明确 and 提及 (checked in `tui_state`); on a
/// plan without leads 未明确 keeps every task.
#[test]
fn the_unled_filter_keeps_every_task_of_a_plan_without_leads() {
    use fengong::query::{Filters, Role};
    let c = Catalog::new(bundled_data());
    for doc in ["001", "002", "003", "004"] {
        let all = c
            .apply(&Filters {
                doc: Some(doc.into()),
                ..Default::default()
            })
            .unwrap();
        let unled = c
            .apply(&Filters {
                doc: Some(doc.into()),
                role: Role::Unled,
                ..Default::default()
            })
            .unwrap();
        assert!(!all.hits.is_empty(), "{doc}");
        assert_eq!(unled.hits.len(), all.hits.len(), "{doc}");
    }
}
