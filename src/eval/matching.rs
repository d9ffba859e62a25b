//! The matching rules: when an extracted title, unit or deadline counts as
//! the one a person labelled.
//!
//! Everything is compared after [`fold`]: full-width forms to half-width,
//! whitespace dropped (PDF conversions scatter it), quotes and brackets of
//! every style to one, and sentence punctuation at the end dropped. Beyond
//! folding, a title (or goal) may carry its own responsibility note at the
//! end (`加快建设产业园（市工信局牵头）` matches `加快建设产业园`): the note
//! is never part of a title. Nothing else is tolerated: a title cut short
//! or run into the next sentence is wrong.

use crate::overlap::fold::half_width;

/// Words that make a trailing bracket a responsibility note, not a title's part.
const NOTE_WORDS: [&str; 8] = [
    "牵头", "负责", "配合", "责任", "单位", "主办", "协办", "参与",
];

/// Folds text for comparison.
pub fn fold(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '“' | '”' | '「' | '」' | '『' | '』' | '〝' | '〞' => '"',
            '‘' | '’' => '\'',
            '〔' | '【' | '［' => '[',
            '〕' | '】' | '］' => ']',
            _ => c,
        })
        .collect();
    while let Some(c) = out.chars().last() {
        if "。.，,；;：:、!?！？﹒".contains(c) {
            out.pop();
        } else {
            break;
        }
    }
    out
}

/// A title's folded form without a trailing responsibility note.
fn without_note(folded: &str) -> Option<String> {
    let close = folded.chars().last()?;
    let open = match close {
        ')' => '(',
        ']' => '[',
        _ => return None,
    };
    let start = folded.rfind(open)?;
    let inside = &folded[start..];
    NOTE_WORDS
        .iter()
        .any(|w| inside.contains(w))
        .then(|| fold(&folded[..start]))
}

/// Whether an extracted title (or goal title) is the labelled one.
pub fn same_title(extracted: &str, gold: &str) -> bool {
    let (e, g) = (fold(extracted), fold(gold));
    e == g || without_note(&e).is_some_and(|e| e == g)
}

/// Deadlines compare as folded text, a trailing 完成 aside (`12月底前完成` is
/// `12月底前`); no deadline on both sides is right.
pub fn same_deadline(extracted: Option<&str>, gold: Option<&str>) -> bool {
    let f = |d: Option<&str>| {
        d.map(fold)
            .map(|d| d.strip_suffix("完成").map(str::to_owned).unwrap_or(d))
            .filter(|d| !d.is_empty())
    };
    f(extracted) == f(gold)
}

/// Whether two lists of units name the same units, each once, in any order.
/// `gold` holds each unit's accepted written forms.
pub fn same_units(extracted: &[&str], gold: &[Vec<&str>]) -> bool {
    if extracted.len() != gold.len() {
        return false;
    }
    let mut used = vec![false; extracted.len()];
    gold.iter().all(|forms| {
        let forms: Vec<String> = forms.iter().map(|f| fold(f)).collect();
        let hit = extracted
            .iter()
            .enumerate()
            .find(|(i, e)| !used[*i] && forms.contains(&fold(e)));
        match hit {
            Some((i, _)) => {
                used[i] = true;
                true
            }
            None => false,
        }
    })
}

/// Pairs gold items with extracted items one to one: each gold item, in
/// order, takes the first unused extracted item that `same` accepts.
/// Returns, for each gold item, the index of its extracted item.
pub fn pair<G, E>(
    gold: &[G],
    extracted: &[E],
    same: impl Fn(&E, &G) -> bool,
) -> Vec<Option<usize>> {
    let mut used = vec![false; extracted.len()];
    gold.iter()
        .map(|g| {
            let i = (0..extracted.len()).find(|&i| !used[i] && same(&extracted[i], g))?;
            used[i] = true;
            Some(i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_width_space_quotes_and_trailing_punctuation() {
        assert_eq!(fold("推进“一网通办”。"), fold("推进\"一网通办\""));
        assert_eq!(fold("２０２４ 年 6 月底前"), "2024年6月底前");
        assert_eq!(fold("  加快建设\n产业园；"), "加快建设产业园");
        assert_eq!(fold("各区〔市、县〕政府"), "各区[市、县]政府");
        // Only the end is trimmed.
        assert_eq!(fold("一、二。三"), "一、二。三");
    }

    #[test]
    fn titles_match_exactly_or_without_their_own_note() {
        assert!(same_title("建设产业园。", "建设产业园"));
        assert!(same_title(
            "建设产业园（市工信局牵头，市财政局配合）",
            "建设产业园"
        ));
        assert!(same_title("强化科技创新(区科技局牵头)", "强化科技创新"));
        // A bracket that is not a note is part of the title.
        assert!(!same_title(
            "关于推动发展的若干举措（2025年版）",
            "关于推动发展的若干举措"
        ));
        // Cut short or run on: wrong.
        assert!(!same_title("建设产业", "建设产业园"));
        assert!(!same_title("建设产业园。推进配套设施建设", "建设产业园"));
    }

    #[test]
    fn deadlines_fold_and_ignore_a_trailing_completion_verb() {
        assert!(same_deadline(Some("12月底前完成"), Some("12月底前")));
        assert!(same_deadline(
            Some("2024 年 6 月底前"),
            Some("2024年6月底前")
        ));
        assert!(same_deadline(None, None));
        assert!(same_deadline(Some(""), None));
        assert!(!same_deadline(Some("年内持续推进"), Some("持续推进")));
        assert!(!same_deadline(None, Some("2025年底前")));
    }

    #[test]
    fn units_compare_as_multisets_with_accepted_forms() {
        let gold = vec![vec!["市发改委"], vec!["财政局", "市财政局"]];
        assert!(same_units(&["市财政局", "市发改委"], &gold));
        assert!(same_units(&["市发改委", "财政局"], &gold));
        assert!(!same_units(&["市发改委"], &gold));
        assert!(!same_units(&["市发改委", "市财政局", "市税务局"], &gold));
        assert!(!same_units(&["市发改委", "市发改委"], &gold));
        assert!(same_units(&[], &[]));
    }

    #[test]
    fn pairing_is_one_to_one_in_order() {
        let gold = ["甲", "乙", "甲"];
        let ext = ["乙", "甲", "丙"];
        let p = pair(&gold, &ext, |e, g| e == g);
        assert_eq!(p, vec![Some(1), Some(0), None]);
    }
}
