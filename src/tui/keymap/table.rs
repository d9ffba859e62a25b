//! The default key table: every key of the explorer, once. The help
//! overlay, the hint bars and the key section of `docs/EXPLORER.md` are
//! made from it (see the parent module); a user config may remap it.
//!
//! One row per key. Rows that share a [`Topic`] form one line of help
//! (`j k ↑ ↓ 上下移动`), in table order; rows marked `also` are
//! alternatives the help overlay leaves out for room (the docs list them).

use crossterm::event::KeyCode;

use super::{Binding, InputMode, Key, Topic};
use crate::tui::action::Action;
use crate::tui::input::Edit;

const fn ch(c: char) -> Key {
    Key::Press(KeyCode::Char(c), false)
}

const fn ctrl(c: char) -> Key {
    Key::Press(KeyCode::Char(c), true)
}

const fn code(c: KeyCode) -> Key {
    Key::Press(c, false)
}

use InputMode::{Choice, Confirm, Normal, Text, View};

const BROWSE: &[InputMode] = &[Normal];
const COMPARE: &[InputMode] = &[View];
const DIALOG: &[InputMode] = &[Text, Choice];
const CHOICE: &[InputMode] = &[Choice];
const TYPING: &[InputMode] = &[Text];
const QUESTION: &[InputMode] = &[Confirm];

const fn row(
    key: Key,
    modes: &'static [InputMode],
    action: Action,
    topic: &'static Topic,
) -> Binding {
    Binding {
        key,
        modes,
        action,
        topic,
        also: false,
    }
}

/// An alternative key: in the docs, not in the help overlay.
const fn also(
    key: Key,
    modes: &'static [InputMode],
    action: Action,
    topic: &'static Topic,
) -> Binding {
    Binding {
        key,
        modes,
        action,
        topic,
        also: true,
    }
}

macro_rules! topic {
    ($name:ident, $zh:literal, $en:literal) => {
        pub static $name: Topic = Topic { zh: $zh, en: $en };
    };
}

topic!(MOVE, "上下移动", "move");
topic!(
    FOLD,
    "折叠 / 展开(或到上级/下级)",
    "collapse / expand (or parent / child)"
);
topic!(ENDS, "到顶 / 到底", "top / bottom");
topic!(PAGE, "翻页", "page");
topic!(ALL, "全部展开 / 全部折叠", "expand all / collapse all");
topic!(PANES, "切换窗格", "cycle panes");
topic!(
    OPEN,
    "打开:单位 → 职责,相关任务 → 该任务",
    "open: unit → duties, related task → that task"
);
topic!(BACK, "返回上一个位置", "back to the previous place");
topic!(
    SEARCH,
    "搜索任务,下一个 / 上一个",
    "search tasks, next / previous"
);
topic!(FINDER, "查找单位", "find a unit");
topic!(FILTER, "筛选 / 清除筛选", "filter / clear filters");
topic!(GROUP, "按区域 / 按文档分组", "group by region / document");
topic!(EXPORT, "导出当前内容", "export what is shown");
topic!(
    COMPARE_TOPIC,
    "并排对比任务与相关任务",
    "compare with a related task side by side"
);
// The 台账 (issue 15).
topic!(DEADLINES, "按时限查看任务", "tasks by deadline");
topic!(MATRIX_TOPIC, "责任矩阵", "responsibility matrix");
topic!(MATRIX_KEYS, "矩阵:排序 / 按目标", "matrix: order / by goal");
topic!(
    PROGRESS_TOPIC,
    "任务状态 / 进展",
    "set the status / add a note"
);
topic!(HELP, "帮助", "this help");
topic!(QUIT, "退出", "quit");
topic!(MOUSE, "点击选择,滚轮滚动", "click selects, wheel scrolls");

topic!(SCROLL, "滚动两段文本", "scroll both texts");
topic!(SCROLL_ENDS, "到开头 / 到末尾", "to the start / the end");
topic!(
    GO_RELATED,
    "跳到相关任务(Esc 返回)",
    "go to the related task (Esc comes back)"
);
topic!(CLOSE_COMPARE, "关闭对比", "close the comparison");

