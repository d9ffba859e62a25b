//! Paragraphs (and task tables) → the typed [`Outline`].
//!
//! 1. **Front matter.** Everything before the plan's first heading or item:
//!    title lines, a cover notice (`关于印发…的通知`, up to its signature
//!    date — its own numbered points are the notice's, not tasks), the
//!    preamble.
//! 2. **Levels.** Numbering is folded first (`numbering.rs`); styles nest
//!    as Chinese plans nest them (章 > 节 > 条 > 一、 > （一） > 1 / 1.1 /
//!    1.1.1 > 1. > （1） > ①), whichever a part shows first; decimal
//!    outline numbers nest by their depth (checked in
//!    `normalise/decimal.rs`). Markdown marks are not trusted.
//! 3. **Heading or item, from content.** A numbered paragraph that governs
//!    later numbered paragraphs is a heading; one with a responsibility
//!    clause, annotation lines (alone or in a block of fields such as
//!    `整改目标：…` / `责任单位：…`), or sentences of work is an item; a
//!    short line that governs nothing follows its siblings (an item among
//!    items, else a heading over its text). So `（一）` is a heading in one plan
//!    and a task in another.
//! 4. **Tasks in running text.** Under a heading, a paragraph opening with
//!    a short lead sentence (`增强副核心职能。…`) is a task — unless the
//!    plan numbers its tasks — and so is one carrying a clause; in a wall of
//!    text (paragraph breaks lost) short imperative sentences start tasks.
//!    The rest is prose: the heading's body.
//! 5. 专栏 boxes list projects of their heading, not tasks; chapters that
//!    name background (基础条件, 指导思想…) yield nothing unless their items
//!    name who does them.
//!
//! Task tables become headings (section rows) and items (task rows) of the
//! same outline; see `table.rs`.

use std::collections::HashMap;

use super::Table;
use super::item_refs::{ItemRef, opening_ref};
use super::normalise::{Normalised, Para, ParaKind, lead_sentence, outside_brackets};
use super::notes;
use super::numbering::{NumberStyle, Numbering};
use super::outline::{Clause, Heading, Item, ItemSource, Node, NodeKind, Outline, Span, Unplaced};
use super::phrases::{
    BYLINE, ends_like_institution, ends_like_plan_title, is_background, is_page_meta, is_provision,
    is_safeguards, is_supplementary_provisions, opens_with_work_verb, unit_heading_name,
};
use crate::model::Warning;

/// What a node of the tree being built stands for.
#[derive(Debug)]
enum Source {
    /// A paragraph (numbered, or a plain heading).
    Para(usize),
    /// No heading: tasks before any heading form one untitled node.
    Untitled,
    /// A section row of a task table.
    TableSection { title: String, line: u32 },
    /// A task row of a task table, already an item.
    TableItem(Box<Item>, Span),
    /// A text row above a task table's header (a note on the table).
    TableText(String, Span),
}

/// What a numbered node turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Heading,
    Item,
    /// A short line that governs nothing: decided by its siblings, else its
    /// level; a heading when neither says.
    Undecided,
    /// Sentences of work with no note: decided by its siblings (a prose
    /// heading among headings), an item when they do not say.
    LikelyItem,
}

#[derive(Debug)]
struct TreeNode {
    source: Source,
    style: NumberStyle,
    level: usize,
    parent: Option<usize>,
    children: Vec<usize>,
    /// Paragraphs under it before the next node (indices into `paras`).
    content: Vec<usize>,
    projects: Vec<(String, String, Span)>,
    role: Role,
}

/// An open 专栏 box.
#[derive(Debug)]
struct OpenBox {
    title: String,
    /// The next item number the box's own list expects.
    expected: u32,
    item: Option<String>,
}

