//! The PDF reader on PDFs made by three producers (LibreOffice, Qt's
//! wkhtmltopdf, cairo; eval/pdf/docs/), on PDFs built here with lopdf
//! (a scan, undecodable text), on encrypted fixtures, and on truncated and
//! mutated PDFs: lines in reading order, page furniture gone, tables as
//! cells, and a clear one-line message for everything it cannot read.

use std::path::Path;

use fengong::extract::read::{ReadErrorKind, read_bytes, read_document};
use fengong::extract::{DocInput, extract_documents};
use lopdf::{Document, Object, Stream, dictionary};
use proptest::prelude::*;

use crate::common::repo;

fn corpus_pdf(stem: &str) -> std::path::PathBuf {
    repo(&format!("eval/pdf/docs/{stem}.pdf"))
}

fn lines(text: &str) -> Vec<&str> {
    text.split('\n').filter(|l| !l.trim().is_empty()).collect()
}

#[test]
fn libreoffice_text_loses_its_furniture_and_keeps_its_page_breaks() {
    let source = read_document(&corpus_pdf("p01_yunjiang_industry_action")).unwrap();
    let lines = lines(&source.text);
    // The running header (on every page, the first too) and `— N —` are gone.
    assert!(!lines.contains(&"沄江市现代化产业体系建设三年行动方案"));
    assert!(!lines.iter().any(|l| l.starts_with('—')), "{lines:?}");
    assert_eq!(source.text.matches('\u{c}').count(), 4, "five pages");
    // Lines the page width broke are one again; a labelled line that a page
    // break separated from its task stands after the break.
    assert!(lines.contains(
        &"1.做强新能源汽车产业链。支持整车企业扩大产能、丰富车型，引进动力电池、电驱电控、汽车电子等配套项目，到2027年整车产能达到30万辆，本地配套率提高到45%。（市工业和信息化局牵头，市发展改革委、市商务局、沄江经济技术开发区管委会配合）"
    ));
    let after_break = source.text.split('\u{c}').nth(2).unwrap();
    assert!(
        after_break
            .trim_start()
            .starts_with("牵头单位：市工业和信息化局"),
        "{after_break}"
    );
}

#[test]
fn a_unit_split_by_a_page_break_is_one_unit_in_the_task() {
    let path = corpus_pdf("p01_yunjiang_industry_action");
    let source = read_document(&path).unwrap();
    let data = extract_documents(&[DocInput::from_source(&path, &source)]);
    let task = data
        .tasks
        .iter()
        .find(|t| t.title == "加强质量品牌建设")
        .expect("task 7");
    let partners: Vec<&str> = task.partners.iter().map(|p| p.written.as_str()).collect();
    assert_eq!(partners, ["市科技局", "市工业和信息化局"]);
    let task3 = data
        .tasks
        .iter()
        .find(|t| t.title == "推动传统产业智能化改造")
        .unwrap();
    assert_eq!(task3.leads[0].written, "市工业和信息化局");
}

#[test]
fn a_ruled_table_over_seven_pages_is_one_table_of_cells() {
    let source = read_document(&corpus_pdf("p02_lanqiao_report_table")).unwrap();
    assert_eq!(source.tables.len(), 1);
    let rows = &source.tables[0].rows;
    // The header once (repeated on every page in the PDF), five section
    // rows merged across, thirty tasks.
    assert_eq!(rows.len(), 36);
    assert_eq!(
        rows[0].cells,
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    );
    assert_eq!(rows.iter().filter(|r| r.cells[0] == "序号").count(), 1);
    assert!(rows[1].cells.iter().all(|c| c == "一、扎实推进产业振兴"));
    // Row 15 is cut by a page break; its two halves are one row.
    let row15 = rows.iter().find(|r| r.cells[0] == "15").unwrap();
    assert!(
        row15.cells[1].starts_with("巩固拓展脱贫攻坚成果")
            && row15.cells[1].ends_with("5000万元以上")
    );
    assert_eq!(
        row15.cells[3],
        "县农业农村局、县人社局、县民政局、县商务局、各乡镇人民政府"
    );
    // Every row points at its `| … |` line in the text.
    let text: Vec<&str> = source.text.split('\n').collect();
    for r in rows {
        assert!(text[r.line as usize - 1].starts_with("| "), "{}", r.line);
    }
}

#[test]
fn qt_radicals_are_the_ideographs_they_stand_for() {
    let source = read_document(&corpus_pdf("p03_tiaobei_town_work")).unwrap();
    let odd: Vec<char> = source
        .text
        .chars()
        .filter(|c| ('\u{2e80}'..='\u{2fdf}').contains(c))
        .collect();
    assert!(odd.is_empty(), "{odd:?}");
    assert!(source.text.contains("重点工作安排") && source.text.contains("镇区停车场"));
    assert_eq!(source.tables[0].rows.len(), 15);
}

