//! Task tables drawn with box characters in plain text, read as tables:
//! what legal-database pages, a copy from Word or WPS and many web pages
//! make of a 分工表.
//!
//! ```text
//! ┌────────┬────┬─────┐      +----------+------+
//! │工作任务│牵头│完成时限│      | 序号 | 任务 | 牵头 |
//! ├────────┼────┼─────┤      +------+------+------+
//! ```
//!
//! - **Borders.** The light, heavy and double forms (`─ │ ┌ ┼`, `━ ┃ ╋`,
//!   `═ ║ ╬`) and the ASCII form (`+---+`, `|`). A block of consecutive
//!   lines opening with a border char is a box; its column edges are the
//!   places where border chars stand on many of its lines, measured in
//!   display columns — with box chars (and other East Asian ambiguous chars)
//!   one column wide or two, whichever makes the edges line up: a CJK font
//!   draws `─` two columns wide, a Western one one.
//! - **Cells.** The text between two edges is a column's (or, between edges
//!   further apart, a cell merged across: it goes into every column it
//!   covers, as a .docx reader expands `gridSpan`). A cell's lines are
//!   joined: a line filled to its column's width is a wrap, joined with no
//!   space (Chinese breaks anywhere, inside a unit name or a number); a
//!   line ending short, or a next line opening with an item mark (`△`),
//!   is a real line break, kept as one — in a unit cell it separates units
//!   as the .docx cell's paragraphs do.
//! - **Rows.** A rule line (`├──┼──┤`, `+---+`) ends the cells of the
//!   columns it crosses. A column it leaves open (blank, or holding the
//!   merged cell's text: `│发展├───┤`) goes on: its cell is merged down over
//!   the rows until a rule crosses it, and every row it spans gets its text
//!   (as `vMerge` is expanded), so a merged category cell is the category
//!   of each of its rows and merged unit cells are every row's units. A
//!   table with no rule between its rows starts a row at each new 序号 (or
//!   first-column) cell.
//!
//! A box that is no task table (one column — a 专栏 frame —, no header of
//! task-table labels, lines that make no columns) is left as text.

use unicode_width::UnicodeWidthChar;

use super::furniture::{Line, Piece};
use super::phrases::ITEM_MARKS;
use super::table::tasks_from_table;
use super::{Table, TableRow};

/// How wide a char is drawn: East Asian ambiguous chars (box chars among
/// them) one column wide, or two as a CJK font draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Narrow,
    Wide,
}

impl Measure {
    fn width(self, c: char) -> usize {
        if c == '\t' {
            return 1;
        }
        match self {
            Measure::Narrow => c.width(),
            Measure::Wide => c.width_cjk(),
        }
        .unwrap_or(0)
    }
}

/// A rule's horizontal stroke: light, heavy, double, dashed, ASCII.
fn is_stroke(c: char) -> bool {
    matches!(
        c,
        '─' | '━'
            | '═'
            | '┄'
            | '┅'
            | '┈'
            | '┉'
            | '╌'
            | '╍'
            | '╴'
            | '╶'
            | '╸'
            | '╺'
            | '╼'
            | '╾'
            | '-'
            | '='
    )
}

fn is_box_char(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// Whether the char at `i` of `chars` draws a column edge: a vertical or a
/// junction (`│ ┃ ║ ├ ┼ ╬ ┐`…), an ASCII `|`, or a `+` joining `-` or `=`
/// (a `+` inside text, `5G+工业`, is none).
fn is_edge(chars: &[char], i: usize) -> bool {
    let Some(&c) = chars.get(i) else {
        return false;
    };
    if c == '|' || (is_box_char(c) && !is_stroke(c)) {
        return true;
    }
    let ascii_stroke = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(|&n| n == '-' || n == '=')
    };
    c == '+' && (ascii_stroke(i.checked_sub(1)) || ascii_stroke(Some(i + 1)))
}

fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

/// Whether a line belongs to a box: its first char (after indentation)
/// draws an edge.
fn is_box_line(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .position(|c| !is_blank(*c))
        .is_some_and(|i| is_edge(&chars, i))
}

/// One line of a box, its chars placed on a measure.
struct Placed {
    chars: Vec<char>,
    /// Start column of each char.
    x: Vec<usize>,
    /// Width of each char.
    w: Vec<usize>,
    /// Indices of the chars that draw edges.
    edges: Vec<usize>,
    line: u32,
}

