//! The scorer: the extractor measured on a labelled corpus.
//!
//! A corpus is a folder with `gold/*.gold` files ([`gold`]), each naming a
//! document under the same folder. [`run`] extracts every document on its
//! own with [`crate::extract::extract_paths`], pairs the extracted tasks
//! and goals with the gold ones by title ([`matching`]), and counts:
//!
//! - **recall**: gold tasks found (paired one to one with a correct title)
//!   / gold tasks; **precision**: found / extracted tasks;
//! - **units**: gold tasks found whose leads, partners and responsible
//!   units are all exactly right / gold tasks;
//! - **deadlines**: found tasks whose deadline is right (both none counts)
//!   / found tasks;
//! - **goals**: gold goals found (by title) / gold goals; plus the document
//!   title, task numbers and each found task's goal, as information.
//!
//! Totals are micro (summed over all tasks) with the worst document beside
//! them. `cargo run --release --example eval` and `fengong eval` print it.

pub mod gold;
pub mod matching;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::{TaskData, UnitRef};
use gold::{GoldDoc, GoldError, GoldTask, GoldUnit};
use matching::{fold, pair, same_deadline, same_title, same_units};

/// Why the corpus could not be scored.
#[derive(Debug)]
pub enum EvalError {
    Corpus(PathBuf, std::io::Error),
    Gold(GoldError),
    NoGold(PathBuf),
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvalError::Corpus(p, e) => write!(f, "{}: {e}", p.display()),
            EvalError::Gold(e) => write!(f, "{e}"),
            EvalError::NoGold(p) => write!(f, "{}: no gold files (gold/*.gold) here", p.display()),
        }
    }
}

impl std::error::Error for EvalError {}

/// Counts for one document or a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub gold_tasks: usize,
    pub extracted_tasks: usize,
    pub found: usize,
    pub units_right: usize,
    pub deadlines_right: usize,
    pub numbers_right: usize,
    pub task_goals_right: usize,
    pub gold_goals: usize,
    pub goals_found: usize,
}

impl Counts {
    /// Adds another document's counts (a total of a chosen set).
    pub fn add(&mut self, o: &Counts) {
        self.gold_tasks += o.gold_tasks;
        self.extracted_tasks += o.extracted_tasks;
        self.found += o.found;
        self.units_right += o.units_right;
        self.deadlines_right += o.deadlines_right;
        self.numbers_right += o.numbers_right;
        self.task_goals_right += o.task_goals_right;
        self.gold_goals += o.gold_goals;
        self.goals_found += o.goals_found;
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold_tasks)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.found, self.extracted_tasks)
    }
    pub fn units(&self) -> f64 {
        ratio(self.units_right, self.gold_tasks)
    }
    pub fn deadlines(&self) -> f64 {
        ratio(self.deadlines_right, self.found)
    }
    pub fn goals(&self) -> f64 {
        ratio(self.goals_found, self.gold_goals)
    }
}

/// An empty denominator scores 1: nothing was asked, nothing was missed.
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissKind {
    /// A gold task no extracted task matches.
    Missed,
    /// An extracted task no gold task matches.
    Spurious,
    /// A found task whose leads, partners or responsible units differ.
    Units,
    /// A found task whose deadline differs.
    Deadline,
}

/// One thing the extractor got wrong, with where to look.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub kind: MissKind,
    pub doc: String,
    /// Line in the document (the gold task's, located in the text, or the
    /// extracted task's source line); `None` where it cannot be told.
    pub line: Option<u32>,
    pub title: String,
    pub want: String,
    pub got: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocScore {
    pub doc: String,
    pub document: String,
    pub conventions: Vec<String>,
    pub counts: Counts,
    pub title_right: bool,
    pub extracted_title: String,
    pub warnings: Vec<String>,
    pub misses: Vec<Miss>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub corpus: String,
    pub documents: Vec<DocScore>,
    pub total: Counts,
    pub titles_right: usize,
}

