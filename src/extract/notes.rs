//! Responsibility notes: `(A牵头,B、C配合)` and the other conventions → leads and partners.
//!
//! Plans say who does a task in many ways:
//! - a bracketed note at the end of the task: `(A牵头,B、C配合)`,
//!   `(A、B分别牵头,C配合)`, `[A、B,C分别牵头,各相关镇(街,下同)配合]`,
//!   `（牵头单位：A；配合单位：B、C）`, `〔A负责〕`, `【责任单位：A、B】`;
//! - annotation lines after the task: `牵头单位：A` / `配合单位：B、C` /
//!   `牵头负责领导：张三` / `完成时限：2025年底前`;
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

use std::sync::LazyLock;

use crate::model::LeadMode;

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
        self.settle(respective);
    }

    /// True when the note names no unit, person or deadline.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
            && self.partners.is_empty()
            && self.responsible.is_empty()
            && self.leader.is_none()
            && self.deadline.is_none()
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

fn push_unique(into: &mut Vec<String>, from: Vec<String>) {
    for name in from {
        if !into.contains(&name) {
            into.push(name);
        }
    }
}

// ---------------------------------------------------------------------------
// Normalised text: original chars and a matching copy, one char per char.

struct Text {
    orig: Vec<char>,
    norm: Vec<char>,
}

impl Text {
    fn new(s: &str) -> Self {
        let orig: Vec<char> = s.chars().collect();
        let norm = crate::zh::simplified_chars(s)
            .into_iter()
            .map(normalise_char)
            .collect();
        Self { orig, norm }
    }

    fn norm_str(&self, start: usize, end: usize) -> String {
        self.norm[start..end].iter().collect()
    }

    fn orig_str(&self, start: usize, end: usize) -> String {
        self.orig[start..end].iter().collect()
    }

    /// `start..end` without surrounding whitespace and separators.
    fn trim(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let junk = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '、' | '。' | '.' | ':');
        while start < end && junk(self.norm[start]) {
            start += 1;
        }
        while end > start && junk(self.norm[end - 1]) {
            end -= 1;
        }
        (start, end)
    }

    fn starts_with_at(&self, at: usize, end: usize, pat: &[char]) -> bool {
        at + pat.len() <= end && self.norm[at..at + pat.len()] == *pat
    }

    fn ends_with_at(&self, start: usize, end: usize, pat: &[char]) -> bool {
        end >= start + pat.len() && self.norm[end - pat.len()..end] == *pat
    }
}

/// Half-width punctuation and one bracket style, so patterns are written once.
fn normalise_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\t' | '\r' | '\n' => ' ',
        '〔' | '【' | '﹝' | '〖' | '〘' => '[',
        '〕' | '】' | '﹞' | '〗' | '〙' => ']',
        '﹙' => '(',
        '﹚' => ')',
        '︰' | '﹕' => ':',
        '﹔' => ';',
        '﹐' => ',',
        '﹑' => '、',
        _ => c,
    }
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '[' | '{')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// Opening brackets and colons in every width and style, for quick rejects
/// on the original text (before normalising).
const OPEN_BRACKETS: &[char] = &[
    '(', '[', '{', '（', '［', '｛', '〔', '【', '﹝', '〖', '〘', '﹙',
];
const COLONS: &[char] = &[':', '：', '︰', '﹕'];
/// A char of every strong verb (牵头, 负责, 配合, 主责, 协办, 按职责…), in
/// both scripts.
const STRONG_VERB_CHARS: &[char] = &[
    '牵', '牽', '负', '負', '配', '责', '責', '办', '辦', '按', '依', '据', '據',
];
/// Longest unlabelled annotation line (`市发展和改革局牵头，市财政局配合`).
const MAX_VERB_LINE: usize = 80;

/// A top-level bracket group: `open` is the bracket's index, `close` the
/// closing bracket's index (or the text's end when unclosed).
#[derive(Debug, Clone, Copy)]
struct Group {
    open: usize,
    close: usize,
    closed: bool,
}

fn top_level_groups(t: &Text, start: usize, end: usize) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for i in start..end {
        let c = t.norm[i];
        if is_open(c) {
            if depth == 0 {
                open = i;
            }
            depth += 1;
        } else if is_close(c) && depth > 0 {
            depth -= 1;
            if depth == 0 {
                groups.push(Group {
                    open,
                    close: i,
                    closed: true,
                });
            }
        }
    }
    if depth > 0 {
        groups.push(Group {
            open,
            close: end,
            closed: false,
        });
    }
    groups
}

