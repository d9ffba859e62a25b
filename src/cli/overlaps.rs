use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct OverlapsArgs {}

pub fn run(_data: Option<PathBuf>, _args: OverlapsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("overlaps: not implemented yet")
}
