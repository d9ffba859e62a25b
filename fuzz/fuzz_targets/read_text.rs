#![no_main]
//! Text documents (`.txt`, `.md`, `.csv`, `.html`): decoding, tables, stripping.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "md", "csv", "html"][*first as usize % 4];
    if let Ok(doc) = fengong::extract::read::read_bytes(ext, rest) {
        // What a reader returns carries no control characters.
        assert!(!doc.text.chars().any(fengong::sanitise::is_control));
    }
});
