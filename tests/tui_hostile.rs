//! The explorer against hostile conditions (docs/HOSTILE.md, "The
//! explorer"): signals, a terminal that cannot show it, huge pastes and
//! bursts of keys, huge tasks, damaged data. The real binary in tmux,
//! and the state drawn into a `TestBackend`.

use std::path::Path;

use crate::common::tmux::{self, Tmux};
use crate::common::{BIN, fixture, shell_quote, temp_dir};

/// Starts fengong on `data` in tmux under `sh -c`; after it exits the
/// shell prints `EXIT=` and its status. No core file is written (SIGQUIT).
fn start(tmux: &Tmux, data: &Path, env: &str, dir: &Path) {
    let script = format!(
        "ulimit -c 0; {env} {} --data {} --lang zh 2>/dev/null; echo EXIT=$?; sleep 60",
        shell_quote(Path::new(BIN)),
        shell_quote(data)
    );
    let dir = dir.display().to_string();
    tmux.start((100, 30), Some(&dir), &["sh", "-c", &script]);
}

/// Sends `sig` to the running explorer; the terminal must be given back
/// and the process end by the signal (the shell says 128 + n).
fn signal_restores(name: &str, sig: libc::c_int) {
    if !tmux::available(name) {
        return;
    }
    let dir = temp_dir(&format!("sig-{name}"));
    let tmux = Tmux::new(&format!("sig-{name}"));
    start(&tmux, &fixture("small.json"), "", &dir);
    tmux.wait_for("江门市");
    tmux.assert_taken("while running");
    let pid = tmux.child_pid();
    // SAFETY: a signal to the process this test started.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
    let screen = tmux.wait_for("EXIT=");
    assert!(
        screen.contains(&format!("EXIT={}", 128 + sig)),
        "ends by the signal {name}:\n{screen}"
    );
    tmux.assert_restored(name);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_gives_the_terminal_back() {
    signal_restores("SIGTERM", libc::SIGTERM);
}

#[test]
fn sighup_gives_the_terminal_back() {
    signal_restores("SIGHUP", libc::SIGHUP);
}

#[test]
fn sigint_as_a_signal_gives_the_terminal_back() {
    signal_restores("SIGINT", libc::SIGINT);
}

#[test]
fn sigquit_gives_the_terminal_back() {
    signal_restores("SIGQUIT", libc::SIGQUIT);
}

/// SIGTSTP (`kill -TSTP`, as a job-control shell's user would) stops
/// the explorer with the terminal given back; `fg` continues it, and it
/// takes the terminal again and redraws; `q` then quits normally. Run
/// under a shell with job control (`set -m`): in an orphaned process
/// group, as under a plain `sh -c`, the kernel discards a stop.
#[test]
fn sigtstp_stops_with_the_terminal_given_back_and_fg_redraws() {
    if !tmux::available("SIGTSTP") {
        return;
    }
    let dir = temp_dir("sig-tstp");
    let tmux = Tmux::new("sig-tstp");
    let script = format!(
        "set -m; {} --data {} --lang zh 2>/dev/null; echo STOPPED=$?; read x; fg; echo EXIT=$?; sleep 60",
        shell_quote(Path::new(BIN)),
        shell_quote(&fixture("small.json"))
    );
    tmux.start(
        (100, 30),
        Some(&dir.display().to_string()),
        &["bash", "-c", &script],
    );
    tmux.wait_for("江门市");
    let pid = tmux.child_pid();
    // SAFETY: a signal to the process this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTSTP) }, 0);
    let screen = tmux.wait_for("STOPPED=");
    assert!(
        screen.contains("STOPPED=148"),
        "stopped by SIGTSTP:\n{screen}"
    );
    tmux.assert_restored("stopped");
    tmux.send(&["Enter"]);
    tmux.wait_until("the explorer again", |s| {
        tmux.pane_flag("alternate_on") == "1" && s.contains("江门市")
    });
    tmux.assert_taken("continued");
    tmux.send(&["q"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    tmux.assert_restored("quit after continuing");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `TERM=dumb`: the explorer says the terminal cannot show it and what to
/// use instead, exits 2, and leaves the terminal as it was.
#[test]
fn a_dumb_terminal_is_told_what_to_use_instead() {
    if !tmux::available("dumb") {
        return;
    }
    let dir = temp_dir("dumb");
    let tmux = Tmux::new("dumb");
    let script = format!(
        "TERM=dumb {} --data {} --lang zh; echo EXIT=$?; sleep 60",
        shell_quote(Path::new(BIN)),
        shell_quote(&fixture("small.json"))
    );
    tmux.start(
        (100, 30),
        Some(&dir.display().to_string()),
        &["sh", "-c", &script],
    );
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("EXIT=2"), "{screen}");
    assert!(
        screen.contains("TERM=dumb"),
        "names the terminal:\n{screen}"
    );
    assert!(
        screen.contains("fengong export") && screen.contains("fengong search"),
        "says what to use instead:\n{screen}"
    );
    assert!(!screen.contains("江门市"), "drew nothing:\n{screen}");
    tmux.assert_restored("TERM=dumb");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Starts the explorer on the bundled data and waits for its tree.
fn start_bundled(tmux: &Tmux, dir: &Path) {
    let script = format!(
        "{} --lang zh 2>/dev/null; echo EXIT=$?; sleep 60",
        shell_quote(Path::new(BIN))
    );
    tmux.start(
        (120, 40),
        Some(&dir.display().to_string()),
        &["sh", "-c", &script],
    );
    tmux.wait_for("江门市");
}

/// A 12 000-character paste into the finder and a 50 000-character one
/// into `/`: the input is cut with a message, and Esc right after closes
/// the dialog.
#[test]
fn esc_works_right_after_a_huge_paste() {
    if !tmux::available("paste") {
        return;
    }
    let dir = temp_dir("paste");
    let tmux = Tmux::new("paste");
    start_bundled(&tmux, &dir);
    let text =
        |n: usize| -> String { "台山市发展和改革局".chars().cycle().take(n).collect() };

    tmux.send(&["u"]);
    tmux.wait_for("查找单位");
    tmux.paste(&text(12_000));
    // The input shows the end of what it kept, and the status says why.
    tmux.wait_for_all(&["发展和改革局台山市发展", "文字过长,只保留前 1000 个字符"]);
    tmux.send(&["Escape"]);
    // Each key is sent once the one before it is drawn: sent together,
    // Esc and the next key would read as Alt+key.
    tmux.wait_until("the finder closed", |s| !s.contains("查找单位"));

    tmux.send(&["/"]);
    tmux.wait_for("┌ 搜索");
    tmux.paste(&text(50_000));
    tmux.wait_until("the pasted text in the prompt", |s| {
        s.contains("┌ 搜索") && s.contains("发展和改革局台山市发展")
    });
    tmux.send(&["Escape"]);
    tmux.wait_until("the search prompt closed", |s| !s.contains("┌ 搜索"));

    tmux.send(&["q"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// 5 000 keys in one burst into the finder (a paste without bracketed
/// paste): the keys after it still work.
#[test]
fn keys_work_right_after_a_burst_of_five_thousand() {
    if !tmux::available("burst") {
        return;
    }
    let dir = temp_dir("burst");
    let tmux = Tmux::new("burst");
    start_bundled(&tmux, &dir);
    tmux.send(&["u"]);
    tmux.wait_for("查找单位");
    tmux.type_text(&"a".repeat(5_000));
    tmux.send(&["Escape"]);
    tmux.wait_until("the finder closed", |s| !s.contains("查找单位"));
    tmux.send(&["j"]);
    tmux.send(&["q"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Hand-damaged data: a task whose goal does not exist, a goal whose
/// region does not exist, a goal in a region 40 levels deep, a goal in a
/// region cycle. Every task shows (under 未归位 where it has no place),
/// the tree's counts add up to the header's, and the problems are said
/// once in the status bar, in the interface language.
fn damaged() -> fengong::model::Loaded {
    let region = |id: &str, name: &str, parent: serde_json::Value| {
        serde_json::json!({"id": id, "name": name, "kind": "town", "parent": parent,
            "members": [], "doc": null, "source": null})
    };
    let text = crate::common::small_json_with(|v| {
        v["tasks"][4]["goal"] = "000_taishan:g99".into();
        v["goals"][4]["region"] = "nowhere".into();
        let regions = v["regions"].as_array_mut().unwrap();
        for i in 0..40 {
            let parent = if i == 0 {
                serde_json::Value::Null
            } else {
                format!("deep{}", i - 1).into()
            };
            regions.push(region(&format!("deep{i}"), &format!("深{i}"), parent));
        }
        regions.push(region("loopA", "环A", "loopB".into()));
        regions.push(region("loopB", "环B", "loopA".into()));
        v["goals"][2]["region"] = "deep39".into();
        v["goals"][3]["region"] = "loopA".into();
    });
    fengong::model::TaskData::from_json_checked(&text).expect("loads with warnings")
}

#[test]
fn damaged_data_shows_every_task_under_unplaced_and_the_counts_agree() {
    use crate::common::tui::{app_on, draw};
    use fengong::tui::Lang;
    use fengong::tui::action::Action;
    let loaded = damaged();
    assert!(!loaded.unplaced.is_empty());
    let n = loaded.data.tasks.len();
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app_on(loaded.data.clone(), "damaged.json", 120, 40, lang);
        app.report_load(&loaded.problems, loaded.unplaced.len());
        let tree = app.browse.tree();
        let shown: u32 = tree.roots.iter().map(|&r| tree.node(r).tasks).sum();
        assert_eq!(shown as usize, n, "every task is in the tree");
        assert_eq!(tree.all_tasks().len(), n);
        let (unplaced, header, problems) = match lang {
            Lang::Zh => ("未归位", format!("{n} 任务"), "数据文件有"),
            Lang::En => (
                "unplaced",
                format!("{n} tasks"),
                "problems in the data file",
            ),
        };
        let screen = draw(&app);
        assert!(screen.contains(&header), "{screen}");
        let status = screen.lines().rev().nth(1).unwrap();
        assert!(
            status.contains(problems),
            "problems in the status bar:\n{screen}"
        );
        // Said once: the next key clears it.
        app.update(Action::ExpandAll);
        let screen = draw(&app);
        assert!(!screen.contains(problems), "{screen}");
        assert!(screen.contains(unplaced), "{screen}");
    }
}

/// The tree with the 未归位 node, at the three sizes.
#[test]
fn unplaced_node_snapshots() {
    use crate::common::tui::{app_on, assert_rows_fit, draw};
    use fengong::tui::Lang;
    use fengong::tui::action::Action;
    let loaded = damaged();
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let mut app = app_on(loaded.data.clone(), "damaged.json", w, h, Lang::Zh);
        app.report_load(&loaded.problems, loaded.unplaced.len());
        let s = draw(&app);
        assert_rows_fit(&s, w, "unplaced");
        insta::assert_snapshot!(format!("damaged_start_{w}x{h}"), s);
        // The unplaced node selected: its summary.
        app.update(Action::ExpandAll);
        for _ in 0..200 {
            if selected_is_unplaced(&app) {
                break;
            }
            app.update(Action::Down);
        }
        assert!(selected_is_unplaced(&app));
        let s = draw(&app);
        assert_rows_fit(&s, w, "unplaced");
        insta::assert_snapshot!(format!("damaged_unplaced_{w}x{h}"), s);
    }
}

fn selected_is_unplaced(app: &fengong::tui::App) -> bool {
    use fengong::tui::view::tree::NodeKey;
    app.browse.selected_key() == Some(NodeKey::Unplaced)
}

/// The small data with its first task's text made `chars` characters
/// long (its own sentence repeated) and ending in a marker.
fn huge_task_json(chars: usize) -> String {
    crate::common::small_json_with(|v| {
        let text: String =
            "以新型城镇引擎推动北部能级提升。（市发展和改革局牵头，台山市产业转移工业园配合）"
                .chars()
                .cycle()
                .take(chars)
                .collect();
        v["tasks"][0]["text"] = format!("{text}【全文完】").into();
    })
}

/// A task of 400 000 characters: its first screen, a page down, and its
/// end (the facts below it), at the three sizes. Only what is on screen
/// is drawn; the benchmark (`cargo bench --bench tui -- huge`) measures
/// what that costs.
#[test]
fn a_huge_task_draws_its_first_page_its_middle_and_its_end() {
    use crate::common::tui::{app_on, assert_rows_fit, draw};
    use fengong::tui::Lang;
    use fengong::tui::action::Action;
    let data = fengong::model::TaskData::from_json(&huge_task_json(400_000)).unwrap();
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let mut app = app_on(data.clone(), "huge.json", w, h, Lang::Zh);
        // The first task, as in tui_render's "task_panes".
        use Action::{Down, Expand};
        crate::common::tui::run(&mut app, &[Down, Down, Down, Down, Expand, Down]);
        assert_eq!(app.selected_task().map(|t| t.index()), Some(0));
        let s = draw(&app);
        assert_rows_fit(&s, w, "huge task");
        assert!(s.contains("以新型城镇引擎"), "{s}");
        insta::assert_snapshot!(format!("huge_task_{w}x{h}"), s);
        // Into its text, a page down, then the end.
        for _ in 0..8 {
            if app.focus == fengong::tui::layout::Focus::Detail {
                break;
            }
            app.update(Action::FocusNext);
        }
        assert_eq!(app.focus, fengong::tui::layout::Focus::Detail);
        app.update(Action::PageDown);
        let s = draw(&app);
        assert_rows_fit(&s, w, "huge task");
        insta::assert_snapshot!(format!("huge_task_page_down_{w}x{h}"), s);
        app.update(Action::Bottom);
        let s = draw(&app);
        assert_rows_fit(&s, w, "huge task");
        insta::assert_snapshot!(format!("huge_task_end_{w}x{h}"), s);
        // The facts below the text fill the last page of a small pane:
        // the text's last line is a few lines up.
        let ups = (0..30).find(|_| {
            let found = draw(&app).contains("全文完");
            app.update(Action::Up);
            found
        });
        assert!(ups.is_some(), "the end of the text:\n{}", draw(&app));
        // And back to the start.
        app.update(Action::Top);
        assert!(draw(&app).contains("以新型城镇引擎"));
    }
}

/// The real binary on a data file with a task of 1 000 000 characters:
/// it opens, the task draws, the end of its text is reached with `G`,
/// keys stay prompt, and `q` quits.
#[test]
fn a_huge_task_in_a_data_file_opens_scrolls_and_quits() {
    if !tmux::available("huge") {
        return;
    }
    let dir = temp_dir("huge-task");
    let data = dir.join("huge.json");
    std::fs::write(&data, huge_task_json(1_000_000)).unwrap();
    let tmux = Tmux::new("huge-task");
    start(&tmux, &data, "", &dir);
    tmux.wait_for("江门市");
    // The first task, as in the snapshots: four down, open, down.
    for k in ["j", "j", "j", "j", "l", "j"] {
        tmux.send(&[k]);
    }
    tmux.wait_for("以新型城镇引擎推动北部能级提升。（市发");
    tmux.send(&["Tab"]);
    tmux.send(&["G"]);
    // The end: the facts and the progress section below the text, and
    // the text's last line a few lines up.
    tmux.wait_for("牵头方式");
    let found = (0..20).any(|_| {
        tmux.send(&["k"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        tmux.capture().contains("全文完")
    });
    assert!(found, "the end of the text:\n{}", tmux.capture());
    tmux.send(&["g"]);
    tmux.wait_until("the start again", |s| !s.contains("全文完"));
    tmux.send(&["q"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    tmux.assert_restored("quit");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A data file carrying escape sequences (OSC title and clipboard, clear
/// screen, mouse mode, C1 controls, bidi overrides) in a document, a goal,
/// a task's title and text and a unit: nothing of them is drawn, in the
/// tree, the task, the finder, and the real binary's window title.
#[test]
fn escape_sequences_in_data_never_reach_the_terminal() {
    use crate::common::tui::{app_on, draw};
    use crate::hostile_text::{assert_clean, hostile_data};
    use fengong::tui::Lang;
    use fengong::tui::action::Action;
    let dir = temp_dir("hostile-escapes");
    let path = hostile_data(&dir);
    let loaded =
        fengong::model::TaskData::from_json_checked(&std::fs::read_to_string(&path).unwrap())
            .unwrap();
    let mut app = app_on(loaded.data, "hostile.json", 120, 40, Lang::Zh);
    app.update(Action::ExpandAll);
    let mut screens = vec![draw(&app)];
    for _ in 0..6 {
        app.update(Action::Down);
        screens.push(draw(&app));
    }
    app.update(Action::OpenFinder);
    app.wait_for_finder(std::time::Duration::from_secs(10));
    screens.push(draw(&app));
    for s in &screens {
        assert_clean("explorer", s.as_bytes());
    }
    assert!(
        screens.iter().any(|s| s.contains("加快建设")),
        "the task is drawn"
    );

    if !tmux::available("hostile escapes") {
        return;
    }
    let tmux = Tmux::new("hostile-escapes");
    start(&tmux, Path::new(&path), "", &dir);
    tmux.wait_for("江门市");
    for k in ["j", "j", "j", "j", "l", "j"] {
        tmux.send(&[k]);
    }
    let screen = tmux.wait_for("加快建设");
    assert_clean("explorer in tmux", screen.as_bytes());
    assert!(!tmux.pane_flag("pane_title").contains("PWNED"));
    assert_eq!(tmux.pane_flag("mouse_any_flag"), "1");
    tmux.send(&["q"]);
    tmux.wait_for("EXIT=");
    assert!(!tmux.pane_flag("pane_title").contains("PWNED"));
    let _ = std::fs::remove_dir_all(&dir);
}
