//! A unit's name as cut from a note: prefixes (`由`), a list's closing
//! `等…`, explanatory brackets (`（指…，下同）`) and stray line breaks
//! removed, and whether what is left can be a unit at all; subjects naming
//! other items (`以上3项`) and ditto marks (`同上`, `同第7项`); a person
//! named by post (`副市长P`), who is never a unit.

use super::DittoOf;
use super::text::*;
use super::vocab::*;

/// A unit's name cut from the original text: trimmed, without `由`/`等`,
/// without stray whitespace, without `,下同` inside its own brackets
/// (`各相关镇(街,下同)` → `各相关镇(街)`).
pub(super) fn clean_name(t: &Text, start: usize, end: usize) -> Option<String> {
    clean_name_at(t, start, end).map(|(name, _)| name)
}

/// The length of the opener of a sentence saying who does the work
/// (`由`, `均由`, `责成`: [`BY_OPENERS`]) at `s`, if one opens `s..e`.
pub(super) fn by_opener(t: &Text, s: usize, e: usize) -> Option<usize> {
    BY_OPENERS
        .iter()
        .map(|w| w.chars().collect::<Vec<_>>())
        .find(|w| t.starts_with_at(s, e, w))
        .map(|w| w.len())
}

/// Like [`clean_name`], with the char range the name was cut from.
pub(super) fn clean_name_at(
    t: &Text,
    start: usize,
    end: usize,
) -> Option<(String, (usize, usize))> {
    let (mut s, mut e) = t.trim(start, end);
    if let Some(len) = by_opener(t, s, e).or_else(|| t.starts_with_at(s, e, &['请']).then_some(1))
    {
        s += len;
    }
    // A lead mark (`市商务局*`, `★市财政局`) is not part of the name.
    while s < e && LEAD_MARKS.contains(&t.norm[s]) {
        s += 1;
    }
    while e > s && LEAD_MARKS.contains(&t.norm[e - 1]) {
        e -= 1;
    }
    let (s, mut e) = t.trim(s, e);
    // A list's closing `等` ends the name: what follows is a collective
    // (`等有关部门`, `等省有关部门`) or the work (`等研究提出落实意见`).
    if let Some(k) = closing_deng(t, s, e) {
        e = k;
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
        // `（指…，下同）`, `（含…）`: an explanation, not part of the name.
        let inside = t.norm_str(g.open + 1, g.close);
        if EXPLANATION_OPENERS
            .iter()
            .any(|w| inside.trim_start().starts_with(w))
            // (Closing the name: a person or the office's second name.)
            || (g.close + 1 == e
                && (names_a_person_only(inside.trim()) || is_second_name(inside.trim())))
        {
            keep[g.open - s..=g.close - s].fill(false);
            continue;
        }
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

/// Whether a bracket closing a unit's name holds only a person: one by
/// post (`（副区长刘振宇）`), or a name of two or three characters opening
/// with a common family name (`区发改局（刘振宇）`, the leader who oversees
/// the unit's part). Not a place or a unit (`（张家港）` has no level, but
/// `（王府井街道）` ends like a unit).
fn names_a_person_only(inside: &str) -> bool {
    let n = inside.chars().count();
    is_person(inside)
        || ((2..=3).contains(&n)
            && inside.chars().all(crate::zh::is_han)
            && inside.starts_with(|c: char| FAMILY_NAMES.contains(c))
            && !reads_as_unit(inside)
            && !has_own_level(inside))
}

/// Whether a bracket closing a unit's name holds the same office's second
/// name (`市市场监管局（市知识产权局）`, `县委宣传部（县文明办）`): one unit's
/// name with a level of its own. Alternatives of a level (`各县（市、区）`)
/// are a list, no name.
fn is_second_name(inside: &str) -> bool {
    !inside.contains(['、', ',', '，', '/'])
        && inside.chars().count() >= 3
        && reads_as_unit(inside)
        && has_own_level(inside)
}

/// Where a list's closing `等` stands in `s..e` (at bracket depth 0, not
/// the 等 of 高等/中等/平等…), when a name stands before it.
pub(super) fn closing_deng(t: &Text, s: usize, e: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in s..e {
        match t.norm[i] {
            c if is_open(c) => depth += 1,
            c if is_close(c) => depth = depth.saturating_sub(1),
            '等' if depth == 0 && i > s + 1 => {
                let before = t.norm[i - 1];
                if !"高中初平同对均相上下优".contains(before) {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The level a name opens with (`省`, `市`, `市委`, `市政府`, `县人民政府`),
/// shared by the names after it in a list that open with none
/// (`省发展改革委、交通运输厅` → 交通运输厅 is the province's).
pub(super) fn level_prefix(name: &str) -> Option<&str> {
    let first = name.chars().next()?;
    if !"省市县区州".contains(first) {
        return None;
    }
    let len = first.len_utf8();
    for longer in ["人民政府", "政府", "委"] {
        if name[len..].starts_with(longer) && name.len() > len + longer.len() {
            return Some(&name[..len + longer.len()]);
        }
    }
    Some(&name[..len])
}

/// Whether a name opens with a level or place of its own: a level word
/// (`市…`, `各县…`), or a known qualifier (`国家`, `中央`).
pub(super) fn has_own_level(name: &str) -> bool {
    let bare = name.strip_prefix('各').unwrap_or(name);
    // A place's name and its level (`江门市…`, `某某县…`, `高新区…`).
    let placed = bare
        .chars()
        .skip(1)
        .take(4)
        .any(|c| "省市县区州".contains(c));
    placed
        || bare.starts_with(|c: char| "省市县区州乡镇村街".contains(c))
        || ["国家", "中央", "全国", "人行", "人民银行"]
            .iter()
            .any(|w| bare.starts_with(w))
}

/// Whether a name ends like a department or office of a government
/// (`…厅`, `…局`, `…委`, `…中心`, `各直属机构`), not a place or a group.
pub(super) fn is_department(name: &str) -> bool {
    name.ends_with(|c: char| "厅局委办部署院".contains(c))
        || ["中心", "机构", "单位", "部门", "委员会"]
            .iter()
            .any(|w| name.ends_with(w))
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
    // `市文化广电旅游局（以下简称市文旅局）`: the short name it is given
    // is an explanation (dropped from the name), no `以下` rule.
    let norm = t.norm_str(start, end).replace("以下简称", "");
    name.chars().count() <= 32
        && !NOT_IN_NAMES.iter().any(|w| norm.contains(w))
        && !counts_something(&norm)
}

/// Whether `text` holds a count of things (`8家`, `20个`, `2.3万亩`,
/// `98%`): a target of the work (`新增规上企业8家，由A牵头`), which no
/// unit's name holds.
fn counts_something(text: &str) -> bool {
    const MEASURES: &str = "家个万亿人所座亩处项台辆条套次名户间%千百";
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| crate::zh::fold_digit(w[0]).is_some() && MEASURES.contains(w[1]))
}

/// Where a subject naming other items ends, when `start..end` opens with
/// one: `以上3项`, `以上各项任务`, `上述工作`, `第（一）（二）项`, `第8—10项`.
/// Such a subject says which tasks a shared note covers (`以上3项由A牵头`);
/// it is never part of a unit's name. The subject must be followed by what
/// a note says of it (`由`, `均由`, `分别由`, a label, a role), so `以上项目`
/// or `第一批` are no subjects.
pub(super) fn reference_end(t: &Text, start: usize, end: usize) -> Option<usize> {
    let (s, e) = t.trim(start, end);
    let opener = ITEM_REFERENCE_OPENERS
        .iter()
        .map(|w| w.chars().collect::<Vec<_>>())
        .find(|w| t.starts_with_at(s, e, w))?;
    let ordinal_first = opener == ['第'];
    let mut i = s + opener.len();
    // The numbers: `3`, `8—10`, `（一）（二）`, `1、2`, `三至五`.
    let mut numerals = 0;
    while i < e && i - s <= 24 {
        let c = t.norm[i];
        if c.is_ascii_digit() || crate::zh::cn_digit(c).is_some() || "十百".contains(c) {
            numerals += 1;
        } else if !(is_open(c) || is_close(c) || "、,—–-~～至到和及 ".contains(c)) {
            break;
        }
        i += 1;
    }
    if ordinal_first && numerals == 0 {
        return None;
    }
    // `各项`, `项`, `条`, then what the items are (`任务`, `工作`…).
    if t.starts_with_at(i, e, &['各']) {
        i += 1;
    }
    let counted = i < e && ITEM_COUNTERS.contains(&t.norm[i]);
    if counted {
        i += 1;
    }
    let noun = ITEM_NOUNS
        .iter()
        .map(|w| w.chars().collect::<Vec<_>>())
        .find(|w| t.starts_with_at(i, e, w));
    if let Some(w) = &noun {
        i += w.len();
    }
    if !(counted || (noun.is_some() && !ordinal_first)) {
        return None;
    }
    // What follows says something of the items (or a label follows:
    // `第8—10项责任单位：`, where the list ends before the label).
    match t.norm.get(i).filter(|_| i < e) {
        None => Some(i),
        Some(&next) => "由均分都统全责牵配主承协负,:; ".contains(next).then_some(i),
    }
}

/// Marks a table writes for "the same as the row above".
const DITTO_MARKS: &[char] = &['〃', '″', '"'];

/// `同上`, `同上项`, `同前`, `同第7项`, `与第7项相同`, `〃`: the whole of
/// `start..end` says "the same as" another item's, and which.
pub(super) fn ditto_of(t: &Text, start: usize, end: usize) -> Option<DittoOf> {
    let (s, e) = t.trim(start, end);
    let text = t.norm_str(s, e);
    let text = text.trim_end_matches(['。', '.']);
    // A table's ditto mark (`〃`, `″`, `"`), written alone in the cell.
    if !text.is_empty() && text.chars().all(|c| DITTO_MARKS.contains(&c)) {
        return Some(DittoOf::Previous);
    }
    let inner = text
        .strip_prefix('同')
        .or_else(|| text.strip_prefix('与').and_then(|r| r.strip_suffix("相同")))?;
    if let Some(rest) = inner
        .strip_prefix("上")
        .or_else(|| inner.strip_prefix("前"))
    {
        return ["", "项", "一项", "条", "一条", "栏", "行"]
            .contains(&rest)
            .then_some(DittoOf::Previous);
    }
    let number = inner.strip_prefix('第')?.strip_suffix(['项', '条', '行'])?;
    let n = number
        .parse::<u32>()
        .ok()
        .or_else(|| crate::zh::cn_number(number))?;
    Some(DittoOf::Item(n))
}

/// Whether a name cut from a note is a person's: a post, alone or with its
/// holder's name (`市长周某`, `常务副区长李某`, `区委常委`, `王某副县长`,
/// `市发展改革委主任`). A person is never a unit.
pub(super) fn is_person(name: &str) -> bool {
    let name = PERSON_HONORIFICS
        .iter()
        .find_map(|h| name.strip_suffix(h))
        .unwrap_or(name);
    // The post ends the name: its holder, if named, stands before it.
    if POSTS.iter().any(|p| name.ends_with(p)) {
        return true;
    }
    // The post, then its holder's name (two to four characters, which do
    // not end like a unit's: `县长途客运站` is no 县长; 军 ends names such
    // as 李建军 more often than units).
    name.char_indices().any(|(at, _)| {
        let rest = &name[at..];
        let Some(post) = POSTS.iter().find(|p| rest.starts_with(*p)) else {
            return false;
        };
        let holder = &rest[post.len()..];
        let holder_len = holder.chars().count();
        let before = &name[..at];
        let before = POST_RANKS
            .iter()
            .find_map(|r| before.strip_suffix(r))
            .unwrap_or(before);
        // (`分管副县长P`: the post as the one who oversees the work.)
        let before = before.strip_suffix("分管").unwrap_or(before);
        (2..=4).contains(&holder_len)
            && holder.chars().all(crate::zh::is_han)
            && !holder
                .chars()
                .last()
                .is_some_and(|c| ends_like_unit(c) && c != '军')
            // What opens the name is the post's organ (`区委`, `市政府`), if anything.
            && before
                .chars()
                .last()
                .is_none_or(ends_like_unit)
    })
}

/// Whether a name with no role marker reads as a unit: it ends like one
/// (`…局`, `…中心`, `各镇`) or names a collective (`…有关单位`).
pub(super) fn reads_as_unit(name: &str) -> bool {
    // (A unit's name holds no 的: `管网老化的小区` ends like one but is work.)
    if name.contains('的') {
        return false;
    }
    let last = name.trim_end_matches([')', '）']).chars().last();
    last.is_some_and(ends_like_unit) || COLLECTIVE_ENDINGS.iter().any(|w| name.ends_with(w))
}
