//! End to end, the real binary in tmux at 120×40 and 80×24: the western
//! area's plan (001) against 台山's (000) on the bundled data — open 001's
//! summary, open the coverage view from it, Enter on a taken-up task, see
//! both texts side by side, Esc back to the list, quit.
//!
//! Needs tmux. Without it the test fails when `CI` is set (`.ci/run`
//! installs tmux) and is skipped with a notice otherwise.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::tmux::{self, Tmux};
use crate::common::{BIN, repo, shell_quote};

fn coverage_view_at(w: u16, h: u16) {
    let tmux = Tmux::new(&format!("coverage-{w}x{h}"));
    let command = format!(
        "{} --data {} --lang zh",
        shell_quote(Path::new(BIN)),
        shell_quote(&repo("data/tasks.json"))
    );
    tmux.start((w, h), None, &[&command]);
    tmux.wait_for("江门市");

    // The tree by document, collapsed: one row per plan; the second is 001.
    tmux.send(&["d"]);
    tmux.wait_for("文档 → 目标 → 任务");
    tmux.send(&["C", "g", "j"]);
    // Its summary offers the coverage view, against 台山's plan.
    tmux.wait_for_all(&[
        "[001] 江门市西部发展区发展战略规划",
        "v 落实情况: 对照 [000]",
    ]);

    tmux.send(&["v"]);
    tmux.wait_for_all(&[
        "落实情况 · [001]",
        "涉及下级辖区 74",
        "增强副核心职能",
        "推动“台开同城”发展",
    ]);
    // The second task, 推动“台开同城”发展, is taken up (已落实) by 台山's
    // 建设快速公路网 (台开快速路).
    tmux.send(&["j", "Enter"]);
    tmux.wait_for_all(&[
        "上级任务",
        "[001] 推动“台开同城”发展",
        "推动“台开同城”发展。充分发挥",
        "共同词语: 台开快速",
    ]);
    if w < 100 {
        // Stacked below 80 inner columns: the lower task is further down.
        tmux.send(&["G"]);
    }
    tmux.wait_for_all(&[
        "下级任务",
        "[000] 2. 建设快速公路网",
        "建设快速公路网。加快",
    ]);

    // Esc: back to the list, where it was.
    tmux.send(&["Escape"]);
    tmux.wait_until("the coverage list again", |s| {
        s.contains("涉及下级辖区 74") && !s.contains("上级任务")
    });

    tmux.send(&["q"]);
    let start = Instant::now();
    while tmux.session_alive() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        !tmux.session_alive(),
        "fengong did not exit on q at {w}x{h}"
    );
}

#[test]
fn coverage_view_of_the_western_area_plan_at_120x40() {
    if tmux::available("coverage e2e") {
        coverage_view_at(120, 40);
    }
}

#[test]
fn coverage_view_of_the_western_area_plan_at_80x24() {
    if tmux::available("coverage e2e") {
        coverage_view_at(80, 24);
    }
}
