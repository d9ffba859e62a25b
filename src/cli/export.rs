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
    /// any, lead, partner, unled (tasks that name no lead) or mentioned.
    #[arg(long, value_name = "ROLE", value_parser = parse_role, default_value = "any")]
    pub role: Role,
    /// Text the task's title or text must contain.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// The day statuses are judged on (滞后) and the XLSX title gives
    /// (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::tracking::parse_date)]
    pub today: Option<chrono::NaiveDate>,
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

pub fn run(
    data: Option<PathBuf>,
    progress: Option<PathBuf>,
    a: ExportArgs,
) -> anyhow::Result<ExitCode> {
    // The name decides the format before anything is loaded or written.
    let target = a.output.filter(|p| p.as_os_str() != "-");
    let format = match &target {
        Some(path) => export::format_for_path(path, a.format)?,
        None => a.format.unwrap_or(Format::Jsonl),
    };
    if target.is_none() && !format.is_streamable() {
        anyhow::bail!("XLSX is a file, not text: give it a name (-o 分工.xlsx)");
    }
    let loaded = super::tracking::load(data, progress)?;
    let catalog: &Catalog = &loaded.catalog;
    let today = a.today.unwrap_or_else(fengong::deadline::today);
    let filters = Filters {
        doc: a.doc,
        region: a.region,
        role: a.role,
        unit: a.unit,
        text: a.query,
    };
    let view = catalog.apply(&filters)?;
    let records = export::records_with_progress(catalog, &view.hits, &loaded.tracker, today);
    match target {
        Some(path) => {
            let unit = view.units.first().map(|&u| catalog.unit(u).name.as_str());
            let caption = export::ledger::caption(
                &filters,
                unit,
                &super::tracking::data_name(&loaded.origin),
                super::tracking::progress_name(&loaded.tracker),
                today,
            );
            let (n, written) =
                export::write_file_titled(&path, format, &records, a.force, &caption)?;
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
