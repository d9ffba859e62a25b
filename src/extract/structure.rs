//! Finding structure: paragraphs → headings → goals and tasks.
//!
//! Heading levels come from numbering styles in order of first appearance
//! (一、 above （一） above 1.), never from Markdown marks, which PDF
//! converters assign inconsistently. Chapters describing the background
//! (基础条件, 主要成就, 指导思想…) produce no goals or tasks. A task is a
//! numbered item, or a paragraph that opens with a short lead sentence
//! (`增强副核心职能。…`); in a wall of text whose paragraph breaks were lost,
//! a short imperative sentence inside the text starts a task.
//! 专栏 boxes list projects of their goal, not tasks.

use std::collections::HashMap;

use super::normalise::{Heading, NumberStyle, Para, ParaKind, has_outside_quotes, parse_number};
use super::notes::{self, NoteMatch, NoteRules, ParsedNote};
use crate::model::Warning;

/// A document's outline as found, before units and regions are resolved.
#[derive(Debug, Default)]
pub struct Outline {
    /// Paragraphs before the first heading (title, issuer, preamble).
    pub front: Vec<Para>,
    pub goals: Vec<RawGoal>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawGoal {
    pub number: Option<String>,
    pub title: String,
    pub heading_path: Vec<String>,
    pub line: u32,
    /// Text under the goal before its first task.
    pub intro: Vec<String>,
    pub tasks: Vec<RawTask>,
    pub projects: Vec<RawProject>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawTask {
    pub number: Option<String>,
    pub title: String,
    pub text: String,
    pub line: u32,
    pub end_line: u32,
    /// The note found in the text, with where it stands.
    pub note: Option<NoteMatch>,
    /// The note after annotation lines and document rules are applied.
    pub parsed: ParsedNote,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawProject {
    pub list: String,
    pub text: String,
    pub line: u32,
    pub end_line: u32,
}

/// Headings whose chapters describe conditions, achievements and intentions
/// rather than work to do.
const BACKGROUND: &[&str] = &[
    "基础条件",
    "发展基础",
    "发展环境",
    "发展形势",
    "面临形势",
    "主要成就",
    "发展成就",
    "发展现状",
    "现实基础",
    "规划背景",
    "指导思想",
    "基本原则",
    "战略定位",
    "发展定位",
    "发展目标",
    "总体目标",
    "主要目标",
    "远景目标",
    "总体要求",
    "思想认识",
    "重要意义",
    "编制依据",
    "规划范围",
    "规划期限",
];

pub fn is_background(title: &str) -> bool {
    BACKGROUND.iter().any(|w| title.contains(w))
}

/// A node of the heading tree while the outline is built.
#[derive(Debug)]
struct Node {
    heading: Heading,
    level: usize,
    parent: Option<usize>,
    line: u32,
    /// Indices into the paragraph list.
    content: Vec<usize>,
    projects: Vec<RawProject>,
}

/// An open 专栏 box.
#[derive(Debug)]
struct OpenBox {
    title: String,
    /// The next item number the box's own list expects.
    expected: u32,
    item: Option<String>,
}

pub fn find_structure(paras: &[Para], wall_of_text: bool) -> Outline {
    let mut outline = Outline::default();
    let numbered = paras.iter().enumerate().any(|(i, p)| {
        matches!(&p.kind, ParaKind::Heading(h) if !matches!(h.style, NumberStyle::Plain | NumberStyle::Box))
            && !is_task_heading(paras, i)
    });

    let mut styles: Vec<NumberStyle> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut open_box: Option<OpenBox> = None;
    let mut started = false;

    for (i, para) in paras.iter().enumerate() {
        let heading = match &para.kind {
            ParaKind::Heading(h) if h.style == NumberStyle::Plain && numbered => None,
            ParaKind::Heading(h) if is_task_heading(paras, i) => {
                let _ = h;
                None
            }
            ParaKind::Heading(h) => Some(h),
            ParaKind::Caption | ParaKind::Toc => continue,
            ParaKind::Text => None,
        };
        let Some(h) = heading else {
            // Numbered tasks with no heading above them: the document is one goal.
            if !started && numbered_item(&para.text).is_some() && task_like(paras, i) {
                nodes.push(Node {
                    heading: Heading {
                        style: NumberStyle::Plain,
                        number: None,
                        ordinal: None,
                        title: String::new(),
                    },
                    level: 0,
                    parent: None,
                    line: para.line,
                    content: Vec::new(),
                    projects: Vec::new(),
                });
                styles.push(NumberStyle::Plain);
                stack.push(nodes.len() - 1);
                started = true;
            }
            if !started {
                outline.front.push(para.clone());
                continue;
            }
            if matches!(&para.kind, ParaKind::Heading(h) if h.style == NumberStyle::Plain)
                && numbered
            {
                continue; // stray short lines (footers, bylines) in a numbered plan
            }
            if let Some(b) = &mut open_box {
                let closes =
                    lead_sentence(&para.text).is_some() && para.text.chars().count() >= 100;
                if !closes {
                    if let Some(&top) = stack.last() {
                        let text = match &b.item {
                            Some(item) => format!("{item}：{}", para.text),
                            None => para.text.clone(),
                        };
                        nodes[top].projects.push(RawProject {
                            list: b.title.clone(),
                            text,
                            line: para.line,
                            end_line: para.end_line,
                        });
                    }
                    continue;
                }
                open_box = None;
            }
            if let Some(&top) = stack.last() {
                nodes[top].content.push(i);
            }
            continue;
        };
        if h.style == NumberStyle::Box {
            open_box = Some(OpenBox {
                title: format!(
                    "专栏{}",
                    h.number.as_deref().unwrap_or("").trim_start_matches("专栏")
                )
                .trim()
                .to_owned()
                    + if h.title.is_empty() { "" } else { " " }
                    + &h.title,
                expected: 1,
                item: None,
            });
            started = true;
            continue;
        }
        if let Some(b) = &mut open_box {
            let top = stack.last().map(|&t| &nodes[t]);
            let continues_outline = top.is_some_and(|t| {
                t.heading.style == h.style && h.ordinal == t.heading.ordinal.map(|n| n + 1)
            });
            let higher =
                top.is_some_and(|t| level_of(&styles, h.style).is_some_and(|l| l < t.level));
            let box_item = !higher && (!continues_outline || h.ordinal == Some(b.expected));
            if box_item {
                b.expected = h.ordinal.unwrap_or(b.expected) + 1;
                b.item = Some(h.title.clone());
                continue;
            }
            open_box = None;
        }
        // Plain headings right after another with nothing between are subtitles.
        if h.style == NumberStyle::Plain {
            if let Some(&top) = stack.last()
                && nodes[top].heading.style == NumberStyle::Plain
                && nodes[top].content.is_empty()
            {
                continue;
            }
            if is_byline(&h.title) {
                continue;
            }
        }
        started = true;
        let level = match level_of(&styles, h.style) {
            Some(l) => l,
            None => {
                styles.push(h.style);
                // 章 always above 节, whichever a document shows first.
                styles.sort_by_key(|s| match s {
                    NumberStyle::Chapter => 0,
                    NumberStyle::Section => 1,
                    _ => 2,
                });
                level_of(&styles, h.style).expect("just pushed")
            }
        };
        while let Some(&top) = stack.last() {
            if nodes[top].level >= level {
                stack.pop();
            } else {
                break;
            }
        }
        nodes.push(Node {
            heading: h.clone(),
            level,
            parent: stack.last().copied(),
            line: para.line,
            content: Vec::new(),
            projects: Vec::new(),
        });
        stack.push(nodes.len() - 1);
    }

    check_numbering(&nodes, &mut outline.warnings);

    // Background subtrees produce nothing.
    let background: Vec<bool> = {
        let mut bg = vec![false; nodes.len()];
        for i in 0..nodes.len() {
            bg[i] =
                is_background(&nodes[i].heading.title) || nodes[i].parent.is_some_and(|p| bg[p]);
        }
        bg
    };

    // A plan that numbers its tasks (1. 2. …) numbers all of them: elsewhere
    // its paragraphs are explanation, not tasks.
    let numbered_items = nodes
        .iter()
        .enumerate()
        .filter(|(n, _)| !background[*n])
        .flat_map(|(_, node)| node.content.iter())
        .any(|&i| numbered_item(&paras[i].text).is_some());
    let mut rules = NoteRules::default();
    let mut per_node: Vec<(Vec<String>, Vec<RawTask>)> = Vec::with_capacity(nodes.len());
    for (n, node) in nodes.iter().enumerate() {
        if background[n] {
            per_node.push((Vec::new(), Vec::new()));
            continue;
        }
        let content: Vec<&Para> = node.content.iter().map(|&i| &paras[i]).collect();
        per_node.push(find_tasks(
            &content,
            wall_of_text,
            numbered_items,
            &mut rules,
            &mut outline.warnings,
        ));
    }

    // The goal level is the one holding most tasks; every heading there is a
    // goal (even one without tasks), and so is any other heading with tasks.
    let mut tasks_at_level: HashMap<usize, usize> = HashMap::new();
    for (n, node) in nodes.iter().enumerate() {
        *tasks_at_level.entry(node.level).or_default() += per_node[n].1.len();
    }
    let goal_level = tasks_at_level
        .iter()
        .filter(|(_, c)| **c > 0)
        .max_by_key(|(l, c)| (**c, std::cmp::Reverse(**l)))
        .map(|(l, _)| *l);

    for (n, node) in nodes.iter().enumerate() {
        let (intro, tasks) = std::mem::take(&mut per_node[n]);
        let at_goal_level =
            Some(node.level) == goal_level && node.heading.style != NumberStyle::Plain;
        if background[n] || (tasks.is_empty() && !at_goal_level) {
            continue;
        }
        let mut path = Vec::new();
        let mut p = node.parent;
        while let Some(i) = p {
            path.push(nodes[i].heading.title.clone());
            p = nodes[i].parent;
        }
        path.reverse();
        outline.goals.push(RawGoal {
            number: node.heading.number.clone(),
            title: node.heading.title.clone(),
            heading_path: path,
            line: node.line,
            intro,
            tasks,
            projects: node.projects.clone(),
        });
    }
    outline
}

fn level_of(styles: &[NumberStyle], style: NumberStyle) -> Option<usize> {
    styles.iter().position(|s| *s == style)
}

fn is_byline(title: &str) -> bool {
    ["记者", "通讯员", "来源", "编辑", "作者", "发布时间"]
        .iter()
        .any(|w| title.contains(w))
}

/// A short numbered line followed by annotation lines (牵头单位：…) is a
/// task, not a heading.
fn is_task_heading(paras: &[Para], i: usize) -> bool {
    let ParaKind::Heading(h) = &paras[i].kind else {
        return false;
    };
    if matches!(h.style, NumberStyle::Plain | NumberStyle::Box) {
        return false;
    }
    paras.get(i + 1).is_some_and(|next| {
        next.kind == ParaKind::Text && notes::parse_annotation(&next.text).is_some()
    })
}

/// A numbered paragraph that reads as a task: it has a note, or annotation
/// lines follow it.
fn task_like(paras: &[Para], i: usize) -> bool {
    notes::find_note(&paras[i].text).is_some()
        || paras
            .get(i + 1)
            .is_some_and(|next| notes::parse_annotation(&next.text).is_some())
}

/// Warns where a numbered sequence skips (（一） then （三）): a heading the
/// conversion probably lost.
fn check_numbering(nodes: &[Node], warnings: &mut Vec<Warning>) {
    let mut last: HashMap<(Option<usize>, NumberStyle), u32> = HashMap::new();
    for node in nodes {
        let (Some(n), style) = (node.heading.ordinal, node.heading.style) else {
            continue;
        };
        if style == NumberStyle::Plain {
            continue;
        }
        let key = (node.parent, style);
        let prev = last.get(&key).copied().unwrap_or(0);
        if n > prev + 1 {
            warnings.push(Warning {
                line: node.line,
                message: format!(
                    "heading {} follows number {prev}: a heading looks missing before it",
                    node.heading.number.as_deref().unwrap_or("")
                ),
            });
        }
        last.insert(key, n);
    }
}

/// The lead sentence a task paragraph opens with, if it has one: short, no
/// comma outside quotes, and a statement of work rather than of fact.
pub fn lead_sentence(text: &str) -> Option<&str> {
    let end = text.find(['。', '！', '？'])?;
    let first = &text[..end];
    let n = first.chars().count();
    if !(4..=30).contains(&n) {
        return None;
    }
    if has_outside_quotes(first, &['，', ',', '；', ';', '：', ':']) {
        return None;
    }
    if first.contains('是') || first.starts_with("到20") || first.starts_with("从") {
        return None;
    }
    Some(first)
}

/// Verbs that open a task sentence inside a wall of text.
const TASK_VERBS: &[&str] = &[
    "提升",
    "提高",
    "做强",
    "做大",
    "做优",
    "打造",
    "推动",
    "推进",
    "建设",
    "构建",
    "完善",
    "加强",
    "强化",
    "优化",
    "培育",
    "大力发展",
    "发展",
    "深化",
    "实施",
    "促进",
    "健全",
];

/// A short imperative sentence that starts a task inside running text.
fn inline_lead(sentence: &str) -> bool {
    let body = sentence.trim_end_matches(['。', '！', '？']);
    let n = body.chars().count();
    (4..=15).contains(&n)
        && !body.contains(['，', ',', '；', '：', '、'])
        && TASK_VERBS.iter().any(|v| body.starts_with(v))
}

/// Splits text into sentences, keeping their end punctuation and byte offsets.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | ';') {
            let end = i + c.len_utf8();
            out.push((start, &text[start..end]));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// Finds the tasks in one heading's direct content.
fn find_tasks(
    content: &[&Para],
    wall: bool,
    items: bool,
    rules: &mut NoteRules,
    warnings: &mut Vec<Warning>,
) -> (Vec<String>, Vec<RawTask>) {
    let mut intro = Vec::new();
    let mut tasks: Vec<RawTask> = Vec::new();
    for para in content {
        rules.observe(&para.text);
        if let Some(annotation) = notes::parse_annotation(&para.text)
            && let Some(t) = tasks.last_mut()
        {
            t.parsed.merge(annotation);
            t.text.push('\n');
            t.text.push_str(&para.text);
            t.end_line = para.end_line;
            continue;
        }
        if wall && !items {
            for (at, s) in sentences(&para.text) {
                if inline_lead(s) {
                    tasks.push(new_task(
                        None,
                        s.trim_end_matches('。').to_owned(),
                        s,
                        para.line_at(at),
                        para.line_at(at),
                    ));
                } else if let Some(t) = tasks.last_mut() {
                    t.text.push_str(s);
                    t.end_line = para.line_at(at + s.len().saturating_sub(1));
                } else {
                    intro.push(s.to_owned());
                }
            }
            continue;
        }
        let start = if items {
            numbered_item(&para.text).map(|(number, rest)| {
                let title = lead_of_item(&rest);
                (Some(number), title, rest)
            })
        } else {
            lead_sentence(&para.text).map(|lead| (None, lead.to_owned(), para.text.clone()))
        };
        match start {
            Some((number, title, text)) => {
                tasks.push(new_task(number, title, &text, para.line, para.end_line))
            }
            None => match tasks.last_mut() {
                Some(t) => {
                    t.text.push_str(&para.text);
                    t.end_line = para.end_line;
                }
                None => intro.push(para.text.clone()),
            },
        }
    }
    for t in &mut tasks {
        t.note = notes::find_note(&t.text);
        if let Some(m) = &t.note {
            let mut parsed = m.note.clone();
            parsed.merge(std::mem::take(&mut t.parsed));
            t.parsed = parsed;
        } else if looks_like_unparsed_note(&t.text) {
            warnings.push(Warning {
                line: t.end_line,
                message: format!(
                    "task “{}”: a responsibility note could not be parsed",
                    t.title
                ),
            });
        }
        t.parsed = rules.apply(std::mem::take(&mut t.parsed));
        if t.parsed.deadline.is_none() {
            t.parsed.deadline = notes::parse_deadline(&t.text);
        }
    }
    (intro, tasks)
}

fn new_task(
    number: Option<String>,
    title: String,
    text: &str,
    line: u32,
    end_line: u32,
) -> RawTask {
    RawTask {
        number,
        title,
        text: text.to_owned(),
        line,
        end_line,
        note: None,
        parsed: ParsedNote::default(),
    }
}

/// `1.以新型城镇引擎…` → (`1.`, `以新型城镇引擎…`), for numbered task items.
fn numbered_item(text: &str) -> Option<(String, String)> {
    let (style, number, _, rest) = parse_number(text)?;
    matches!(
        style,
        NumberStyle::Arabic
            | NumberStyle::ArabicParen
            | NumberStyle::CnParen
            | NumberStyle::CnComma
    )
    .then_some((number, rest))
}

/// The title of a numbered item: its first sentence, without a note.
fn lead_of_item(rest: &str) -> String {
    let first = match rest.find(['。', '！', '？', '；']) {
        Some(end) => &rest[..end],
        None => rest,
    };
    let first = match notes::find_note(first) {
        Some(m) => first.chars().take(m.start).collect::<String>(),
        None => first.to_owned(),
    };
    first.trim().to_owned()
}

/// A bracket at the end of a task that mentions responsibility but did not parse.
fn looks_like_unparsed_note(text: &str) -> bool {
    let tail: String = text
        .chars()
        .rev()
        .take(80)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let bracket = tail.rfind(['(', '（', '[', '【', '〔']);
    bracket.is_some_and(|b| {
        let inner = &tail[b..];
        ["牵头", "配合", "责任单位", "负责"]
            .iter()
            .any(|w| inner.contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalise::normalise;

    fn outline(text: &str) -> Outline {
        let n = normalise(text);
        find_structure(&n.paras, n.wall_of_text)
    }

    #[test]
    fn lead_sentences() {
        assert_eq!(
            lead_sentence("增强副核心职能。以台山城区为依托"),
            Some("增强副核心职能")
        );
        assert_eq!(
            lead_sentence("强化基础设施“硬联通”。全力支持"),
            Some("强化基础设施“硬联通”")
        );
        assert_eq!(
            lead_sentence("加快推进“区镇一体,园镇融合”。"),
            Some("加快推进“区镇一体,园镇融合”")
        );
        assert_eq!(
            lead_sentence("向改革要动力,县域高质量发展才能有活力。"),
            None
        );
        assert_eq!(
            lead_sentence("区域协调发展是推动高质量发展的内在要求。"),
            None
        );
        assert_eq!(lead_sentence("没有句号的一行"), None);
    }

    #[test]
    fn numbered_tasks_under_goals() {
        let o = outline(
            "一、总体目标\n到2025年，基本建成。\n二、重点任务\n（一）强化北部中心\n北部中心要提升协同度,壮大动能。\n1.推动北部能级提升。加强对接。(产业转移工业园牵头,市发展和改革局、北部7镇配合)\n2.推进园区集聚增效。坚持思路。(市交通运输局牵头,北部7镇配合)\n（二）提升东南部中心\n1.建设港口。加快推进。(广海湾经济开发区牵头,市相关单位配合)\n三、工作保障\n（一）落实责任\n各镇要制定计划。",
        );
        let titles: Vec<_> = o.goals.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, vec!["强化北部中心", "提升东南部中心", "落实责任"]);
        let g = &o.goals[0];
        assert_eq!(g.heading_path, vec!["重点任务"]);
        assert_eq!(g.intro, vec!["北部中心要提升协同度,壮大动能。"]);
        assert_eq!(g.tasks.len(), 2);
        assert_eq!(g.tasks[0].number.as_deref(), Some("1."));
        assert_eq!(g.tasks[0].title, "推动北部能级提升");
        assert_eq!(g.tasks[0].parsed.leads, vec!["产业转移工业园"]);
        assert!(o.goals[2].tasks.is_empty());
    }

    #[test]
    fn lead_sentence_paragraphs_and_background() {
        let o = outline(
            "一、基础条件\n（一）区位优势\n区位优势突出。江门位于南部。\n二、建设产业新高地\n充分发挥广海湾地区的潜力优势，加强联动。\n（一）打好新兴产业基础。\n逐步提升创新能力。由市级统筹，推进合作。\n积极发展新兴产业。基于现行产业基础，充分发挥\n\n能源成本优势。\n（二）推进传统产业升级。\n大力发展食品产业。鼓励企业。",
        );
        let titles: Vec<_> = o.goals.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, vec!["打好新兴产业基础", "推进传统产业升级"]);
        let tasks: Vec<_> = o.goals[0].tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(tasks, vec!["逐步提升创新能力", "积极发展新兴产业"]);
        assert!(o.goals[0].tasks[1].text.ends_with("充分发挥能源成本优势。"));
    }

    #[test]
    fn box_entries_are_projects_not_tasks() {
        let o = outline(
            "一、基础设施\n（一）构建交通网络。\n打造多向联通运输通道。构建以铁路为骨干的通道，推进建设，加快形成网络格局，完善枢纽功能，强化与周边城市的联系，提高运输效率，形成便捷高效的综合交通网络体系。\n专栏 5-1 交通运输网络重点项目\n（一）铁路\n研究规划南宁经玉林至深圳高速铁路。\n（二）高速公路\n建设中山至开平高速公路。\n（二）全面提升运输服务水平。\n构建交通枢纽服务体系。依托沿线车站。\n专栏 5-6 水利项目\n防洪减灾工程。实施水库除险加固工程。\n二、开放发展\n（一）增强外贸竞争力。\n培育外贸新优势。促进加工贸易。",
        );
        let titles: Vec<_> = o.goals.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["构建交通网络", "全面提升运输服务水平", "增强外贸竞争力"]
        );
        assert_eq!(o.goals[0].tasks.len(), 1);
        assert_eq!(o.goals[0].projects.len(), 2);
        assert_eq!(o.goals[0].projects[0].list, "专栏5-1 交通运输网络重点项目");
        assert!(o.goals[0].projects[0].text.starts_with("铁路："));
        assert_eq!(o.goals[1].tasks.len(), 1);
        assert_eq!(o.goals[1].projects.len(), 1);
    }

    #[test]
    fn wall_of_text_tasks_by_sentence() {
        let o = outline(
            "（一）提升“一核”辐射带动作用\n“一核”包括XX、XX。提升区域性中心城市能级。优化城市空间布局,加快完善城市组团。联合组建一批新型研发机构。做强先进制造业和服务业。加快发展电子信息产业。",
        );
        // Not a wall (no page numbers), so the paragraph's lead decides.
        assert_eq!(o.goals.len(), 1);
        let n = normalise("x");
        let _ = n;
        let paras = normalise(
            "（一）提升“一核”辐射带动作用\n“一核”包括XX、XX。提升区域性中心城市能级。优化城市空间布局,加快完善城市组团。联合组建一批新型研发机构。做强先进制造业和服务业。加快发展电子信息产业。",
        )
        .paras;
        let o = find_structure(&paras, true);
        let tasks: Vec<_> = o.goals[0].tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(
            tasks,
            vec!["提升区域性中心城市能级", "做强先进制造业和服务业"]
        );
        assert_eq!(o.goals[0].intro, vec!["“一核”包括XX、XX。"]);
    }

    #[test]
    fn news_article_plain_headings() {
        let o = outline(
            "新会区坚持全局思维,以行动作答。\n文/图 记者 某某\n“十大行动”攻坚克难\n加快推进“区镇一体,园镇融合”\n向改革要动力,县域才能有活力。\n区镇一体融合发展攻坚行动。打破镇域行政界限。\n搭建平台服务发展攻坚行动。开展园区建设。\n“十大建设”夯实基础\n全面加强交通基础设施建设。加快推进铁路建设。",
        );
        let titles: Vec<_> = o.goals.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, vec!["“十大行动”攻坚克难", "“十大建设”夯实基础"]);
        assert_eq!(o.goals[0].tasks.len(), 2);
        assert_eq!(o.goals[0].intro.len(), 1);
    }

    #[test]
    fn missing_heading_is_reported() {
        let o =
            outline("一、任务\n（一）甲项工作\n推进甲项。做好。\n（三）丙项工作\n推进丙项。做好。");
        assert_eq!(o.warnings.len(), 1, "{:?}", o.warnings);
        assert!(o.warnings[0].message.contains("missing"));
    }
}
