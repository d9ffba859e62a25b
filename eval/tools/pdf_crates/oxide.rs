fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap_or("plain".into());
    let doc = pdf_oxide::PdfDocument::open(&path).unwrap();
    let n = doc.page_count().unwrap();
    for i in 0..n {
        let t = match mode.as_str() {
            "plain" => doc.to_plain_text(i, &pdf_oxide::converters::ConversionOptions::default()).unwrap(),
            _ => doc.extract_text(i).unwrap(),
        };
        print!("{t}\n\x0c");
    }
}
