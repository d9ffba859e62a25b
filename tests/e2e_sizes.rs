//! End to end, in tmux at 120×40 and 80×24 (issue 13): the explorer at
//! every terminal size (hints with help and quit, the task's text shown,
//! scroll positions, zoom, a resize down to 60×20, ASCII borders and a
//! CJK locale from the config and the environment), and on plans that
//! name no lead units (the document's facts, mentions, the legend).
//!
//! Needs tmux: without it the tests fail when `CI` is set and are skipped
//! with a notice otherwise.

use std::path::Path;

use crate::common::tmux::{self, Tmux};
use crate::common::{BIN, repo, shell_quote, temp_dir};

/// Starts the explorer on the bundled data in a `w`×`h` tmux session,
/// with a config folder of its own (holding `config`, if any) and the
/// locale `locale`; the shell says `EXIT=` when it ends.
fn start(
    name: &str,
    (w, h): (u16, u16),
    config: Option<&str>,
    locale: &str,
) -> (Tmux, std::path::PathBuf) {
    let dir = temp_dir(&format!("e2e-sizes-{name}-{w}x{h}"));
    if let Some(c) = config {
        std::fs::create_dir_all(dir.join("fengong")).unwrap();
        std::fs::write(dir.join("fengong/config.toml"), c).unwrap();
    }
    let script = format!(
        "XDG_CONFIG_HOME={} LC_ALL={locale} {} --data {} --lang zh; echo EXIT=$?; sleep 60",
        shell_quote(&dir),
        shell_quote(Path::new(BIN)),
        shell_quote(&repo("data/tasks.json")),
    );
    let tmux = Tmux::new(&format!("{name}-{w}x{h}"));
    tmux.start((w, h), None, &["sh", "-c", &script]);
    (tmux, dir)
}

/// The last non-empty line of the screen: the key hints.
fn hints(s: &str) -> &str {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

/// The character shown at display column `col` of `line`, as tmux (one
/// column for ambiguous characters) shows it.
fn at_column(line: &str, col: usize) -> Option<char> {
    let mut x = 0;
    for c in line.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if x == col {
            return Some(c);
        }
        x += w;
        if x > col {
            return None;
        }
    }
    None
}

#[test]
fn every_terminal_size() {
    if !tmux::available("e2e_sizes") {
        return;
    }
    for size in [(120, 40), (80, 24)] {
        let (tmux, dir) = start("sizes", size, None, "C.UTF-8");
        let s = tmux.wait_for_all(&["江门市", "n/m: 任务/未明确"]);
        let h = hints(&s);
        assert!(
            h.contains("? 帮助") && h.contains("q 退出"),
            "{size:?}: {h}"
        );
        // The first task: its text, past its title, beside the tree.
        tmux.send(&["E", "j", "j", "j", "j", "j", "j"]);
        let s = tmux.wait_for_all(&["深化园镇融合", "配合单位 (4)"]);
        assert!(s.contains(" 1/11 "), "{size:?}: the partners scroll:\n{s}");
        // The task text has the keys: its hints are about scrolling.
        tmux.send(&["Tab"]);
        let s = tmux.wait_until("the text's hints", |s| hints(s).contains("j/k 滚动"));
        assert!(!hints(&s).contains("选择"), "{}", hints(&s));
        // Zoomed: the text fills the screen, to its facts; back again.
        tmux.send(&["z"]);
        tmux.wait_until("the zoomed text", |s| {
            !s.contains("区域 → 目标 → 任务") && s.contains("来源: seeds/000_")
        });
        tmux.send(&["z"]);
        tmux.wait_for_all(&["区域 → 目标 → 任务", "牵头单位 (1)"]);
        // Smaller: help and quit stay in the hints, text is cut with …
        assert!(
            tmux.cmd(&["resize-window", "-t", "e2e", "-x", "60", "-y", "20"])
                .status
                .success()
        );
        let s = tmux.wait_until("the 60×20 screen", |s| {
            s.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l.trim_end()) <= 60)
                && hints(s).contains("? 帮助 q 退出")
                && s.contains('…')
        });
        assert!(
            s.contains("台山市发展和改革局"),
            "a name shown once, whole:\n{s}"
        );
        tmux.send(&["q"]);
        tmux.wait_for("EXIT=0");
        drop(tmux);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// `[ui] borders = "ascii"` draws `+ - |`; in a CJK locale inside tmux
