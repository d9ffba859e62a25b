//! Speed of the progress file: opening it, adding up its events, and one
//! save (which re-reads and rewrites the whole file), at 1 000, 10 000 and
//! 100 000 events over the bundled data. Run with `cargo bench --bench progress`.

use fengong::model::TaskData;
use fengong::progress::{Change, Ledger, Status, Store, Tracker};

mod common;
use common::time;

fn main() {
    let data = TaskData::from_json(fengong::bundled::BUNDLED_JSON).expect("bundled data");
    let dir = std::env::temp_dir().join(format!("fengong-bench-progress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    for n in [1_000usize, 10_000, 100_000] {
        let path = dir.join(format!("p{n}.json"));
        let _ = std::fs::remove_file(&path);
        let mut tracker = Tracker::open(&path, &data).expect("empty progress");
        let statuses = [Status::NotStarted, Status::InProgress, Status::Done];
        let changes = (0..n)
            .map(|i| Change {
                task: (i * 7919) % data.tasks.len(),
                status: Some(statuses[i % 3]),
                note: Some(format!("第{i}次调度：完成阶段性工作")),
                date: chrono::NaiveDate::from_ymd_opt(
                    2022,
                    1 + (i % 6) as u32,
                    1 + (i % 28) as u32,
                )
                .expect("a day"),
                unit: Some("台山市发展和改革局".into()),
                via: "bench".into(),
            })
            .collect();
        tracker.record(&data, changes).expect("first save");
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        println!("{n} events, {} KB", size / 1000);
        let runs = if n >= 100_000 { 3 } else { 10 };
        time("  open (read and parse)", runs, || {
            Store::open(&path).expect("open")
        });
        let store = Store::open(&path).expect("open");
        time("  add up (Ledger::build)", runs, || {
            Ledger::build(&data, store.events())
        });
        time("  add one note (re-read, rewrite, add up)", runs, || {
            tracker
                .add_note(&data, 0, "再次调度", chrono::NaiveDate::MIN, None, "bench")
                .expect("save")
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
}
