#![no_main]
//! `.ods`: any bytes, or `content.xml` in a valid archive.

use libfuzzer_sys::fuzz_target;

#[path = "archive.rs"]
mod archive;

fuzz_target!(|data: &[u8]| {
    let bytes = archive::archive(data, &["content.xml"], &[]);
    let _ = fengong::extract::read::read_bytes("ods", &bytes);
});