impl Placed {
    fn new(l: &Line, m: Measure) -> Placed {
        let chars: Vec<char> = l.text.chars().collect();
        let mut x = Vec::with_capacity(chars.len());
        let mut w = Vec::with_capacity(chars.len());
        let mut at = 0;
        for &c in &chars {
            x.push(at);
            let cw = m.width(c);
            w.push(cw);
            at += cw;
        }
        let edges = (0..chars.len()).filter(|&i| is_edge(&chars, i)).collect();
        Placed {
            chars,
            x,
            w,
            edges,
            line: l.first_line(),
        }
    }
}

/// The column edges of a box's lines: positions where an edge char stands
/// on enough lines (a stray `│` in one line makes no column), close ones
/// (one column apart, a slip of a copy) taken as one.
fn column_edges(lines: &[Placed]) -> Vec<usize> {
    let mut count: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for l in lines {
        for &i in &l.edges {
            *count.entry(l.x[i]).or_default() += 1;
        }
    }
    // Section and title rows merged across draw only the outer edges; the
    // rule lines and the rows draw them all.
    let support = (lines.len() * 3).div_ceil(10).max(2);
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (x, n) in count.into_iter().filter(|&(_, n)| n >= support) {
        match edges.last_mut() {
            Some(last) if x <= last.0 + 1 => {
                if n > last.1 {
                    *last = (x, n);
                }
            }
            _ => edges.push((x, n)),
        }
    }
    edges.into_iter().map(|(x, _)| x).collect()
}

/// How far the edges of `lines` on measure `m` spread: the number of
/// distinct positions edge chars stand at (fewer when the measure is right).
fn spread(lines: &[Line], m: Measure) -> usize {
    let mut at: Vec<usize> = lines
        .iter()
        .map(|l| Placed::new(l, m))
        .flat_map(|p| p.edges.iter().map(|&i| p.x[i]).collect::<Vec<_>>())
        .collect();
    at.sort_unstable();
    at.dedup();
    at.len()
}

/// One line of text in a cell, with where it stands in its segment.
#[derive(Debug, Clone)]
struct CellLine {
    text: String,
    /// Blank columns before the text.
    lead: usize,
    /// Where the text ends, from the segment's start.
    end: usize,
    /// The segment's width (between its edges).
    room: usize,
    /// Width of the text's first char.
    first_width: usize,
    line: u32,
}

/// A cell: its column's text between two rules, over the bands it spans.
#[derive(Debug, Clone)]
struct Cell {
    lines: Vec<CellLine>,
    first_band: usize,
    last_band: usize,
}

/// What one segment of a line (between two of its edges) is.
enum Segment {
    /// A rule's stroke: the cells of the columns it crosses end.
    Rule,
    /// Text (maybe blank) of the columns it covers.
    Text(Option<CellLine>),
}

/// The segments of a line: the columns each covers (first, last) and what
/// it is. Its edge chars go to the column edges by order when there are as
/// many (a stray wide char shifts positions, not the order), else by
/// position; chars after the last edge (a ragged line with its closing
/// `│` lost) belong to the column that edge opens.
fn segments(p: &Placed, edges: &[usize]) -> Vec<(usize, usize, Segment)> {
    let mapped: Vec<(usize, usize)> = if p.edges.len() == edges.len() {
        p.edges
            .iter()
            .copied()
            .enumerate()
            .map(|(k, i)| (i, k))
            .collect()
    } else {
        p.edges
            .iter()
            .filter_map(|&i| {
                edges
                    .iter()
                    .position(|&e| e.abs_diff(p.x[i]) <= 1)
                    .map(|k| (i, k))
            })
            .collect()
    };
    let mut out = Vec::new();
    let columns = edges.len().saturating_sub(1);
    for (n, &(i, k)) in mapped.iter().enumerate() {
        let (end, last_col) = match mapped.get(n + 1) {
            Some(&(j, kj)) if kj > k => (j, kj - 1),
            Some(_) => continue,
            None if k < columns && i + 1 < p.chars.len() => (p.chars.len(), k),
            None => break,
        };
        let from = i + 1;
        let chars = &p.chars[from..end];
        if !chars.is_empty() && chars.iter().all(|&c| is_stroke(c)) {
            out.push((k, last_col, Segment::Rule));
            continue;
        }
        let start_x = p.x[i] + p.w[i];
        let room = match mapped.get(n + 1) {
            Some(&(j, _)) => p.x[j].saturating_sub(start_x),
            None => edges
                .get(last_col + 1)
                .map_or(0, |&e| e.saturating_sub(start_x)),
        };
        let first = (from..end).find(|&c| !is_blank(p.chars[c]));
        let last = (from..end).rev().find(|&c| !is_blank(p.chars[c]));
        let text = match (first, last) {
            (Some(a), Some(b)) => Some(CellLine {
                text: p.chars[a..=b].iter().collect(),
                lead: p.x[a] - start_x,
                end: p.x[b] + p.w[b] - start_x,
                room,
                first_width: p.w[a],
                line: p.line,
            }),
            _ => None,
        };
        out.push((k, last_col, Segment::Text(text)));
    }
    out
}

