//! Decimal outline numbering (`1` / `1.1` / `1.1.1`), checked over the
//! whole document.
//!
//! `numbering.rs` reads a label such as `1.1` or `（2.3.4）` on one line
//! when heading or task text follows it (not a unit: `1.5亿元`, `3.2%`).
//! A number at a line start can still be a quantity in a wrapped sentence,
//! so here a label counts only when it is consistent with its neighbours:
//! it continues the last label kept (`1.2` after `1.1`, `1.1.1` under
//! `1.1`, `2.1` after `1.3`), or one of the next few labels continues it (a fresh
//! start, `1.1` at the top of the outline). A label that fits neither is
//! text again, joined to the sentence it interrupts.
//!
//! Decimal chapters are numbered with a single number (`1 总则`, `1.总则`):
//! the nearest such line before a chapter's first `N.x` label is promoted
//! to depth 1, and so is a later heading-shaped `N+1` line whose chapter
//! has no sub-labels. Everything else keeps the style it was read with.

use super::{Para, ParaKind};
use crate::extract::numbering::{NumberStyle, Numbering, decimal_path};
use crate::extract::phrases::ends_sentence;
use crate::zh::fold_digit;

/// The paragraphs with decimal labels kept only where they fit the outline,
/// and the chapters they number promoted to decimal depth 1.
pub fn check_outline(mut paras: Vec<Para>) -> Vec<Para> {
    let candidates: Vec<(usize, Vec<u32>)> = paras
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p.numbering() {
            Some(n) if matches!(n.style, NumberStyle::Decimal(_)) => {
                Some((i, decimal_path(&n.written)))
            }
            _ => None,
        })
        .collect();
    if candidates.is_empty() {
        return paras;
    }
    let mut accepted: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut rejected: Vec<usize> = Vec::new();
    for (k, (i, path)) in candidates.iter().enumerate() {
        let after_prev = accepted.last().is_some_and(|(_, p)| continues(p, path));
        // A stray number in between does not hide the next label.
        let confirmed = candidates
            .iter()
            .skip(k + 1)
            .take(LOOKAHEAD)
            .any(|(_, next)| continues(path, next));
        if after_prev || confirmed {
            accepted.push((*i, path.clone()));
        } else {
            rejected.push(*i);
        }
    }
    promote_chapters(&mut paras, &accepted);
    // Back to text, from the end so indices stay true while joining.
    for &i in rejected.iter().rev() {
        paras[i].kind = ParaKind::Text;
        let joins = i > 0
            && matches!(paras[i - 1].kind, ParaKind::Text | ParaKind::Numbered(_))
            && !ends_sentence(&paras[i - 1].text);
        if joins {
            let para = paras.remove(i);
            super::join(&mut paras[i - 1], &para);
        }
    }
    paras
}

/// How many later labels may confirm a label that has no kept label before it.
const LOOKAHEAD: usize = 3;

/// Whether label `next` can follow label `prev` in an outline: one level
/// down (`1.1` → `1.1.1`), the next sibling at some level with its own
/// sub-levels starting at 1 (`1.1.3` → `1.2`, `1.3` → `2.1`), allowing one
/// lost label (`1.1` → `1.3`).
fn continues(prev: &[u32], next: &[u32]) -> bool {
    if next.len() > prev.len() && next.starts_with(prev) {
        return next[prev.len()..].iter().all(|&c| c == 1);
    }
    (0..prev.len().min(next.len())).any(|k| {
        next[..k] == prev[..k]
            && (prev[k] + 1..=prev[k] + 2).contains(&next[k])
            && next[k + 1..].iter().all(|&c| c == 1)
    })
}

/// Promotes the single numbers heading decimal chapters to depth 1.
fn promote_chapters(paras: &mut [Para], accepted: &[(usize, Vec<u32>)]) {
    let mut promoted_any = false;
    let mut from = 0;
    let mut top: Option<u32> = None;
    for (i, path) in accepted {
        let chapter = path[0];
        if top != Some(chapter) {
            // The nearest line numbered `chapter` since the last label,
            // and not beyond a Chinese heading (`二、` over `2.1` is the
            // chapter itself).
            let at = (from..*i)
                .rev()
                .take_while(|&j| {
                    !paras[j]
                        .numbering()
                        .is_some_and(|n| heads_chapters(n.style))
                })
                .find(|&j| chapter_number(&paras[j]).is_some_and(|(n, _)| n == chapter));
            if let Some(at) = at {
                promote(&mut paras[at]);
                promoted_any = true;
            }
            top = Some(chapter);
        }
        from = i + 1;
    }
    // Chapters without sub-labels after the last one (`5 保障措施`).
    if !promoted_any {
        return;
    }
    let mut top = 0;
    // The first kept label at or after the paragraph (labels are in order).
    let mut next = 0;
    for (j, para) in paras.iter_mut().enumerate() {
        while accepted.get(next).is_some_and(|(i, _)| *i < j) {
            next += 1;
        }
        if let Some((_, path)) = accepted.get(next).filter(|(i, _)| *i == j) {
            top = path[0];
            continue;
        }
        if let Some(n) = para.numbering()
            && n.style == NumberStyle::Decimal(1)
        {
            top = n.ordinal;
            continue;
        }
        let later = accepted.get(next).map(|(_, p)| p[0]);
        if let Some((n, rest)) = chapter_number(para)
            && n == top + 1
            && later.is_none_or(|l| l > n)
            && !rest.contains(['。', '；', ';'])
            && rest.chars().count() <= 30
        {
            promote(para);
            top = n;
        }
    }
}

