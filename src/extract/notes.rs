//! Responsibility notes: `(A牵头,B、C配合)` and the other conventions → leads and partners.
//!
//! Placeholder of the lead's branch; replaced by the notes parser.

use crate::model::LeadMode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNote {
    pub leads: Vec<String>,
    pub partners: Vec<String>,
    pub responsible: Vec<String>,
    pub mode: LeadMode,
    pub leader: Option<String>,
    pub deadline: Option<String>,
}

impl Default for ParsedNote {
    fn default() -> Self {
        ParsedNote {
            leads: Vec::new(),
            partners: Vec::new(),
            responsible: Vec::new(),
            mode: LeadMode::None,
            leader: None,
            deadline: None,
        }
    }
}

impl ParsedNote {
    pub fn merge(&mut self, other: ParsedNote) {
        self.leads.extend(other.leads);
        self.partners.extend(other.partners);
        self.responsible.extend(other.responsible);
        if self.mode == LeadMode::None {
            self.mode = other.mode;
        }
        self.leader = self.leader.take().or(other.leader);
        self.deadline = self.deadline.take().or(other.deadline);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteMatch {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub note: ParsedNote,
}

fn split_names(s: &str) -> Vec<String> {
    s.split(['、', ',', '，'])
        .map(|x| x.trim().replace(",下同", "").replace("，下同", ""))
        .filter(|x| !x.is_empty())
        .collect()
}

pub fn find_note(paragraph: &str) -> Option<NoteMatch> {
    let chars: Vec<char> = paragraph.trim_end().chars().collect();
    let last = *chars.last()?;
    let open = match last {
        ')' | '）' => ['(', '（'],
        ']' => ['[', '['],
        _ => return None,
    };
    let mut depth = 0;
    let mut start = None;
    for i in (0..chars.len()).rev() {
        let c = chars[i];
        if c == last || (last == ')' && c == '）') || (last == '）' && c == ')') {
            depth += 1;
        } else if open.contains(&c) {
            depth -= 1;
            if depth == 0 {
                start = Some(i);
                break;
            }
        }
    }
    let start = start?;
    let inner: String = chars[start + 1..chars.len() - 1].iter().collect();
    if !inner.contains("牵头") && !inner.contains("配合") {
        return None;
    }
    let mut note = ParsedNote::default();
    let (lead_part, partner_part) = match inner.rfind("牵头") {
        Some(i) => (&inner[..i], &inner[i + "牵头".len()..]),
        None => ("", inner.as_str()),
    };
    let respective = lead_part.ends_with("分别");
    let lead_part = lead_part.trim_end_matches("分别").replace("牵头", "、");
    note.leads = split_names(&lead_part);
    let partner_part = partner_part
        .trim_start_matches([',', '，'])
        .trim_end_matches("配合");
    note.partners = split_names(partner_part);
    note.mode = match (note.leads.len(), respective) {
        (0, _) => LeadMode::None,
        (_, true) => LeadMode::Respective,
        (1, false) => LeadMode::Single,
        _ => LeadMode::Joint,
    };
    Some(NoteMatch {
        start,
        end: chars.len(),
        text: chars[start..].iter().collect(),
        note,
    })
}

pub fn parse_annotation(_paragraph: &str) -> Option<ParsedNote> {
    None
}

#[derive(Debug, Default)]
pub struct NoteRules {}

impl NoteRules {
    pub fn observe(&mut self, _paragraph: &str) {}
    pub fn apply(&self, note: ParsedNote) -> ParsedNote {
        note
    }
}

pub fn parse_deadline(_text: &str) -> Option<String> {
    None
}
