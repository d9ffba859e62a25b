//! Write paths: what is at the output path, races for a new name, modes and
//! hard links, signals and `ulimit -f` mid-write, closed pipes and full
//! disks, and the export format following the file name.

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bin, fixture, run_in, shell_quote, stderr};

fn small() -> String {
    fixture("small.json").display().to_string()
}

/// Names in `dir` that are not `keep`.
fn others(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn devices_and_fifos_are_never_replaced_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.json");
    mkfifo(&fifo);
    let mut nodes = vec![("out.json", false)];
    // As root (CI), a real character device like /dev/full, made here.
    let dev = dir.path().join("full.json");
    let c = std::ffi::CString::new(dev.to_str().unwrap()).unwrap();
    // SAFETY: a valid path; creates a device node (1,7) = /dev/full, or fails.
    if unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o600, libc::makedev(1, 7)) } == 0 {
        nodes.push(("full.json", true));
    }
    let data = small();
    for (name, is_char) in nodes {
        for force in [false, true] {
            let mut args = vec!["--data", data.as_str(), "export", "-o", name];
            if force {
                args.push("--force");
            }
            let out = run_in(&args, dir.path(), b"");
            assert_eq!(out.status.code(), Some(1), "{name} {force}");
            assert!(
                stderr(&out).contains("not a regular file"),
                "{}",
                stderr(&out)
            );
            let t = std::fs::symlink_metadata(dir.path().join(name))
                .unwrap()
                .file_type();
            assert!(
                if is_char {
                    t.is_char_device()
                } else {
                    t.is_fifo()
                },
                "{name} replaced"
            );
        }
    }
    // extract -o too, before reading any document.
    let out = run_in(&["extract", "-o", "out.json", "-q"], dir.path(), b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("a named pipe (FIFO)"),
        "{}",
        stderr(&out)
    );
    assert!(others(dir.path(), &["out.json", "full.json"]).is_empty());
}

