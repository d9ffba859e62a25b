//! Reading and extracting a 30-page PDF plan (benches/data/plan30.pdf, a
//! LibreOffice export: running text, a running header and footers, and a
//! 分工表 over many pages), in release mode: `cargo bench --bench pdf`.
//! Prints the median and spread of reading alone and of the whole
//! extraction (the target is < 1 s).

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let pdf = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/plan30.pdf"
    ));
    let runs = 20;
    let mut read: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let source = fengong::extract::read::read_document(&pdf).expect("the bench PDF reads");
            let elapsed = start.elapsed();
            assert!(source.text.matches('\u{c}').count() >= 29);
            elapsed
        })
        .collect();
    let mut whole: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let data =
                fengong::extract::extract_paths(std::slice::from_ref(&pdf)).expect("extracts");
            let elapsed = start.elapsed();
            assert!(data.tasks.len() >= 100, "{} tasks", data.tasks.len());
            elapsed
        })
        .collect();
    read.sort();
    whole.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let kib = std::fs::metadata(&pdf).map_or(0, |m| m.len()) / 1024;
    println!(
        "read plan30.pdf (30 pages, {kib} KiB): median {:.1} ms, min {:.1} ms, max {:.1} ms over {runs} runs",
        ms(read[runs / 2]),
        ms(read[0]),
        ms(read[runs - 1]),
    );
    println!(
        "extract plan30.pdf (read + outline + tasks + overlaps): median {:.1} ms, min {:.1} ms, max {:.1} ms",
        ms(whole[runs / 2]),
        ms(whole[0]),
        ms(whole[runs - 1]),
    );
}