/// The outline of a normalised document, and warnings about its structure.
pub fn build(n: &Normalised) -> (Outline, Vec<Warning>) {
    let paras = &n.paras;
    let mut warnings = Vec::new();
    let cover = cover_notice_end(paras, &n.tables);
    let numbered_doc = paras[cover..]
        .iter()
        .any(|p| p.numbering().is_some_and(|n| n.style != NumberStyle::Box));

    let mut tree: Vec<TreeNode> = Vec::new();
    let mut styles: Vec<NumberStyle> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut open_box: Option<OpenBox> = None;
    // The level of a 专栏 whose items are tasks, while its items last.
    let mut task_box: Option<usize> = None;
    let mut front: Vec<Para> = Vec::new();
    let mut started = false;
    // The plan's title line near the top, when only page lines (no numbered
    // paragraph, no table) stand above it.
    let page_top = paras[cover..]
        .iter()
        .take(12)
        .take_while(|p| p.numbering().is_none())
        .position(|p| p.kind == ParaKind::Plain && super::meta::is_title_line(&p.text))
        .map(|k| k + cover)
        .filter(|&t| t > cover && n.tables.iter().all(|(at, _)| *at >= t));
    // A note right above a table may say which of its columns are merged.
    let tables: Vec<(usize, Table)> = n
        .tables
        .iter()
        .map(|(at, t)| {
            let legend = at
                .checked_sub(1)
                .and_then(|k| paras.get(k))
                .map_or("", |p| p.text.as_str());
            let t = super::table::fill_merged_columns(t, legend).unwrap_or_else(|| t.clone());
            (*at, t)
        })
        .collect();
    let mut tables = tables.iter().peekable();
    let mut unplaced: Vec<Unplaced> = Vec::new();
    // Whether the paragraph before lists attachments (`附件：1.X`, `2.Y`).
    let mut attachment_list = false;

    let push_node = |tree: &mut Vec<TreeNode>,
                     stack: &mut Vec<usize>,
                     source: Source,
                     style: NumberStyle,
                     level: usize| {
        while let Some(&top) = stack.last() {
            if tree[top].level >= level {
                stack.pop();
            } else {
                break;
            }
        }
        let parent = stack.last().copied();
        tree.push(TreeNode {
            source,
            style,
            level,
            parent,
            children: Vec::new(),
            content: Vec::new(),
            projects: Vec::new(),
            role: Role::Heading,
        });
        let id = tree.len() - 1;
        if let Some(p) = parent {
            tree[p].children.push(id);
        }
        stack.push(id);
        id
    };

    for (i, para) in paras.iter().enumerate() {
        // Tables standing before this paragraph.
        while let Some((_, table)) = tables.next_if(|(at, _)| *at <= i) {
            add_table_with_titles(
                &mut tree,
                &mut stack,
                &mut front,
                &mut started,
                table,
                &push_node,
            );
            open_box = None;
        }
        // A web page's navigation bar (`网站首页信息公开…`) and whatever else
        // stands above the plan's title line is front matter too.
        if i < cover || page_top.is_some_and(|t| i < t && !started) {
            front.push(para.clone());
            continue;
        }
        // `附件：1.X` / `2.Y`: the entries listing the attachments are
        // titles of other documents, not items of this one.
        let entry = attachment_list
            && para.numbering().is_some()
            && super::meta::is_attachment_entry(&para.text);
        attachment_list = entry || super::meta::opens_attachment_list(&para.text);
        if entry {
            continue;
        }
        // A title right before a task table — an attachment label
        // (`附件：X`), or a title line (`2026年重点项目`, `X分工表`) — makes
        // the table a part of its own, titled so, not rows of the item or
        // chapter before.
        let may_title = super::meta::attachment_title(&para.text).is_some()
            || !matches!(para.kind, ParaKind::Numbered(_) | ParaKind::Caption);
        if started
            && may_title
            && let Some(label) = super::meta::table_title(&para.text)
            && tables.peek().is_some_and(|(at, t)| {
                // A table with section rows has its own parts.
                *at == i + 1
                    && super::table::tasks_from_table(t)
                        .is_some_and(|secs| secs.iter().all(|x| x.title.is_empty()))
            })
        {
            push_node(
                &mut tree,
                &mut stack,
                Source::TableSection {
                    title: label,
                    line: para.line,
                },
                NumberStyle::Plain,
                0,
            );
            continue;
        }
        // The lines of a web page around the plan are no part of its outline.
        if is_page_meta(&para.text) {
            if !started {
                front.push(para.clone());
            }
            continue;
        }
        if let Some(u) = unknown_numbering(para) {
            unplaced.push(u);
        }
        match &para.kind {
            ParaKind::Caption | ParaKind::Toc => continue,
            ParaKind::Numbered(num)
                if num.style == NumberStyle::Box && box_holds_tasks(paras, i) =>
            {
                let level = stack.last().map_or(0, |&t| tree[t].level + 1);
                push_node(&mut tree, &mut stack, Source::Para(i), num.style, level);
                task_box = Some(level);
                started = true;
                continue;
            }
            ParaKind::Numbered(num) if num.style == NumberStyle::Box => {
                task_box = None;
                open_box = Some(OpenBox {
                    title: box_title(num),
                    expected: 1,
                    item: None,
                });
                started = true;
                continue;
            }
            ParaKind::Numbered(num) => {
                if let Some(b) = &mut open_box {
                    let top = stack.last().map(|&t| &tree[t]);
                    let continues_outline = top.is_some_and(|t| {
                        t.style == num.style
                            && Some(num.ordinal) == ordinal_of(paras, t).map(|n| n + 1)
                    });
                    let higher = top
                        .is_some_and(|t| level_of(&styles, num.style).is_some_and(|l| l < t.level));
                    let box_item = !higher && (!continues_outline || num.ordinal == b.expected);
                    if box_item {
                        b.expected = num.ordinal + 1;
                        b.item = Some(title_of(num));
                        continue;
                    }
                    open_box = None;
                }
                let mut level = level_for(&mut styles, num.style);
                // A 专栏's items stand under it; a heading of the outline
                // (`三、`) ends it.
                if let Some(box_level) = task_box {
                    if is_box_item_style(num.style) {
                        level = box_level + 1;
                    } else {
                        task_box = None;
                    }
                }
                push_node(&mut tree, &mut stack, Source::Para(i), num.style, level);
                started = true;
                continue;
            }
            // The plan's title lines before anything else are front matter.
            ParaKind::Plain
                if !started && open_box.is_none() && super::meta::is_title_line(&para.text) =>
            {
                front.push(para.clone());
                continue;
            }
            ParaKind::Plain if !numbered_doc => {
                // Plain headings right after another with nothing between are subtitles.
                if let Some(&top) = stack.last()
                    && tree[top].style == NumberStyle::Plain
                    && tree[top].content.is_empty()
                    && tree[top].children.is_empty()
                    && matches!(tree[top].source, Source::Para(_))
                {
                    continue;
                }
                if BYLINE.iter().any(|w| para.text.contains(w)) {
                    continue;
                }
                let level = level_for(&mut styles, NumberStyle::Plain);
                push_node(
                    &mut tree,
                    &mut stack,
                    Source::Para(i),
                    NumberStyle::Plain,
                    level,
                );
                started = true;
                continue;
            }
            // Stray short lines (footers, bylines) in a numbered plan.
            ParaKind::Plain if started => {
                if notes::parse_annotation(&para.text).is_some() {
                    unplaced.push(Unplaced {
                        line: para.line,
                        text: excerpt(&para.text),
                        reason: "a note line with no task before it".to_owned(),
                    });
                }
                continue;
            }
            _ => {}
        }
        if !started {
            // A paragraph that names who does it is a task even before any
            // heading: the plan is then one untitled goal.
            if notes::find_task_note(&para.text).is_some() && !notes::is_rule_only(&para.text) {
                let level = level_for(&mut styles, NumberStyle::Plain);
                push_node(
                    &mut tree,
                    &mut stack,
                    Source::Untitled,
                    NumberStyle::Plain,
                    level,
                );
                started = true;
            } else {
                front.push(para.clone());
                continue;
            }
        }
        if let Some(b) = &mut open_box {
            let closes = lead_sentence(&para.text).is_some() && para.text.chars().count() >= 100;
            if !closes {
                if let Some(&top) = stack.last() {
                    let text = match &b.item {
                        Some(item) => format!("{item}：{}", para.text),
                        None => para.text.clone(),
                    };
                    tree[top]
                        .projects
                        .push((b.title.clone(), text, Span::of(para)));
                }
                continue;
            }
            open_box = None;
        }
        if let Some(&top) = stack.last() {
            // A rule under a task table's rows (`注：排在首位的为牵头单位`)
            // is text of the outline, where rules are read, not a row's body.
            if matches!(
                tree[top].source,
                Source::TableItem(..) | Source::TableSection { .. }
            ) && notes::is_rule_only(&para.text)
            {
                let level = tree[top].level + 1;
                push_node(
                    &mut tree,
                    &mut stack,
                    Source::TableText(para.text.clone(), Span::of(para)),
                    NumberStyle::Plain,
                    level,
                );
                stack.pop();
                continue;
            }
            // A provision about the plan after its last task
            // (`本方案由市政府督查室负责跟踪督办`) is no part of that task.
            if is_provision(&para.text) {
                continue;
            }
            tree[top].content.push(i);
        }
    }
    for (_, table) in tables {
        add_table_with_titles(
            &mut tree,
            &mut stack,
            &mut front,
            &mut started,
            table,
            &push_node,
        );
    }

    check_numbering(&tree, paras, &mut warnings);
    lift_trailing_notes(&mut tree, paras);
    decide_roles(&mut tree, paras);
    let mut outline = emit(&tree, paras, n.wall_of_text, &mut warnings);
    outline.front = front;
    outline.cover = cover.min(outline.front.len());
    outline.unplaced = unplaced;
    (outline, warnings)
}

/// Adds a task table and the text rows above its header: before anything
/// else they are the document's title lines (front matter), later they are
/// text in the outline (a note stating a rule for the table). The table's
/// note rows (`注：…` under its rows) follow its tasks as text.
fn add_table_with_titles(
    tree: &mut Vec<TreeNode>,
    stack: &mut Vec<usize>,
    front: &mut Vec<Para>,
    started: &mut bool,
    table: &Table,
    push_node: &impl Fn(&mut Vec<TreeNode>, &mut Vec<usize>, Source, NumberStyle, usize) -> usize,
) {
    let add_text = |tree: &mut Vec<TreeNode>,
                    stack: &mut Vec<usize>,
                    front: &mut Vec<Para>,
                    started: bool,
                    text: String,
                    line: u32| {
        if started {
            let level = stack.last().map_or(0, |&t| tree[t].level + 1);
            let span = Span {
                line,
                end_line: line,
            };
            push_node(
                tree,
                stack,
                Source::TableText(text, span),
                NumberStyle::Plain,
                level,
            );
            stack.pop();
        } else {
            front.push(super::normalise::text_para(&text, line));
        }
    };
    for (text, line) in super::table::title_rows(table) {
        add_text(tree, stack, front, *started, text, line);
    }
    if add_table(tree, stack, table, push_node) {
        *started = true;
    } else {
        // A table that holds no tasks may still state a rule for those that
        // follow (a workbook's 填报说明 sheet: `只列一个部门且未标注的，由该
        // 部门牵头负责`). Its rule rows are kept as text; the rest, which may
        // be numbered notes, never become items.
        for row in &table.rows {
            let text = super::table::row_text(&row.cells);
            if notes::is_rule_only(&text) {
                add_text(tree, stack, front, *started, text, row.line);
            }
        }
    }
    for (text, line) in super::table::note_rows(table) {
        add_text(tree, stack, front, *started, text, line);
    }
}

/// Adds a task table's sections and tasks to the tree; false when `table`
/// is not a task table. Section rows are top-level headings; rows before
/// any section stand under the heading the table follows (or an untitled
/// one).
fn add_table(
    tree: &mut Vec<TreeNode>,
    stack: &mut Vec<usize>,
    table: &Table,
    push_node: &impl Fn(&mut Vec<TreeNode>, &mut Vec<usize>, Source, NumberStyle, usize) -> usize,
) -> bool {
    let Some(sections) = super::table::tasks_from_table(table) else {
        return false;
    };
    for section in sections {
        let level = if !section.title.is_empty() {
            push_node(
                tree,
                stack,
                Source::TableSection {
                    title: section.title.clone(),
                    line: section.line,
                },
                NumberStyle::Plain,
                0,
            );
            1
        } else if let Some(&top) = stack.last() {
            tree[top].level + 1
        } else {
            push_node(tree, stack, Source::Untitled, NumberStyle::Plain, 0);
            1
        };
        for task in section.tasks {
            let (item, span) = super::table::item_of(task);
            let id = push_node(
                tree,
                stack,
                Source::TableItem(Box::new(item), span),
                NumberStyle::Plain,
                level,
            );
            tree[id].role = Role::Item;
            stack.pop();
        }
    }
    true
}