#[test]
fn cairo_lines_cut_at_a_fixed_width_are_rejoined() {
    let source = read_document(&corpus_pdf("p04_lingchuan_report_division")).unwrap();
    assert!(source.text.lines().any(|l| l
        == "5.加快城市更新。改造老旧小区42个，实施泠川河两岸综合整治，新增城市绿道15公里。（区住房城乡建设局牵头，区城市管理局、区自然资源分局、相关街道办事处配合）"));
    assert!(!source.text.contains("- 2 -"));
}

#[test]
fn an_owner_password_alone_does_not_stop_reading() {
    let source = read_document(&repo("tests/fixtures/pdf/owner_only.pdf")).unwrap();
    assert!(source.text.contains("建设泠川科创走廊"));
}

fn message(path: &Path) -> String {
    let err = read_document(path).unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
    assert!(!err.contains('\n'), "{err}");
    err
}

#[test]
fn a_pdf_that_needs_a_password_says_so() {
    let err = message(&repo("tests/fixtures/pdf/encrypted.pdf"));
    assert!(err.contains("encrypted and needs a password"), "{err}");
}

/// A one-page PDF with `content` and `resources`, written by lopdf.
fn pdf_with(
    content: &[u8],
    resources: lopdf::Dictionary,
    extra: Vec<(lopdf::ObjectId, Object)>,
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    for (id, o) in extra {
        doc.objects.insert(id, o);
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_scan_says_it_has_no_text_layer_and_what_to_do() {
    let image_id = (100, 0);
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0x80],
    );
    let bytes = pdf_with(
        b"q 595 0 0 842 0 0 cm /Im1 Do Q",
        dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
        vec![(image_id, Object::Stream(image))],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, bytes).unwrap();
    let err = message(&path);
    assert!(
        err.contains("scanned PDF") && err.contains("no text layer") && err.contains("OCR"),
        "{err}"
    );
}

#[test]
fn text_without_a_unicode_map_is_undecodable_not_garbage() {
    let font_id = (100, 0);
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Dictionary(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "SimSun",
        })],
    };
    let bytes = pdf_with(
        b"BT /F1 12 Tf 72 700 Td <0102030405060708> Tj ET",
        dictionary! { "Font" => dictionary! { "F1" => font_id } },
        vec![(font_id, Object::Dictionary(font))],
    );
    assert_eq!(
        read_bytes("pdf", &bytes).unwrap_err(),
        ReadErrorKind::Undecodable
    );
}

#[test]
fn simple_fonts_and_text_operators_place_their_lines() {
    // WinAnsi text shown with Tj, TJ (kerning), ' and T*, in two lines.
    let font_id = (100, 0);
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    };
    let bytes = pdf_with(
        b"BT /F1 12 Tf 14 TL 72 700 Td (Page one) Tj T* [(sec) -20 (ond)] TJ (third) ' ET",
        dictionary! { "Font" => dictionary! { "F1" => font_id } },
        vec![(font_id, Object::Dictionary(font))],
    );
    let source = read_bytes("pdf", &bytes).unwrap();
    assert_eq!(lines(&source.text), ["Page one", "second", "third"]);
}

#[test]
fn truncated_and_garbage_pdfs_are_damaged() {
    let good = std::fs::read(corpus_pdf("p04_lingchuan_report_division")).unwrap();
    for bytes in [
        &good[..100],
        &good[..good.len() / 2],
        b"%PDF-1.7\n1 0 obj << >> endobj",
    ] {
        match read_bytes("pdf", bytes) {
            Err(ReadErrorKind::Damaged { format: "PDF", .. } | ReadErrorKind::Empty) => {}
            // lopdf rebuilds a cross-reference table from what is left;
            // what it recovers is read.
            Ok(_) => {}
            Err(e) => panic!("{e}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any prefix of a real PDF: an answer, never a panic.
    #[test]
    fn truncated_pdfs_never_panic(cut in 0usize..60_000, which in 0usize..4) {
        let stems = ["p01_yunjiang_industry_action", "p02_lanqiao_report_table", "p03_tiaobei_town_work", "p04_lingchuan_report_division"];
        let bytes = std::fs::read(corpus_pdf(stems[which])).unwrap();
        let _ = read_bytes("pdf", &bytes[..cut.min(bytes.len())]);
    }

    /// A real PDF with bytes overwritten (in streams, numbers, the xref):
    /// an answer, never a panic.
    #[test]
    fn mutated_pdfs_never_panic(edits in prop::collection::vec((0usize..60_000, any::<u8>()), 1..24)) {
        let mut bytes = std::fs::read(corpus_pdf("p04_lingchuan_report_division")).unwrap();
        for (at, b) in edits {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        let _ = read_bytes("pdf", &bytes);
    }
}

#[test]
fn a_page_inflating_past_its_bound_is_refused_quickly() {
    let mut content = Stream::new(dictionary! {}, vec![b' '; 20 << 20]);
    content.compress().unwrap();
    assert!(content.content.len() < 1 << 20);
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(content);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = read_bytes("pdf", &bytes).unwrap_err().to_string();
    assert!(err.contains("over 8 MB decompressed"), "{err}");
}
