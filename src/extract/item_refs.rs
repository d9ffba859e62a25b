//! References to a plan's items by count or number: what a shared note or
//! a 责任分工 sentence says it covers.
//!
//! - `以上3项…`, `上述2项任务…`: the items before it, counted back from
//!   the note (the item carrying it included);
//! - `以上任务…`, `以上各项…`: the whole run of items before it in its
//!   section;
//! - `第8—10项…`, `第（一）（二）项…`, `第（四）至（六）项…`, `第三条…`: the
//!   items with those numbers (a range covers every number in it).
//!
//! Only a reference opening the text counts (after an opening bracket or
//! `注：`): `…列第一位的为牵头单位` and `以上海为龙头` refer to no item.

use super::phrases::{COUNTED_ITEM_NOUNS, ITEMS_ABOVE, RUN_OF_ITEMS};
use crate::zh::cn_number;

/// Which items a reference names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemRef {
    /// `以上3项`: the last N items up to and including the note's own.
    Preceding(usize),
    /// `以上任务`: every item of the run before the note in its section.
    Run,
    /// `第（一）至（三）项`: the items with these ordinals.
    Numbers(Numbers),
}

/// Ordinals named by `第…项`, and how they are written, to tell `（一）`
/// items from `1.` items where a plan has both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbers {
    pub ordinals: Vec<u32>,
    /// Written in brackets: `第（一）项`.
    pub bracketed: bool,
    /// Written in Chinese numerals: `第三条`.
    pub chinese: bool,
}

impl Numbers {
    /// Whether an item numbered `written` (`（一）`, `8.`, `第三条`) is
    /// written the way the reference writes its numbers.
    pub fn written_alike(&self, written: &str) -> bool {
        let bracketed = written.starts_with(['(', '（', '﹙']);
        let chinese = written.chars().any(is_cn_numeral);
        bracketed == self.bracketed && chinese == self.chinese
    }
}

/// A reference opening a text, and the char offset where the rest of the
/// sentence (who does them) begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefMatch {
    pub reference: ItemRef,
    pub rest_at: usize,
}

/// Numbers larger than any plan's item count are no reference
/// (`第2025…`), and bound the work a range costs.
const MAX_ORDINAL: u32 = 999;

/// The reference the text opens with, if any.
pub fn opening_ref(text: &str) -> Option<RefMatch> {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    while at < chars.len()
        && (chars[at].is_whitespace() || matches!(chars[at], '(' | '（' | '[' | '【' | '〔' | '［'))
    {
        at += 1;
    }
    for label in ["注：", "注:"] {
        if starts_with(&chars, at, label) {
            at += label.chars().count();
        }
    }
    if let Some(w) = ITEMS_ABOVE.iter().find(|w| starts_with(&chars, at, w)) {
        return above(&chars, at + w.chars().count());
    }
    if chars.get(at) == Some(&'第') {
        return numbered(&chars, at + 1);
    }
    None
}

/// After `以上`: a count of items, or a word for all of them.
fn above(chars: &[char], mut at: usize) -> Option<RefMatch> {
    let digits_end = (at..chars.len())
        .find(|&k| !is_numeral(chars[k]))
        .unwrap_or(chars.len());
    if digits_end > at {
        let count: String = chars[at..digits_end].iter().collect();
        let n = cn_number(&count)?;
        at = digits_end;
        if chars.get(at) == Some(&'个') {
            at += 1;
        }
        if !matches!(chars.get(at), Some('项' | '条')) || n == 0 || n > MAX_ORDINAL {
            return None;
        }
        at += 1;
        if let Some(w) = COUNTED_ITEM_NOUNS
            .iter()
            .find(|w| starts_with(chars, at, w))
        {
            at += w.chars().count();
        }
        return Some(RefMatch {
            reference: ItemRef::Preceding(n as usize),
            rest_at: at,
        });
    }
    let w = RUN_OF_ITEMS.iter().find(|w| starts_with(chars, at, w))?;
    Some(RefMatch {
        reference: ItemRef::Run,
        rest_at: at + w.chars().count(),
    })
}

