//! Document metadata: title, issuer, date, document number, jurisdiction.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer;
use super::normalise::{Para, ParaKind};
use super::numbering::cn_number;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub date: Option<String>,
    pub number: Option<String>,
    /// The jurisdiction's name (a known division's canonical name, or a
    /// name read from the text such as `XX市`).
    pub jurisdiction: Option<String>,
}

use super::phrases::PLAN_TITLE_ENDINGS as TITLE_ENDINGS;

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{1,8}[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,4}\s*号").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:\d{4})|(?:[一二三四五六七八九〇零]{4}))年((?:\d{1,2})|(?:[一二三四五六七八九十]{1,3}))月(?:((?:\d{1,2})|(?:[一二三四五六七八九十]{1,3}))日)?\s*$").unwrap()
});
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:来源[:：]\s*)?([\p{Han}()（）]{2,30}(?:人民政府|委员会|管委会|管理委员会|办公室|办公厅|人民政府办公室))\s*$")
        .unwrap()
});
static QUOTED_WORK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《([^》]{4,80})》").unwrap());

pub fn read_meta(front: &[Para], all_text: &str) -> Meta {
    let mut meta = Meta::default();
    let lines: Vec<&str> = front
        .iter()
        .map(|p| p.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();

    meta.number = DOC_NUMBER
        .find(all_text)
        .map(|m| m.as_str().replace(' ', ""));
    meta.date = lines.iter().find_map(|l| parse_date(l));
    meta.issuer = lines
        .iter()
        .rev()
        .find_map(|l| ISSUER.captures(l).map(|c| c[1].to_owned()))
        .filter(|s| !s.starts_with("关于"));
    meta.title = find_title(front);
    if meta.title.is_none() {
        // A web page about a plan: the plan it calls 《…》 (以下简称…).
        meta.title = QUOTED_WORK
            .captures_iter(all_text)
            .map(|c| c[1].to_owned())
            .find(|t| TITLE_ENDINGS.iter().any(|e| t.ends_with(e)))
            .map(|t| strip_extension(&t).to_owned());
    }
    // Places are looked up in simplified characters (臺山市 is 台山市).
    meta.jurisdiction = find_jurisdiction(
        &crate::zh::to_simplified(meta.title.as_deref().unwrap_or("")),
        &crate::zh::to_simplified(all_text),
    );
    meta
}

fn strip_extension(t: &str) -> &str {
    for ext in [".docx", ".doc", ".pdf", ".wps", ".txt"] {
        if let Some(s) = t.strip_suffix(ext) {
            return s;
        }
    }
    t
}

/// The title among the front matter: short lines (possibly split over two)
/// ending like a plan title; `关于印发《X》的通知` gives X.
fn find_title(front: &[Para]) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    let short: Vec<&str> = front
        .iter()
        .filter(|p| {
            matches!(p.kind, ParaKind::Numbered(_) | ParaKind::Plain)
                || p.text.chars().count() <= 60
        })
        .map(|p| p.text.as_str())
        .collect();
    for (i, line) in short.iter().enumerate() {
        candidates.push(line.to_string());
        if let Some(next) = short.get(i + 1) {
            candidates.push(format!("{line}{next}"));
        }
    }
    // Embedded document names (`《X.docx》由会员分享`).
    // Embedded document names (`《X.docx》由会员分享`) are the document itself;
    // other quoted titles in the preamble are plans it cites.
    let mut file_names: Vec<String> = Vec::new();
    for p in front {
        for c in QUOTED_WORK.captures_iter(&p.text) {
            if strip_extension(&c[1]) != &c[1] {
                file_names.push(strip_extension(&c[1]).to_owned());
            }
        }
    }
    let clean = |t: &str| -> String {
        let t = t
            .trim()
            .trim_start_matches(|c: char| c == '•' || c.is_whitespace());
        let t = t
            .strip_prefix("关于印发")
            .and_then(|r| r.strip_suffix("的通知"))
            .map(|r| r.trim_matches(['《', '》']))
            .unwrap_or(t);
        t.to_owned()
    };
    let mut best: Option<(i32, String)> = None;
    for name in file_names {
        best = Some((20, name));
    }
    for c in candidates {
        let t = clean(&c);
        let n = t.chars().count();
        if !(6..=80).contains(&n) || t.contains(['。', '，', ',']) {
            continue;
        }
        let ends = TITLE_ENDINGS.iter().any(|e| t.ends_with(e));
        let near = !ends && TITLE_ENDINGS.iter().any(|e| t.contains(e));
        let mut score = if ends {
            10
        } else if near {
            3
        } else {
            continue;
        };
        if c.contains("关于印发") {
            score -= 1; // prefer the plan's own title over the notice's
        }
        if t.ends_with("通知") {
            score -= 5;
        }
        if best
            .as_ref()
            .is_none_or(|(s, b)| score > *s || (score == *s && n > b.chars().count()))
        {
            best = Some((score, t));
        }
    }
    best.map(|(_, t)| t)
}

/// A line that is only a date (`2021年2月3日`, `二〇二一年六月`): the date
/// a notice is signed with.
pub fn is_date_line(line: &str) -> bool {
    parse_date(line.trim()).is_some()
}

