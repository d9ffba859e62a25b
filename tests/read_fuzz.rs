//! Property tests: reading arbitrary bytes ends in text or a clean error.

use std::io::Write;

use fengong::extract::read::{read_bytes, read_document};
use proptest::prelude::*;

const XML_TOKENS: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:p/>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "<w:t/>",
    "<w:tab/>",
    "<w:br/>",
    "<w:tbl>",
    "</w:tbl>",
    "<w:tr>",
    "</w:tr>",
    "<w:tc>",
    "</w:tc>",
    "<w:pPr>",
    "</w:pPr>",
    "<w:numPr>",
    "</w:numPr>",
    "<w:ilvl w:val=\"1\"/>",
    "<w:ilvl w:val=\"99\"/>",
    "<w:numId w:val=\"1\"/>",
    "<w:gridSpan w:val=\"3\"/>",
    "<w:gridSpan w:val=\"-1\"/>",
    "<w:vMerge/>",
    "<w:vMerge w:val=\"restart\"/>",
    "<w:pStyle w:val=\"H\"/>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&bogus;",
    "<![CDATA[x]]>",
    "牵头",
    "一、",
    "<",
    ">",
    "&",
];

fn docx_with(document: &str) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.start_file("word/numbering.xml", opts).unwrap();
        zip.write_all(
            b"<w:numbering><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"1\">\
              <w:start w:val=\"0\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1%2%9\"/>\
              </w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/>\
              <w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"0\"/></w:lvlOverride></w:num></w:numbering>",
        )
        .unwrap();
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// Case count: the default, or `FENGONG_FUZZ_CASES` for a longer run.
fn cases(default: u32) -> u32 {
    std::env::var("FENGONG_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(5_000)))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        ext in prop::sample::select(&["txt", "md", "html", "csv", "docx", "xlsx", "ods", "json", ""][..]),
    ) {
        // A clean error is fine; text must be normalised.
        if let Ok(doc) = read_bytes(ext, &bytes) {
            prop_assert!(!doc.text.contains('\r'));
            for t in &doc.tables {
                for r in &t.rows {
                    prop_assert!(r.line >= 1);
                }
            }
        }
    }
}

