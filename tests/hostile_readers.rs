//! Hostile documents: small files that claim huge sizes, archives that
//! inflate to gigabytes, XML that never ends, text full of escape
//! sequences. Each ends in a one-line message naming the file, quickly and
//! within a bounded amount of memory (docs/HOSTILE.md). The files are made
//! here, small, in the test.

use std::time::{Duration, Instant};

use fengong::extract::read::{read_bytes, read_document};

use crate::common::{docx_with, ods_with, run_in, stderr, xlsx_with, zip_bytes};

/// Reads `bytes` as a file named `name` with the binary, as a user would:
/// `fengong extract NAME -o out.json`. Returns (success, stderr).
fn extract_file(name: &str, bytes: &[u8]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let start = Instant::now();
    let out = run_in(&["extract", name, "-o", "out.json", "-q"], dir.path(), b"");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{name}: took {:?}",
        start.elapsed()
    );
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert!(
        out.status.code().is_some(),
        "{name}: killed by a signal: {err}"
    );
    (out.status.success(), err)
}

#[test]
fn xlsx_with_a1_and_xfd1048576_is_refused_naming_its_extent() {
    let x = xlsx_with(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#,
        None,
    );
    assert!(x.len() < 4096);
    let (ok, err) = extract_file("far.xlsx", &x);
    assert!(!ok);
    assert!(
        err.contains("far.xlsx") && err.contains("A1:XFD1048576"),
        "{err}"
    );
}

#[test]
fn xlsx_with_a_huge_unique_count_reads_normally() {
    let shared = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4294967295" uniqueCount="4294967295"><si><t>加快交通建设</t></si><si><t>市交通运输局</t></si></sst>"#;
    let x = xlsx_with(
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#,
        Some(shared),
    );
    let doc = read_bytes("xlsx", &x).expect("reads");
    assert!(doc.text.contains("加快交通建设") && doc.text.contains("市交通运输局"));
}

#[test]
fn xlsx_cell_reference_past_the_last_column_is_a_message_not_a_panic() {
    let x = xlsx_with(
        r#"<row r="1"><c r="AAAAAAAA99999999999"><v>1</v></c></row>"#,
        None,
    );
    let (ok, err) = extract_file("ref.xlsx", &x);
    assert!(!ok);
    assert!(err.contains("outside any spreadsheet"), "{err}");
}

#[test]
fn xlsx_rows_of_far_cells_are_refused_before_allocating() {
    // 20 000 rows each with cells in columns A and XFD: 327 million grid cells.
    let rows: String = (1..=20_000)
        .map(|r| {
            format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="XFD{r}"><v>{r}</v></c></row>"#)
        })
        .collect();
    let x = xlsx_with(&rows, None);
    let (ok, err) = extract_file("wide.xlsx", &x);
    assert!(!ok);
    assert!(err.contains("spans") && err.contains("cells"), "{err}");
}