/// Splits `start..end` at separator chars that are not inside brackets.
fn split_top_level(
    t: &Text,
    start: usize,
    end: usize,
    is_sep: impl Fn(char) -> bool,
) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = start;
    for i in start..end {
        let c = t.norm[i];
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && is_sep(c) {
            parts.push((from, i));
            from = i + 1;
        }
    }
    parts.push((from, end));
    parts
}

fn is_item_sep(c: char) -> bool {
    matches!(c, '、' | ',' | ';' | '。' | '/' | '|')
}

// ---------------------------------------------------------------------------
// Vocabulary.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// 牵头.
    Lead,
    /// 负责: a lead when the note names no 牵头, else a partner.
    Charge,
    /// 配合, 参与, 协助…
    Partner,
    /// 责任单位.
    Responsible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Units(Role),
    Leader,
    Deadline,
}

struct Verb {
    text: Vec<char>,
    role: Role,
    /// 分别牵头 / 分别负责.
    respective: bool,
    /// Whether the verb alone makes a bracket a note (配合 does, 参与 does not:
    /// `(企业为主体、社会参与)` is not a note).
    strong: bool,
}

/// Verbs ending a list item (`A牵头`, `B、C配合`), longest first.
static VERBS: LazyLock<Vec<Verb>> = LazyLock::new(|| {
    let mut verbs = Vec::new();
    let mut add = |words: &[&str], role: Role, respective: bool, strong: bool| {
        for w in words {
            verbs.push(Verb {
                text: w.chars().collect(),
                role,
                respective,
                strong,
            });
        }
    };
    add(
        &[
            "分别牵头",
            "各自牵头",
            "分别牵头负责",
            "分别牵头落实",
            "分别牵头推进",
        ],
        Role::Lead,
        true,
        true,
    );
    add(
        &[
            "牵头",
            "共同牵头",
            "联合牵头",
            "牵头负责",
            "牵头落实",
            "牵头实施",
            "牵头推进",
            "牵头抓总",
            "牵头组织",
            "牵头组织实施",
            "为牵头单位",
            "为牵头部门",
            "负总责",
            "总牵头",
        ],
        Role::Lead,
        false,
        true,
    );
    add(&["分别负责", "各自负责"], Role::Charge, true, true);
    add(
        &[
            "负责",
            "共同负责",
            "具体负责",
            "负责落实",
            "负责实施",
            "负责推进",
            "负责组织实施",
        ],
        Role::Charge,
        false,
        true,
    );
    add(
        &["为责任单位", "为责任部门"],
        Role::Responsible,
        false,
        true,
    );
    add(
        &[
            "配合",
            "分别配合",
            "共同配合",
            "协同配合",
            "积极配合",
            "配合落实",
            "配合实施",
            "配合推进",
            "配合完成",
            "为配合单位",
            "为配合部门",
            "协办",
        ],
        Role::Partner,
        false,
        true,
    );
    // `B按职责分工负责` and its variants.
    for how in [
        "按职责分工",
        "按照职责分工",
        "按职责",
        "按职能分工",
        "按职能职责",
        "根据职责分工",
        "按各自职责",
        "依职责",
    ] {
        for what in ["负责", "落实", "配合", "推进", "参与", "分工负责"] {
            add(
                &[format!("{how}{what}").as_str()],
                Role::Partner,
                false,
                true,
            );
        }
    }
    add(
        &[
            "参与",
            "共同参与",
            "积极参与",
            "协助",
            "协同",
            "共同推进",
            // `（A牵头负责，各县（市、区）具体落实）`: weak, so only with a lead.
            "落实",
            "具体落实",
            "抓好落实",
            "组织落实",
            "共同落实",
            "具体实施",
            "组织实施",
        ],
        Role::Partner,
        false,
        false,
    );
    verbs.sort_by_key(|v| std::cmp::Reverse(v.text.len()));
    verbs
});

struct Label {
    text: Vec<char>,
    kind: LabelKind,
}

