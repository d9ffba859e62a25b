//! `fengong eval`: the extractor scored on a labelled corpus — the repo's
//! own (`eval/`) or one a user labels for their own plans.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Folder holding gold/*.gold files and the documents they name.
    #[arg(long, value_name = "DIR", default_value = "eval")]
    pub corpus: PathBuf,
    /// The whole report as JSON.
    #[arg(long)]
    pub json: bool,
    /// How many of the worst misses to list.
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub misses: usize,
    /// Only documents whose stem starts with one of these (e.g. d01).
    pub docs: Vec<String>,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let report = fengong::eval::run(&args.corpus, &args.docs)?;
    let text = if args.json {
        serde_json::to_string_pretty(&report)? + "\n"
    } else {
        report.to_text(args.misses)
    };
    let mut out = super::stdout();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
