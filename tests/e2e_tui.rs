//! End to end: the real binary in a real terminal (tmux). Open the
//! explorer, move through the tree, find a unit, open its duties, export
//! them to CSV in a temporary folder and check the file.
//!
//! Needs tmux. Without it the test fails when `CI` is set (`.ci/run`
//! installs tmux) and is skipped with a notice otherwise.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::tmux::{self, Tmux};
use crate::common::{BIN, shell_quote, temp_dir};

#[test]
fn browse_find_unit_open_duties_and_export_csv() {
    if !tmux::available("e2e") {
        return;
    }
    let dir = temp_dir("e2e");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let tmux = Tmux::new("browse");
    let command = format!(
        "{} --data {} --lang zh",
        shell_quote(Path::new(BIN)),
        shell_quote(&fixture)
    );
    let dir_s = dir.display().to_string();
    tmux.start((120, 40), Some(&dir_s), &[&command]);

    // The tree opens on the regions.
    tmux.wait_for_all(&["区域 → 目标 → 任务", "江门市", "北部产城融合中心"]);

    // Down to the first goal, open it, select its first task.
    tmux.send(&["j", "j", "j", "j"]);
    tmux.send(&["l"]);
    tmux.send(&["j"]);
    tmux.wait_for_all(&[
        "牵头单位 (1)",
        "台山市产业转移工业园",
        "以新型城镇引擎推动北部能级提升",
    ]);

    // The unit finder: type a town's short name. The partner pane behind
    // the finder already lists 台山市台城街道 (a member of 北部7镇), so
    // wait for the finder's own result line: the name with its counts.
    tmux.send(&["u"]);
    tmux.wait_for("查找单位");
    tmux.type_text("台城");
    tmux.wait_until("the finder's hit 台山市台城街道", |s| {
        s.lines()
            .any(|l| l.contains("台山市台城街道") && l.contains("牵头 0 · 配合 0"))
    });
    tmux.send(&["Enter"]);
    // The duty view, with duties reached through the group 北部7镇, and
    // the finder closed.
    tmux.wait_until("the duty view of 台山市台城街道", |s| {
        s.contains("职责 · 台山市台城街道")
            && s.contains("[配合·经由北部7镇]")
            && !s.contains("查找单位")
    });

    // Export the duty view as CSV (the default format) under the proposed name.
    tmux.send(&["e"]);
    tmux.wait_for("台山市台城街道.csv");
    tmux.send(&["Enter"]);
    tmux.wait_for_all(&["已导出", "3 行"]);
    let file = dir.join("台山市台城街道.csv");
    let text = std::fs::read_to_string(&file).expect("exported file");
    assert!(text.starts_with('\u{feff}'), "CSV starts with a BOM");
    let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rows.headers().unwrap().clone();
    assert_eq!(&headers[0], "文档");
    let via = headers.iter().position(|h| h == "经由组合").unwrap();
    let recs: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 3);
    assert!(recs.iter().all(|r| &r[via] == "北部7镇"));

    // Quit: the program exits and the terminal is given back.
    tmux.send(&["q"]);
    let start = Instant::now();
    while tmux.session_alive() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!tmux.session_alive(), "fengong did not exit on q");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs fengong in a shell inside tmux; after it exits the shell prints the
/// exit code and the terminal settings, so we can see what was left behind.
fn check_restored(name: &str, extra_env: &str, quit: bool) {
    if !tmux::available("e2e") {
        return;
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let tmux = Tmux::new(name);
    let script = format!(
        "{extra_env} {} --data {} --lang zh 2>/dev/null; echo EXIT=$?; stty -a | grep -o -- '-*icanon'; sleep 60",
        shell_quote(Path::new(BIN)),
        shell_quote(&fixture)
    );
    tmux.start((100, 30), None, &["sh", "-c", &script]);
    if quit {
        tmux.wait_for("江门市");
        assert_eq!(tmux.pane_flag("alternate_on"), "1");
        assert_eq!(
            tmux.pane_flag("mouse_any_flag"),
            "1",
            "mouse captured while running"
        );
        tmux.send(&["q"]);
    }
    tmux.wait_for("EXIT=");
    // The stty line comes after the exit code.
    let s = tmux.wait_for("icanon");
    assert_eq!(
        tmux.pane_flag("alternate_on"),
        "0",
        "left the alternate screen:\n{s}"
    );
    assert_eq!(
        tmux.pane_flag("mouse_any_flag"),
        "0",
        "mouse capture released:\n{s}"
    );
    let lines: Vec<&str> = s.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"icanon"),
        "raw mode is off (icanon set):\n{s}"
    );
    assert!(!lines.contains(&"-icanon"), "{s}");
    let code = if quit { "EXIT=0" } else { "EXIT=101" };
    assert!(s.contains(code), "{s}");
}

