//! `fengong` without a subcommand: the explorer.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use fengong::query::Catalog;
use fengong::tui::{self, Lang, Theme};

#[derive(Debug, Args)]
pub struct BrowseArgs {
    /// Interface language of the explorer: zh or en (default: from LANG, Chinese if unset).
    #[arg(long, value_name = "LANG", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    /// The day the explorer judges deadlines and statuses on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::tracking::parse_date)]
    pub today: Option<chrono::NaiveDate>,
}

pub fn run(
    data: Option<PathBuf>,
    progress: Option<PathBuf>,
    args: BrowseArgs,
) -> anyhow::Result<ExitCode> {
    // Loaded first, so a wrong `--data` (a plan document) is said even
    // without a terminal.
    let (loaded, origin) = super::load_checked_from(data)?;
    if !tui::has_terminal() {
        super::note(
            "fengong: the explorer needs a terminal (standard input/output is not a tty); \
             use `fengong export` for piped or scripted output",
        );
        return Ok(ExitCode::from(2));
    }
    let lang = Lang::detect(args.lang.as_deref());
    if let Some(why) = tui::terminal_problem() {
        super::note(lang.terminal_cannot_show(&why));
        return Ok(ExitCode::from(2));
    }
    let report = (loaded.problems, loaded.unplaced.len());
    let progress = tui::ProgressFile {
        explicit: progress.is_some(),
        path: progress.unwrap_or_else(|| fengong::progress::default_path(&origin)),
        today: args.today.unwrap_or_else(fengong::deadline::today),
    };
    tui::run(
        Catalog::new(loaded.data),
        lang,
        Theme::from_env(),
        &origin,
        progress,
        report,
    )?;
    Ok(ExitCode::SUCCESS)
}
