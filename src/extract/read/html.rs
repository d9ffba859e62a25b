//! HTML: web pages saved as `.html`/`.htm`, and the raw `<table>`s that
//! Markdown and pasted text carry.
//!
//! Plans are published as web pages, and a table copied from one into a
//! Markdown file stays HTML. Neither needs a browser's parser: the text is
//! what lies between tags (entities decoded, `<script>`/`<style>`/`<head>`
//! skipped), block elements (`<p>`, `<div>`, `<br>`, `<li>`, `<h1>`…) end
//! lines, and a `<table>` is rows of cells with `rowspan`/`colspan`
//! repeated into the cells they cover, as every reader expands merged
//! cells. A table inside a cell is flattened into that cell's text.
//!
//! Hostile pages are bounded: spans are clamped (a cell covers at most
//! [`MAX_COLSPAN`] columns, and rows that exist), and every copied cell
//! is paid for from the same [`TextBudget`] the Office readers use.

use super::archive::TextBudget;
use super::{ReadErrorKind, SourceText, decode_text, line_no, render_rows};
use crate::extract::{Table, TableRow};

const FORMAT: &str = "HTML";

/// The most columns one cell may span (HTML's own limit is 1000).
const MAX_COLSPAN: usize = 64;

/// What one cell costs the budget beyond its text.
const ENTRY_COST: usize = 32;

/// Reads a web page: its text lines, and its tables as rows placed where
/// they stood.
pub(crate) fn read_html(bytes: &[u8]) -> Result<SourceText, ReadErrorKind> {
    let (html, encoding) = decode_text(bytes)?;
    let mut budget = TextBudget::default();
    let mut tokens = tokenize(&html);
    let mut text = String::new();
    let mut tables = Vec::new();
    let mut line = String::new();
    let flush = |text: &mut String, line: &mut String| {
        let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !l.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&l);
        }
        line.clear();
    };
    let mut skip: Option<&str> = None;
    // The page's `<title>`, kept to find where the article starts.
    let (mut page_title, mut in_title) = (String::new(), false);
    while let Some(token) = tokens.next() {
        match token.kind {
            Kind::Text(s) if skip.is_none() => line.push_str(&s),
            Kind::Text(s) if in_title && page_title.len() < 1024 => page_title.push_str(&s),
            Kind::Text(_) => {}
            Kind::Tag(tag) => {
                if skip == Some("head") && tag.name == "title" {
                    in_title = !tag.closing;
                }
                if let Some(until) = skip {
                    // (A `<head>` never closed ends where the body opens.)
                    if (tag.closing && tag.name == until) || (until == "head" && tag.name == "body")
                    {
                        skip = None;
                    }
                } else if let Some(until) = SKIPPED.iter().find(|s| !tag.closing && **s == tag.name)
                {
                    skip = Some(until);
                } else if tag.name == "table" && !tag.closing {
                    flush(&mut text, &mut line);
                    let (mut table, _) = parse_table(&mut tokens, &mut budget)?;
                    if !table.rows.is_empty() {
                        render_rows(&mut text, &mut table);
                        tables.push(table);
                    }
                } else if BLOCKS.contains(&tag.name.as_str()) {
                    flush(&mut text, &mut line);
                }
            }
        }
    }
    flush(&mut text, &mut line);
    let text = from_article_title(text, &mut tables, &page_title);
    if text.trim().is_empty() {
        return Err(ReadErrorKind::Empty);
    }
    budget.spend(text.len(), FORMAT)?;
    Ok(SourceText {
        text,
        encoding,
        tables,
    })
}

