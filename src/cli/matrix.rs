//! `fengong matrix`: the responsibility matrix — units × plans, or units ×
//! goals of one plan — as a text table, CSV, or an XLSX pivot sheet.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use fengong::export::xlsx::{self, Row, Table, XCell};
use fengong::matrix::{By, Count, Matrix, Sort};
use fengong::query::Catalog;
use fengong::text::{truncate_to_width, width};

#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// Columns: one per document, or one per goal of --doc.
    #[arg(long, value_enum, default_value_t = ByArg::Doc)]
    pub by: ByArg,
    /// The document (id, id prefix or part of the title): for --by goal, and
    /// to keep only its column with --by doc.
    #[arg(long, value_name = "D")]
    pub doc: Option<String>,
    /// Row order: total, lead, partner, least-lead (who leads nothing), name.
    #[arg(long, value_name = "ORDER", value_parser = parse_sort, default_value = "total")]
    pub sort: Sort,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Output file (default: standard output; required for xlsx).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Doc,
    Goal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    /// With a UTF-8 byte-order mark, so spreadsheet programs read the Chinese.
    Csv,
    /// A pivot sheet with a heat map (needs -o FILE.xlsx).
    Xlsx,
}

fn parse_sort(s: &str) -> Result<Sort, String> {
    Sort::parse(s)
        .ok_or_else(|| format!("unknown order \"{s}\" (total, lead, partner, least-lead, name)"))
}

