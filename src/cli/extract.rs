use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use fengong::model::TaskData;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Documents or folders of documents (default: seeds/).
    pub paths: Vec<PathBuf>,
    /// Where to write the task-data file; `-` for standard output
    /// (default: data/tasks.json where there is a data/ folder, as in the
    /// repository, else tasks.json here).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The document's short name in trees and lists (at most five Chinese
    /// characters; one document only). Default: the number its file name
    /// starts with, else the first characters of its title.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Overwrite an output file that is not a fengong task-data file.
    #[arg(long)]
    pub force: bool,
}

/// Where task data goes when `-o` is not given: the repository's (or any
/// folder's) `data/tasks.json` where there is a `data/` folder, else
/// `tasks.json` in the working folder, so a newcomer's first run outside
/// the repository writes where they are.
pub fn default_output() -> PathBuf {
    if std::path::Path::new("data").is_dir() {
        PathBuf::from(fengong::bundled::DEFAULT_DATA_PATH)
    } else {
        PathBuf::from("tasks.json")
    }
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        args.paths
    };
    let given_name = match &args.name {
        None => None,
        Some(n) => {
            let Some(clean) = fengong::doc_name::clean(n) else {
                anyhow::bail!("--name: give the document a name that is not empty");
            };
            Some(clean)
        }
    };
    let output = args.output.clone().unwrap_or_else(default_output);
    let to_stdout = output.as_os_str() == "-";
    let shown = fengong::sanitise::path(&output);
    // Replacing an earlier task-data file is what extract is for; anything
    // else at that path is the user's and is not overwritten unasked. Only
    // the first bytes are read to tell, and only of a regular file: a device
    // or FIFO is refused by the writer, unread.
    let exists = !to_stdout && std::fs::symlink_metadata(&output).is_ok();
    if let Ok(meta) = std::fs::metadata(&output)
        && !to_stdout
        && let Some(what) = fengong::model::special_file_kind(&meta)
    {
        // Said before the documents are read; the writer would refuse it too.
        anyhow::bail!("{shown}: is {what}; extract writes only regular files");
    }
    if exists
        && !args.force
        && std::fs::metadata(&output).is_ok_and(|m| m.is_file())
        && !fengong::model::is_task_data_file(&output)
    {
        anyhow::bail!(
            "{shown}: exists and is not a fengong task-data file; use --force to overwrite it"
        );
    }
    let mut data = fengong::extract::extract_paths(&paths)?;
    if let Some(name) = given_name {
        // One name cannot tag several documents.
        if data.documents.len() != 1 {
            anyhow::bail!(
                "--name names one document; these paths hold {} (extract them one at a time, or leave --name out)",
                data.documents.len()
            );
        }
        data.documents[0].short_name = Some(name);
    }
    if !args.quiet {
        super::note(report(&data));
    }
    let json = data.to_json();
    if to_stdout {
        let mut out = super::stdout();
        out.write_all(json.as_bytes())?;
        out.flush()?;
    } else {
        let written = fengong::atomic::write_atomic(&output, exists, |tmp| {
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
            super::note(next_step(&output));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What to run after writing `output`: the explorer on it (plain
/// `fengong` reads data/tasks.json by itself), and a table for a meeting.
fn next_step(output: &std::path::Path) -> String {
    let data = if output == std::path::Path::new(fengong::bundled::DEFAULT_DATA_PATH) {
        String::new()
    } else {
        format!(" --data {}", shell_word(&fengong::sanitise::path(output)))
    };
    format!("next: fengong{data}   (explore it; or: fengong{data} export -o tasks.xlsx)")
}

/// `s` as one shell word: quoted when it holds anything a shell reads.
pub fn shell_word(s: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "-_./+,:@%".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
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
    }
    out
}
