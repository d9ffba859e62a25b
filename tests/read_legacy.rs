//! Old binary Office files (.doc, .wps, .xls, .et) through LibreOffice.
//!
//! The conversion path is tested with a `soffice` of our own (a shell
//! script named by `FENGONG_SOFFICE`) that records its arguments and writes
//! a .docx or .xlsx we made, so `cargo test` needs no LibreOffice; the
//! real conversion of the committed .doc fixtures runs only where
//! LibreOffice is installed and is skipped with a notice elsewhere.

use std::ffi::OsStr;
use std::path::Path;

use crate::common::{docx_with, repo, run_with_env, stderr, xlsx_with};

/// A fake `soffice`: logs its arguments to `$dir/args`, then behaves as
/// `mode` says: `ok` copies `$dir/result` to `--outdir/document.<target>`,
/// `fail` exits 1, `hang` sleeps.
fn fake_soffice(dir: &Path, mode: &str) -> std::path::PathBuf {
    let script = dir.join("soffice");
    let log = dir.join("args");
    let result = dir.join("result");
    let body = format!(
        r#"#!/bin/sh
printf '%s\n' "$@" > '{log}'
case '{mode}' in
  fail) exit 1 ;;
  hang) sleep 30; exit 0 ;;
esac
target=""; outdir=""; input=""
while [ $# -gt 0 ]; do
  case "$1" in
    --convert-to) target="$2"; shift ;;
    --outdir) outdir="$2"; shift ;;
    -*) ;;
    *) input="$1" ;;
  esac
  shift
done
name=$(basename "$input"); name="${{name%.*}}"
mkdir -p "$outdir" && cp '{result}' "$outdir/$name.$target"
"#,
        log = log.display(),
        result = result.display(),
    );
    std::fs::write(&script, body).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

/// Runs `fengong extract NAME` in `dir` with a private TMPDIR and `env`;
/// returns (success, stderr, the tasks file if written).
fn extract(dir: &Path, name: &str, env: &[(&str, &OsStr)]) -> (bool, String, Option<String>) {
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut env: Vec<(&str, &OsStr)> = env.to_vec();
    env.push(("TMPDIR", tmp.as_os_str()));
    let out = run_with_env(&["extract", name, "-o", "out.json", "-q"], dir, b"", &env);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    // Whatever happened, no temporary folder is left behind.
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(left.is_empty(), "left in TMPDIR: {left:?}");
    let data = std::fs::read_to_string(dir.join("out.json")).ok();
    (out.status.success(), err, data)
}

const TASK_DOCX: &str = "<w:p><w:r><w:t>一、产业发展</w:t></w:r></w:p><w:p><w:r><w:t>1.建设茶叶产业园。完成加工中心主体工程。（镇农业农村办牵头，镇财政所配合）</w:t></w:r></w:p>";

#[test]
fn a_doc_is_converted_in_a_private_folder_and_read_as_docx() {
    let dir = tempfile::tempdir().unwrap();
    let soffice = fake_soffice(dir.path(), "ok");
    std::fs::write(dir.path().join("result"), docx_with(TASK_DOCX)).unwrap();
    std::fs::write(
        dir.path().join("plan.doc"),
        b"\xd0\xcf\x11\xe0 an old Word file",
    )
    .unwrap();
    let (ok, err, data) = extract(
        dir.path(),
        "plan.doc",
        &[("FENGONG_SOFFICE", soffice.as_os_str())],
    );
    assert!(ok, "{err}");
    let data = data.unwrap();
    assert!(
        data.contains("建设茶叶产业园") && data.contains("镇农业农村办"),
        "{data}"
    );
    let args = std::fs::read_to_string(dir.path().join("args")).unwrap();
    let args: Vec<&str> = args.lines().collect();
    assert!(
        args.contains(&"--headless") && args.contains(&"docx"),
        "{args:?}"
    );
    // Its own LibreOffice profile, inside the private folder.
    let profile = args
        .iter()
        .find(|a| a.starts_with("-env:UserInstallation=file://"))
        .expect("a profile of its own");
    assert!(profile.contains("/tmp/fengong-convert-"), "{profile}");
}

