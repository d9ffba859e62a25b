//! Reading documents: encodings, line endings, Markdown/CSV/XLSX/DOCX tables,
//! Word list numbering, and clear errors for what cannot be read.

use std::io::Write;
use std::path::{Path, PathBuf};

use fengong::extract::extract_paths;
use fengong::extract::read::read_document;
use fengong::extract::table::tasks_from_table;
use fengong::model::LeadMode;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

const TASKS: &str = "二、重点任务\n1.加快交通建设。（市交通运输局牵头，市发展和改革局、各镇配合）\n2.推进乡村振兴。（市农业农村局牵头，市相关单位配合）\n";

#[test]
fn encodings_and_line_endings_decode_to_the_same_text() {
    for (name, encoding) in [
        ("read_gbk.txt", "GBK"),
        ("read_utf16le.txt", "UTF-16LE"),
        ("read_utf16be.txt", "UTF-16BE"),
        ("read_cr_only.txt", "UTF-8"),
    ] {
        let doc = read_document(&fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.text, TASKS, "{name}");
        assert_eq!(doc.encoding, encoding, "{name}");
    }
}

#[test]
fn big5_traditional_text_is_detected() {
    let doc = read_document(&fixture("read_big5.txt")).unwrap();
    assert_eq!(doc.encoding, "Big5");
    assert!(doc.text.contains("臺山市發展和改革局牽頭"), "{}", doc.text);
}

#[test]
fn markdown_with_bom_crlf_and_a_task_table() {
    let doc = read_document(&fixture("read_utf8_bom_crlf.md")).unwrap();
    assert!(doc.text.starts_with("某某市重点任务分工表\n"));
    assert!(!doc.text.contains('\r'));
    assert_eq!(doc.tables.len(), 1);
    let table = &doc.tables[0];
    assert_eq!(table.rows[0].line, 7);
    // The table stays in the text as written; each row names its line.
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(lines.len(), 13);
    assert!(lines[6].starts_with("| 序号 |"));
    assert!(lines[9].starts_with("| 1 | 建设产业园区"));
    assert_eq!(table.rows[2].line, 10);
    // Through the pipeline the table is read as task rows under its sections.
    let data = extract_paths(&[fixture("read_utf8_bom_crlf.md")]).unwrap();
    // (The text's own 一、产业发展 with its task comes first.)
    let titles: Vec<&str> = data.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles, vec!["产业发展", "产业发展", "城市建设"]);
    let t = data
        .tasks
        .iter()
        .find(|t| t.title == "建设产业园区，完善配套设施")
        .expect("a table row is a task");
    assert_eq!(t.source.line, 10);
    let written: Vec<&str> = t.partners.iter().map(|u| u.written.as_str()).collect();
    assert_eq!(written, vec!["市财政局", "各镇（街）"]);
    assert_eq!(t.deadline.as_deref(), Some("2025年底前"));
    // Each unit's place in the task's text, for the explorer to highlight.
    let chars: Vec<char> = t.text.chars().collect();
    for u in t.leads.iter().chain(&t.partners) {
        let at = u.chars.expect("a unit read from the cells has its place");
        let cut: String = chars[at.start..at.end].iter().collect();
        assert_eq!(cut, u.written);
    }
    let sections = tasks_from_table(table).expect("a 分工表");
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0].title, "一、产业发展");
    assert_eq!(sections[0].tasks.len(), 2);
    let t = &sections[0].tasks[1];
    assert_eq!(t.number.as_deref(), Some("2"));
    assert_eq!(t.note.leads, vec!["市工业和信息化局", "市科技局"]);
    assert_eq!(t.note.mode, LeadMode::Respective);
    assert_eq!(t.note.deadline.as_deref(), Some("持续推进"));
    assert_eq!(sections[1].tasks[0].note.partners, vec!["各镇（街）"]);
    assert_eq!(sections[1].tasks[0].line, 13);
}

#[test]
fn csv_in_utf8_bom_and_gbk() {
    for name in ["read_table_bom.csv", "read_table_gbk.csv"] {
        let doc = read_document(&fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.tables.len(), 1, "{name}");
        let sections = tasks_from_table(&doc.tables[0]).expect("a 分工表");
        assert_eq!(sections[0].title, "一、产业发展", "{name}");
        let t = &sections[0].tasks[0];
        assert_eq!(t.text, "建设产业园区，完善配套设施");
        assert_eq!(t.note.leads, vec!["市发展改革局"]);
        assert_eq!(t.note.partners, vec!["市财政局", "各镇（街）"]);
        assert_eq!(t.line, 3);
    }
}