/// After `第`: numbers, bracketed or not, listed (`、`, `和`) or ranged
/// (`—`, `至`), up to `项` or `条` (`第8项至第10项` read as one range).
fn numbered(chars: &[char], mut at: usize) -> Option<RefMatch> {
    let mut ordinals: Vec<u32> = Vec::new();
    let (mut bracketed, mut chinese) = (false, false);
    let mut range_from: Option<u32> = None;
    loop {
        let c = *chars.get(at)?;
        if is_numeral(c) {
            let end = (at..chars.len())
                .find(|&k| !is_numeral(chars[k]))
                .unwrap_or(chars.len());
            let written: String = chars[at..end].iter().collect();
            chinese |= written.chars().any(is_cn_numeral);
            let n = cn_number(&written).filter(|n| (1..=MAX_ORDINAL).contains(n))?;
            match range_from.take() {
                Some(from) if from < n => ordinals.extend(from + 1..=n),
                Some(_) => return None,
                None => ordinals.push(n),
            }
            at = end;
        } else if matches!(c, '(' | '（' | ')' | '）') {
            bracketed = true;
            at += 1;
        } else if matches!(c, '、' | '，' | ',' | '和' | '及' | '与' | '第') {
            at += 1;
        } else if matches!(c, '—' | '–' | '-' | '~' | '～' | '至' | '到') {
            range_from = Some(*ordinals.last()?);
            at += 1;
        } else if matches!(c, '项' | '条') {
            at += 1;
            // `第8项至第10项`, `第1项、第3项`: the list goes on.
            let goes_on = chars
                .get(at)
                .is_some_and(|&n| matches!(n, '、' | '，' | ',' | '和' | '及' | '至' | '到' | '—'))
                && chars.get(at + 1) == Some(&'第');
            if goes_on {
                if matches!(chars[at], '至' | '到' | '—') {
                    range_from = Some(*ordinals.last()?);
                }
                at += 2;
                continue;
            }
            break;
        } else {
            return None;
        }
    }
    if ordinals.is_empty() || range_from.is_some() {
        return None;
    }
    if let Some(w) = COUNTED_ITEM_NOUNS
        .iter()
        .find(|w| starts_with(chars, at, w))
    {
        at += w.chars().count();
    }
    Some(RefMatch {
        reference: ItemRef::Numbers(Numbers {
            ordinals,
            bracketed,
            chinese,
        }),
        rest_at: at,
    })
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(k, w)| chars.get(k) == Some(&w))
}

fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十百零两".contains(c)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || is_cn_numeral(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Option<Vec<u32>> {
        match opening_ref(text)?.reference {
            ItemRef::Numbers(n) => Some(n.ordinals),
            _ => None,
        }
    }

    #[test]
    fn counts_and_runs_of_items_above() {
        let m = opening_ref("（以上3项由区政务服务中心牵头）").expect("a count");
        assert_eq!(m.reference, ItemRef::Preceding(3));
        let rest: String = "（以上3项由区政务服务中心牵头）"
            .chars()
            .skip(m.rest_at)
            .collect();
        assert!(rest.starts_with('由'));
        assert_eq!(
            opening_ref("以上2项任务均由A负责").map(|m| m.reference),
            Some(ItemRef::Preceding(2))
        );
        assert_eq!(
            opening_ref("上述任务由A牵头").map(|m| m.reference),
            Some(ItemRef::Run)
        );
        assert_eq!(opening_ref("以上海为龙头，带动周边"), None);
        assert_eq!(opening_ref("以上3亿元由财政安排"), None);
    }

    #[test]
    fn numbers_lists_and_ranges() {
        assert_eq!(numbers("第8—10项责任单位：A"), Some(vec![8, 9, 10]));
        assert_eq!(numbers("第（一）（二）项由A牵头"), Some(vec![1, 2]));
        assert_eq!(numbers("第（四）至（六）项由A负责"), Some(vec![4, 5, 6]));
        assert_eq!(numbers("第1、3项由A负责"), Some(vec![1, 3]));
        assert_eq!(numbers("第8项至第10项由A负责"), Some(vec![8, 9, 10]));
        assert_eq!(numbers("第三条由A负责"), Some(vec![3]));
        assert_eq!(numbers("第一位的为牵头单位"), None);
        assert_eq!(numbers("第10—8项由A负责"), None);
        let Some(ItemRef::Numbers(n)) = opening_ref("第（七）项由A牵头").map(|m| m.reference)
        else {
            panic!("a number")
        };
        assert!(n.written_alike("（七）") && !n.written_alike("7."));
    }
}
