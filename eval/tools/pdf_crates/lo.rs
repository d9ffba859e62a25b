fn main() {
    let path = std::env::args().nth(1).unwrap();
    let doc = lopdf::Document::load(path).unwrap();
    for (n, _) in doc.get_pages() {
        print!("{}\n\x0c", doc.extract_text(&[n]).unwrap());
    }
}