#[test]
fn xlsx_merged_cells_are_expanded() {
    use rust_xlsxwriter::{Format, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("分工表.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 4, "某某市重点任务分工表", &f)
        .unwrap();
    for (c, h) in ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    ws.merge_range(2, 0, 2, 4, "一、产业发展", &f).unwrap();
    ws.write_number(3, 0, 1).unwrap();
    ws.write_string(3, 1, "建设产业园区").unwrap();
    // One lead shared by two tasks: a vertical merge.
    ws.merge_range(3, 2, 4, 2, "市发展改革局", &f).unwrap();
    ws.write_string(3, 3, "市财政局").unwrap();
    ws.write_number(4, 0, 2).unwrap();
    ws.write_string(4, 1, "招引重大项目").unwrap();
    ws.write_string(4, 3, "各镇、市商务局").unwrap();
    ws.write_string(4, 4, "2025年底前").unwrap();
    wb.save(&path).unwrap();

    let doc = read_document(&path).unwrap();
    assert_eq!(doc.tables.len(), 1);
    let rows = &doc.tables[0].rows;
    assert_eq!(rows[0].cells, vec!["某某市重点任务分工表"; 5]);
    assert_eq!(rows[4].cells[2], "市发展改革局");
    assert_eq!(rows[4].line, 5, "line = spreadsheet row");
    let sections = tasks_from_table(&doc.tables[0]).unwrap();
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0].title, "一、产业发展");
    let tasks = &sections[0].tasks;
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0].number.as_deref(), Some("1"));
    assert_eq!(tasks[1].note.leads, vec!["市发展改革局"]);
    assert_eq!(tasks[1].note.partners, vec!["各镇", "市商务局"]);
    assert_eq!(tasks[1].note.deadline.as_deref(), Some("2025年底前"));
}

