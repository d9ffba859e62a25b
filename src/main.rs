//! The `fengong` command line: argument parsing only; the work is in the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // `ulimit -f` then makes a write fail with "File too large", which the
    // writer reports and cleans up after, instead of killing the process
    // with its temporary file left behind.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" before any thread starts.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        // A closed pipe (`| head`) ends the command quietly, whatever it was writing.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            cli::note(format_args!("fengong: {e:#}"));
            ExitCode::FAILURE
        }
    }
}