/// Field labels (`牵头单位：`), longest first so `牵头负责领导` wins over `牵头`.
static LABELS: LazyLock<Vec<Label>> = LazyLock::new(|| {
    let mut labels = Vec::new();
    let mut add = |words: &[&str], kind: LabelKind| {
        for w in words {
            labels.push(Label {
                text: w.chars().collect(),
                kind,
            });
        }
    };
    add(
        &[
            "牵头单位",
            "牵头部门",
            "牵头责任单位",
            "牵头责任部门",
            "牵头处室",
            "牵头科室",
            "主责单位",
            "主责部门",
            "主办单位",
            "主要责任单位",
            "牵头",
        ],
        LabelKind::Units(Role::Lead),
    );
    add(
        &[
            "配合单位",
            "配合部门",
            "协同责任单位",
            "协同单位",
            "协同部门",
            "协办单位",
            "参与单位",
            "参与部门",
            "协助单位",
            "协作单位",
            "配合责任单位",
            "配合处室",
            "配合",
        ],
        LabelKind::Units(Role::Partner),
    );
    add(
        &[
            "责任单位",
            "责任部门",
            "实施单位",
            "承办单位",
            "实施主体",
            "责任主体",
            "落实单位",
            "责任处室",
        ],
        LabelKind::Units(Role::Responsible),
    );
    add(
        &[
            "牵头负责领导",
            "牵头领导",
            "负责领导",
            "责任领导",
            "分管领导",
            "牵头市领导",
            "牵头区领导",
            "牵头县领导",
            "联系领导",
            "挂点领导",
            "牵头负责人",
            "责任人",
        ],
        LabelKind::Leader,
    );
    add(
        &[
            "完成时限",
            "完成时间",
            "完成期限",
            "时间要求",
            "时限要求",
            "时间节点",
            "完成时间节点",
            "时间安排",
            "进度安排",
            "时限",
        ],
        LabelKind::Deadline,
    );
    labels.sort_by_key(|l| std::cmp::Reverse(l.text.len()));
    labels
});

/// The first chars of all labels: most text positions are ruled out with
/// one lookup instead of trying every label (this runs on every char).
static LABEL_FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = LABELS.iter().map(|l| l.text[0]).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
});

/// Chars that commonly end a unit's name; used to tell `市发改局 市财政局`
/// (two units) from `市发 改局` (one name with a stray space).
fn ends_like_unit(c: char) -> bool {
    "局委办院镇街区县市部会司厅室心社队站所园行团处府馆校组庭军".contains(c)
}

/// Text that states a rule or a scope rather than naming a unit.
fn is_rule_phrase(s: &str) -> bool {
    const PHRASES: &[&str] = &[
        "下同",
        "第一位",
        "首位",
        "第1位",
        "即为牵头",
        "均为牵头",
        "不再列出",
        "不再一一列出",
        "不分先后",
    ];
    PHRASES.iter().any(|p| s.contains(p))
}

// ---------------------------------------------------------------------------
// Parsing a note's body.

#[derive(Default)]
struct Builder {
    leads: Vec<String>,
    lead_respective: bool,
    charge: Vec<String>,
    charge_respective: bool,
    partners: Vec<String>,
    responsible: Vec<String>,
    /// Names never given a role.
    leftover: Vec<String>,
    leader: Option<String>,
    deadline: Option<String>,
    /// A label or a verb that makes this a note.
    strong: bool,
    /// Something was read as a unit name but cannot be one.
    invalid: bool,
}

impl Builder {
    fn assign(&mut self, t: &Text, items: &[(usize, usize)], role: Role, respective: bool) {
        for &(s, e) in items {
            let Some(name) = clean_name(t, s, e) else {
                continue;
            };
            // `—`, `/`, `无`: an empty table cell, not a unit.
            if !name.chars().any(|c| c.is_alphanumeric()) || ["无", "暂无"].contains(&name.as_str())
            {
                continue;
            }
            if !is_plausible_name(&name, t, s, e) {
                self.invalid = true;
                continue;
            }
            let list = match role {
                Role::Lead => {
                    self.lead_respective |= respective;
                    &mut self.leads
                }
                Role::Charge => {
                    self.charge_respective |= respective;
                    &mut self.charge
                }
                Role::Partner => &mut self.partners,
                Role::Responsible => &mut self.responsible,
            };
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }

    fn finish(self) -> Option<ParsedNote> {
        if self.invalid || !self.strong {
            return None;
        }
        let mut note = ParsedNote {
            leads: self.leads,
            partners: self.partners,
            responsible: self.responsible,
            mode: LeadMode::None,
            leader: self.leader,
            deadline: self.deadline,
        };
        let mut respective = self.lead_respective;
        if note.leads.is_empty() && !self.charge.is_empty() {
            note.leads = self.charge;
            respective = self.charge_respective;
        } else {
            push_unique(&mut note.partners, self.charge);
        }
        if !note.leads.is_empty() {
            push_unique(&mut note.partners, self.leftover);
        }
        note.settle(respective);
        if note.is_empty() { None } else { Some(note) }
    }
}

/// The verb ending `start..end`, if any: (where the name part ends, verb).
fn verb_suffix(t: &Text, start: usize, end: usize) -> Option<(usize, &'static Verb)> {
    VERBS
        .iter()
        .find(|v| t.ends_with_at(start, end, &v.text))
        .map(|v| (end - v.text.len(), v))
}

/// The text of `start..end` without what is inside nested brackets, so
/// `各相关镇(街,下同)` is not mistaken for a `下同` rule.
fn outside_brackets(t: &Text, start: usize, end: usize) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for &c in &t.norm[start..end] {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            out.push(c);
        }
    }
    out
}

