//! Document-level rules stated once and applied to later tasks.

use super::ParsedNote;
use super::body::{Builder, parse_list};
use super::names::{clean_name, is_plausible_name};
use super::text::Text;
use super::vocab::{Role, STANDING_ENDS, STANDING_TRIGGERS};
use crate::model::LeadMode;

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
        // Every rule names 牵头 or says 不再…; skip other paragraphs cheaply.
        if !["牵头", "牽頭", "不再"]
            .iter()
            .any(|w| paragraph.contains(w))
        {
            return;
        }
        let t = Text::new(paragraph);
        let norm: String = t.norm.iter().collect();
        // `列第一位的为牵头单位`, `排名第一的单位牵头`, `排在首位的为牵头单位`.
        let first_is_lead = [
            "第一位",
            "第一的",
            "第一者",
            "第一个",
            "首位",
            "第1位",
            "首个",
        ]
        .iter()
        .any(|p| {
            norm.match_indices(p).any(|(at, _)| {
                let window: String = norm[at..].chars().take(12).collect();
                // `第一位的为牵头`, `第一位者为牵头`; not `市第一人民医院牵头`.
                window.contains("牵头")
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
        for name in standing_partners(&t) {
            if !self.standing_partners.contains(&name) {
                self.standing_partners.push(name);
            }
        }
    }

    /// Adds the rules of `other`.
    pub fn extend(&mut self, other: &NoteRules) {
        self.first_is_lead |= other.first_is_lead;
        self.responsible_are_leads |= other.responsible_are_leads;
        for p in &other.standing_partners {
            if !self.standing_partners.contains(p) {
                self.standing_partners.push(p.clone());
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == NoteRules::default()
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

/// How far a rule reaches, by the words it is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RuleReach {
    /// `以下…`: what follows the statement, not the task stating it.
    pub below_only: bool,
    /// `下同`: the statement's own task and what follows.
    pub and_below: bool,
    /// `本部分`, `本章`, `本篇`: only the top-level part it stands in.
    pub this_part: bool,
    /// `本节`, `本项`, `本条`: only the heading it stands under.
    pub this_section: bool,
}

/// The reach a rule's own words give it.
pub fn rule_reach(text: &str) -> RuleReach {
    let norm: String = Text::new(text).norm.iter().collect();
    RuleReach {
        below_only: norm.contains("以下") && !norm.contains("下同"),
        and_below: norm.contains("下同"),
        this_part: ["本部分", "本章", "本篇", "本方面"]
            .iter()
            .any(|w| norm.contains(w)),
        this_section: ["本节", "本项", "本条", "本专题"]
            .iter()
            .any(|w| norm.contains(w)),
    }
}

/// A standing statement in a text: the clause naming the units (before
/// `不再…`) and the whole statement's range, `下同` included.
struct Standing {
    clause: (usize, usize),
    span: (usize, usize),
}

/// The standing statements in `start..end`
/// (`以下工作均需各县（市、区）落实，不再列出`).
fn standing_statements(t: &Text, start: usize, end: usize) -> Vec<Standing> {
    let mut out = Vec::new();
    for phrase in STANDING_ENDS {
        let p: Vec<char> = phrase.chars().collect();
        let mut from = start;
        while let Some(stop) = (from..end).find(|&i| t.starts_with_at(i, end, &p)) {
            from = stop + p.len();
            if out
                .iter()
                .any(|s: &Standing| s.span.0 <= stop && stop < s.span.1)
            {
                continue;
            }
            // The clause before `不再…`: `…均需X落实`. (An unmatched open
            // bracket before it starts the clause too: the statement stands
            // inside a note.)
            let mut depth = 0i32;
            let clause_start = (start..stop)
                .rev()
                .find(|&i| {
                    match t.norm[i] {
                        ')' | ']' => depth += 1,
                        '(' | '[' => depth -= 1,
                        _ => {}
                    }
                    depth < 0 || (depth == 0 && matches!(t.norm[i], '。' | ';'))
                })
                .map_or(start, |i| i + 1);
            let (cs, ce) = t.trim(clause_start, stop);
            // The statement runs on through `，下同`.
            let mut z = stop + p.len();
            let same: Vec<char> = "下同".chars().collect();
            let mut k = z;
            while k < end && matches!(t.norm[k], ',' | ' ') {
                k += 1;
            }
            if t.starts_with_at(k, end, &same) {
                z = k + same.len();
            }
            out.push(Standing {
                clause: (cs, ce),
                span: (cs, z),
            });
        }
    }
    out
}

/// Where standing statements stand in `start..end`: no list of a note's
/// own units (their units are the rules' standing partners).
pub(super) fn standing_spans(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
    // Every standing statement says 不再…; most notes do not.
    if !t.norm[start..end].contains(&'不') {
        return Vec::new();
    }
    standing_statements(t, start, end)
        .into_iter()
        .map(|s| s.span)
        .collect()
}

/// The units of a standing note such as `以下工作均需各县（市、区）落实，不再列出`
/// or `本部分以下措施均需各县区人民政府、园区管委会落实，不再单独列出`.
fn standing_partners(t: &Text) -> Vec<String> {
    let mut names = Vec::new();
    for st in standing_statements(t, 0, t.norm.len()) {
        for n in standing_units(t, st.clause) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

/// The units a standing statement's clause names.
fn standing_units(t: &Text, (cs, ce): (usize, usize)) -> Vec<String> {
    for trigger in STANDING_TRIGGERS {
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
            "",
        ] {
            let v: Vec<char> = verb.chars().collect();
            // `…均涉及X，不再做分工`: no verb, the list runs to the clause's end.
            let to = if v.is_empty() {
                Some(ce)
            } else {
                (from..ce).find(|&i| t.starts_with_at(i, ce, &v))
            };
            let Some(to) = to else {
                continue;
            };
            // `…均需X落实`, or `X均需落实` with the unit before the trigger.
            let (ns, ne) = if clean_name(t, from, to).is_some() {
                (from, to)
            } else {
                (cs, at)
            };
            let mut b = Builder::default();
            parse_list(t, ns, ne, Some(Role::Partner), &mut b);
            let names: Vec<String> = b
                .partners
                .into_iter()
                .filter(|n| is_plausible_name(n, t, ns, ne))
                .collect();
            if !names.is_empty() && !b.invalid {
                return names;
            }
            return Vec::new();
        }
    }
    Vec::new()
}
