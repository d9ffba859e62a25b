//! Parsing a note's body — the text inside its brackets, or annotation
//! lines — into roles, names and a deadline.

use super::text::*;
use super::vocab::*;
use super::{NameSpan, ParsedNote, push_unique};
use crate::model::LeadMode;

/// What a note says, collected while its parts are read; [`Builder::finish`]
/// decides whether it is a note at all.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) leads: Vec<String>,
    pub(super) lead_respective: bool,
    pub(super) charge: Vec<String>,
    pub(super) charge_respective: bool,
    pub(super) partners: Vec<String>,
    pub(super) responsible: Vec<String>,
    /// Names never given a role.
    pub(super) leftover: Vec<String>,
    pub(super) leader: Option<String>,
    pub(super) deadline: Option<String>,
    /// Where each name was cut.
    pub(super) spans: Vec<NameSpan>,
    /// A label or a verb that makes this a note.
    pub(super) strong: bool,
    /// Something was read as a unit name but cannot be one.
    pub(super) invalid: bool,
}

impl Builder {
    pub(super) fn assign(
        &mut self,
        t: &Text,
        items: &[(usize, usize)],
        role: Role,
        respective: bool,
    ) {
        for &(s, e) in items {
            let Some((name, (ns, ne))) = clean_name_at(t, s, e) else {
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
            if !self.spans.iter().any(|x| x.name == name) {
                self.spans.push(NameSpan {
                    name: name.clone(),
                    start: ns,
                    end: ne,
                });
            }
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }

    pub(super) fn finish(self) -> Option<ParsedNote> {
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
            spans: self.spans,
            unread: Vec::new(),
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
pub(super) fn verb_suffix(t: &Text, start: usize, end: usize) -> Option<(usize, &'static Verb)> {
    VERBS
        .iter()
        .find(|v| t.ends_with_at(start, end, &v.text))
        .map(|v| (end - v.text.len(), v))
}

/// The text of `start..end` without what is inside nested brackets, so
/// `各相关镇(街,下同)` is not mistaken for a `下同` rule.
pub(super) fn outside_brackets(t: &Text, start: usize, end: usize) -> String {
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
pub(super) fn parse_list(
    t: &Text,
    start: usize,
    end: usize,
    default: Option<Role>,
    b: &mut Builder,
) {
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
                if let Some((name, (ns, ne))) = clean_name_at(t, s, e)
                    && is_plausible_name(&name, t, s, e)
                {
                    if !b.spans.iter().any(|x| x.name == name) {
                        b.spans.push(NameSpan {
                            name: name.clone(),
                            start: ns,
                            end: ne,
                        });
                    }
                    b.leftover.push(name);
                }
            }
        }
    }
}

/// Splits `市直有关单位和各县（市、区）` at `和各`/`及各`/`以及` (outside
/// brackets). Plain `和` stays: it is inside names (`市发展和改革局`).
pub(super) fn split_conjunctions(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
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
pub(super) fn bracketed_verb(t: &Text, start: usize, end: usize) -> Option<(usize, &'static Verb)> {
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
pub(super) fn joined_partner(t: &Text, start: usize, end: usize) -> Option<(usize, usize)> {
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
pub(super) fn split_words(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
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
pub(super) fn find_labels(t: &Text, start: usize, end: usize) -> Vec<(usize, usize, LabelKind)> {
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
            if boundary && let Some((value, kind)) = unknown_unit_label(t, i, end) {
                found.push((i, value, kind));
                i = value;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The value of a 完成时限 label: up to the first separator or bracket (so
/// text that follows it on a joined line is not taken along); as written
/// when it is not a recognisable date but short.
pub(super) fn labelled_deadline(t: &Text, start: usize, end: usize) -> Option<String> {
    let stop = (start..end)
        .find(|&i| matches!(t.norm[i], ';' | '。' | ',' | '(' | ')' | '[' | ']'))
        .unwrap_or(end);
    let (s, e) = t.trim(start, stop);
    if s >= e {
        return None;
    }
    deadline_in(t, s, e).or_else(|| (e - s <= 30).then(|| t.orig_str(s, e)))
}

/// A label not in the vocabulary but plainly about responsible units, such
/// as `支撑部门：` or `主要负责部门：`: a few characters ending in 单位/部门/
/// 处室/科室, with a word about responsibility, and a colon. Its role is read
/// from its words (partner when unclear).
/// Returns where its value starts.
fn unknown_unit_label(t: &Text, start: usize, end: usize) -> Option<(usize, LabelKind)> {
    let mut j = start;
    while j < end && j - start < 8 && !t.norm[j].is_ascii() && !"、,;。:()[]".contains(t.norm[j])
    {
        j += 1;
    }
    let label: String = t.norm[start..j].iter().collect();
    let unit_word = ["单位", "部门", "处室", "科室"]
        .iter()
        .find_map(|w| label.find(w).map(|at| at + w.len()))?;
    let label = &label[..unit_word];
    let mut k = start + label.chars().count();
    while k < end && t.norm[k] == ' ' {
        k += 1;
    }
    if k >= end || t.norm[k] != ':' {
        return None;
    }
    // Only labels that say something about responsibility (not `建设单位：`).
    const ROLE_WORDS: &[&str] = &[
        "牵头", "主责", "主办", "主要", "责任", "负责", "配合", "协", "参", "支撑", "支持", "联系",
        "指导", "实施",
    ];
    if !ROLE_WORDS.iter().any(|w| label.contains(w)) {
        return None;
    }
    let role = if ["牵头", "主责", "主办", "主要"]
        .iter()
        .any(|w| label.contains(w))
    {
        Role::Lead
    } else if label.contains("责任") && !["协", "配", "参"].iter().any(|w| label.contains(w)) {
        Role::Responsible
    } else {
        Role::Partner
    };
    Some((k + 1, LabelKind::Units(role)))
}

/// A label in brackets instead of before a colon: `【牵头单位】市发改局`.
/// Returns where its value starts.
pub(super) fn bracket_label(t: &Text, open: usize, end: usize) -> Option<(usize, LabelKind)> {
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
pub(super) fn parse_body(t: &Text, start: usize, end: usize) -> Builder {
    parse_body_as(t, start, end, None)
}

/// Like [`parse_body`]; names before any label or verb get `default`.
pub(super) fn parse_body_as(t: &Text, start: usize, end: usize, default: Option<Role>) -> Builder {
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
pub(super) fn clean_name(t: &Text, start: usize, end: usize) -> Option<String> {
    clean_name_at(t, start, end).map(|(name, _)| name)
}

/// Like [`clean_name`], with the char range the name was cut from.
pub(super) fn clean_name_at(
    t: &Text,
    start: usize,
    end: usize,
) -> Option<(String, (usize, usize))> {
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
    (!name.is_empty()).then_some((name, (s, e)))
}

/// Whitespace between two ASCII letters or digits (`IT Park`) is part of a
/// name; anywhere else (around CJK characters) it is a stray line break.
pub(super) fn is_ascii_gap(t: &Text, i: usize, s: usize, e: usize) -> bool {
    let before = (s..i).rev().map(|k| t.orig[k]).find(|c| !c.is_whitespace());
    let after = (i + 1..e).map(|k| t.orig[k]).find(|c| !c.is_whitespace());
    matches!((before, after), (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
}

/// Whether a cleaned name can be a unit (or a group of units) at all.
pub(super) fn is_plausible_name(name: &str, t: &Text, start: usize, end: usize) -> bool {
    const NOT_IN_NAMES: &[&str] = &["以下", "不再", "“", "”", "\"", ":", "。", "如下"];
    let norm = t.norm_str(start, end);
    name.chars().count() <= 32 && !NOT_IN_NAMES.iter().any(|w| norm.contains(w))
}

/// `start..end` read as a deadline, returned as written.
pub(super) fn deadline_in(t: &Text, start: usize, end: usize) -> Option<String> {
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
