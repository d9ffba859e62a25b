//! Helpers shared by the benchmarks that print figures.

use std::time::{Duration, Instant};

/// One warm-up run of `f`, then the mean of `runs`, printed with `label`.
pub fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> Duration {
    std::hint::black_box(f());
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    let mean = start.elapsed() / runs;
    println!("{label:<52} {:>10.3} ms", mean.as_secs_f64() * 1000.0);
    mean
}