/// A box task table starting at `start`: the table and the index after
/// it, or None when the lines there are no box or no task table (they
/// are then read as text).
pub(super) fn box_table(pieces: &[Piece], start: usize) -> Option<(Table, usize)> {
    let line_at = |i: usize| match pieces.get(i) {
        Some(Piece::Line(l)) => Some(l),
        _ => None,
    };
    // A box is tried once, from its first line.
    if start > 0 && line_at(start - 1).is_some_and(|l| is_box_line(&l.text)) {
        return None;
    }
    let mut end = start;
    while line_at(end).is_some_and(|l| is_box_line(&l.text)) {
        end += 1;
    }
    let lines: Vec<Line> = (start..end).filter_map(|i| line_at(i).cloned()).collect();
    if lines.len() < 3 {
        return None;
    }
    // A run of `|` lines without a rule is a Markdown-like table, no box.
    let drawn = lines.iter().any(|l| {
        let chars: Vec<char> = l.text.chars().collect();
        chars.iter().any(|&c| is_box_char(c))
            || (0..chars.len()).any(|i| chars[i] == '+' && is_edge(&chars, i))
    });
    if !drawn {
        return None;
    }
    let measure = if spread(&lines, Measure::Wide) < spread(&lines, Measure::Narrow) {
        Measure::Wide
    } else {
        Measure::Narrow
    };
    let placed: Vec<Placed> = lines.iter().map(|l| Placed::new(l, measure)).collect();
    let edges = column_edges(&placed);
    // One column is a frame (a 专栏 box), no table.
    if edges.len() < 3 {
        return None;
    }
    let table = read_cells(&placed, &edges);
    tasks_from_table(&table).map(|_| (table, end))
}

/// The rows of a box whose column edges are `edges`.
fn read_cells(placed: &[Placed], edges: &[usize]) -> Table {
    let columns = edges.len() - 1;
    let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); columns];
    let open = |cells: &mut Vec<Cell>, band: usize| {
        cells.push(Cell {
            lines: Vec::new(),
            first_band: band,
            last_band: band,
        });
    };
    for column in &mut cells {
        open(column, 0);
    }
    let mut band = 0;
    // The first source line of each band's text.
    let mut band_lines: Vec<Option<u32>> = vec![None];
    for p in placed {
        let segs = segments(p, edges);
        let crossed: Vec<usize> = segs
            .iter()
            .filter(|s| matches!(s.2, Segment::Rule))
            .flat_map(|s| s.0..=s.1)
            .filter(|&k| k < columns)
            .collect();
        for (first, last, seg) in segs {
            let Segment::Text(Some(text)) = seg else {
                continue;
            };
            for column in cells.iter_mut().take(last + 1).skip(first) {
                if let Some(cell) = column.last_mut() {
                    cell.lines.push(text.clone());
                }
            }
            if band_lines[band].is_none() {
                band_lines[band] = Some(text.line);
            }
        }
        if crossed.is_empty() {
            continue;
        }
        // A rule line: the band ends; the cells it crosses end with it,
        // the others run on (merged down).
        band += 1;
        band_lines.push(None);
        for (k, column) in cells.iter_mut().enumerate() {
            if crossed.contains(&k) {
                open(column, band);
            } else if let Some(cell) = column.last_mut() {
                cell.last_band = band;
            }
        }
    }
    // Room left at a cell's right edge: as much as at its left (`| 修路 |`).
    let pads: Vec<usize> = cells
        .iter()
        .map(|column| {
            column
                .iter()
                .flat_map(|c| c.lines.iter().map(|l| l.lead))
                .min()
                .unwrap_or(0)
        })
        .collect();
    let filled_bands: Vec<usize> = (0..=band).filter(|&b| band_lines[b].is_some()).collect();
    let cells_of = |b: usize| -> Vec<Option<&Cell>> {
        cells
            .iter()
            .map(|column| {
                // A column's cells stand in band order, one after another.
                let at = column.partition_point(|c| c.last_band < b);
                column.get(at).filter(|c| c.first_band <= b)
            })
            .collect()
    };
    // The column of row numbers: 序号 in the first band, else the first.
    let key = filled_bands.first().map_or(0, |&b| {
        cells_of(b)
            .iter()
            .position(|c| {
                c.and_then(|c| c.lines.first()).is_some_and(|l| {
                    let label: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
                    label.contains("序号") || label.contains("编号") || label == "序"
                })
            })
            .unwrap_or(0)
    });
    let mut table = Table::default();
    // With no rule between the rows (all of them in one band under the
    // header, or no rule at all), each row starts at a new 序号 or
    // first-column cell; the header band of two is never cut.
    let split = |n: usize| match filled_bands.len() {
        1 => true,
        2 => n == 1,
        _ => false,
    };
    for (n, &b) in filled_bands.iter().enumerate() {
        let here = cells_of(b);
        let line = band_lines[b].unwrap_or(0);
        if !split(n) {
            let cells = here
                .iter()
                .zip(&pads)
                .map(|(c, &pad)| c.map_or_else(String::new, |c| join(&c.lines, pad)))
                .collect();
            table.rows.push(TableRow { cells, line });
            continue;
        }
        for (line, rows) in split_rows(&here, &pads, key) {
            table.rows.push(TableRow { cells: rows, line });
        }
    }
    table
}

