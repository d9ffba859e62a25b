//! What the key table says to people: the help overlay's lines, the hint
//! bars, and the key section of `docs/EXPLORER.md`. All three are made
//! from the live [`Keymap`], so a remapped key shows everywhere and none of
//! them can drift from what the keys do.

use super::{Binding, InputMode, Key, Keymap, Topic};
use crate::tui::action::Action;
use crate::tui::i18n::Lang;

/// One line of the help overlay: the keys, and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: String,
    pub text: &'static str,
}

/// One item of a hint bar: the keys of `actions` (joined by the bar's
/// `join`), then the label. No actions: the label alone.
pub struct Hint {
    pub actions: &'static [Action],
    pub zh: &'static str,
    pub en: &'static str,
}

/// A line of key hints for one context, in the input mode its keys are
/// looked up in.
pub struct HintBar {
    pub mode: InputMode,
    /// Between the keys of one item (`j/k`, `←→`).
    pub join: &'static str,
    /// Between items.
    pub sep: &'static str,
    pub items: &'static [Hint],
}

pub const fn hint(actions: &'static [Action], zh: &'static str, en: &'static str) -> Hint {
    Hint { actions, zh, en }
}

/// A status-bar hint line (`j/k 移动 Enter 打开 …`) in `mode`.
const fn bar(mode: InputMode, items: &'static [Hint]) -> HintBar {
    HintBar {
        mode,
        join: "/",
        sep: " ",
        items,
    }
}

/// A dialog's hint line (`Tab 切换 · ←→ 选择 · …`) in `mode`.
pub const fn dialog_bar(mode: InputMode, items: &'static [Hint]) -> HintBar {
    HintBar {
        mode,
        join: "",
        sep: " · ",
        items,
    }
}

/// Hints every form dialog has: Tab to the next field, Esc to cancel.
pub const NEXT_FIELD: Hint = hint(&[Action::NextField], "切换", "field");
pub const CANCEL: Hint = hint(&[Action::Cancel], "取消", "cancel");

/// Browsing the tree.
pub static TREE: HintBar = bar(
    InputMode::Normal,
    &[
        hint(&[Action::Down, Action::Up], "移动", "move"),
        hint(&[Action::Collapse, Action::Expand], "折叠/展开", "fold"),
        hint(&[Action::Open], "打开", "open"),
        hint(&[Action::StartSearch], "搜索", "search"),
        hint(&[Action::OpenFinder], "单位", "unit"),
        hint(&[Action::OpenFilter], "筛选", "filter"),
        hint(&[Action::OpenExport], "导出", "export"),
        hint(&[Action::ToggleGrouping], "分组", "group"),
        hint(&[Action::Help], "帮助", "help"),
        hint(&[Action::Quit], "退出", "quit"),
    ],
);

/// A pane on the right has the keys.
pub static PANE: HintBar = bar(
    InputMode::Normal,
    &[
        hint(&[Action::Down, Action::Up], "选择", "select"),
        hint(&[Action::Open], "打开", "open"),
        hint(&[Action::FocusNext], "切换窗格", "pane"),
        hint(&[Action::Back], "返回", "back"),
        hint(&[Action::Help], "帮助", "help"),
    ],
);

/// The related-tasks pane has the keys.
pub static RELATED: HintBar = bar(
    InputMode::Normal,
    &[
        hint(&[Action::Down, Action::Up], "选择", "select"),
        hint(&[Action::Open], "跳转", "go there"),
        hint(&[Action::Compare], "并排对比", "compare side by side"),
        hint(&[Action::FocusNext], "切换窗格", "pane"),
        hint(&[Action::Back], "返回", "back"),
        hint(&[Action::Help], "帮助", "help"),
    ],
);

/// A unit's duty list.
pub static DUTY: HintBar = bar(
    InputMode::Normal,
    &[
        hint(&[Action::Down, Action::Up], "移动", "move"),
        hint(&[Action::Open], "打开", "open"),
        hint(&[Action::OpenExport], "导出", "export"),
        hint(&[Action::FocusNext], "窗格", "pane"),
        hint(&[Action::Back], "返回", "back"),
        hint(&[Action::Help], "帮助", "help"),
    ],
);

/// The comparison view.
pub static COMPARE: HintBar = bar(
    InputMode::View,
    &[
        hint(&[Action::Down, Action::Up], "滚动", "scroll"),
        hint(&[Action::Open], "跳到相关任务", "go to the related task"),
        hint(&[Action::Back], "关闭对比", "close"),
        hint(&[Action::Quit], "退出", "quit"),
    ],
);

