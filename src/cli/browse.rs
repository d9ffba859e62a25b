use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct BrowseArgs {}

pub fn run(data: Option<PathBuf>, _args: BrowseArgs) -> anyhow::Result<ExitCode> {
    let d = super::load_data(data)?;
    println!(
        "{} documents, {} goals, {} tasks, {} units",
        d.documents.len(),
        d.goals.len(),
        d.tasks.len(),
        d.units.len()
    );
    Ok(ExitCode::SUCCESS)
}
