//! Responsibility notes: `(A牵头,B、C配合)` and the other conventions → leads and partners.
//!
//! Plans say who does a task in many ways:
//! - a bracketed note at the end of the task: `(A牵头,B、C配合)`,
//!   `(A、B分别牵头,C配合)`, `[A、B,C分别牵头,各相关镇(街,下同)配合]`,
//!   `（牵头单位：A；配合单位：B、C）`, `〔A负责〕`, `【责任单位：A、B】`;
//! - annotation lines after the task: `牵头单位：A` / `配合单位：B、C` /
//!   `牵头负责领导：张三` / `完成时限：2025年底前`;
//! - a closing clause after the work: `关于…的问题，由A会同B研究提出落实意见`;
//! - shared notes whose subject names the items (`以上3项由A牵头`,
//!   `第8—10项责任单位：…`): the subject is no unit;
//! - ditto fields (`牵头单位：同上`, `配合单位：同第7项`, a whole `（同上）`),
//!   filled from that task in `scope.rs`;
//! - rules stated once for the whole document: `列第一位的为牵头单位，下同`,
//!   `无牵头单位的，责任单位即为牵头单位`, `以下工作均需各县（市、区）落实，不再列出`.
//!
//! How a caller uses it, paragraph by paragraph in document order:
//! 1. `rules.observe(p)` on every paragraph ([`NoteRules`]);
//! 2. for a task paragraph, [`find_note`] (bracketed, or labelled at its end);
//! 3. merge [`parse_annotation`] of the lines that follow it ([`ParsedNote::merge`]);
//! 4. `rules.apply(note)` once the task is complete;
//! 5. for tables, [`parse_unit_cell`] per unit column (see `table.rs`).
//!
//! What it decides where plans are vague: `负责` makes leads only when no
//! unit is `牵头` (`A牵头，B负责` → B partners); once a lead is named,
//! `责任单位` are partners; `责任单位` alone stay `responsible` with no lead
//! unless a document rule says otherwise; `分别牵头` anywhere in a note makes
//! several leads Respective.
//!
//! Matching runs on a normalised copy of the text (simplified characters,
//! half-width punctuation, `〔〕【】［］` as `[]`) that has exactly one char per
//! char of the original, so every name is cut from the original text and
//! returned as the document writes it.

mod body;
mod labels;
mod memo;
mod names;
mod rules;
mod standing;
mod text;
mod time;
mod vocab;

pub use labels::without_task_label;

/// Whether `before` may end with a unit's name and `after` (the rest of the
/// cell) begin another (`…管理局` / `市直各有关部门`): where two lines of a
/// cell listing one unit a line meet, not where a name wraps (`…和规` /
/// `划局`). A company after a government department (`县文化和旅游局` /
/// `凤岙文旅投资有限公司`) is a unit of its own: no bureau's office is one.
pub fn may_end_and_begin_units(before: &str, after: &str) -> bool {
    let first_name = after
        .split(['、', '，', ',', '；', ';', '\n'])
        .next()
        .unwrap_or("")
        .trim();
    before.chars().last().is_some_and(vocab::ends_like_unit)
        && (names::has_own_level(after)
            || (names::is_department(before)
                && ["公司", "集团"].iter().any(|w| first_name.ends_with(w))))
}
/// For reading a two-part deadline as dates (`crate::deadline`).
use crate::model::LeadMode;
use body::{Builder, parse_body, parse_body_as};
use labels::{find_labels, labelled_deadline};
pub use rules::{NoteRules, RuleReach, is_rule_only, rule_reach};
use text::{Group, Text, is_close, is_open, split_top_level, top_level_groups};
use time::{deadline_in, time_clause};
pub use time::{is_time_only, time_and_verb};
use vocab::{LabelKind, Role};

/// Who does a task, as one note (or several annotation lines) says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNote {
    /// Lead units (牵头), names as written.
    pub leads: Vec<String>,
    /// Partner units (配合, 参与, 协助, 按职责分工负责…).
    pub partners: Vec<String>,
    /// Units named responsible (责任单位) when no lead is identifiable.
    pub responsible: Vec<String>,
    pub mode: LeadMode,
    /// A responsible person (牵头负责领导), never a unit.
    pub leader: Option<String>,
    /// The deadline as written (`2025年底前`, `持续推进`).
    pub deadline: Option<String>,
    /// Where each unit's name was cut from the parsed text.
    pub spans: Vec<NameSpan>,
    /// Parts of the note that were neither a unit, a role, a deadline nor a
    /// rule: the note was not read completely.
    pub unread: Vec<String>,
    /// Units the note writes with a mark (`市商务局*`, `★市财政局`), and the
    /// mark: leads where the document's legend says so
    /// ([`NoteRules::apply`]), otherwise nothing.
    pub marked: Vec<(String, char)>,
    /// Who follows the work up (`督办单位：市政府督查室`): no unit of the task.
    pub supervisors: Vec<String>,
    /// Fields the note says are another task's (`同上`, `配合单位：同第7项`),
    /// filled once the tasks are known ([`crate::extract::scope::resolve`]).
    pub ditto: Vec<Ditto>,
    /// `（与X共同牵头）` under a heading naming its lead: X leads together with
    /// the lead the task inherits, not instead of it.
    pub joins_inherited_lead: bool,
}

/// A field a note writes as "same as" another task's: `牵头单位：同上`,
/// `完成时限：同上`, a whole note `（同第3项）`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ditto {
    pub field: DittoField,
    pub of: DittoOf,
}

/// Which of a note's fields a [`Ditto`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DittoField {
    /// The whole note: every unit and the deadline.
    All,
    Leads,
    Partners,
    Responsible,
    Deadline,
}

/// Which task a [`Ditto`] refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DittoOf {
    /// `同上`, `同上项`: the task before.
    Previous,
    /// `同第7项`: the task numbered so.
    Item(u32),
}

/// A unit's name as written and the char range it was cut from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    pub name: String,
    pub start: usize,
    pub end: usize,
    /// The name with the level prefix it shares with the name before it in
    /// its list (`交通运输厅` after `省发展改革委` → `省交通运输厅`).
    pub expanded: Option<String>,
}

impl Default for ParsedNote {
    fn default() -> Self {
        Self {
            leads: Vec::new(),
            partners: Vec::new(),
            responsible: Vec::new(),
            mode: LeadMode::None,
            leader: None,
            deadline: None,
            spans: Vec::new(),
            unread: Vec::new(),
            marked: Vec::new(),
            supervisors: Vec::new(),
            ditto: Vec::new(),
            joins_inherited_lead: false,
        }
    }
}

/// A responsibility note found inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMatch {
    /// Char (not byte) offset of the note's opening bracket in the paragraph.
    pub start: usize,
    /// Char offset just past the closing bracket (or the paragraph's end when
    /// the note is never closed).
    pub end: usize,
    /// The note as written, brackets included.
    pub text: String,
    pub note: ParsedNote,
    /// A closing sentence without brackets or labels (`由X负责。`): it says
    /// who does the task it ends, but does not make a paragraph a task.
    pub sentence: bool,
}

impl ParsedNote {
    /// Adds what `other` says (e.g. the next annotation line of the same task).
    pub fn merge(&mut self, other: ParsedNote) {
        let respective = self.mode == LeadMode::Respective || other.mode == LeadMode::Respective;
        push_unique(&mut self.leads, other.leads);
        push_unique(&mut self.partners, other.partners);
        push_unique(&mut self.responsible, other.responsible);
        if self.leader.is_none() {
            self.leader = other.leader;
        }
        if self.deadline.is_none() {
            self.deadline = other.deadline;
        }
        for span in other.spans {
            if !self.spans.iter().any(|s| s.name == span.name) {
                self.spans.push(span);
            }
        }
        push_unique(&mut self.unread, other.unread);
        push_unique(&mut self.marked, other.marked);
        push_unique(&mut self.supervisors, other.supervisors);
        push_unique(&mut self.ditto, other.ditto);
        self.joins_inherited_lead |= other.joins_inherited_lead;
        self.settle(respective);
    }

