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
}

pub fn run(data: Option<PathBuf>, args: BrowseArgs) -> anyhow::Result<ExitCode> {
    if !tui::has_terminal() {
        super::note(
            "fengong: the explorer needs a terminal (standard input/output is not a tty); \
             use `fengong export` for piped or scripted output",
        );
        return Ok(ExitCode::from(2));
    }
    let (data, origin) = super::load_data_from(data)?;
    let lang = Lang::detect(args.lang.as_deref());
    tui::run(
        Catalog::new(data),
        lang,
        Theme::from_env(),
        origin.to_string(),
    )?;
    Ok(ExitCode::SUCCESS)
}
