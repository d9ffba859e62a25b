//! Document-level rules stated once and applied to later tasks.

use super::body::{Builder, parse_list};
use super::names::{clean_name, is_plausible_name};
use super::standing::standing_statements;
use super::text::{Text, split_top_level};
use super::vocab::{
    LEAD_MARKS, LISTED_UNIT_NOUNS, ONLY_RESPONSIBLE_NAMED, Role, STANDING_TRIGGERS, VERB_MANNERS,
    ends_like_unit,
};
use super::{ParsedNote, push_unique};
use crate::model::LeadMode;

/// Rules a document states once and applies to later tasks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteRules {
    /// `列第一位的为牵头单位`: the first 责任单位 leads, the others partner.
    pub first_is_lead: bool,
    /// `无牵头单位的，责任单位即为牵头单位`, `各责任单位要切实负起牵头推进
    /// 责任`: every 责任单位 leads.
    pub responsible_are_leads: bool,
    /// Units a standing note adds to every later task
    /// (`以下工作均需各县（市、区）落实，不再列出`).
    pub standing_partners: Vec<String>,
    /// Units a standing note makes the lead of every later task naming none
    /// (`以下各项工作均由市发展改革委牵头，不再一一列出`).
    pub standing_leads: Vec<String>,
    /// Units a document makes responsible for every task that names none
    /// (`未明确责任单位的，由各地各部门按照职责抓好落实`).
    pub unassigned_to: Vec<String>,
    /// `注：标*的为牵头单位`: units written with one of these marks lead.
    /// Without such a legend a mark means nothing fengong can know.
    pub lead_marks: Vec<char>,
}

