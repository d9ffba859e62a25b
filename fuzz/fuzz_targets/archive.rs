//! Shared by the archive targets: the fuzzer's bytes either are the archive
//! (first byte even) or are XML parts put into a valid archive (first byte
//! odd), so the XML readers are reached, not only the zip parser. Parts are
//! separated by a NUL byte.

use std::io::Write;

pub fn archive(data: &[u8], names: &[&str], fixed: &[(&str, &[u8])]) -> Vec<u8> {
    match data.split_first() {
        Some((first, rest)) if first % 2 == 1 => {
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut zip = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            for (name, content) in fixed {
                zip.start_file(*name, opts).unwrap();
                zip.write_all(content).unwrap();
            }
            for (name, part) in names.iter().zip(rest.split(|&b| b == 0)) {
                zip.start_file(*name, opts).unwrap();
                zip.write_all(part).unwrap();
            }
            zip.finish().unwrap();
            buf.into_inner()
        }
        _ => data.to_vec(),
    }
}
