//! Parsing a note's body — the text inside its brackets, or annotation
//! lines — into roles, names and a deadline.

use super::labels::{find_labels, labelled_deadline};
use super::names::{
    by_opener, clean_name_at, closing_deng, ditto_of, has_own_level, is_department, is_person,
    is_plausible_name, level_prefix, reads_as_unit, reference_end,
};
use super::text::*;
use super::time::{continues_deadline, deadline_in, time_clause};
use super::vocab::*;
use super::{Ditto, DittoField, NameSpan, ParsedNote, push_unique};
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
    /// The level prefix of the last name assigned that had one, for the
    /// names after it that have none.
    pub(super) level: Option<String>,
    /// A label or a verb that makes this a note.
    pub(super) strong: bool,
    /// Something was read as a unit name but cannot be one.
    pub(super) invalid: bool,
    /// What was read as a unit name but cannot be one.
    pub(super) unread: Vec<String>,
    /// Units written with a mark (`市商务局*`), and the mark.
    pub(super) marked: Vec<(String, char)>,
    /// Who follows the work up (`督办单位：…`).
    pub(super) supervisors: Vec<String>,
    /// Fields written as another task's (`同上`).
    pub(super) ditto: Vec<Ditto>,
    /// `与X共同牵头`: X shares the lead the task inherits.
    pub(super) joins_inherited_lead: bool,
}

impl Builder {
    /// Whether every part read is a unit's name with its role, or a time:
    /// nothing left without a role or unread, and no name a unit could not
    /// have. A sentence of work (`补齐养老托育、便民商业短板，区民政局负责`)
    /// is not all names, and its note starts later.
    pub(super) fn names_only(&self) -> bool {
        self.leftover.is_empty()
            && self.unread.is_empty()
            && self.spans.iter().all(|n| reads_as_unit(&n.name))
    }

