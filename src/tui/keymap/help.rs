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
/// `join`), then the label. No actions: the label alone. `rank` says
/// which items a narrow terminal keeps: [`ALWAYS`] items always, then
/// lower ranks before higher ones while they fit.
pub struct Hint {
    pub actions: &'static [Action],
    pub zh: &'static str,
    pub en: &'static str,
    pub rank: u8,
}

/// The rank of hints shown at every width (help and quit).
pub const ALWAYS: u8 = 0;

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

/// A hint of the first rank after [`ALWAYS`] (dialogs' hints, which fit).
pub const fn hint(actions: &'static [Action], zh: &'static str, en: &'static str) -> Hint {
    ranked(1, actions, zh, en)
}

/// A hint of rank `rank`.
pub const fn ranked(
    rank: u8,
    actions: &'static [Action],
    zh: &'static str,
    en: &'static str,
) -> Hint {
    Hint {
        actions,
        zh,
        en,
        rank,
    }
}

/// A status-bar hint line (`j/k 移动 Enter 打开 …`) in `mode`.
pub const fn bar(mode: InputMode, items: &'static [Hint]) -> HintBar {
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
        self.hint_line_within(bar, lang, usize::MAX)
    }

    /// A hint bar in at most `width` columns: the [`ALWAYS`] items (help,
    /// quit), then the others by rank (table order within a rank) while
    /// they fit, shown in table order. What is left out is still in `?`.
    pub fn hint_line_within(&self, bar: &HintBar, lang: Lang, width: usize) -> String {
        let mut items: Vec<(u8, String)> = Vec::new();
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
                items.push((h.rank, label.to_owned()));
            } else if !keys.is_empty() {
                items.push((h.rank, format!("{} {label}", labels(&keys, lang, bar.join))));
            }
        }
        let sep = crate::text::width(bar.sep);
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| items[i].0);
        let mut keep = vec![false; items.len()];
        let mut used = 0;
        for i in order {
            let w = crate::text::width(&items[i].1) + if used > 0 { sep } else { 0 };
            if items[i].0 == ALWAYS || used + w <= width {
                keep[i] = true;
                used += w;
            }
        }
        let line = items
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|((_, s), _)| s)
            .collect::<Vec<_>>()
            .join(bar.sep);
        crate::text::ellipsize(&line, width).into_owned()
    }

    /// The key section of `docs/EXPLORER.md` (between the markers), as
    /// Markdown: one table per input mode, every key, both languages.
    pub fn docs_section(&self) -> String {
        let mut out = String::new();
        let sections: [(&str, &[InputMode]); 5] = [
            ("Browsing", &[InputMode::Normal]),
            ("In the comparison (`c`)", &[InputMode::View]),
            ("In the coverage view (`v`)", &[InputMode::Coverage]),
            (
                "In dialogs (search, finder, filters, export); other keys type text",
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
    use crate::tui::keymap::table::{ALL_BARS, COMPARE, TREE};

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

    /// A narrow terminal keeps help and quit, then the best-ranked hints
    /// that fit, in table order; a remapped key shows.
    #[test]
    fn hints_are_chosen_by_rank_for_the_width() {
        let m = Keymap::default();
        let at = |w| m.hint_line_within(&TREE, Lang::Zh, w);
        assert_eq!(
            at(76),
            "j/k 移动 h/l 折叠/展开 Enter 打开 / 搜索 u 单位 f 筛选 e 导出 ? 帮助 q 退出"
        );
        assert_eq!(
            at(60),
            "j/k 移动 Enter 打开 / 搜索 u 单位 f 筛选 ? 帮助 q 退出"
        );
        assert_eq!(at(20), "u 单位 ? 帮助 q 退出");
        assert_eq!(at(18), "? 帮助 q 退出");
        for w in [200, 80, 76, 60, 40, 13] {
            let line = at(w);
            assert!(crate::text::width(&line) <= w, "{w}: {line}");
            assert!(line.ends_with("? 帮助 q 退出"), "{w}: {line}");
        }
        // Too narrow even for those: cut, with the ellipsis.
        assert_eq!(at(8), "? 帮助 …");
        let mut remapped = Keymap::default();
        remapped
            .remap(&[InputMode::Normal], "help", &[Key::parse("F1").unwrap()])
            .unwrap();
        assert!(
            remapped
                .hint_line_within(&TREE, Lang::En, 30)
                .ends_with("F1 help q quit")
        );
        // The task text's hints are about scrolling it.
        assert_eq!(
            m.hint_line_within(&crate::tui::keymap::table::TEXT, Lang::Zh, 60),
            "j/k 滚动 PgUp/PgDn 翻页 Tab 窗格 Esc 返回 ? 帮助 q 退出"
        );
    }

    #[test]
    fn help_lines_read_as_before() {
        let m = Keymap::default();
        let zh = m.help_lines(Lang::Zh);
        assert_eq!(zh.len(), 20);
        assert_eq!(zh[0].keys, "j k ↑ ↓");
        assert_eq!(zh[0].text, "上下移动(文本窗格中滚动)");
        assert_eq!(zh[7].keys, "Esc ⌫");
        assert_eq!(zh[9].keys, "u Ctrl-P");
        assert_eq!(zh[14].keys, "p");
        assert_eq!(zh[15].keys, "v");
        assert_eq!(zh[16].keys, "z");
        assert_eq!(zh[19].keys, "鼠标");
        assert_eq!(m.help_lines(Lang::En)[19].keys, "mouse");
        assert_eq!(
            m.hint_line(&TREE, Lang::Zh),
            "j/k 移动 h/l 折叠/展开 Enter 打开 / 搜索 u 单位 f 筛选 e 导出 d 分组 Tab 窗格 \
             z 全屏/还原 ? 帮助 q 退出"
        );
        assert_eq!(
            m.hint_line(&COMPARE, Lang::En),
            "j/k scroll Enter go to the related task Esc close q quit"
        );
    }
}
