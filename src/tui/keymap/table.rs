//! The default key table: every key of the explorer, once. The help
//! overlay, the hint bars and the key section of `docs/EXPLORER.md` are
//! made from it (see the parent module); a user config may remap it.
//!
//! One row per key. Rows that share a [`Topic`] form one line of help
//! (`j k ↑ ↓ 上下移动`), in table order; rows marked `also` are
//! alternatives the help overlay leaves out for room (the docs list them).

use crossterm::event::KeyCode;

use super::help::{ALWAYS, HintBar, bar, ranked};
use super::{Binding, InputMode, Key, Topic};
use crate::tui::action::Action;
use crate::tui::input::Edit;
use crate::tui::layout::Focus;

const fn ch(c: char) -> Key {
    Key::Press(KeyCode::Char(c), false)
}

const fn ctrl(c: char) -> Key {
    Key::Press(KeyCode::Char(c), true)
}

const fn code(c: KeyCode) -> Key {
    Key::Press(c, false)
}

use InputMode::{Choice, Confirm, Coverage, Normal, Text, View};

const BROWSE: &[InputMode] = &[Normal];
const COMPARING: &[InputMode] = &[View];
const COVERAGE_LIST: &[InputMode] = &[Coverage];
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

topic!(
    MOVE,
    "上下移动(文本窗格中滚动)",
    "move (scroll in a text pane)"
);
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
topic!(
    PARALLEL,
    "相关任务:重叠 / 平行任务",
    "related tasks: overlaps / parallel"
);
topic!(
    COVERAGE_TOPIC,
    "落实情况(对照下级规划)",
    "coverage by the plans below"
);
topic!(
    ZOOM,
    "当前窗格全屏 / 还原",
    "zoom the focused pane to the full screen / back"
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
    STEP,
    "下一个 / 上一个相关任务或承接任务",
    "next / previous related or lower task"
);