/// ambiguous characters stay narrow; measured two columns wide (the
/// config) the borders still line up in a terminal that draws them one
/// column wide.
#[test]
fn ascii_borders_and_a_cjk_locale() {
    if !tmux::available("e2e_sizes") {
        return;
    }
    for size in [(120, 40), (80, 24)] {
        let (tmux, dir) = start(
            "ascii",
            size,
            Some("[ui]\nborders = \"ascii\"\n"),
            "C.UTF-8",
        );
        let s = tmux.wait_for("+ 区域 → 目标 → 任务");
        assert!(!s.contains('┌') && !s.contains('│'), "{s}");
        tmux.send(&["q"]);
        tmux.wait_for("EXIT=0");
        drop(tmux);
        let _ = std::fs::remove_dir_all(&dir);

        // Inside tmux a CJK locale keeps ambiguous characters narrow
        // (tmux draws them one column wide): box drawing as usual.
        let (tmux, dir) = start("cjk-tmux", size, None, "zh_CN.UTF-8");
        tmux.wait_for("┌ 区域 → 目标 → 任务");
        tmux.send(&["q"]);
        tmux.wait_for("EXIT=0");
        drop(tmux);
        let _ = std::fs::remove_dir_all(&dir);
        // Measured wide all the same (as for a terminal that draws them
        // wide): in tmux each leaves a blank column after it, as the
        // explorer moves the cursor past the two it measured, and the
        // borders stay in place.
        let wide = "[ui]\nambiguous_width = \"wide\"\n";
        let (tmux, dir) = start("cjk", size, Some(wide), "zh_CN.UTF-8");
        tmux.wait_for("+ 区域");
        tmux.send(&["E", "j", "j", "j", "j", "j", "j"]);
        let s = tmux.wait_for("7+1");
        let (w, h) = (size.0 as usize, size.1 as usize);
        let lines: Vec<&str> = s.lines().collect();
        for (y, line) in lines.iter().enumerate().take(h - 2).skip(1) {
            for col in [0, w - 1] {
                assert!(
                    matches!(at_column(line, col), Some('|' | '+')),
                    "{size:?}: row {y} has no border at column {col}:\n{s}"
                );
            }
        }
        tmux.send(&["q"]);
        tmux.wait_for("EXIT=0");
        drop(tmux);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn plans_that_name_no_lead_units() {
    if !tmux::available("e2e_sizes") {
        return;
    }
    for size in [(120, 40), (80, 24)] {
        let (tmux, dir) = start("unled", size, None, "C.UTF-8");
        tmux.wait_for("江门市");
        // By document, every plan closed: the first plan's own facts.
        tmux.send(&["d"]);
        tmux.wait_for("文档 → 目标 → 任务");
        tmux.send(&["C"]);
        tmux.wait_for_all(&["发文机关: 台山市人民政府", "文号: 台府〔2021〕3号"]);
        // The XX市 guidance (004): no issuer or number in its text.
        tmux.send(&["j", "j", "j", "j"]);
        tmux.wait_for_all(&["发文机关: 未写明", "文号: 未写明", "来源文件: seeds/004_"]);
        // Its first task: no lead, but the place it is about.
        tmux.send(&["l", "j", "l", "j"]);
        tmux.wait_for_all(&["提及地点: 一核", "牵头单位 (0)", "提升区域性中心城市能级"]);
        // What the tree's numbers mean.
        tmux.send(&["?"]);
        tmux.wait_for("4 项任务,其中 3 项未明确牵头");
        tmux.send(&["Escape"]);
        tmux.wait_until("the help closed", |s| !s.contains("按键说明"));
        tmux.send(&["q"]);
        tmux.wait_for("EXIT=0");
        drop(tmux);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
