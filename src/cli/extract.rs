use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use fengong::model::TaskData;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Documents or folders of documents (default: seeds/).
    pub paths: Vec<PathBuf>,
    /// Where to write the task-data file; `-` for standard output.
    #[arg(short, long, default_value = "data/tasks.json", value_name = "FILE")]
    pub output: PathBuf,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Overwrite an output file that is not a fengong task-data file.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        args.paths
    };
    // Replacing an earlier task-data file is what extract is for; anything
    // else at that path is the user's and is not overwritten unasked.
    if args.output.as_os_str() != "-" && args.output.exists() && !args.force {
        let existing = std::fs::read_to_string(&args.output).unwrap_or_default();
        if TaskData::from_json(&existing).is_err() {
            anyhow::bail!(
                "{}: exists and is not a fengong task-data file; use --force to overwrite it",
                args.output.display()
            );
        }
    }
    let data = fengong::extract::extract_paths(&paths)?;
    if !args.quiet {
        eprint!("{}", report(&data));
    }
    let json = data.to_json();
    if args.output.as_os_str() == "-" {
        print!("{json}");
    } else {
        fengong::export::write_atomic(&args.output, |tmp| {
            std::fs::write(tmp, json.as_bytes()).map_err(Into::into)
        })
        .with_context(|| format!("{}: could not write", args.output.display()))?;
        if !args.quiet {
            eprintln!(
                "wrote {} ({} documents, {} goals, {} tasks, {} units, {} overlaps)",
                args.output.display(),
                data.documents.len(),
                data.goals.len(),
                data.tasks.len(),
                data.units.len(),
                data.overlaps.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The per-document report: what was and was not understood.
pub fn report(data: &TaskData) -> String {
    let mut out = String::new();
    for d in &data.documents {
        let r = &d.report;
        out.push_str(&format!(
            "{}  {}\n  {} goals, {} tasks, {} with a lead unit, {} without\n",
            d.source,
            d.title,
            r.goals,
            r.tasks,
            r.tasks_with_leads,
            r.tasks - r.tasks_with_leads
        ));
        for w in &r.warnings {
            out.push_str(&format!(
                "  warning: {}:{}: {}\n",
                d.source, w.line, w.message
            ));
        }
        if !r.prose_goals.is_empty() {
            let n = r.prose_goals.len();
            out.push_str(&format!(
                "  {n} {} prose with no tasks (the text is kept as the goal's body):\n",
                if n == 1 { "goal is" } else { "goals are" }
            ));
            for g in &r.prose_goals {
                out.push_str(&format!("    {}:{}: {}\n", d.source, g.line, g.title));
            }
        }
        for u in &r.unplaced {
            out.push_str(&format!(
                "  not placed: {}:{}: “{}”: {}\n",
                d.source, u.line, u.text, u.reason
            ));
        }
    }
    out
}
