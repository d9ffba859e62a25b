//! The gold-file format: what a person says a plan contains.
//!
//! One fact a line, so a labeller can write it in any editor and review it
//! in a diff (eval/README.md has the full description):
//!
//! ```text
//! document: docs/d01_chengpu_growth_measures.txt
//! title: 芷阳市澂浦区稳增长促发展若干措施
//! conventions: C01 C34
//! # a comment
//! goal: 一、 | 提高项目审批效率
//! goal: 四、 | 优化营商环境 | prose
//! task: 1. | 精简投资项目审批手续 | 区政务服务局 | 区发改局；区住建局 | | 6月底前 | why
//! ```
//!
//! A task line's fields are: number (`-` for none) | title | leads |
//! partners | responsible | deadline | an optional note on why. Units are
//! separated by `；` and written exactly as the text writes them; `A=B`
//! accepts the written form `B` as well (a shared prefix written once:
//! `交通运输厅=省交通运输厅`). A task belongs to the goal line above it.

use std::fmt;
use std::path::{Path, PathBuf};

/// One labelled document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    /// The gold file itself.
    pub gold_path: PathBuf,
    /// The document, relative to the corpus folder (`docs/…`).
    pub document: PathBuf,
    pub title: String,
    pub conventions: Vec<String>,
    pub goals: Vec<GoldGoal>,
    pub tasks: Vec<GoldTask>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldGoal {
    pub number: Option<String>,
    pub title: String,
    /// The goal's body is prose: it has no tasks.
    pub prose: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTask {
    /// Index into [`GoldDoc::goals`]; `None` for tasks before any goal.
    pub goal: Option<usize>,
    pub number: Option<String>,
    pub title: String,
    pub leads: Vec<GoldUnit>,
    pub partners: Vec<GoldUnit>,
    pub responsible: Vec<GoldUnit>,
    pub deadline: Option<String>,
    pub why: Option<String>,
    /// The line of the gold file, for messages.
    pub gold_line: u32,
}

/// A unit as the text writes it, with other written forms that are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldUnit {
    pub written: String,
    pub also: Vec<String>,
}

impl GoldUnit {
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.written.as_str()).chain(self.also.iter().map(String::as_str))
    }
}

/// A gold file that cannot be read, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldError {
    pub path: PathBuf,
    pub line: u32,
    pub message: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl std::error::Error for GoldError {}

/// Reads one gold file.
pub fn load(path: &Path) -> Result<GoldDoc, GoldError> {
    let text = std::fs::read_to_string(path).map_err(|e| GoldError {
        path: path.to_owned(),
        line: 0,
        message: e.to_string(),
    })?;
    parse(path, &text)
}

/// Parses a gold file's text; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<GoldDoc, GoldError> {
    let mut doc = GoldDoc {
        gold_path: path.to_owned(),
        document: PathBuf::new(),
        title: String::new(),
        conventions: Vec::new(),
        goals: Vec::new(),
        tasks: Vec::new(),
    };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        let err = |message: String| GoldError {
            path: path.to_owned(),
            line: line_no,
            message,
        };
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(format!("expected `key: value`, found {line:?}")));
        };
        let value = value.trim();
        match key.trim() {
            "document" => doc.document = PathBuf::from(value),
            "title" => doc.title = value.to_owned(),
            "conventions" => {
                doc.conventions = value.split_whitespace().map(str::to_owned).collect()
            }
            "goal" => {
                let f: Vec<&str> = value.split('|').map(str::trim).collect();
                if f.len() < 2 || f[1].is_empty() {
                    return Err(err("a goal needs `number | title`".to_owned()));
                }
                doc.goals.push(GoldGoal {
                    number: number(f[0]),
                    title: f[1].to_owned(),
                    prose: f.get(2) == Some(&"prose"),
                });
            }
            "task" => {
                let f: Vec<&str> = value.split('|').map(str::trim).collect();
                if f.len() < 5 || f[1].is_empty() {
                    return Err(err(
                        "a task needs `number | title | leads | partners | responsible [| deadline [| why]]`"
                            .to_owned(),
                    ));
                }
                doc.tasks.push(GoldTask {
                    goal: doc.goals.len().checked_sub(1),
                    number: number(f[0]),
                    title: f[1].to_owned(),
                    leads: units(f[2]),
                    partners: units(f[3]),
                    responsible: units(f[4]),
                    deadline: f.get(5).filter(|d| !d.is_empty()).map(|d| d.to_string()),
                    why: f.get(6).filter(|d| !d.is_empty()).map(|d| d.to_string()),
                    gold_line: line_no,
                });
            }
            other => return Err(err(format!("unknown key {other:?}"))),
        }
    }
    if doc.document.as_os_str().is_empty() {
        return Err(GoldError {
            path: path.to_owned(),
            line: 1,
            message: "no `document:` line".to_owned(),
        });
    }
    Ok(doc)
}

fn number(field: &str) -> Option<String> {
    (!field.is_empty() && field != "-").then(|| field.to_owned())
}

fn units(field: &str) -> Vec<GoldUnit> {
    field
        .split('；')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(|u| {
            let mut forms = u.split('=').map(str::trim);
            GoldUnit {
                written: forms.next().unwrap_or_default().to_owned(),
                also: forms.map(str::to_owned).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_goals_tasks_units_and_shared_prefixes() {
        let text = "document: docs/a.txt\ntitle: 某方案\n# comment\n\ntask: - | 前置任务 | | | 甲局 |\ngoal: 一、 | 目标一\ngoal: 二、 | 目标二 | prose\ntask: 1. | 做某事 | 省发展改革委 | 交通运输厅=省交通运输厅；各县（市、区） | | 年底前 | 原因\n";
        let d = parse(Path::new("g.gold"), text).unwrap();
        assert_eq!(d.document, PathBuf::from("docs/a.txt"));
        assert_eq!(d.goals.len(), 2);
        assert!(d.goals[1].prose);
        assert_eq!(d.tasks[0].goal, None);
        assert_eq!(d.tasks[0].number, None);
        assert_eq!(d.tasks[0].responsible[0].written, "甲局");
        let t = &d.tasks[1];
        assert_eq!(t.goal, Some(1));
        assert_eq!(t.partners[0].also, vec!["省交通运输厅".to_owned()]);
        assert_eq!(t.partners[1].written, "各县（市、区）");
        assert_eq!(t.deadline.as_deref(), Some("年底前"));
        assert_eq!(t.gold_line, 8);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse(
            Path::new("g.gold"),
            "document: d.txt\ntask: 1. | 只有标题\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("g.gold:2:"));
        assert!(parse(Path::new("g.gold"), "title: x\n").is_err());
    }
}
