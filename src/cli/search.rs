use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct UnitsArgs {}
#[derive(Debug, Args)]
pub struct SearchArgs {}
#[derive(Debug, Args)]
pub struct FilterArgs {}

pub fn run_units(_data: Option<PathBuf>, _args: UnitsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("units: not implemented yet")
}
pub fn run_search(_data: Option<PathBuf>, _args: SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("search: not implemented yet")
}
pub fn run_filter(_args: FilterArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("filter: not implemented yet")
}
