//! Prints what a reader makes of a document: its text as the extractor
//! sees it (a form-feed line at each page break, tables as `| … |` rows).
//!
//! ```text
//! cargo run --release --example read -- plan.pdf [--tables]
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: read FILE [--tables]");
        return ExitCode::FAILURE;
    };
    match fengong::extract::read::read_document(std::path::Path::new(path)) {
        Ok(source) => {
            println!("{}", source.text.replace('\u{c}', "<page break>"));
            if args.iter().any(|a| a == "--tables") {
                for (k, t) in source.tables.iter().enumerate() {
                    println!("--- table {} ({} rows)", k + 1, t.rows.len());
                    for r in &t.rows {
                        println!("{:>4}: {}", r.line, r.cells.join(" ┃ "));
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
