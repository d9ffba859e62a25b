//! Resolving unit names as written into canonical units.
//!
//! A plan writes `市发展和改革局`; which 市 depends on the plan, so the
//! canonical name is qualified by the plan's jurisdiction
//! (`台山市发展和改革局`). Spellings and common abbreviations (`发改局`,
//! `发展改革局`) resolve to the same unit. Collectives (`市相关单位`) stay
//! collectives; groups (`北部7镇`, `各镇`) list their member towns where the
//! text or the gazetteer says what they are.

use std::collections::{BTreeSet, HashMap};

use super::gazetteer;
use crate::model::{Mention, MentionKind, RegionId, SourceSpan, Unit, UnitId, UnitKind};

/// The jurisdiction of a plan whose place could not be read. It names no
/// place, so no canonical name is qualified by it: a unit keeps its name as
/// written (`各区人民政府`, `市交通运输局`).
pub const UNKNOWN_JURISDICTION: &str = "未知地区";

/// `name` as a unit of jurisdiction `j` (`台山市` + `各镇`), or as written
/// when the jurisdiction is unknown.
fn in_jurisdiction(j: &str, name: &str) -> String {
    if j == UNKNOWN_JURISDICTION {
        name.to_owned()
    } else {
        format!("{j}{name}")
    }
}

/// Full names and the abbreviations plans use for them. Both directions are
/// used: abbreviations expand for matching, and become aliases for search.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("发展和改革局", "发改局"),
    ("住房和城乡建设局", "住建局"),
    ("人力资源和社会保障局", "人社局"),
    ("文化广电旅游体育局", "文广旅体局"),
    ("城市管理和综合执法局", "城管执法局"),
    ("政务服务数据管理局", "政数局"),
    ("卫生健康局", "卫健局"),
    ("医疗保障局", "医保局"),
    ("交通运输局", "交通局"),
    ("农业农村局", "农业局"),
    ("科学技术局", "科技局"),
    ("工业和信息化局", "工信局"),
    ("生态环境局", "环保局"),
    ("市场监督管理局", "市场监管局"),
    ("应急管理局", "应急局"),
    ("自然资源局", "自然资源局"),
    ("机构编制委员会办公室", "编办"),
    ("委办公室", "委办"),
    ("科工商务局", "科工商务局"),
    ("公有资产管理办公室", "公资办"),
];

/// The key two spellings of one unit share: abbreviations expanded, 和 and
/// spaces dropped.
fn merge_key(name: &str) -> String {
    let mut s = crate::zh::to_simplified(name).replace(['和', ' '], "");
    for (full, abbr) in ABBREVIATIONS {
        let full = full.replace('和', "");
        if !s.contains(&full) && s.contains(abbr) {
            s = s.replace(abbr, &full);
        }
    }
    s.replace("街道办事处", "街道").replace("街道办", "街道")
}

fn kind_of(name: &str) -> UnitKind {
    const PARTY: &[&str] = &[
        "市委",
        "区委",
        "县委",
        "党委",
        "组织部",
        "宣传部",
        "统战部",
        "政法委",
        "编办",
        "纪委",
        "机构编制",
    ];
    const ZONE: &[&str] = &[
        "工业园",
        "开发区",
        "高新区",
        "新区",
        "试验区",
        "合作区",
        "产业园",
        "园区",
        "管委会",
    ];
    const GOVERNMENT: &[&str] = &[
        "局",
        "办",
        "委",
        "厅",
        "中心",
        "处",
        "院",
        "站",
        "所",
        "馆",
        "政府",
        "委员会",
        "办公室",
        "公司",
    ];
    if PARTY.iter().any(|w| name.contains(w)) {
        UnitKind::Party
    } else if name.ends_with('镇') || name.ends_with("街道") || name.ends_with('乡') {
        UnitKind::Town
    } else if ZONE.iter().any(|w| name.contains(w)) {
        UnitKind::DevelopmentZone
    } else if GOVERNMENT.iter().any(|w| name.ends_with(w)) {
        UnitKind::Government
    } else {
        UnitKind::Other
    }
}

/// Level words a unit's name may open with, highest first.
/// The level characters a jurisdiction's name ends with and a unit's
/// written name may start with (`镇农业服务中心` in a town's plan). 乡 is
/// not one: `乡村振兴办` starts with it and is no township's office.
const LEVELS: &str = "省州市县区镇";

