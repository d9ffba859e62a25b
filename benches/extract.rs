//! Extraction of all five seeds, in release mode: `cargo bench --bench extract`.
//! Prints the median and spread over repeated runs (the target is < 100 ms).

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let seeds = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let runs = 30;
    // Reading the files is part of what a user waits for, so it is timed too.
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let data =
                fengong::extract::extract_paths(std::slice::from_ref(&seeds)).expect("seeds");
            let elapsed = start.elapsed();
            assert!(data.tasks.len() > 300);
            elapsed
        })
        .collect();
    // The overlaps are computed as extraction's last step; show their share.
    let data = fengong::extract::extract_paths(std::slice::from_ref(&seeds)).expect("seeds");
    let mut overlap_times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let overlaps = fengong::overlap::compute(&data);
            let elapsed = start.elapsed();
            assert!(!overlaps.is_empty());
            elapsed
        })
        .collect();
    overlap_times.sort();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "extract seeds/ (5 documents, {} KiB): median {:.1} ms, min {:.1} ms, max {:.1} ms over {runs} runs",
        std::fs::read_dir(&seeds)
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .sum::<u64>()
            / 1024,
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1]),
    );
    println!(
        "  of which overlaps ({} tasks): median {:.1} ms",
        data.tasks.len(),
        ms(overlap_times[runs / 2])
    );
}