/// A government site's page is titled `article_column_site`
/// (`某区…分工方案_通知公告_某区人民政府`): the lines above the first one
/// that is the article's title are the site's menus and its 索引号 box;
/// they are blanked (so line numbers stay) and the tables among them
/// dropped. Unchanged when no line is the title or a table runs across it.
fn from_article_title(text: String, tables: &mut Vec<Table>, page_title: &str) -> String {
    let article = page_title
        .split(['_', '|', '｜'])
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<String>();
    if article.chars().count() < 6 {
        return text;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(at) = lines
        .iter()
        .position(|l| l.split_whitespace().collect::<String>() == article)
    else {
        return text;
    };
    // (Rows' lines are 1-based; the title's line is at + 1.)
    let above = |t: &Table| t.rows.iter().all(|r| (r.line as usize) <= at);
    let across = |t: &Table| !above(t) && t.rows.iter().any(|r| (r.line as usize) <= at);
    if tables.iter().any(across) {
        return text;
    }
    let mut out: Vec<&str> = vec![""; at];
    out.extend(&lines[at..]);
    let out = out.join("\n");
    tables.retain(|t| !above(t));
    out
}

/// The `<table>`s written inside text (a Markdown file, pasted text): the
/// text with the lines they stand on blank (so line numbers stay), and the
/// tables, each row at the line of its `<tr>`. Text without `<table` comes
/// back untouched.
pub(crate) fn tables_in_text(text: &str) -> Result<(String, Vec<Table>), ReadErrorKind> {
    if !contains_table(text) {
        return Ok((text.to_owned(), Vec::new()));
    }
    let mut tokens = tokenize(text);
    let mut budget = TextBudget::default();
    // Byte offsets where each line starts, to turn a `<tr>`'s offset into
    // its line.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut tables = Vec::new();
    // Byte ranges of the text the tables take.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    while let Some(token) = tokens.next() {
        let Kind::Tag(tag) = &token.kind else {
            continue;
        };
        if tag.name != "table" || tag.closing {
            continue;
        }
        let (mut table, end) = parse_table(&mut tokens, &mut budget)?;
        taken.push((token.at, end));
        for row in &mut table.rows {
            let at = row.line as usize;
            row.line = line_no(line_starts.partition_point(|&s| s <= at) - 1);
        }
        if !table.rows.is_empty() {
            tables.push(table);
        }
    }
    // Blank what the tables took, keeping the newlines.
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (s, e) in taken {
        out.push_str(&text[from..s]);
        out.extend(text[s..e].chars().filter(|&c| c == '\n'));
        from = e;
    }
    out.push_str(&text[from..]);
    Ok((out, tables))
}

/// Whether `text` holds a `<table` tag (any case).
fn contains_table(text: &str) -> bool {
    text.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"<table"))
}

/// Elements whose content is not the page's text.
const SKIPPED: &[&str] = &["script", "style", "head", "noscript", "template", "svg"];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "header",
    "footer",
    "title",
    "center",
    "form",
    "caption",
];

#[derive(Debug, PartialEq)]
struct Token {
    /// Byte range in the source.
    at: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug, PartialEq)]
enum Kind {
    /// Text between tags, entities decoded.
    Text(String),
    Tag(Tag),
}

#[derive(Debug, PartialEq)]
struct Tag {
    /// Lower-case element name.
    name: String,
    closing: bool,
    rowspan: usize,
    colspan: usize,
}

/// The page as tags and text, read lazily (a page of millions of tags is
/// never held as tokens). Comments and declarations are dropped; a `<`
/// that opens no tag is text.
struct Tokens<'a> {
    html: &'a str,
    /// Where reading goes on.
    i: usize,
    /// A tag found after text: given after that text.
    pending: Option<Token>,
}

fn tokenize(html: &str) -> Tokens<'_> {
    Tokens {
        html,
        i: 0,
        pending: None,
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(t) = self.pending.take() {
            return Some(t);
        }
        let html = self.html;
        let b = html.as_bytes();
        let mut text_from = self.i;
        let mut i = self.i;
        let text = |from: usize, to: usize| {
            (from < to).then(|| Token {
                at: from,
                end: to,
                kind: Kind::Text(decode_entities(&html[from..to])),
            })
        };
        while i < b.len() {
            if b[i] != b'<' {
                i += 1;
                continue;
            }
            let rest = &html[i..];
            // `<!-- … -->`, `<!DOCTYPE …>`, `<?xml …?>`.
            let skip_to = if rest.starts_with("<!--") {
                Some(rest.find("-->").map_or(html.len(), |k| i + k + 3))
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                Some(rest.find('>').map_or(html.len(), |k| i + k + 1))
            } else {
                None
            };
            if let Some(to) = skip_to {
                self.i = to;
                if let Some(t) = text(text_from, i) {
                    return Some(t);
                }
                (text_from, i) = (to, to);
                continue;
            }
            let closing = rest.starts_with("</");
            let name_from = i + if closing { 2 } else { 1 };
            let name_len = b[name_from.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            if name_len == 0 || !b[name_from].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let Some(close) = tag_end(b, name_from + name_len) else {
                // A tag never closed: the rest is text.
                i = b.len();
                break;
            };
            let attrs = &html[name_from + name_len..close];
            let tag = Token {
                at: i,
                end: close + 1,
                kind: Kind::Tag(Tag {
                    name: html[name_from..name_from + name_len].to_ascii_lowercase(),
                    closing,
                    rowspan: span_attr(attrs, "rowspan"),
                    colspan: span_attr(attrs, "colspan").min(MAX_COLSPAN),
                }),
            };
            self.i = close + 1;
            return match text(text_from, i) {
                Some(t) => {
                    self.pending = Some(tag);
                    Some(t)
                }
                None => Some(tag),
            };
        }
        self.i = b.len();
        text(text_from, i)
    }
}

