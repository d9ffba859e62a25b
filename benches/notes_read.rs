//! Speed of the note parser and the document reader, printed as figures.
//! Run with `cargo bench --bench notes_read`.

use fengong::extract::notes::{NoteRules, find_note, parse_annotation};
use fengong::extract::read::read_document;

mod common;
use common::time;

fn main() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paragraphs = Vec::new();
    let mut bytes = 0;
    for entry in std::fs::read_dir(&seeds).expect("seeds/") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("UTF-8 seed");
        bytes += text.len();
        paragraphs.extend(text.lines().map(str::to_string));
    }
    println!(
        "{} paragraphs, {} KB of seed text",
        paragraphs.len(),
        bytes / 1000
    );
    time(
        "find_note + parse_annotation + rules, all seeds",
        20,
        || {
            let mut rules = NoteRules::default();
            let mut found = 0;
            for p in &paragraphs {
                rules.observe(p);
                found += usize::from(find_note(p).is_some());
                found += usize::from(parse_annotation(p).is_some());
            }
            found
        },
    );

    let dir = std::env::temp_dir().join(format!("fengong-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let unit = "加快推进重点项目建设（市发展和改革局牵头，各镇配合），";
    let line = unit.repeat(10_000_000 / unit.len() + 1);
    let utf8 = dir.join("long.txt");
    std::fs::write(&utf8, &line).expect("write");
    let gbk = dir.join("long-gbk.txt");
    std::fs::write(&gbk, encoding_rs::GBK.encode(&line).0).expect("write");
    time("read_document, 10 MB single line, UTF-8", 5, || {
        read_document(&utf8).expect("readable")
    });
    time(
        "read_document, 10 MB single line, GBK (detected)",
        3,
        || read_document(&gbk).expect("readable"),
    );
    time("find_note on that 10 MB line", 3, || find_note(&line));
    let _ = std::fs::remove_dir_all(&dir);
}