/// The rows of one band holding several (no rule between them): a row
/// starts where the `key` column has a new cell — text after a line of it
/// that was no wrap.
fn split_rows(here: &[Option<&Cell>], pads: &[usize], key: usize) -> Vec<(u32, Vec<String>)> {
    let lines_of = |k: usize| {
        here.get(k)
            .copied()
            .flatten()
            .map_or(&[][..], |c| &c.lines[..])
    };
    let first_line = here
        .iter()
        .flatten()
        .flat_map(|c| c.lines.iter().map(|l| l.line))
        .min()
        .unwrap_or(0);
    let mut starts: Vec<u32> = Vec::new();
    let key_lines = lines_of(key);
    for (n, l) in key_lines.iter().enumerate() {
        let wrapped = n > 0 && is_wrap(&key_lines[n - 1], l, pads.get(key).copied().unwrap_or(0));
        if !wrapped {
            starts.push(l.line);
        }
    }
    if starts.first() != Some(&first_line) {
        starts.insert(0, first_line);
    }
    // Each line to the row it stands in (lines and starts both in order).
    let mut rows: Vec<Vec<Vec<CellLine>>> = vec![vec![Vec::new(); here.len()]; starts.len()];
    for k in 0..here.len() {
        for l in lines_of(k) {
            let row = starts.partition_point(|&s| s <= l.line).saturating_sub(1);
            if let Some(cell) = rows.get_mut(row).and_then(|r| r.get_mut(k)) {
                cell.push(l.clone());
            }
        }
    }
    starts
        .iter()
        .zip(rows)
        .map(|(&from, row)| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(k, lines)| join(lines, pads.get(k).copied().unwrap_or(0)))
                .collect();
            (from, cells)
        })
        .collect()
}

/// Whether the break between `a` and the next line `b` of a cell is a wrap:
/// `a` is filled so far that `b`'s first char would not have fitted, and
/// `b` opens no new item.
fn is_wrap(a: &CellLine, b: &CellLine, pad: usize) -> bool {
    !b.text.starts_with(ITEM_MARKS) && a.end + b.first_width + pad > a.room
}