fn rank(level: char) -> u8 {
    match level {
        '省' => 0,
        '州' | '市' => 1,
        '镇' => 3,
        _ => 2,
    }
}

/// The division above `jurisdiction` whose name ends with `level`
/// (台山市, `省` → 广东省), if the gazetteer knows it.
fn ancestor_of_level(jurisdiction: &str, level: char) -> Option<&'static str> {
    let mut cur = gazetteer::division(jurisdiction).and_then(|d| d.parent);
    while let Some(name) = cur {
        if name.ends_with(level) {
            return Some(name);
        }
        cur = gazetteer::division(name).and_then(|d| d.parent);
    }
    None
}

/// `各镇`, `市相关单位`, `各相关镇(街)`: bodies named by role, not by name.
pub(crate) fn is_collective(w: &str) -> bool {
    w.starts_with('各') || w.contains("相关") || w.contains("有关") || w.ends_with("成员单位")
}

/// A group a document defines: `台城、水步…(以下统称北部7镇)`.
#[derive(Debug, Clone)]
pub struct GroupDefinition {
    pub members: Vec<String>,
    pub source: SourceSpan,
}

/// Everything resolution needs to know about the document a name comes from.
pub struct DocContext<'a> {
    /// The jurisdiction's name (`台山市`).
    pub jurisdiction: &'a str,
    pub jurisdiction_id: &'a RegionId,
    pub groups: &'a HashMap<String, GroupDefinition>,
    /// Short names the document gives its units (`市文旅局` →
    /// `市文化广电旅游局`, from `（以下简称市文旅局）`).
    pub short_names: &'a HashMap<String, String>,
}

#[derive(Debug, Default)]
pub struct UnitTable {
    units: Vec<Unit>,
    by_key: HashMap<String, usize>,
}

impl UnitTable {
    /// The unit a document's `written` name refers to, created on first sight.
    pub fn resolve(&mut self, written: &str, ctx: &DocContext) -> UnitId {
        self.resolve_as(written, written, ctx)
    }

    /// The unit `meant` names, recorded as `written`: for a name that
    /// shares its list's level prefix (`交通运输厅` meaning `省交通运输厅`).
    pub fn resolve_as(&mut self, written: &str, meant: &str, ctx: &DocContext) -> UnitId {
        // Canonical names are simplified (臺山市發展和改革局 is 台山市发展和改革局);
        // the spelling as written is kept in `written`.
        let as_written = written.trim();
        // A short name the document gave (`市文旅局`) is the unit it stands for.
        if meant.trim() == as_written
            && let Some(full) = ctx.short_names.get(as_written)
        {
            return self.resolve_as(as_written, full, ctx);
        }
        let simplified = crate::zh::to_simplified(meant.trim());
        let written: &str = &simplified;
        let j = ctx.jurisdiction;
        // (An unknown jurisdiction has no level: `未知地区` ends with 区
        // only by its wording.)
        let level = j
            .chars()
            .last()
            .filter(|c| LEVELS.contains(*c) && j != UNKNOWN_JURISDICTION);
        let bare = written.replace(['(', ')', '（', '）'], "");
        if let Some(def) = ctx
            .groups
            .get(as_written)
            .or_else(|| ctx.groups.get(written))
        {
            let members: Vec<UnitId> = def.members.iter().map(|m| self.town(m, ctx)).collect();
            let name = in_jurisdiction(j, written);
            return self.upsert(
                &name,
                as_written,
                UnitKind::Group,
                ctx,
                members,
                Some(def.source.clone()),
            );
        }
        if is_collective(written) {
            let body = level
                .and_then(|l| written.strip_prefix(l))
                .unwrap_or(written);
            let name = in_jurisdiction(j, body);
            // 各镇 / 各镇(街): every town the gazetteer knows for the jurisdiction.
            let every_town = matches!(bare.as_str(), "各镇" | "各镇街" | "各镇街道" | "各乡镇");
            let towns = gazetteer::division(j).map_or(&[][..], |d| d.towns);
            if every_town && !towns.is_empty() {
                let members = towns.iter().map(|t| self.town(t, ctx)).collect();
                return self.upsert(&name, as_written, UnitKind::Group, ctx, members, None);
            }
            return self.upsert(
                &name,
                as_written,
                UnitKind::Collective,
                ctx,
                Vec::new(),
                None,
            );
        }
        if gazetteer::find_town(j, written).is_some() {
            let id = self.town(written, ctx);
            let i = self.by_key[&merge_key(&id.0)];
            push_unique(&mut self.units[i].written, as_written);
            return id;
        }
        let first = written.chars().next().filter(|c| LEVELS.contains(*c));
        // A name that already says whose it is: a known division first, or
        // the jurisdiction's own name inside it (`人民银行溪口县支行`,
        // `澄陂高新区管委会`) where no level character opens it.
        let short = level.map_or(j, |l| j.strip_suffix(l).unwrap_or(j));
        let qualified = gazetteer::jurisdictions_in(written)
            .iter()
            .any(|(at, _, _)| *at == 0)
            || (first.is_none() && short.chars().count() >= 2 && written.contains(short));
        let name = if qualified {
            written.to_owned()
        } else if let Some(rest) = level.and_then(|l| written.strip_prefix(l)) {
            format!("{j}{rest}")
        } else if let Some(f) = first.filter(|&f| level.is_some_and(|l| rank(f) < rank(l))) {
            // `省交通运输厅` in a city's plan: the province's, when known.
            match ancestor_of_level(j, f) {
                Some(a) => format!("{a}{}", &written[f.len_utf8()..]),
                None => written.to_owned(),
            }
        } else {
            in_jurisdiction(j, written)
        };
        let kind = kind_of(&name);
        self.upsert(&name, as_written, kind, ctx, Vec::new(), None)
    }

