//! The explorer drawn into ratatui's `TestBackend`: apps on the fixture
//! and on the bundled data, the screen as text, and the width check.

use fengong::model::TaskData;
use fengong::query::Catalog;
use fengong::tui::action::Action;
use fengong::tui::input::Edit;
use fengong::tui::{App, Lang, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The small hand-written fixture (`tests/fixtures/small.json`).
pub fn small_data() -> TaskData {
    TaskData::from_json(include_str!("../fixtures/small.json")).unwrap()
}

/// The real data compiled into the binary (`data/tasks.json`).
pub fn bundled_data() -> TaskData {
    TaskData::from_json(fengong::bundled::BUNDLED_JSON).expect("bundled data parses")
}

/// An explorer on `data`, drawn at `w`×`h`.
pub fn app_on(data: TaskData, name: &str, w: u16, h: u16, lang: Lang) -> App {
    App::new(
        Catalog::new(data),
        lang,
        Theme::new(false),
        name.into(),
        (w, h),
    )
}

/// Types `s` into whatever has focus and waits for the finder's results.
pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Edit(Edit::Char(c)));
    }
    app.wait_for_finder(std::time::Duration::from_secs(10));
}

pub fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
    }
}

/// The buffer as text: one line per row, wide characters once (their
/// trailing cell is skipped), so the text reads like the terminal.
pub fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = fengong::text::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

/// Draws one frame; the screen as text and the terminal (for cell styles).
pub fn draw_terminal(app: &App) -> (String, Terminal<TestBackend>) {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| render::render(app, f)).unwrap();
    let s = screen(t.backend().buffer());
    (s, t)
}

/// Draws one frame; the screen as text.
pub fn draw(app: &App) -> String {
    draw_terminal(app).0
}

/// Every row is exactly as wide as the terminal: no wide character was
/// cut in half and no border was pushed out.
pub fn assert_rows_fit(s: &str, w: u16, context: &str) {
    for (i, line) in s.lines().enumerate() {
        assert_eq!(
            fengong::text::width(line),
            w as usize,
            "{context}: row {i} has the wrong width: {line:?}"
        );
    }
}

/// Selects the task titled `title`, everything expanded.
pub fn select_task(app: &mut App, title: &str) {
    app.update(Action::ExpandAll);
    app.update(Action::Top);
    for _ in 0..app.browse.rows().len() {
        if app.selected_task().map(|t| app.cat.task(t).title.as_str()) == Some(title) {
            return;
        }
        app.update(Action::Down);
    }
    panic!("no task titled {title}");
}

/// Groups the tree by document and selects the document whose id starts
/// with `prefix` (`001`): its summary shows on the right.
pub fn select_document(app: &mut App, prefix: &str) {
    use fengong::tui::view::tree::{Grouping, NodeKey};
    if app.grouping != Grouping::Document {
        app.update(Action::ToggleGrouping);
        app.settle(std::time::Duration::from_secs(30));
    }
    app.update(Action::Top);
    for _ in 0..app.browse.rows().len() {
        if let Some(NodeKey::Doc(d)) = app.browse.selected_key()
            && app
                .cat
                .document(d)
                .is_some_and(|d| d.id.0.starts_with(prefix))
        {
            return;
        }
        app.update(Action::Down);
    }
    panic!("no document {prefix}");
}

/// The last row of the screen: the key hints.
pub fn hint_row(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}