/// Extracts and scores every gold-labelled document of `corpus` whose stem
/// starts with one of `only` (all when `only` is empty).
pub fn run(corpus: &Path, only: &[String]) -> Result<Report, EvalError> {
    let gold_dir = corpus.join("gold");
    let entries =
        std::fs::read_dir(&gold_dir).map_err(|e| EvalError::Corpus(gold_dir.clone(), e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "gold"))
        .filter(|p| {
            let stem = p.file_stem().unwrap_or_default().to_string_lossy();
            only.is_empty() || only.iter().any(|o| stem.starts_with(o.as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(EvalError::NoGold(corpus.to_owned()));
    }
    let mut documents = Vec::new();
    for f in &files {
        let g = gold::load(f).map_err(EvalError::Gold)?;
        documents.push(score_file(corpus, &g));
    }
    let mut total = Counts::default();
    for d in &documents {
        total.add(&d.counts);
    }
    let titles_right = documents.iter().filter(|d| d.title_right).count();
    Ok(Report {
        corpus: corpus.display().to_string(),
        documents,
        total,
        titles_right,
    })
}

fn score_file(corpus: &Path, g: &GoldDoc) -> DocScore {
    let path = corpus.join(&g.document);
    let stem = g
        .gold_path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    match crate::extract::extract_paths(std::slice::from_ref(&path)) {
        Ok(data) => score(&stem, g, &data, read_text(&path).as_deref()),
        Err(e) => {
            // The document could not be read: every gold task is missed.
            let mut s = score(&stem, g, &TaskData::new(), None);
            s.warnings.push(e.to_string());
            s
        }
    }
}

/// The document's text for locating gold tasks (plain-text formats only).
fn read_text(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    if !matches!(ext.as_str(), "txt" | "md" | "csv") {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    Some(match std::str::from_utf8(&bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
    })
}

/// Scores one document's extraction against its gold labels.
pub fn score(stem: &str, g: &GoldDoc, data: &TaskData, text: Option<&str>) -> DocScore {
    let locate = Locator::new(text);
    let tasks = &data.tasks;
    let found = pair(&g.tasks, tasks, |t, gt: &GoldTask| {
        same_title(&t.title, &gt.title)
    });
    let goal_found = pair(&g.goals, &data.goals, |eg, gg| {
        same_title(&eg.title, &gg.title)
    });
    let mut c = Counts {
        gold_tasks: g.tasks.len(),
        extracted_tasks: tasks.len(),
        gold_goals: g.goals.len(),
        goals_found: goal_found.iter().flatten().count(),
        ..Counts::default()
    };
    let mut misses = Vec::new();
    let doc = stem.to_owned();
    for (gt, hit) in g.tasks.iter().zip(&found) {
        let Some(i) = *hit else {
            misses.push(Miss {
                kind: MissKind::Missed,
                doc: doc.clone(),
                line: locate.line(&gt.title),
                title: gt.title.clone(),
                want: describe_gold(gt),
                got: String::new(),
            });
            continue;
        };
        c.found += 1;
        let t = &tasks[i];
        let units_ok = units_match(&t.leads, &gt.leads)
            && units_match(&t.partners, &gt.partners)
            && units_match(&t.responsible, &gt.responsible);
        if units_ok {
            c.units_right += 1;
        } else {
            misses.push(Miss {
                kind: MissKind::Units,
                doc: doc.clone(),
                line: Some(t.source.line),
                title: gt.title.clone(),
                want: describe_gold(gt),
                got: describe_units(&t.leads, &t.partners, &t.responsible),
            });
        }
        if same_deadline(t.deadline.as_deref(), gt.deadline.as_deref()) {
            c.deadlines_right += 1;
        } else {
            misses.push(Miss {
                kind: MissKind::Deadline,
                doc: doc.clone(),
                line: Some(t.source.line),
                title: gt.title.clone(),
                want: gt.deadline.clone().unwrap_or_else(|| "—".to_owned()),
                got: t.deadline.clone().unwrap_or_else(|| "—".to_owned()),
            });
        }
        if t.number.as_deref().map(fold) == gt.number.as_deref().map(fold) {
            c.numbers_right += 1;
        }
        let goal_ok = match gt.goal {
            // A task before any heading has no goal to get right.
            None => true,
            Some(gi) => data
                .goals
                .iter()
                .find(|eg| eg.id == t.goal)
                .is_some_and(|eg| same_title(&eg.title, &g.goals[gi].title)),
        };
        if goal_ok {
            c.task_goals_right += 1;
        }
    }
    let matched: Vec<usize> = found.iter().flatten().copied().collect();
    for (i, t) in tasks.iter().enumerate() {
        if !matched.contains(&i) {
            misses.push(Miss {
                kind: MissKind::Spurious,
                doc: doc.clone(),
                line: Some(t.source.line),
                title: t.title.clone(),
                want: String::new(),
                got: describe_units(&t.leads, &t.partners, &t.responsible),
            });
        }
    }
    let (extracted_title, warnings) = match data.documents.first() {
        Some(d) => (
            d.title.clone(),
            d.report
                .warnings
                .iter()
                .map(|w| format!("{}: {}", w.line, w.message))
                .collect(),
        ),
        None => (String::new(), Vec::new()),
    };
    DocScore {
        doc,
        document: g.document.display().to_string(),
        conventions: g.conventions.clone(),
        counts: c,
        title_right: fold(&extracted_title) == fold(&g.title),
        extracted_title,
        warnings,
        misses,
    }
}

fn units_match(extracted: &[UnitRef], gold: &[GoldUnit]) -> bool {
    let e: Vec<&str> = extracted.iter().map(|u| u.written.as_str()).collect();
    let g: Vec<Vec<&str>> = gold.iter().map(|u| u.forms().collect()).collect();
    same_units(&e, &g)
}

fn describe_gold(t: &GoldTask) -> String {
    let names = |v: &[GoldUnit]| {
        v.iter()
            .map(|u| u.written.as_str())
            .collect::<Vec<_>>()
            .join("；")
    };
    describe(
        &names(&t.leads),
        &names(&t.partners),
        &names(&t.responsible),
    )
}

fn describe_units(leads: &[UnitRef], partners: &[UnitRef], responsible: &[UnitRef]) -> String {
    let names = |v: &[UnitRef]| {
        v.iter()
            .map(|u| u.written.as_str())
            .collect::<Vec<_>>()
            .join("；")
    };
    describe(&names(leads), &names(partners), &names(responsible))
}

/// Units are joined with `；`, which no unit name contains, so that one
/// unit read as two (or two as one) shows.
fn describe(leads: &str, partners: &str, responsible: &str) -> String {
    let mut s = format!("牵头[{leads}] 配合[{partners}]");
    if !responsible.is_empty() {
        let _ = write!(s, " 责任[{responsible}]");
    }
    s
}

/// Finds the line of a title in the document's text, whatever the
/// whitespace, line breaks and width of its characters.
struct Locator {
    chars: Vec<char>,
    lines: Vec<u32>,
}

impl Locator {
    fn new(text: Option<&str>) -> Locator {
        let mut chars = Vec::new();
        let mut lines = Vec::new();
        for (n, line) in text.unwrap_or_default().lines().enumerate() {
            for c in fold(line).chars() {
                chars.push(c);
                lines.push(n as u32 + 1);
            }
        }
        Locator { chars, lines }
    }

    fn line(&self, title: &str) -> Option<u32> {
        let want: Vec<char> = fold(title).chars().take(8).collect();
        if want.is_empty() || want.len() > self.chars.len() {
            return None;
        }
        (0..=self.chars.len() - want.len())
            .find(|&i| self.chars[i..i + want.len()] == want[..])
            .map(|i| self.lines[i])
    }
}

impl Report {
    /// Counts summed over the documents tagged with each convention (a
    /// document counts for every convention it is tagged with), by id.
    pub fn by_convention(&self) -> Vec<(String, Counts)> {
        let mut out: Vec<(String, Counts)> = Vec::new();
        for d in &self.documents {
            for c in &d.conventions {
                match out.iter_mut().find(|(id, _)| id == c) {
                    Some((_, counts)) => counts.add(&d.counts),
                    None => out.push((c.clone(), d.counts)),
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// The worst document by a measure, with its value.
    pub fn worst(&self, measure: impl Fn(&Counts) -> f64) -> Option<(&str, f64)> {
        self.documents
            .iter()
            .map(|d| (d.doc.as_str(), measure(&d.counts)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// The report as text: a table of documents, the totals, the worst
    /// misses (at most `max_misses`, missed and spurious tasks first).
    pub fn to_text(&self, max_misses: usize) -> String {
        let mut s = String::new();
        let t = &self.total;
        let _ = writeln!(
            s,
            "fengong eval: {} documents, {} gold tasks, {} gold goals ({})\n",
            self.documents.len(),
            t.gold_tasks,
            t.gold_goals,
            self.corpus
        );
        let _ = writeln!(
            s,
            "{:<38} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7}  title",
            "document", "gold", "ext", "found", "recall", "prec", "units", "dline", "goals"
        );
        for d in &self.documents {
            let c = &d.counts;
            let goals = format!("{}/{}", c.goals_found, c.gold_goals);
            let title = if d.title_right { "ok" } else { "WRONG" };
            row(&mut s, &d.doc, c, &goals, title);
        }
        let titles = format!("{}/{}", self.titles_right, self.documents.len());
        row(&mut s, "total (micro)", t, &pct(t.goals()), &titles);
        let worst = |name: &str, f: fn(&Counts) -> f64| {
            self.worst(f)
                .map(|(d, v)| format!("{name} {} ({d})", pct(v)))
                .unwrap_or_default()
        };
        let _ = writeln!(
            s,
            "worst document: {}; {}; {}; {}; {}",
            worst("recall", Counts::recall),
            worst("precision", Counts::precision),
            worst("units", Counts::units),
            worst("deadlines", Counts::deadlines),
            worst("goals", Counts::goals),
        );
        let _ = writeln!(
            s,
            "found tasks with the right number: {}/{}; in the right goal: {}/{}",
            t.numbers_right, t.found, t.task_goals_right, t.found
        );
        let conventions = self.by_convention();
        if !conventions.is_empty() {
            let _ = writeln!(
                s,
                "\nby convention (eval/CONVENTIONS.md), over the documents tagged with it:"
            );
            for (id, c) in &conventions {
                let goals = format!("{}/{}", c.goals_found, c.gold_goals);
                row(&mut s, id, c, &goals, "");
            }
        }
        let mut misses: Vec<&Miss> = self.documents.iter().flat_map(|d| &d.misses).collect();
        misses.sort_by_key(|m| m.kind as u8);
        if !misses.is_empty() && max_misses > 0 {
            let _ = writeln!(
                s,
                "\nworst misses ({} of {}):",
                misses.len().min(max_misses),
                misses.len()
            );
        }
        for m in misses.iter().take(max_misses) {
            let place = match m.line {
                Some(l) => format!("{}:{l}", m.doc),
                None => m.doc.clone(),
            };
            let kind = match m.kind {
                MissKind::Missed => "missed",
                MissKind::Spurious => "spurious",
                MissKind::Units => "units",
                MissKind::Deadline => "deadline",
            };
            let _ = write!(s, "  {kind:<8} {place}  {}", m.title);
            match m.kind {
                MissKind::Missed => {}
                MissKind::Spurious => {
                    let _ = write!(s, "  ({})", m.got);
                }
                _ => {
                    let _ = write!(s, "\n           want {}\n           got  {}", m.want, m.got);
                }
            }
            s.push('\n');
        }
        s
    }
}

/// One line of the table: a document's counts or the total.
fn row(s: &mut String, name: &str, c: &Counts, goals: &str, title: &str) {
    let _ = writeln!(
        s,
        "{:<38} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7}  {title}",
        name,
        c.gold_tasks,
        c.extracted_tasks,
        c.found,
        pct(c.recall()),
        pct(c.precision()),
        pct(c.units()),
        pct(c.deadlines()),
        goals,
    );
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        DocId, DocReport, Document, Goal, GoalId, LeadMode, RegionId, SourceSpan, Task, TaskId,
        UnitId,
    };

    fn unit(w: &str) -> UnitRef {
        UnitRef {
            unit: UnitId(w.to_owned()),
            written: w.to_owned(),
            chars: None,
            stated_at: None,
        }
    }

    fn task(
        n: usize,
        goal: &str,
        title: &str,
        leads: &[&str],
        partners: &[&str],
        deadline: Option<&str>,
    ) -> Task {
        Task {
            id: TaskId(format!("d:t{n}")),
            doc: DocId::from("d"),
            goal: GoalId(goal.to_owned()),
            number: Some(format!("{n}.")),
            title: title.to_owned(),
            text: title.to_owned(),
            note: None,
            clauses: Vec::new(),
            leads: leads.iter().map(|u| unit(u)).collect(),
            partners: partners.iter().map(|u| unit(u)).collect(),
            responsible: Vec::new(),
            lead_mode: LeadMode::Single,
            leader: None,
            deadline: deadline.map(str::to_owned),
            due: None,
            key: Default::default(),
            mentions: Vec::new(),
            source: SourceSpan {
                doc: DocId::from("d"),
                line: 10 + n as u32,
                end_line: 10 + n as u32,
            },
        }
    }

    fn data() -> TaskData {
        let mut d = TaskData::new();
        d.documents.push(Document {
            id: DocId::from("d"),
            title: "某市方案".to_owned(),
            issuer: None,
            date: None,
            number: None,
            jurisdiction: RegionId::from("某市"),
            source: "d.txt".to_owned(),
            short_name: None,
            report: DocReport::default(),
        });
        d.goals.push(Goal {
            id: GoalId::from("d:g1"),
            doc: DocId::from("d"),
            region: RegionId::from("某市"),
            number: Some("一、".to_owned()),
            title: "发展产业".to_owned(),
            heading_path: Vec::new(),
            projects: Vec::new(),
            source: SourceSpan {
                doc: DocId::from("d"),
                line: 3,
                end_line: 3,
            },
            body: String::new(),
            body_source: None,
        });
        d.tasks = vec![
            task(
                1,
                "d:g1",
                "建设园区",
                &["市发改委"],
                &["市财政局"],
                Some("12月底前完成"),
            ),
            task(
                2,
                "d:g1",
                "培育企业（市工信局牵头）",
                &["市工信局"],
                &[],
                None,
            ),
            task(3, "d:g1", "多出来的任务", &[], &[], None),
        ];
        d
    }

    const GOLD: &str = "document: docs/d.txt\ntitle: 某市方案\nconventions: C01\ngoal: 一、 | 发展产业\ntask: 1. | 建设园区 | 市发改委 | 财政局=市财政局 | | 12月底前\ntask: 2. | 培育企业 | 市工信局 | 市科技局 | |\ntask: 3. | 漏掉的任务 | 市民政局 | | |\ngoal: 二、 | 改善民生 | prose\n";

    #[test]
    fn scores_found_missed_spurious_units_and_deadlines() {
        let g = gold::parse(Path::new("d.gold"), GOLD).unwrap();
        let s = score("d", &g, &data(), Some("一、发展产业\n\n3.漏掉的任务。\n"));
        let c = s.counts;
        assert_eq!((c.gold_tasks, c.extracted_tasks, c.found), (3, 3, 2));
        // Task 2 lacks its partner: found, but units wrong.
        assert_eq!(c.units_right, 1);
        assert_eq!(c.deadlines_right, 2);
        assert_eq!((c.goals_found, c.gold_goals), (1, 2));
        assert_eq!((c.numbers_right, c.task_goals_right), (2, 2));
        assert!(s.title_right);
        let kinds: Vec<MissKind> = s.misses.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            vec![MissKind::Units, MissKind::Missed, MissKind::Spurious]
        );
        // The missed task is located in the document's text.
        assert_eq!(s.misses[1].line, Some(3));
        assert_eq!(s.misses[2].line, Some(13));
    }

    #[test]
    fn report_totals_are_micro_with_the_worst_document() {
        let g = gold::parse(Path::new("d.gold"), GOLD).unwrap();
        let a = score("a", &g, &data(), None);
        let b = score("b", &g, &TaskData::new(), None);
        let mut total = a.counts;
        total.add(&b.counts);
        let r = Report {
            corpus: "x".to_owned(),
            documents: vec![a, b],
            total,
            titles_right: 1,
        };
        assert_eq!(r.total.gold_tasks, 6);
        assert!((r.total.recall() - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(r.worst(Counts::recall), Some(("b", 0.0)));
        let by = r.by_convention();
        assert_eq!(by.len(), 1);
        assert_eq!((by[0].0.as_str(), by[0].1.gold_tasks), ("C01", 6));
        let text = r.to_text(5);
        assert!(text.contains("total (micro)"), "{text}");
        assert!(text.contains("missed   a  漏掉的任务"), "{text}");
    }
}