/// A cell's lines as its text: wraps joined with nothing between, real
/// line breaks kept.
fn join(lines: &[CellLine], pad: usize) -> String {
    let mut text = String::new();
    for (n, l) in lines.iter().enumerate() {
        if n > 0 && !is_wrap(&lines[n - 1], l, pad) {
            text.push('\n');
        }
        text.push_str(&l.text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::source::text_blocks;
    use crate::extract::table::tasks_from_table;
    use crate::extract::undo_layout;

    fn pieces(text: &str) -> Vec<Piece> {
        undo_layout(text_blocks(text)).pieces
    }

    fn tables(text: &str) -> Vec<Table> {
        pieces(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    fn cells(t: &Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn wide_box_chars_wrapped_cells_and_a_cell_merged_down() {
        // `─` two columns wide, as a CJK font draws it.
        let text = "\
┌────┬──────┬────┐
│序号    │工作任务    │牵头单位│
├────┼──────┼────┤
│1       │修缮北门古桥│县文旅局│
├────┼──────┤、县交通│
│2       │疏浚护城河道│局      │
└────┴──────┴────┘";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        assert_eq!(
            cells(&t[0]),
            [
                vec!["序号", "工作任务", "牵头单位"],
                vec!["1", "修缮北门古桥", "县文旅局、县交通局"],
                vec!["2", "疏浚护城河道", "县文旅局、县交通局"],
            ]
        );
        assert_eq!(t[0].rows[2].line, 6);
    }

    #[test]
    fn ascii_form_with_padding_and_a_short_line_that_breaks_units() {
        let text = "\
+------+--------------+------------+
| 序号 | 重点任务     | 配合单位   |
+------+--------------+------------+
| 1    | 建设冷链物流 | 镇农服站   |
|      | 中心         | 镇供销社   |
+------+--------------+------------+
| 2    | 新建敬老院   | 民政所     |
+------+--------------+------------+";
        let t = &tables(text.replace("配合单位", "牵头单位").as_str())[0];
        assert_eq!(t.rows[1].cells[1], "建设冷链物流中心");
        assert_eq!(t.rows[1].cells[2], "镇农服站\n镇供销社");
        assert_eq!(t.rows[2].cells[2], "民政所");
    }

    #[test]
    fn rows_without_rules_start_at_each_number() {
        let text = "\
┌──┬────────┬──────┐
│序号│重点任务        │牵头单位    │
├──┼────────┼──────┤
│1   │改造老旧小区12个│县住建局    │
│    │，增设电梯      │            │
│2   │建设口袋公园    │县城管局    │
└──┴────────┴──────┘";
        let t = &tables(text)[0];
        assert_eq!(
            cells(t),
            [
                vec!["序号", "重点任务", "牵头单位"],
                vec!["1", "改造老旧小区12个，增设电梯", "县住建局"],
                vec!["2", "建设口袋公园", "县城管局"],
            ]
        );
    }

    #[test]
    fn hostile_boxes_are_text_and_never_panic() {
        for text in [
            // A lone corner.
            "┌",
            "┌──────┐",
            // One column: a frame.
            "┌──────┐\n│专栏一│\n│序号 任务 牵头单位│\n└──────┘",
            // Ragged lines, closing edges lost, a wide char splitting one.
            "┌──┬──┬──┐\n│序号│任务│牵头单位\n├──┼──\n│1│修路甲乙丙丁│县交通局│\n│2│架│桥│\n└",
            // A stray CJK char inside the rule and between the edges.
            "┌──┬──┬──┐\n│序号│任务│牵头单位│\n├─桥┼──┼──┤\n│1│修路│县交通局│\n└──┴──┴──┘",
            "| 序号 | 任务 | 牵头单位 |\n| 1 | 修路 | 县交通局 |\n| 2 | 架桥 | 县住建局 |",
            "+\n|\n+-",
            "│\n│\n│",
        ] {
            let _ = pieces(text);
        }
        // A frame's lines stay text.
        let frame = "┌──────┐\n│专栏一│\n│序号 任务 牵头单位│\n└──────┘";
        assert!(tables(frame).is_empty());
        assert_eq!(pieces(frame).len(), 4);
        // Bars without a rule are no box.
        assert!(
            tables("| 序号 | 任务 | 牵头单位 |\n| 1 | 修路 | 县交通局 |\n| 2 | 架桥 | 县住建局 |")
                .is_empty()
        );
        // A stray wide char shifting a line's edges: they still go by order.
        let shifted = "\
┌────┬──────┬────┐
│序号    │工作任务    │牵头单位│
├────┼──────┼────┤
│1       │修缮北门古桥│县文旅局│
├────┼──────┼────┤
│2       │疏浚护城河道甲│县水利局│
└────┴──────┴────┘";
        assert_eq!(
            cells(&tables(shifted)[0])[2],
            ["2", "疏浚护城河道甲", "县水利局"]
        );
        // A stray char in the rule keeps the table readable.
        let stray = &tables(
            "┌──┬──┬────┐\n│序号│任务│牵头单位│\n├─桥┼──┼────┤\n│1 │修路│县交通局│\n└──┴──┴────┘",
        );
        if let Some(t) = stray.first() {
            assert!(tasks_from_table(t).is_some());
        }
    }
}