    /// Records the mark written around `name` (cut at `ns..ne` from the
    /// item `s..e`), if any.
    fn note_mark(
        &mut self,
        t: &Text,
        (s, e): (usize, usize),
        (ns, ne): (usize, usize),
        name: &str,
    ) {
        let mark = t.norm[s..ns]
            .iter()
            .chain(&t.norm[ne..e])
            .find(|c| LEAD_MARKS.contains(c));
        if let Some(&m) = mark
            && !self.marked.iter().any(|(n, _)| n == name)
        {
            self.marked.push((name.to_owned(), m));
        }
    }

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
                self.unread.push(name);
                continue;
            }
            self.note_mark(t, (s, e), (ns, ne), &name);
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
            // A department written without its level takes the level of
            // the name before it (`省发展改革委、财政厅`).
            let expanded = match level_prefix(&name) {
                Some(p) => {
                    self.level = Some(p.to_owned());
                    None
                }
                None if !has_own_level(&name) && is_department(&name) => {
                    self.level.as_ref().map(|p| format!("{p}{name}"))
                }
                None => None,
            };
            if !self.spans.iter().any(|x| x.name == name) {
                self.spans.push(NameSpan {
                    name: name.clone(),
                    start: ns,
                    end: ne,
                    expanded,
                });
            }
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }

    pub(super) fn finish(self) -> Option<ParsedNote> {
        // A part that cannot be a unit makes no note of a bracket that names
        // none; in one that does, it is a part not read (and reported).
        let names_units = !(self.leads.is_empty()
            && self.charge.is_empty()
            && self.partners.is_empty()
            && self.responsible.is_empty());
        // Words of doing and supporting only (`（A承担，B协助）`, `（A、B共同
        // 推进）`) make a note when those doing the work are named
        // departments: `（各镇落实）` and `（企业为主体、社会参与）` make none.
        let departments_do_it = self.leads.is_empty()
            && !self.charge.is_empty()
            && self
                .charge
                .iter()
                .all(|n| is_department(n) && !crate::extract::units::is_collective(n));
        if !(self.strong || departments_do_it) || (self.invalid && !names_units) {
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
            unread: self.unread,
            marked: self.marked,
            supervisors: self.supervisors,
            ditto: self.ditto,
            joins_inherited_lead: self.joins_inherited_lead,
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
        // A note naming only who supervises is still read (the line is no
        // part of the task's text), though it names none of its units.
        if note.is_empty() && note.supervisors.is_empty() {
            None
        } else {
            Some(note)
        }
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
///
/// The grammar: items are separated by `、，；/` (and by `和/及/与` between
/// two whole names); an item is a time clause (the deadline), a rule
/// phrase (skipped), `会同A` (A joins the one in charge), `X会同A`, or names
/// ending with a role marker (`牵头`, `配合`, `按职责分工负责`…), possibly
/// followed by the work they do (`B负责属地征拆保障`: B, in charge of a
/// part). A standing statement (`本部分以下措施均需X落实，不再单独列出`) is
/// the rules' (see `rules.rs`), not a list of this note's units.
pub(super) fn parse_list(
    t: &Text,
    start: usize,
    end: usize,
    default: Option<Role>,
    b: &mut Builder,
) {
    let mut pending: Vec<(usize, usize)> = Vec::new();
    // Names set against a supporting group (`A、B，C配合`): A and B.
    let mut against: Vec<(usize, usize)> = Vec::new();
    let mut explicit_lead = false;
    // After `会同`, names are partners until a role marker closes the list.
    let mut joining = false;
    // Once a joined list has closed with its work (`会同A、B建设平台，`),
    // words naming no unit go on with that work (`实现燃气、排水…在线监测`).
    let mut in_work = false;
    // A unit in charge of a part of the work (`A负责上游段`): others then in
    // charge of their parts (`B负责中游段`) stand beside it, as leads.
    let mut parts_in_charge = false;
    // Where the person named as the note's leader was read.
    let mut leader_span: Option<(usize, usize)> = None;
    // `以上3项由A牵头`, `第8—10项责任单位：…`: the subject names the items
    // the note covers, no unit.
    let start = reference_end(t, start, end).unwrap_or(start);
    let skip = super::standing::standing_spans(t, start, end);
    // Where this list's deadline starts, while the item just read is it.
    let mut deadline_item: Option<usize> = None;
    for (s, e) in list_items(t, start, end) {
        let after_deadline = deadline_item.take();
        if skip.iter().any(|&(a, z)| s >= a && s < z) {
            continue;
        }
        let (s, e) = t.trim(s, e);
        if s >= e || is_rule_phrase(&outside_brackets(t, s, e)) {
            continue;
        }
        // `同上`, `同第7项`: the field (or, unlabelled, the whole note) is
        // another task's.
        if let Some(of) = ditto_of(t, s, e) {
            let field = match default {
                Some(Role::Lead) => DittoField::Leads,
                Some(Role::Partner) => DittoField::Partners,
                Some(Role::Responsible) => DittoField::Responsible,
                Some(Role::Charge) | None => DittoField::All,
            };
            b.ditto.push(Ditto { field, of });
            b.strong = true;
            continue;
        }
        // A second time clause right after the deadline (`2026年底前基本
        // 完成、2027年全面完成`) goes on with it: kept whole, as written.
        if let Some(from) = after_deadline
            && continues_deadline(t, s, e)
        {
            b.deadline = Some(t.orig_str(from, e));
            deadline_item = Some(from);
            continue;
        }
        // A time says when, never who.
        if let Some(deadline) = time_clause(t, s, e) {
            if b.deadline.is_none() {
                b.deadline = Some(deadline);
                deadline_item = Some(s);
            }
            continue;
        }
        // `市长P负责`, `副县长P分管`, `区委常委、副区长P负责`: the person in
        // charge, the note's leader, never a unit nor a partner.
        if let Some((ps, pe, charged)) = person_at(t, s, e) {
            let joined = leader_span.filter(|&(_, le)| {
                t.norm[le..ps]
                    .iter()
                    .all(|&c| c == '、' || c.is_whitespace())
            });
            if let Some((ls, _)) = joined {
                leader_span = Some((ls, pe));
                b.leader = Some(t.orig_str(ls, pe));
            } else if b.leader.is_none() {
                leader_span = Some((ps, pe));
                b.leader = Some(t.orig_str(ps, pe));
            }
            b.strong |= charged;
            continue;
        }
        // `会同A、B等部门组织实施`: partners named by what they join.
        // (A joined name followed by its work, `会同A制定方案`, closes the
        // list there.)
        if let Some(name) = joined_partner(t, s, e) {
            b.assign(t, &[name], Role::Partner, false);
            b.strong = true;
            joining = name.1 == e;
            in_work = !joining;
            continue;
        }
        // `X会同A`: X is in charge, A joins.
        if let Some((name_end, at)) = joint_at(t, s, e) {
            pending.push((s, name_end));
            b.assign(t, &pending, Role::Charge, false);
            pending.clear();
            joining = true;
            if let Some(name) = joined_partner(t, at, e) {
                b.assign(t, &[name], Role::Partner, false);
                joining = name.1 == e;
            }
            in_work = !joining;
            b.strong = true;
            continue;
        }
        // `A、B、C（牵头）`: a bracketed marker is C's alone; A and B keep
        // the list's role (`A、B、C牵头` is all three's).
        if let Some((name_end, verb)) = bracketed_verb(t, s, e)
            && verb_suffix(t, s, e).is_none()
            && !joining
        {
            b.strong |= verb.strong;
            explicit_lead |= verb.role == Role::Lead;
            b.assign(t, &[(s, name_end)], verb.role, verb.respective);
            continue;
        }
        // (After `会同`, a bracketed marker still closes the joined list.)
        let at_end = verb_suffix(t, s, e).or_else(|| bracketed_verb(t, s, e));
        // `B负责属地落实`: a weak ending (`落实`) after a role marker inside
        // the item is the work's word, not B's role.
        let inside_first = at_end
            .filter(|(_, v)| !v.strong)
            .and_then(|_| verb_inside(t, s, e));
        let at_end = if inside_first.is_some() { None } else { at_end };
        let inside =
            inside_first.or_else(|| at_end.is_none().then(|| verb_inside(t, s, e)).flatten());
        // `B、C配合A负责`: the partners come first, their marker inside
        // the item before the one in charge.
        if let Some((name_end, verb)) = at_end
            && matches!(verb.role, Role::Lead | Role::Charge)
            && !joining
            && let Some((p, support)) = verb_inside(t, s, name_end)
            && support.role == Role::Partner
        {
            pending.push((s, p));
            b.assign(t, &pending, Role::Partner, false);
            pending.clear();
            b.assign(
                t,
                &[(p + support.text.len(), name_end)],
                verb.role,
                verb.respective,
            );
            explicit_lead |= verb.role == Role::Lead;
            b.strong = true;
            continue;
        }
        // `责成A对辖区违法建设开展排查`, `由A对…进行…`: the unit charged,
        // then its work, with no role marker.
        // (`由市政府分管领导任召集人` names a person by post, no unit.)
        let charged = (at_end.or(inside).is_none() && pending.is_empty())
            .then(|| by_opener(t, s, e).and_then(|n| unit_then_words(t, s + n, e)))
            .flatten()
            .filter(|&p| !names_a_post(&t.norm_str(p, e)));
        if let Some(name_end) = charged {
            b.assign(t, &[(s, name_end)], Role::Charge, false);
            b.strong = true;
            in_work = true;
            continue;
        }
        match at_end.or(inside) {
            Some((name_end, verb)) => {
                // `与X共同牵头`: X and the lead the task inherits lead together.
                let s = if pending.is_empty()
                    && t.norm[s] == '与'
                    && verb.role == Role::Lead
                    && JOINT_LEAD_WORDS
                        .iter()
                        .any(|w| t.starts_with_at(name_end, e, &w.chars().collect::<Vec<_>>()))
                {
                    b.joins_inherited_lead = true;
                    s + 1
                } else {
                    s
                };
                // `责任股室：办公室，各股室按职责分工负责`: every office doing
                // its part, after a unit named on its own, supports that unit.
                let group_duty = verb.role == Role::Charge
                    && default != Some(Role::Partner)
                    && ['按', '根', '依'].contains(&verb.text[0])
                    && ['各', '有', '相'].contains(&t.norm[s])
                    && (!pending.is_empty() || !b.responsible.is_empty());
                let verb_role = if group_duty { Role::Partner } else { verb.role };
                // `A、B，C配合`, `责任单位：A，B指导`: a supporting marker is
                // its own group's (the names joined to it by `、`); the names
                // before the `，`, with no marker of their own, are what the
                // plan sets against it.
                if verb_role == Role::Partner
                    && at_end.is_some()
                    && !joining
                    && !explicit_lead
                    && b.leads.is_empty()
                    && b.charge.is_empty()
                    && let Some(j) = last_clause_break(t, &pending, s)
                    && (default.is_some() || pending[..=j].iter().all(|&(s, e)| unit_at(t, s, e)))
                {
                    against.extend(pending.drain(..=j));
                }
                pending.push((s, name_end));
                b.strong |= verb.strong;
                // `B负责属地征拆保障` after the one in charge: in charge of a
                // part, a partner.
                let for_a_part = inside.is_some()
                    && verb.role == Role::Charge
                    && !(b.leads.is_empty() && b.charge.is_empty())
                    && !parts_in_charge;
                parts_in_charge |= inside.is_some()
                    && verb.role == Role::Charge
                    && b.leads.is_empty()
                    && b.charge.is_empty();
                // `配合单位：B，C按职责分工负责`: under a supporting label, a
                // unit's own `负责` is its part of the support, never a lead.
                let under_support = default == Some(Role::Partner) && verb.role == Role::Charge;
                let supports_others = group_duty
                    && !(against.is_empty() && b.responsible.is_empty() && b.leads.is_empty());
                let role = if joining || for_a_part || under_support || supports_others {
                    Role::Partner
                } else {
                    verb.role
                };
                explicit_lead |= role == Role::Lead;
                b.assign(t, &pending, role, verb.respective && !joining);
                pending.clear();
                joining = false;
            }
            // After `会同A、`, a unit's name goes on with the list; a unit
            // and its work (`B制定年度改造计划`) closes it; words naming no
            // unit (`逐小区明确改造内容`) are the work, not a partner.
            None if joining => {
                let name_end = strip_action(t, s, e);
                joining = false;
                in_work = true;
                if name_end == e && !unit_at(t, s, e) && reads_as_work(&t.norm_str(s, e)) {
                    continue;
                }
                b.assign(t, &[(s, name_end)], Role::Partner, false);
                // `…、B等研究提出落实意见`: the list closes with 等.
                joining = name_end == e && closing_deng(t, s, e).is_none();
                in_work = !joining;
            }
            // `由A牵头，沿线乡镇人民政府做好征地拆迁保障`: after the one in
            // charge, a unit doing a part of the work, with no role marker,
            // is a partner.
            None if pending.is_empty()
                && b.strong
                && !(b.leads.is_empty() && b.charge.is_empty())
                && !unit_at(t, s, e) =>
            {
                match unit_doing_work(t, s, e) {
                    Some(name_end) => b.assign(t, &[(s, name_end)], Role::Partner, false),
                    None if in_work => {}
                    None => pending.push((s, e)),
                }
            }
            None if in_work && !unit_at(t, s, e) => {}
            None => pending.push((s, e)),
        }
    }
    // Names set against supporting units keep the list's role; with none,
    // they are responsible units. (Responsible units beside partners are
    // the leads, unless a rule says otherwise: see `NoteRules::apply`.)
    b.assign(t, &against, default.unwrap_or(Role::Responsible), false);
    match default {
        // `牵头单位：A（牵头）、B`: once the list marks its lead, the rest partner.
        Some(Role::Lead) if explicit_lead => b.assign(t, &pending, Role::Partner, false),
        Some(role) => b.assign(t, &pending, role, false),
        None => {
            for (s, e) in pending {
                let Some((name, (ns, ne))) = clean_name_at(t, s, e) else {
                    continue;
                };
                // A part with no role marker is a unit only if it reads as
                // one (`…局`, `各镇`); otherwise it is a part not read.
                if !unit_at(t, s, e) {
                    b.unread.push(name);
                    continue;
                }
                b.note_mark(t, (s, e), (ns, ne), &name);
                {
                    if !b.spans.iter().any(|x| x.name == name) {
                        b.spans.push(NameSpan {
                            name: name.clone(),
                            start: ns,
                            end: ne,
                            expanded: None,
                        });
                    }
                    b.leftover.push(name);
                }
            }
        }
    }
}

/// A person named in `s..e` (`市长P负责`, `副县长P分管`, `由副市长P负责`):
/// where the person's name and post are, and whether a verb of charge
/// follows them.
fn person_at(t: &Text, s: usize, e: usize) -> Option<(usize, usize, bool)> {
    let (s, e) = t.trim(s, e);
    let person_verb = || {
        PERSON_VERBS
            .iter()
            .map(|v| v.chars().collect::<Vec<_>>())
            .find(|v| t.ends_with_at(s, e, v))
            .map(|v| e - v.len())
    };
    let (end, charged) = match verb_suffix(t, s, e).map(|(at, _)| at).or_else(person_verb) {
        Some(at) => (at, true),
        None => (e, false),
    };
    let (mut ps, pe) = t.trim(s, end);
    if ps < pe && t.norm[ps] == '由' {
        ps += 1;
    }
    (ps < pe && is_person(&t.norm_str(ps, pe))).then_some((ps, pe, charged))
}

/// Whether `s..e`, with no role marker, reads as a unit's name (`…局`,
/// `各镇`), not as words of a sentence.
fn unit_at(t: &Text, s: usize, e: usize) -> bool {
    clean_name_at(t, s, e)
        .is_some_and(|(name, _)| is_plausible_name(&name, t, s, e) && reads_as_unit(&name))
}

/// The last of `pending` followed by a clause break (`，`, `；`) before the
/// next of them, or before `next` (where the item after them starts).
fn last_clause_break(t: &Text, pending: &[(usize, usize)], next: usize) -> Option<usize> {
    (0..pending.len()).rev().find(|&j| {
        let to = pending.get(j + 1).map_or(next, |p| p.0);
        t.norm[pending[j].1..to.max(pending[j].1)]
            .iter()
            .any(|c| matches!(c, ',' | ';'))
    })
}

/// The items of a list: split at separators outside brackets, at
/// conjunctions between whole names, at whitespace between names; and
/// `各区、县（市）人民政府` kept whole (two levels sharing one name).
fn list_items(t: &Text, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (s, e) in split_top_level(t, start, end, is_item_sep) {
        let (ts, te) = t.trim(s, e);
        // `各区`, `各县` alone before `县（市）人民政府`: one collective.
        if let Some(&(ps, pe)) = items.last() {
            let prev = t.norm_str(ps, pe);
            let bare_level = prev.starts_with('各')
                && prev.chars().count() <= 3
                && prev.chars().skip(1).all(|c| "省市县区乡镇街".contains(c));
            if bare_level && t.norm.get(pe) == Some(&'、') && is_level_government(t, ts, te) {
                items.last_mut().expect("checked").1 = e;
                continue;
            }
        }
        for (cs, ce) in split_conjunctions(t, s, e) {
            items.extend(split_words(t, cs, ce));
        }
    }
    items
}

/// `县（市）人民政府`, `县区政府`: levels (with alternatives in brackets)
/// and the government they share, possibly followed by a role marker.
fn is_level_government(t: &Text, s: usize, e: usize) -> bool {
    let e = verb_suffix(t, s, e).map_or(e, |(name_end, _)| name_end);
    let mut i = s;
    let mut levels = 0;
    while i < e {
        let c = t.norm[i];
        if "省市县区乡镇街".contains(c) {
            levels += 1;
            i += 1;
        } else if is_open(c) {
            match (i + 1..e).find(|&k| is_close(t.norm[k])) {
                Some(k) => i = k + 1,
                None => return false,
            }
        } else {
            break;
        }
    }
    let rest = t.norm_str(i, e);
    levels > 0 && ["人民政府", "政府", "党委", "党委和政府", "党委政府"].contains(&rest.as_str())
}

/// Whether a unit's name can end right before `p`: after a unit word
/// (`…局`, `…府`), a closing bracket, or the last word of a collective
/// (`县直各部门分别负责…`, `有关部门研究制定…`, `区城投集团参与…`) — not
/// of a role (`牵头部门负责组织实施` says what a lead does, naming no unit).
fn name_ends_before(t: &Text, p: usize) -> bool {
    if p < 2 {
        return false;
    }
    // (Not `企业`: `支持龙头企业牵头组建联盟` says whom the work supports.)
    let collective = COLLECTIVE_ENDINGS
        .iter()
        .filter(|w| **w != "企业")
        .any(|w| t.ends_with_at(0, p, &w.chars().collect::<Vec<_>>()))
        && !(p >= 4
            && ROLE_WORDS
                .iter()
                .any(|w| w.chars().eq(t.norm[p - 4..p - 2].iter().copied())));
    ends_like_unit(t.norm[p - 1]) || is_close(t.norm[p - 1]) || collective
}

/// A role marker inside an item, followed by the work it names:
/// `各县（市、区）人民政府负责属地征拆保障` → (where the name ends, 负责).
/// The name before it must end like a unit.
pub(super) fn verb_inside(t: &Text, start: usize, end: usize) -> Option<(usize, &'static Verb)> {
    let mut depth = 0usize;
    for p in start..end {
        let c = t.norm[p];
        if is_open(c) {
            depth += 1;
            continue;
        }
        if is_close(c) {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 || p < start + 2 {
            continue;
        }
        if !name_ends_before(t, p) {
            continue;
        }
        // (`A牵头的土地收储`: a verb before 的 says which work, naming no
        // role.)
        if let Some(v) = VERBS.iter().find(|v| {
            v.strong
                && t.starts_with_at(p, end, &v.text)
                && t.norm.get(p + v.text.len()) != Some(&'的')
        }) {
            return Some((p, v));
        }
    }
    None
}

/// Where the unit's name ends in `s..e` when the item is a unit followed
/// by the work it does (`沿线乡镇人民政府做好征地拆迁保障`): the name must
/// read as a unit with a level or a reach of its own (`县…`, `各…`,
/// `沿线…`; `确保…完成全部` ends like one but is work) and the rest open
/// with a verb of work.
fn unit_doing_work(t: &Text, s: usize, e: usize) -> Option<usize> {
    let (s, e) = t.trim(s, e);
    let placed = |p: usize| {
        let name = t.norm_str(s, p);
        has_own_level(&name) || REACH_WORDS.iter().any(|w| name.starts_with(w))
    };
    let opens_work = |p: usize| {
        let rest = t.norm_str(p, e);
        // (`区城投集团参与建设运营`: a supporting verb, weak or not, says
        // the same after the one in charge.)
        crate::extract::phrases::opens_with_work_verb(&rest)
            || PART_VERBS.iter().any(|v| rest.starts_with(v))
            || VERBS
                .iter()
                .any(|v| v.role == Role::Partner && t.starts_with_at(p, e, &v.text))
    };
    (s + 2..e)
        .find(|&p| name_ends_before(t, p) && placed(p) && opens_work(p) && unit_at(t, s, p))
        .or_else(|| unit_then_words(t, s, e).filter(|&p| opens_with_level(&t.norm_str(s, p))))
}

/// Whether `rest`, right after an organ's name, goes on to name a post in
/// it (`分管领导任召集人`, `主要负责同志`, `副县长P`), not the organ's work.
fn names_a_post(rest: &str) -> bool {
    ["分管", "主要领导", "主要负责", "领导", "负责同志"]
        .iter()
        .chain(POSTS)
        .chain(POST_RANKS)
        .any(|w| rest.starts_with(w))
}

/// Whether a name opens with its level or reach (`区城投集团`, `各镇`,
/// `沿线乡镇`), as a unit named for a part of the work does; `报市政府…`
/// has a level inside, after a verb.
fn opens_with_level(name: &str) -> bool {
    let bare = name.strip_prefix('各').unwrap_or(name);
    bare.starts_with(|c: char| "省市县区州乡镇村街".contains(c))
        || REACH_WORDS.iter().any(|w| bare.starts_with(w))
}

/// Where `会同` stands inside an item after a name (`X会同A`, `X要会同A`):
/// (where the name ends, where `会同` starts). A word of obligation
/// between them (`要`, `应`) is neither's.
fn joint_at(t: &Text, start: usize, end: usize) -> Option<(usize, usize)> {
    let pat: Vec<char> = "会同".chars().collect();
    (start + 2..end.saturating_sub(1))
        .filter(|&p| t.starts_with_at(p, end, &pat))
        .find_map(|p| {
            if name_ends_before(t, p) {
                return Some((p, p));
            }
            let modal = MODAL_WORDS
                .iter()
                .map(|w| w.chars().collect::<Vec<_>>())
                .find(|w| p >= start + 2 + w.len() && t.ends_with_at(start, p, w))?;
            let name_end = p - modal.len();
            name_ends_before(t, name_end).then_some((name_end, p))
        })
}

/// Splits `市直有关单位和各县（市、区）` at `和各`/`及各`/`以及`, and at
/// `和/及/与` between two whole names (outside brackets). A `和` inside a
/// name stays (`市发展和改革局`).
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
            // `A局和B局`: a conjunction between two whole names. (Inside a
            // name it follows no unit word: 市发展和改革局, 住房和城乡建设局.)
            let between_names = matches!(c, '和' | '及' | '与')
                && i >= from + 3
                && name_ends_before(t, i)
                && ("省市县区州乡镇各国".contains(next)
                    || REACH_WORDS
                        .iter()
                        .any(|w| t.starts_with_at(i + 1, end, &w.chars().collect::<Vec<_>>()))
                    || (crate::extract::phrases::ends_like_institution(&t.norm_str(from, i))
                        && next_is_whole_name(t, i + 1, end)));
            let cut = match (c, next) {
                ('和' | '及', '各') => Some(1),
                ('以', '及') => Some(2),
                _ if between_names => Some(1),
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

/// Whether the text from `s` to the next separator is a whole unit's name
/// of its own (`生态环境厅` in `…自然资源厅和生态环境厅`, written without
/// the level it shares with the name before): not an organ a level's name
/// goes on with (`党委和政府`).
fn next_is_whole_name(t: &Text, s: usize, end: usize) -> bool {
    let e = (s..end)
        .find(|&k| matches!(t.norm[k], '、' | ',' | ';' | '和' | '及' | '与'))
        .unwrap_or(end);
    // (`…和林业局配合`: the name before its role.)
    let e = verb_suffix(t, s, e).map_or(e, |(name_end, _)| name_end);
    let name = t.norm_str(s, e);
    e - s >= 3 && !name.ends_with("政府") && reads_as_unit(&name) && unit_at(t, s, e)
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
    Some((
        start + prefix.len(),
        strip_action(t, start + prefix.len(), end),
    ))
}

/// Where a name ends before the work it joins in (`市商务局组织实施`,
/// `市公安局研究制定具体办法`): at the first action after a unit word.
fn strip_action(t: &Text, start: usize, end: usize) -> usize {
    let action = (start + 2..end).find(|&p| {
        name_ends_before(t, p)
            && JOINED_ACTIONS
                .iter()
                .any(|a| t.starts_with_at(p, end, &a.chars().collect::<Vec<_>>()))
    });
    // (`B督促燃气企业落实…`: the work starts at 督促, before 企业落实.)
    match (action, unit_then_words(t, start, end)) {
        (Some(a), Some(w)) => a.min(w),
        (a, w) => a.or(w).unwrap_or(end),
    }
}

/// Where a unit's name ends in `s..e` when words that are no part of a
/// name follow it (`各街道办事处制定年度改造计划`,
/// `区市场监督管理局督促燃气企业落实改造责任`, `区城投集团作为实施主体…`):
/// the first institution word (`局`, `办事处`, `集团`) after which the
/// text read so far is a unit and the rest is not one (`区公安分局交通管理
/// 大队` is one name, `县人民政府办公室` too). A word is never cut inside
/// (`街道办` | `事处`), nor before a bracket or a conjunction that may go
/// on with the name.
pub(super) fn unit_then_words(t: &Text, s: usize, e: usize) -> Option<usize> {
    let (s, e) = t.trim(s, e);
    let inside_a_word = |p: usize| {
        let words = crate::extract::phrases::INSTITUTION_ENDINGS.iter();
        words.chain(COLLECTIVE_ENDINGS).any(|w| {
            let w: Vec<char> = w.chars().collect();
            (1..w.len()).any(|k| p >= s + k && t.starts_with_at(p - k, e, &w))
        })
    };
    (s + 2..e).find(|&p| {
        let next = t.norm[p];
        if is_open(next) || matches!(next, '和' | '与' | '及' | '、' | ',' | ';' | '等') {
            return false;
        }
        let rest = t.norm_str(p, e);
        crate::extract::phrases::ends_like_institution(&t.norm_str(s, p))
            && !inside_a_word(p)
            && unit_at(t, s, p)
            && !reads_as_unit(&rest)
            && !rest.ends_with(SUB_UNIT_ENDINGS)
            && reads_as_work(&rest)
    })
}

/// Whether `text`, standing where a name might go on, is words of work:
/// it opens with a verb (`制定…`, `推进…`) or runs longer than the part of
/// a name without a unit word does (`简化审批流程`; but `电信`, `棂溪水厂`
/// in `县水务集团棂溪水厂`).
fn reads_as_work(text: &str) -> bool {
    text.chars().count() > 4
        || crate::extract::phrases::opens_with_work_verb(text)
        || [JOINED_ACTIONS, PART_VERBS]
            .iter()
            .any(|words| words.iter().any(|w| text.starts_with(w)))
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
                        && (ends_like_unit(t.norm[pe - 1])
                            || (unit_shaped(t, ps, pe)
                                && (unit_shaped(t, s, e) || opens_like_unit(t, s, e))))
                        // A line break is a wrap, even after `…局`
                        // (`江门市生态环境局⏎台山分局`).
                        && !t.orig[pe..s].iter().any(|&c| matches!(c, '\n' | '\r'))
                        // No name opens with a bracket: `各县 （市、区）水务局`
                        // is one name with a stray space.
                        && !is_open(t.norm[s]));
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

/// Whether `start..end`, without a role marker closing it, reads as a whole
/// unit's name (`区妇联`, `各街道办事处`): a space between two such words
/// separates two units, one inside a name (`市发展和 改革局`) does not.
fn unit_shaped(t: &Text, start: usize, end: usize) -> bool {
    let end = verb_suffix(t, start, end).map_or(end, |(name_end, _)| name_end);
    let name = t.norm_str(start, end);
    reads_as_unit(&name) || UNIT_ENDINGS.iter().any(|w| name.ends_with(w))
}

/// Whether `start..end` opens as a unit's name does, with a level or `各`
/// (`区住房和城…` before a wrap inside it).
fn opens_like_unit(t: &Text, start: usize, end: usize) -> bool {
    start < end && "省市县区州镇乡街村各".contains(t.norm[start])
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
    let mut last_role = default;
    for (k, &(_, value_start, kind)) in labels.iter().enumerate() {
        let value_end = labels.get(k + 1).map_or(end, |l| l.0);
        b.strong = true;
        match kind {
            LabelKind::Units(role) => {
                last_role = Some(role);
                parse_list(t, value_start, value_end, Some(role), &mut b);
            }
            LabelKind::MoreUnits => parse_list(t, value_start, value_end, last_role, &mut b),
            LabelKind::Duties => parse_list(t, value_start, value_end, None, &mut b),
            LabelKind::Leader => {
                let (s, e) = t.trim(value_start, value_end);
                if s < e {
                    b.leader.get_or_insert(t.orig_str(s, e));
                }
            }
            LabelKind::Deadline => {
                if let Some(of) = ditto_of(t, value_start, value_end) {
                    b.ditto.push(Ditto {
                        field: DittoField::Deadline,
                        of,
                    });
                } else if let Some(deadline) = labelled_deadline(t, value_start, value_end) {
                    b.deadline.get_or_insert(deadline);
                }
            }
            LabelKind::Supervisor => {
                let (s, e) = t.trim(value_start, value_end);
                if s < e {
                    b.supervisors.push(t.orig_str(s, e));
                }
            }
        }
    }
    b
}