    /// A town by full or short name, as a unit of the jurisdiction.
    fn town(&mut self, written: &str, ctx: &DocContext) -> UnitId {
        let full = gazetteer::find_town(ctx.jurisdiction, written)
            .map(str::to_owned)
            .unwrap_or_else(|| {
                if written.ends_with('镇') || written.ends_with("街道") {
                    written.to_owned()
                } else {
                    format!("{written}镇")
                }
            });
        let name = in_jurisdiction(ctx.jurisdiction, &full);
        self.upsert(&name, written, UnitKind::Town, ctx, Vec::new(), None)
    }

    fn upsert(
        &mut self,
        name: &str,
        written: &str,
        kind: UnitKind,
        ctx: &DocContext,
        members: Vec<UnitId>,
        source: Option<SourceSpan>,
    ) -> UnitId {
        let key = merge_key(name);
        let i = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                self.units.push(Unit {
                    id: UnitId(name.to_owned()),
                    name: name.to_owned(),
                    kind,
                    jurisdiction: Some(ctx.jurisdiction_id.clone()),
                    written: Vec::new(),
                    aliases: aliases(name, kind, ctx.jurisdiction),
                    members: Vec::new(),
                    source: None,
                });
                self.by_key.insert(key, self.units.len() - 1);
                self.units.len() - 1
            }
        };
        let u = &mut self.units[i];
        push_unique(&mut u.written, written);
        for m in members {
            if !u.members.contains(&m) {
                u.members.push(m);
            }
        }
        if u.source.is_none() {
            u.source = source;
        }
        u.id.clone()
    }

    /// Every unit whose written form occurs in `text`, longest first.
    pub fn written_in<'a>(
        &'a self,
        text: &str,
        jurisdiction: &RegionId,
    ) -> Vec<(&'a str, &'a UnitId)> {
        let mut found: Vec<(&str, &UnitId)> = self
            .units
            .iter()
            .filter(|u| {
                u.jurisdiction.as_ref() == Some(jurisdiction) && u.kind != UnitKind::Collective
            })
            .flat_map(|u| u.written.iter().map(move |w| (w.as_str(), &u.id)))
            .filter(|(w, _)| w.chars().count() >= 3 && text.contains(w))
            .collect();
        found.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        found
    }

    /// The units, sorted by id so the output does not depend on input order.
    pub fn into_units(self) -> Vec<Unit> {
        let mut units = self.units;
        for u in &mut units {
            u.aliases.retain(|a| *a != u.name && !u.written.contains(a));
        }
        units.sort_by(|a, b| a.id.cmp(&b.id));
        units
    }
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_owned());
    }
}