#[test]
fn racing_exports_to_one_new_name_let_exactly_one_win() {
    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let children: Vec<_> = (0..6)
            .map(|_| {
                Command::new(bin())
                    .args(["--data", &small(), "export", "-o", "new.json"])
                    .current_dir(dir.path())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let won = outs.iter().filter(|o| o.status.success()).count();
        assert_eq!(won, 1, "{:?}", outs.iter().map(stderr).collect::<Vec<_>>());
        for o in outs.iter().filter(|o| !o.status.success()) {
            assert!(stderr(o).contains("file exists"), "{}", stderr(o));
        }
        assert!(others(dir.path(), &["new.json"]).is_empty());
    }
}

#[test]
fn force_keeps_the_mode_and_says_when_a_hard_link_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::hard_link(&path, dir.path().join("link.json")).unwrap();
    let out = run_in(
        &["--data", &small(), "export", "-o", "out.json", "--force"],
        dir.path(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o600);
    assert!(
        stderr(&out).contains("other hard link keep the previous content"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("link.json")).unwrap(),
        "old"
    );
    // Through a symlink: the link stays, the file it names is replaced.
    std::os::unix::fs::symlink("out.json", dir.path().join("via.json")).unwrap();
    let out = run_in(
        &["--data", &small(), "export", "-o", "via.json", "--force"],
        dir.path(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(dir.path().join("via.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn stale_temporaries_of_a_killed_run_are_removed_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    // A process id that is not running.
    let dead = (400_000..)
        .find(|p| !Path::new(&format!("/proc/{p}")).exists())
        .unwrap();
    let stale = format!(".out.json.{dead}-0.fengong-tmp");
    std::fs::write(dir.path().join(&stale), "half").unwrap();
    std::fs::write(dir.path().join(".someone-elses.tmp"), "x").unwrap();
    let out = run_in(
        &["--data", &small(), "export", "-o", "other.csv"],
        dir.path(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut left = others(dir.path(), &[]);
    left.sort();
    assert_eq!(left, [".someone-elses.tmp", "other.csv"]);
}

#[test]
fn ulimit_f_mid_write_is_an_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "ulimit -f 4; exec {} --data {} export -o out.json",
        shell_quote(Path::new(&bin())),
        small()
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    assert!(
        others(dir.path(), &[]).is_empty(),
        "{:?}",
        others(dir.path(), &[])
    );
}

#[test]
fn a_signal_mid_write_removes_the_temporary() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    // Enough tasks that writing an XLSX takes a while.
    let base = fengong::model::TaskData::from_json(fengong::bundled::BUNDLED_JSON).unwrap();
    let big = fengong::synth::generate(&base, 30_000, 7);
    let data = dir.path().join("big.json");
    std::fs::write(&data, big.to_json()).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        let mut child = Command::new(bin())
            .args([
                "--data",
                data.to_str().unwrap(),
                "export",
                "-o",
                "big.xlsx",
                "--force",
            ])
            .current_dir(&out_dir)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let mut seen = false;
        while start.elapsed() < Duration::from_secs(60) {
            if others(&out_dir, &["big.xlsx"])
                .iter()
                .any(|n| n.ends_with(".fengong-tmp"))
            {
                seen = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        assert!(seen, "no temporary seen while writing");
        // SAFETY: signalling our own child.
        unsafe { libc::kill(child.id() as i32, sig) };
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(sig), "ends by the signal: {status:?}");
        assert!(
            others(&out_dir, &["big.xlsx"]).is_empty(),
            "{:?}",
            others(&out_dir, &[])
        );
    }
}

/// Runs `fengong ARGS | head -c1` in bash with pipefail: fengong's status,
/// and what it printed on stderr.
fn into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let cmd = format!(
        "set -o pipefail; {} {} | head -c1 >/dev/null",
        shell_quote(Path::new(&bin())),
        args.iter()
            .map(|a| shell_quote(Path::new(a)))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let out = Command::new("bash").args(["-c", &cmd]).output().unwrap();
    (out.status.code(), stderr(&out))
}

/// Every command and format that writes to standard output.
fn every_output(data: &str) -> Vec<Vec<String>> {
    let d = |rest: &[&str]| {
        let mut v = vec!["--data".to_owned(), data.to_owned()];
        v.extend(rest.iter().map(|s| s.to_string()));
        v
    };
    let mut runs = vec![
        vec![
            "extract".to_owned(),
            crate::common::seeds(),
            "-o".into(),
            "-".into(),
            "-q".into(),
        ],
        d(&["units"]),
        d(&["units", "--json"]),
        d(&["search", "建设"]),
        d(&["search", "建设", "--json"]),
    ];
    for f in ["jsonl", "json", "csv", "md"] {
        runs.push(d(&["export", "--format", f]));
        runs.push(d(&["export", "--format", f, "-o", "-"]));
    }
    for f in ["text", "jsonl", "csv"] {
        runs.push(d(&["overlaps", "--format", f]));
        runs.push(d(&["coverage", "--doc", "001", "--format", f]));
        runs.push(d(&["due", "--all", "--format", f]));
    }
    for f in ["text", "csv"] {
        runs.push(d(&["matrix", "--format", f]));
    }
    runs.push(d(&["report", "--month", "2022-06"]));
    runs.push(vec![
        "eval".to_owned(),
        "--corpus".to_owned(),
        crate::common::repo("eval").display().to_string(),
    ]);
    runs
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let data = crate::common::repo("data/tasks.json").display().to_string();
    for args in every_output(&data) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, err) = into_closed_pipe(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn a_full_disk_is_one_message_and_exit_1_for_every_command() {
    let data = crate::common::repo("data/tasks.json").display().to_string();
    for args in every_output(&data) {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(bin())
            .args(&args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("standard output: No space left on device"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn the_export_format_follows_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = small();
    for (args, says) in [
        (&["-o", "x.xls"][..], "x.xlsx"),
        (&["-o", "发改局.doc"][..], "发改局.md"),
        (&["--format", "xlsx", "-o", "x.txt"][..], "x.xlsx"),
        (&["--format", "csv", "-o", "x.xlsx"][..], "x.csv"),
        (&["--format", "json", "-o", "x.csv"][..], "x.json"),
    ] {
        let mut all = vec!["--data", data.as_str(), "export"];
        all.extend_from_slice(args);
        let out = run_in(&all, dir.path(), b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(&format!("type {says}")), "{args:?}: {err}");
        assert!(
            others(dir.path(), &[]).is_empty(),
            "{args:?} wrote something"
        );
    }
    // Known extensions, any case, decide the format.
    let out = run_in(
        &["--data", &small(), "export", "-o", "X.CSV"],
        dir.path(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(dir.path().join("X.CSV"))
            .unwrap()
            .starts_with("\u{feff}文档".as_bytes())
    );
    let out = run_in(
        &["--data", &small(), "export", "-o", "x.xlsx"],
        dir.path(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(dir.path().join("x.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );
    // `-o -` is standard output, not a file named `-`.
    let out = run_in(
        &["--data", &small(), "export", "-o", "-", "--format", "csv"],
        dir.path(),
        b"",
    );
    assert!(out.stdout.starts_with("\u{feff}文档".as_bytes()));
    assert!(!dir.path().join("-").exists());
}