pub fn run(data: Option<PathBuf>, a: MatrixArgs) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::new(super::load_data(data)?);
    let doc = match &a.doc {
        Some(d) => match catalog.resolve_docs(d).as_slice() {
            [one] => Some(*one),
            [] => anyhow::bail!("no document matches \"{d}\""),
            many => anyhow::bail!(
                "\"{d}\" matches {} documents; give more of its id",
                many.len()
            ),
        },
        None => None,
    };
    let by = match (a.by, doc) {
        (ByArg::Doc, _) => By::Doc,
        (ByArg::Goal, Some(d)) => By::Goal(d.index()),
        (ByArg::Goal, None) if catalog.data().documents.len() == 1 => By::Goal(0),
        (ByArg::Goal, None) => {
            anyhow::bail!("--by goal needs --doc D (the plan whose goals are the columns)")
        }
    };
    let mut m = Matrix::build(&catalog, by);
    if let (By::Doc, Some(d)) = (by, doc) {
        keep_column(&mut m, d.index());
    }
    m.sort(a.sort);
    let title = match by {
        By::Doc => "责任矩阵（单位 × 文档）".to_owned(),
        By::Goal(d) => format!(
            "责任矩阵（单位 × 目标） · {}",
            catalog.data().documents[d].title
        ),
    };
    match a.format {
        Format::Xlsx => {
            let Some(path) = a.output else {
                anyhow::bail!("xlsx needs an output file (-o FILE.xlsx)");
            };
            let caption = format!("{title} · 截至 {}", fengong::deadline::today());
            let bytes = xlsx::tables_bytes(&path, &[pivot_table(&m, &caption)])?;
            super::tracking::write_output(&path, a.force, &bytes)?;
            super::note(format_args!(
                "{}: {} units × {} columns (XLSX)",
                fengong::sanitise::path(&path),
                m.rows.len(),
                m.columns.len()
            ));
        }
        Format::Csv | Format::Text => {
            let mut buf = Vec::new();
            if a.format == Format::Csv {
                write_csv(&mut buf, &m)?;
            } else {
                write_text(&mut buf, &m, &title)?;
            }
            match a.output {
                Some(path) => super::tracking::write_output(&path, a.force, &buf)?,
                None => {
                    let mut out = super::stdout();
                    out.write_all(&buf)?;
                    out.flush()?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Keeps one document's column (and the units that have tasks there).
fn keep_column(m: &mut Matrix, doc: usize) {
    let Some(col) = m.columns.iter().position(|c| c.position == doc) else {
        return;
    };
    m.columns = vec![m.columns[col].clone()];
    m.total = m.columns[0].total;
    for r in &mut m.rows {
        r.cells = vec![r.cells[col]];
        r.total = r.cells[0];
    }
    m.rows.retain(|r| r.total.total() > 0);
}

fn cell_text(c: Count) -> String {
    if c.total() == 0 {
        "·".to_owned()
    } else {
        format!("{}/{}", c.lead, c.partner)
    }
}

fn write_text(out: &mut dyn Write, m: &Matrix, title: &str) -> std::io::Result<()> {
    let name_width = m
        .rows
        .iter()
        .map(|r| width(&r.name))
        .max()
        .unwrap_or(4)
        .clamp(4, 30);
    let col_width = |i: usize| {
        let label = width(&m.columns[i].label);
        let cells = m
            .rows
            .iter()
            .map(|r| cell_text(r.cells[i]).len())
            .max()
            .unwrap_or(1);
        label.max(cells).max(cell_text(m.columns[i].total).len())
    };
    let widths: Vec<usize> = (0..m.columns.len()).map(col_width).collect();
    let pad_left = |s: &str, w: usize| format!("{}{s}", " ".repeat(w.saturating_sub(width(s))));
    let pad_right = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(width(s))));
    writeln!(out, "{title}：每格 牵头/配合 任务数\n")?;
    let mut header = pad_right("单位", name_width);
    for (i, col) in m.columns.iter().enumerate() {
        header.push_str("  ");
        header.push_str(&pad_left(&col.label, widths[i]));
    }
    header.push_str("      合计");
    writeln!(out, "{header}")?;
    for r in &m.rows {
        let name = truncate_to_width(&r.name, name_width);
        let mut line = pad_right(name, name_width);
        for (i, c) in r.cells.iter().enumerate() {
            line.push_str("  ");
            line.push_str(&pad_left(&cell_text(*c), widths[i]));
        }
        line.push_str(&format!("  {:>8}", cell_text(r.total)));
        writeln!(out, "{line}")?;
    }
    let mut totals = pad_right("合计", name_width);
    for (i, col) in m.columns.iter().enumerate() {
        totals.push_str("  ");
        totals.push_str(&pad_left(&cell_text(col.total), widths[i]));
    }
    totals.push_str(&format!("  {:>8}", cell_text(m.total)));
    writeln!(out, "{totals}\n")?;
    for col in &m.columns {
        writeln!(out, "{}  {}", col.label, col.title)?;
    }
    Ok(())
}

fn write_csv(out: &mut dyn Write, m: &Matrix) -> anyhow::Result<()> {
    let mut w = fengong::export::CsvOut::new(out)?;
    let mut header = vec!["单位".to_owned()];
    for col in &m.columns {
        header.push(format!("{} 牵头", col.title));
        header.push(format!("{} 配合", col.title));
    }
    header.extend(["合计 牵头", "合计 配合", "合计"].map(String::from));
    w.row(&header)?;
    let counts = |cells: &[Count], total: Count| -> Vec<String> {
        cells
            .iter()
            .flat_map(|c| [c.lead.to_string(), c.partner.to_string()])
            .chain([
                total.lead.to_string(),
                total.partner.to_string(),
                total.total().to_string(),
            ])
            .collect()
    };
    for r in &m.rows {
        let mut rec = vec![r.name.clone()];
        rec.extend(counts(&r.cells, r.total));
        w.row(&rec)?;
    }
    let col_totals: Vec<Count> = m.columns.iter().map(|c| c.total).collect();
    let mut rec = vec!["合计".to_owned()];
    rec.extend(counts(&col_totals, m.total));
    w.row(&rec)?;
    w.finish()?;
    Ok(())
}

/// The pivot sheet: a group header per column (牵头, 配合 under it), totals
/// row and columns, the counts shaded as a heat map.
fn pivot_table(m: &Matrix, caption: &str) -> Table {
    let mut groups = vec![(String::new(), 1)];
    let mut headers = vec!["单位".to_owned()];
    for col in &m.columns {
        groups.push((format!("{} {}", col.label, col.title), 2));
        headers.extend(["牵头", "配合"].map(String::from));
    }
    groups.push(("合计".into(), 3));
    headers.extend(["牵头", "配合", "合计"].map(String::from));
    let number = |n: u32| {
        if n == 0 {
            XCell::Blank
        } else {
            XCell::Number(f64::from(n))
        }
    };
    let counts = |cells: &[Count], total: Count| -> Vec<XCell> {
        cells
            .iter()
            .flat_map(|c| [number(c.lead), number(c.partner)])
            .chain([
                number(total.lead),
                number(total.partner),
                number(total.total()),
            ])
            .collect()
    };
    let mut rows: Vec<Row> = m
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![XCell::text(&r.name)];
            cells.extend(counts(&r.cells, r.total));
            Row::Cells(cells)
        })
        .collect();
    let col_totals: Vec<Count> = m.columns.iter().map(|c| c.total).collect();
    let mut totals = vec![XCell::text("合计")];
    totals.extend(counts(&col_totals, m.total));
    rows.push(Row::Total(totals));
    let last_count = m.columns.len() * 2;
    Table {
        sheet: "责任矩阵".into(),
        title: caption.to_owned(),
        groups,
        headers,
        rows,
        heat: (last_count > 0).then_some((1, last_count)),
        ..Default::default()
    }
}