/// Where the tag whose attributes start at `from` ends (its `>`), quotes
/// respected; None when the page ends first.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(from + k),
            _ => {}
        }
    }
    None
}

/// A `rowspan`/`colspan` value: 1 when absent or unreadable, at least 1.
fn span_attr(attrs: &str, name: &str) -> usize {
    let lower = attrs.to_ascii_lowercase();
    let Some(at) = lower.find(name) else {
        return 1;
    };
    let value = lower[at + name.len()..]
        .trim_start()
        .strip_prefix('=')
        .unwrap_or("")
        .trim_start()
        .trim_start_matches(['"', '\'']);
    let digits: String = value
        .chars()
        .take_while(char::is_ascii_digit)
        .take(6)
        .collect();
    digits.parse::<usize>().unwrap_or(1).max(1)
}

/// Text with its character references decoded (`&nbsp;` as a space).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |k| k + 1);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            code.and_then(char::from_u32)
        } else {
            named_entity(name)
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "middot" => '·',
        "hellip" => '…',
        "times" => '×',
        "deg" => '°',
        _ => return None,
    })
}

/// A cell while its table is read.
struct Cell {
    text: String,
    rowspan: usize,
    colspan: usize,
}

/// The table whose `<table>` tag `tokens` just gave: its rows with spans
/// expanded, each row's `line` set to the byte offset of its `<tr>`
/// (callers turn it into a line), and the byte offset after its
/// `</table>` (the page's end when it has none).
fn parse_table(
    tokens: &mut Tokens,
    budget: &mut TextBudget,
) -> Result<(Table, usize), ReadErrorKind> {
    let mut rows: Vec<(usize, Vec<Cell>)> = Vec::new();
    let mut cell: Option<Cell> = None;
    // Tables nested in a cell: their text goes into the cell.
    let mut depth = 0usize;
    let mut end = tokens.html.len();
    let finish_cell = |rows: &mut Vec<(usize, Vec<Cell>)>, cell: &mut Option<Cell>| {
        if let Some(c) = cell.take()
            && let Some((_, row)) = rows.last_mut()
        {
            row.push(c);
        }
    };
    for token in tokens.by_ref() {
        let tag = match token.kind {
            Kind::Text(s) => {
                if let Some(c) = &mut cell {
                    budget.spend(s.len(), FORMAT)?;
                    c.text.push_str(&s);
                }
                continue;
            }
            Kind::Tag(tag) => tag,
        };
        let name = tag.name.as_str();
        if name == "table" {
            if !tag.closing {
                depth += 1;
            } else if depth == 0 {
                end = token.end;
                break;
            } else {
                depth -= 1;
            }
        } else if depth == 0 && name == "tr" {
            finish_cell(&mut rows, &mut cell);
            if !tag.closing {
                budget.spend(ENTRY_COST, FORMAT)?;
                rows.push((token.at, Vec::new()));
            }
        } else if depth == 0 && matches!(name, "td" | "th") {
            finish_cell(&mut rows, &mut cell);
            if !tag.closing {
                if rows.is_empty() {
                    rows.push((token.at, Vec::new()));
                }
                budget.spend(ENTRY_COST, FORMAT)?;
                cell = Some(Cell {
                    text: String::new(),
                    rowspan: tag.rowspan,
                    colspan: tag.colspan,
                });
            }
        } else if let Some(c) = &mut cell
            && BLOCKS.contains(&name)
        {
            // `<br>`, `<p>` and the rows of a nested table break the
            // cell's lines.
            c.text.push('\n');
        }
    }
    finish_cell(&mut rows, &mut cell);
    Ok((expand(rows, budget)?, end))
}

