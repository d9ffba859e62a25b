fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(path).unwrap();
    for p in pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap() {
        print!("{p}\n\x0c");
    }
}