/// Other names a unit goes by: without its jurisdiction, with the level
/// prefix (市…), and with abbreviations in either direction.
fn aliases(name: &str, kind: UnitKind, jurisdiction: &str) -> Vec<String> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    if matches!(
        kind,
        UnitKind::Town | UnitKind::Group | UnitKind::Collective
    ) {
        return Vec::new();
    }
    let Some(body) = name.strip_prefix(jurisdiction) else {
        return Vec::new();
    };
    let level = jurisdiction
        .chars()
        .last()
        .filter(|c| matches!(c, '市' | '区' | '县' | '镇'));
    let mut bodies = vec![body.to_owned()];
    for (full, abbr) in ABBREVIATIONS {
        if full != abbr && body.contains(full) {
            bodies.push(body.replace(full, abbr));
        }
    }
    if body.contains("和") && kind_of(body) == UnitKind::Government {
        bodies.push(body.replace('和', ""));
    }
    for b in bodies {
        // `委组织部` is no name; `市委组织部` is.
        if b.chars().count() >= 2 && !b.starts_with('委') {
            out.insert(b.clone());
        }
        if let Some(l) = level {
            out.insert(format!("{l}{b}"));
        }
        out.insert(format!("{jurisdiction}{b}"));
    }
    out.remove(name);
    out.into_iter().collect()
}

/// Places, units and actors a task's text mentions outside its note.
pub fn find_mentions(
    text: &str,
    table: &mut UnitTable,
    ctx: &DocContext,
    regions: &[(String, RegionId)],
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (name, id) in regions {
        if name.chars().count() >= 2 && text.contains(name.as_str()) && seen.insert(name.clone()) {
            out.push(Mention {
                text: name.clone(),
                kind: MentionKind::Place,
                unit: None,
                region: Some(id.clone()),
            });
        }
    }
    let towns = gazetteer::division(ctx.jurisdiction).map_or(&[][..], |d| d.towns);
    for town in towns {
        let short = gazetteer::short_town(town);
        let mut hit: Option<(usize, &str)> = text.find(town).map(|at| (at, *town));
        if hit.is_none() {
            // Short names only where they read as a place: before 镇, or in a list.
            hit = text.match_indices(short).find_map(|(at, _)| {
                let after = text[at + short.len()..].chars().next();
                // `广海湾` is a bay, not the town 广海: the name must end there.
                let ends = matches!(
                    after,
                    Some('、' | '，' | ',' | '和' | '与' | '协' | '镇' | '等' | '。' | '；' | ';')
                );
                ends.then_some((at, short))
            });
        }
        let Some((at, written)) = hit else { continue };
        if !seen.insert((*town).to_owned()) {
            continue;
        }
        let id = table.town(written, ctx);
        out.push(Mention {
            text: written.to_owned(),
            kind: if is_actor(text, at, written) {
                MentionKind::Actor
            } else {
                MentionKind::Place
            },
            unit: Some(id),
            region: None,
        });
    }
    let units: Vec<(String, UnitId)> = table
        .written_in(text, ctx.jurisdiction_id)
        .into_iter()
        .map(|(w, id)| (w.to_owned(), id.clone()))
        .collect();
    for (w, id) in units {
        if out
            .iter()
            .any(|m| m.unit.as_ref() == Some(&id) || m.text.contains(&w))
            || !seen.insert(w.clone())
        {
            continue;
        }
        out.push(Mention {
            text: w,
            kind: MentionKind::Unit,
            unit: Some(id),
            region: None,
        });
    }
    out
}