/// The paragraph index after a cover notice: a document that opens with a
/// notice (`…的通知`, `现将…印发给你们`) and signs it off with a date on its
/// own line before the plan's own text begins: numbered text, or a task
/// table (an attached 分解表 — the notice's own `一、二、` are then
/// requirements on it, not tasks). 0 when there is none.
fn cover_notice_end(paras: &[Para], tables: &[(usize, Table)]) -> usize {
    let notice = paras.iter().take(8).any(|p| {
        let t = &p.text;
        t.ends_with("通知") || t.contains("印发") || t.contains("通知如下")
    });
    if !notice {
        return 0;
    }
    for (i, p) in paras.iter().enumerate().take(80) {
        if !super::meta::is_date_line(&p.text) {
            continue;
        }
        let mut end = i + 1;
        while end < paras.len() && is_publication_remark(&paras[end].text) {
            end += 1;
        }
        // The plan follows: numbered text or a task table after the signature.
        let plan_follows = paras[end..]
            .iter()
            .any(|p| p.numbering().is_some_and(|n| n.style != NumberStyle::Box))
            || tables
                .iter()
                .any(|(at, t)| *at >= end && super::table::tasks_from_table(t).is_some());
        return if plan_follows { end } else { 0 };
    }
    0
}

/// `（此件公开发布）`, `（此件主动公开）`.
fn is_publication_remark(t: &str) -> bool {
    let t = t.trim_matches(['（', '）', '(', ')', ' ']);
    t.starts_with("此件") || t.contains("公开发布") || t.contains("主动公开")
}

fn box_title(num: &Numbering) -> String {
    let n = num.written.trim_start_matches("专栏").trim();
    let title = num.rest.trim();
    let mut s = format!("专栏{n}");
    if !title.is_empty() {
        s.push(' ');
        s.push_str(title);
    }
    s.trim().to_owned()
}

/// Whether the 专栏 at `paras[at]` lists tasks rather than projects: most
/// of its numbered items, before the next 专栏 or heading, name who does
/// them (a note of their own, or a label line right after).
fn box_holds_tasks(paras: &[Para], at: usize) -> bool {
    let (mut items, mut named) = (0, 0);
    for (k, p) in paras.iter().enumerate().skip(at + 1).take(40) {
        let Some(n) = p.numbering() else {
            continue;
        };
        if !is_box_item_style(n.style) {
            break;
        }
        items += 1;
        let label_after = paras
            .get(k + 1)
            .is_some_and(|q| q.numbering().is_none() && notes::parse_annotation(&q.text).is_some());
        if notes::find_task_note(&p.text).is_some() || label_after {
            named += 1;
        }
    }
    items > 0 && named * 2 > items
}

/// Whether `style` numbers the items a 专栏 lists (`1.`, `（1）`, `①`)
/// rather than a heading of the outline or another 专栏.
fn is_box_item_style(style: NumberStyle) -> bool {
    style != NumberStyle::Box && rank(style) >= rank(NumberStyle::Arabic)
}

fn title_of(num: &Numbering) -> String {
    num.rest.trim_end_matches(['。', '.']).trim().to_owned()
}

fn ordinal_of(paras: &[Para], node: &TreeNode) -> Option<u32> {
    match node.source {
        Source::Para(i) => paras[i].numbering().map(|n| n.ordinal),
        _ => None,
    }
}

fn level_of(styles: &[NumberStyle], style: NumberStyle) -> Option<usize> {
    styles.iter().position(|s| *s == style)
}

/// The level of `style` among the styles seen so far. Chinese plans nest
/// their numbering one way (章 > 节 > 条 > 一、 > （一） > 1.1 > 1. > （1） > ①),
/// whichever a part shows first (`一、` with `1.` under it, then `一、`
/// with `（一）` and `1.`): styles are ranked so, and seen ones only count.
/// One exception: articles first seen under `一、` headings (若干措施 of
/// `一、…` parts with `第一条…` numbered straight through) nest below them.
fn level_for(styles: &mut Vec<NumberStyle>, style: NumberStyle) -> usize {
    if let Some(l) = level_of(styles, style) {
        return l;
    }
    let under_headings = style == NumberStyle::Article
        && styles
            .iter()
            .any(|s| matches!(s, NumberStyle::Roman | NumberStyle::CnComma));
    let at = if under_headings {
        styles
            .iter()
            .rposition(|s| matches!(s, NumberStyle::Roman | NumberStyle::CnComma))
            .map_or(0, |p| p + 1)
    } else {
        // Before the first style ranked below it; the list stays in rank
        // order but for an article placed under headings.
        styles
            .iter()
            .position(|s| rank(*s) > rank(style))
            .unwrap_or(styles.len())
    };
    styles.insert(at, style);
    at
}

/// Where a numbering style stands in the nesting of Chinese plans.
/// Decimal outline numbers nest by their depth (1 > 1.1 > 1.1.1), under
/// Chinese headings (`一、` with `1.1` below) and over `1.` and `（1）`
/// items written under them.
fn rank(style: NumberStyle) -> u8 {
    match style {
        NumberStyle::Chapter => 0,
        NumberStyle::Section => 10,
        NumberStyle::Article => 20,
        NumberStyle::Roman => 30,
        NumberStyle::CnComma => 40,
        NumberStyle::CnParen => 50,
        NumberStyle::Decimal(depth) => 50 + depth.clamp(1, 9),
        NumberStyle::Arabic | NumberStyle::Named => 60,
        NumberStyle::ArabicParen | NumberStyle::ArabicHalfParen => 70,
        NumberStyle::Circled => 80,
        NumberStyle::CnOrdinal => 90,
        NumberStyle::Bullet(depth) => 95 + depth.min(4),
        NumberStyle::Box | NumberStyle::Plain => 100,
    }
}

/// Warns where a numbered sequence skips (（一） then （三）): a heading or
/// item the conversion probably lost. A number continues its siblings,
/// restarts at 1, or continues the same style across headings (plans often
/// number their tasks straight through).
fn check_numbering(tree: &[TreeNode], paras: &[Para], warnings: &mut Vec<Warning>) {
    let mut last: HashMap<(Option<usize>, NumberStyle), u32> = HashMap::new();
    let mut last_of_style: HashMap<NumberStyle, u32> = HashMap::new();
    for node in tree {
        let Source::Para(i) = node.source else {
            continue;
        };
        let Some(num) = paras[i].numbering() else {
            continue;
        };
        let prev = last.get(&(node.parent, num.style)).copied().unwrap_or(0);
        let prev_style = last_of_style.get(&num.style).copied().unwrap_or(0);
        let fine = num.ordinal <= prev + 1 || num.ordinal == prev_style + 1;
        if !fine {
            warnings.push(Warning {
                line: paras[i].line,
                message: format!(
                    "number {} follows number {prev}: a heading or item looks missing before it",
                    num.written
                ),
            });
        }
        last.insert((node.parent, num.style), num.ordinal);
        last_of_style.insert(num.style, num.ordinal);
    }
}

/// A note after a run of sub-items that have none of their own belongs to
/// the item owning the run (`1.完善应急预案体系` / `(1)…(2)…(3)…` /
/// `(责任单位:…)`): it moves from the last sub-item to its parent.
fn lift_trailing_notes(tree: &mut [TreeNode], paras: &[Para]) {
    for id in 0..tree.len() {
        let Source::Para(pi) = tree[id].source else {
            continue;
        };
        let kids = tree[id].children.clone();
        let Some(&last) = kids.last() else {
            continue;
        };
        // One sub-item is a run too when it is a measure (`（1）`, `①`)
        // under a numbered point (`1.`), not an item under a heading.
        let one_measure = kids.len() == 1
            && matches!(
                tree[id].style,
                NumberStyle::Arabic | NumberStyle::Decimal(_)
            )
            && matches!(
                tree[last].style,
                NumberStyle::ArabicParen
                    | NumberStyle::ArabicHalfParen
                    | NumberStyle::Circled
                    | NumberStyle::CnOrdinal
                    | NumberStyle::Bullet(_)
            );
        if (kids.len() < 2 && !one_measure) || notes::find_note(&paras[pi].text).is_some() {
            continue;
        }
        let noteless = |k: usize| {
            tree[k].children.is_empty()
                && matches!(tree[k].source, Source::Para(i) if notes::find_note(&paras[i].text).is_none())
        };
        let annotations = |k: usize| {
            tree[k]
                .content
                .iter()
                .position(|&c| notes::parse_annotation(&paras[c].text).is_some())
        };
        if !kids.iter().all(|&k| noteless(k))
            || kids[..kids.len() - 1]
                .iter()
                .any(|&k| annotations(k).is_some())
        {
            continue;
        }
        let Some(from) = annotations(last) else {
            continue;
        };
        // `（以上3项由A牵头）` names the sub-items as items of their own:
        // they stay tasks, each taking the note (see `scope.rs`).
        if opening_ref(&paras[tree[last].content[from]].text).is_some() {
            continue;
        }
        let moved: Vec<usize> = tree[last].content.drain(from..).collect();
        tree[id].content.extend(moved);
    }
}