/// Styles that head a part above any decimal level.
fn heads_chapters(style: NumberStyle) -> bool {
    matches!(
        style,
        NumberStyle::Chapter
            | NumberStyle::Section
            | NumberStyle::Article
            | NumberStyle::Roman
            | NumberStyle::CnComma
            | NumberStyle::CnParen
    )
}

/// A line opening with a single number that can head a chapter: `1.总则`
/// (read as `Arabic`) or `1总则` (a bare number before a short title).
fn chapter_number(para: &Para) -> Option<(u32, String)> {
    match &para.kind {
        ParaKind::Numbered(n) if n.style == NumberStyle::Arabic => {
            Some((n.ordinal, n.rest.clone()))
        }
        ParaKind::Plain => {
            let digits: String = para
                .text
                .chars()
                .take_while(|c| fold_digit(*c).is_some())
                .collect();
            if digits.is_empty() || digits.chars().count() > 2 {
                return None;
            }
            let rest = para.text[digits.len()..].trim();
            let opens_title = rest
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii_punctuation() && fold_digit(c).is_none());
            let n = crate::zh::cn_number(&digits)?;
            (opens_title && n > 0 && crate::extract::numbering::opens_heading_text(rest))
                .then(|| (n, rest.to_owned()))
        }
        _ => None,
    }
}

fn promote(para: &mut Para) {
    let Some((ordinal, rest)) = chapter_number(para) else {
        return;
    };
    let written = match &para.kind {
        ParaKind::Numbered(n) => n.written.clone(),
        _ => para
            .text
            .chars()
            .take_while(|c| fold_digit(*c).is_some())
            .collect(),
    };
    para.kind = ParaKind::Numbered(Numbering {
        style: NumberStyle::Decimal(1),
        written,
        ordinal,
        rest,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalise::normalise;

    fn styles(text: &str) -> Vec<(String, Option<NumberStyle>)> {
        normalise(text)
            .paras
            .into_iter()
            .map(|p| (p.text.clone(), p.numbering().map(|n| n.style)))
            .collect()
    }

    /// The style of each paragraph's numbering.
    fn style_list(text: &str) -> Vec<Option<NumberStyle>> {
        styles(text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn labels_that_continue_each_other_are_kept() {
        assert!(continues(&[1], &[1, 1]));
        assert!(continues(&[1, 1], &[1, 1, 1]));
        assert!(continues(&[1, 1, 3], &[1, 2]));
        assert!(continues(&[1, 3], &[2, 1]));
        assert!(continues(&[1, 3], &[2]));
        assert!(continues(&[1, 1], &[1, 3]), "one lost label");
        assert!(!continues(&[1, 1], &[3, 2]));
        assert!(!continues(&[1, 1], &[1, 1, 2]));
        assert!(!continues(&[2, 1], &[1, 2]));
    }

    #[test]
    fn chapters_and_labels_nest_by_depth() {
        use NumberStyle::Decimal;
        let numbered = style_list(
            "1 总体要求\n1.1 指导思想\n坚持稳中求进。\n1.2 主要目标\n到2027年建成。\n2.重点任务\n2.1．加快交通建设\n2.1.1 建设环城快速路。（市交通局牵头）\n3 保障措施\n加强组织领导。",
        );
        assert_eq!(
            numbered,
            vec![
                Some(Decimal(1)),
                Some(Decimal(2)),
                None,
                Some(Decimal(2)),
                None,
                Some(Decimal(1)),
                Some(Decimal(2)),
                Some(Decimal(3)),
                Some(Decimal(1)),
                None,
            ]
        );
    }

    #[test]
    fn items_under_a_chinese_heading_are_no_decimal_chapter() {
        use NumberStyle::{Arabic, CnComma, Decimal};
        let numbered = style_list(
            "一、总体要求\n1.坚持稳中求进。\n2.坚持系统观念。\n二、重点任务\n2.1 建设园区。（市发改局牵头）\n2.2 培育企业。（市工信局牵头）",
        );
        assert_eq!(
            numbered,
            vec![
                Some(CnComma),
                Some(Arabic),
                Some(Arabic),
                Some(CnComma),
                Some(Decimal(2)),
                Some(Decimal(2))
            ]
        );
    }

    #[test]
    fn a_number_that_fits_no_outline_is_text() {
        let got = styles(
            "1.1 扩大有效投资\n全年完成投资，其中基础设施投资\n3.2 亿元以上的项目开工，另有\n4.6 城区南片的工程也在推进。\n1.2 促进消费\n举办展会。",
        );
        let numbered: Vec<&str> = got
            .iter()
            .filter(|(_, s)| s.is_some())
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(numbered, vec!["1.1扩大有效投资", "1.2促进消费"], "{got:?}");
    }
}
