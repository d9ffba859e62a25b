//! `fengong export`: the filtered tasks as flat records.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use fengong::export::{self, Format};
use fengong::query::{Catalog, Filters, Role};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// jsonl, json, csv, md or xlsx (default: from the -o extension, else jsonl).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// Output file (default: standard output).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
    /// Document: its id, id prefix (000) or part of its title.
    #[arg(long, value_name = "D")]
    pub doc: Option<String>,
    /// Region id or name; its sub-regions are included.
    #[arg(long, value_name = "R")]
    pub region: Option<String>,
    /// Unit: canonical name, name as written, or alias; groups containing it count too.
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// any, lead, partner, unled (tasks that name no lead) or mentioned.
    #[arg(long, value_name = "ROLE", value_parser = parse_role, default_value = "any")]
    pub role: Role,
    /// Text the task's title or text must contain.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format \"{s}\" (jsonl, json, csv, md, xlsx)"))
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        let known: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
        format!("unknown role \"{s}\" ({})", known.join(", "))
    })
}

pub fn run(data: Option<PathBuf>, a: ExportArgs) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::new(super::load_data(data)?);
    let filters = Filters {
        doc: a.doc,
        region: a.region,
        role: a.role,
        unit: a.unit,
        text: a.query,
    };
    let view = catalog.apply(&filters)?;
    let records = export::records(&catalog, &view.hits);
    match a.output {
        Some(path) => {
            let format = a
                .format
                .or_else(|| Format::from_path(&path))
                .unwrap_or(Format::Jsonl);
            let n = export::write_file(&path, format, &records, a.force)?;
            eprintln!("{}: {n} records ({})", path.display(), format.label());
        }
        None => {
            let format = a.format.unwrap_or(Format::Jsonl);
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            match export::write_to(&mut lock, format, &records) {
                Ok(()) => {}
                // A closed pipe (`| head`) is not an error worth reporting.
                Err(e) if is_broken_pipe(&e) => {}
                Err(e) => anyhow::bail!("<stdout>: {e:#}"),
            }
            let _ = lock.flush();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether writing failed only because the reader went away; the writers
/// wrap I/O errors in their own types, so look through each layer.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
}
