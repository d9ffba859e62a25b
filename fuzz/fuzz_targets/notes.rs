#![no_main]
//! The responsibility-note parsers on any text.

use fengong::extract::notes::{
    UnitColumn, find_note, parse_annotation, parse_deadline, parse_unit_cell,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(m) = find_note(text) {
        let _ = m;
    }
    let _ = parse_annotation(text);
    let _ = parse_deadline(text);
    for column in [
        UnitColumn::Lead,
        UnitColumn::Partner,
        UnitColumn::Responsible,
    ] {
        let _ = parse_unit_cell(text, column);
    }
});