topic!(
    EVIDENCE,
    "并排查看依据(上级任务与承接任务)",
    "the evidence side by side (higher task and its takers)"
);
topic!(
    STATUS_FILTER,
    "只看未落实 / 部分落实 / 已落实 / 全部",
    "show not taken up / partly / taken up / all"
);
topic!(CLOSE_COVERAGE, "关闭落实情况", "close the coverage view");

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
    row(ch('p'), BROWSE, Action::ToggleParallel, &PARALLEL),
    row(ch('v'), BROWSE, Action::OpenCoverage, &COVERAGE_TOPIC),
    row(ch('z'), BROWSE, Action::Zoom, &ZOOM),
    row(ch('?'), BROWSE, Action::Help, &HELP),
    row(ch('q'), BROWSE, Action::Quit, &QUIT),
    row(Key::Mouse, BROWSE, Action::Click { x: 0, y: 0 }, &MOUSE),
    // The comparison view.
    row(ch('j'), COMPARING, Action::Down, &SCROLL),
    row(ch('k'), COMPARING, Action::Up, &SCROLL),
    row(code(KeyCode::Down), COMPARING, Action::Down, &SCROLL),
    row(code(KeyCode::Up), COMPARING, Action::Up, &SCROLL),
    row(code(KeyCode::PageUp), COMPARING, Action::PageUp, &SCROLL),
    row(
        code(KeyCode::PageDown),
        COMPARING,
        Action::PageDown,
        &SCROLL,
    ),
    also(ch(' '), COMPARING, Action::PageDown, &SCROLL),
    also(ctrl('u'), COMPARING, Action::PageUp, &SCROLL),
    also(ctrl('d'), COMPARING, Action::PageDown, &SCROLL),
    row(ch('g'), COMPARING, Action::Top, &SCROLL_ENDS),
    row(ch('G'), COMPARING, Action::Bottom, &SCROLL_ENDS),
    also(code(KeyCode::Home), COMPARING, Action::Top, &SCROLL_ENDS),
    also(code(KeyCode::End), COMPARING, Action::Bottom, &SCROLL_ENDS),
    row(code(KeyCode::Enter), COMPARING, Action::Open, &GO_RELATED),
    row(code(KeyCode::Esc), COMPARING, Action::Back, &CLOSE_COMPARE),
    row(
        code(KeyCode::Backspace),
        COMPARING,
        Action::Back,
        &CLOSE_COMPARE,
    ),
    row(ch('c'), COMPARING, Action::Back, &CLOSE_COMPARE),
    row(ch('n'), COMPARING, Action::NextMatch, &STEP),
    row(ch('N'), COMPARING, Action::PrevMatch, &STEP),
    row(ch('q'), COMPARING, Action::Quit, &QUIT),
    // The coverage view's list.
    row(ch('j'), COVERAGE_LIST, Action::Down, &MOVE),
    row(ch('k'), COVERAGE_LIST, Action::Up, &MOVE),
    row(code(KeyCode::Down), COVERAGE_LIST, Action::Down, &MOVE),
    row(code(KeyCode::Up), COVERAGE_LIST, Action::Up, &MOVE),
    row(code(KeyCode::PageUp), COVERAGE_LIST, Action::PageUp, &PAGE),
    row(
        code(KeyCode::PageDown),
        COVERAGE_LIST,
        Action::PageDown,
        &PAGE,
    ),
    also(ch(' '), COVERAGE_LIST, Action::PageDown, &PAGE),
    also(ctrl('u'), COVERAGE_LIST, Action::PageUp, &PAGE),
    also(ctrl('d'), COVERAGE_LIST, Action::PageDown, &PAGE),
    row(ch('g'), COVERAGE_LIST, Action::Top, &ENDS),
    row(ch('G'), COVERAGE_LIST, Action::Bottom, &ENDS),
    also(code(KeyCode::Home), COVERAGE_LIST, Action::Top, &ENDS),
    also(code(KeyCode::End), COVERAGE_LIST, Action::Bottom, &ENDS),
    row(code(KeyCode::Enter), COVERAGE_LIST, Action::Open, &EVIDENCE),
    row(ch('f'), COVERAGE_LIST, Action::OpenFilter, &STATUS_FILTER),
    row(
        code(KeyCode::Esc),
        COVERAGE_LIST,
        Action::Back,
        &CLOSE_COVERAGE,
    ),
    row(
        code(KeyCode::Backspace),
        COVERAGE_LIST,
        Action::Back,
        &CLOSE_COVERAGE,
    ),
    row(ch('v'), COVERAGE_LIST, Action::Back, &CLOSE_COVERAGE),
    row(ch('q'), COVERAGE_LIST, Action::Quit, &QUIT),
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

// ----- hint bars ----------------------------------------------------------
//
// The status bar's key hints, one bar per focus, from the same actions as
// the rows above (the keys are looked up in the live table, so a remapped
// key shows). The first number is the rank: a narrow terminal keeps the
// `ALWAYS` items (help, quit), then rank 1, 2, … while they fit.

