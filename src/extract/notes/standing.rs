//! Standing statements (`以下工作均需各县（市、区）落实，不再列出`): where
//! they stand in a text, so the list grammar (`body.rs`) skips them and
//! the rules (`rules.rs`) read their units.

use super::text::Text;
use super::vocab::STANDING_ENDS;

/// A standing statement in a text: the clause naming the units (before
/// `不再…`) and the whole statement's range, `下同` included.
pub(super) struct Standing {
    pub(super) clause: (usize, usize),
    pub(super) span: (usize, usize),
}

/// The standing statements in `start..end`
/// (`以下工作均需各县（市、区）落实，不再列出`).
pub(super) fn standing_statements(t: &Text, start: usize, end: usize) -> Vec<Standing> {
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
