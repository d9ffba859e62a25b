//! Explorer latency: time from a key press to the finished frame
//! (`App::update` + `render` into a 120×40 `TestBackend`), per key, on the
//! bundled data and on synthetic data of 100 000 tasks; plus start-up
//! (index, tree, first frame).
//!
//! ```text
//! cargo bench --bench tui            # bundled data + 100 000 tasks
//! cargo bench --bench tui -- 300000  # another synthetic size
//! ```
//!
//! Target: under 16 ms per key at 100 000 tasks.

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

fn main() {
    // `cargo bench` passes `--bench`; a bare number picks the synthetic size.
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
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
    bench_keys("bundled", base.clone());
    let t = Instant::now();
    let big = fengong::synth::generate(&bundled, n, 42);
    println!(
        "(generated {n} synthetic tasks in {:.0} ms)",
        ms(t.elapsed())
    );
    bench_phases(&big);
    bench_keys("synthetic", big);
}
