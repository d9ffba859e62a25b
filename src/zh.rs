//! Traditional (繁體) → simplified (简体) Chinese, for matching only.
//!
//! Names are always kept as the document writes them; the extractor and the
//! search match on a simplified copy so that `牽頭` reads as `牵头` and
//! `臺山市發展和改革局` finds `台山市发展和改革局`.
//!
//! The conversion table comes from the `fast2s` crate (MIT; its table is
//! derived from OpenCC's, Apache-2.0). It maps one character to one
//! character, which lets callers line up offsets between the original text
//! and its simplified copy.

use std::borrow::Cow;

/// The simplified form of `s`. Borrows when nothing changes (ASCII or text
/// that is already simplified), so it is cheap to call on every string.
pub fn to_simplified(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let converted = fast2s::convert(s);
    if converted == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(converted)
    }
}

/// The simplified form of `s` as chars, exactly one per char of `s`, so that
/// index `i` of the result corresponds to char `i` of the input.
pub fn simplified_chars(s: &str) -> Vec<char> {
    let original: Vec<char> = s.chars().collect();
    let converted: Vec<char> = to_simplified(s).chars().collect();
    if converted.len() == original.len() {
        converted
    } else {
        // The table is one-to-one; keep the alignment promise even if a
        // future version of it is not.
        original
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 {
        return "零".into();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let (thousands, hundreds, tens, ones) = (n / 1000, n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    if thousands > 0 {
        s.push(DIGITS[thousands as usize]);
        s.push('千');
    }
    if hundreds > 0 {
        s.push(DIGITS[hundreds as usize]);
        s.push('百');
    } else if thousands > 0 && (tens > 0 || ones > 0) {
        s.push('零');
    }
    if tens > 0 {
        if !(n < 20 && tens == 1) {
            s.push(DIGITS[tens as usize]);
        }
        s.push('十');
    } else if hundreds > 0 && ones > 0 {
        s.push('零');
    }
    if ones > 0 {
        s.push(DIGITS[ones as usize]);
    }
    s
}

/// Chinese numerals (`十七`, `一百零三`, `两千`) and Arabic digits (also
/// full-width) as a value.
pub fn cn_number(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| fold_digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0u32, |n, c| n.checked_mul(10)?.checked_add(fold_digit(c)?));
    }
    let mut total: u32 = 0;
    let mut section: u32 = 0;
    let mut current: u32 = 0;
    for c in s.chars() {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '万' => 10_000,
            _ => {
                current = cn_digit(c)?;
                continue;
            }
        };
        if unit == 10_000 {
            total = total.checked_add(section.checked_add(current)?.checked_mul(unit)?)?;
            section = 0;
        } else {
            let n = if current == 0 { 1 } else { current };
            section = section.checked_add(n.checked_mul(unit)?)?;
        }
        current = 0;
    }
    total.checked_add(section)?.checked_add(current)
}

/// A character of the CJK Unified Ideographs block, as names and titles
/// are written. (Spacing rules in `extract::normalise` also count the
/// extension blocks.)
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// An ASCII or full-width digit's value.
pub(crate) fn fold_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_unit_names_and_verbs() {
        assert_eq!(
            to_simplified("臺山市發展和改革局牽頭"),
            "台山市发展和改革局牵头"
        );
        assert_eq!(to_simplified("責任單位：市財政局"), "责任单位：市财政局");
        assert_eq!(to_simplified("配合單位"), "配合单位");
    }

    #[test]
    fn borrows_when_already_simplified() {
        assert!(matches!(
            to_simplified("市发展和改革局牵头"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(to_simplified("abc"), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_one_char_per_char() {
        let s = "（臺山市）牽頭，abc 配合";
        assert_eq!(simplified_chars(s).len(), s.chars().count());
    }

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [1, 9, 10, 11, 20, 21, 100, 105, 110]
            .iter()
            .map(|&n| chinese_number(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十"
            ]
        );
    }
}