/// Decides for every numbered node whether it heads a section or is an item.
fn decide_roles(tree: &mut [TreeNode], paras: &[Para]) {
    for id in 0..tree.len() {
        let node = &tree[id];
        let role = match node.source {
            Source::Para(i) if node.style != NumberStyle::Plain => {
                intrinsic_role(tree, id, paras, i)
            }
            Source::TableItem(..) => Role::Item,
            _ => Role::Heading,
        };
        tree[id].role = role;
    }
    // Sentences of work decide first, by the siblings decided so far; then
    // short leaves follow their siblings (an item among items), else their
    // level: all nodes numbered the same way. So a short title line with
    // its body below (`（九）实施…工程。` / `培养…`) among points of work
    // is a point of work too.
    for pass in [Role::LikelyItem, Role::Undecided] {
        let decided: Vec<Role> = tree.iter().map(|n| n.role).collect();
        for id in 0..tree.len() {
            if tree[id].role == pass {
                tree[id].role = role_among_siblings(tree, paras, &decided, id);
            }
        }
    }
}

/// The role of an undecided node (`Role::Undecided`, `Role::LikelyItem`)
/// from the decided roles of the nodes numbered as it is: its siblings,
/// else (for a short leaf) the whole plan.
fn role_among_siblings(tree: &[TreeNode], paras: &[Para], decided: &[Role], id: usize) -> Role {
    let style = tree[id].style;
    let siblings: Vec<usize> = match tree[id].parent {
        Some(p) => tree[p].children.clone(),
        None => (0..tree.len())
            .filter(|&k| tree[k].parent.is_none())
            .collect(),
    };
    let vote = |ids: &mut dyn Iterator<Item = usize>| {
        let (mut items, mut headings) = (0, 0);
        for k in ids {
            if k != id && tree[k].style == style {
                match decided[k] {
                    Role::Item => items += 1,
                    Role::Heading => headings += 1,
                    Role::Undecided | Role::LikelyItem => {}
                }
            }
        }
        (items, headings)
    };
    let (mut items, mut headings) = vote(&mut siblings.iter().copied());
    // Under 保障措施, points of work that name nobody, among siblings
    // that name nobody either, are arrangements, not tasks.
    let under_safeguards = under_safeguards(tree, paras, id);
    if under_safeguards && items == 0 {
        return Role::Heading;
    }
    if tree[id].role == Role::LikelyItem {
        return if headings > items {
            Role::Heading
        } else {
            Role::Item
        };
    }
    if items + headings == 0 {
        (items, headings) = vote(&mut (0..tree.len()));
    }
    if items > 0 && items >= headings {
        Role::Item
    } else {
        Role::Heading
    }
}

/// Whether the node's parent is the part on how the plan is carried out
/// (`五、保障措施`).
fn under_safeguards(tree: &[TreeNode], paras: &[Para], id: usize) -> bool {
    tree[id].parent.is_some_and(|p| match tree[p].source {
        Source::Para(pi) => paras[pi]
            .numbering()
            .is_some_and(|n| is_safeguards(&n.rest)),
        _ => false,
    })
}

/// What a numbered paragraph is by itself and by what it governs.
fn intrinsic_role(tree: &[TreeNode], id: usize, paras: &[Para], i: usize) -> Role {
    let node = &tree[id];
    let para = &paras[i];
    // Under 保障措施 a sentence naming who acts (`县政府督查室会同县商务局每
    // 半年开展一次督查`) describes the arrangement; only a note as the plan
    // writes its tasks' makes a task there.
    let own_clause = notes::find_note(&para.text)
        .is_some_and(|m| !m.sentence || !under_safeguards(tree, paras, id));
    // Annotated: the lines under it open with a note, or are a block of
    // fields (`整改目标：…` / `整改措施：…` / `责任单位：…`) that holds one.
    let annotated = node
        .content
        .iter()
        .take_while(|&&c| {
            super::numbering::field_label(&paras[c].text).is_some()
                || notes::parse_annotation(&paras[c].text).is_some()
        })
        .any(|&c| notes::parse_annotation(&paras[c].text).is_some());
    // A bulleted list under a numbered line, naming nobody, is its body
    // (the points of a task, or of a heading's text): the line is decided
    // as a line without sub-items is.
    let bullets_only = !matches!(node.style, NumberStyle::Bullet(_))
        && node
            .children
            .iter()
            .all(|&c| noteless_bullets(tree, paras, c));
    if !node.children.is_empty() && !bullets_only {
        // A label line under the heading line, before its items, is the
        // heading's own note (its lead is inherited); one after the items
        // closes them.
        let first_child = node
            .children
            .iter()
            .find_map(|&c| match tree[c].source {
                Source::Para(ci) => Some(ci),
                _ => None,
            })
            .unwrap_or(usize::MAX);
        let annotated = node
            .content
            .iter()
            .any(|&c| c > first_child && notes::parse_annotation(&paras[c].text).is_some());
        let noteless_leaves = node.children.iter().all(|&c| {
            tree[c].children.is_empty()
                && matches!(tree[c].source, Source::Para(ci) if notes::find_note(&paras[ci].text).is_none())
                && !tree[c]
                    .content
                    .iter()
                    .any(|&k| notes::parse_annotation(&paras[k].text).is_some())
        });
        // A note after its sub-items: the sub-items are the task's body.
        if annotated && noteless_leaves && !own_clause {
            return Role::Item;
        }
        // Sub-points (①, (1)) of a task that names who does it are its text.
        let minor = node.children.iter().all(|&c| {
            matches!(
                tree[c].style,
                NumberStyle::Circled
                    | NumberStyle::ArabicParen
                    | NumberStyle::ArabicHalfParen
                    | NumberStyle::CnOrdinal
                    | NumberStyle::Bullet(_)
            ) && tree[c].children.is_empty()
                && matches!(tree[c].source, Source::Para(ci) if notes::find_note(&paras[ci].text).is_none())
        });
        if (own_clause || annotated) && minor && !para.heading_shaped() {
            return Role::Item;
        }
        return Role::Heading;
    }
    // `三、责任分工` over `第（一）（二）项由A牵头…`: its lines assign other
    // numbered items of the plan, it is no task itself.
    let own_number = para.numbering();
    let assigns_others = |c: usize| match opening_ref(&paras[c].text).map(|m| m.reference) {
        Some(ItemRef::Numbers(n)) => own_number
            .is_none_or(|o| !n.ordinals.contains(&o.ordinal) || !n.written_alike(&o.written)),
        _ => false,
    };
    if !own_clause && !node.content.is_empty() && node.content.iter().all(|&c| assigns_others(c)) {
        return Role::Heading;
    }
    // `01 项目名称：X` over its fields (`项目内容：…`, `责任单位：…`): a
    // label naming the work says the line is a piece of work.
    let labelled_work = own_number.is_some_and(|n| notes::without_task_label(&n.rest) != n.rest);
    // `五、保障措施` is the part on how the plan is carried out, whatever
    // the lines under it say; only a note on its own line makes it a task.
    let safeguards = own_number.is_some_and(|n| is_safeguards(&n.rest));
    if own_clause || ((annotated || labelled_work) && !safeguards) {
        return Role::Item;
    }
    if !para.heading_shaped() {
        return Role::LikelyItem;
    }
    // `1. 短标题` followed by its body, which ends with a note. (Where more
    // than one paragraph under it has a note of its own, each is a task and
    // the line heads them.)
    // (Not a chapter, `第七章 保障措施`, over prose that names a unit: plans
    // set their tasks inside chapters.)
    let content: Vec<&Para> = node.content.iter().map(|&c| &paras[c]).collect();
    // (`五、保障措施` over `各片区牵头镇每季度召开…` describes the arrangement.)
    if let Some((last, body)) = content.split_last()
        && node.style != NumberStyle::Chapter
        && content.len() <= 3
        && notes::find_note(&last.text).is_some_and(|m| !(m.sentence && safeguards))
        && body.iter().all(|p| notes::find_note(&p.text).is_none())
        && content.iter().all(|p| lead_sentence(&p.text).is_none())
    {
        return Role::Item;
    }
    Role::Undecided
}