/// A town is the actor of a clause it opens (`…;崖门镇协同…`, `大泽镇依托…`).
fn is_actor(text: &str, at: usize, written: &str) -> bool {
    let before = text[..at].chars().next_back();
    let opens = before.is_none_or(|c| matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':'));
    let after = text[at + written.len()..].chars().next();
    opens && after.is_some_and(|c| !matches!(c, '、' | '，' | ',' | '和' | '及' | '等' | '的'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    fn ctx<'a>(
        j: &'a str,
        id: &'a RegionId,
        groups: &'a HashMap<String, GroupDefinition>,
    ) -> DocContext<'a> {
        DocContext {
            jurisdiction: j,
            jurisdiction_id: id,
            groups,
            short_names: Box::leak(Box::default()),
        }
    }

    #[test]
    fn a_short_name_the_document_gives_is_its_unit() {
        let id = RegionId::from("台山市");
        let groups = HashMap::new();
        let short_names = HashMap::from([("市文旅局".to_owned(), "市文化广电旅游局".to_owned())]);
        let c = DocContext {
            short_names: &short_names,
            ..ctx("台山市", &id, &groups)
        };
        let mut t = UnitTable::default();
        let full = t.resolve("市文化广电旅游局", &c);
        let short = t.resolve("市文旅局", &c);
        assert_eq!(full, short);
        let units = t.into_units();
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].written, vec!["市文化广电旅游局", "市文旅局"]);
    }

    #[test]
    fn qualifies_by_jurisdiction_and_merges_spellings() {
        let id = RegionId::from("台山市");
        let groups = HashMap::new();
        let c = ctx("台山市", &id, &groups);
        let mut t = UnitTable::default();
        let a = t.resolve("市发展和改革局", &c);
        let b = t.resolve("市发改局", &c);
        assert_eq!(a.0, "台山市发展和改革局");
        assert_eq!(a, b);
        assert_eq!(
            t.resolve("江门市生态环境局台山分局", &c).0,
            "江门市生态环境局台山分局"
        );
        assert_eq!(t.resolve("市委组织部", &c).0, "台山市委组织部");
        assert_eq!(t.resolve("台城街道办", &c).0, "台山市台城街道");
        let units = t.into_units();
        let dev = units.iter().find(|u| u.id == a).unwrap();
        assert_eq!(dev.written, vec!["市发展和改革局", "市发改局"]);
        assert!(dev.aliases.contains(&"发改局".to_owned()));
        assert_eq!(dev.kind, UnitKind::Government);
        let party = units.iter().find(|u| u.name == "台山市委组织部").unwrap();
        assert_eq!(party.kind, UnitKind::Party);
    }

    #[test]
    fn another_jurisdictions_bureau_is_another_unit() {
        let t_id = RegionId::from("台山市");
        let j_id = RegionId::from("江海区");
        let groups = HashMap::new();
        let mut t = UnitTable::default();
        let a = t.resolve("市发展和改革局", &ctx("台山市", &t_id, &groups));
        let b = t.resolve("区发展和改革局", &ctx("江海区", &j_id, &groups));
        assert_ne!(a, b);
        assert_eq!(b.0, "江海区发展和改革局");
    }

    #[test]
    fn groups_and_collectives() {
        let id = RegionId::from("台山市");
        let mut groups = HashMap::new();
        groups.insert(
            "北部7镇".to_owned(),
            GroupDefinition {
                members: ["台城", "水步", "大江", "三合", "四九", "冲蒌", "白沙"]
                    .map(String::from)
                    .to_vec(),
                source: SourceSpan {
                    doc: DocId::from("d"),
                    line: 44,
                    end_line: 44,
                },
            },
        );
        let c = ctx("台山市", &id, &groups);
        let mut t = UnitTable::default();
        let north = t.resolve("北部7镇", &c);
        let every = t.resolve("各镇", &c);
        let relevant = t.resolve("各相关镇(街)", &c);
        let others = t.resolve("市相关单位", &c);
        let units = t.into_units();
        let get = |id: &UnitId| units.iter().find(|u| &u.id == id).unwrap();
        assert_eq!(get(&north).kind, UnitKind::Group);
        assert_eq!(get(&north).members.len(), 7);
        assert_eq!(get(&north).members[0].0, "台山市台城街道");
        assert_eq!(get(&every).members.len(), 17);
        assert_eq!(get(&relevant).kind, UnitKind::Collective);
        assert_eq!(get(&others).name, "台山市相关单位");
    }

    #[test]
    fn mentions_places_units_and_actors() {
        let id = RegionId::from("新会区");
        let groups = HashMap::new();
        let c = ctx("新会区", &id, &groups);
        let mut t = UnitTable::default();
        let text = "具体来说,大泽镇依托热电联产项目发展;崖门镇协同古井镇、沙堆镇发展。在潭江一体发展区,司前协同罗坑、大泽。";
        let m = find_mentions(text, &mut t, &c, &[]);
        let kinds: HashMap<&str, MentionKind> =
            m.iter().map(|m| (m.text.as_str(), m.kind)).collect();
        assert_eq!(kinds["大泽镇"], MentionKind::Actor);
        assert_eq!(kinds["崖门镇"], MentionKind::Actor);
        assert_eq!(kinds["古井镇"], MentionKind::Place);
        assert_eq!(kinds["司前"], MentionKind::Actor);
        assert_eq!(kinds["罗坑"], MentionKind::Place);
    }
}