/// Pieces of web pages: tables with spans, nesting and unclosed cells,
/// comments, scripts, entities and stray brackets.
const HTML_PIECES: &[&str] = &[
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th colspan=3>",
    "<td rowspan=\"4\">",
    "<td rowspan=99999 colspan=99999>",
    "<br>",
    "<p>",
    "</p>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<head>",
    "&amp;",
    "&#x",
    "&#12345;",
    "&nbsp",
    "<",
    ">",
    "\"",
    "\n",
    "牵头单位",
    "市发改委、",
    "1.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(3_000)))]

    #[test]
    fn arbitrary_web_pages_never_panic(
        pieces in prop::collection::vec(prop::sample::select(HTML_PIECES), 0..80),
        ext in prop::sample::select(&["html", "md", "txt"][..]),
    ) {
        let page = pieces.concat();
        if let Ok(doc) = read_bytes(ext, page.as_bytes()) {
            let lines = doc.text.split('\n').count() as u32;
            for t in &doc.tables {
                for r in &t.rows {
                    prop_assert!(r.line >= 1 && r.line <= lines, "row line {} of {lines}", r.line);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2_000)))]

    #[test]
    fn random_docx_xml_never_panics(
        tokens in prop::collection::vec(prop::sample::select(XML_TOKENS), 0..60)
    ) {
        let document = format!("<w:document><w:body>{}</w:body></w:document>", tokens.concat());
        let _ = read_bytes("docx", &docx_with(&document));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn read_document_on_files_never_panics(
        bytes in prop::collection::vec(any::<u8>(), 0..512),
        ext in prop::sample::select(&["txt", "md", "csv", "docx", "xlsx", "ods", "xls", "doc"][..]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("f.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        if let Err(e) = read_document(&path) {
            let msg = e.to_string();
            prop_assert!(msg.contains("f."), "{}", msg);
            prop_assert!(!msg.contains('\n'), "{}", msg);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2_000)))]

    /// Task tables are rewritten in place: the text keeps its line count, so
    /// every source line number stays true.
    #[test]
    fn task_tables_keep_line_numbers(
        rows in prop::collection::vec(
            prop::collection::vec(
                prop::sample::select(&[
                    "序号", "重点任务", "牵头单位", "配合单位", "完成时限", "一、产业发展",
                    "1", "建设园区\n二期", "市财政局、各镇", "A、B分别牵头", "", "2025年底前",
                    "---", "|", "责任单位",
                ][..]),
                1..6,
            ),
            0..10,
        ),
        tabs in any::<bool>(),
    ) {
        let text: String = rows
            .iter()
            .map(|r| {
                if tabs {
                    r.join("\t")
                } else {
                    format!("| {} |", r.join(" | "))
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let input = format!("标题\n{text}\n结尾");
        if let Ok(doc) = read_bytes("md", input.as_bytes()) {
            prop_assert_eq!(doc.text.split('\n').count(), input.split('\n').count());
        }
    }
}

const SHEET_TOKENS: &[&str] = &[
    "<row>",
    "<row r=\"3\">",
    "<row r=\"1048577\">",
    "<row r=\"-1\">",
    "</row>",
    "<c r=\"A1\">",
    "<c r=\"XFD1048576\">",
    "<c r=\"AAAAAAAA99999999999\">",
    "<c r=\"B\">",
    "<c t=\"s\">",
    "<c t=\"inlineStr\">",
    "<c t=\"b\">",
    "<c/>",
    "</c>",
    "<v>",
    "</v>",
    "<is><t>",
    "</t></is>",
    "0",
    "99999999999",
    "1.5E+300",
    "牵头",
    "&amp;",
    "&#x1b;",
    "\u{1b}[2J",
    "<mergeCell ref=\"A1:C3\"/>",
    "<mergeCell ref=\"A1:XFD1048576\"/>",
    "<mergeCell ref=\"C3:A1\"/>",
    "<",
];

const ODS_TOKENS: &[&str] = &[
    "<table:table table:name=\"S\">",
    "</table:table>",
    "<table:table-row>",
    "<table:table-row table:number-rows-repeated=\"1048576\">",
    "<table:table-row table:number-rows-repeated=\"0\">",
    "</table:table-row>",
    "<table:table-cell>",
    "<table:table-cell table:number-columns-repeated=\"99999999999\">",
    "<table:table-cell table:number-columns-spanned=\"3\" table:number-rows-spanned=\"2\">",
    "<table:table-cell office:value=\"1.5\"/>",
    "<table:covered-table-cell/>",
    "</table:table-cell>",
    "<text:p>",
    "</text:p>",
    "<text:s text:c=\"99999999\"/>",
    "<text:line-break/>",
    "<office:annotation>",
    "</office:annotation>",
    "任务",
    "&#x1b;]0;x&#x7;",
    "<",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(1_500)))]

    /// Any sheet XML ends in text or a clean one-line error, with no control
    /// character in what is read.
    #[test]
    fn random_xlsx_sheets_never_panic(
        tokens in prop::collection::vec(prop::sample::select(SHEET_TOKENS), 0..40),
    ) {
        let xml = tokens.concat();
        let shared = "<sst><si><t>市发展和改革局</t></si></sst>";
        match read_bytes("xlsx", &crate::common::xlsx_with(&xml, Some(shared))) {
            Ok(doc) => prop_assert!(!doc.text.chars().any(fengong::sanitise::is_control)),
            Err(e) => prop_assert!(!e.to_string().contains('\n')),
        }
    }

    #[test]
    fn random_ods_content_never_panics(
        tokens in prop::collection::vec(prop::sample::select(ODS_TOKENS), 0..40),
    ) {
        match read_bytes("ods", &crate::common::ods_with(&tokens.concat())) {
            Ok(doc) => prop_assert!(!doc.text.chars().any(fengong::sanitise::is_control)),
            Err(e) => prop_assert!(!e.to_string().contains('\n')),
        }
    }
}