#[test]
fn terminal_is_restored_after_quit() {
    check_restored("quit", "", true);
}

#[test]
fn terminal_is_restored_after_a_panic() {
    check_restored("panic", "FENGONG_DEBUG_PANIC=1", false);
}

#[test]
fn without_a_terminal_it_explains_and_fails() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let out = Command::new(BIN)
        .arg("--data")
        .arg(&fixture)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(out.stdout.is_empty(), "nothing garbled on stdout");
}

/// Starts fengong on the fixture in tmux through `sh -c`, with
/// `XDG_CONFIG_HOME` pointing at `config_home` and standard error going
/// to `err`; the shell says `EXIT=` when fengong exits.
fn start_with_config(tmux: &Tmux, config_home: &Path, err: &Path) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let script = format!(
        "XDG_CONFIG_HOME={} {} --data {} --lang zh 2>{}; echo EXIT=$?; sleep 60",
        shell_quote(config_home),
        shell_quote(Path::new(BIN)),
        shell_quote(&fixture),
        shell_quote(err)
    );
    tmux.start((120, 40), None, &["sh", "-c", &script]);
}

/// A config file remaps keys (and the help follows); a bad one is named
/// with its line in the status bar and on standard error, and the
/// explorer runs on the default keys.
#[test]
fn a_config_file_remaps_keys_and_a_bad_one_is_reported_with_its_line() {
    if !tmux::available("e2e") {
        return;
    }
    let dir = temp_dir("e2e-config");
    let config = dir.join("fengong").join("config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let err = dir.join("stderr.txt");

    std::fs::write(&config, "[keys]\nfind_unit = \"x\"\n").unwrap();
    let tmux = Tmux::new("config-good");
    start_with_config(&tmux, &dir, &err);
    tmux.wait_for("江门市");
    tmux.type_text("?");
    tmux.wait_until("the help naming x for the finder", |s| {
        s.lines().any(|l| l.contains("x          查找单位"))
    });
    // Esc, then wait: Esc and a key right after it read as Alt-key.
    tmux.send(&["Escape"]);
    tmux.wait_until("the help closed", |s| !s.contains("按键说明"));
    tmux.type_text("u");
    tmux.type_text("x");
    tmux.wait_for("查找单位");
    let s = tmux.capture();
    assert!(!s.contains("> u"), "u typed nothing:\n{s}");
    tmux.send(&["Escape"]);
    tmux.wait_until("the finder closed", |s| !s.contains("查找单位"));
    tmux.send(&["q"]);
    tmux.wait_for("EXIT=0");
    drop(tmux);

    std::fs::write(&config, "[keys]\nfind_unit = \"x\"\nup = \"???\"\n").unwrap();
    let tmux = Tmux::new("config-bad");
    start_with_config(&tmux, &dir, &err);
    let s = tmux.wait_for("配置文件有误");
    assert!(s.contains("config.toml:3: unknown key"), "{s}");
    // The defaults: u finds units, x does nothing.
    tmux.type_text("u");
    tmux.wait_for("查找单位");
    tmux.send(&["Escape"]);
    tmux.wait_until("the finder closed", |s| !s.contains("查找单位"));
    tmux.send(&["q"]);
    tmux.wait_for("EXIT=0");
    let said = std::fs::read_to_string(&err).unwrap();
    assert!(
        said.contains(&format!("{}:3: unknown key", config.display())),
        "{said}"
    );
    assert!(said.contains("default keys"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}