impl NoteRules {
    /// Looks for a rule in `paragraph`. Call it on every paragraph in order,
    /// before [`NoteRules::apply`] on that paragraph's note (a rule may be
    /// stated inside the first note it applies to).
    pub fn observe(&mut self, paragraph: &str) {
        // Every rule names 牵头, says 不再… or speaks of a unit listed
        // alone; skip other paragraphs cheaply.
        if ![
            "牵头",
            "牽頭",
            "不再",
            "负总责",
            "总负责",
            "负主体责任",
            "只列一个",
            "仅列一个",
            "只有一个",
            "仅有一个",
            "未明确",
            "未列明",
            "没有明确",
        ]
        .iter()
        .any(|w| paragraph.contains(w))
        {
            return;
        }
        let t = Text::new(paragraph);
        let norm: String = t.norm.iter().collect();
        push_unique(&mut self.unassigned_to, unassigned_units(&t));
        // `列第一位的为牵头单位`, `排名第一的单位牵头`, `排在首位的为牵头单位`,
        // `排在第一位的部门为牵头部门` (whatever the plan calls its units).
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
            // `第一位的为牵头`, `第一位者为牵头`; not `市第一人民医院牵头`.
            windows(&norm, p, Anchor::Start, 12).any(|w| w.contains("牵头"))
        }) && LISTED_UNIT_NOUNS.iter().any(|w| norm.contains(w));
        // `无牵头单位的，责任单位即为牵头单位`, `未明确牵头单位的，所列单位均为牵头单位`.
        let no_lead_named = ["无", "未", "没有"]
            .iter()
            .any(|p| windows(&norm, p, Anchor::Start, 6).any(|w| w.contains("牵头")));
        // `只标注【责任单位】的，所列单位均为牵头单位`: only 责任单位 named.
        let only_responsible = ONLY_RESPONSIBLE_NAMED
            .iter()
            .any(|p| windows(&norm, p, Anchor::End, 8).any(|w| w.contains("责任单位")));
        let all_lead = (no_lead_named || only_responsible)
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
        // `“责任部门”栏只列一个部门且未标注的，由该部门牵头负责`: a unit
        // listed with no mark of its role leads.
        // So is a unit listed alone: `只列一个单位的，由该单位负责推进`.
        let unmarked_lead = ["未标注", "未注明", "未标明", "未标记"].iter().any(|p| {
            windows(&norm, p, Anchor::End, 16).any(|w| w.contains('由') && w.contains("牵头"))
        }) || ["只列一个", "仅列一个", "只有一个", "仅有一个"].iter().any(
            |p| {
                windows(&norm, p, Anchor::End, 16)
                    .any(|w| w.contains('由') && (w.contains("牵头") || w.contains("负责")))
            },
        );
        push_unique(&mut self.lead_marks, legend_marks(&t.norm));
        // `各责任单位要切实负起牵头推进责任`, `由责任单位牵头抓落实`,
        // `责任单位负总责`: the 责任单位 are those in charge.
        // (A sentence about them, not a label and its list: `责任单位：A（牵头）`.)
        let responsible_lead = norm.match_indices("责任单位").any(|(at, w)| {
            let after: String = norm[at + w.len()..].chars().take(12).collect();
            let lead_words = ["牵头", "负总责", "总负责", "负主体责任"];
            let Some(lead_at) = lead_words.iter().filter_map(|l| after.find(l)).min() else {
                return false;
            };
            let between = &after[..lead_at];
            let names_the_leads = ["牵头单位", "牵头部门"]
                .iter()
                .any(|w| after[lead_at..].starts_with(w));
            let said_to_be = ["为", "是", "即"].iter().any(|v| between.contains(v));
            // `列为责任单位的，负责牵头推进`: a comma only after 的.
            let between = between.strip_prefix("的,").unwrap_or(between);
            // `由责任单位牵头`, `责任单位负总责`: no verb needed between.
            let by_them = between.is_empty()
                && (norm[..at].ends_with('由') || !after[lead_at..].starts_with("牵头"));
            (by_them
                || ["要", "负", "由", "承担", "切实", "应", "须", "为", "是", "即"]
                    .iter()
                    .any(|v| between.contains(v)))
                && !between.contains([':', '(', ')', '、', ',', '|', ' ', '中'])
                // `各责任单位要积极配合牵头单位`: they support the leads.
                && !["配合", "协助", "支持", "服从", "协同"]
                    .iter()
                    .any(|w| between.contains(w))
                // `各责任单位要主动对接牵头单位`: the lead units are what
                // they act on, unless they are said to be them (`即为`).
                && (said_to_be || !names_the_leads)
                // `责任单位分为牵头单位和配合单位` splits them.
                && !["和配合", "与配合", "及配合", "、配合"]
                    .iter()
                    .any(|w| after.contains(w))
        });
        if first_is_lead {
            self.first_is_lead = true;
        } else if all_lead || responsible_lead || unmarked_lead {
            self.responsible_are_leads = true;
        }
        for (name, role) in standing_units_of(&t) {
            let list = match role {
                Role::Lead | Role::Charge => &mut self.standing_leads,
                _ => &mut self.standing_partners,
            };
            push_unique(list, vec![name]);
        }
    }

    /// Adds the rules of `other`.
    pub fn extend(&mut self, other: &NoteRules) {
        self.first_is_lead |= other.first_is_lead;
        self.responsible_are_leads |= other.responsible_are_leads;
        push_unique(&mut self.standing_partners, other.standing_partners.clone());
        push_unique(&mut self.standing_leads, other.standing_leads.clone());
        push_unique(&mut self.lead_marks, other.lead_marks.clone());
        push_unique(&mut self.unassigned_to, other.unassigned_to.clone());
    }

    pub fn is_empty(&self) -> bool {
        *self == NoteRules::default()
    }

    /// `note` with the document's rules applied. A note that names its leads
    /// (including `分别牵头`) keeps them; rules only decide among 责任单位,
    /// and without a rule 责任单位 beside partners lead.
    pub fn apply(&self, mut note: ParsedNote) -> ParsedNote {
        // `县商务局*、县发展改革委` under `标*的为牵头单位`: the marked lead,
        // the others partner.
        let marked: Vec<String> = note
            .marked
            .iter()
            .filter(|(_, m)| self.lead_marks.contains(m))
            .map(|(name, _)| name.clone())
            .collect();
        if note.leads.is_empty() && !marked.is_empty() {
            let responsible = std::mem::take(&mut note.responsible);
            for name in responsible {
                if marked.contains(&name) {
                    note.leads.push(name);
                } else if !note.partners.contains(&name) {
                    note.partners.push(name);
                }
            }
            for name in marked {
                if !note.leads.contains(&name) && note.partners.contains(&name) {
                    note.partners.retain(|p| *p != name);
                    note.leads.push(name);
                }
            }
        }
        if note.leads.is_empty() && !note.responsible.is_empty() {
            let responsible = std::mem::take(&mut note.responsible);
            if self.first_is_lead {
                let mut rest = responsible;
                let first = rest.remove(0);
                note.leads.push(first);
                rest.append(&mut note.partners);
                note.partners = rest;
            } else if self.responsible_are_leads || !note.partners.is_empty() {
                // Beside 配合单位 / 协同单位, the 责任单位 are the ones the
                // others assist: the plan sets the two against each other.
                note.leads = responsible;
            } else {
                note.responsible = responsible;
            }
        }
        if note.leads.is_empty() && !self.standing_leads.is_empty() {
            note.leads = self.standing_leads.clone();
        }
        if note.leads.is_empty() && note.partners.is_empty() && note.responsible.is_empty() {
            note.responsible = self.unassigned_to.clone();
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

/// Where a window of [`windows`] starts: at the phrase or just after it.
#[derive(Clone, Copy)]
enum Anchor {
    Start,
    End,
}

/// The `n` characters of `norm` from each occurrence of `phrase` (from its
/// first character or from the one after it): rules are a phrase and,
/// close after it, the word that makes it a rule (`无…牵头`, `未标注的，由…牵头`).
fn windows<'a>(
    norm: &'a str,
    phrase: &'a str,
    from: Anchor,
    n: usize,
) -> impl Iterator<Item = String> + 'a {
    norm.match_indices(phrase).map(move |(at, w)| {
        let start = match from {
            Anchor::Start => at,
            Anchor::End => at + w.len(),
        };
        norm[start..].chars().take(n).collect()
    })
}

