//! Field labels of notes and annotation lines: `牵头单位：`, `【配合单位】`,
//! `牵头科室（单位）：`, labels outside the vocabulary that plainly name
//! units (`支撑部门：`), and the value of a 完成时限 label.

use super::text::*;
use super::time::{continues_deadline, deadline_in};
use super::vocab::*;

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
                let mut j = skip_qualifier(t, i + label.text.len(), end);
                while j < end && t.norm[j] == ' ' {
                    j += 1;
                }
                if j < end && t.norm[j] == ':' {
                    found.push((i, j + 1, label.kind));
                    i = j + 1;
                    continue;
                }
            }
            if boundary
                && let Some((value, kind)) =
                    unknown_unit_label(t, i, end).or_else(|| unknown_deadline_label(t, i, end))
            {
                found.push((i, value, kind));
                i = value;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Past a label's bracketed qualifier (`牵头科室（单位）：`,
/// `责任单位（部门）：`): a short bracket naming what kind of body.
fn skip_qualifier(t: &Text, mut j: usize, end: usize) -> usize {
    let from = j;
    while j < end && t.norm[j] == ' ' {
        j += 1;
    }
    if j >= end || !is_open(t.norm[j]) {
        return from;
    }
    let Some(close) = (j + 1..end.min(j + 8)).find(|&k| is_close(t.norm[k])) else {
        return from;
    };
    let inside = t.norm_str(j + 1, close);
    if ["单位", "部门", "科室", "处室", "机构", "领导"]
        .iter()
        .any(|w| inside.contains(w))
    {
        close + 1
    } else {
        from
    }
}

/// The value of a 完成时限 label: up to the first separator or bracket (so
/// text that follows it on a joined line is not taken along); as written
/// when it is not a recognisable date but short.
pub(super) fn labelled_deadline(t: &Text, start: usize, end: usize) -> Option<String> {
    let stop_after = |from: usize| {
        (from..end)
            .find(|&i| matches!(t.norm[i], ';' | '。' | ',' | '(' | ')' | '[' | ']'))
            .unwrap_or(end)
    };
    let first_stop = stop_after(start);
    // A second time clause after the comma (`4月底前完成设计，年底完成施工`,
    // `…，此后持续推进`) is part of the deadline, not text after it.
    let mut stop = first_stop;
    while stop < end && t.norm[stop] == ',' {
        let next = stop_after(stop + 1);
        if !continues_deadline(t, stop + 1, next) {
            break;
        }
        stop = next;
    }
    let (s, e) = t.trim(start, stop);
    if s >= e {
        return None;
    }
    if stop > first_stop {
        return Some(t.orig_str(s, e));
    }
    deadline_in(t, s, e).or_else(|| (e - s <= 30).then(|| t.orig_str(s, e)))
}

/// A label not in the vocabulary but plainly about responsible units, such
/// as `支撑部门：`, `主要负责部门：` or `责任股室：`: a few characters ending in
/// one of [`LISTED_UNIT_NOUNS`], with a word about responsibility, and a
/// colon. Its role is read
/// from its words (partner when unclear).
/// Returns where its value starts.
fn unknown_unit_label(t: &Text, start: usize, end: usize) -> Option<(usize, LabelKind)> {
    let mut j = start;
    while j < end && j - start < 8 && !t.norm[j].is_ascii() && !"、,;。:()[]".contains(t.norm[j])
    {
        j += 1;
    }
    // This runs at every field boundary: most have no unit word, and are
    // ruled out before a label string is made.
    let has_unit_word = t.norm[start..j].windows(2).any(|w| {
        LISTED_UNIT_NOUNS
            .iter()
            .any(|u| u.chars().eq(w.iter().copied()))
    });
    // `牵头镇：`, `责任乡镇：`, `配合街道：`: the units are places' governments.
    let place_label = || {
        let label: String = t.norm[start..j].iter().collect();
        ["牵头", "责任", "配合"]
            .iter()
            .any(|r| label.starts_with(r))
            && PLACE_UNIT_NOUNS.iter().any(|p| label.ends_with(p))
            && j < end
            && t.norm[j] == ':'
    };
    if !has_unit_word && !place_label() {
        return None;
    }
    let label: String = t.norm[start..j].iter().collect();
    let unit_word = LISTED_UNIT_NOUNS
        .iter()
        .find_map(|w| label.find(w).map(|at| at + w.len()))
        .unwrap_or(label.len());
    let label = &label[..unit_word];
    let mut k = skip_qualifier(t, start + label.chars().count(), end);
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

/// A label not in the vocabulary that plainly names when work is due: a
/// few characters of what is done ending in `时限` or `期限` (`整改时限：`,
/// `销号期限：`, `落实时限：`), then a colon. Returns where its value starts.
fn unknown_deadline_label(t: &Text, start: usize, end: usize) -> Option<(usize, LabelKind)> {
    let mut j = start;
    while j < end && j - start < 6 && crate::zh::is_han(t.norm[j]) {
        j += 1;
    }
    let colon = (start + 3..=j).find(|&k| k < end && t.norm[k] == ':')?;
    let ending = &t.norm[colon - 2..colon];
    (ending == ['时', '限'] || ending == ['期', '限']).then_some((colon + 1, LabelKind::Deadline))
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
    // `【牵头单位】负责统筹推进`, `只标注【责任单位】的`: a sentence about the
    // label (how the plan is marked up), not a field with its units.
    // (A time may open with 按: `【完成时限】按年度推进`.)
    if LABEL_MENTION_FOLLOWERS
        .iter()
        .filter(|w| !(label.kind == LabelKind::Deadline && **w == "按"))
        .any(|w| t.starts_with_at(value, end, &w.chars().collect::<Vec<_>>()))
    {
        return None;
    }
    Some((value, label.kind))
}

/// `title` without a form's label naming the work (`督办事项：加快…` →
/// `加快…`); unchanged when it opens otherwise.
pub fn without_task_label(title: &str) -> &str {
    for label in TASK_LABELS {
        if let Some(rest) = title.strip_prefix(label)
            && let Some(value) = rest
                .trim_start()
                .strip_prefix(['：', ':'])
                .map(str::trim_start)
            && !value.is_empty()
        {
            return value;
        }
    }
    title
}
