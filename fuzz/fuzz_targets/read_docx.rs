#![no_main]
//! `.docx`: any bytes, or document / numbering / styles XML in a valid archive.

use libfuzzer_sys::fuzz_target;

#[path = "archive.rs"]
mod archive;

fuzz_target!(|data: &[u8]| {
    let bytes = archive::archive(
        data,
        &["word/document.xml", "word/numbering.xml", "word/styles.xml"],
        &[],
    );
    let _ = fengong::extract::read::read_bytes("docx", &bytes);
});