/// Parses a list such as `A、B牵头,C、D配合` in `start..end`; names left
/// without a verb get `default` (the role of the label the list follows).
fn parse_list(t: &Text, start: usize, end: usize, default: Option<Role>, b: &mut Builder) {
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut explicit_lead = false;
    for (s, e) in split_top_level(t, start, end, is_item_sep)
        .into_iter()
        .flat_map(|(s, e)| split_conjunctions(t, s, e))
    {
        for (s, e) in split_words(t, s, e) {
            let (s, e) = t.trim(s, e);
            if s >= e {
                continue;
            }
            if is_rule_phrase(&outside_brackets(t, s, e)) {
                continue;
            }
            if let Some(deadline) = deadline_in(t, s, e) {
                b.deadline.get_or_insert(deadline);
                continue;
            }
            // `会同A、B等部门组织实施`: partners named by what they join.
            if let Some(name) = joined_partner(t, s, e) {
                b.assign(t, &[name], Role::Partner, false);
                continue;
            }
            match verb_suffix(t, s, e).or_else(|| bracketed_verb(t, s, e)) {
                Some((name_end, verb)) => {
                    pending.push((s, name_end));
                    b.strong |= verb.strong;
                    explicit_lead |= verb.role == Role::Lead;
                    b.assign(t, &pending, verb.role, verb.respective);
                    pending.clear();
                }
                None => pending.push((s, e)),
            }
        }
    }
    match default {
        // `牵头单位：A（牵头）、B`: once the list marks its lead, the rest partner.
        Some(Role::Lead) if explicit_lead => b.assign(t, &pending, Role::Partner, false),
        Some(role) => b.assign(t, &pending, role, false),
        None => {
            for (s, e) in pending {
                if let Some(name) = clean_name(t, s, e)
                    && is_plausible_name(&name, t, s, e)
                {
                    b.leftover.push(name);
                }
            }
        }
    }
}

/// Splits `市直有关单位和各县（市、区）` at `和各`/`及各`/`以及` (outside
/// brackets). Plain `和` stays: it is inside names (`市发展和改革局`).
fn split_conjunctions(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut from = start;
    let mut depth = 0usize;
    let mut i = start;
    while i < end {
        let c = t.norm[i];
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && i > from && i + 1 < end {
            let next = t.norm[i + 1];
            let cut = match (c, next) {
                ('和' | '及', '各') => Some(1),
                ('以', '及') => Some(2),
                _ => None,
            };
            if let Some(len) = cut {
                parts.push((from, i));
                from = i + len;
                i = from;
                continue;
            }
        }
        i += 1;
    }
    parts.push((from, end));
    parts
}

/// A verb in brackets after a name, as tables and 责任单位 lists mark the
/// lead: `市发展和改革局（牵头）`.
fn bracketed_verb(t: &Text, start: usize, end: usize) -> Option<(usize, &'static Verb)> {
    let g = *top_level_groups(t, start, end).last()?;
    if !g.closed || g.close + 1 != end || g.open == start {
        return None;
    }
    let (s, e) = t.trim(g.open + 1, g.close);
    VERBS
        .iter()
        .find(|v| e - s == v.text.len() && t.norm[s..e] == *v.text)
        .map(|v| (g.open, v))
}

/// `会同X` (optionally `…组织实施`): the range of X.
fn joined_partner(t: &Text, start: usize, end: usize) -> Option<(usize, usize)> {
    let prefix: Vec<char> = "会同".chars().collect();
    if !t.starts_with_at(start, end, &prefix) {
        return None;
    }
    let mut e = end;
    for action in [
        "组织实施",
        "共同推进",
        "共同实施",
        "推进",
        "实施",
        "落实",
        "做好",
    ] {
        let a: Vec<char> = action.chars().collect();
        if t.ends_with_at(start + prefix.len(), e, &a) {
            e -= a.len();
            break;
        }
    }
    Some((start + prefix.len(), e))
}