#[test]
fn an_xls_and_a_misnamed_ole_file_are_converted_to_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let soffice = fake_soffice(dir.path(), "ok");
    let sheet = xlsx_with(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>重点任务</t></is></c><c r="C1" t="inlineStr"><is><t>牵头单位</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>建设冷链物流中心</t></is></c><c r="C2" t="inlineStr"><is><t>县商务局</t></is></c></row>"#,
        None,
    );
    std::fs::write(dir.path().join("result"), sheet).unwrap();
    let name16: Vec<u8> = "Workbook"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    ole.extend(name16);
    for name in ["table.xls", "table.et"] {
        std::fs::write(dir.path().join(name), &ole).unwrap();
        let (ok, err, data) = extract(
            dir.path(),
            name,
            &[("FENGONG_SOFFICE", soffice.as_os_str())],
        );
        assert!(ok, "{name}: {err}");
        assert!(data.unwrap().contains("县商务局"));
        let args = std::fs::read_to_string(dir.path().join("args")).unwrap();
        assert!(args.lines().any(|a| a == "xlsx"), "{args}");
    }
}

#[test]
fn without_libreoffice_the_message_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-soffice");
    let empty_path = dir.path().join("bin");
    std::fs::create_dir_all(&empty_path).unwrap();
    for (name, package) in [
        ("plan.doc", "libreoffice-writer"),
        ("plan.wps", "libreoffice-writer"),
        ("table.xls", "libreoffice-calc"),
    ] {
        std::fs::write(dir.path().join(name), b"\xd0\xcf\x11\xe0 old").unwrap();
        // Named but absent, and not on PATH: both are "not installed".
        for env in [
            vec![("FENGONG_SOFFICE", missing.as_os_str())],
            vec![("PATH", empty_path.as_os_str())],
        ] {
            let (ok, err, _) = extract(dir.path(), name, &env);
            assert!(!ok);
            assert!(
                err.contains(name)
                    && err.contains("LibreOffice, which is not installed")
                    && err.contains(&format!("apt-get install {package}")),
                "{err}"
            );
        }
    }
}

#[test]
fn a_failed_or_hung_conversion_is_a_clear_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.doc"), b"\xd0\xcf\x11\xe0 old").unwrap();
    let failing = fake_soffice(dir.path(), "fail");
    let (ok, err, _) = extract(
        dir.path(),
        "plan.doc",
        &[("FENGONG_SOFFICE", failing.as_os_str())],
    );
    assert!(!ok);
    assert!(err.contains("LibreOffice could not convert it"), "{err}");

    let hanging = fake_soffice(dir.path(), "hang");
    let start = std::time::Instant::now();
    let (ok, err, _) = extract(
        dir.path(),
        "plan.doc",
        &[
            ("FENGONG_SOFFICE", hanging.as_os_str()),
            ("FENGONG_SOFFICE_TIMEOUT", OsStr::new("1")),
        ],
    );
    assert!(!ok);
    assert!(err.contains("took longer than 1 s"), "{err}");
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

/// The committed .doc fixtures, converted by a real LibreOffice where one
/// is installed (CI has none: the test says so and passes).
#[test]
fn real_doc_files_are_read_when_libreoffice_is_installed() {
    let installed = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("soffice").is_file()));
    if !installed {
        eprintln!(
            "skipped: LibreOffice (soffice) is not installed, so the .doc fixtures are not converted"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, task, lead) in [
        (
            "p01_yunjiang_industry_action_word.doc",
            "加强质量品牌建设",
            "市市场监管局",
        ),
        (
            "p02_lanqiao_report_table_word.doc",
            "巩固拓展脱贫攻坚成果",
            "县乡村振兴局",
        ),
    ] {
        std::fs::copy(
            repo(&format!("eval/pdf/docs/{name}")),
            dir.path().join(name),
        )
        .unwrap();
        let (ok, err, data) = extract(dir.path(), name, &[]);
        assert!(ok, "{name}: {err}");
        let data = data.unwrap();
        assert!(data.contains(task) && data.contains(lead), "{name}");
    }
}
