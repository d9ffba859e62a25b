//! Time clauses: `2025年底前`, `12月底前完成`, `年内持续推进`,
//! `2024年第三季度`, `每年12月底前`, `长期坚持` — read as deadlines, never
//! as units.
//!
//! A time expression is a run of time words: a year (`2025年`,
//! `2023—2025年`, `年内`, `每年`), a part of it (`上半年`, `年底`,
//! `第三季度`), a month and day (`6月`, `十二月`, `30日`), and modifiers
//! (`底`, `末`, `上旬`, `前`, `以前`, `内`, `起`). A deadline is a time
//! expression, a standing phrase (`持续推进`), or both (`年内持续推进`);
//! inside a note, a time expression followed by what is to be done by then
//! (`2025年6月底前完成政策发布`) is one too, kept whole.

use super::text::*;
use super::vocab::{
    DEADLINE_ACTIONS, DEADLINE_ADVERBS, DEADLINE_CONTINUATIONS, ROLE_WORDS, STANDING_DEADLINES,
};

/// Where a time expression starting at `s` ends, if one starts there.
fn time_expression_end(t: &Text, s: usize, e: usize) -> Option<usize> {
    let c = &t.norm[s..e];
    let digit = |i: usize| c.get(i).is_some_and(|ch| ch.is_ascii_digit());
    let cn = |i: usize| {
        c.get(i)
            .is_some_and(|ch| "一二三四五六七八九十".contains(*ch))
    };
    let at = |i: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        c.len() >= i + w.len() && c[i..i + w.len()] == w[..]
    };
    let mut i = 0;
    let mut parts = 0;
    loop {
        let before = i;
        // Whole words first (longest first).
        if let Some(w) = [
            "每年度",
            "本年度",
            "年度内",
            "上半年",
            "下半年",
            "每季度",
            "每年",
            "每月",
            "年内",
            "今年",
            "明年",
            "当年",
            "本年",
            "年底",
            "年末",
            "年初",
            "年中",
            // Seasons of the work: `2026年汛期前`, `每年汛前`.
            "主汛期",
            "汛期",
            "汛前",
            "汛后",
        ]
        .iter()
        .find(|w| at(i, w))
        {
            i += w.chars().count();
            parts += 1;
        } else if digit(i) {
            let mut j = i;
            while digit(j) {
                j += 1;
            }
            let n = j - i;
            // A year, or a range of years: 2025年, 2023—2025年.
            if n == 4
                && c.get(j).is_some_and(|ch| "—–-~至到".contains(*ch))
                && (1..=4).all(|k| digit(j + k))
            {
                j += 5;
            }
            match c.get(j) {
                Some('年') if n == 4 => {}
                Some('月') | Some('日') if n <= 2 => {}
                Some('季') if n == 1 && at(j, "季度") => j += 1,
                _ => break,
            }
            i = j + 1;
            parts += 1;
        } else if cn(i) || (at(i, "第") && (cn(i + 1) || digit(i + 1))) {
            // 十二月, 三季度, 第三季度
            let mut j = if at(i, "第") { i + 1 } else { i };
            while cn(j) || digit(j) {
                j += 1;
            }
            if at(j, "月") {
                i = j + 1;
            } else if at(j, "季度") {
                i = j + 2;
            } else {
                break;
            }
            parts += 1;
        } else if parts > 0 {
            // Modifiers after a part.
            match [
                "以前", "之前", "上旬", "中旬", "下旬", "份", "底", "末", "初", "前", "内", "起",
                "止",
            ]
            .iter()
            .find(|w| at(i, w))
            {
                Some(w) => i += w.chars().count(),
                None => break,
            }
        }
        if i == before {
            break;
        }
    }
    (parts > 0).then_some(s + i)
}

fn is_standing(t: &Text, s: usize, e: usize) -> bool {
    let norm = t.norm_str(s, e);
    STANDING_DEADLINES.contains(&norm.as_str())
}

