//! Scores the extractor on the labelled corpus in `eval/`.
//!
//! ```text
//! cargo run --release --example eval -- [--json] [--misses N] [--corpus DIR] [DOC …]
//! ```
//!
//! DOC selects documents by the start of their stem (`d01`, `d2`). Prints
//! per document and in total: task recall and precision, units exactly
//! right, deadlines right, goals found, and the worst misses with document
//! and line (eval/README.md defines each measure). `fengong eval` is the
//! same for a corpus of your own.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    const USAGE: &str = "usage: eval [--json] [--misses N] [--corpus DIR] [DOC …]";
    let mut json = false;
    let mut misses = 40;
    let mut corpus = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/eval"));
    let mut only = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--misses" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => misses = n,
                None => {
                    eprintln!("eval: --misses needs a number\n{USAGE}");
                    return ExitCode::FAILURE;
                }
            },
            "--corpus" => match args.next() {
                Some(d) => corpus = PathBuf::from(d),
                None => {
                    eprintln!("eval: --corpus needs a folder\n{USAGE}");
                    return ExitCode::FAILURE;
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => only.push(a),
        }
    }
    match fengong::eval::run(&corpus, &only) {
        Ok(report) if json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&report).expect("report is JSON")
            );
            ExitCode::SUCCESS
        }
        Ok(report) => {
            print!("{}", report.to_text(misses));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::FAILURE
        }
    }
}