fn parse_date(line: &str) -> Option<String> {
    let c = DATE.captures(line)?;
    let year: u32 = if c[1].chars().all(|ch| ch.is_ascii_digit()) {
        c[1].parse().ok()?
    } else {
        c[1].chars()
            .map(|ch| cn_number(&ch.to_string()))
            .try_fold(0, |acc, d| d.map(|d| acc * 10 + d))?
    };
    let month = cn_number(&c[2])?;
    if !(1..=12).contains(&month) {
        return None;
    }
    Some(match c.get(3).and_then(|d| cn_number(d.as_str())) {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    })
}

/// The most specific known division the title names, else the one the
/// text names most often, else a `…市/区/县` name the text uses most.
fn find_jurisdiction(title: &str, text: &str) -> Option<String> {
    let deepest = |found: Vec<(usize, &'static str, &'static str)>| {
        found
            .into_iter()
            .max_by_key(|(at, name, _)| (gazetteer::depth(name), std::cmp::Reverse(*at)))
            .map(|(_, name, _)| name.to_owned())
    };
    if let Some(j) = deepest(gazetteer::jurisdictions_in(title)) {
        return Some(j);
    }
    // Count mentions of each known division in the text.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for d in gazetteer::DIVISIONS {
        let n: usize = std::iter::once(&d.name)
            .chain(d.aliases.iter())
            .map(|a| text.matches(a).count())
            .sum();
        if n > 0 {
            counts.insert(d.name, n);
        }
    }
    if let Some((name, _)) = counts
        .iter()
        .max_by_key(|(name, n)| (**n, gazetteer::depth(name), std::cmp::Reverse(**name)))
    {
        return Some((*name).to_owned());
    }
    // Anonymised or unknown places: count every ending of `…市/县` runs, so
    // `结合XX市` and `XX市强` both count for `XX市`; the longer name wins ties.
    static PLACE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([\p{Han}X]{1,3})(市|县)").unwrap());
    const NOT_PLACES: &[&str] = &[
        "城", "全", "本", "我", "各", "该", "省", "都", "超", "上", "地", "州", "一", "强",
    ];
    // A plan calls its own area 全市 / 全县 / 全区: that says which level to look for.
    let level = ["市", "县", "区"]
        .into_iter()
        .max_by_key(|l| {
            ["全", "本", "我"]
                .iter()
                .map(|p| text.matches(&format!("{p}{l}")).count())
                .sum::<usize>()
        })
        .unwrap_or("市");
    let mut counts: HashMap<String, usize> = HashMap::new();
    for c in PLACE.captures_iter(text) {
        if &c[2] != level {
            continue;
        }
        let stem: Vec<char> = c[1].chars().collect();
        for start in 0..stem.len() {
            let s: String = stem[start..].iter().collect();
            if NOT_PLACES.iter().any(|w| s.ends_with(w))
                || s.chars().count() < 2 && !s.contains('X')
            {
                continue;
            }
            *counts.entry(format!("{s}{}", &c[2])).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(name, n)| (*n, name.chars().count(), std::cmp::Reverse(name.clone())))
        .map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalise::normalise;

    #[test]
    fn notice_with_title_issuer_date_and_number() {
        let text = "关于印发台山市加快构建“三大中心”区域发展新格局实施方案的通知\n台府〔2021〕3号\n各镇(街)政府:\n现将方案印发给你们,请认真组织实施。\n台山市人民政府\n2021年2月3日\n台山市加快构建“三大中心”区域\n发展新格局实施方案\n一、总体目标";
        let n = normalise(text);
        let front: Vec<Para> = n
            .paras
            .iter()
            .take_while(|p| !p.text.starts_with("一、"))
            .cloned()
            .collect();
        let m = read_meta(&front, text);
        assert_eq!(
            m.title.as_deref(),
            Some("台山市加快构建“三大中心”区域发展新格局实施方案")
        );
        assert_eq!(m.issuer.as_deref(), Some("台山市人民政府"));
        assert_eq!(m.date.as_deref(), Some("2021-02-03"));
        assert_eq!(m.number.as_deref(), Some("台府〔2021〕3号"));
        assert_eq!(m.jurisdiction.as_deref(), Some("台山市"));
    }

    #[test]
    fn chinese_numeral_dates() {
        assert_eq!(parse_date("二〇二一年六月").as_deref(), Some("2021-06"));
        assert_eq!(parse_date("2021年2月3日").as_deref(), Some("2021-02-03"));
        assert_eq!(parse_date("2021年13月"), None);
    }

    #[test]
    fn anonymised_jurisdiction() {
        let text = "XX市强县弱。结合XX市总体规划修编。全市划分为三个片区。";
        assert_eq!(
            find_jurisdiction("关于构建区域发展新格局的指导意见", text).as_deref(),
            Some("XX市")
        );
    }

    #[test]
    fn most_specific_division_in_title() {
        assert_eq!(
            find_jurisdiction("江门市西部发展区发展战略规划", "").as_deref(),
            Some("江门市西部发展区")
        );
        assert_eq!(
            find_jurisdiction("江门高新区(江海区)国民经济和社会发展第十四个五年规划", "")
                .as_deref(),
            Some("江海区")
        );
    }
}
