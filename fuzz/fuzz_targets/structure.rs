#![no_main]
//! The whole text pipeline (normalising, structure, notes, units, regions)
//! on any text, as one document.

use std::path::Path;

use fengong::extract::{DocInput, extract_documents};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let data = extract_documents(&[DocInput::from_text(Path::new("fuzz.txt"), text)]);
    for t in &data.tasks {
        assert!(t.source.line >= 1);
    }
});
