//! Sub-regions a plan defines (三大中心, 一心两区四轴, 一核/两翼/三大片区 …),
//! with their members as the text lists them, and which region a goal is about.
//!
//! Plans define their spatial structure in a handful of ways, each handled
//! by one pattern below:
//! - a list before a counted name: `构建A、B和C“三大中心”`;
//! - a counted name and its parts: `两区：生态发展区和广海湾区。`;
//! - a region and what it includes: `“一核”包括XX、XX…`, `北翼以XX为重点`,
//!   `三大片区…划分为A、B、C`;
//! - a counted list: `A、B、C、D等四个一体化发展区`;
//! - a chapter named for a counted structure whose sections build each part
//!   (`推进江海版“三区并进”` → `高水平建设城市品质提升示范区` …).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::goals::GoalDraft as RawGoal;
use super::normalise::Para;
use super::numbering::cn_number;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionDraft {
    pub name: String,
    /// The name of the region it belongs to, when it is a part of one.
    pub parent: Option<String>,
    pub members: Vec<String>,
    pub line: u32,
}

/// Suffixes of planning-area names.
const AREA_SUFFIXES: &[&str] = &[
    "片区", "中心", "区", "翼", "核", "心", "轴", "带", "组团", "板块", "新城", "走廊",
];

const COUNT: &str = "[一二两三四五六七八九十]";

static COUNTED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{COUNT}+大?[\p{{Han}}]{{1,4}}$")).unwrap());
static LIST_BEFORE_COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([^，,。；：“”]{{4,120}})“({COUNT}+大?[\p{{Han}}]{{1,4}})”"
    ))
    .unwrap()
});
static COLON_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^({COUNT}+大?[\p{{Han}}]{{1,3}})[：:]([^。]+)。")).unwrap()
});
static COUNTED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([^，,。；：]{{4,80}})等({COUNT}+|\d+)个([\p{{Han}}]{{2,8}}区)"
    ))
    .unwrap()
});
static SENTENCE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:“([^”]{1,12})”|([\p{Han}]{2,12}?))(包括|包含|涵盖|覆盖|指|以)").unwrap()
});
static LEADING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:加快|全力|着力|重点|积极|努力|大力)?(?:构建|打造|建设|形成|推动|推进|发展|培育|服务|提升|围绕|依托|聚焦)").unwrap()
});

/// The list at the start of `rest`: up to the first comma that does not
/// continue it (`…平坝区域,以及XX` continues; `…区域，重点发展…` does not).
fn list_part(rest: &str) -> &str {
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if matches!(c, '，' | ',') {
            let after = &rest[i + c.len_utf8()..];
            if !(after.starts_with("以及") || after.starts_with('及') || after.starts_with('和'))
            {
                end = i;
                break;
            }
        }
    }
    &rest[..end]
}

/// Splits a list as written: `A、B和C` → [A, B, C].
fn split_list(s: &str) -> Vec<String> {
    let s = s.replace("以及", "、").replace("及", "、");
    s.split(['、', '，', ',', '和'])
        .map(|x| x.trim().trim_end_matches('等').trim().to_owned())
        .filter(|x| !x.is_empty())
        .collect()
}

fn count_of(name: &str) -> Option<u32> {
    let digits: String = name
        .chars()
        .take_while(|c| "一二两三四五六七八九十".contains(*c))
        .collect();
    cn_number(&digits)
}

fn is_area_name(name: &str) -> bool {
    AREA_SUFFIXES.iter().any(|s| name.ends_with(s))
}

#[derive(Default)]
struct Drafts {
    list: Vec<RegionDraft>,
    by_name: HashMap<String, usize>,
}