topic!(
    SUBMIT,
    "确认(应用、导出、查看职责)",
    "confirm (apply, export, open the duties)"
);
topic!(CANCEL, "取消并关闭", "cancel and close");
topic!(FIELD, "下一项 / 上一项", "next / previous field");
topic!(
    SELECT,
    "上下选择(结果或项)",
    "move through the results or the fields"
);
topic!(
    CHOOSE,
    "改变选项(文档、区域、角色、格式)",
    "change a choice (document, region, role, format)"
);
topic!(CARET, "移动光标", "move the caret");
topic!(
    ERASE,
    "删除字符 / 清空",
    "delete a character / clear the input"
);

topic!(ANSWER, "回答“覆盖?”", "answer \"overwrite?\"");

/// The default bindings, in the order help lists them.
pub static DEFAULT: &[Binding] = &[
    // Browsing.
    row(ch('j'), BROWSE, Action::Down, &MOVE),
    row(ch('k'), BROWSE, Action::Up, &MOVE),
    row(code(KeyCode::Up), BROWSE, Action::Up, &MOVE),
    row(code(KeyCode::Down), BROWSE, Action::Down, &MOVE),
    row(ch('h'), BROWSE, Action::Collapse, &FOLD),
    row(ch('l'), BROWSE, Action::Expand, &FOLD),
    row(code(KeyCode::Left), BROWSE, Action::Collapse, &FOLD),
    row(code(KeyCode::Right), BROWSE, Action::Expand, &FOLD),
    row(ch('g'), BROWSE, Action::Top, &ENDS),
    row(ch('G'), BROWSE, Action::Bottom, &ENDS),
    also(code(KeyCode::Home), BROWSE, Action::Top, &ENDS),
    also(code(KeyCode::End), BROWSE, Action::Bottom, &ENDS),
    row(code(KeyCode::PageUp), BROWSE, Action::PageUp, &PAGE),
    row(code(KeyCode::PageDown), BROWSE, Action::PageDown, &PAGE),
    also(ctrl('u'), BROWSE, Action::PageUp, &PAGE),
    also(ctrl('d'), BROWSE, Action::PageDown, &PAGE),
    row(ch('E'), BROWSE, Action::ExpandAll, &ALL),
    row(ch('C'), BROWSE, Action::CollapseAll, &ALL),
    also(ch('*'), BROWSE, Action::ExpandAll, &ALL),
    also(ch('-'), BROWSE, Action::CollapseAll, &ALL),
    row(code(KeyCode::Tab), BROWSE, Action::FocusNext, &PANES),
    row(code(KeyCode::BackTab), BROWSE, Action::FocusPrev, &PANES),
    row(code(KeyCode::Enter), BROWSE, Action::Open, &OPEN),
    row(code(KeyCode::Esc), BROWSE, Action::Back, &BACK),
    row(code(KeyCode::Backspace), BROWSE, Action::Back, &BACK),
    row(ch('/'), BROWSE, Action::StartSearch, &SEARCH),
    row(ch('n'), BROWSE, Action::NextMatch, &SEARCH),
    row(ch('N'), BROWSE, Action::PrevMatch, &SEARCH),
    row(ch('u'), BROWSE, Action::OpenFinder, &FINDER),
    row(ctrl('p'), BROWSE, Action::OpenFinder, &FINDER),
    row(ch('f'), BROWSE, Action::OpenFilter, &FILTER),
    row(ch('F'), BROWSE, Action::ClearFilters, &FILTER),
    row(ch('d'), BROWSE, Action::ToggleGrouping, &GROUP),
    row(ch('e'), BROWSE, Action::OpenExport, &EXPORT),
    row(ch('c'), BROWSE, Action::Compare, &COMPARE_TOPIC),
    // The 台账 (issue 15).
    row(ch('t'), BROWSE, Action::Deadlines, &DEADLINES),
    row(ch('m'), BROWSE, Action::Matrix, &MATRIX_TOPIC),
    row(ch('o'), BROWSE, Action::SortMatrix, &MATRIX_KEYS),
    row(ch('b'), BROWSE, Action::MatrixBy, &MATRIX_KEYS),
    row(ch('s'), BROWSE, Action::SetStatus, &PROGRESS_TOPIC),
    row(ch('p'), BROWSE, Action::AddNote, &PROGRESS_TOPIC),
    row(ch('?'), BROWSE, Action::Help, &HELP),
    row(ch('q'), BROWSE, Action::Quit, &QUIT),
    row(Key::Mouse, BROWSE, Action::Click { x: 0, y: 0 }, &MOUSE),
    // The comparison view.
    row(ch('j'), COMPARE, Action::Down, &SCROLL),
    row(ch('k'), COMPARE, Action::Up, &SCROLL),
    row(code(KeyCode::Down), COMPARE, Action::Down, &SCROLL),
    row(code(KeyCode::Up), COMPARE, Action::Up, &SCROLL),
    row(code(KeyCode::PageUp), COMPARE, Action::PageUp, &SCROLL),
    row(code(KeyCode::PageDown), COMPARE, Action::PageDown, &SCROLL),
    also(ch(' '), COMPARE, Action::PageDown, &SCROLL),
    also(ctrl('u'), COMPARE, Action::PageUp, &SCROLL),
    also(ctrl('d'), COMPARE, Action::PageDown, &SCROLL),
    row(ch('g'), COMPARE, Action::Top, &SCROLL_ENDS),
    row(ch('G'), COMPARE, Action::Bottom, &SCROLL_ENDS),
    also(code(KeyCode::Home), COMPARE, Action::Top, &SCROLL_ENDS),
    also(code(KeyCode::End), COMPARE, Action::Bottom, &SCROLL_ENDS),
    row(code(KeyCode::Enter), COMPARE, Action::Open, &GO_RELATED),
    row(code(KeyCode::Esc), COMPARE, Action::Back, &CLOSE_COMPARE),
    row(
        code(KeyCode::Backspace),
        COMPARE,
        Action::Back,
        &CLOSE_COMPARE,
    ),
    row(ch('c'), COMPARE, Action::Back, &CLOSE_COMPARE),
    row(ch('q'), COMPARE, Action::Quit, &QUIT),
    // Dialogs: search, finder, filters, export.
    row(code(KeyCode::Enter), DIALOG, Action::Submit, &SUBMIT),
    row(code(KeyCode::Esc), DIALOG, Action::Cancel, &CANCEL),
    row(code(KeyCode::Tab), DIALOG, Action::NextField, &FIELD),
    row(code(KeyCode::BackTab), DIALOG, Action::PrevField, &FIELD),
    row(code(KeyCode::Up), DIALOG, Action::Up, &SELECT),
    row(code(KeyCode::Down), DIALOG, Action::Down, &SELECT),
    also(ctrl('p'), DIALOG, Action::Up, &SELECT),
    also(ctrl('n'), DIALOG, Action::Down, &SELECT),
    also(code(KeyCode::PageUp), DIALOG, Action::PageUp, &SELECT),
    also(code(KeyCode::PageDown), DIALOG, Action::PageDown, &SELECT),
    row(code(KeyCode::Left), CHOICE, Action::Collapse, &CHOOSE),
    row(code(KeyCode::Right), CHOICE, Action::Expand, &CHOOSE),
    row(
        code(KeyCode::Left),
        TYPING,
        Action::Edit(Edit::Left),
        &CARET,
    ),
    row(
        code(KeyCode::Right),
        TYPING,
        Action::Edit(Edit::Right),
        &CARET,
    ),
    row(
        code(KeyCode::Home),
        DIALOG,
        Action::Edit(Edit::Home),
        &CARET,
    ),
    row(code(KeyCode::End), DIALOG, Action::Edit(Edit::End), &CARET),
    also(ctrl('a'), DIALOG, Action::Edit(Edit::Home), &CARET),
    also(ctrl('e'), DIALOG, Action::Edit(Edit::End), &CARET),
    row(
        code(KeyCode::Backspace),
        DIALOG,
        Action::Edit(Edit::Backspace),
        &ERASE,
    ),
    row(
        code(KeyCode::Delete),
        DIALOG,
        Action::Edit(Edit::Delete),
        &ERASE,
    ),
    row(ctrl('u'), DIALOG, Action::Edit(Edit::Clear), &ERASE),
    // "Overwrite? (y/n)".
    row(ch('y'), QUESTION, Action::Confirm(true), &ANSWER),
    row(ch('n'), QUESTION, Action::Confirm(false), &ANSWER),
    also(ch('Y'), QUESTION, Action::Confirm(true), &ANSWER),
    also(ch('N'), QUESTION, Action::Confirm(false), &ANSWER),
    also(
        code(KeyCode::Esc),
        QUESTION,
        Action::Confirm(false),
        &ANSWER,
    ),
];