/// One cell per grid column in every row: a `colspan` cell repeated across,
/// a `rowspan` cell repeated into the rows below it that exist.
fn expand(rows: Vec<(usize, Vec<Cell>)>, budget: &mut TextBudget) -> Result<Table, ReadErrorKind> {
    // Per column: the text a rowspan carries down, and for how many rows.
    let mut carried: Vec<Option<(String, usize)>> = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (at, cells) in rows {
        let mut row: Vec<String> = Vec::new();
        let mut cells = cells.into_iter();
        let mut col = 0;
        // The last column a cell from above still covers in this row.
        let last_carried = carried.iter().rposition(Option::is_some);
        loop {
            if let Some(Some((text, left))) = carried.get_mut(col) {
                budget.spend(text.len() + ENTRY_COST, FORMAT)?;
                row.push(text.clone());
                *left -= 1;
                if *left == 0 {
                    carried[col] = None;
                }
                col += 1;
                continue;
            }
            let Some(cell) = cells.next() else {
                // Carried cells past the last written one still fill in.
                if last_carried.is_some_and(|last| col < last) {
                    budget.spend(ENTRY_COST, FORMAT)?;
                    row.push(String::new());
                    col += 1;
                    continue;
                }
                break;
            };
            let text = cell_text(&cell.text);
            for _ in 0..cell.colspan {
                budget.spend(text.len() + ENTRY_COST, FORMAT)?;
                if carried.len() <= col {
                    carried.resize(col + 1, None);
                }
                if cell.rowspan > 1 {
                    carried[col] = Some((text.clone(), cell.rowspan - 1));
                }
                row.push(text.clone());
                col += 1;
            }
        }
        // Spans that ended leave no trail to scan in the rows after.
        while carried.last().is_some_and(Option::is_none) {
            carried.pop();
        }
        if row.iter().any(|c| !c.is_empty()) {
            out.push(TableRow {
                cells: row,
                line: u32::try_from(at).unwrap_or(u32::MAX),
            });
        }
    }
    Ok(Table {
        rows: out,
        name: None,
    })
}

/// A cell's text: each line's runs of spaces folded, blank lines dropped;
/// lines (from `<br>`, `<p>`) kept, as other readers keep a cell's lines.
fn cell_text(raw: &str) -> String {
    raw.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_expanded_and_breaks_keep_a_cell_s_lines() {
        let text = "见下表。\n<table>\n<tr><th>序号</th><th>板块</th><th>任务</th><th>配合单位</th></tr>\n<tr><td>1</td><td rowspan=\"2\">设施</td><td>建设中心</td><td>区残联<br>区财政局</td></tr>\n<tr><td>2</td><td>改造站点&nbsp;&amp;用房</td><td colspan='1'>区民政局</td></tr>\n</table>\n三、保障";
        let (rest, tables) = tables_in_text(text).unwrap();
        assert_eq!(
            rest.lines().collect::<Vec<_>>(),
            ["见下表。", "", "", "", "", "", "三、保障"]
        );
        let rows: Vec<(Vec<&str>, u32)> = tables[0]
            .rows
            .iter()
            .map(|r| (r.cells.iter().map(String::as_str).collect(), r.line))
            .collect();
        assert_eq!(
            rows,
            [
                (vec!["序号", "板块", "任务", "配合单位"], 3),
                (vec!["1", "设施", "建设中心", "区残联\n区财政局"], 4),
                (vec!["2", "设施", "改造站点 &用房", "区民政局"], 5),
            ]
        );
    }

    #[test]
    fn a_page_s_text_skips_scripts_and_ends_lines_at_blocks() {
        let page = "<!DOCTYPE html><html><head><title>某某</title><style>p{}</style></head><body><script>var a='<p>';</script><h1>某区实施方案</h1><p>一、总体要求</p><div>1.建设中心。<br>（牵头单位：区民政局）</div><table><tr><td>序号</td><td colspan=2>任务</td></tr></table><p>&ldquo;十五五&rdquo;</p></body></html>";
        let source = read_html(page.as_bytes()).unwrap();
        assert_eq!(
            source.text,
            "某区实施方案\n一、总体要求\n1.建设中心。\n（牵头单位：区民政局）\n| 序号 | 任务 | 任务 |\n“十五五”"
        );
        assert_eq!(source.tables[0].rows[0].line, 5);
    }

    #[test]
    fn a_head_left_open_ends_at_the_body() {
        let page = "<html><head><title>某页</title><body><p>一、总体要求</p></body>";
        assert_eq!(read_html(page.as_bytes()).unwrap().text, "一、总体要求");
    }

    #[test]
    fn hostile_spans_are_bounded() {
        // A rowspan far past the table's end fills only the rows there are;
        // a huge colspan is clamped.
        let page =
            "<table><tr><td rowspan=999999 colspan=999999>x</td></tr><tr><td>y</td></tr></table>";
        let (_, tables) = tables_in_text(page).unwrap();
        assert_eq!(tables[0].rows.len(), 2);
        assert_eq!(tables[0].rows[0].cells.len(), MAX_COLSPAN);
        assert_eq!(tables[0].rows[1].cells.len(), MAX_COLSPAN + 1);
        // Unclosed tags and stray `<` are text or nothing, never a panic.
        for bad in [
            "<table><tr><td>a",
            "<table",
            "a < b <",
            "<td rowspan=\"",
            "&#xFFFFFFFF; &#0;",
        ] {
            let _ = tables_in_text(bad);
            let _ = read_html(bad.as_bytes());
        }
    }
}