impl Drafts {
    fn add(&mut self, name: &str, parent: Option<&str>, line: u32) -> usize {
        if let Some(&i) = self.by_name.get(name) {
            if self.list[i].parent.is_none() && parent.is_some_and(|p| p != name) {
                self.list[i].parent = parent.map(str::to_owned);
            }
            return i;
        }
        self.list.push(RegionDraft {
            name: name.to_owned(),
            parent: parent.map(str::to_owned),
            members: Vec::new(),
            line,
        });
        self.by_name.insert(name.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }

    fn set_members(&mut self, i: usize, members: Vec<String>) {
        if self.list[i].members.is_empty() {
            self.list[i].members = members;
        }
    }

    /// A counted region (两翼) whose unit (翼) ends `name` (北翼).
    fn counted_parent_of(&self, name: &str) -> Option<String> {
        self.list
            .iter()
            .filter(|d| COUNTED_NAME.is_match(&d.name) && d.name != name)
            .find(|d| d.name.chars().last().is_some_and(|u| name.ends_with(u)))
            .map(|d| d.name.clone())
    }
}

pub fn find_regions(paras: &[Para], goals: &[RawGoal]) -> Vec<RegionDraft> {
    let mut d = Drafts::default();
    for p in paras {
        list_before_counted(&mut d, &p.text, p.line);
        if let Some(c) = COLON_DEFINITION.captures(&p.text) {
            let system = c[1].to_owned();
            let parts = split_list(&c[2]);
            if count_of(&system).is_some_and(|n| n as usize == parts.len())
                && parts.iter().all(|x| x.chars().count() <= 16)
            {
                let i = d.add(&system, None, p.line);
                d.set_members(i, parts.clone());
                for part in &parts {
                    d.add(part, Some(&system), p.line);
                }
            }
        }
        let counted_list = p.text.contains('等') && p.text.contains('个');
        for c in COUNTED_LIST.captures_iter(&p.text).filter(|_| counted_list) {
            let mut items = split_list(&c[1]);
            if let Some(first) = items.first_mut() {
                *first = LEADING_VERB.replace(first, "").into_owned();
            }
            let n = count_of(&c[2]).or_else(|| c[2].parse().ok());
            if n.is_some_and(|n| n as usize == items.len()) {
                let system = c[3].to_owned();
                let i = d.add(&system, None, p.line);
                d.set_members(i, items.clone());
                for item in &items {
                    d.add(item, Some(&system), p.line);
                }
            }
        }
        for sentence in p.text.split(['。', '；', ';']) {
            subject_definition(&mut d, sentence.trim(), p.line);
        }
    }
    chapter_parts(&mut d, goals);
    d.list
}

/// `构建A、B和C“三大中心”`: a list of as many areas as the counted name says.
fn list_before_counted(d: &mut Drafts, text: &str, line: u32) {
    static OPENS_COUNTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("“{COUNT}")).unwrap());
    if !OPENS_COUNTED.is_match(text) {
        return;
    }
    for c in LIST_BEFORE_COUNTED.captures_iter(text) {
        let system = c[2].to_owned();
        let Some(n) = count_of(&system) else { continue };
        let mut items = split_list(&c[1]);
        if let Some(first) = items.first_mut() {
            *first = LEADING_VERB.replace(first, "").into_owned();
        }
        if items.len() == n as usize
            && n > 1
            && items
                .iter()
                .all(|x| is_area_name(x) && x.chars().count() <= 16)
        {
            let i = d.add(&system, None, line);
            d.set_members(i, items.clone());
            for item in &items {
                d.add(item, Some(&system), line);
            }
        }
    }
}

/// `“一核”包括…`, `北翼以XX为重点`, `三大片区覆盖XX全域,…划分为A、B、C`.
fn subject_definition(d: &mut Drafts, sentence: &str, line: u32) {
    let Some(c) = SENTENCE_SUBJECT.captures(sentence) else {
        return;
    };
    let quoted = c.get(1).is_some();
    let name = c.get(1).or(c.get(2)).map_or("", |m| m.as_str()).to_owned();
    let verb = c[3].to_owned();
    let rest = &sentence[c.get(0).unwrap().end()..];
    let known = d.by_name.contains_key(&name);
    let counted = COUNTED_NAME.is_match(&name);
    let counted_parent = d.counted_parent_of(&name);
    if !(known
        || (counted && (quoted || is_area_name(&name)))
        || (is_area_name(&name) && counted_parent.is_some()))
    {
        return;
    }
    let members = match verb.as_str() {
        "以" => {
            let Some(end) = rest
                .find("为主体")
                .or(rest.find("为重点"))
                .or(rest.find("为核心"))
            else {
                return;
            };
            split_list(&rest[..end])
        }
        "覆盖" => Vec::new(),
        _ => split_list(list_part(rest)),
    };
    let i = d.add(&name, counted_parent.as_deref(), line);
    if !members.is_empty() && members.iter().all(|m| m.chars().count() <= 24) {
        d.set_members(i, members);
    }
    if let Some(at) = rest.find("划分为") {
        let parts = split_list(&rest[at + "划分为".len()..]);
        if parts.iter().all(|x| is_area_name(x)) && parts.len() > 1 {
            for part in &parts {
                d.add(part, Some(&name), line);
            }
        }
    }
}

/// A chapter named for a counted structure (`推进江海版“三区并进”…`) whose
/// sections each build one part (`高水平建设城市品质提升示范区`).
fn chapter_parts(d: &mut Drafts, goals: &[RawGoal]) {
    static QUOTED_COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"“({COUNT}+大?([\p{{Han}}])[\p{{Han}}]{{0,3}})”")).unwrap()
    });
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:建设|打造|推进|发展|培育|提升|构建)([\p{Han}]{3,14})$").unwrap()
    });
    let mut by_chapter: HashMap<&str, Vec<&RawGoal>> = HashMap::new();
    for g in goals {
        if let Some(ch) = g.heading_path.last() {
            by_chapter.entry(ch.as_str()).or_default().push(g);
        }
    }
    let mut chapters: Vec<_> = by_chapter.into_iter().collect();
    chapters.sort_by_key(|(_, gs)| gs[0].line);
    for (chapter, gs) in chapters {
        let Some(c) = QUOTED_COUNTED.captures(chapter) else {
            continue;
        };
        let system = c[1].to_owned();
        let unit = &c[2];
        let Some(n) = count_of(&system) else { continue };
        let parts: Vec<String> = gs
            .iter()
            .filter(|g| g.title.ends_with(unit))
            .filter_map(|g| PART.captures(&g.title).map(|p| p[1].to_owned()))
            .collect();
        if parts.len() == n as usize {
            let i = d.add(&system, None, gs[0].line);
            d.set_members(i, parts.clone());
            for (part, g) in parts
                .iter()
                .zip(gs.iter().filter(|g| g.title.ends_with(unit)))
            {
                d.add(part, Some(&system), g.line);
            }
        }
    }
}

