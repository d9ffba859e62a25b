use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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
    let to_stdout = args.output.as_os_str() == "-";
    let shown = fengong::sanitise::path(&args.output);
    // Replacing an earlier task-data file is what extract is for; anything
    // else at that path is the user's and is not overwritten unasked. Only
    // the first bytes are read to tell, and only of a regular file: a device
    // or FIFO is refused by the writer, unread.
    let exists = !to_stdout && std::fs::symlink_metadata(&args.output).is_ok();
    if let Ok(meta) = std::fs::metadata(&args.output)
        && !to_stdout
        && let Some(what) = fengong::model::special_file_kind(&meta)
    {
        // Said before the documents are read; the writer would refuse it too.
        anyhow::bail!("{shown}: is {what}; extract writes only regular files");
    }
    if exists
        && !args.force
        && std::fs::metadata(&args.output).is_ok_and(|m| m.is_file())
        && !fengong::model::is_task_data_file(&args.output)
    {
        anyhow::bail!(
            "{shown}: exists and is not a fengong task-data file; use --force to overwrite it"
        );
    }
    let data = fengong::extract::extract_paths(&paths)?;
    if !args.quiet {
        super::note(report(&data));
    }
    let json = data.to_json();
    if to_stdout {
        let mut out = super::stdout();
        out.write_all(json.as_bytes())?;
        out.flush()?;
    } else {
        let written = fengong::atomic::write_atomic(&args.output, exists, |tmp| {
            std::fs::write(tmp, json.as_bytes()).map_err(Into::into)
        })?;
        for n in &written.notes {
            super::note(format_args!("fengong: {n}"));
        }
        if !args.quiet {
            super::note(format_args!(
                "wrote {shown} ({} documents, {} goals, {} tasks, {} units, {} overlaps)",
                data.documents.len(),
                data.goals.len(),
                data.tasks.len(),
                data.units.len(),
                data.overlaps.len()
            ));
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
            fengong::sanitise::visible_line(&d.source),
            d.title,
            r.goals,
            r.tasks,
            r.tasks_with_leads,
            r.tasks - r.tasks_with_leads
        ));
        for w in &r.warnings {
            out.push_str(&format!(
                "  warning: {}:{}: {}\n",
                fengong::sanitise::visible_line(&d.source),
                w.line,
                w.message
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