/// The marks a legend makes leads: `标*的为牵头单位`, `带★号的为牵头单位`,
/// `加“*”者为牵头单位`, `*为牵头单位`, `以▲标注的为牵头单位`. A mark counts
/// when 牵头 follows it closely with only words about the mark between
/// (号, 的, 者, 为, 标注, 单位, quotes) — never right after a unit's name
/// (`县商务局*牵头` is no legend).
fn legend_marks(norm: &[char]) -> Vec<char> {
    const BETWEEN: &str = "号的者为是即标注记所列单位部门“”\"'‘’」』）)】 ";
    let mut marks = Vec::new();
    for (i, c) in norm.iter().enumerate() {
        if !LEAD_MARKS.contains(c) || marks.contains(c) {
            continue;
        }
        let rest = &norm[i + 1..norm.len().min(i + 12)];
        let Some(at) = rest.windows(2).position(|w| w == ['牵', '头']) else {
            continue;
        };
        let between = &rest[..at];
        if !between.is_empty()
            && between.iter().any(|c| "号的者为".contains(*c))
            && between.iter().all(|c| BETWEEN.contains(*c))
        {
            marks.push(*c);
        }
    }
    marks
}

/// A paragraph that only states a rule (`无牵头单位的，责任单位即为牵头单位`,
/// `注：标*的为牵头单位`): no task, and no part of the task before it.
pub fn is_rule_only(text: &str) -> bool {
    let mut r = NoteRules::default();
    r.observe(text);
    !r.is_empty() && text.chars().count() <= 80
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
    /// `本方案各项任务…`, `方案中不再一一列出`: the whole plan, wherever it
    /// is stated (often in a closing 保障措施 section).
    pub whole_plan: bool,
    /// `注：…`, `说明：…`: a legend, explaining how the document (its tables)
    /// writes units, wherever it stands (often under the table).
    pub legend: bool,
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
        whole_plan: [
            "本方案",
            "本计划",
            "本意见",
            "本规划",
            "本清单",
            "本表",
            "方案中",
            "计划中",
            "清单中",
            "表中",
        ]
        .iter()
        .any(|w| norm.contains(w)),
        legend: norm.starts_with('注') || norm.starts_with("说明"),
    }
}

/// The units of standing notes such as `以下工作均需各县（市、区）落实，不再列出`
/// or `本部分以下措施均需各县区人民政府、园区管委会落实，不再单独列出`, each
/// with its role (a lead when the note says 牵头 or 负责).
fn standing_units_of(t: &Text) -> Vec<(String, Role)> {
    let mut names: Vec<(String, Role)> = Vec::new();
    for st in standing_statements(t, 0, t.norm.len()) {
        let roles = standing_roles(t, st.clause).unwrap_or_else(|| {
            let (units, role) = standing_units(t, st.clause);
            units.into_iter().map(|n| (n, role)).collect()
        });
        for (n, role) in roles {
            if !names.iter().any(|(x, _)| *x == n) {
                names.push((n, role));
            }
        }
    }
    names
}

/// The units a document gives every task that names none: the `由X…`
/// after `未明确责任单位的` (`未明确责任单位的，由各地各部门按照职责抓好落实`,
/// `未列明牵头单位的，由属地政府负责`). The clause must speak of units not
/// named; the units are whatever the 由 clause names.
fn unassigned_units(t: &Text) -> Vec<String> {
    let mut out = Vec::new();
    for (cs, ce) in split_top_level(t, 0, t.norm.len(), |c| matches!(c, '。' | ';')) {
        let clause = t.norm_str(cs, ce);
        let Some(at) = ["未明确", "未列明", "没有明确"]
            .iter()
            .filter_map(|w| clause.find(w))
            .min()
        else {
            continue;
        };
        let after = &clause[at..];
        let Some(de) = after.find("的,") else {
            continue;
        };
        if !(LISTED_UNIT_NOUNS.iter().any(|w| after[..de].contains(w))) {
            continue;
        }
        // Char offsets: the clause is cut from the normalised chars.
        let from = cs + clause[..at + de + "的,".len()].chars().count();
        let (by, _) = t.trim(from, ce);
        if t.norm.get(by) != Some(&'由') {
            continue;
        }
        // The names, then how they do the work (`各地各部门按照职责抓好落实`).
        const WORK_OPENERS: &[&str] = &[
            "按照", "按", "根据", "依照", "依据", "结合", "负责", "抓好", "落实", "推进", "做好",
        ];
        let names_end = (by + 2..ce)
            .find(|&p| {
                WORK_OPENERS
                    .iter()
                    .any(|w| t.starts_with_at(p, ce, &w.chars().collect::<Vec<_>>()))
            })
            .unwrap_or(ce);
        let b = super::body::parse_body(t, by + 1, names_end);
        if b.unread.is_empty() && b.leftover.iter().all(|n| super::names::reads_as_unit(n)) {
            out.extend(b.leftover);
        }
    }
    out
}

