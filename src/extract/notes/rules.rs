//! Document-level rules stated once and applied to later tasks.

use super::ParsedNote;
use super::body::{clean_name, is_plausible_name};
use super::text::Text;
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