/// `start..end` read as a deadline, returned as written: a time
/// expression (a trailing `完成` dropped), a standing phrase, or a time
/// expression and a standing phrase.
pub(super) fn deadline_in(t: &Text, start: usize, end: usize) -> Option<String> {
    let (s, mut e) = t.trim(start, end);
    if s >= e || e - s > 30 {
        return None;
    }
    // `2025年底前完成` is `2025年底前`.
    let done: Vec<char> = "完成".chars().collect();
    if t.ends_with_at(s, e, &done) && e - done.len() > s {
        e -= done.len();
    }
    if is_standing(t, s, e) {
        return Some(t.orig_str(s, e));
    }
    let k = time_expression_end(t, s, e)?;
    (k == e || is_standing(t, k, e)).then(|| t.orig_str(s, e))
}

/// Like [`deadline_in`], and also a time expression followed by what is to
/// be done by then (`12月底前完成年度任务`), kept whole: for clauses inside
/// notes, where a time says when, never who.
pub(super) fn time_clause(t: &Text, start: usize, end: usize) -> Option<String> {
    if let Some(d) = deadline_in(t, start, end) {
        return Some(d);
    }
    let (s, e) = t.trim(start, end);
    let k = time_expression_end(t, s, e)?;
    let rest = t.norm_str(k, e);
    (DEADLINE_ACTIONS.iter().any(|a| rest.starts_with(a)) || is_short_work(&rest))
        .then(|| t.orig_str(s, e))
}

/// Whether `rest`, after a time inside a note, is a few words of what is
/// due (`上线`, `投入使用`, `全线通车`, `上线事项完成50%`) rather than a unit
/// or its role: a note names units and times, so a short tail naming no
/// unit is the time's work, whatever its verb; a longer one says what is
/// done by then (`完成`, `建成`…).
fn is_short_work(rest: &str) -> bool {
    let n = rest.chars().count();
    let states_what_is_done = || n <= 16 && DEADLINE_ACTIONS.iter().any(|a| rest.contains(a));
    ((1..=8).contains(&n) || states_what_is_done())
        && !super::names::reads_as_unit(rest)
        && !ROLE_WORDS.iter().any(|w| rest.contains(w))
}

/// Whether `start..end`, the clause after a deadline's, goes on with it: a
/// second time clause (`…、2028年全面完成`, `…，年底完成种植任务`), or the
/// rest of the work or what follows it with its time (`其余年内完成`,
/// `此后持续推进`). A two-part deadline is kept whole, as written.
pub(super) fn continues_deadline(t: &Text, start: usize, end: usize) -> bool {
    let (s, e) = t.trim(start, end);
    if s >= e {
        return false;
    }
    let rest = t.norm_str(s, e);
    let s = DEADLINE_CONTINUATIONS
        .iter()
        .find(|w| rest.starts_with(**w))
        .map_or(s, |w| s + w.chars().count());
    time_clause(t, s, e).is_some()
}

/// Whether `text` is wholly a time (`2026年`, `年底前`, `第三季度`) or a
/// standing phrase (`持续推进`): a bracket holding only that, closing a
/// task's title (`改造村卫生室40个（2026年）`), says when the work is due and
/// is no part of its title.
pub fn is_time_only(text: &str) -> bool {
    let t = Text::new(text);
    deadline_in(&t, 0, t.norm.len()).is_some()
}

