//! The responsibility matrix: units × plans, or units × goals within a plan,
//! with how many tasks each unit leads and partners in each, and totals.
//!
//! A task counts for a unit as **lead** when the unit is among its lead or
//! responsible units (责任单位, where no lead can be told), as **partner**
//! when among its partners and not a lead; once per task, however often the
//! note names it. Units are counted as the plans name them: a group
//! (`北部7镇`) is its own row, so a cell says what the plan assigned to that
//! name. Units that neither lead nor partner anything are left out.

use crate::query::{Catalog, GoalPos, TaskPos, UnitPos};

/// What the columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// One column per document.
    Doc,
    /// One column per goal of the document at this position.
    Goal(usize),
}

/// Lead and partner counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub lead: u32,
    pub partner: u32,
}

impl Count {
    pub fn total(self) -> u32 {
        self.lead + self.partner
    }

    fn add(&mut self, other: Count) {
        self.lead += other.lead;
        self.partner += other.partner;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// A short label: the document id's prefix (`000`) or the goal's number.
    pub label: String,
    /// The document or goal title.
    pub title: String,
    /// Position of the document or goal in the task data.
    pub position: usize,
    pub total: Count,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    /// Position of the unit in the task data.
    pub unit: usize,
    pub name: String,
    pub cells: Vec<Count>,
    pub total: Count,
}

/// How rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most tasks first (who carries the most).
    #[default]
    Total,
    /// Most led first.
    Lead,
    /// Most partnered first.
    Partner,
    /// Fewest led first, then most partnered (who leads nothing).
    LeastLead,
    /// By name.
    Name,
    /// By one column's total, most first.
    Column(usize),
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "total" => Sort::Total,
            "lead" => Sort::Lead,
            "partner" => Sort::Partner,
            "least-lead" | "leads-nothing" => Sort::LeastLead,
            "name" => Sort::Name,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    pub by: By,
    pub columns: Vec<Column>,
    pub rows: Vec<MatrixRow>,
    pub total: Count,
}

impl Matrix {
    /// Counts every task of the catalog.
    pub fn build(c: &Catalog, by: By) -> Matrix {
        let columns: Vec<Column> = match by {
            By::Doc => c
                .documents()
                .iter()
                .enumerate()
                .map(|(i, d)| Column {
                    label: short_doc_label(c, i),
                    title: d.title.clone(),
                    position: i,
                    total: Count::default(),
                })
                .collect(),
            By::Goal(doc) => (0..c.goals().len())
                .filter(|&g| c.goal_doc(GoalPos::new(g)).index() == doc)
                .enumerate()
                .map(|(n, g)| {
                    let goal = &c.goals()[g];
                    Column {
                        label: goal.number.clone().unwrap_or_else(|| format!("g{}", n + 1)),
                        title: goal.title.clone(),
                        position: g,
                        total: Count::default(),
                    }
                })
                .collect(),
        };
        let column_of = |task: TaskPos| -> Option<usize> {
            let key = match by {
                By::Doc => c.task_doc(task).index(),
                By::Goal(_) => c.task_goal(task).index(),
            };
            columns.iter().position(|col| col.position == key)
        };
        let mut cells = vec![vec![Count::default(); columns.len()]; c.units().len()];
        for t in c.task_positions() {
            let Some(col) = column_of(t) else { continue };
            let mut leads: Vec<UnitPos> =
                c.leads(t).iter().chain(c.responsible(t)).copied().collect();
            leads.sort_unstable();
            leads.dedup();
            let mut partners: Vec<UnitPos> = c
                .partners(t)
                .iter()
                .copied()
                .filter(|u| !leads.contains(u))
                .collect();
            partners.sort_unstable();
            partners.dedup();
            for u in leads {
                cells[u.index()][col].lead += 1;
            }
            for u in partners {
                cells[u.index()][col].partner += 1;
            }
        }
        let mut columns = columns;
        let mut total = Count::default();
        let mut rows = Vec::new();
        for (u, unit_cells) in cells.into_iter().enumerate() {
            let mut row_total = Count::default();
            for (col, &cell) in unit_cells.iter().enumerate() {
                row_total.add(cell);
                columns[col].total.add(cell);
            }
            if row_total.total() == 0 {
                continue;
            }
            total.add(row_total);
            rows.push(MatrixRow {
                unit: u,
                name: c.units()[u].name.clone(),
                cells: unit_cells,
                total: row_total,
            });
        }
        let mut m = Matrix {
            by,
            columns,
            rows,
            total,
        };
        m.sort(Sort::Total);
        m
    }

