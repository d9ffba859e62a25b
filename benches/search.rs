//! Finder timings: per-keystroke ranking on the bundled data and on 100 000
//! synthetic tasks, and the matching engines compared on the same keys.
//!
//! ```text
//! cargo bench --bench search            # all
//! cargo bench --bench search -- engines # only the engine comparison
//! ```
//! Figures are medians over repeated runs, printed as a table.

use std::sync::Arc;
use std::time::{Duration, Instant};

use fengong::model::TaskData;
use fengong::search::candidates::{finder_candidates, task_candidates, unit_candidates};
use fengong::search::{Candidate, Engine, Searcher, Worker};

/// What people type, one keystroke at a time.
const TYPED: &[&str] = &[
    "fgj",
    "fagai",
    "发改",
    "taicheng",
    "文广旅体",
    "gh",
    "zhihuichengshi",
];

fn keystrokes(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// Per keystroke, two ways: a fresh synchronous ranking of all candidates
/// (the worst case), and through the background [`Worker`] as the explorer
/// uses it (narrowing to the previous matches while a word grows; partial
/// results streamed while a long ranking runs): time to the first results
/// and to the final ones.
fn keystroke_table(label: &str, candidates: Vec<Candidate>) {
    let n = candidates.len();
    let t = Instant::now();
    let searcher = Arc::new(Searcher::new(candidates));
    let prepare = t.elapsed();
    println!("\n{label}: {n} candidates, prepared in {} ms", ms(prepare));
    println!(
        "{:<16} {:>8} {:>12} {:>12} {:>14} {:>14}",
        "query", "matches", "sync med ms", "sync max ms", "first max ms", "final max ms"
    );
    let mut worst_sync = Duration::ZERO;
    let mut worst_first = Duration::ZERO;
    let mut worst_final = Duration::ZERO;
    for word in TYPED {
        let mut sync_times = Vec::new();
        let mut total = 0;
        for q in keystrokes(word) {
            for _ in 0..3 {
                let t = Instant::now();
                let r = searcher.rank_top(&q, 50);
                sync_times.push(t.elapsed());
                total = r.total;
            }
        }
        let sync_max = *sync_times.iter().max().unwrap();
        // Through the worker: set_query per keystroke and wait for it.
        let mut worker = Worker::with_searcher(Arc::clone(&searcher), 50);
        let mut first_max = Duration::ZERO;
        let mut final_max = Duration::ZERO;
        for q in keystrokes(word) {
            let t = Instant::now();
            worker.set_query(&q);
            let first = worker.wait_first(Duration::from_secs(30)).expect("results");
            first_max = first_max.max(t.elapsed());
            if !first.done {
                worker.wait(Duration::from_secs(30)).expect("results");
            }
            final_max = final_max.max(t.elapsed());
        }
        worst_sync = worst_sync.max(sync_max);
        worst_first = worst_first.max(first_max);
        worst_final = worst_final.max(final_max);
        println!(
            "{:<16} {:>8} {:>12} {:>12} {:>14} {:>14}",
            word,
            total,
            ms(median(sync_times)),
            ms(sync_max),
            ms(first_max),
            ms(final_max)
        );
    }
    println!(
        "worst keystroke: sync {} ms; worker: first results {} ms, final {} ms",
        ms(worst_sync),
        ms(worst_first),
        ms(worst_final)
    );
}

/// The engines on the same candidates and queries: time for one ranking of
/// all candidates, and whether the expected first result comes first.
fn engine_table(label: &str, candidates: &[Candidate], cases: &[(&str, &str)]) {
    println!(
        "\nengines on {label} ({} candidates): median ms per query / first result right",
        candidates.len()
    );
    print!("{:<14}", "query");
    let engines = [Engine::Pinyin, Engine::Nucleo, Engine::Skim];
    for e in engines {
        print!(" {:>18}", format!("{e:?}"));
    }
    println!();
    let searchers: Vec<Searcher> = engines
        .iter()
        .map(|&e| Searcher::with_engine(candidates.to_vec(), e))
        .collect();
    let mut totals = vec![Duration::ZERO; engines.len()];
    for (q, want) in cases {
        print!("{q:<14}");
        for (k, s) in searchers.iter().enumerate() {
            let mut times = Vec::new();
            let mut first = None;
            for _ in 0..5 {
                let t = Instant::now();
                let r = s.rank_top(q, 20);
                times.push(t.elapsed());
                first = r
                    .hits
                    .first()
                    .map(|h| s.candidates()[h.index].display.clone());
            }
            let m = median(times);
            totals[k] += m;
            let ok = if want.is_empty() {
                "-"
            } else if first.as_deref() == Some(*want) {
                "ok"
            } else {
                "MISS"
            };
            print!(" {:>13} {:>4}", ms(m), ok);
        }
        println!();
    }
    print!("{:<14}", "sum");
    for t in totals {
        print!(" {:>13}     ", ms(t));
    }
    println!();
}

fn bundled_or_stand_in() -> (TaskData, &'static str) {
    match fengong::bundled::load(None) {
        Ok((d, _)) if !d.tasks.is_empty() => (d, "bundled data"),
        _ => (
            fengong::synth::generate(&TaskData::new(), 300, 1),
            "stand-in for bundled data (300 synthetic tasks; data/tasks.json is empty)",
        ),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `-- profile QUERY`: rank QUERY repeatedly on the big finder, for perf.
    if let Some(p) = args.iter().position(|a| a == "profile") {
        let q = args.get(p + 1).map_or("fgj", String::as_str);
        let (bundled, _) = bundled_or_stand_in();
        let big = fengong::synth::generate(&bundled, 100_000, 7);
        let mut cands = finder_candidates(&big, &big.index());
        match std::env::var("PART").as_deref() {
            Ok("titles") => cands.iter_mut().for_each(|c| c.texts.clear()),
            Ok("texts") => cands.iter_mut().for_each(|c| {
                if let Some(t) = c.texts.pop() {
                    c.display = t;
                    c.texts.clear();
                    c.aliases.clear();
                }
            }),
            _ => {}
        }
        let s = Searcher::new(cands);
        let t = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(s.rank_top(q, 50));
        }
        println!("{q}: {} ms per ranking", ms(t.elapsed() / 20));
        return;
    }
    let only_engines = args.iter().any(|a| a == "engines");
    let (bundled, label) = bundled_or_stand_in();
    let index = bundled.index();
    let big = fengong::synth::generate(&bundled, 100_000, 7);
    let big_index = big.index();

    if !only_engines {
        keystroke_table(
            &format!("finder, {label}"),
            finder_candidates(&bundled, &index),
        );
        keystroke_table(
            "units, 100 000 synthetic tasks",
            unit_candidates(&big, &big_index),
        );
        keystroke_table(
            "finder (units, regions, goals, tasks with texts), 100 000 synthetic tasks",
            finder_candidates(&big, &big_index),
        );
    }

    let unit_cases = [
        ("fgj", "台山市发展和改革局"),
        ("fagai", "台山市发展和改革局"),
        ("发改", "台山市发展和改革局"),
        ("发g", "台山市发展和改革局"),
        ("台城", "台山市台城街道"),
        ("taicheng", "台山市台城街道"),
        ("文广旅体", "台山市文化广电旅游体育局"),
        ("wglt", "台山市文化广电旅游体育局"),
        ("jtysj", "台山市交通运输局"),
    ];
    engine_table("units", &unit_candidates(&big, &big_index), &unit_cases);
    let titles: Vec<Candidate> = task_candidates(&big)
        .into_iter()
        .map(|mut c| {
            c.texts.clear();
            c
        })
        .collect();
    let title_cases = [
        ("智慧城市", ""),
        ("zhihui", ""),
        ("zhcs", ""),
        ("乡村振兴", ""),
        ("xczx", ""),
        ("lvyou", ""),
    ];
    engine_table("100 000 task titles", &titles, &title_cases);
}