/// A time clause as running text states it, outside a note's brackets
/// (`…，2025年6月底前完成检测能力建设。`): the time and its verb
/// (`2025年6月底前完成`, `年底前基本建成`); what the verb takes is the work,
/// not when it is due. A clause with no such verb is kept as it is.
pub fn time_and_verb(clause: &str) -> String {
    let t = Text::new(clause);
    let (s, e) = t.trim(0, t.norm.len());
    // A deadline as it stands (`年内持续推进`, `2025年底前完成`) is kept.
    if deadline_in(&t, s, e).is_some() {
        return clause.to_owned();
    }
    let Some(mut k) = time_expression_end(&t, s, e) else {
        return clause.to_owned();
    };
    // An adverb (`基本`, `全面`) before the verb is part of it.
    for _ in 0..2 {
        let rest = t.norm_str(k, e);
        let Some(action) = DEADLINE_ACTIONS.iter().find(|a| rest.starts_with(**a)) else {
            break;
        };
        k += action.chars().count();
        if !DEADLINE_ADVERBS.contains(action) {
            break;
        }
    }
    t.orig_str(s, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        let t = Text::new(s);
        deadline_in(&t, 0, t.norm.len())
    }

    fn clause(s: &str) -> Option<String> {
        let t = Text::new(s);
        time_clause(&t, 0, t.norm.len())
    }

    #[test]
    fn deadlines() {
        for (text, want) in [
            ("2025年底前", "2025年底前"),
            ("2025年底前完成", "2025年底前"),
            ("12月底前完成", "12月底前"),
            ("2024年12月", "2024年12月"),
            ("2024年第三季度", "2024年第三季度"),
            ("每年12月底前", "每年12月底前"),
            ("2023—2025年", "2023—2025年"),
            ("2025年6月30日前", "2025年6月30日前"),
            ("年内持续推进", "年内持续推进"),
            ("持续推进", "持续推进"),
            ("长期坚持", "长期坚持"),
            ("十二月底前", "十二月底前"),
            ("上半年", "上半年"),
            ("２０２５年底前", "２０２５年底前"),
        ] {
            assert_eq!(d(text).as_deref(), Some(want), "{text}");
        }
        for text in [
            "市发改局",
            "到2025年",
            "2025年实现全覆盖",
            "年度考核办公室",
            "三月街管委会",
            "6月底前实现系统对接",
        ] {
            assert_eq!(d(text), None, "{text}");
        }
    }

    #[test]
    fn time_clauses_inside_notes_keep_what_is_due() {
        assert_eq!(
            clause("2025年6月底前完成政策发布").as_deref(),
            Some("2025年6月底前完成政策发布")
        );
        assert_eq!(
            clause("12月底前完成年度任务").as_deref(),
            Some("12月底前完成年度任务")
        );
        assert_eq!(clause("9月底前完成").as_deref(), Some("9月底前"));
        assert_eq!(clause("市发改局负责"), None);
        assert_eq!(clause("三季度末前上线").as_deref(), Some("三季度末前上线"));
        assert_eq!(clause("年底前投入使用").as_deref(), Some("年底前投入使用"));
        assert_eq!(clause("年底前市交通局"), None);
        assert_eq!(clause("2026年起各镇人民政府负责"), None);
        assert_eq!(
            clause("2026年起每年考核").as_deref(),
            Some("2026年起每年考核")
        );
    }

    #[test]
    fn second_parts_of_a_deadline_continue_it() {
        let goes_on = |s: &str| {
            let t = Text::new(s);
            continues_deadline(&t, 0, t.norm.len())
        };
        for text in [
            "2028年全面完成",
            "年底完成栽植任务",
            "其余年内完成",
            "此后持续推进",
        ] {
            assert!(goes_on(text), "{text}");
        }
        for text in ["市林业局配合", "其余由各镇负责", "此后", ""] {
            assert!(!goes_on(text), "{text}");
        }
    }

    #[test]
    fn running_text_keeps_the_time_and_its_verb() {
        assert_eq!(
            time_and_verb("2025年6月底前完成检测能力建设"),
            "2025年6月底前完成"
        );
        assert_eq!(time_and_verb("年底前基本建成示范片区"), "年底前基本建成");
        assert_eq!(time_and_verb("2025年底前"), "2025年底前");
        assert_eq!(time_and_verb("年内持续推进"), "年内持续推进");
        assert!(is_time_only("2026年") && is_time_only("第三季度"));
        assert!(!is_time_only("一期") && !is_time_only("2026年建成"));
    }
}