    /// Fills the field `ditto` stands for from `source`, the note of the
    /// task it refers to; returns the names copied (stated elsewhere).
    pub fn fill_ditto(&mut self, ditto: Ditto, source: &ParsedNote) -> Vec<String> {
        let mut copied = Vec::new();
        let mut copy = |into: &mut Vec<String>, from: &[String]| {
            for name in from {
                if !into.contains(name) {
                    into.push(name.clone());
                    copied.push(name.clone());
                }
            }
        };
        let all = ditto.field == DittoField::All;
        if all || ditto.field == DittoField::Leads {
            copy(&mut self.leads, &source.leads);
        }
        if all || ditto.field == DittoField::Partners {
            copy(&mut self.partners, &source.partners);
        }
        if all || ditto.field == DittoField::Responsible {
            copy(&mut self.responsible, &source.responsible);
        }
        if (all || ditto.field == DittoField::Deadline) && self.deadline.is_none() {
            self.deadline.clone_from(&source.deadline);
        }
        let leads_copied = all || ditto.field == DittoField::Leads;
        let respective = self.mode == LeadMode::Respective
            || (leads_copied && source.mode == LeadMode::Respective);
        self.settle(respective);
        copied
    }

    /// The note with its spans moved by `offset` chars (a note parsed from
    /// part of a text, placed in the whole).
    pub fn shifted(mut self, offset: usize) -> ParsedNote {
        for s in &mut self.spans {
            s.start += offset;
            s.end += offset;
        }
        self
    }

    /// Where `name` was cut from, if this note cut it.
    pub fn span_of(&self, name: &str) -> Option<&NameSpan> {
        self.spans.iter().find(|s| s.name == name)
    }

    /// True when the note names no unit, person or deadline, and refers
    /// to no other task's.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
            && self.partners.is_empty()
            && self.responsible.is_empty()
            && self.leader.is_none()
            && self.deadline.is_none()
            && self.ditto.is_empty()
    }

    /// Restores the invariants after units were added: once a lead is named,
    /// other 责任单位 are partners; no unit is both lead and partner; the mode
    /// follows the number of leads.
    fn settle(&mut self, respective: bool) {
        if !self.leads.is_empty() && !self.responsible.is_empty() {
            let responsible = std::mem::take(&mut self.responsible);
            push_unique(&mut self.partners, responsible);
        }
        let leads = self.leads.clone();
        self.partners.retain(|p| !leads.contains(p));
        self.mode = mode_for(self.leads.len(), respective);
    }
}

fn mode_for(leads: usize, respective: bool) -> LeadMode {
    match leads {
        0 => LeadMode::None,
        1 => LeadMode::Single,
        _ if respective => LeadMode::Respective,
        _ => LeadMode::Joint,
    }
}

fn push_unique<T: PartialEq>(into: &mut Vec<T>, from: Vec<T>) {
    for name in from {
        if !into.contains(&name) {
            into.push(name);
        }
    }
}

/// Opening brackets and colons in every width and style, for quick rejects
/// on the original text (before normalising).
const OPEN_BRACKETS: &[char] = &[
    '(', '[', '{', '（', '［', '｛', '〔', '【', '﹝', '〖', '〘', '﹙', '〈', '⟨',
];
const COLONS: &[char] = &[':', '：', '︰', '﹕'];
/// A char of every strong verb (牵头, 会同, 负责, 配合, 主责, 协办, 按职责…), in
/// both scripts.
const STRONG_VERB_CHARS: &[char] = &[
    '牵', '牽', '会', '會', '负', '負', '配', '责', '責', '办', '辦', '按', '依', '据', '據',
];
/// A char of the other verbs of answering for a task (主抓, 抓总, 统筹): too
/// common in running text (主要, 统一) to let every paragraph through the
/// quick reject, so they count for short annotation lines only.
const ANSWERING_VERB_CHARS: &[char] = &['主', '抓', '统', '統'];
/// Longest unlabelled annotation line (`市发展和改革局牵头，市财政局配合`).
const MAX_VERB_LINE: usize = 80;

// ---------------------------------------------------------------------------
// Public entry points.

/// The role of a unit column in a 分工表.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitColumn {
    /// 牵头单位.
    Lead,
    /// 配合单位, 协同责任单位.
    Partner,
    /// 责任单位.
    Responsible,
}

/// The units of one table cell (`市发展和改革局、市财政局`), in the role of
/// its column. Verbs inside the cell still count (`A、B分别牵头`), and
/// placeholders (`—`, `/`, `无`) name nobody.
pub fn parse_unit_cell(cell: &str, column: UnitColumn) -> ParsedNote {
    let t = Text::new(cell);
    let role = match column {
        UnitColumn::Lead => Role::Lead,
        UnitColumn::Partner => Role::Partner,
        UnitColumn::Responsible => Role::Responsible,
    };
    let mut b = parse_body_as(&t, 0, t.norm.len(), Some(role));
    b.strong = true;
    b.invalid = false;
    b.finish().unwrap_or_default()
}

/// The units a remark cell of a 分工表 names by a role word of its own
/// (`各乡镇人民政府具体实施`, `A、B分别负责本单位清欠`); nothing for a remark
/// about the work (`每季度通报一次`, `与第6项统筹推进`). The row's unit
/// columns name the lead, so the remark is read as a note beside one.
pub fn parse_remark_cell(cell: &str) -> ParsedNote {
    let t = Text::new(cell);
    let mut b = parse_body(&t, 0, t.norm.len());
    b.strong = true;
    b.finish().unwrap_or_default()
}

/// The unit `text` names when it is wholly one unit's name
/// (`县发展和改革局`, `各乡镇人民政府`), as its lead: the unit grammar reads
/// it as exactly one name, the whole text, with a level or place of its own
/// (`产业布局` ends like a unit but names none).
pub fn whole_unit_name(text: &str) -> Option<ParsedNote> {
    let text = text.trim();
    let note = parse_unit_cell(text, UnitColumn::Lead);
    let one_name = matches!(note.leads.as_slice(), [name] if name == text)
        && note.partners.is_empty()
        && note.responsible.is_empty();
    (one_name && names::has_own_level(text)).then_some(note)
}

/// A note in `paragraph` that makes it a task by itself: bracketed or
/// labelled, not a closing sentence.
pub fn find_task_note(paragraph: &str) -> Option<NoteMatch> {
    find_note(paragraph).filter(|m| !m.sentence)
}

/// The responsibility note of a task paragraph, if it has one (usually at
/// the end). Brackets that say nothing about responsibility (`(珠西)`,
/// `(以下统称北部7镇)`, `(2019—2035年)`) are never notes.
pub fn find_note(paragraph: &str) -> Option<NoteMatch> {
    // Most paragraphs have no bracket, label or role marker: skip them cheaply.
    if !paragraph.contains(|c| {
        OPEN_BRACKETS.contains(&c) || COLONS.contains(&c) || STRONG_VERB_CHARS.contains(&c)
    }) {
        return None;
    }
    memo::remembered(&memo::NOTES, paragraph, || find_note_in(paragraph))
}