/// A .docx built from its XML parts, as Word writes them.
fn write_docx(path: &Path, document: &str, numbering: &str, styles: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default();
    for (name, body) in [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
        ("word/document.xml", document),
        ("word/numbering.xml", numbering),
        ("word/styles.xml", styles),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn para(num: Option<(u8, u8)>, style: Option<&str>, text: &str) -> String {
    let mut ppr = String::new();
    if let Some(s) = style {
        ppr.push_str(&format!("<w:pStyle w:val=\"{s}\"/>"));
    }
    if let Some((id, lvl)) = num {
        ppr.push_str(&format!(
            "<w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
        ));
    }
    format!("<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn cell(text: &str, extra: &str) -> String {
    format!("<w:tc><w:tcPr>{extra}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

#[test]
fn docx_paragraphs_list_numbering_and_tables() {
    let numbering = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering {W}>\
         <w:abstractNum w:abstractNumId=\"0\">\
         <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
         <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
         <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>\
         </w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl>\
         <w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"o\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
         <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
         </w:numbering>"
    );
    let styles = format!(
        "<?xml version=\"1.0\"?><w:styles {W}>\
         <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:basedOn w:val=\"Heading1\"/></w:style>\
         </w:styles>"
    );
    let table = format!(
        "<w:tbl><w:tr>{}{}{}{}</w:tr><w:tr>{}</w:tr><w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr></w:tbl>",
        cell("序号", ""),
        cell("重点任务", ""),
        cell("牵头单位", ""),
        cell("配合单位", ""),
        cell("一、产业发展", "<w:gridSpan w:val=\"4\"/>"),
        cell("1", ""),
        cell("建设园区", ""),
        cell("市发展改革局", "<w:vMerge w:val=\"restart\"/>"),
        cell("市财政局", ""),
        cell("2", ""),
        cell("招引项目", ""),
        cell("", "<w:vMerge/>"),
        cell("各镇", ""),
    );
    let body = [
        para(None, Some("Heading1"), "总体要求"),
        para(Some((1, 1)), None, "加快交通建设"),
        para(Some((1, 2)), None, "完善路网。（市交通运输局牵头，市财政局配合）"),
        para(Some((1, 2)), None, "建设港口。"),
        para(Some((1, 1)), None, "推进乡村振兴"),
        para(Some((1, 2)), None, "整治人居环境。"),
        para(Some((2, 0)), None, "要点"),
        para(Some((2, 1)), None, "要点之下"),
        para(None, Some("MyHeading"), "保障措施"),
        "<w:p><w:r><w:t>市发展</w:t></w:r><w:r><w:t xml:space=\"preserve\">和改革局 &amp; 测试&#x4E00;</w:t></w:r></w:p>"
            .to_string(),
        table,
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W}><w:body>{body}</w:body></w:document>"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("方案.docx");
    write_docx(&path, &document, &numbering, &styles);

    let doc = read_document(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.encoding, "docx");
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(
        &lines[..10],
        &[
            "一、总体要求",
            "（一）加快交通建设",
            "1.完善路网。（市交通运输局牵头，市财政局配合）",
            "2.建设港口。",
            "（二）推进乡村振兴",
            "1.整治人居环境。",
            // Bullets carry the mark of their level (a nested list nests).
            "• 要点",
            "◦ 要点之下",
            "二、保障措施",
            "市发展和改革局 & 测试一",
        ]
    );
    assert_eq!(doc.tables.len(), 1);
    let rows = &doc.tables[0].rows;
    assert_eq!(rows[1].cells, vec!["一、产业发展"; 4]);
    assert_eq!(rows[3].cells, vec!["2", "招引项目", "市发展改革局", "各镇"]);
    assert_eq!(
        lines[rows[3].line as usize - 1],
        "| 2 | 招引项目 | 市发展改革局 | 各镇 |"
    );
    let sections = tasks_from_table(&doc.tables[0]).unwrap();
    assert_eq!(sections[0].tasks[1].note.leads, vec!["市发展改革局"]);
    // The paragraphs and the table meet in one outline.
    let data = extract_paths(std::slice::from_ref(&path)).unwrap();
    let titles: Vec<&str> = data.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "完善路网",
            "建设港口",
            "整治人居环境",
            "建设园区",
            "招引项目"
        ]
    );
    let last = data.tasks.last().unwrap();
    assert_eq!(last.leads[0].written, "市发展改革局");
    assert_eq!(last.source.line, rows[3].line);
}

#[test]
fn docx_text_box_inside_a_paragraph_keeps_both_texts() {
    let document = format!(
        "<w:document {W}><w:body><w:p><w:r><w:t>外段落前</w:t></w:r><w:r><w:pict><w:txbxContent>\
         <w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>\
         <w:r><w:t>外段落后</w:t></w:r></w:p></w:body></w:document>"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("box.docx");
    write_docx(&path, &document, "<w:numbering/>", "<w:styles/>");
    let doc = read_document(&path).unwrap();
    assert_eq!(doc.text, "文本框\n外段落前外段落后");
}

#[test]
fn unreadable_inputs_get_one_line_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let p = d.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let cases: Vec<(PathBuf, &str)> = vec![
        (d.join("missing.txt"), "no such file or folder"),
        (d.to_path_buf(), "is a folder"),
        (write("empty.txt", b""), "the file is empty"),
        (write("blank.md", b" \r\n\t\n"), "the file is empty"),
        (
            write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            "binary data at byte 8",
        ),
        // Cut short inside the last character: UTF-8 (no BOM, and with one)
        // and GB18030 — not called binary, and the place is the cut.
        (
            write("cut.txt", &"一、任务\n1. 推进".as_bytes()[..20]),
            "ends inside a character (at byte 19 of 20)",
        ),
        (
            write(
                "cut_bom.txt",
                &[b"\xef\xbb\xbf".as_slice(), &"牵头".as_bytes()[..5]].concat(),
            ),
            "ends inside a character (at byte 6 of 8)",
        ),
        (
            write("cut_gbk.txt", &{
                let (gbk, _, _) = encoding_rs::GB18030
                    .encode("一、加快推进项目建设（市发展改革委牵头）\n二、优化营商环境");
                gbk[..gbk.len() - 1].to_vec()
            }),
            "the file looks cut short",
        ),
        // .doc/.wps/.xls go through LibreOffice: tests/read_legacy.rs.
        (write("plan.pdf", b"%PDF-1.4"), "not a valid PDF file"),
        (
            write("renamed.txt", b"%PDF-1.4\n%\xe2\xe3"),
            "not a valid PDF file",
        ),
        (
            write("broken.docx", b"PK\x03\x04 not really a zip"),
            "not a valid .docx file",
        ),
        (
            write("broken.xlsx", b"not a spreadsheet"),
            "not a valid .xlsx file",
        ),
    ];
    for (path, expected) in cases {
        let err = read_document(&path).expect_err(&path.display().to_string());
        let message = err.to_string();
        assert!(message.contains(expected), "{message}");
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(!message.contains('\n'), "{message}");
    }
}

#[test]
fn a_ten_megabyte_single_line_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let unit = "加快推进重点项目建设（市发展和改革局牵头，各镇配合），";
    let line = unit.repeat(10_000_000 / unit.len() + 1);
    std::fs::write(&path, &line).unwrap();
    let doc = read_document(&path).unwrap();
    assert_eq!(doc.text.len(), line.len());
    assert!(doc.tables.is_empty());
    // The note parser copes with it too.
    let m = fengong::extract::notes::find_note(&doc.text).unwrap();
    assert_eq!(m.note.leads, vec!["市发展和改革局"]);
}

/// A task's title, leads, partners and deadline.
type Duty<'a> = (&'a str, Vec<&'a str>, Vec<&'a str>, Option<&'a str>);

/// A web page saved as .html: scripts, styles and the head skipped, block
/// elements ending lines (the navigation bar and the 信息公开 index lines
/// above the title are front matter, not the title), its table read with `rowspan`/`colspan` and
/// `<br>` inside cells; a 责任单位 column set against a 协同单位 column
/// leads in every row, a 合计 row is no task, and the `见下表` sentence and
/// the lone sentence under 保障措施 are no tasks either.
#[test]
fn a_saved_web_page_with_a_merged_cell_table() {
    let doc = read_document(&fixture("read_web_page.html")).unwrap();
    assert!(!doc.text.contains("var nav") && !doc.text.contains("border"));
    assert!(
        doc.text
            .starts_with("网站首页信息公开办事服务政民互动\n信息索引：QL-0012-2026-000031\n"),
        "{}",
        doc.text
    );
    let table = &doc.tables[0];
    assert_eq!(
        table.rows[2].cells[1], "设施建设",
        "a rowspan cell fills the row below"
    );
    assert_eq!(table.rows[1].cells[4], "县住建局\n县财政局");
    let data = extract_paths(&[fixture("read_web_page.html")]).unwrap();
    assert_eq!(data.documents[0].title, "青岚县养老服务提升行动方案");
    let tasks: Vec<Duty> = data
        .tasks
        .iter()
        .map(|t| {
            (
                t.title.as_str(),
                t.leads.iter().map(|u| u.written.as_str()).collect(),
                t.partners.iter().map(|u| u.written.as_str()).collect(),
                t.deadline.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        tasks,
        vec![
            (
                "建设乡镇综合养老服务中心 6个",
                vec!["县民政局"],
                vec!["县住建局", "县财政局"],
                Some("2026年12月")
            ),
            (
                "改造村级互助养老点",
                vec!["县民政局"],
                vec![],
                Some("2026年10月")
            ),
            (
                "发展老年助餐&送餐服务",
                vec!["县商务局"],
                vec!["县市场监管局"],
                Some("长期")
            ),
        ]
    );
}

/// A raw HTML table inside Markdown (as a web table pasted into a .md):
/// read as a table at the lines of its rows, the text around it kept.
#[test]
fn an_html_table_inside_markdown() {
    let text = "# 某区方案\n\n## 一、重点任务\n\n<table>\n<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>参与单位</th></tr>\n<tr><td>1</td><td>建设智慧平台</td><td>区大数据中心</td><td>区民政局<br/>区财政局</td></tr>\n</table>\n\n## 二、保障措施\n";
    let d = crate::common::extract::extract_text("plan.md", text);
    let t = &d.tasks[0];
    assert_eq!(d.tasks.len(), 1);
    assert_eq!((t.title.as_str(), t.source.line), ("建设智慧平台", 7));
    let partners: Vec<&str> = t.partners.iter().map(|u| u.written.as_str()).collect();
    assert_eq!(partners, ["区民政局", "区财政局"]);
}