#[test]
fn xlsx_with_more_filled_cells_than_the_cap_is_refused() {
    // One row repeated is not a thing in xlsx; many small cells are.
    let mut rows = String::new();
    for r in 1..=1_100 {
        rows.push_str(&format!(r#"<row r="{r}">"#));
        for c in 0..1_000 {
            rows.push_str(&format!("<c><v>{c}</v></c>"));
        }
        rows.push_str("</row>");
    }
    let x = xlsx_with(&rows, None);
    let err = read_bytes("xlsx", &x).unwrap_err().to_string();
    assert!(err.contains("filled cells"), "{err}");
}

#[test]
fn xlsx_merged_cells_and_shared_strings_still_read() {
    let shared = r#"<sst><si><t>重点任务</t></si><si><r><t>市发展</t></r><r><t>和改革局</t></r><rPh><t>ふりがな</t></rPh></si></sst>"#;
    let x = zip_bytes(&[
        (
            "xl/workbook.xml",
            br#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<Relationships><Relationship Id="rId7" Target="/xl/worksheets/other.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/other.xml",
            br#"<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c></row><row r="3"><c r="D3" t="b"><v>1</v></c><c r="E3"><v>2.50</v></c></row></sheetData><mergeCells><mergeCell ref="B2:C3"/></mergeCells></worksheet>"#,
        ),
        ("xl/sharedStrings.xml", shared.as_bytes()),
    ]);
    let doc = read_bytes("xlsx", &x).unwrap();
    let rows = &doc.tables[0].rows;
    assert_eq!(
        rows[0].cells,
        ["", "重点任务", "重点任务", "市发展和改革局", ""]
    );
    assert_eq!(rows[1].cells, ["", "重点任务", "重点任务", "TRUE", "2.5"]);
    assert_eq!(rows[0].line, 2, "line = spreadsheet row");
}

#[test]
fn ods_with_an_unclosed_table_ends_in_a_message() {
    let x = ods_with(
        r#"<table:table table:name="分工"><table:table-row><table:table-cell><text:p>任务</text:p></table:table-cell></table:table-row>"#,
    );
    assert!(x.len() < 1024, "{}", x.len());
    let (ok, err) = extract_file("cut.ods", &x);
    assert!(!ok);
    assert!(
        err.contains("cut.ods") && err.contains("ends inside table"),
        "{err}"
    );
}

#[test]
fn ods_repeats_cost_nothing_when_empty_and_are_capped_when_filled() {
    // LibreOffice's own trailing filler: a million empty rows, 1024 empty columns.
    let normal = ods_with(
        r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>序号</text:p></table:table-cell><table:table-cell><text:p>加快<text:s text:c="2"/>建设</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#,
    );
    let doc = read_bytes("ods", &normal).expect("reads");
    assert_eq!(doc.tables[0].rows[0].cells, ["序号", "加快  建设"]);
    // The same repeat with a filled cell would be a million cells.
    let filled = ods_with(
        r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    let err = read_bytes("ods", &filled).unwrap_err().to_string();
    assert!(err.contains("filled cells"), "{err}");
    let wide = ods_with(
        r#"<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="99999999999"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    let err = read_bytes("ods", &wide).unwrap_err().to_string();
    assert!(err.contains("outside any spreadsheet"), "{err}");
}

// .xls (BIFF) is no longer refused here: it goes through LibreOffice into
// the bounded .xlsx reader (tests/read_legacy.rs).

/// A zip whose one part is `size` bytes of `fill` between `head` and
/// `tail`, deflated as it is written (the test never holds it inflated).
fn bomb(name: &str, head: &str, fill: &[u8], size: usize, tail: &str) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    zip.start_file(name, opts).unwrap();
    zip.write_all(head.as_bytes()).unwrap();
    let chunk = fill.repeat((1 << 20) / fill.len());
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        zip.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    zip.write_all(tail.as_bytes()).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

#[test]
fn docx_inflating_past_the_limit_says_so_not_empty() {
    // 300 MB of spaces inside one paragraph: a few hundred KB deflated.
    let x = bomb(
        "word/document.xml",
        "<w:document><w:body><w:p><w:r><w:t>",
        b" ",
        300 << 20,
        "</w:t></w:r></w:p></w:body></w:document>",
    );
    assert!(x.len() < 4 << 20, "{}", x.len());
    let (ok, err) = extract_file("bomb.docx", &x);
    assert!(!ok);
    assert!(
        err.contains("bomb.docx") && err.contains("inflates to more than"),
        "{err}"
    );
    assert!(!err.contains("empty"), "{err}");
}

#[test]
fn docx_of_millions_of_paragraphs_stops_at_the_text_budget() {
    let x = bomb(
        "word/document.xml",
        "<w:document><w:body>",
        b"<w:p><w:r><w:t>x</w:t></w:r></w:p>",
        // 1.4 million paragraphs: past the 64 MB text budget (64 bytes each).
        48 << 20,
        "</w:body></w:document>",
    );
    let err = read_bytes("docx", &x).unwrap_err().to_string();
    assert!(err.contains("MB of text"), "{err}");
}

#[test]
fn docx_control_characters_raw_and_as_references_are_stripped() {
    let x = docx_with(
        "<w:p><w:r><w:t>一、总体&#x1b;]0;PWNED&#x7;要求</w:t></w:r></w:p>\
         <w:p><w:r><w:t>二、\u{1b}[2J重点\u{9b}31m任务\u{202e}</w:t></w:r></w:p>",
    );
    let doc = read_bytes("docx", &x).unwrap();
    assert_eq!(doc.text, "一、总体要求\n二、重点任务");
}

#[test]
fn text_with_a_few_escape_sequences_is_read_without_them() {
    let mut text = "二、重点任务\n".repeat(40);
    text.push_str("1.加快交通建设\u{1b}]52;c;SGVsbG8=\u{7}。（市交通运输局牵头）\u{1b}[?1000h\n");
    let doc = read_bytes("txt", text.as_bytes()).unwrap();
    assert!(doc.text.contains("1.加快交通建设。（市交通运输局牵头）\n"));
    assert!(!doc.text.contains("SGVsbG8") && !doc.text.contains('\u{1b}'));
    assert_eq!(doc.text.lines().count(), 41, "line numbers hold");
}

#[test]
fn a_device_named_like_a_document_is_not_read() {
    let err = read_document(std::path::Path::new("/dev/zero"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("character device"), "{err}");
}

#[test]
fn xlsx_merges_copying_a_long_value_everywhere_are_refused() {
    // 702 000 cells, each to be filled with a 1 KB value: 700 MB of copies.
    let long = "长".repeat(350);
    let x = crate::common::zip_bytes(&[
        (
            "xl/workbook.xml",
            br#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{long}</t></is></c></row><row r="1000"><c r="ZZ1000"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:ZZ1000"/></mergeCells></worksheet>"#
            )
            .as_bytes(),
        ),
    ]);
    let err = read_bytes("xlsx", &x).unwrap_err().to_string();
    assert!(err.contains("merged regions copy more than"), "{err}");
}
