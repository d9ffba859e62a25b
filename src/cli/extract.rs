use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct ExtractArgs {}

pub fn run(_args: ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("extract: not implemented yet")
}
