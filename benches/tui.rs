//! Explorer latency: time from a key press to the finished frame
//! (`App::update` + `render` into a 120×40 `TestBackend`), per key, on the
//! bundled data and on synthetic data of 100 000 tasks; plus start-up
//! (index, tree, first frame).
//!
//! Then hostile sizes: a paste of 12 000 characters into the finder and
//! of 50 000 into `/`, 5 000 keys in one burst, and a task of 362 000 and
//! of 40 000 000 characters (key → frame in its text pane).
//!
//! ```text
//! cargo bench --bench tui              # all of it
//! cargo bench --bench tui -- 300000    # another synthetic size
//! cargo bench --bench tui -- paste     # only the pastes and the burst
//! cargo bench --bench tui -- huge      # only the huge tasks
//! cargo bench --bench tui -- huge=5000000   # one huge task of that size
//! ```
//!
//! Target: under 16 ms per key at 100 000 tasks; bundled p99 under 1 ms.
//!
//! The 台账 views (deadlines `t`, the matrix `m`) are timed the same way,
//! judged on 2022-06-30 with an empty progress file. The seed plans name
//! no deadline, so the synthetic data gets deadlines of every kind spread
//! over its tasks (`with_deadlines`) to fill every group.

use std::time::{Duration, Instant};

use fengong::model::TaskData;
use fengong::query::Catalog;
use fengong::tui::action::Action;
use fengong::tui::input::Edit;
use fengong::tui::{App, Lang, Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Stats {
    name: String,
    samples: Vec<Duration>,
}

impl Stats {
    fn report(&self) {
        let mut s = self.samples.clone();
        s.sort();
        let n = s.len().max(1);
        let mean = s.iter().sum::<Duration>() / n as u32;
        let p = |q: f64| s[((n as f64 - 1.0) * q).round() as usize];
        println!(
            "  {:<34} n={:<4} mean {:>8.3} ms  p50 {:>8.3} ms  p99 {:>8.3} ms  max {:>8.3} ms",
            self.name,
            s.len(),
            ms(mean),
            ms(p(0.5)),
            ms(p(0.99)),
            ms(*s.last().unwrap_or(&Duration::ZERO)),
        );
    }
}

fn cycle(actions: &[Action], times: usize) -> Vec<Action> {
    (0..times).flat_map(|_| actions.iter().cloned()).collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One key press: update, then draw the frame. When the key started
/// background work (filter, regroup, search), also waits for it and times
/// the frame that shows the result, reported apart as the job latency.
fn press(app: &mut App, term: &mut Terminal<TestBackend>, a: Action) -> Duration {
    let t = Instant::now();
    app.update(a);
    term.draw(|f| render::render(app, f)).unwrap();
    let key = t.elapsed();
    if COVERAGE_ON.with(|c| c.get()) {
        COVERAGE.with(|c| c.borrow_mut().push(key));
    }
    if app.busy() {
        let t = Instant::now();
        app.settle(Duration::from_secs(60));
        let waited = t.elapsed();
        let t2 = Instant::now();
        term.draw(|f| render::render(app, f)).unwrap();
        let frame = t2.elapsed();
        JOBS.with(|j| j.borrow_mut().push((waited, frame)));
    }
    key
}

thread_local! {
    /// (time until the background result arrived and was applied, time of
    /// the frame showing it), per background job.
    static JOBS: std::cell::RefCell<Vec<(Duration, Duration)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Key → frame times in the coverage view, while `COVERAGE_ON`.
    static COVERAGE: std::cell::RefCell<Vec<Duration>> = const { std::cell::RefCell::new(Vec::new()) };
    static COVERAGE_ON: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn bench_keys(label: &str, data: TaskData) {
    println!(
        "{label}: {} tasks, {} goals, {} units",
        data.tasks.len(),
        data.goals.len(),
        data.units.len()
    );
    let t = Instant::now();
    let cat = Catalog::new(data);
    let t_index = t.elapsed();
    let t = Instant::now();
    let mut app = App::new(cat, Lang::Zh, Theme::new(true), "bench".into(), (120, 40));
    let t_app = t.elapsed();
    app.enable_background();
    // An empty progress file (never written: nothing is recorded here).
    let progress = std::env::temp_dir().join(format!(
        "fengong-bench-tui-{}-{label}.progress.json",
        std::process::id()
    ));
    app.ledger.today = fengong::deadline::parse_iso("2022-06-30").unwrap();
    app.open_progress(&progress, true);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let t = Instant::now();
    term.draw(|f| render::render(&app, f)).unwrap();
    let t_frame = t.elapsed();
    println!(
        "  start-up: catalog {:.1} ms + tree {:.1} ms + first frame {:.1} ms = {:.1} ms",
        ms(t_index),
        ms(t_app),
        ms(t_frame),
        ms(t_index + t_app + t_frame)
    );

    let mut all = Vec::new();
    let mut run =
        |name: &str, app: &mut App, term: &mut Terminal<TestBackend>, actions: Vec<Action>| {
            JOBS.with(|j| j.borrow_mut().clear());
            let samples: Vec<Duration> = actions.into_iter().map(|a| press(app, term, a)).collect();
            all.extend(samples.iter().copied());
            Stats {
                name: name.into(),
                samples,
            }
            .report();
            JOBS.with(|j| {
                for (waited, frame) in j.borrow().iter() {
                    println!(
                        "      background job: result applied after {:.3} ms, its frame {:.3} ms",
                        ms(*waited),
                        ms(*frame)
                    );
                }
            });
        };
    run("j (down)", &mut app, &mut term, vec![Action::Down; 200]);
    run("k (up)", &mut app, &mut term, vec![Action::Up; 200]);
    run("PgDn", &mut app, &mut term, vec![Action::PageDown; 50]);
    run(
        "G / g",
        &mut app,
        &mut term,
        cycle(&[Action::Bottom, Action::Top], 20),
    );
    run("l / h (expand / collapse goal)", &mut app, &mut term, {
        let mut v = vec![Action::Down; 4];
        v.extend(cycle(&[Action::Expand, Action::Collapse], 20));
        v
    });
    run("j over tasks", &mut app, &mut term, {
        let mut v = vec![Action::Expand];
        v.extend(vec![Action::Down; 100]);
        v
    });
    run(
        "Tab (cycle panes)",
        &mut app,
        &mut term,
        vec![Action::FocusNext; 40],
    );
    run(
        "E (expand all)",
        &mut app,
        &mut term,
        vec![Action::ExpandAll],
    );
    run(
        "j with everything expanded",
        &mut app,
        &mut term,
        vec![Action::Down; 200],
    );
    run(
        "G with everything expanded",
        &mut app,
        &mut term,
        vec![Action::Bottom],
    );
    run(
        "C (collapse all)",
        &mut app,
        &mut term,
        vec![Action::CollapseAll],
    );
    run(
        "d (regroup by document)",
        &mut app,
        &mut term,
        vec![Action::ToggleGrouping; 2],
    );
    run("/ search: type + Enter", &mut app, &mut term, {
        let mut v = vec![Action::StartSearch];
        v.extend("旅游".chars().map(|c| Action::Edit(Edit::Char(c))));
        v.push(Action::Submit);
        v
    });
    run(
        "n (next match)",
        &mut app,
        &mut term,
        vec![Action::NextMatch; 50],
    );
    run("u finder: open + type (async)", &mut app, &mut term, {
        let mut v = vec![Action::OpenFinder];
        v.extend("发展".chars().map(|c| Action::Edit(Edit::Char(c))));
        v
    });
    app.wait_for_finder(Duration::from_secs(30));
    run(
        "finder Enter → duty view",
        &mut app,
        &mut term,
        vec![Action::Submit],
    );
    run(
        "j in duty view",
        &mut app,
        &mut term,
        vec![Action::Down; 100],
    );
    run("Esc (back)", &mut app, &mut term, vec![Action::Back]);
    run(
        "f filter: role=lead + Enter",
        &mut app,
        &mut term,
        vec![
            Action::OpenFilter,
            Action::NextField,
            Action::NextField,
            Action::Expand,
            Action::Submit,
        ],
    );
    run(
        "F (clear filters)",
        &mut app,
        &mut term,
        vec![Action::ClearFilters],
    );
    run(
        "? help",
        &mut app,
        &mut term,
        vec![Action::Help, Action::Cancel],
    );
    bench_coverage(&mut app, &mut term, &mut run);
    // The 台账: the deadline view, the matrix, a cell's tasks.
    run(
        "t deadline view (async)",
        &mut app,
        &mut term,
        vec![Action::Deadlines],
    );
    run(
        "j in deadline view",
        &mut app,
        &mut term,
        vec![Action::Down; 200],
    );
    run(
        "PgDn in deadline view",
        &mut app,
        &mut term,
        vec![Action::PageDown; 50],
    );
    run(
        "l / h (next / previous group)",
        &mut app,
        &mut term,
        cycle(&[Action::Expand, Action::Expand, Action::Collapse], 10),
    );
    run(
        "G / g in deadline view",
        &mut app,
        &mut term,
        cycle(&[Action::Bottom, Action::Top], 10),
    );
    run("Esc (back)", &mut app, &mut term, vec![Action::Back]);
    run(
        "m matrix (async)",
        &mut app,
        &mut term,
        vec![Action::Matrix],
    );
    run("j in matrix", &mut app, &mut term, vec![Action::Down; 200]);
    run(
        "l / h in matrix",
        &mut app,
        &mut term,
        cycle(&[Action::Expand, Action::Expand, Action::Collapse], 20),
    );
    run(
        "o (next order)",
        &mut app,
        &mut term,
        vec![Action::SortMatrix; 6],
    );
    run(
        "b (by goals, async)",
        &mut app,
        &mut term,
        vec![Action::Top, Action::MatrixBy],
    );
    run(
        "l across the goals",
        &mut app,
        &mut term,
        vec![Action::Expand; 300],
    );
    run(
        "j in goal matrix",
        &mut app,
        &mut term,
        vec![Action::Down; 100],
    );
    run(
        "b (back by plans, async)",
        &mut app,
        &mut term,
        vec![Action::Top, Action::MatrixBy],
    );
    run(
        "Enter on a cell (its tasks)",
        &mut app,
        &mut term,
        vec![Action::Open],
    );
    run(
        "j in a cell's tasks",
        &mut app,
        &mut term,
        vec![Action::Down; 100],
    );
    run(
        "Esc (back to the matrix)",
        &mut app,
        &mut term,
        vec![Action::Back],
    );
    let _ = std::fs::remove_file(&progress);
    let worst = all.iter().max().copied().unwrap_or_default();
    let mut sorted = all.clone();
    sorted.sort();
    let p99 = sorted[((sorted.len() as f64 - 1.0) * 0.99) as usize];
    println!(
        "  ALL KEYS: n={} p99 {:.3} ms, worst {:.3} ms (target < 16 ms)",
        all.len(),
        ms(p99),
        ms(worst)
    );
}

/// Times a named run of keys (the closure in `bench_keys`).
type Runner<'a> = dyn FnMut(&str, &mut App, &mut Terminal<TestBackend>, Vec<Action>) + 'a;

/// Keys in the coverage view of the first plan that has plans below it
/// (on the bundled data, 江门市西部发展区 against 台山市): opening it (the
/// coverage itself is a background job), moving, the evidence side by
/// side and back, the status filter. Target: under 1 ms per key (p99).
fn bench_coverage(app: &mut App, term: &mut Terminal<TestBackend>, run: &mut Runner) {
    use fengong::query::DocPos;
    use fengong::tui::view::tree::{Grouping, NodeKey};
    let Some(doc) = (0..app.cat.documents().len())
        .map(DocPos::new)
        .find(|&d| !app.levels.below(d).is_empty())
    else {
        println!("  (no plan has plans below it: no coverage view to time)");
        return;
    };
    // Its document node, in the tree by document.
    if app.grouping != Grouping::Document {
        app.update(Action::ToggleGrouping);
        app.settle(Duration::from_secs(60));
    }
    app.update(Action::CollapseAll);
    app.update(Action::Top);
    while app.browse.selected_key() != Some(NodeKey::Doc(doc)) {
        app.update(Action::Down);
    }
    let start = COVERAGE.with(|c| c.borrow().len());
    COVERAGE_ON.with(|c| c.set(true));
    run(
        "v coverage view (async)",
        app,
        term,
        vec![Action::OpenCoverage],
    );
    run("j in coverage view", app, term, vec![Action::Down; 100]);
    run("k in coverage view", app, term, vec![Action::Up; 100]);
    run(
        "PgDn / G / g in coverage view",
        app,
        term,
        cycle(&[Action::PageDown, Action::Bottom, Action::Top], 20),
    );
    run("Enter / n / N / Esc (evidence)", app, term, {
        let mut v = Vec::new();
        for i in 0..20 {
            v.extend(vec![Action::Down; i % 5]);
            v.extend([
                Action::Open,
                Action::NextMatch,
                Action::PrevMatch,
                Action::Down,
                Action::Back,
            ]);
        }
        v
    });
    run(
        "f (status filter) in coverage view",
        app,
        term,
        vec![Action::OpenFilter; 20],
    );
    run(
        "Esc / v (leave, reopen)",
        app,
        term,
        cycle(&[Action::Back, Action::OpenCoverage], 20),
    );
    run("Esc (close coverage view)", app, term, vec![Action::Back]);
    COVERAGE_ON.with(|c| c.set(false));
    let mut keys: Vec<Duration> = COVERAGE.with(|c| c.borrow()[start..].to_vec());
    keys.sort();
    if let Some(&worst) = keys.last() {
        let p99 = keys[((keys.len() as f64 - 1.0) * 0.99) as usize];
        println!(
            "  COVERAGE VIEW KEYS: n={} p99 {:.3} ms, worst {:.3} ms (target < 1 ms)",
            keys.len(),
            ms(p99),
            ms(worst)
        );
    }
}

/// Where the time of the slow keys goes: the pieces they are made of.
fn bench_phases(data: &TaskData) {
    use fengong::query::Filters;
    use fengong::query::UnitPos;
    use fengong::tui::view::summary::Summary;
    use fengong::tui::view::tree::{Grouping, Tree};
    let time = |name: &str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        let reps = 5;
        for _ in 0..reps {
            f();
        }
        println!("  phase {:<40} {:>8.2} ms", name, ms(t.elapsed() / reps));
    };
    let cat = Catalog::new(data.clone());
    let view = cat.apply(&Filters::default()).unwrap();
    time("query: apply(no filters)", &mut || {
        cat.apply(&Filters::default()).unwrap();
    });
    time("query: apply(text filter)", &mut || {
        cat.apply(&Filters {
            text: Some("旅游".into()),
            ..Default::default()
        })
        .unwrap();
    });
    time("tree: build by region", &mut || {
        Tree::build(&cat, &view, Grouping::Region, true);
    });
    time("tree: build by document", &mut || {
        Tree::build(&cat, &view, Grouping::Document, true);
    });
    let tree = Tree::build(&cat, &view, Grouping::Region, true);
    let all: std::collections::HashSet<_> = tree.all_branches().collect();
    time("tree: visible rows, all expanded", &mut || {
        tree.visible_rows(&all);
    });
    let mut tasks = Vec::new();
    tree.tasks_under(tree.roots[0], &mut tasks);
    time("summary of the root region", &mut || {
        let mut t = Vec::new();
        tree.tasks_under(tree.roots[0], &mut t);
        Summary::of(&cat, &t);
    });
    time("duties of unit 0", &mut || {
        cat.duties(UnitPos(0));
    });
}

/// An explorer on `data` and a 120×40 test terminal.
fn app_at_120x40(data: TaskData) -> (App, Terminal<TestBackend>) {
    let app = App::new(
        Catalog::new(data),
        Lang::Zh,
        Theme::new(true),
        "bench".into(),
        (120, 40),
    );
    (app, Terminal::new(TestBackend::new(120, 40)).unwrap())
}

/// Pastes and a burst of keys: the time to take them in and draw the
/// frame after, then Esc and its frame (the dialog must close at once).
fn bench_paste(data: &TaskData) {
    println!("pastes and bursts (bundled data):");
    let frame_after = |app: &mut App, term: &mut Terminal<TestBackend>, actions: Vec<Action>| {
        let t = Instant::now();
        for a in actions {
            app.update(a);
        }
        term.draw(|f| render::render(app, f)).unwrap();
        t.elapsed()
    };
    let chars = "台山市发展和改革局".chars().cycle();
    for (name, open, n) in [
        ("finder", Action::OpenFinder, 12_000usize),
        ("/ search", Action::StartSearch, 50_000),
    ] {
        let (mut app, mut term) = app_at_120x40(data.clone());
        let pasted: String = chars.clone().take(n).collect();
        let paste = frame_after(
            &mut app,
            &mut term,
            vec![open.clone(), Action::Edit(Edit::Paste(pasted))],
        );
        let redraw = frame_after(&mut app, &mut term, vec![]);
        let esc = frame_after(&mut app, &mut term, vec![Action::Cancel]);
        println!(
            "  paste {n:>6} chars into the {name:<8}: paste + frame {:>10.3} ms, next frame {:>10.3} ms, Esc + frame {:>8.3} ms",
            ms(paste),
            ms(redraw),
            ms(esc)
        );
    }
    let (mut app, mut term) = app_at_120x40(data.clone());
    frame_after(&mut app, &mut term, vec![Action::OpenFinder]);
    let keys: Vec<Action> = chars
        .take(5_000)
        .map(|c| Action::Edit(Edit::Char(c)))
        .collect();
    let burst = frame_after(&mut app, &mut term, keys);
    let esc = frame_after(&mut app, &mut term, vec![Action::Cancel]);
    println!(
        "  5 000 keys in one burst into the finder: keys + frame {:>10.3} ms, Esc + frame {:>8.3} ms",
        ms(burst),
        ms(esc)
    );
}

/// The bundled data with its first task's text made `n` characters long
/// (its own sentences repeated, so lead names stay highlighted).
fn with_huge_task(data: &TaskData, n: usize) -> TaskData {
    let mut d = data.clone();
    let t = &mut d.tasks[0];
    let unit: String = t.text.chars().collect();
    t.text = unit.chars().cycle().take(n).collect();
    d
}

/// Key → frame with a huge task selected and its text focused.
fn bench_huge(data: &TaskData, n: usize) {
    use fengong::query::TaskPos;
    use fengong::tui::view::tree::NodeKey;
    println!("huge task: {n} characters");
    let t = Instant::now();
    let (mut app, mut term) = app_at_120x40(with_huge_task(data, n));
    println!("  start-up {:.1} ms", ms(t.elapsed()));
    let time =
        |name: &str, app: &mut App, term: &mut Terminal<TestBackend>, actions: Vec<Action>| {
            let samples: Vec<Duration> = actions.into_iter().map(|a| press(app, term, a)).collect();
            Stats {
                name: name.into(),
                samples,
            }
            .report();
        };
    // Select the huge task: its first frame.
    let t = Instant::now();
    app.browse.select(NodeKey::Task(TaskPos(0)));
    app.update(Action::Tick);
    term.draw(|f| render::render(&app, f)).unwrap();
    println!("  select it + first frame: {:.3} ms", ms(t.elapsed()));
    time(
        "j in the tree (next to it)",
        &mut app,
        &mut term,
        vec![Action::Down, Action::Up],
    );
    app.update(Action::Expand); // focus its text
    time("j in its text", &mut app, &mut term, vec![Action::Down; 20]);
    time(
        "PgDn in its text",
        &mut app,
        &mut term,
        vec![Action::PageDown; 10],
    );
    time(
        "G (end of its text)",
        &mut app,
        &mut term,
        vec![Action::Bottom],
    );
    time("k at the end", &mut app, &mut term, vec![Action::Up; 10]);
    time("g (start)", &mut app, &mut term, vec![Action::Top]);
    time(
        "Tab (cycle panes)",
        &mut app,
        &mut term,
        vec![Action::FocusNext; 5],
    );
    time(
        "resize (rewrap)",
        &mut app,
        &mut term,
        vec![Action::Resize(120, 40)],
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only_paste = args.iter().any(|a| a == "paste");
    let huge: Option<Vec<usize>> = args.iter().find_map(|a| {
        if a == "huge" {
            Some(vec![362_000, 40_000_000])
        } else {
            a.strip_prefix("huge=")
                .and_then(|n| n.parse().ok())
                .map(|n| vec![n])
        }
    });
    // `cargo bench` passes `--bench`; a bare number picks the synthetic size.
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let t = Instant::now();
    let bundled = TaskData::from_json(fengong::bundled::BUNDLED_JSON).expect("bundled data");
    println!(
        "(parsing the bundled data/tasks.json, {} KB: {:.1} ms)",
        fengong::bundled::BUNDLED_JSON.len() / 1024,
        ms(t.elapsed())
    );
    let base = if bundled.tasks.is_empty() {
        println!(
            "(bundled data/tasks.json is empty; using tests/fixtures/small.json as the small case)"
        );
        TaskData::from_json(include_str!("../tests/fixtures/small.json")).unwrap()
    } else {
        bundled.clone()
    };
    if only_paste || huge.is_some() {
        if only_paste {
            bench_paste(&base);
        }
        for n in huge.unwrap_or_default() {
            bench_huge(&base, n);
        }
        return;
    }
    bench_keys("bundled", base.clone());
    let t = Instant::now();
    let big = fengong::synth::generate(&bundled, n, 42);
    println!(
        "(generated {n} synthetic tasks in {:.0} ms)",
        ms(t.elapsed())
    );
    let big = with_deadlines(big);
    bench_phases(&big);
    bench_keys("synthetic", big);
    bench_paste(&base);
    for n in [362_000, 40_000_000] {
        bench_huge(&base, n);
    }
}

/// Deadlines of every kind on the tasks, around 2022-06-30: past, within
/// 30 and 90 days, later, recurring, standing, none.
fn with_deadlines(mut data: TaskData) -> TaskData {
    const WORDS: [&str; 8] = [
        "2022年3月底前",
        "2022年7月15日前",
        "2022年8月底前",
        "2023年底前",
        "每季度",
        "持续推进",
        "2022—2025年",
        "",
    ];
    for (i, t) in data.tasks.iter_mut().enumerate() {
        let w = WORDS[(i * 7 + i / 3) % WORDS.len()];
        if !w.is_empty() {
            t.deadline = Some(w.to_owned());
            t.due = Some(fengong::deadline::read(w, Some(2022)));
        }
    }
    data
}