/// [`find_note`] of a paragraph that has a bracket, a colon or a verb char.
fn find_note_in(paragraph: &str) -> Option<NoteMatch> {
    let t = Text::new(paragraph);
    let groups = top_level_groups(&t, 0, t.norm.len());
    let to_match = |g: &Group, note: ParsedNote| {
        let end = if g.closed { g.close + 1 } else { g.close };
        NoteMatch {
            start: g.open,
            end,
            text: t.orig_str(g.open, end),
            note,
            sentence: false,
        }
    };
    // The last bracket that names units. A bracket after it with only a
    // deadline or leader (`（完成时限：2025年底前）`, `（2025年底前）`) adds to it.
    let mut extra: Option<(Group, ParsedNote)> = None;
    let mut bracketed = None;
    for g in groups.iter().rev() {
        let Some(note) = parse_body(&t, g.open + 1, g.close)
            .finish()
            .or_else(|| weak_closing_note(&t, g, &groups))
        else {
            continue;
        };
        if note.leads.is_empty() && note.partners.is_empty() && note.responsible.is_empty() {
            extra.get_or_insert((*g, note));
            continue;
        }
        bracketed = Some(to_match(g, note));
        break;
    }
    match bracketed {
        Some(mut m) => {
            if m.note.deadline.is_none() {
                m.note.deadline = groups
                    .iter()
                    .filter(|d| d.open > m.start)
                    .find_map(|d| deadline_in(&t, d.open + 1, d.close));
            }
            if let Some((_, extra)) = extra {
                m.note.merge(extra);
            }
            Some(m)
        }
        // Without brackets naming units: labels ending the paragraph, a
        // closing sentence saying who does it, else a note with only a
        // deadline or leader.
        None => dash_tail(&t)
            .or_else(|| leading_note(&t))
            .or_else(|| labelled_tail(&t))
            .or_else(|| sentence_tail(&t))
            .or_else(|| {
                let (g, note) = bare_units(&t, &groups)?;
                Some(to_match(&g, note))
            })
            .or_else(|| extra.map(|(g, note)| to_match(&g, note))),
    }
}

/// A note set off by a dash at the paragraph's end, as a bracket would set
/// it off: `…上云用数赋智。——配合：区财政局`, `（一）数字产业化提升行动——
/// 区科技局牵头`. What follows the last `——` outside brackets must be
/// wholly a note: units with their roles or labels, and times.
fn dash_tail(t: &Text) -> Option<NoteMatch> {
    let (s, e) = t.trim(0, t.norm.len());
    let e = (s..e)
        .rev()
        .find(|&i| !matches!(t.norm[i], '。' | '.' | ';'))
        .map_or(s, |i| i + 1);
    let mut depth = 0usize;
    let mut dash = None;
    for i in s..e.saturating_sub(1) {
        match t.norm[i] {
            c if is_open(c) => depth += 1,
            c if is_close(c) => depth = depth.saturating_sub(1),
            '—' if depth == 0 && t.norm[i + 1] == '—' => dash = Some(i),
            _ => {}
        }
    }
    let at = dash?;
    let b = parse_body(t, at + 2, e);
    if b.invalid || !b.unread.is_empty() || !b.leftover.is_empty() || !b.strong {
        return None;
    }
    let note = b.finish()?;
    if note.leads.is_empty() && note.partners.is_empty() && note.responsible.is_empty() {
        return None;
    }
    Some(NoteMatch {
        start: at,
        end: e,
        text: t.orig_str(at, e),
        note,
        sentence: false,
    })
}

/// A bracket closing the paragraph that names only units, with no role
/// word (`…食堂改造。（县教育局，县市场监管局）`, `（县卫生健康局、县妇联；
/// 时间：2026年10月）`): the units responsible. Any part that does not read
/// as a unit (`（珠西）`, `（以下统称北部7镇）`) makes it no note.
fn bare_units(t: &Text, groups: &[Group]) -> Option<(Group, ParsedNote)> {
    let g = *groups.last()?;
    if !closes_paragraph(t, &g) {
        return None;
    }
    let mut b = parse_body(t, g.open + 1, g.close);
    let names_roles = !(b.leads.is_empty()
        && b.charge.is_empty()
        && b.partners.is_empty()
        && b.responsible.is_empty());
    // (`牵头股室（单位）`: a kind of body alone names no unit.)
    let a_kind_only = b
        .leftover
        .iter()
        .any(|n| vocab::LISTED_UNIT_NOUNS.contains(&n.trim()));
    if names_roles || b.invalid || !b.unread.is_empty() || b.leftover.is_empty() || a_kind_only {
        return None;
    }
    b.responsible = std::mem::take(&mut b.leftover);
    b.strong = true;
    Some((g, b.finish()?))
}

/// A bracket closing the paragraph whose units only take part
/// (`…隔离设施。（市城市管理局参与）`, `（市水利局参与，2026年汛期前完成）`):
/// partners of whoever the task has as lead, its own or inherited. A weak
/// verb is read so only here, where nothing but units, their verbs and a
/// time can stand; inside running text `（企业参与）` stays text.
fn weak_closing_note(t: &Text, g: &Group, groups: &[Group]) -> Option<ParsedNote> {
    if groups.last().is_none_or(|last| last.open != g.open) || !closes_paragraph(t, g) {
        return None;
    }
    // Units taking part (`参与`, `协助`…), not one doing the work
    // (`（各镇落实）` is the work's own word).
    let taking_part = ["参与", "参加", "协助", "协办", "协同", "配合"]
        .iter()
        .any(|w| t.norm_str(g.open + 1, g.close).contains(w));
    let mut b = parse_body(t, g.open + 1, g.close);
    let only_partners = b.leads.is_empty() && b.charge.is_empty() && b.responsible.is_empty();
    // Each a unit with a level of its own or a department (`社会参与`
    // names none).
    let all_units = b
        .partners
        .iter()
        .all(|p| names::has_own_level(p) || names::is_department(p));
    if !taking_part
        || !only_partners
        || !all_units
        || b.partners.is_empty()
        || b.invalid
        || !b.unread.is_empty()
        || !b.leftover.is_empty()
    {
        return None;
    }
    b.strong = true;
    b.finish()
}

/// Whether nothing but a full stop follows the bracket `g`.
fn closes_paragraph(t: &Text, g: &Group) -> bool {
    g.closed
        && t.norm[g.close + 1..]
            .iter()
            .all(|c| c.is_whitespace() || matches!(c, '。' | ';' | '.'))
}

/// A closing sentence that says who does the work, without brackets:
/// `…。由市发改委会同市财政局等研究提出落实意见。`, `…。由区住建局负责。`,
/// `…。市发改局牵头，市财政局配合。`.
fn sentence_tail(t: &Text) -> Option<NoteMatch> {
    let (s, e) = t.trim(0, t.norm.len());
    let mut sentences: Vec<(usize, usize)> =
        split_top_level(t, s, e, |c| matches!(c, '。' | '!' | '?' | ';'))
            .into_iter()
            .map(|(a, b)| t.trim(a, b))
            .filter(|(a, b)| a < b)
            .collect();
    // A sentence that only says by when (`…配合。2026年8月底前完成。`)
    // belongs to the note before it.
    let mut deadline = None;
    if sentences.len() >= 3
        && let Some(&(ls, le)) = sentences.last()
        && let Some(d) = time_clause(t, ls, le)
    {
        deadline = Some(d);
        sentences.pop();
    }
    let &(ss, se) = sentences.last()?;
    // Not the paragraph's only sentence: that is the work itself — unless
    // a clause of it opens with 由 after the work.
    if sentences.len() < 2 {
        return by_clause_tail(t, ss, se);
    }
    let opens_with_by = opens_with_by(t, ss, se);
    let b = parse_body(t, ss, se);
    // Every part a name with its role, or the sentence opens with 由 (and
    // what else it says is the work: `…，报市政府同意后实施`).
    if !(opens_with_by || (b.names_only() && se - ss <= MAX_VERB_LINE)) {
        return by_clause_tail(t, ss, se);
    }
    let mut m = finish_sentence_note(t, b, ss, se)?;
    if !names_who_does_it(&m.note) {
        return by_clause_tail(t, ss, se);
    }
    if m.note.deadline.is_none() {
        m.note.deadline = deadline;
    }
    Some(m)
}