// The 台账 (issue 15).
/// The deadline view's list.
pub static DEADLINES: HintBar = bar(
    InputMode::Normal,
    &[
        hint(&[Action::Down, Action::Up], "移动", "move"),
        hint(&[Action::Collapse, Action::Expand], "上/下一组", "group"),
        hint(&[Action::Open], "打开", "open"),
        hint(&[Action::OpenFinder], "按单位", "unit"),
        hint(&[Action::ClearFilters], "全部单位", "all units"),
        hint(&[Action::SetStatus], "状态", "status"),
        hint(&[Action::AddNote], "进展", "note"),
        hint(&[Action::OpenExport], "导出", "export"),
        hint(&[Action::Back], "返回", "back"),
        hint(&[Action::Help], "帮助", "help"),
    ],
);

/// The responsibility matrix.
pub static MATRIX: HintBar = bar(
    InputMode::Normal,
    &[
        hint(&[Action::Down, Action::Up], "行", "rows"),
        hint(&[Action::Collapse, Action::Expand], "列", "columns"),
        hint(&[Action::Open], "看任务", "tasks"),
        hint(&[Action::SortMatrix], "排序", "order"),
        hint(&[Action::MatrixBy], "文档/目标", "plans/goals"),
        hint(&[Action::Back], "返回", "back"),
        hint(&[Action::Help], "帮助", "help"),
    ],
);

/// Under a task's progress in the task pane.
pub static PROGRESS: HintBar = dialog_bar(
    InputMode::Normal,
    &[
        hint(&[Action::SetStatus], "设置状态", "set the status"),
        hint(&[Action::AddNote], "添加进展", "add a note"),
    ],
);

/// Every hint bar, for the drift test.
pub static ALL_BARS: &[&HintBar] = &[
    &TREE, &PANE, &RELATED, &DUTY, &COMPARE, &DEADLINES, &MATRIX, &PROGRESS,
];

impl Keymap {
    /// The help overlay: browsing keys grouped by topic, main keys only,
    /// in table order.
    pub fn help_lines(&self, lang: Lang) -> Vec<HelpLine> {
        let shown = self
            .bindings()
            .iter()
            .filter(|b| b.modes.contains(&InputMode::Normal) && !b.also);
        group(shown)
            .into_iter()
            .map(|(topic, keys)| HelpLine {
                keys: labels(&keys.iter().map(|b| b.key).collect::<Vec<_>>(), lang, " "),
                text: topic.text(lang),
            })
            .collect()
    }

    /// A hint bar in `lang`, with the keys as they are bound now. An item
    /// whose actions have no key left (unbound in the config) is left out.
    pub fn hint_line(&self, bar: &HintBar, lang: Lang) -> String {
        let mut items = Vec::new();
        for h in bar.items {
            let keys: Vec<Key> = h
                .actions
                .iter()
                .filter_map(|a| self.keys_for(bar.mode, a).next())
                .collect();
            let label = match lang {
                Lang::Zh => h.zh,
                Lang::En => h.en,
            };
            if h.actions.is_empty() {
                items.push(label.to_owned());
            } else if !keys.is_empty() {
                items.push(format!("{} {label}", labels(&keys, lang, bar.join)));
            }
        }
        items.join(bar.sep)
    }

    /// The key section of `docs/EXPLORER.md` (between the markers), as
    /// Markdown: one table per input mode, every key, both languages.
    pub fn docs_section(&self) -> String {
        let mut out = String::new();
        let sections: [(&str, &[InputMode]); 4] = [
            ("Browsing", &[InputMode::Normal]),
            ("In the comparison (`c`)", &[InputMode::View]),
            (
                "In dialogs (search, finder, filters, export, status, progress note); other keys type text",
                &[InputMode::Text, InputMode::Choice],
            ),
            ("Answering “overwrite? (y/n)”", &[InputMode::Confirm]),
        ];
        for (title, modes) in sections {
            out.push_str(&format!("\n**{title}**\n\n"));
            out.push_str(
                "| keys | also | 说明 | what it does | config name |\n|---|---|---|---|---|\n",
            );
            let rows = self
                .bindings()
                .iter()
                .filter(|b| b.modes.iter().any(|m| modes.contains(m)));
            for (topic, keys) in group(rows) {
                let (main, alt): (Vec<&Binding>, Vec<&Binding>) =
                    keys.into_iter().partition(|b| !b.also);
                let code = |bs: &[&Binding]| {
                    bs.iter()
                        .map(|b| match b.key {
                            Key::Mouse => b.key.label(Lang::En),
                            _ => format!("`{}`", b.key.label(Lang::En)),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let mut names: Vec<String> = Vec::new();
                for b in main.iter().chain(&alt) {
                    if let Some(n) = super::action_name(&b.action)
                        && b.key != Key::Mouse
                    {
                        let n = format!("`{n}`");
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                }
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} |\n",
                    code(&main),
                    code(&alt),
                    topic.zh,
                    topic.en,
                    names.join(" ")
                ));
            }
        }
        out.push_str("\n`Ctrl-C` quits at once, from everywhere; it cannot be remapped.\n");
        out
    }
}

/// Bindings grouped by topic, topics in order of first appearance.
fn group<'a>(rows: impl Iterator<Item = &'a Binding>) -> Vec<(&'static Topic, Vec<&'a Binding>)> {
    let mut out: Vec<(&'static Topic, Vec<&'a Binding>)> = Vec::new();
    for b in rows {
        match out.iter_mut().find(|(t, _)| std::ptr::eq(*t, b.topic)) {
            Some((_, v)) => v.push(b),
            None => out.push((b.topic, vec![b])),
        }
    }
    out
}

