#![no_main]
//! `.xlsx`: any bytes, or sheet / shared-strings / workbook XML in a valid archive.

use libfuzzer_sys::fuzz_target;

#[path = "archive.rs"]
mod archive;

fuzz_target!(|data: &[u8]| {
    let bytes = archive::archive(
        data,
        &["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml"],
        &[(
            "xl/_rels/workbook.xml.rels",
            br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
        )],
    );
    let _ = fengong::extract::read::read_bytes("xlsx", &bytes);
});
