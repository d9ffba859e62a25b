//! Helpers shared by every integration test: running the real binary,
//! fixtures, scratch folders, and (in submodules) the explorer drawn into
//! a `TestBackend`, a tmux server of our own, and hand-written task data.

#![allow(dead_code)]

pub mod extract;
pub mod overlap;
pub mod tmux;
pub mod tui;

use std::ffi::OsStr;
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

/// The binary the hostile-input tests run: `FENGONG_TEST_BIN` if set (to
/// show a test failing on an older build), else the one under test.
pub fn bin() -> String {
    std::env::var("FENGONG_TEST_BIN").unwrap_or_else(|_| BIN.to_owned())
}

/// Runs `bin() ARGS` in `dir` with `stdin` as standard input.
pub fn run_in(args: &[&str], dir: &Path, stdin: &[u8]) -> Output {
    run_with_env(args, dir, stdin, &[])
}

/// [`run_in`] with environment variables set for the run.
pub fn run_with_env(args: &[&str], dir: &Path, stdin: &[u8], env: &[(&str, &OsStr)]) -> Output {
    use std::io::Write;
    let mut child = Command::new(bin())
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run fengong");
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("wait for fengong")
}

/// A zip archive of `(name, content)` parts, as .docx/.xlsx/.ods are.
pub fn zip_bytes(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        for (name, content) in parts {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(content).unwrap();
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// The package parts Excel (and calamine) expect around a workbook.
const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// A one-sheet .xlsx whose sheet XML is `sheet_data` (inside `<sheetData>`),
/// with `shared` as the shared-strings part when given.
pub fn xlsx_with(sheet_data: &str, shared: Option<&str>) -> Vec<u8> {
    let workbook = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="分工" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let sheet = format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    if let Some(s) = shared {
        parts.push(("xl/sharedStrings.xml", s.as_bytes()));
    }
    zip_bytes(&parts)
}

const ODS_MANIFEST: &str = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// An .ods whose `content.xml` body is `tables` (inside `<office:spreadsheet>`).
pub fn ods_with(tables: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    zip_bytes(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
    ])
}

/// A .docx whose `word/document.xml` body is `body`.
pub fn docx_with(body: &str) -> Vec<u8> {
    let doc = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip_bytes(&[("word/document.xml", doc.as_bytes())])
}

/// `tests/fixtures/small.json` changed by `edit`, as JSON text.
pub fn small_json_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let text = std::fs::read_to_string(fixture("small.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}
