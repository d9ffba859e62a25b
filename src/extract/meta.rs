//! Document metadata: title, issuer, date, document number, jurisdiction.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer;
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

use super::phrases::{self, ends_like_plan_title};

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{1,8}[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,4}\s*号").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:\d{4})|(?:[一二三四五六七八九〇○零]{4}))年((?:\d{1,2})|(?:[一二三四五六七八九十]{1,3}))月(?:((?:\d{1,2})|(?:[一二三四五六七八九十]{1,3}))日)?\s*$").unwrap()
});
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:来源[:：]\s*)?([\p{Han}()（）]{2,30}(?:人民政府|委员会|管委会|管理委员会|办公室|办公厅|人民政府办公室))\s*$")
        .unwrap()
});
static QUOTED_WORK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《([^》]{4,80})》").unwrap());

/// The facts of a document: `front` is its front matter (the paragraphs'
/// texts), of which the first `cover` are a cover notice. (Texts, not
/// paragraphs, so that `normalise` may ask this module about lines.)
pub fn read_meta(front: &[&str], cover: usize, all_text: &str) -> Meta {
    let mut meta = Meta::default();
    let lines: Vec<&str> = front.iter().copied().filter(|t| !t.is_empty()).collect();

    meta.number = DOC_NUMBER
        .find(all_text)
        .map(|m| m.as_str().replace(' ', ""));
    meta.date = lines.iter().find_map(|l| parse_date(l));
    meta.issuer = lines
        .iter()
        .rev()
        .find_map(|l| ISSUER.captures(l).map(|c| c[1].to_owned()))
        .filter(|s| !s.starts_with("关于"));
    meta.title = find_title(front, cover);
    if meta.title.is_none() {
        // A web page about a plan: the plan it calls 《…》 (以下简称…).
        meta.title = QUOTED_WORK
            .captures_iter(all_text)
            .map(|c| c[1].to_owned())
            .find(|t| ends_like_plan_title(t))
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

/// The plan's title, from its title lines in the front matter.
///
/// Title lines are short lines with no sentence or label punctuation that
/// are no date, document number, publication remark or addressee; runs of
/// them (blank lines aside) form title blocks, a title running over
/// several lines (`台山市加快构建“三大中心”区域` / `发展新格局实施方案`, an
/// issuer line before `关于…的通知`) and an edition line after it
/// (`（2025年版）`) included. A plan's own title is preferred to the
/// notice that issues it (`关于印发《X》的通知` gives X when the plan's
/// title is not repeated); the notice's own title is the last resort.
fn find_title(front: &[&str], cover: usize) -> Option<String> {
    // Embedded document names (`《X.docx》由会员分享`) are the document itself;
    // other quoted titles in the preamble are plans it cites.
    for p in front {
        for c in QUOTED_WORK.captures_iter(p) {
            if strip_extension(&c[1]) != &c[1] {
                return Some(strip_extension(&c[1]).to_owned());
            }
        }
    }
    let mut plans: Vec<(usize, String)> = Vec::new();
    let mut notices: Vec<String> = Vec::new();
    for (at, lines) in title_blocks(front) {
        let mut from = 0;
        for k in 0..lines.len() {
            // A title's last line, its edition in brackets aside
            // (`…规划(2022年更新)`).
            let bare = match lines[k].rfind(['（', '(']) {
                Some(b) if b > 0 && lines[k].ends_with(['）', ')']) => &lines[k][..b],
                _ => lines[k].as_str(),
            };
            let ends = ends_like_plan_title(bare);
            // `…第十四个五年规划` / `分片区实施纲要`: a short line, or one
            // naming no place, that ends a title too carries the title on.
            let carried_on = lines.get(k + 1).is_some_and(|next| {
                ends_like_plan_title(next)
                    && (title_place(next).is_none() || next.chars().count() <= 10)
                    && !next.starts_with("关于")
                    && !bare.ends_with("通知")
                    && !bare.ends_with('函')
            });
            if !ends || carried_on {
                continue;
            }
            let mut title: String = lines[from..=k].concat();
            // An edition or period after the title (`（2025年版）`, `（试行）`).
            let mut next = k + 1;
            while let Some(l) = lines.get(next)
                && is_edition(l)
            {
                title.push_str(l);
                next += 1;
            }
            let start = from;
            from = next;
            if !(4..=80).contains(&title.chars().count()) {
                continue;
            }
            if title.ends_with("通知") || title.ends_with('函') {
                if let Some(issued) = issued_plan(&title) {
                    plans.push((usize::MAX - 1, issued));
                }
                notices.push(title);
            } else {
                plans.push((at + start, title));
            }
        }
    }
    // The plan's own title stands last before its text (after a cover
    // notice, after a web page's header); a plan named by the notice that
    // issues it comes next, the notice itself last.
    // A title naming its place outranks a caption-like one naming none
    // (`梓川市…规划责任分解` over a later `“十四五”…具体建设任务`).
    let _ = cover;
    let issued = plans.iter().position(|(at, _)| *at == usize::MAX - 1);
    let own = plans
        .iter()
        .filter(|(at, _)| *at != usize::MAX - 1)
        .max_by_key(|(at, t)| (title_place(t).is_some(), *at));
    own.or(issued.map(|i| &plans[i]))
        .map(|(_, t)| t.clone())
        .or_else(|| notices.into_iter().next())
}

/// A line after a title naming its edition or period (`（2025年版）`,
/// `（试行）`, `（2021—2025年）`); a remark in brackets
/// (`（经区人大会议票决产生）`) is about the plan, not part of its title.
fn is_edition(line: &str) -> bool {
    const EDITION_WORDS: &[&str] = &["年", "版", "试行", "暂行", "稿", "修订", "草案", "更新"];
    let Some(inner) = line
        .strip_prefix(['（', '('])
        .and_then(|l| l.strip_suffix(['）', ')']))
    else {
        return false;
    };
    inner.chars().count() <= 12 && EDITION_WORDS.iter().any(|w| inner.contains(w))
}

/// `…关于印发《X》的通知` → X.
fn issued_plan(notice: &str) -> Option<String> {
    let after = &notice[notice.find("印发")? + "印发".len()..];
    let x = after.strip_suffix("的通知")?;
    let x = x.trim_matches(['《', '》', '〈', '〉']);
    (x.chars().count() >= 4).then(|| x.to_owned())
}

/// Runs of title lines in the front matter, each with the index of its
/// first line.
fn title_blocks(front: &[&str]) -> Vec<(usize, Vec<String>)> {
    let mut blocks: Vec<(usize, Vec<String>)> = Vec::new();
    let mut current: Option<(usize, Vec<String>)> = None;
    for (i, p) in front.iter().enumerate() {
        match title_line(p) {
            Some(t) => current.get_or_insert_with(|| (i, Vec::new())).1.push(t),
            None => blocks.extend(current.take()),
        }
    }
    blocks.extend(current);
    blocks
}

/// `附件`, `附件1：`, `附件二 `: the label of an attachment.
static ATTACHMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*").unwrap());

/// The title an attachment label gives (`附件：某区重点项目责任分工表` →
/// `某区重点项目责任分工表`; empty for a bare `附件2`), or None when the
/// line is no attachment label.
pub fn attachment_title(text: &str) -> Option<String> {
    let t = text.trim();
    let m = ATTACHMENT.find(t)?;
    let rest = t[m.end()..].trim();
    if rest.is_empty() {
        return Some(String::new());
    }
    title_line(rest)
}

/// The title a line gives a task table standing right below it: an
/// attachment label's (`附件：X`), or the line itself when it reads as a
/// title (`2026年重点项目`, a table's caption line with no sentence in it).
pub fn table_title(text: &str) -> Option<String> {
    match attachment_title(text) {
        Some(label) => Some(label),
        None => title_line(text),
    }
    .filter(|t| !t.is_empty())
}

/// `附件：1.X`: a label listing the attachments one a line, numbered; the
/// lines after it (`2.Y`) continue the list.
pub fn opens_attachment_list(text: &str) -> bool {
    let t = text.trim();
    ATTACHMENT.find(t).is_some_and(|m| {
        let mut rest = t[m.end()..].trim_start().chars();
        rest.next() == Some('1') && matches!(rest.next(), Some('.' | '．' | '、'))
    })
}

/// `2.某区工作专班成员名单` after `附件：1.X`: an entry of the list of
/// attachments, a title only (no sentence).
pub fn is_attachment_entry(text: &str) -> bool {
    title_line(text).is_some()
}

/// Whether a line before anything else reads as the plan's title (or an
/// attachment label before it), not as a heading.
pub fn is_title_line(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("附件") && t.chars().count() <= 4
        || title_line(t).is_some_and(|t| ends_like_plan_title(&t))
}

/// A line as part of a title, or None when it cannot be one.
fn title_line(text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_start_matches(|c: char| c == '•' || c.is_whitespace());
    // `附件1：…` labels the attachment; the title follows.
    let t = ATTACHMENT.replace(t, "");
    let t = t.trim();
    let n = t.chars().count();
    let cjk = t.chars().filter(|&c| crate::zh::is_han(c)).count();
    let bracketed = t.starts_with(['（', '(']) && t.ends_with(['）', ')']);
    // A notice's title names the plan it acts on and runs long
    // (`X关于分解落实《…纲要》主要目标和任务的通知`).
    let notice = t.contains("关于") && t.ends_with("通知");
    let excluded = n == 0
        || n > if notice { 80 } else { 40 }
        || cjk < 2
        || text.contains('•')
        || t.contains(['。', '，', ',', '：', ':', '；'])
        || is_date_line(t)
        || super::phrases::is_page_meta(t)
        || DOC_NUMBER.is_match(t)
        || (bracketed && (t.contains("此件") || t.contains("公开")));
    (!excluded).then(|| t.to_owned())
}

/// A line that is only an issuing body's name (`某县人民政府办公室`): the
/// signature a notice or plan closes with.
pub fn is_issuer_line(line: &str) -> bool {
    ISSUER.is_match(line.trim())
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

/// The place an unknown title begins with (`芷阳市2022年…工作要点`, `关于印发
/// 芷阳市澂浦区…的通知`, `石桥镇2026年…任务分解`): the innermost of its
/// leading `…省/市/州/县/区/镇/乡/街道` names. A name is two to four
/// characters before its level; a level character that starts a word
/// (`区域`, `市场`, `县域`, `乡村`) is no level, and a name holding a verb of
/// work (`…加快城区建设`) is the title's work, not a place.
fn title_place(title: &str) -> Option<String> {
    static PLACE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{Han}{2,4}?(?:省|市|州|县|区|镇|乡|街道)").unwrap());
    let mut rest = title.trim_start_matches("关于").trim_start_matches("印发");
    rest = rest.trim_start_matches('《');
    let mut innermost = None;
    while let Some(m) = PLACE.find(rest) {
        let after = &rest[m.end()..];
        if after.starts_with([
            '域', '场', '民', '级', '直', '属', '辖', '内', '外', '政', '容', '貌', '村',
        ]) || phrases::WORK_VERBS
            .iter()
            .chain(phrases::PACE_WORDS)
            .any(|v| m.as_str().contains(v))
        {
            break;
        }
        innermost = Some(m.as_str());
        rest = after;
    }
    // 全市 / 本区 / 各县 and the like are not names.
    innermost
        .filter(|p| !p.starts_with(['全', '本', '各', '我', '该', '市', '县', '区']))
        .map(str::to_owned)
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
    if let Some(j) = title_place(title) {
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
        let front: Vec<&str> = n
            .paras
            .iter()
            .map(|p| p.text.as_str())
            .take_while(|t| !t.starts_with("一、"))
            .collect();
        let m = read_meta(&front, 0, text);
        assert_eq!(
            m.title.as_deref(),
            Some("台山市加快构建“三大中心”区域发展新格局实施方案")
        );
        assert_eq!(m.issuer.as_deref(), Some("台山市人民政府"));
        assert_eq!(m.date.as_deref(), Some("2021-02-03"));
        assert_eq!(m.number.as_deref(), Some("台府〔2021〕3号"));
        assert_eq!(m.jurisdiction.as_deref(), Some("台山市"));
    }

    /// The title of `text`, read from its paragraphs before the first `一、`
    /// or `第一章`.
    fn title_of(text: &str) -> Option<String> {
        let n = normalise(text);
        let front: Vec<&str> = n
            .paras
            .iter()
            .map(|p| p.text.as_str())
            .take_while(|t| !t.starts_with("一、") && !t.starts_with("第一章"))
            .collect();
        read_meta(&front, 0, text).title
    }

    #[test]
    fn titles_over_two_lines_before_a_preamble_or_a_caption() {
        // Both lines end as titles do; the second, naming no place, goes on.
        assert_eq!(
            title_of("梅川市国民经济和社会发展第十四个五年规划\n分片区实施纲要\n\n前　言\n\n本纲要依据…编制。\n\n第一章　发展基础\n").as_deref(),
            Some("梅川市国民经济和社会发展第十四个五年规划分片区实施纲要")
        );
        // A long first line stands alone before the preamble.
        assert_eq!(
            title_of("梅川市关于进一步帮助市场主体纾困解难着力稳定经济增长的实施细则\n\n　　为贯彻落实省政府的若干措施，制定如下实施细则。\n\n一、落实财税支持政策\n").as_deref(),
            Some("梅川市关于进一步帮助市场主体纾困解难着力稳定经济增长的实施细则")
        );
        // A title naming its place outranks a later caption naming none.
        assert_eq!(
            title_of("梅川市应急体系建设“十四五”规划责任分解\n\n　　现将规划明确的任务进行责任分解。\n\n“十四五”应急体系具体建设任务\n\n一、体制机制\n").as_deref(),
            Some("梅川市应急体系建设“十四五”规划责任分解")
        );
        // A 通报 is titled so too.
        assert_eq!(
            title_of("梅川县2026年民生实事项目进展情况通报\n\n各乡镇人民政府：\n　　现将进展情况通报如下。\n\n一、总体情况\n").as_deref(),
            Some("梅川县2026年民生实事项目进展情况通报")
        );
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
    fn unknown_place_a_title_begins_with() {
        for (title, place) in [
            (
                "芷阳市2022年深化放管服改革优化营商环境工作要点",
                Some("芷阳市"),
            ),
            ("关于印发芷阳市澂浦区稳增长若干措施的通知", Some("澂浦区")),
            ("云岭县乡村振兴重点任务分工方案", Some("云岭县")),
            ("推进区域协调发展实施方案", None),
            ("关于加强市场监管的意见", None),
            ("全市安全生产工作要点", None),
            ("石桥镇2026年重点工作任务分解", Some("石桥镇")),
            ("石桥镇乡村振兴实施方案", Some("石桥镇")),
            ("云溪县青山乡人居环境整治方案", Some("青山乡")),
            ("云溪市加快城区建设实施方案", Some("云溪市")),
            ("云溪市推进城区更新行动方案", Some("云溪市")),
        ] {
            assert_eq!(find_jurisdiction(title, "").as_deref(), place, "{title}");
        }
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
