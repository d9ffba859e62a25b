//! The `fengong` command line: argument parsing only; the work is in the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fengong: {e:#}");
            ExitCode::FAILURE
        }
    }
}
