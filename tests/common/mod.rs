//! Helpers shared by every integration test: running the real binary,
//! fixtures, scratch folders, and (in submodules) the explorer drawn into
//! a `TestBackend`, a tmux server of our own, and hand-written task data.

#![allow(dead_code)]

pub mod overlap;
pub mod tmux;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test, built by cargo for this test run.
pub const BIN: &str = env!("CARGO_BIN_EXE_fengong");

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo("tests/fixtures").join(name)
}

/// The seed plans' folder, as a string for argument lists.
pub fn seeds() -> String {
    repo("seeds").display().to_string()
}

/// Runs `fengong ARGS` in `dir`.
pub fn fengong_in(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run fengong")
}

/// Runs `fengong ARGS` here.
pub fn fengong(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run fengong")
}

/// Standard output of a run that must have succeeded.
pub fn stdout_ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed ({}): {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh, empty scratch folder named for the test and this process.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("fengong-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A path quoted for `sh`.
pub fn shell_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}

/// Extracts `plans` into `dir/tasks.json` with the real binary; returns its path.
pub fn extract_into(dir: &Path, plans: &[&Path]) -> PathBuf {
    let out = dir.join("tasks.json");
    let mut args: Vec<String> = vec!["extract".into()];
    args.extend(plans.iter().map(|p| p.display().to_string()));
    args.extend(["-o".into(), out.display().to_string(), "--force".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = fengong_in(&args, dir);
    assert!(o.status.success(), "extract failed: {}", stderr(&o));
    out
}

/// The stable key of the task titled `title`.
pub fn key_of(data: &fengong::model::TaskData, title: &str) -> String {
    data.tasks
        .iter()
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no task titled {title}"))
        .key
        .0
        .clone()
}

/// The cells of one sheet of an XLSX file, as calamine reads them.
pub fn xlsx_rows(path: &Path, sheet: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(sheet)
        .unwrap()
        .rows()
        .map(|r| r.to_vec())
        .collect()
}