/// A standing clause that names a lead and its partners in the note
/// grammar (`本部分任务由A牵头，B、C配合，不再一一标注`): each unit with its
/// role. None when the clause names no lead so.
fn standing_roles(t: &Text, (cs, ce): (usize, usize)) -> Option<Vec<(String, Role)>> {
    let by: Vec<char> = "由".chars().collect();
    let from = (cs..ce).find(|&i| t.starts_with_at(i, ce, &by))? + by.len();
    let mut b = super::body::parse_body(t, from, ce);
    b.strong = true;
    let note = b.finish()?;
    if note.leads.is_empty() {
        return None;
    }
    Some(
        note.leads
            .into_iter()
            .map(|n| (n, Role::Lead))
            .chain(note.partners.into_iter().map(|n| (n, Role::Partner)))
            .collect(),
    )
}

/// The units a standing statement's clause names, and their role.
fn standing_units(t: &Text, (cs, ce): (usize, usize)) -> (Vec<String>, Role) {
    for trigger in STANDING_TRIGGERS {
        let tr: Vec<char> = trigger.chars().collect();
        let Some(at) = (cs..ce).find(|&i| t.starts_with_at(i, ce, &tr)) else {
            continue;
        };
        let from = at + tr.len();
        for verb in [
            "牵头",
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
            let Some(mut to) = to else {
                continue;
            };
            // `…均需X抓好落实`: words of manner before the verb are no
            // part of the last unit's name.
            while let Some(w) = VERB_MANNERS
                .iter()
                .map(|w| w.chars().collect::<Vec<_>>())
                .find(|w| to >= from + w.len() && t.ends_with_at(from, to, w))
            {
                to -= w.len();
            }
            // `…均需X落实`, or `X均需落实` with the unit before the trigger
            // (`以下各项工作，厅办公室均需纳入督办事项跟踪落实`: what follows
            // the trigger is the work, not a unit).
            let before = (cs..at)
                .rev()
                .find(|&i| t.norm[i] == ',')
                .map_or(cs, |i| i + 1);
            let unit_like = |s: usize, e: usize| {
                let (s, e) = t.trim(s, e);
                s < e && ends_like_unit(t.norm[e - 1]) && clean_name(t, s, e).is_some()
            };
            let (ns, ne) = if unit_like(before, at) && !unit_like(from, to) {
                (before, at)
            } else if clean_name(t, from, to).is_some() {
                (from, to)
            } else {
                (cs, at)
            };
            let role = match verb {
                "牵头" | "负责" => Role::Lead,
                _ => Role::Partner,
            };
            return (listed_units(t, ns, ne), role);
        }
    }
    // `各县（区）人民政府负责本辖区相关任务的组织实施，方案中不再一一列出`:
    // the units open the clause, before their verb; they do their part of
    // every task (partners), unless the verb is 牵头.
    for verb in ["牵头", "负责", "落实", "配合", "参与", "承担"] {
        let v: Vec<char> = verb.chars().collect();
        let Some(at) = (cs..ce).find(|&i| t.starts_with_at(i, ce, &v)) else {
            continue;
        };
        if clean_name(t, cs, at).is_none() {
            continue;
        }
        let role = if verb == "牵头" {
            Role::Lead
        } else {
            Role::Partner
        };
        return (listed_units(t, cs, at), role);
    }
    (Vec::new(), Role::Partner)
}

/// The units of the list in `s..e` (none when a part of it cannot be a
/// unit's name).
fn listed_units(t: &Text, s: usize, e: usize) -> Vec<String> {
    let mut b = Builder::default();
    parse_list(t, s, e, Some(Role::Partner), &mut b);
    if b.invalid {
        return Vec::new();
    }
    b.partners
        .into_iter()
        .filter(|n| is_plausible_name(n, t, s, e))
        .collect()
}