/// Whether `s..e` opens with `由` (`均由`, `并由`, `本项工作由`…).
fn opens_with_by(t: &Text, s: usize, e: usize) -> bool {
    names::by_opener(t, s, e).is_some()
}

/// Clauses closing the sentence `ss..se` that say who does the work,
/// after the work itself, without brackets. Either a clause opening with
/// 由 (`关于“…”的问题，由A会同B、C研究提出落实意见`, `…的问题，由A负责落实，
/// B、C配合`), whose other words are the work it does; or clauses that are
/// nothing but names with their roles and times (`…污水处理厂，市水务局牵头，
/// 市财政局配合`, `…，A、B按职责分工负责`, `…，A负责，2026年底前完成`). The
/// note runs from the first such clause after the first to the sentence's
/// end; the work before it is the title.
fn by_clause_tail(t: &Text, ss: usize, se: usize) -> Option<NoteMatch> {
    let clauses = split_top_level(t, ss, se, |c| c == ',');
    clauses
        .iter()
        .skip(1)
        .map(|&(a, b)| t.trim(a, b))
        .find_map(|(cs, ce)| {
            // A clause not opening with 由 must be nothing but names with
            // their roles and times, which never run longer than an
            // annotation line: longer tails are not read (so a sentence of
            // many clauses is read in linear time, not quadratic).
            let by = opens_with_by(t, cs, ce);
            if !by && se - cs > MAX_VERB_LINE {
                return None;
            }
            let b = parse_body(t, cs, se);
            let names_only = b.names_only() && !b.invalid && b.strong;
            if !(by || names_only) {
                return None;
            }
            finish_sentence_note(t, b, cs, se).filter(|m| names_who_does_it(&m.note))
        })
}

/// The note of the closing sentence or clause `s..e`, read into `b`. What
/// else the sentence says is the work it names (`…，报市政府同意后实施`),
/// not a note part left unread, so names without a role and unread parts
/// are dropped before finishing.
fn finish_sentence_note(t: &Text, mut b: Builder, s: usize, e: usize) -> Option<NoteMatch> {
    b.leftover.clear();
    b.unread.clear();
    let note = b.finish()?;
    Some(NoteMatch {
        start: s,
        end: e,
        text: t.orig_str(s, e),
        note,
        sentence: true,
    })
}

/// Whether a sentence note names who does the work (a lead or the units
/// responsible); partners alone leave it with nobody doing it.
fn names_who_does_it(note: &ParsedNote) -> bool {
    !(note.leads.is_empty() && note.responsible.is_empty())
}

/// A note opening the paragraph, closed by a colon before the work it
/// assigns: `县交通运输局牵头，县公安局交通管理大队配合：开展公路安全隐患
/// 排查整治。…`. What stands before the colon must be wholly units with
/// their roles (`深化网格建设：…` names none; `牵头单位：A` is a label).
fn leading_note(t: &Text) -> Option<NoteMatch> {
    let (s, e) = t.trim(0, t.norm.len());
    let colon = split_top_level(t, s, e, |c| matches!(c, ':' | '。' | ';'))
        .first()
        .map(|&(_, end)| end)
        .filter(|&end| end < e && t.norm[end] == ':')?;
    if colon - s > MAX_VERB_LINE || find_labels(t, s, colon).first().is_some_and(|l| l.0 == s) {
        return None;
    }
    let b = parse_body(t, s, colon);
    if !(b.names_only() && b.strong && !b.invalid) {
        return None;
    }
    let note = b.finish().filter(names_who_does_it)?;
    Some(NoteMatch {
        start: s,
        end: colon,
        text: t.orig_str(s, colon),
        note,
        sentence: false,
    })
}

/// A member unit's duty, as a 联席会议 or 领导小组 lists them: `市民政局：负责
/// 联席会议办公室日常工作，…，会同市卫生健康委推进医养结合。` The unit before
/// the colon does the work after it, as `A负责…` says, so it leads; units it
/// works `会同` (together with) are its partners. Other units the duty
/// mentions are what the work is about, not who does it. What stands before
/// the colon must be wholly one unit's name with a level of its own, and
/// what follows must open as work (`负责…`, `牵头…`, a verb of work).
pub fn duty_entry(paragraph: &str) -> Option<NoteMatch> {
    let t = Text::new(paragraph);
    let (s, e) = t.trim(0, t.norm.len());
    let colon = (s..e).find(|&i| t.norm[i] == ':' || is_open(t.norm[i]))?;
    if t.norm[colon] != ':' {
        return None;
    }
    let name = t.orig_str(s, colon);
    let mut note = whole_unit_name(&name)?;
    let (ws, we) = t.trim(colon + 1, e);
    let work = t.norm_str(ws, we);
    let opens_as_duty = ["负责", "承担", "牵头", "主要负责", "统筹"]
        .iter()
        .any(|w| work.starts_with(w))
        || crate::extract::phrases::opens_with_work_verb(&work);
    if !opens_as_duty {
        return None;
    }
    for (cs, ce) in split_top_level(&t, ws, we, |c| matches!(c, ',' | ';' | '。')) {
        let (cs, ce) = t.trim(cs, ce);
        if t.starts_with_at(cs, ce, &['会', '同'])
            && let Some(joined) = parse_body(&t, cs, ce).finish()
        {
            push_unique(&mut note.partners, joined.partners);
        }
    }
    Some(NoteMatch {
        start: s,
        end: colon,
        text: name,
        note,
        sentence: false,
    })
}

/// An unbracketed labelled note closing a paragraph:
/// `…加快建设。牵头单位：A；配合单位：B`.
fn labelled_tail(t: &Text) -> Option<NoteMatch> {
    let (_, end) = t.trim(0, t.norm.len());
    let &(start, _, _) = find_labels(t, 0, end).first()?;
    let note = parse_body(t, start, end).finish()?;
    Some(NoteMatch {
        start,
        end,
        text: t.orig_str(start, end),
        note,
        sentence: false,
    })
}

/// A paragraph that is only an annotation line after a task: `牵头单位：A`,
/// `配合单位：B、C`, `责任单位：…`, `牵头负责领导：…`, `完成时限：…`, a whole
/// bracketed note on its own line, or a short line such as `市发展和改革局牵头，市财政局配合。`.
pub fn parse_annotation(paragraph: &str) -> Option<ParsedNote> {
    // Without a bracket or a colon only a short line with a verb can be one.
    if !paragraph.contains(|c| OPEN_BRACKETS.contains(&c) || COLONS.contains(&c))
        && (paragraph.chars().nth(MAX_VERB_LINE).is_some()
            || !paragraph
                .contains(|c| STRONG_VERB_CHARS.contains(&c) || ANSWERING_VERB_CHARS.contains(&c)))
    {
        return None;
    }
    memo::remembered(&memo::ANNOTATIONS, paragraph, || annotation_in(paragraph))
}

/// [`parse_annotation`] of a line that passed its quick reject.
fn annotation_in(paragraph: &str) -> Option<ParsedNote> {
    let t = Text::new(paragraph);
    let (mut s, e) = t.trim(0, t.norm.len());
    while s < e && matches!(t.norm[s], '-' | '*' | '•' | '·' | '—' | '>' | '#') {
        s += 1;
    }
    let (s, e) = t.trim(s, e);
    if s >= e {
        return None;
    }
    // A whole bracketed note on its own line.
    let groups = top_level_groups(&t, s, e);
    if let [g] = groups.as_slice()
        && g.open == s
        && g.closed
        && g.close + 1 == e
    {
        return parse_body(&t, s + 1, e - 1).finish();
    }
    // Labelled fields, starting at the line's start.
    if find_labels(&t, s, e).first().is_some_and(|l| l.0 == s) {
        return parse_body(&t, s, e).finish();
    }
    // A short unlabelled line: every part must be a name with its verb.
    if e - s > MAX_VERB_LINE || t.norm[s..e].contains(&'。') {
        return None;
    }
    let b = parse_body(&t, s, e);
    // Every part read, and every name one a unit could have: a sentence of
    // work (`加强组织领导，建立省级统筹、市（州）负责…`) is no note.
    if !b.names_only() {
        return None;
    }
    b.finish()
}