/// Whether the subtree at `id` is bullets only, none naming anybody.
fn noteless_bullets(tree: &[TreeNode], paras: &[Para], id: usize) -> bool {
    matches!(tree[id].style, NumberStyle::Bullet(_))
        && matches!(tree[id].source, Source::Para(i) if notes::find_note(&paras[i].text).is_none())
        && !tree[id]
            .content
            .iter()
            .any(|&k| notes::parse_annotation(&paras[k].text).is_some())
        && tree[id]
            .children
            .iter()
            .all(|&c| noteless_bullets(tree, paras, c))
}

/// Emits the outline nodes in reading order.
fn emit(tree: &[TreeNode], paras: &[Para], wall: bool, warnings: &mut Vec<Warning>) -> Outline {
    let mut out = Outline::default();
    // Whether each subtree holds an item that names who does it: such a
    // chapter is no background, whatever it is called.
    let mut names_units = vec![false; tree.len()];
    for id in (0..tree.len()).rev() {
        let own = match &tree[id].source {
            Source::Para(i) if tree[id].role == Role::Item => {
                notes::find_note(&paras[*i].text).is_some()
                    || tree[id]
                        .content
                        .iter()
                        .any(|&c| notes::parse_annotation(&paras[c].text).is_some())
            }
            Source::TableItem(item, _) => !item.clauses.is_empty(),
            _ => false,
        };
        let below = tree[id].children.iter().any(|&c| names_units[c]);
        names_units[id] = own || below;
    }
    // A plan that numbers its tasks numbers all of them: elsewhere its
    // paragraphs are explanation, not tasks.
    let numbered_items = tree.iter().enumerate().any(|(id, n)| {
        n.role == Role::Item
            && matches!(n.source, Source::Para(_))
            && !background(tree, paras, &names_units, id)
    });
    let mut depth = vec![0usize; tree.len()];
    // Sub-points folded into the item above them are not emitted.
    let mut folded = vec![false; tree.len()];
    for id in 0..tree.len() {
        depth[id] = tree[id].parent.map_or(0, |p| depth[p] + 1);
        if let Some(p) = tree[id].parent
            && (folded[p]
                || (tree[p].role == Role::Item && matches!(tree[p].source, Source::Para(_))))
        {
            folded[id] = true;
            continue;
        }
        let node = &tree[id];
        match (&node.source, node.role) {
            (Source::TableItem(item, span), _) => out.nodes.push(Node {
                depth: depth[id],
                span: *span,
                kind: NodeKind::Item((**item).clone()),
            }),
            (Source::TableText(text, span), _) => out.nodes.push(Node {
                depth: depth[id],
                span: *span,
                kind: NodeKind::Prose(text.clone()),
            }),
            (Source::TableSection { title, line }, _) => out.nodes.push(Node {
                depth: depth[id],
                span: Span {
                    line: *line,
                    end_line: *line,
                },
                kind: NodeKind::Heading(Box::new(section_heading(title))),
            }),
            (Source::Para(i), Role::Item) if node.style != NumberStyle::Plain => {
                let item = numbered_item(tree, id, paras, *i);
                // `本措施自…起施行`: a provision about the plan, no task;
                // so is every article of a 附则 chapter, naming units or not
                // (`省发展改革委负责对本措施落实情况进行跟踪评估`).
                if (item.clauses.is_empty() && is_provision(&item.text))
                    || under_supplementary_provisions(tree, paras, id)
                {
                    out.nodes.push(Node {
                        depth: depth[id],
                        span: Span::of(&paras[*i]),
                        kind: NodeKind::Prose(paras[*i].text.clone()),
                    });
                    continue;
                }
                let end = node
                    .content
                    .iter()
                    .copied()
                    .chain(node.children.iter().filter_map(|&c| match tree[c].source {
                        Source::Para(ci) => Some(ci),
                        _ => None,
                    }))
                    .map(|c| paras[c].end_line)
                    .max()
                    .unwrap_or(paras[*i].end_line)
                    .max(paras[*i].end_line);
                out.nodes.push(Node {
                    depth: depth[id],
                    span: Span {
                        line: paras[*i].line,
                        end_line: end,
                    },
                    kind: NodeKind::Item(item),
                });
                for &c in node
                    .content
                    .iter()
                    .filter(|&&c| notes::is_rule_only(&paras[c].text))
                {
                    out.nodes.push(Node {
                        depth: depth[id],
                        span: Span::of(&paras[c]),
                        kind: NodeKind::Prose(paras[c].text.clone()),
                    });
                }
            }
            (source, _) => {
                // A heading (or the untitled root): itself, its projects,
                // then the tasks and prose of its own text.
                let bg = background(tree, paras, &names_units, id);
                let (mut heading, span) = match source {
                    Source::Para(i) => (heading_of(&paras[*i], bg), Span::of(&paras[*i])),
                    _ => (
                        Heading {
                            style: NumberStyle::Plain,
                            number: None,
                            ordinal: None,
                            title: String::new(),
                            clause: None,
                            background: false,
                        },
                        node.content
                            .first()
                            .map(|&c| Span::of(&paras[c]))
                            .unwrap_or_default(),
                    ),
                };
                // Label lines right under the heading line (`牵头单位：A`)
                // are its note: the items below inherit it.
                let mut content: Vec<&Para> = node.content.iter().map(|&c| &paras[c]).collect();
                if matches!(source, Source::Para(_)) {
                    let lead_lines = content
                        .iter()
                        .take_while(|p| {
                            // `第（一）项由A负责` speaks for other items.
                            opening_ref(&p.text).is_none()
                                && notes::parse_annotation(&p.text).is_some()
                        })
                        .count();
                    for p in content.drain(..lead_lines) {
                        let note = notes::parse_annotation(&p.text).unwrap_or_default();
                        match &mut heading.clause {
                            Some(c) => c.note.merge(note),
                            None => {
                                heading.clause = Some(Clause {
                                    text: p.text.clone(),
                                    start: 0,
                                    end: p.text.chars().count(),
                                    line: p.line,
                                    note,
                                })
                            }
                        }
                    }
                }
                // Under 保障措施 or a background chapter, a sentence naming
                // nobody is an arrangement or context, not a task. (The
                // title itself, not one ending so: 完善社会保障体系 is work.)
                let arrangements = bg || is_safeguards(&heading.title);
                out.nodes.push(Node {
                    depth: depth[id],
                    span,
                    kind: NodeKind::Heading(Box::new(heading)),
                });
                // A heading written as a paragraph (`（五）抓严党的建设。坚持…`):
                // its first sentence is the title, the rest its body.
                if let Source::Para(i) = source
                    && let Some(body) = heading_body(&paras[*i])
                {
                    out.nodes.push(Node {
                        depth: depth[id] + 1,
                        span,
                        kind: NodeKind::Prose(body),
                    });
                }
                for (list, text, span) in &node.projects {
                    out.nodes.push(Node {
                        depth: depth[id] + 1,
                        span: *span,
                        kind: NodeKind::Project {
                            list: list.clone(),
                            text: text.clone(),
                        },
                    });
                }
                for n in content_nodes(&content, wall, numbered_items, arrangements, warnings) {
                    out.nodes.push(Node {
                        depth: depth[id] + 1,
                        ..n
                    });
                }
            }
        }
    }
    out
}

/// Whether node `id` stands under a 附则 chapter (`六、附则`, `第五章 附则`).
fn under_supplementary_provisions(tree: &[TreeNode], paras: &[Para], id: usize) -> bool {
    ancestry_has(
        tree,
        paras,
        tree[id].parent,
        |_| true,
        is_supplementary_provisions,
    )
}

/// Whether `from` or a heading above it, of the nodes `node_ok` lets
/// through, has a title `title_is` accepts.
fn ancestry_has(
    tree: &[TreeNode],
    paras: &[Para],
    from: Option<usize>,
    node_ok: impl Fn(usize) -> bool,
    title_is: fn(&str) -> bool,
) -> bool {
    let mut cur = from;
    while let Some(k) = cur {
        if let Source::Para(i) = tree[k].source
            && node_ok(k)
        {
            let title = match paras[i].numbering() {
                Some(n) => title_of(n),
                None => paras[i].text.clone(),
            };
            if title_is(&title) {
                return true;
            }
        }
        cur = tree[k].parent;
    }
    false
}

/// A table's section row as a heading: `一、产业发展` has its number.
fn section_heading(title: &str) -> Heading {
    let (style, number, ordinal, title) = match super::numbering::parse(title) {
        Some(n) if n.style != NumberStyle::Box => {
            (n.style, n.shown(), Some(n.ordinal), title_of(&n))
        }
        _ => (NumberStyle::Plain, None, None, title.trim().to_owned()),
    };
    Heading {
        style,
        number,
        ordinal,
        title,
        clause: None,
        background: false,
    }
}

