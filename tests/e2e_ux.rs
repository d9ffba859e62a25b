//! End to end, in tmux at 120×40 and 80×24 (issue 13): exports are what
//! their name says (a `.xls` refused with what to type, nothing written;
//! `.xlsx` switches the format and writes a 台账 with its title row; the
//! next export remembers folder and format); one matching engine (the `/`
//! search finds pinyin initials and counts as the user types, starts
//! empty with the last query on Ctrl-R; the filter's unit field offers
//! the finder's units for `fagai`).
//!
//! Needs tmux: without it the tests fail when `CI` is set and are skipped
//! with a notice otherwise.

use std::path::Path;

use crate::common::tmux::{self, Tmux};
use crate::common::{BIN, fixture, shell_quote, temp_dir, xlsx_rows};

/// The explorer on the small fixture in a `w`×`h` session, working in a
/// fresh folder (where exports go).
fn start(name: &str, (w, h): (u16, u16)) -> (Tmux, std::path::PathBuf) {
    let dir = temp_dir(&format!("e2e-ux-{name}-{w}x{h}"));
    let command = format!(
        "{} --data {} --lang zh",
        shell_quote(Path::new(BIN)),
        shell_quote(&fixture("small.json"))
    );
    let tmux = Tmux::new(&format!("ux-{name}-{w}x{h}"));
    tmux.start((w, h), Some(&dir.display().to_string()), &[&command]);
    tmux.wait_for("江门市");
    (tmux, dir)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn export_follows_the_name(size: (u16, u16)) {
    if !tmux::available("e2e") {
        return;
    }
    let (tmux, dir) = start("export", size);
    // The bureau's duties, found by pinyin.
    tmux.send(&["u"]);
    tmux.wait_for("查找单位");
    tmux.type_text("fagai");
    tmux.wait_for("台山市发展和改革局");
    tmux.send(&["Enter"]);
    tmux.wait_for("职责 · 台山市发展和改革局");

    // A name ending .xls is refused with what to type; nothing is written.
    tmux.send(&["e"]);
    tmux.wait_for("台山市发展和改革局.csv");
    tmux.send(&["Tab", "C-u"]);
    tmux.type_text("发改局.xls");
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["不能导出 .xls 文件", "请输入 发改局.xlsx"]);
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));

    // .xlsx: the format follows the name, and the 台账 is written.
    tmux.send(&["C-u"]);
    tmux.type_text("发改局.xlsx");
    tmux.send(&["Enter"]);
    tmux.wait_for("已导出");
    assert_eq!(files_in(&dir), ["发改局.xlsx"]);
    let rows = xlsx_rows(&dir.join("发改局.xlsx"), "台账");
    let title = rows[0][0].to_string();
    assert!(title.contains("台山市发展和改革局"), "{title}");
    assert!(title.contains("small.json"), "{title}");
    // Numbers are numbers: the 序号 column holds floats, not text.
    let header: Vec<String> = rows[1].iter().map(|c| c.to_string()).collect();
    let no = header
        .iter()
        .position(|h| h == "序号")
        .expect("序号 column");
    assert!(
        rows[2..]
            .iter()
            .all(|r| matches!(r[no], calamine::Data::Float(_) | calamine::Data::Int(_))),
        "{:?}",
        rows[2]
    );

    // The next export remembers the format (XLSX) and the folder.
    tmux.send(&["e"]);
    tmux.wait_for_all(&["台山市发展和改革局.xlsx", "文件夹"]);
    tmux.send(&["Escape"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_follows_the_name_120x40() {
    export_follows_the_name((120, 40));
}

#[test]
fn export_follows_the_name_80x24() {
    export_follows_the_name((80, 24));
}

fn one_engine(size: (u16, u16)) {
    if !tmux::available("e2e") {
        return;
    }
    let (tmux, dir) = start("engine", size);
    // `/` counts pinyin-initial matches while typing, then selects one.
    tmux.send(&["/"]);
    tmux.wait_for("搜索任务");
    tmux.type_text("bhly");
    tmux.wait_for("2 个匹配");
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["匹配 1/2", "打造高端滨海旅游"]);
    // Reopened, the prompt is empty and offers the last query.
    tmux.send(&["/"]);
    tmux.wait_for("上次: bhly");
    tmux.send(&["C-r"]);
    tmux.wait_for("/ bhly");
    tmux.send(&["Escape"]);
    // (A key sent right after Escape would arrive as Alt+key.)
    tmux.wait_until("the prompt closed", |s| !s.contains("搜索任务"));

    // The filter's unit field offers the finder's ranked units.
    tmux.send(&["f"]);
    tmux.wait_for("筛选");
    tmux.send(&["Tab", "Tab", "Tab"]);
    tmux.type_text("fagai");
    tmux.wait_for_all(&["候选单位", "台山市发展和改革局"]);
    tmux.send(&["Enter"]);
    tmux.wait_until("the tree filtered to the bureau", |s| {
        !s.contains("候选单位") && s.contains("台山市发展和改革局") && !s.contains("显示任务 10")
    });
    tmux.send(&["q"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_engine_120x40() {
    one_engine((120, 40));
}

#[test]
fn one_engine_80x24() {
    one_engine((80, 24));
}

/// A newcomer's own plan: extracted where they are, opened with the
/// command extract printed; the tree tags it with its short name and the
/// related pane says there is no other plan to compare with.
fn newcomer(size: (u16, u16)) {
    if !tmux::available("e2e") {
        return;
    }
    let dir = temp_dir(&format!("e2e-ux-newcomer-{}x{}", size.0, size.1));
    std::fs::write(
        dir.join("my-plan.txt"),
        "江门市某镇乡村振兴三年行动方案\n一、主要任务\n\
         （一）完善农村道路。推进村道硬底化。（责任单位：镇农业农村办）\n",
    )
    .unwrap();
    let bin = shell_quote(Path::new(BIN));
    let script = format!(
        "{bin} extract my-plan.txt 2>&1 | tail -1; read _; {bin} --data tasks.json --lang zh"
    );
    let tmux = Tmux::new(&format!("ux-newcomer-{}x{}", size.0, size.1));
    tmux.start(
        size,
        Some(&dir.display().to_string()),
        &["sh", "-c", &script],
    );
    tmux.wait_for("next: fengong --data tasks.json");
    tmux.send(&["Enter"]);
    tmux.wait_for("[江门市某镇]");
    // Down to the task: its related pane.
    tmux.send(&["l", "j", "l", "j", "l", "j"]);
    tmux.wait_for_all(&["完善农村道路", "没有其他规划可比较"]);
    tmux.send(&["q"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn newcomer_120x40() {
    newcomer((120, 40));
}

#[test]
fn newcomer_80x24() {
    newcomer((80, 24));
}