/// `同上`, `同第7项`, `〃`: the whole of `cell` says "the same as" another
/// task's, and which (a deadline cell's ditto).
pub fn ditto_cell(cell: &str) -> Option<DittoOf> {
    let t = Text::new(cell);
    names::ditto_of(&t, 0, t.norm.len())
}

/// A deadline: `完成时限：2025年底前` → `2025年底前`; `2025年6月底前完成` →
/// `2025年6月底前`; `持续推进`; `长期坚持`. Found when it is the whole text,
/// after a 完成时限-type label anywhere (also inside brackets), or as the
/// last clause or last bracket of a task (`…改造。（2025年底前）`). A year
/// that the running text merely mentions (`到2025年，建成…`) is not one.
pub fn parse_deadline(text: &str) -> Option<String> {
    memo::remembered(&memo::DEADLINES, text, || deadline_of(text))
}

/// [`parse_deadline`], computed.
fn deadline_of(text: &str) -> Option<String> {
    let t = Text::new(text);
    let (s, e) = t.trim(0, t.norm.len());
    if let Some(d) = deadline_in(&t, s, e) {
        return Some(d);
    }
    // Labelled, at the top level or inside any bracket.
    let groups = top_level_groups(&t, s, e);
    let ranges = std::iter::once((s, e)).chain(groups.iter().map(|g| (g.open + 1, g.close)));
    for (rs, re) in ranges {
        let labels = find_labels(&t, rs, re);
        for (k, &(_, value, kind)) in labels.iter().enumerate() {
            if kind != LabelKind::Deadline {
                continue;
            }
            let next = labels.get(k + 1).map_or(re, |l| l.0);
            if let Some(d) = labelled_deadline(&t, value, next) {
                return Some(d);
            }
        }
    }
    // The last sentence (`…。持续推进。`), a dated last clause
    // (`…，2025年底前完成。`; an undated `…，持续推进` is prose), or the last bracket.
    let sentences = split_top_level(&t, s, e, |c| matches!(c, '。' | ';'));
    if let Some(&(cs, ce)) = sentences.last()
        && let Some(d) = deadline_in(&t, cs, ce)
    {
        return Some(d);
    }
    let clauses = split_top_level(&t, s, e, |c| matches!(c, '。' | ';' | ','));
    if let Some(&(cs, ce)) = clauses.last()
        && let Some(d) = deadline_in(&t, cs, ce)
        && d.chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return Some(d);
    }
    groups
        .last()
        .and_then(|g| deadline_in(&t, g.open + 1, g.close))
}

#[cfg(test)]
mod tests {
    /// `未明确责任单位的，由X…落实`: X is responsible for every task naming no unit.
    #[test]
    fn a_rule_gives_tasks_naming_no_unit_their_units() {
        let mut r = NoteRules::default();
        r.observe(
            "各项任务已明确牵头单位的，由牵头单位会同配合单位推进；未明确责任单位的，由各地各部门按照职责抓好落实。",
        );
        assert_eq!(r.unassigned_to, ["各地各部门"]);
        assert_eq!(r.apply(ParsedNote::default()).responsible, ["各地各部门"]);
        // A task naming its own units keeps them.
        let own = parse_annotation("牵头单位：市财政局").unwrap();
        let applied = r.apply(own);
        assert_eq!(applied.leads, ["市财政局"]);
        assert!(applied.responsible.is_empty());
    }

    /// Two lines of a table cell: a name wrapped, or one unit a line.
    #[test]
    fn a_cells_lines_may_end_one_unit_and_begin_another() {
        // A wrapped name goes on.
        assert!(!super::may_end_and_begin_units("县自然资源和规", "划局"));
        // A level opens the next unit.
        assert!(super::may_end_and_begin_units(
            "县文化和旅游局",
            "县住房和城乡建设局"
        ));
        // A company after a department is a unit of its own, however its
        // name wraps; a bureau's branch after it is part of its name.
        assert!(super::may_end_and_begin_units(
            "县文化和旅游局",
            "凤岙文旅投资有限公司"
        ));
        assert!(!super::may_end_and_begin_units("县公安局", "交通警察大队"));
    }

    #[test]
    fn sentences_making_the_responsible_units_the_leads() {
        let rule = |p: &str| {
            let mut r = NoteRules::default();
            r.observe(p);
            (r.responsible_are_leads, r.first_is_lead)
        };
        for p in [
            "各责任单位要切实负起牵头推进责任，配合单位要主动支持配合。",
            "责任单位为牵头单位，配合单位要积极配合。",
            "列为责任单位的，负责牵头推进。",
            "由责任单位牵头抓好落实。",
            "责任单位负总责，配合单位按职责做好相关工作。",
            "“责任部门”栏只列一个部门且未标注的，由该部门牵头负责。",
            "只列一个单位的，由该单位负责推进。",
        ] {
            assert_eq!(rule(p), (true, false), "{p}");
        }
        for p in [
            "责任单位：市发展改革委（牵头）、市财政局",
            "牵头单位和责任单位要加强沟通，确保牵头事项落实。",
            "责任单位分为牵头单位和配合单位。",
            "各牵头单位要加强统筹，各责任单位要积极配合牵头单位抓好落实。",
            "只列一个单位的项目，要加强协调。",
        ] {
            assert_eq!(rule(p), (false, false), "{p}");
        }
        assert_eq!(rule("责任单位中，列第一位的为牵头单位。"), (false, true));
    }

    use super::*;

    fn note(p: &str) -> ParsedNote {
        find_note(p)
            .unwrap_or_else(|| panic!("no note in {p}"))
            .note
    }