fn background(tree: &[TreeNode], paras: &[Para], names_units: &[bool], id: usize) -> bool {
    ancestry_has(
        tree,
        paras,
        Some(id),
        |k| tree[k].role != Role::Item && !names_units[k],
        is_background,
    )
}

/// A heading paragraph as an outline heading; a clause on it is split off
/// its title (`一、强化科技创新（区科技局牵头）`).
fn heading_of(para: &Para, background: bool) -> Heading {
    let (style, number, ordinal, rest) = match para.numbering() {
        Some(n) => (n.style, n.shown(), Some(n.ordinal), n.rest.clone()),
        None => (NumberStyle::Plain, None, None, para.text.clone()),
    };
    let mut title = if para.heading_shaped() || para.numbering().is_none() {
        rest.trim_end_matches(['。', '.']).trim().to_owned()
    } else {
        lead_of_item(&rest)
    };
    let mut clause = None;
    if let Some(m) = notes::find_note(&rest) {
        let before: String = rest.chars().take(m.start).collect();
        title = before
            .trim()
            .trim_end_matches(['。', '.', '，', ','])
            .to_owned();
        clause = Some(Clause {
            start: m.start,
            end: m.end,
            line: para.line,
            note: m.note,
            text: m.text,
        });
    }
    if clause.is_none() {
        clause = unit_heading_clause(&title, para.line);
    }
    Heading {
        style,
        number,
        ordinal,
        title,
        clause,
        background,
    }
}

/// A heading whose whole title is one unit's name, as a 分工 sorted by unit
/// writes them (`一、县发展和改革局`, `（一）市交通运输局：`,
/// `二、县教育局牵头的任务`): that unit leads the items below it, as a lead
/// note on the heading would. A topic (`加强人民政府建设`, `政府职能转变`,
/// `产业布局`) names none; the title stays the goal's.
fn unit_heading_clause(title: &str, line: u32) -> Option<Clause> {
    let name = unit_heading_name(title);
    if !ends_like_institution(name) {
        return None;
    }
    let note = notes::whole_unit_name(name)?;
    Some(Clause {
        text: name.to_owned(),
        start: 0,
        end: name.chars().count(),
        line,
        note,
    })
}

/// The text after a paragraph-long heading's first sentence.
fn heading_body(para: &Para) -> Option<String> {
    let num = para.numbering()?;
    if para.heading_shaped() {
        return None;
    }
    let end = num.rest.find(['。', '！', '？', '；'])?;
    let body = num.rest[end..]
        .trim_start_matches(['。', '！', '？', '；'])
        .trim();
    (!body.is_empty()).then(|| body.to_owned())
}

/// A numbered paragraph decided to be an item, with what follows it:
/// annotation lines (each a clause), continuation text, folded sub-points.
fn numbered_item(tree: &[TreeNode], id: usize, paras: &[Para], i: usize) -> Item {
    let node = &tree[id];
    let num = paras[i].numbering().expect("numbered");
    let mut item = new_item(
        num.shown(),
        &num.rest,
        paras[i].end_line,
        ItemSource::Numbered,
    );
    let mut follow: Vec<usize> = node.content.clone();
    for &c in &node.children {
        if let Source::Para(ci) = tree[c].source {
            follow.push(ci);
            follow.extend(tree[c].content.iter().copied());
        }
    }
    follow.sort_unstable();
    // A line stating only a rule (`注：标*的为牵头单位`) under the last item
    // speaks for more than that item: the caller places it as prose.
    follow.retain(|&c| !notes::is_rule_only(&paras[c].text));
    for c in follow {
        append(&mut item, &paras[c]);
    }
    // A title on its own line (`1. 短标题` then its body) is the whole line.
    if paras[i].heading_shaped() && !node.content.is_empty() {
        item.title = title_of(num);
    }
    item
}

/// A new item from its first paragraph's text: the note found in it is its
/// first clause, the title its first sentence without the note.
fn new_item(number: Option<String>, text: &str, line: u32, source: ItemSource) -> Item {
    let mut item = Item {
        number,
        title: lead_of_item(text),
        text: text.to_owned(),
        clauses: Vec::new(),
        source,
    };
    // (`市民政局：负责…`: a member unit's duty names its unit before the
    // colon, which is also the item's title.)
    if let Some(m) = notes::find_note(text).or_else(|| notes::duty_entry(text)) {
        item.clauses.push(Clause {
            start: m.start,
            end: m.end,
            line,
            note: m.note,
            text: m.text,
        });
    }
    item
}

/// Adds a following paragraph to an item: an annotation line as a clause
/// of its own after a line break; other text as continuation.
fn append(item: &mut Item, para: &Para) {
    if let Some(note) = notes::parse_annotation(&para.text) {
        item.text.push('\n');
        let start = item.text.chars().count();
        item.text.push_str(&para.text);
        let end = item.text.chars().count();
        item.clauses.push(Clause {
            text: para.text.clone(),
            start,
            end,
            line: para.line,
            note: note.shifted(start),
        });
        return;
    }
    let offset = item.text.chars().count();
    item.text.push_str(&para.text);
    if item.clauses.is_empty()
        && let Some(m) = notes::find_note(&para.text)
    {
        item.clauses.push(Clause {
            start: offset + m.start,
            end: offset + m.end,
            line: para.end_line,
            note: m.note.shifted(offset),
            text: m.text,
        });
    }
}

