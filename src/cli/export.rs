use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct ExportArgs {}

pub fn run(_data: Option<PathBuf>, _args: ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("export: not implemented yet")
}