/// Browsing the tree.
pub static TREE: HintBar = bar(
    Normal,
    &[
        ranked(1, &[Action::Down, Action::Up], "移动", "move"),
        ranked(3, &[Action::Collapse, Action::Expand], "折叠/展开", "fold"),
        ranked(1, &[Action::Open], "打开", "open"),
        ranked(2, &[Action::StartSearch], "搜索", "search"),
        ranked(1, &[Action::OpenFinder], "单位", "unit"),
        ranked(2, &[Action::OpenFilter], "筛选", "filter"),
        ranked(3, &[Action::OpenExport], "导出", "export"),
        ranked(4, &[Action::ToggleGrouping], "分组", "group"),
        ranked(3, &[Action::FocusNext], "窗格", "pane"),
        ranked(4, &[Action::Zoom], "全屏/还原", "zoom"),
        ranked(ALWAYS, &[Action::Help], "帮助", "help"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// The task text or a summary has the keys: they scroll it.
pub static TEXT: HintBar = bar(
    Normal,
    &[
        ranked(1, &[Action::Down, Action::Up], "滚动", "scroll"),
        ranked(2, &[Action::PageUp, Action::PageDown], "翻页", "page"),
        ranked(3, &[Action::Top, Action::Bottom], "开头/末尾", "start/end"),
        ranked(2, &[Action::FocusNext], "窗格", "pane"),
        ranked(1, &[Action::Back], "返回", "back"),
        ranked(2, &[Action::Zoom], "全屏/还原", "zoom"),
        ranked(ALWAYS, &[Action::Help], "帮助", "help"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// The lead or partner units have the keys.
pub static UNITS: HintBar = bar(
    Normal,
    &[
        ranked(1, &[Action::Down, Action::Up], "选择", "select"),
        ranked(1, &[Action::Open], "查看职责", "duties"),
        ranked(2, &[Action::FocusNext], "窗格", "pane"),
        ranked(2, &[Action::Back], "返回", "back"),
        ranked(3, &[Action::Zoom], "全屏/还原", "zoom"),
        ranked(ALWAYS, &[Action::Help], "帮助", "help"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// The related-tasks pane has the keys.
pub static RELATED: HintBar = bar(
    Normal,
    &[
        ranked(1, &[Action::Down, Action::Up], "选择", "select"),
        ranked(1, &[Action::Open], "跳转", "go there"),
        ranked(1, &[Action::Compare], "并排对比", "compare side by side"),
        ranked(
            2,
            &[Action::ToggleParallel],
            "重叠/平行",
            "overlaps/parallel",
        ),
        ranked(2, &[Action::FocusNext], "窗格", "pane"),
        ranked(2, &[Action::Back], "返回", "back"),
        ranked(3, &[Action::Zoom], "全屏/还原", "zoom"),
        ranked(ALWAYS, &[Action::Help], "帮助", "help"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// A unit's duty list.
pub static DUTY: HintBar = bar(
    Normal,
    &[
        ranked(1, &[Action::Down, Action::Up], "移动", "move"),
        ranked(1, &[Action::Open], "打开", "open"),
        ranked(2, &[Action::OpenExport], "导出", "export"),
        ranked(3, &[Action::OpenFinder], "单位", "unit"),
        ranked(2, &[Action::FocusNext], "窗格", "pane"),
        ranked(1, &[Action::Back], "返回", "back"),
        ranked(3, &[Action::Zoom], "全屏/还原", "zoom"),
        ranked(ALWAYS, &[Action::Help], "帮助", "help"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// The comparison view (help is not open over it; Esc closes it).
pub static COMPARE: HintBar = bar(
    View,
    &[
        ranked(1, &[Action::Down, Action::Up], "滚动", "scroll"),
        ranked(2, &[Action::Open], "跳到相关任务", "go to the related task"),
        ranked(ALWAYS, &[Action::Back], "关闭对比", "close"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// The comparison view with other related tasks to step through.
pub static COMPARE_STEP: HintBar = bar(
    View,
    &[
        ranked(1, &[Action::Down, Action::Up], "滚动", "scroll"),
        ranked(
            1,
            &[Action::NextMatch, Action::PrevMatch],
            "下一个/上一个",
            "next/previous",
        ),
        ranked(2, &[Action::Open], "跳到该任务", "go to that task"),
        ranked(ALWAYS, &[Action::Back], "关闭对比", "close"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// The coverage view's list.
pub static COVERAGE: HintBar = bar(
    Coverage,
    &[
        ranked(1, &[Action::Down, Action::Up], "移动", "move"),
        ranked(1, &[Action::Open], "并排查看依据", "evidence side by side"),
        ranked(2, &[Action::OpenFilter], "筛选", "filter"),
        ranked(ALWAYS, &[Action::Back], "返回", "back"),
        ranked(ALWAYS, &[Action::Quit], "退出", "quit"),
    ],
);

/// Every hint bar, for the drift test.
pub static ALL_BARS: &[&HintBar] = &[
    &TREE,
    &TEXT,
    &UNITS,
    &RELATED,
    &DUTY,
    &COMPARE,
    &COMPARE_STEP,
    &COVERAGE,
];

/// The hint bar for the pane with the keys (`duty`: the left list is a
/// unit's duties; `comparing`: the comparison is open).
pub fn hints_for(focus: Focus, duty: bool, comparing: bool) -> &'static HintBar {
    match focus {
        _ if comparing => &COMPARE,
        Focus::Tree if duty => &DUTY,
        Focus::Tree => &TREE,
        Focus::Detail => &TEXT,
        Focus::Leads | Focus::Partners => &UNITS,
        Focus::Overlaps => &RELATED,
    }
}