/// The tasks and prose of a heading's own text: a paragraph opening with
/// a lead sentence (unless the plan numbers its tasks) or carrying a
/// clause starts a task; text after a task continues it; text before the
/// first task is prose, one node per paragraph.
fn content_nodes(
    content: &[&Para],
    wall: bool,
    numbered_items: bool,
    arrangements: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<Node> {
    if wall && !numbered_items {
        return wall_nodes(content);
    }
    let mut nodes: Vec<Node> = Vec::new();
    for para in content {
        // `第（一）项由A负责`: a note on items named elsewhere, no task.
        let names_items = opening_ref(&para.text).is_some();
        let has_clause = notes::find_task_note(&para.text).is_some();
        let lead = lead_sentence(&para.text);
        let source = if names_items {
            None
        } else if lead.is_some() && !numbered_items && (has_clause || !arrangements) {
            Some(ItemSource::LeadSentence)
        } else if has_clause && !notes::is_rule_only(&para.text) {
            Some(ItemSource::Clause)
        } else {
            None
        };
        let last_item = match nodes.last_mut() {
            Some(Node {
                kind: NodeKind::Item(item),
                span,
                ..
            }) => Some((item, span)),
            _ => None,
        };
        // Annotation lines belong to the task before them; a line stating
        // only a rule (`注：标*的为牵头单位`) speaks for more than that task.
        if let Some((item, span)) = last_item
            && !notes::is_rule_only(&para.text)
            && (source.is_none() || notes::parse_annotation(&para.text).is_some())
        {
            append(item, para);
            span.end_line = para.end_line;
            continue;
        }
        match source {
            Some(source) => {
                let mut item = new_item(None, &para.text, para.end_line, source);
                if let Some(lead) = lead {
                    item.title = lead.to_owned();
                }
                nodes.push(Node {
                    depth: 0,
                    span: Span::of(para),
                    kind: NodeKind::Item(item),
                });
            }
            None => nodes.push(Node {
                depth: 0,
                span: Span::of(para),
                kind: NodeKind::Prose(para.text.clone()),
            }),
        }
    }
    for n in &nodes {
        if let NodeKind::Item(item) = &n.kind
            && item.clauses.is_empty()
            && looks_like_unparsed_note(&item.text)
        {
            warnings.push(Warning {
                line: n.span.end_line,
                message: format!(
                    "task “{}”: a responsibility note could not be parsed",
                    item.title
                ),
            });
        }
    }
    nodes
}

/// Tasks in a wall of text (its paragraph breaks lost): short imperative
/// sentences start them. A lone such sentence is prose, and when most
/// start with one verb (`推动…片区…` ×3), a sentence opening otherwise is
/// part of the task before it: sibling titles are parallel.
fn wall_nodes(content: &[&Para]) -> Vec<Node> {
    let mut sentences: Vec<(&str, u32)> = Vec::new();
    for para in content {
        for (at, s) in split_sentences(&para.text) {
            sentences.push((s, para.line_at(at)));
        }
    }
    let leads: Vec<usize> = (0..sentences.len())
        .filter(|&k| inline_lead(sentences[k].0))
        .collect();
    let mut starts: Vec<usize> = if leads.len() >= 2 { leads } else { Vec::new() };
    if starts.len() >= 3 {
        let mut verbs: HashMap<String, usize> = HashMap::new();
        for &k in &starts {
            *verbs
                .entry(sentences[k].0.chars().take(2).collect())
                .or_default() += 1;
        }
        if let Some((verb, n)) = verbs.iter().max_by_key(|(_, n)| **n)
            && *n * 2 > starts.len()
            && *n < starts.len()
        {
            let verb = verb.clone();
            starts.retain(|&k| sentences[k].0.starts_with(verb.as_str()));
        }
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut intro = String::new();
    let mut intro_span: Option<Span> = None;
    for (k, &(s, line)) in sentences.iter().enumerate() {
        if starts.contains(&k) {
            let item = Item {
                number: None,
                title: s.trim_end_matches(['。', '！', '？']).to_owned(),
                text: s.to_owned(),
                clauses: Vec::new(),
                source: ItemSource::Sentence,
            };
            nodes.push(Node {
                depth: 0,
                span: Span {
                    line,
                    end_line: line,
                },
                kind: NodeKind::Item(item),
            });
        } else if let Some(Node {
            kind: NodeKind::Item(item),
            span,
            ..
        }) = nodes.last_mut()
        {
            item.text.push_str(s);
            span.end_line = line;
        } else {
            intro.push_str(s);
            let sp = intro_span.get_or_insert(Span {
                line,
                end_line: line,
            });
            sp.end_line = line;
        }
    }
    if let Some(span) = intro_span {
        nodes.insert(
            0,
            Node {
                depth: 0,
                span,
                kind: NodeKind::Prose(intro),
            },
        );
    }
    nodes
}

/// A short imperative sentence that starts a task inside running text.
fn inline_lead(sentence: &str) -> bool {
    let body = sentence.trim_end_matches(['。', '！', '？']);
    let n = body.chars().count();
    (4..=15).contains(&n)
        && !body.contains(['，', ',', '；', '：', '、'])
        && opens_with_work_verb(body)
}

/// Splits text into sentences, keeping their end punctuation and byte offsets.
fn split_sentences(text: &str) -> Vec<(usize, &str)> {
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

/// The title of an item: its first sentence, without a note.
fn lead_of_item(rest: &str) -> String {
    let first = match rest.find(['。', '！', '？', '；']) {
        Some(end) => &rest[..end],
        None => rest,
    };
    let first = match notes::find_note(first) {
        // `A牵头，B配合：开展…排查整治`: a note opening the item, its title
        // after the colon.
        Some(m)
            if m.end < first.chars().count()
                && first.chars().take(m.start).all(char::is_whitespace) =>
        {
            first
                .chars()
                .skip(m.end)
                .collect::<String>()
                .trim_start_matches([':', '：', ' ', '\u{3000}'])
                .to_owned()
        }
        // `关于…的问题，由A负责`: the comma before the note ends the title.
        Some(m) => first
            .chars()
            .take(m.start)
            .collect::<String>()
            .trim_end()
            .trim_end_matches([',', '，', '、'])
            .to_owned(),
        None => first.to_owned(),
    };
    // `深化网格建设：优化网格划分…`: a colon outside brackets ends the
    // title too, unless what stands before it names a field
    // (`项目名称：…`).
    let first = match title_colon(&first) {
        Some(at) if !names_a_field(&first[..at]) => first[..at].to_owned(),
        _ => first,
    };
    without_time_bracket(first.trim()).to_owned()
}

/// Whether `text`, before a colon, is a field's name (`项目名称`,
/// `主要内容`, `工作任务`) rather than a task's title.
fn names_a_field(text: &str) -> bool {
    const FIELDS: &[&str] = &[
        "名称", "内容", "任务", "事项", "目标", "要求", "单位", "时限", "时间",
    ];
    let text = text.trim();
    text.chars().count() <= 6 && FIELDS.iter().any(|f| text.ends_with(f))
}

/// Where the first colon outside brackets and quotes stands in `text`,
/// a ratio's (`2.5:1`) aside.
fn title_colon(text: &str) -> Option<usize> {
    let ratio = |i: usize| {
        text[..i].ends_with(|p: char| p.is_ascii_digit())
            && text[i..].chars().nth(1).is_some_and(|n| n.is_ascii_digit())
    };
    outside_brackets(text)
        .find(|&(i, c)| matches!(c, '：' | ':') && !ratio(i))
        .map(|(i, _)| i)
}

/// A title without a closing bracket that holds only a time
/// (`改造村卫生室40个（2026年）`): it says when the work is due (the item's
/// deadline), not what it is. A plan's period after its name
/// (`编制国土空间规划（2021—2035年）`) is part of the name.
fn without_time_bracket(title: &str) -> &str {
    let Some(body) = title.strip_suffix(['）', ')']) else {
        return title;
    };
    // `rfind` gives a char boundary: the bracket and what it holds.
    let Some(open) = body.rfind(['（', '(']) else {
        return title;
    };
    let (before, time) = (&body[..open], body[open..].trim_start_matches(['（', '(']));
    if before.trim().is_empty() || ends_like_plan_title(before) || !notes::is_time_only(time) {
        return title;
    }
    before.trim_end()
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

/// Paragraphs that look like tasks or notes but were not placed: used by
/// the report (`goals.rs` adds those in background and prose).
pub fn unknown_numbering(p: &Para) -> Option<Unplaced> {
    let t = p.text.trim();
    let mut chars = t.chars();
    let first = chars.next()?;
    let second = chars.next()?;
    // `A.`, `a)`, `I、`, `1-1`, `（A）`: a number the folding does not know.
    let looks = (first.is_ascii_alphanumeric() && matches!(second, '.' | ')' | '、' | '）' | '-'))
        || (matches!(first, '（' | '(') && second.is_ascii_alphabetic());
    (looks && p.numbering().is_none()).then(|| Unplaced {
        line: p.line,
        text: excerpt(t),
        reason: "unknown numbering".to_owned(),
    })
}

/// The first chars of a text, for a report line.
pub fn excerpt(t: &str) -> String {
    let mut s: String = t.chars().take(30).collect();
    if t.chars().nth(30).is_some() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::goals::{GoalDraft, goals};
    use crate::extract::normalise::normalise;
    use crate::extract::scope::resolve;

    fn outline(text: &str) -> (Vec<GoalDraft>, Vec<Warning>) {
        let n = normalise(text);
        let (o, w) = build(&n);
        (goals(&o, &resolve(&o)).0, w)
    }

    fn titles(goals: &[GoalDraft]) -> Vec<&str> {
        goals.iter().map(|g| g.title.as_str()).collect()
    }

    fn task_titles(g: &GoalDraft) -> Vec<&str> {
        g.tasks.iter().map(|t| t.title.as_str()).collect()
    }

    #[test]
    fn numbered_tasks_under_goals() {
        let (g, _) = outline(
            "一、总体目标\n到2025年，基本建成。\n二、重点任务\n（一）强化北部中心\n北部中心要提升协同度,壮大动能。\n1.推动北部能级提升。加强对接。(产业转移工业园牵头,市发展和改革局、北部7镇配合)\n2.推进园区集聚增效。坚持思路。(市交通运输局牵头,北部7镇配合)\n（二）提升东南部中心\n1.建设港口。加快推进。(广海湾经济开发区牵头,市相关单位配合)\n三、工作保障\n（一）落实责任\n各镇要制定计划。",
        );
        assert_eq!(
            titles(&g),
            vec!["强化北部中心", "提升东南部中心", "落实责任"]
        );
        assert_eq!(g[0].heading_path, vec!["重点任务"]);
        assert_eq!(g[0].body, "北部中心要提升协同度,壮大动能。");
        assert_eq!(
            task_titles(&g[0]),
            vec!["推动北部能级提升", "推进园区集聚增效"]
        );
        assert_eq!(g[0].tasks[0].number.as_deref(), Some("1."));
        assert_eq!(g[0].tasks[0].note.leads, vec!["产业转移工业园"]);
        assert!(g[2].tasks.is_empty(), "a goal with prose only");
        assert_eq!(g[2].body, "各镇要制定计划。");
    }

    #[test]
    fn the_same_numbering_is_a_task_level_in_another_plan() {
        // （一） under 一、 are the tasks here: they carry their notes.
        let (g, _) = outline(
            "一、稳定经济增长\n（一）扩大有效投资。全年安排重点项目120个。（市发改局牵头，市财政局配合）\n（二）促进消费升级。（市商务局牵头）\n（三）稳定外贸外资。\n二、保障和改善民生\n（四）新增城镇就业2万人。（市人社局牵头）",
        );
        assert_eq!(titles(&g), vec!["稳定经济增长", "保障和改善民生"]);
        assert_eq!(
            task_titles(&g[0]),
            vec!["扩大有效投资", "促进消费升级", "稳定外贸外资"],
            "a numbered item without a note is a task when its siblings are"
        );
        assert_eq!(g[1].tasks[0].note.leads, vec!["市人社局"]);
    }

    #[test]
    fn folded_numbering_reads_levels() {
        let (g, _) = outline(
            "１．加快交通建设\n（１）建设高速公路。（市交通局牵头）\n（２）改造国省干线。（市交通局牵头）\n２．完善城市功能\n⑴推进老旧小区改造。（市住建局牵头）",
        );
        assert_eq!(titles(&g), vec!["加快交通建设", "完善城市功能"]);
        assert_eq!(g[0].tasks.len(), 2);
        assert_eq!(g[1].tasks[0].number.as_deref(), Some("⑴"));
    }

    #[test]
    fn a_title_on_its_own_line_with_its_body_after() {
        let (g, _) = outline(
            "一、产业发展\n1.建设产业园区\n加快园区基础设施建设，完善配套。（市发改局牵头）\n2.推进技术改造\n支持企业技术改造。（市工信局牵头）",
        );
        assert_eq!(task_titles(&g[0]), vec!["建设产业园区", "推进技术改造"]);
        assert_eq!(g[0].tasks[1].note.leads, vec!["市工信局"]);
    }

    #[test]
    fn lead_sentence_paragraphs_and_background() {
        let (g, _) = outline(
            "一、基础条件\n（一）区位优势\n区位优势突出。江门位于南部。\n二、建设产业新高地\n充分发挥广海湾地区的潜力优势，加强联动。\n（一）打好新兴产业发展基础。\n逐步提升创新能力。由市级统筹，推进合作。\n积极发展新兴产业。基于现行产业基础，充分发挥\n\n能源成本优势。\n（二）推进传统产业升级。\n大力发展食品产业。鼓励企业。",
        );
        assert_eq!(titles(&g), vec!["打好新兴产业发展基础", "推进传统产业升级"]);
        assert_eq!(
            task_titles(&g[0]),
            vec!["逐步提升创新能力", "积极发展新兴产业"]
        );
        assert!(g[0].tasks[1].text.ends_with("充分发挥能源成本优势。"));
    }

    #[test]
    fn a_background_chapter_whose_items_name_units_is_work() {
        let (g, _) = outline(
            "一、总体要求和主要目标\n1.地区生产总值增长6%。\n牵头单位：市发改委\n2.城镇新增就业2万人。\n牵头单位：市人社局\n二、指导思想\n坚持稳中求进。",
        );
        assert_eq!(titles(&g), vec!["总体要求和主要目标"]);
        assert_eq!(g[0].tasks.len(), 2);
    }

    #[test]
    fn a_cover_notice_and_its_points_are_front_matter() {
        let n = normalise(
            "某市人民政府关于印发某市重点工作分工方案的通知\n各区人民政府：\n现将方案印发给你们，并通知如下。\n一、强化责任意识。各牵头单位要统筹推进。\n二、加强督查督办。每季度报送进展。\n某市人民政府\n2025年1月22日\n（此件公开发布）\n某市重点工作分工方案\n一、扩大有效需求\n1.推动消费提质扩容。（牵头单位：市商务局）",
        );
        let (o, _) = build(&n);
        assert_eq!(o.cover, 8);
        let g = goals(&o, &resolve(&o)).0;
        assert_eq!(titles(&g), vec!["扩大有效需求"]);
        assert_eq!(task_titles(&g[0]), vec!["推动消费提质扩容"]);
    }

    #[test]
    fn box_entries_are_projects_not_tasks() {
        let (g, _) = outline(
            "一、基础设施\n（一）构建交通网络。\n打造多向联通运输通道。构建以铁路为骨干的通道，推进建设，加快形成网络格局，完善枢纽功能，强化与周边城市的联系，提高运输效率，形成便捷高效的综合交通网络体系。\n专栏 5-1 交通运输网络重点项目\n（一）铁路\n研究规划南宁经玉林至深圳高速铁路。\n（二）高速公路\n建设中山至开平高速公路。\n（二）全面提升运输服务水平。\n构建交通枢纽服务体系。依托沿线车站。\n专栏 5-6 水利项目\n防洪减灾工程。实施水库除险加固工程。\n二、开放发展\n（一）增强外贸竞争力。\n培育外贸新优势。促进加工贸易。",
        );
        assert_eq!(
            titles(&g),
            vec!["构建交通网络", "全面提升运输服务水平", "增强外贸竞争力"]
        );
        assert_eq!(g[0].tasks.len(), 1);
        assert_eq!(g[0].projects.len(), 2);
        assert_eq!(g[0].projects[0].list, "专栏5-1 交通运输网络重点项目");
        assert!(g[0].projects[0].text.starts_with("铁路："));
        assert_eq!(g[1].tasks.len(), 1);
        assert_eq!(g[1].projects.len(), 1);
    }

    #[test]
    fn wall_of_text_tasks_by_sentence() {
        let text = "（一）提升“一核”辐射带动作用\n“一核”包括XX、XX。提升区域性中心城市能级。优化城市空间布局,加快完善城市组团。联合组建一批新型研发机构。做强先进制造业和服务业。加快发展电子信息产业。";
        // Not a wall (no page numbers), so the paragraph's lead decides.
        assert_eq!(outline(text).0.len(), 1);
        let mut n = normalise(text);
        n.wall_of_text = true;
        let (o, _) = build(&n);
        let g = goals(&o, &resolve(&o)).0;
        assert_eq!(
            task_titles(&g[0]),
            vec!["提升区域性中心城市能级", "做强先进制造业和服务业"]
        );
        assert_eq!(g[0].body, "“一核”包括XX、XX。");
    }

    #[test]
    fn in_a_wall_a_lone_or_unparallel_lead_is_prose() {
        let mut n = normalise(
            "（一）推进基础设施互联互通\n有序推进市到县快速通道提档升级，建设骨干路网。建设客货运枢纽。推进各种运输方式之间客运的零距离换乘和货运的无缝衔接。\n（二）支持三大片区错位发展\n推动中部片区一体化。中部片区包括XX。推动东南片区跨越发展。大力发展现代农业。支持XX发展生猪。推动西北片区绿色崛起。西北片区包括XX。",
        );
        n.wall_of_text = true;
        let (o, _) = build(&n);
        let g = goals(&o, &resolve(&o)).0;
        assert!(g[0].tasks.is_empty());
        assert!(g[0].body.contains("建设客货运枢纽"));
        assert_eq!(
            task_titles(&g[1]),
            vec![
                "推动中部片区一体化",
                "推动东南片区跨越发展",
                "推动西北片区绿色崛起"
            ]
        );
    }

    #[test]
    fn news_article_plain_headings() {
        let (g, _) = outline(
            "新会区坚持全局思维,以行动作答。\n文/图 记者 某某\n“十大行动”攻坚克难\n加快推进“区镇一体,园镇融合”\n向改革要动力,县域才能有活力。\n区镇一体融合发展攻坚行动。打破镇域行政界限。\n搭建平台服务发展攻坚行动。开展园区建设。\n“十大建设”夯实基础\n全面加强交通基础设施建设。加快推进铁路建设。",
        );
        assert_eq!(titles(&g), vec!["“十大行动”攻坚克难", "“十大建设”夯实基础"]);
        assert_eq!(g[0].tasks.len(), 2);
    }

    #[test]
    fn missing_heading_is_reported() {
        let (_, w) =
            outline("一、任务\n（一）甲项工作\n推进甲项。做好。\n（三）丙项工作\n推进丙项。做好。");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].message.contains("missing"));
        // Numbering straight through headings is no gap.
        let (_, w) = outline(
            "一、甲\n（一）推进甲。（A局牵头）\n（二）推进乙。（A局牵头）\n二、乙\n（三）推进丙。（A局牵头）",
        );
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn item_numbers_from_1000_on_are_items() {
        let mut text = String::from("一、任务\n");
        for n in 1..=1003 {
            text.push_str(&format!("{n}.推进第{n}项工作。（市发改局牵头）\n"));
        }
        let (g, _) = outline(&text);
        assert_eq!(g[0].tasks.len(), 1003);
        assert_eq!(g[0].tasks[999].number.as_deref(), Some("1000."));
        assert_eq!(g[0].tasks[1002].title, "推进第1003项工作");
    }
}