/// The region a goal is about: a region named in its title (longest first),
/// or one whose name shares a distinctive ending with a quoted name in the
/// title (`“台开副核心”` ~ `西部副核心`).
pub fn region_for_goal<'a>(title: &str, regions: &'a [RegionDraft]) -> Option<&'a RegionDraft> {
    let mut named: Vec<&RegionDraft> = regions
        .iter()
        .filter(|r| r.name.chars().count() >= 2 && title.contains(&r.name))
        .collect();
    named.sort_by_key(|r| std::cmp::Reverse(r.name.chars().count()));
    if let Some(r) = named.first() {
        return Some(r);
    }
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"“([^”]{2,12})”").unwrap());
    for c in QUOTED.captures_iter(title) {
        let q: Vec<char> = c[1].chars().collect();
        let found = regions.iter().find(|r| {
            let n: Vec<char> = r.name.chars().collect();
            let common = q
                .iter()
                .rev()
                .zip(n.iter().rev())
                .take_while(|(a, b)| a == b)
                .count();
            common >= 3
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalise::normalise;

    fn regions(text: &str) -> Vec<RegionDraft> {
        find_regions(&normalise(text).paras, &[])
    }

    fn find<'a>(rs: &'a [RegionDraft], name: &str) -> &'a RegionDraft {
        rs.iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no {name} in {rs:?}"))
    }

    #[test]
    fn list_before_a_counted_name() {
        let rs = regions(
            "加快构建北部产城融合中心、东南部战略湾区中心和西南部旅游集散中心“三大中心”区域发展新格局。",
        );
        let sys = find(&rs, "三大中心");
        assert_eq!(
            sys.members,
            vec![
                "北部产城融合中心",
                "东南部战略湾区中心",
                "西南部旅游集散中心"
            ]
        );
        assert_eq!(
            find(&rs, "东南部战略湾区中心").parent.as_deref(),
            Some("三大中心")
        );
    }

    #[test]
    fn colon_definitions() {
        let rs = regions(
            "一心：西部副核心。指台山和开平城区。\n两区：生态发展区和广海湾区。生态发展区包括西部发展区的开平、恩平大部分区域。",
        );
        assert_eq!(find(&rs, "两区").members, vec!["生态发展区", "广海湾区"]);
        assert_eq!(find(&rs, "西部副核心").parent.as_deref(), Some("一心"));
        assert_eq!(
            find(&rs, "生态发展区").members,
            vec!["西部发展区的开平", "恩平大部分区域"]
        );
    }

    #[test]
    fn subjects_with_members_and_parts() {
        let rs = regions(
            "“一核”包括XX、XX、XX3个市辖区和4个开发园区。“两翼”以XX、XX为主体。北翼以XX为重点,建设基地。三大片区覆盖XX全域,全市划分为中部平原河谷片区、东南丘陵片区、西北山地片区。中部平原河谷片区包括XX和XX全域、XX和XX平坝区域,以及XX。",
        );
        assert_eq!(
            find(&rs, "一核").members,
            vec!["XX", "XX", "XX3个市辖区", "4个开发园区"]
        );
        assert_eq!(find(&rs, "两翼").members, vec!["XX", "XX"]);
        assert_eq!(find(&rs, "北翼").parent.as_deref(), Some("两翼"));
        assert_eq!(
            find(&rs, "东南丘陵片区").parent.as_deref(),
            Some("三大片区")
        );
        assert_eq!(find(&rs, "中部平原河谷片区").members.len(), 5);
        // An ordinary subject is not a region.
        assert!(!rs.iter().any(|r| r.name.contains("XX")));
    }

    #[test]
    fn counted_lists() {
        let rs =
            regions("全力服务圭峰会城、潭江、银洲湖西岸、银洲湖东岸等四个一体化发展区,推进工作。");
        assert_eq!(
            find(&rs, "一体化发展区").members,
            vec!["圭峰会城", "潭江", "银洲湖西岸", "银洲湖东岸"]
        );
    }

    #[test]
    fn goals_find_their_region() {
        let rs = regions("一心：西部副核心。\n两区：生态发展区和广海湾区。");
        assert_eq!(
            region_for_goal("提质增绿“生态发展区”", &rs).unwrap().name,
            "生态发展区"
        );
        assert_eq!(
            region_for_goal("全面提升“台开副核心”", &rs).unwrap().name,
            "西部副核心"
        );
        assert!(region_for_goal("建设产业发展新高地", &rs).is_none());
    }
}
