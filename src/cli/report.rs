//! `fengong report`: the monthly report (月报) of a unit, or of every unit,
//! for the 通报 — as Markdown or XLSX.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use fengong::query::{Filters, Involvement};
use fengong::report;

use super::tracking::{self, parse_date};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The unit (name, alias or abbreviation); without it, every unit.
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// The month, `YYYY-MM` (default: the month of --today).
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub month: Option<(i32, u32)>,
    /// The day the report is made (default: today); statuses are as of the
    /// month's end or this day, whichever comes first.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// md or xlsx (default: from the -o extension, else md).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Output file (default: standard output; required for xlsx).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Xlsx,
}

fn parse_month(s: &str) -> Result<(i32, u32), String> {
    report::parse_month(s).ok_or_else(|| format!("\"{s}\": expected a month as YYYY-MM"))
}

pub fn run(
    data: Option<PathBuf>,
    progress: Option<PathBuf>,
    a: ReportArgs,
) -> anyhow::Result<ExitCode> {
    let loaded = tracking::load(data, progress)?;
    let c = &loaded.catalog;
    let today = a.today.unwrap_or_else(fengong::deadline::today);
    let (year, month) = a.month.unwrap_or_else(|| report::month_of(today));
    let view = c.apply(&Filters {
        unit: a.unit.clone(),
        ..Default::default()
    })?;
    // A unit's report covers what it leads or partners, not mere mentions.
    let hits: Vec<_> = view
        .hits
        .into_iter()
        .filter(|h| h.involvement != Some(Involvement::Mentioned))
        .collect();
    let unit = match view.units.as_slice() {
        [] => None,
        [one] => Some(c.unit(*one).name.clone()),
        many => Some(
            many.iter()
                .map(|&u| c.unit(u).name.as_str())
                .collect::<Vec<_>>()
                .join("、"),
        ),
    };
    let mut source = format!("数据：{}", tracking::data_name(&loaded.origin));
    if let Some(p) = tracking::progress_name(&loaded.tracker) {
        source.push_str(&format!(" · 进展：{}", p.display()));
    }
    let r = report::build(
        c,
        &hits,
        loaded.tracker.events(),
        unit,
        year,
        month,
        today,
        source,
    )?;
    let format = a
        .format
        .or_else(|| {
            a.output
                .as_ref()
                .and_then(|p| match p.extension()?.to_str()? {
                    "xlsx" => Some(Format::Xlsx),
                    "md" | "markdown" => Some(Format::Md),
                    _ => None,
                })
        })
        .unwrap_or(Format::Md);
    match (format, &a.output) {
        (Format::Xlsx, None) => anyhow::bail!("xlsx needs an output file (-o FILE.xlsx)"),
        (Format::Xlsx, Some(path)) => {
            let bytes = fengong::export::xlsx::tables_bytes(path, &report::tables(c, &r))?;
            tracking::write_output(path, a.force, &bytes)?;
            super::note(format_args!(
                "{}: {}（XLSX）",
                fengong::sanitise::path(path),
                r.title()
            ));
        }
        (Format::Md, Some(path)) => {
            tracking::write_output(path, a.force, report::markdown(c, &r).as_bytes())?;
            super::note(format_args!(
                "{}: {}（Markdown）",
                fengong::sanitise::path(path),
                r.title()
            ));
        }
        (Format::Md, None) => {
            let mut out = super::stdout();
            out.write_all(report::markdown(c, &r).as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