/// Splits an item at whitespace that separates two names (after a verb, or
/// between two words that each end like a unit); other whitespace is a stray
/// break inside one name and is kept together.
fn split_words(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut i = start;
    while i < end {
        while i < end && t.norm[i].is_whitespace() {
            i += 1;
        }
        let s = i;
        let mut depth = 0usize;
        while i < end && (depth > 0 || !t.norm[i].is_whitespace()) {
            if is_open(t.norm[i]) {
                depth += 1;
            } else if is_close(t.norm[i]) {
                depth = depth.saturating_sub(1);
            }
            i += 1;
        }
        if s < i {
            words.push((s, i));
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in words {
        let joined = match out.last() {
            Some(&(ps, pe)) => {
                // (Deadlines are short; the length check keeps a huge
                // space-separated item linear.)
                let cut = verb_suffix(t, ps, pe).is_some()
                    || (pe - ps <= 40 && deadline_in(t, ps, pe).is_some())
                    || (pe - ps >= 3
                        && e - s >= 3
                        && ends_like_unit(t.norm[pe - 1])
                        // A line break is a wrap, even after `…局`
                        // (`江门市生态环境局⏎台山分局`).
                        && !t.orig[pe..s].iter().any(|&c| matches!(c, '\n' | '\r')));
                !cut
            }
            None => false,
        };
        if joined {
            out.last_mut().expect("joined needs a previous word").1 = e;
        } else {
            out.push((s, e));
        }
    }
    out
}

/// Labels (`牵头单位：`) at bracket depth 0 in `start..end`:
/// (label start, value start, kind).
fn find_labels(t: &Text, start: usize, end: usize) -> Vec<(usize, usize, LabelKind)> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut i = start;
    while i < end {
        let c = t.norm[i];
        // `【配合单位】` anywhere; `（配合单位）` only at a field boundary,
        // like a plain label (not `A（牵头）`).
        let boundary = i == start || c == '[' || {
            let p = t.norm[i - 1];
            p.is_whitespace() || matches!(p, ',' | ';' | '。' | ')' | ']')
        };
        if depth == 0
            && boundary
            && is_open(c)
            && let Some((value, kind)) = bracket_label(t, i, end)
        {
            found.push((i, value, kind));
            i = value;
            continue;
        }
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            // Only at a field boundary, so `市牵头单位：` inside a sentence is not split.
            let boundary = i == start || {
                let p = t.norm[i - 1];
                p.is_whitespace() || matches!(p, ',' | ';' | '。' | '(' | '[' | ')' | ']')
            };
            // Long labels also count right after text, for annotation lines
            // that were joined without a separator (`…副区长牵头责任单位：`).
            if LABEL_FIRST_CHARS.binary_search(&c).is_ok()
                && let Some(label) = LABELS
                    .iter()
                    .find(|l| (boundary || l.text.len() >= 4) && t.starts_with_at(i, end, &l.text))
            {
                let mut j = i + label.text.len();
                while j < end && t.norm[j] == ' ' {
                    j += 1;
                }
                if j < end && t.norm[j] == ':' {
                    found.push((i, j + 1, label.kind));
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    found
}

/// The value of a 完成时限 label: up to the first separator or bracket (so
/// text that follows it on a joined line is not taken along); as written
/// when it is not a recognisable date but short.
fn labelled_deadline(t: &Text, start: usize, end: usize) -> Option<String> {
    let stop = (start..end)
        .find(|&i| matches!(t.norm[i], ';' | '。' | ',' | '(' | ')' | '[' | ']'))
        .unwrap_or(end);
    let (s, e) = t.trim(start, stop);
    if s >= e {
        return None;
    }
    deadline_in(t, s, e).or_else(|| (e - s <= 30).then(|| t.orig_str(s, e)))
}

/// A label in brackets instead of before a colon: `【牵头单位】市发改局`.
/// Returns where its value starts.
fn bracket_label(t: &Text, open: usize, end: usize) -> Option<(usize, LabelKind)> {
    let skip_spaces = |mut j: usize| {
        while j < end && t.norm[j] == ' ' {
            j += 1;
        }
        j
    };
    let j = skip_spaces(open + 1);
    let label = LABELS
        .iter()
        .find(|l| l.text.len() >= 3 && t.starts_with_at(j, end, &l.text))?;
    let k = skip_spaces(j + label.text.len());
    if k >= end || !is_close(t.norm[k]) {
        return None;
    }
    let mut value = skip_spaces(k + 1);
    if value < end && t.norm[value] == ':' {
        value += 1;
    }
    Some((value, label.kind))
}

/// Parses a note's body (the text inside its brackets, or annotation lines).
fn parse_body(t: &Text, start: usize, end: usize) -> Builder {
    parse_body_as(t, start, end, None)
}

/// Like [`parse_body`]; names before any label or verb get `default`.
fn parse_body_as(t: &Text, start: usize, end: usize, default: Option<Role>) -> Builder {
    let mut b = Builder::default();
    let labels = find_labels(t, start, end);
    let first = labels.first().map_or(end, |l| l.0);
    parse_list(t, start, first, default, &mut b);
    for (k, &(_, value_start, kind)) in labels.iter().enumerate() {
        let value_end = labels.get(k + 1).map_or(end, |l| l.0);
        b.strong = true;
        match kind {
            LabelKind::Units(role) => parse_list(t, value_start, value_end, Some(role), &mut b),
            LabelKind::Leader => {
                let (s, e) = t.trim(value_start, value_end);
                if s < e {
                    b.leader.get_or_insert(t.orig_str(s, e));
                }
            }
            LabelKind::Deadline => {
                if let Some(deadline) = labelled_deadline(t, value_start, value_end) {
                    b.deadline.get_or_insert(deadline);
                }
            }
        }
    }
    b
}

/// A unit's name cut from the original text: trimmed, without `由`/`等`,
/// without stray whitespace, without `,下同` inside its own brackets
/// (`各相关镇(街,下同)` → `各相关镇(街)`).
fn clean_name(t: &Text, start: usize, end: usize) -> Option<String> {
    let (mut s, mut e) = t.trim(start, end);
    for prefix in [
        "本项工作由",
        "该项工作由",
        "此项工作由",
        "均由",
        "并由",
        "分别由",
        "由",
        "请",
    ] {
        let p: Vec<char> = prefix.chars().collect();
        if t.starts_with_at(s, e, &p) {
            s += p.len();
            break;
        }
    }
    for suffix in [
        "等有关单位",
        "等相关单位",
        "等有关部门",
        "等相关部门",
        "等单位",
        "等部门",
        "等",
    ] {
        let p: Vec<char> = suffix.chars().collect();
        if t.ends_with_at(s, e, &p) {
            e -= p.len();
            break;
        }
    }
    let (s, e) = t.trim(s, e);
    if s >= e {
        return None;
    }
    let mut keep = vec![true; e - s];
    // Drop `下同` parts inside nested brackets, or the whole bracket when
    // nothing else is in it.
    for g in top_level_groups(t, s, e) {
        if !g.closed {
            continue;
        }
        let parts = split_top_level(t, g.open + 1, g.close, |c| matches!(c, ',' | ';' | '、'));
        let is_note_text = |&(ps, pe): &(usize, usize)| {
            let part = t.norm_str(ps, pe);
            let part = part.trim();
            is_rule_phrase(part)
                || part.contains("按职责")
                || part.contains("职责分工")
                || VERBS
                    .iter()
                    .any(|v| v.text.iter().copied().eq(part.chars()))
        };
        if parts.iter().all(is_note_text) {
            keep[g.open - s..=g.close - s].fill(false);
        } else {
            for (k, &(ps, pe)) in parts.iter().enumerate() {
                if is_note_text(&(ps, pe)) {
                    // Drop the separator before the part (or after the first).
                    let (ds, de) = if k > 0 {
                        (ps - 1, pe)
                    } else {
                        (ps, (pe + 1).min(g.close))
                    };
                    keep[ds - s..de - s].fill(false);
                }
            }
        }
    }
    let name: String = (s..e)
        .filter(|&i| keep[i - s])
        .filter(|&i| !t.orig[i].is_whitespace() || is_ascii_gap(t, i, s, e))
        .map(|i| t.orig[i])
        .collect();
    let name = name.trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// Whitespace between two ASCII letters or digits (`IT Park`) is part of a
/// name; anywhere else (around CJK characters) it is a stray line break.
fn is_ascii_gap(t: &Text, i: usize, s: usize, e: usize) -> bool {
    let before = (s..i).rev().map(|k| t.orig[k]).find(|c| !c.is_whitespace());
    let after = (i + 1..e).map(|k| t.orig[k]).find(|c| !c.is_whitespace());
    matches!((before, after), (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
}

/// Whether a cleaned name can be a unit (or a group of units) at all.
fn is_plausible_name(name: &str, t: &Text, start: usize, end: usize) -> bool {
    const NOT_IN_NAMES: &[&str] = &["以下", "不再", "“", "”", "\"", ":", "。", "如下"];
    let norm = t.norm_str(start, end);
    name.chars().count() <= 32 && !NOT_IN_NAMES.iter().any(|w| norm.contains(w))
}

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

/// The responsibility note of a task paragraph, if it has one (usually at
/// the end). Brackets that say nothing about responsibility (`(珠西)`,
/// `(以下统称北部7镇)`, `(2019—2035年)`) are never notes.
pub fn find_note(paragraph: &str) -> Option<NoteMatch> {
    // Most paragraphs have neither a bracket nor a label: skip them cheaply.
    if !paragraph.contains(|c| OPEN_BRACKETS.contains(&c) || COLONS.contains(&c)) {
        return None;
    }
    let t = Text::new(paragraph);
    let groups = top_level_groups(&t, 0, t.norm.len());
    let to_match = |g: &Group, note: ParsedNote| {
        let end = if g.closed { g.close + 1 } else { g.close };
        NoteMatch {
            start: g.open,
            end,
            text: t.orig_str(g.open, end),
            note,
        }
    };
    // The last bracket that names units. A bracket after it with only a
    // deadline or leader (`（完成时限：2025年底前）`, `（2025年底前）`) adds to it.
    let mut extra: Option<(Group, ParsedNote)> = None;
    let mut bracketed = None;
    for g in groups.iter().rev() {
        let Some(note) = parse_body(&t, g.open + 1, g.close).finish() else {
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
        // Without brackets naming units: labels ending the paragraph, else a
        // note with only a deadline or leader.
        None => labelled_tail(&t).or_else(|| extra.map(|(g, note)| to_match(&g, note))),
    }
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
    })
}

/// A paragraph that is only an annotation line after a task: `牵头单位：A`,
/// `配合单位：B、C`, `责任单位：…`, `牵头负责领导：…`, `完成时限：…`, a whole
/// bracketed note on its own line, or a short line such as `市发展和改革局牵头，市财政局配合。`.
pub fn parse_annotation(paragraph: &str) -> Option<ParsedNote> {
    // Without a bracket or a colon only a short line with a verb can be one.
    if !paragraph.contains(|c| OPEN_BRACKETS.contains(&c) || COLONS.contains(&c))
        && (paragraph.chars().nth(MAX_VERB_LINE).is_some()
            || !paragraph.contains(|c| STRONG_VERB_CHARS.contains(&c)))
    {
        return None;
    }
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
    if !b.leftover.is_empty() {
        return None;
    }
    b.finish()
}

/// A deadline: `完成时限：2025年底前` → `2025年底前`; `2025年6月底前完成` →
/// `2025年6月底前`; `持续推进`; `长期坚持`. Found when it is the whole text,
/// after a 完成时限-type label anywhere (also inside brackets), or as the
/// last clause or last bracket of a task (`…改造。（2025年底前）`). A year
/// that the running text merely mentions (`到2025年，建成…`) is not one.
pub fn parse_deadline(text: &str) -> Option<String> {
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

/// `start..end` read as a deadline, returned as written.
fn deadline_in(t: &Text, start: usize, end: usize) -> Option<String> {
    const STANDING: &[&str] = &[
        "持续推进",
        "长期坚持",
        "长期推进",
        "持续开展",
        "长期开展",
        "持续实施",
        "常态化推进",
        "逐年推进",
        "长期",
        "持续",
        "每年",
        "每年度",
    ];
    let (s, mut e) = t.trim(start, end);
    for suffix in ["前完成", "完成", "前"] {
        let p: Vec<char> = suffix.chars().collect();
        if t.ends_with_at(s, e, &p) && e - p.len() > s {
            // Keep `前` (it is part of `2025年底前`); drop only `完成`.
            if suffix != "前" {
                e -= 2;
            }
            break;
        }
    }
    if s >= e {
        return None;
    }
    let norm = t.norm_str(s, e);
    if STANDING.contains(&norm.as_str()) {
        return Some(t.orig_str(s, e));
    }
    let chars: Vec<char> = norm.chars().collect();
    let digits_run = chars
        .windows(4)
        .any(|w| w.iter().all(|c| c.is_ascii_digit()));
    let allowed = |c: char| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || "年月日底末前内上下半季度第一二三四起至到—–-~、及和初中旬每".contains(c)
    };
    // A dated deadline names a year (`2025年底前`), or recurs (`每年12月底前`).
    let dated = (digits_run && chars.contains(&'年')) || norm.starts_with("每");
    (dated && chars.len() <= 30 && chars.iter().all(|&c| allowed(c))).then(|| t.orig_str(s, e))
}

// ---------------------------------------------------------------------------
// Document-level rules.

/// Rules a document states once and applies to later tasks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteRules {
    /// `列第一位的为牵头单位`: the first 责任单位 leads, the others partner.
    pub first_is_lead: bool,
    /// `无牵头单位的，责任单位即为牵头单位`: every 责任单位 leads.
    pub responsible_are_leads: bool,
    /// Units a standing note adds to every later task
    /// (`以下工作均需各县（市、区）落实，不再列出`).
    pub standing_partners: Vec<String>,
}

impl NoteRules {
    /// Looks for a rule in `paragraph`. Call it on every paragraph in order,
    /// before [`NoteRules::apply`] on that paragraph's note (a rule may be
    /// stated inside the first note it applies to).
    pub fn observe(&mut self, paragraph: &str) {
        // Every rule names 牵头 or ends in 不再列出; skip other paragraphs cheaply.
        if !["牵头", "牽頭", "不再"]
            .iter()
            .any(|w| paragraph.contains(w))
        {
            return;
        }
        let t = Text::new(paragraph);
        let norm: String = t.norm.iter().collect();
        // `列第一位的为牵头单位`, `排名第一的单位牵头`, `排在首位的为牵头单位`.
        let first_is_lead = ["第一", "首位", "第1", "首个"].iter().any(|p| {
            norm.match_indices(p).any(|(at, _)| {
                norm[at..]
                    .chars()
                    .take(12)
                    .collect::<String>()
                    .contains("牵头")
            })
        }) && norm.contains("单位");
        // `无牵头单位的，责任单位即为牵头单位`, `未明确牵头单位的，所列单位均为牵头单位`.
        let no_lead_named = ["无", "未", "没有"].iter().any(|p| {
            norm.match_indices(p).any(|(at, _)| {
                norm[at..]
                    .chars()
                    .take(6)
                    .collect::<String>()
                    .contains("牵头")
            })
        });
        let all_lead = no_lead_named
            && [
                "即为牵头",
                "均为牵头",
                "都是牵头",
                "均是牵头",
                "为共同牵头",
                "均作为牵头",
            ]
            .iter()
            .any(|p| norm.contains(p));
        if first_is_lead {
            self.first_is_lead = true;
        } else if all_lead {
            self.responsible_are_leads = true;
        }
        if let Some(name) = standing_partner(&t)
            && !self.standing_partners.contains(&name)
        {
            self.standing_partners.push(name);
        }
    }

    /// `note` with the document's rules applied. A note that names its leads
    /// (including `分别牵头`) keeps them; rules only decide among 责任单位.
    pub fn apply(&self, mut note: ParsedNote) -> ParsedNote {
        if note.leads.is_empty() && !note.responsible.is_empty() {
            let responsible = std::mem::take(&mut note.responsible);
            if self.first_is_lead {
                let mut rest = responsible;
                let first = rest.remove(0);
                note.leads.push(first);
                rest.append(&mut note.partners);
                note.partners = rest;
            } else if self.responsible_are_leads {
                note.leads = responsible;
            } else {
                note.responsible = responsible;
            }
        }
        for p in &self.standing_partners {
            if !note.leads.contains(p) && !note.partners.contains(p) {
                note.partners.push(p.clone());
            }
        }
        let respective = note.mode == LeadMode::Respective;
        note.settle(respective);
        note
    }
}

/// The unit of a standing note such as `以下工作均需各县（市、区）落实，不再列出`.
fn standing_partner(t: &Text) -> Option<String> {
    let norm: Vec<char> = t.norm.clone();
    let text: String = norm.iter().collect();
    let stop = [
        "不再列出",
        "不再一一列出",
        "不再单独列出",
        "不再重复列出",
        "不再列明",
        "不再列示",
    ]
    .iter()
    .filter_map(|p| text.find(p))
    .min()?;
    let stop = text[..stop].chars().count();
    // The clause before `不再…`: `…均需X落实`.
    let clause_start = (0..stop)
        .rev()
        .find(|&i| matches!(norm[i], '。' | ';'))
        .map_or(0, |i| i + 1);
    let (cs, ce) = t.trim(clause_start, stop);
    for trigger in ["均需", "均由", "都需", "均要", "需要", "都由", "需", "由"] {
        let tr: Vec<char> = trigger.chars().collect();
        let Some(at) = (cs..ce).find(|&i| t.starts_with_at(i, ce, &tr)) else {
            continue;
        };
        let from = at + tr.len();
        for verb in [
            "落实",
            "负责",
            "配合",
            "参与",
            "实施",
            "承担",
            "推进",
            "组织实施",
        ] {
            let v: Vec<char> = verb.chars().collect();
            if let Some(to) = (from..ce).find(|&i| t.starts_with_at(i, ce, &v)) {
                // `…均需X落实`, or `X均需落实` with the unit before the trigger.
                let (ns, ne) = if clean_name(t, from, to).is_some() {
                    (from, to)
                } else {
                    (cs, at)
                };
                let name = clean_name(t, ns, ne)?;
                return is_plausible_name(&name, t, ns, ne).then_some(name);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
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
}
