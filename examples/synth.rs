//! Writes synthetic task data for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example synth -- N OUT.json [--lines] [--seed S] [--data BASE.json]
//! ```
//!
//! Without `--lines`: a task-data file with N tasks recombined from the base
//! (default `data/tasks.json`, or the built-in seed vocabulary when it has no
//! tasks). With `--lines`: N lines of task titles and unit names, the input
//! for comparing `fengong filter` with `fzf --filter`; `--lines --romanised`
//! writes the same lines in pinyin (default readings, syllables separated by
//! spaces), to time fzf's Latin matching on the same material. The output is
//! written
//! to a temporary file first, so a failed run leaves no half-written file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fengong::model::TaskData;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    const USAGE: &str =
        "usage: synth N OUT.json [--lines [--romanised]] [--seed S] [--data BASE.json]";
    let mut positional = Vec::new();
    let mut lines = false;
    let mut romanised = false;
    let mut seed = 42u64;
    let mut base_path: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lines" => lines = true,
            "--romanised" => romanised = true,
            "--seed" => {
                let v = args.next().ok_or(USAGE)?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: not a number: {v}"))?;
            }
            "--data" => base_path = Some(args.next().ok_or(USAGE)?.into()),
            _ => positional.push(a),
        }
    }
    let [n, out] = positional.as_slice() else {
        return Err(USAGE.to_owned());
    };
    let n: usize = n.parse().map_err(|_| format!("N: not a number: {n}"))?;
    let base = match base_path {
        Some(p) => TaskData::load(&p).map_err(|e| format!("{}: {e}", p.display()))?,
        None => match fengong::bundled::load(None) {
            Ok((d, _)) => d,
            Err((origin, e)) => return Err(format!("{origin}: {e}")),
        },
    };
    let text = if lines {
        let mut all = fengong::synth::lines(&base, n, seed);
        if romanised {
            all = all.iter().map(|l| romanise(l)).collect();
        }
        let mut s = all.join("\n");
        s.push('\n');
        s
    } else {
        fengong::synth::generate(&base, n, seed).to_json()
    };
    write_atomically(Path::new(out), text.as_bytes())
}

/// `发展和改革局` → `fa zhan he gai ge ju`.
fn romanise(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        let c = fengong::search::chars::normalise(c);
        match fengong::search::chars::readings(c).first() {
            Some(r) => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(r);
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    out.trim_end().to_owned()
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fengong::atomic::write_atomic(path, true, |tmp| {
        std::fs::write(tmp, bytes).map_err(Into::into)
    })
    .map(|_| ())
    .map_err(|e| e.to_string())
}
