//! `fengong export`: the filtered tasks as flat records.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use fengong::export::{self, Format};
use fengong::query::{Catalog, Filters, Role};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// jsonl, json, csv, md or xlsx (default: from the -o extension, else jsonl);
    /// must agree with the -o extension.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// Output file; its extension says the format. `-` or none: standard output.
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
    /// lead, partner or any.
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
    Role::parse(s).ok_or_else(|| format!("unknown role \"{s}\" (lead, partner, any)"))
}

pub fn run(data: Option<PathBuf>, a: ExportArgs) -> anyhow::Result<ExitCode> {
    // The name decides the format before anything is loaded or written.
    let target = a.output.filter(|p| p.as_os_str() != "-");
    let format = match &target {
        Some(path) => export::format_for_path(path, a.format)?,
        None => a.format.unwrap_or(Format::Jsonl),
    };
    if target.is_none() && !format.is_streamable() {
        anyhow::bail!("XLSX is a file, not text: give it a name (-o 分工.xlsx)");
    }
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
    match target {
        Some(path) => {
            let (n, written) = export::export_file(&path, format, &records, a.force)?;
            for note in &written.notes {
                super::note(format_args!("fengong: {note}"));
            }
            super::note(format_args!(
                "{}: {n} records ({})",
                fengong::sanitise::path(&path),
                format.label()
            ));
        }
        None => {
            let mut out = super::stdout();
            export::write_to(&mut out, format, &records)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