    fn v(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn single_lead_with_partners() {
        let n = note("打造引擎。(产业转移工业园牵头,市发展和改革局、市自然资源局、北部7镇配合)");
        assert_eq!(n.leads, v(&["产业转移工业园"]));
        assert_eq!(
            n.partners,
            v(&["市发展和改革局", "市自然资源局", "北部7镇"])
        );
        assert_eq!(n.mode, LeadMode::Single);
    }

    #[test]
    fn respective_and_joint() {
        let n = note("建设。(市城市管理和综合执法局、市政务服务数据管理局分别牵头,市相关单位配合)");
        assert_eq!(n.leads.len(), 2);
        assert_eq!(n.mode, LeadMode::Respective);
        let n = note("建设。（市发改局、市财政局牵头，各镇配合）");
        assert_eq!(n.mode, LeadMode::Joint);
    }

    #[test]
    fn twice_lead_and_square_brackets() {
        let n = note(
            "发展。(市发展和改革局、市科工商务局牵头、江门市生态环境局台山分局分别牵头,市相关单位配合)",
        );
        assert_eq!(
            n.leads,
            v(&["市发展和改革局", "市科工商务局", "江门市生态环境局台山分局"])
        );
        assert_eq!(n.mode, LeadMode::Respective);
        let n =
            note("硬化。[市发展和改革局、市交通运输局,市农业农村局分别牵头,各相关镇(街,下同)配合]");
        assert_eq!(
            n.leads,
            v(&["市发展和改革局", "市交通运输局", "市农业农村局"])
        );
        assert_eq!(n.partners, v(&["各相关镇(街)"]));
    }

    #[test]
    fn non_notes_are_skipped() {
        for p in [
            "粤港澳大湾区(珠西)高端产业集聚区",
            "华侨文化创业园(基地)",
            "台城、水步(以下统称北部7镇)与园区",
            "全国博士后创新(江门)示范中心",
            "国土空间总体规划(2019—2035年)",
            "坚持(企业为主体、社会参与)",
        ] {
            assert!(find_note(p).is_none(), "{p}");
        }
        let m =
            find_note("粤港澳大湾区(珠西)核心区。(广海湾经济开发区牵头,市相关单位配合)").unwrap();
        assert_eq!(m.start, 14);
        assert_eq!(m.text, "(广海湾经济开发区牵头,市相关单位配合)");
        assert_eq!(m.end, m.start + m.text.chars().count());
    }

    #[test]
    fn labelled_notes() {
        let n = note("推进。（牵头单位：市发展改革局；配合单位：市财政局、市自然资源局）");
        assert_eq!(n.leads, v(&["市发展改革局"]));
        assert_eq!(n.partners, v(&["市财政局", "市自然资源局"]));
        let n = note("推进。（牵头单位：市发展改革局 责任单位：市财政局）");
        assert_eq!(n.leads, v(&["市发展改革局"]));
        assert_eq!(n.partners, v(&["市财政局"]));
        let n = note("推进。【责任单位：市发展改革局、市财政局】");
        assert!(n.leads.is_empty());
        assert_eq!(n.responsible, v(&["市发展改革局", "市财政局"]));
        assert_eq!(n.mode, LeadMode::None);
    }

    #[test]
    fn charge_verbs() {
        let n = note("推进。（市发展改革局牵头，市财政局按职责分工负责）");
        assert_eq!(n.leads, v(&["市发展改革局"]));
        assert_eq!(n.partners, v(&["市财政局"]));
        let n = note("推进。〔市住建局牵头负责，市财政局配合〕");
        assert_eq!(n.leads, v(&["市住建局"]));
        assert_eq!(n.partners, v(&["市财政局"]));
        let n = note("推进。（市住建局、市水利局负责）");
        assert_eq!(n.leads, v(&["市住建局", "市水利局"]));
        assert_eq!(n.mode, LeadMode::Joint);
    }

    #[test]
    fn traditional_characters() {
        let n = note("推進。（臺山市發展和改革局牽頭，市財政局配合）");
        assert_eq!(n.leads, v(&["臺山市發展和改革局"]));
        assert_eq!(n.partners, v(&["市財政局"]));
        let n = parse_annotation("責任單位：市財政局、市稅務局").unwrap();
        assert_eq!(n.responsible, v(&["市財政局", "市稅務局"]));
    }

    #[test]
    fn annotations_and_leader() {
        let mut n = parse_annotation("牵头负责领导：王小明副市长").unwrap();
        assert_eq!(n.leader.as_deref(), Some("王小明副市长"));
        assert!(n.leads.is_empty());
        n.merge(parse_annotation("牵头责任单位：市发展改革局").unwrap());
        n.merge(parse_annotation("协同责任单位：市财政局、市商务局").unwrap());
        assert_eq!(n.leads, v(&["市发展改革局"]));
        assert_eq!(n.partners, v(&["市财政局", "市商务局"]));
        assert_eq!(n.mode, LeadMode::Single);
        assert!(parse_annotation("加快推进交通基础设施建设。").is_none());
        assert!(parse_annotation("1.加快推进交通基础设施建设").is_none());
    }

    #[test]
    fn deadlines() {
        assert_eq!(
            parse_deadline("完成时限：2025年底前").as_deref(),
            Some("2025年底前")
        );
        assert_eq!(
            parse_deadline("2025年6月底前完成").as_deref(),
            Some("2025年6月底前")
        );
        assert_eq!(parse_deadline("持续推进").as_deref(), Some("持续推进"));
        assert_eq!(parse_deadline("长期坚持。").as_deref(), Some("长期坚持"));
        assert_eq!(parse_deadline("加快推进2025年项目建设"), None);
        assert_eq!(parse_deadline("到2025年，建成示范区。"), None);
        assert_eq!(
            parse_deadline("1.建设园区。（市发改局牵头）完成时限：2024年12月底前。").as_deref(),
            Some("2024年12月底前")
        );
        assert_eq!(
            parse_deadline("建设园区。（牵头单位：市发改局；完成时间：2026年）").as_deref(),
            Some("2026年")
        );
        assert_eq!(
            parse_deadline("建设园区。持续推进。").as_deref(),
            Some("持续推进")
        );
        assert_eq!(parse_deadline("建设园区，持续推进。"), None);
        assert_eq!(
            parse_deadline("建设园区，2025年底前完成。").as_deref(),
            Some("2025年底前")
        );
        let n = note("推进。（市发改局牵头，市财政局配合，2025年底前完成）");
        assert_eq!(n.deadline.as_deref(), Some("2025年底前"));
        assert_eq!(n.partners, v(&["市财政局"]));
    }

    #[test]
    fn rules_first_is_lead_and_all_lead() {
        let mut rules = NoteRules::default();
        rules.observe("各项任务的责任单位中，列第一位的为牵头单位，下同。");
        let n = rules.apply(parse_annotation("责任单位：市发改局、市财政局、各镇").unwrap());
        assert_eq!(n.leads, v(&["市发改局"]));
        assert_eq!(n.partners, v(&["市财政局", "各镇"]));
        let n = rules.apply(note("推进。（市发改局、市财政局分别牵头，各镇配合）"));
        assert_eq!(n.mode, LeadMode::Respective);

        let mut rules = NoteRules::default();
        rules.observe("无牵头单位的，责任单位即为牵头单位。");
        let n = rules.apply(parse_annotation("责任单位：市发改局、市财政局").unwrap());
        assert_eq!(n.leads, v(&["市发改局", "市财政局"]));
        assert_eq!(n.mode, LeadMode::Joint);
    }

    #[test]
    fn standing_partner_rule() {
        let mut rules = NoteRules::default();
        rules.observe("以下工作均需各县（市、区）落实，不再列出。");
        assert_eq!(rules.standing_partners, v(&["各县（市、区）"]));
        let n = rules.apply(note("推进。（市发改局牵头）"));
        assert_eq!(n.partners, v(&["各县（市、区）"]));
        // A lead and its partners named once for a part, in the note grammar.
        let mut rules = NoteRules::default();
        rules.observe("本部分任务由市交通运输局牵头，市公安局交警支队、市自然资源和规划局配合，各项任务不再一一标注责任单位。");
        assert_eq!(rules.standing_leads, v(&["市交通运输局"]));
        assert_eq!(
            rules.standing_partners,
            v(&["市公安局交警支队", "市自然资源和规划局"])
        );
    }

    #[test]
    fn bracketed_lead_marker_and_joined_partners() {
        let n = parse_annotation("责任单位：市发展和改革局（牵头）、市财政局、各镇").unwrap();
        assert_eq!(n.leads, v(&["市发展和改革局"]));
        assert_eq!(n.partners, v(&["市财政局", "各镇"]));
        let n = note("推进。（市发改局牵头，会同市财政局等部门组织实施）");
        assert_eq!(n.leads, v(&["市发改局"]));
        assert_eq!(n.partners, v(&["市财政局"]));
    }

    #[test]
    fn unbracketed_labels_at_the_end_and_separate_deadline() {
        let m = find_note("1.建设园区。完善配套。牵头单位：市发改局；配合单位：市财政局").unwrap();
        assert_eq!(m.text, "牵头单位：市发改局；配合单位：市财政局");
        assert_eq!(m.note.leads, v(&["市发改局"]));
        assert_eq!(m.start, 12);
        let n = note("推进。（市发改局牵头，市财政局配合）（2025年底前）");
        assert_eq!(n.deadline.as_deref(), Some("2025年底前"));
        assert!(find_note("牵头单位要加强统筹，配合单位要积极参与。").is_none());
    }

    #[test]
    fn annotation_lines_joined_without_separators() {
        let n = parse_annotation(
            "牵头负责领导：李某某副区长牵头责任单位：区城管局协同责任单位：区住建局、各街道完成时限：持续推进",
        )
        .unwrap();
        assert_eq!(n.leader.as_deref(), Some("李某某副区长"));
        assert_eq!(n.leads, v(&["区城管局"]));
        assert_eq!(n.partners, v(&["区住建局", "各街道"]));
        assert_eq!(n.deadline.as_deref(), Some("持续推进"));
        let n = parse_annotation("完成时限：2025年底前（二）提升城市管理水平").unwrap();
        assert_eq!(n.deadline.as_deref(), Some("2025年底前"));
    }

    #[test]
    fn annotations_inside_names_are_dropped() {
        let n = parse_annotation("配合单位：市财政局（按职责分工）、各镇（排名不分先后）").unwrap();
        assert_eq!(n.partners, v(&["市财政局", "各镇"]));
        let n = parse_annotation("责任单位：各县（市、区）人民政府").unwrap();
        assert_eq!(n.responsible, v(&["各县（市、区）人民政府"]));
        assert_eq!(
            parse_deadline("每年12月底前").as_deref(),
            Some("每年12月底前")
        );
        assert_eq!(
            parse_deadline("2024年第三季度").as_deref(),
            Some("2024年第三季度")
        );
    }

    #[test]
    fn more_real_world_forms() {
        let n = note("推进。（市发展改革局牵头，市直有关单位和各县（市、区）人民政府配合）");
        assert_eq!(n.partners, v(&["市直有关单位", "各县（市、区）人民政府"]));
        let n = note("推进。（牵头单位：市发展改革局；配合单位：市财政局等有关单位）");
        assert_eq!(n.partners, v(&["市财政局"]));
        let n = note("推进。（市发展改革局牵头，市财政局配合）（完成时限：2025年12月）");
        assert_eq!(n.leads, v(&["市发展改革局"]));
        assert_eq!(n.deadline.as_deref(), Some("2025年12月"));
        let n = note("推进。（市住建局牵头负责，各县（市、区）具体落实）");
        assert_eq!(n.partners, v(&["各县（市、区）"]));
        let m = find_note("推进。（完成时限：2025年底前）").unwrap();
        assert_eq!(m.note.deadline.as_deref(), Some("2025年底前"));
        assert!(find_note("推进。（以下工作均需各县（市、区）落实）").is_none());
        assert!(find_note("推进。（各镇落实）").is_none());
    }

    #[test]
    fn rule_stated_inside_a_note_and_guiding_partners() {
        let p = "推进。〔责任单位：市发改局、市第一人民医院，排名第一的为牵头单位〕";
        let mut rules = NoteRules::default();
        rules.observe(p);
        let n = rules.apply(note(p));
        assert_eq!(n.leads, v(&["市发改局"]));
        assert_eq!(n.partners, v(&["市第一人民医院"]));
        let p = "推进。（市第一人民医院牵头，市卫生健康局配合，单位自查）";
        let mut rules = NoteRules::default();
        rules.observe(p);
        assert!(!rules.first_is_lead);
        assert_eq!(note(p).leads, v(&["市第一人民医院"]));
        let n = note("推进。（各县（市、区）人民政府负责，市直有关部门指导）");
        assert_eq!(n.partners, v(&["市直有关部门"]));
    }

    #[test]
    fn labels_outside_the_vocabulary() {
        let n = parse_annotation("主要负责部门：市发改局；支撑部门：市财政局、各镇").unwrap();
        assert_eq!(n.leads, v(&["市发改局"]));
        assert_eq!(n.partners, v(&["市财政局", "各镇"]));
        let n = parse_annotation("责任部门：市发改局；协办部门：市财政局").unwrap();
        assert_eq!(n.leads, Vec::<String>::new());
        assert_eq!(n.responsible, v(&["市发改局"]));
        assert_eq!(n.partners, v(&["市财政局"]));
        assert!(parse_annotation("建设单位：要加强管理。").is_none());
    }

    #[test]
    fn labels_in_brackets() {
        let n = parse_annotation("【牵头单位】市发改局【配合单位】市财政局、各镇").unwrap();
        assert_eq!(n.leads, v(&["市发改局"]));
        assert_eq!(n.partners, v(&["市财政局", "各镇"]));
        let m = find_note("1.建设园区。【责任单位】市发改局、市财政局").unwrap();
        assert_eq!(m.note.responsible, v(&["市发改局", "市财政局"]));
    }

    #[test]
    fn rule_wordings() {
        for (text, first, all) in [
            ("责任单位排名第一的单位牵头，下同", true, false),
            ("排在首位的为牵头单位", true, false),
            ("未明确牵头单位的，所列单位均为牵头单位", false, true),
            ("中国第一侨乡的发展由市委统战部负责", false, false),
        ] {
            let mut r = NoteRules::default();
            r.observe(text);
            assert_eq!(
                (r.first_is_lead, r.responsible_are_leads),
                (first, all),
                "{text}"
            );
        }
        let mut r = NoteRules::default();
        r.observe("各县（市、区）均需落实，以下不再一一列出。");
        assert_eq!(r.standing_partners, v(&["各县（市、区）"]));
    }

    #[test]
    fn a_line_break_inside_a_name_is_a_wrap() {
        let n = note("推进。（江门市生态环境局\n台山分局牵头，市财\n政局配合）");
        assert_eq!(n.leads, v(&["江门市生态环境局台山分局"]));
        assert_eq!(n.partners, v(&["市财政局"]));
    }

    #[test]
    fn stray_whitespace_inside_names() {
        let n = note("推进。（市发展和 改革局牵头，市财政局 市商务局配合）");
        assert_eq!(n.leads, v(&["市发展和改革局"]));
        assert_eq!(n.partners, v(&["市财政局", "市商务局"]));
    }

    #[test]
    fn spaces_between_whole_unit_names_separate_them() {
        let n = parse_annotation("配合单位：团区委　区妇联　各街道办事处").unwrap();
        assert_eq!(n.partners, v(&["团区委", "区妇联", "各街道办事处"]));
        let n = parse_annotation("配合单位：区残联 区住房和城 乡建设局").unwrap();
        assert_eq!(n.partners, v(&["区残联", "区住房和城乡建设局"]));
    }

    #[test]
    fn ditto_marks_and_item_subjects() {
        let n = parse_annotation("牵头单位：同上　　配合单位：同第12项").unwrap();
        assert!(n.leads.is_empty() && n.partners.is_empty());
        assert_eq!(
            n.ditto,
            vec![
                Ditto {
                    field: DittoField::Leads,
                    of: DittoOf::Previous
                },
                Ditto {
                    field: DittoField::Partners,
                    of: DittoOf::Item(12)
                },
            ]
        );
        let n = parse_annotation("（以上2项均由区人社局负责）").unwrap();
        assert_eq!(n.leads, v(&["区人社局"]));
        let n = parse_annotation("（第8—10项责任单位：区市场监管局、区司法局）").unwrap();
        assert_eq!(n.responsible, v(&["区市场监管局", "区司法局"]));
        assert!(n.unread.is_empty(), "{:?}", n.unread);
        // `第一批`, `以上项目` are no subjects naming items.
        let n = note("推进。（第一批示范单位牵头）");
        assert_eq!(n.leads, v(&["第一批示范单位"]));
    }

    #[test]
    fn by_duty_without_a_lead_leads_and_beside_one_partners() {
        let n = note(
            "推进。（省发展改革委、人力资源社会保障厅、省统计局等按职责分工负责，12月底前完成）",
        );
        assert_eq!(
            n.leads,
            v(&["省发展改革委", "人力资源社会保障厅", "省统计局"])
        );
        assert!(n.partners.is_empty());
        assert_eq!(n.deadline.as_deref(), Some("12月底前"));
        let n = note("推进。（省发展改革委牵头，财政厅、省统计局按职责分工负责，年内持续推进）");
        assert_eq!(n.leads, v(&["省发展改革委"]));
        assert_eq!(n.partners, v(&["财政厅", "省统计局"]));
        assert_eq!(n.deadline.as_deref(), Some("年内持续推进"));
    }

    #[test]
    fn time_clauses_are_deadlines_never_units() {
        let n = note("推进。（省政府各部门分别负责，年内持续推进）");
        assert_eq!(n.leads, v(&["省政府各部门"]));
        assert!(n.partners.is_empty());
        let n = note(
            "推进。（商务厅、交通运输厅分别牵头，财政厅按职责分工负责，2025年6月底前完成政策发布）",
        );
        assert_eq!(n.partners, v(&["财政厅"]));
        assert_eq!(n.deadline.as_deref(), Some("2025年6月底前完成政策发布"));
    }

    #[test]
    fn a_lists_closing_deng_and_what_follows_are_dropped() {
        let n = note(
            "推进。（省发展改革委牵头，交通运输厅、能源局等省有关部门和各地级以上市人民政府配合）",
        );
        assert_eq!(
            n.partners,
            v(&["交通运输厅", "能源局", "各地级以上市人民政府"])
        );
        let n = note("推进。（市高等教育局牵头）");
        assert_eq!(n.leads, v(&["市高等教育局"]), "高等 is part of a name");
    }

    #[test]
    fn the_work_after_a_unit_is_not_its_name() {
        let n = note("推进。（市住建局牵头，各县（市、区）人民政府负责属地征拆保障）");
        assert_eq!(n.leads, v(&["市住建局"]));
        assert_eq!(n.partners, v(&["各县（市、区）人民政府"]));
        let n = note("推进。（市财政局配合做好资金保障，市发改局牵头）");
        assert_eq!(n.partners, v(&["市财政局"]));
    }

    #[test]
    fn explanatory_brackets_are_dropped_alternatives_kept() {
        let n = note(
            "推进。（市政务服务局（指市政务服务和数据管理局，下同）牵头，各县（市、区）配合）",
        );
        assert_eq!(n.leads, v(&["市政务服务局"]));
        assert_eq!(n.partners, v(&["各县（市、区）"]));
        // The short name a unit is given is no `以下` rule.
        let n = note(
            "推进。（牵头单位：市委宣传部；配合单位：市文化广电旅游局（以下简称市文旅局）、市社科联）",
        );
        assert_eq!(n.partners, v(&["市文化广电旅游局", "市社科联"]));
    }

    #[test]
    fn a_supervisor_and_the_work_after_a_collective() {
        // A unit that 督导 stands beside the one that 负责.
        let n = note("建立台账。（各县（市、区）人民政府负责，市生态环境局督导）");
        assert_eq!(
            (n.leads, n.partners),
            (v(&["各县（市、区）人民政府"]), v(&["市生态环境局"]))
        );
        // `县直各部门分别负责本单位清欠`: nor after a collective ending in 部门.
        let n = note("清欠。（县工信局牵头，各乡镇人民政府、县直各部门分别负责本单位清欠）");
        assert_eq!(
            (n.leads, n.partners),
            (v(&["县工信局"]), v(&["各乡镇人民政府", "县直各部门"]))
        );
        // `A牵头的土地收储`: the verb says which work, not who does it.
        assert!(find_note("个别任务推进缓慢，县自然资源局牵头的土地收储进度滞后。").is_none());
        // A role (`牵头部门负责组织实施`) names no unit.
        assert!(
            find_note("重点任务的牵头部门负责组织实施和统筹协调，参与部门按照职能积极配合。")
                .is_none()
        );
        // `有关部门研究制定…`: the work after a collective is not its name.
        let n = note("建设城市算力中心。（由市数据局会同有关部门研究制定建设方案）");
        assert_eq!((n.leads, n.partners), (v(&["市数据局"]), v(&["有关部门"])));
    }

    #[test]
    fn a_shared_level_prefix_is_expanded() {
        let n = note("推进。（省发展改革委牵头，财政厅、交通运输厅配合）");
        assert_eq!(
            n.partners,
            v(&["财政厅", "交通运输厅"]),
            "written as in the text"
        );
        assert_eq!(
            n.span_of("交通运输厅").and_then(|s| s.expanded.as_deref()),
            Some("省交通运输厅")
        );
        let n = note("推进。（市政府各部门、各直属机构配合，各县（市、区）政府落实）");
        assert_eq!(
            n.span_of("各直属机构").and_then(|s| s.expanded.as_deref()),
            Some("市政府各直属机构")
        );
        assert_eq!(
            n.span_of("各县（市、区）政府")
                .and_then(|s| s.expanded.as_deref()),
            None
        );
    }

    #[test]
    fn conjunctions_between_whole_names_separate_them() {
        let n = note("推进。（市委宣传部和市文明办牵头，市发展和改革局与各镇配合）");
        assert_eq!(n.leads, v(&["市委宣传部", "市文明办"]));
        assert_eq!(n.partners, v(&["市发展和改革局", "各镇"]));
        let n = note("推进。（市人社局牵头，各区、县（市）人民政府配合）");
        assert_eq!(n.partners, v(&["各区、县（市）人民政府"]));
    }

    #[test]
    fn joined_by_huitong() {
        let n = note("推进。（市发改局会同市财政局、市商务局推进）");
        assert_eq!(n.leads, v(&["市发改局"]));
        assert_eq!(n.partners, v(&["市财政局", "市商务局"]));
    }

    #[test]
    fn sentence_form_responsibility() {
        let m = find_note("研究制定支持政策。由市发改委会同市财政局、市商务局等研究提出落实意见。")
            .expect("a closing sentence saying who");
        assert_eq!(m.note.leads, v(&["市发改委"]));
        assert_eq!(m.note.partners, v(&["市财政局", "市商务局"]));
        assert_eq!(m.text, "由市发改委会同市财政局、市商务局等研究提出落实意见");
        let n = note("完善配套。由区住建局负责。");
        assert_eq!(n.leads, v(&["区住建局"]));
        let n = note("完善配套。市发改局牵头，市财政局配合。");
        assert_eq!(n.partners, v(&["市财政局"]));
        assert!(find_note("本措施自2024年1月1日起施行，由市工信局负责解释。").is_none());
        assert!(find_note("由市级统筹，通过自建等模式推进。建设一批研发机构。").is_none());
    }

    #[test]
    fn label_with_a_bracketed_qualifier() {
        let n = parse_annotation("牵头科室（单位）：规划科、科技城建设服务中心").unwrap();
        assert_eq!(n.leads, v(&["规划科", "科技城建设服务中心"]));
    }

    #[test]
    fn a_standing_statement_inside_a_note_names_none_of_its_units() {
        let p = "设立资金。（市工信局牵头，市财政局、市科技局配合。本部分以下措施均需各县区人民政府、园区管委会落实，不再单独列出）";
        let n = note(p);
        assert_eq!(n.leads, v(&["市工信局"]));
        assert_eq!(n.partners, v(&["市财政局", "市科技局"]));
        let mut rules = NoteRules::default();
        rules.observe(p);
        assert_eq!(
            rules.standing_partners,
            v(&["各县区人民政府", "园区管委会"])
        );
        assert!(rule_reach(p).below_only && rule_reach(p).this_part);
    }
}