    pub fn sort(&mut self, sort: Sort) {
        let name = |r: &MatrixRow| r.name.clone();
        match sort {
            Sort::Total => self.rows.sort_by(|a, b| {
                b.total
                    .total()
                    .cmp(&a.total.total())
                    .then(b.total.lead.cmp(&a.total.lead))
                    .then_with(|| name(a).cmp(&name(b)))
            }),
            Sort::Lead => self.rows.sort_by(|a, b| {
                b.total
                    .lead
                    .cmp(&a.total.lead)
                    .then(b.total.total().cmp(&a.total.total()))
                    .then_with(|| name(a).cmp(&name(b)))
            }),
            Sort::Partner => self.rows.sort_by(|a, b| {
                b.total
                    .partner
                    .cmp(&a.total.partner)
                    .then_with(|| name(a).cmp(&name(b)))
            }),
            Sort::LeastLead => self.rows.sort_by(|a, b| {
                a.total
                    .lead
                    .cmp(&b.total.lead)
                    .then(b.total.partner.cmp(&a.total.partner))
                    .then_with(|| name(a).cmp(&name(b)))
            }),
            Sort::Name => self.rows.sort_by_key(name),
            Sort::Column(col) => self.rows.sort_by(|a, b| {
                let get = |r: &MatrixRow| r.cells.get(col).map_or(0, |c| c.total());
                get(b).cmp(&get(a)).then_with(|| name(a).cmp(&name(b)))
            }),
        }
    }

    /// The tasks behind a cell (positions, in document order): what the
    /// explorer shows on Enter.
    pub fn tasks(&self, c: &Catalog, row: usize, col: usize) -> Vec<TaskPos> {
        let (Some(r), Some(column)) = (self.rows.get(row), self.columns.get(col)) else {
            return Vec::new();
        };
        let u = UnitPos::new(r.unit);
        c.task_positions()
            .filter(|&t| {
                let key = match self.by {
                    By::Doc => c.task_doc(t).index(),
                    By::Goal(_) => c.task_goal(t).index(),
                };
                key == column.position
                    && (c.leads(t).contains(&u)
                        || c.responsible(t).contains(&u)
                        || c.partners(t).contains(&u))
            })
            .collect()
    }
}

/// The document id up to its first `_` (`000` of `000_f13e…`) when that is
/// unique among the documents, else the whole id.
fn short_doc_label(c: &Catalog, doc: usize) -> String {
    let id = c.documents()[doc].id.as_str();
    let short = id.split('_').next().unwrap_or(id);
    let unique = c
        .documents()
        .iter()
        .filter(|d| d.id.as_str().split('_').next() == Some(short))
        .count()
        == 1;
    if unique { short } else { id }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskData;

    fn catalog() -> Catalog {
        Catalog::new(TaskData::from_json(include_str!("../tests/fixtures/small.json")).unwrap())
    }

    #[test]
    fn a_unit_named_twice_counts_once_and_lead_wins() {
        let c = catalog();
        let m = Matrix::build(&c, By::Doc);
        assert_eq!(
            m.total.total(),
            m.rows.iter().map(|r| r.total.total()).sum::<u32>()
        );
        assert_eq!(
            m.total.total(),
            m.columns.iter().map(|c| c.total.total()).sum::<u32>()
        );
        assert!(
            m.rows
                .windows(2)
                .all(|w| w[0].total.total() >= w[1].total.total())
        );
        let fgj = m
            .rows
            .iter()
            .position(|r| r.name == "台山市发展和改革局")
            .unwrap();
        // small.json: 发改局 partners t1 and t2 and leads t7, all in 000.
        assert_eq!(
            m.rows[fgj].cells[0],
            Count {
                lead: 1,
                partner: 2
            }
        );
        assert_eq!(m.tasks(&c, fgj, 0), [0, 1, 6].map(TaskPos::new).to_vec());
    }
}