fn labels(keys: &[Key], lang: Lang, join: &str) -> String {
    keys.iter()
        .map(|k| k.label(lang))
        .collect::<Vec<_>>()
        .join(join)
}

/// Markers around the generated section of `docs/EXPLORER.md`.
pub const DOCS_BEGIN: &str = "<!-- BEGIN KEYS: generated from src/tui/keymap/table.rs; \
`FENGONG_UPDATE_DOCS=1 cargo test --lib keymap` rewrites it -->";
pub const DOCS_END: &str = "<!-- END KEYS -->";

#[cfg(test)]
mod tests {
    use super::*;

    fn docs_path() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/EXPLORER.md")
    }

    /// The key section of the docs is what the table generates. Run with
    /// `FENGONG_UPDATE_DOCS=1` to rewrite it after changing the table.
    #[test]
    fn docs_key_section_is_generated_from_the_table() {
        let path = docs_path();
        let doc = std::fs::read_to_string(&path).unwrap();
        let (Some(b), Some(e)) = (doc.find(DOCS_BEGIN), doc.find(DOCS_END)) else {
            panic!("{} lacks the key section markers", path.display());
        };
        let now = &doc[b + DOCS_BEGIN.len()..e];
        let want = Keymap::default().docs_section();
        if now != want {
            if std::env::var_os("FENGONG_UPDATE_DOCS").is_some() {
                let new = format!("{}{want}{}", &doc[..b + DOCS_BEGIN.len()], &doc[e..]);
                std::fs::write(&path, new).unwrap();
            } else {
                panic!(
                    "docs/EXPLORER.md's key section differs from the key table; \
                     rerun with FENGONG_UPDATE_DOCS=1 to regenerate it.\nwanted:\n{want}"
                );
            }
        }
    }

    /// Every key the explorer answers to in browsing is in the help
    /// overlay or the docs, and every hint bar names a key for each item.
    #[test]
    fn help_and_hints_cover_the_table() {
        let m = Keymap::default();
        for lang in [Lang::Zh, Lang::En] {
            let help = m.help_lines(lang);
            let keys: Vec<&str> = help.iter().flat_map(|l| l.keys.split(' ')).collect();
            for b in m.bindings() {
                if b.modes.contains(&InputMode::Normal) && !b.also {
                    assert!(keys.contains(&b.key.label(lang).as_str()), "{b:?}");
                }
            }
            for bar in ALL_BARS {
                for h in bar.items {
                    for a in h.actions {
                        assert!(m.keys_for(bar.mode, a).next().is_some(), "{a:?} has no key");
                    }
                }
                let line = m.hint_line(bar, lang);
                for h in bar.items {
                    let label = if lang == Lang::Zh { h.zh } else { h.en };
                    assert!(line.contains(label), "{label} missing from {line}");
                }
            }
        }
        let docs = m.docs_section();
        for b in m.bindings() {
            let label = match b.key {
                Key::Mouse => b.key.label(Lang::En),
                k => format!("`{}`", k.label(Lang::En)),
            };
            assert!(docs.contains(&label), "{label} missing from the docs");
        }
    }

    #[test]
    fn help_lines_read_as_before() {
        let m = Keymap::default();
        let zh = m.help_lines(Lang::Zh);
        assert_eq!(zh.len(), 21);
        assert_eq!(zh[0].keys, "j k ↑ ↓");
        assert_eq!(zh[0].text, "上下移动");
        assert_eq!(zh[7].keys, "Esc ⌫");
        assert_eq!(zh[9].keys, "u Ctrl-P");
        assert_eq!(zh.last().unwrap().keys, "鼠标");
        assert_eq!(m.help_lines(Lang::En).last().unwrap().keys, "mouse");
        assert_eq!(
            m.hint_line(&TREE, Lang::Zh),
            "j/k 移动 h/l 折叠/展开 Enter 打开 / 搜索 u 单位 f 筛选 e 导出 d 分组 ? 帮助 q 退出"
        );
        assert_eq!(
            m.hint_line(&COMPARE, Lang::En),
            "j/k scroll Enter go to the related task Esc close q quit"
        );
    }
}
