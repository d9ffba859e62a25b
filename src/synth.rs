//! Synthetic task data for benchmarks and load tests: a large, realistic
//! [`TaskData`] made by recombining a real one's vocabulary.
//!
//! Titles and texts are spliced from halves of the base's task titles, units
//! are the base's units (leads, partners, groups all reference existing
//! ids), documents are the base's documents. When the base has no tasks or
//! units (an empty `data/tasks.json`), a small vocabulary taken from the seed
//! documents stands in. The same base, size and seed always give the same
//! data.

use crate::model::*;

/// Builds `n_tasks` tasks over `base`'s documents and units (or the built-in
/// vocabulary), deterministically for `seed`. Ids are unique and every
/// reference (task → goal → document, task → unit, group → member) resolves.
pub fn generate(base: &TaskData, n_tasks: usize, seed: u64) -> TaskData {
    let mut rng = Rng::new(seed);
    let vocab = Vocabulary::from_base(base);
    let mut data = TaskData::new();
    data.documents = vocab.documents.clone();
    data.regions = vocab.regions.clone();
    data.units = vocab.units.clone();
    for d in &mut data.documents {
        d.report = DocReport::default();
    }

    let doers: Vec<usize> = (0..data.units.len())
        .filter(|&i| !matches!(data.units[i].kind, UnitKind::Group | UnitKind::Collective))
        .collect();
    let helpers: Vec<usize> = (0..data.units.len()).collect();
    let places: Vec<usize> = (0..data.units.len())
        .filter(|&i| data.units[i].kind == UnitKind::Town)
        .collect();

    let n_goals = n_tasks.div_ceil(8).max(1);
    let mut goal_count = vec![0usize; data.documents.len()];
    for g in 0..n_goals {
        let d = g % data.documents.len();
        goal_count[d] += 1;
        let doc = &data.documents[d];
        let title = vocab.splice(&vocab.goal_titles, &mut rng);
        data.goals.push(Goal {
            id: GoalId(format!("{}:g{}", doc.id, goal_count[d])),
            doc: doc.id.clone(),
            region: doc.jurisdiction.clone(),
            number: Some(format!(
                "({})",
                crate::zh::chinese_number(goal_count[d] as u32)
            )),
            title,
            heading_path: vec!["重点任务".to_owned()],
            projects: Vec::new(),
            source: span(&doc.id, goal_count[d] as u32 * 100),
            body: String::new(),
            body_source: None,
        });
    }

    let mut task_count = vec![0usize; data.documents.len()];
    for t in 0..n_tasks {
        let goal = &data.goals[t % n_goals];
        let d = data
            .documents
            .iter()
            .position(|doc| doc.id == goal.doc)
            .unwrap_or(0);
        task_count[d] += 1;
        let n = task_count[d];
        let title = vocab.splice(&vocab.task_titles, &mut rng);
        let leads = pick(&doers, 1 + rng.below(3) / 2, &mut rng, &data.units);
        let partners = pick(&helpers, rng.below(5), &mut rng, &data.units);
        let partners: Vec<UnitRef> = partners
            .into_iter()
            .filter(|p| !leads.iter().any(|l| l.unit == p.unit))
            .collect();
        let mentions: Vec<Mention> = if !places.is_empty() && rng.below(3) == 0 {
            let town = &data.units[places[rng.below(places.len())]];
            vec![Mention {
                text: short_name(town).to_owned(),
                kind: MentionKind::Place,
                unit: Some(town.id.clone()),
                region: None,
            }]
        } else {
            Vec::new()
        };
        let note = format!(
            "({}{},{}配合)",
            join(&leads),
            if leads.len() > 1 {
                "分别牵头"
            } else {
                "牵头"
            },
            if partners.is_empty() {
                "市相关单位".to_owned()
            } else {
                join(&partners)
            }
        );
        let place = mentions
            .first()
            .map(|m| format!("推动{}", m.text))
            .unwrap_or_default();
        let text = format!(
            "{title}。{place}{}，{}。{note}",
            vocab.splice(&vocab.task_titles, &mut rng),
            vocab.splice(&vocab.task_titles, &mut rng)
        );
        let line = 1000 + n as u32 * 2;
        let doc_id = data.documents[d].id.clone();
        let lead_mode = match leads.len() {
            0 => LeadMode::None,
            1 => LeadMode::Single,
            _ => LeadMode::Respective,
        };
        let report = &mut data.documents[d].report;
        report.tasks += 1;
        report.tasks_with_leads += usize::from(!leads.is_empty());
        data.tasks.push(Task {
            id: TaskId(format!("{doc_id}:t{n}")),
            key: Default::default(),
            doc: doc_id.clone(),
            goal: goal.id.clone(),
            number: Some(format!("{n}.")),
            title,
            text,
            note: Some(ResponsibilityNote {
                text: note,
                line,
                chars: None,
            }),
            clauses: Vec::new(),
            leads,
            partners,
            responsible: Vec::new(),
            lead_mode,
            leader: None,
            deadline: None,
            due: None,
            mentions,
            source: span(&doc_id, line),
        });
    }
    for (d, doc) in data.documents.iter_mut().enumerate() {
        doc.report.goals = goal_count[d];
    }
    data.fill_derived();
    data
}

/// Task titles and unit names, one per line, `n` lines in all: the input
/// for comparing `fengong filter` with `fzf --filter`.
pub fn lines(base: &TaskData, n: usize, seed: u64) -> Vec<String> {
    let data = generate(base, n.div_ceil(2).max(1), seed);
    let mut rng = Rng::new(seed ^ 0x5eed);
    let mut out = Vec::with_capacity(n);
    for task in &data.tasks {
        if out.len() < n {
            out.push(task.title.clone());
        }
        if out.len() < n {
            let unit = &data.units[rng.below(data.units.len())];
            let written = unit.written.first().unwrap_or(&unit.name);
            out.push(written.clone());
        }
    }
    out
}

fn span(doc: &DocId, line: u32) -> SourceSpan {
    SourceSpan {
        doc: doc.clone(),
        line,
        end_line: line,
    }
}

fn short_name(u: &Unit) -> &str {
    u.written.first().map_or(&u.name, |w| w.as_str())
}

fn join(refs: &[UnitRef]) -> String {
    refs.iter()
        .map(|r| r.written.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// Up to `k` distinct units from `pool` as a task would name them.
fn pick(pool: &[usize], k: usize, rng: &mut Rng, units: &[Unit]) -> Vec<UnitRef> {
    let mut chosen: Vec<usize> = Vec::new();
    for _ in 0..k.min(pool.len()) * 2 {
        if chosen.len() == k.min(pool.len()) {
            break;
        }
        let u = pool[rng.below(pool.len())];
        if !chosen.contains(&u) {
            chosen.push(u);
        }
    }
    chosen
        .into_iter()
        .map(|u| UnitRef {
            unit: units[u].id.clone(),
            written: short_name(&units[u]).to_owned(),
            chars: None,
            stated_at: None,
        })
        .collect()
}

/// SplitMix64: tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

struct Vocabulary {
    documents: Vec<Document>,
    regions: Vec<Region>,
    units: Vec<Unit>,
    task_titles: Vec<Vec<char>>,
    goal_titles: Vec<Vec<char>>,
}

impl Vocabulary {
    fn from_base(base: &TaskData) -> Vocabulary {
        let builtin = builtin();
        let titles = |v: Vec<&str>| -> Vec<Vec<char>> {
            v.into_iter()
                .filter(|t| t.chars().count() >= 4)
                .map(|t| t.chars().collect())
                .collect()
        };
        let mut task_titles = titles(base.tasks.iter().map(|t| t.title.as_str()).collect());
        if task_titles.len() < 4 {
            task_titles = titles(TASK_TITLES.to_vec());
        }
        let mut goal_titles = titles(base.goals.iter().map(|g| g.title.as_str()).collect());
        if goal_titles.len() < 2 {
            goal_titles = titles(GOAL_TITLES.to_vec());
        }
        let (documents, regions) = if base.documents.is_empty() {
            (builtin.documents, builtin.regions)
        } else {
            (base.documents.clone(), base.regions.clone())
        };
        let units = if base
            .units
            .iter()
            .any(|u| !matches!(u.kind, UnitKind::Group | UnitKind::Collective))
        {
            base.units.clone()
        } else {
            builtin.units
        };
        Vocabulary {
            documents,
            regions,
            units,
            task_titles,
            goal_titles,
        }
    }

    /// The first part of one title and the second part of another, split
    /// at a character boundary near the middle.
    fn splice(&self, titles: &[Vec<char>], rng: &mut Rng) -> String {
        let a = &titles[rng.below(titles.len())];
        let b = &titles[rng.below(titles.len())];
        let cut_a = (a.len() / 2 + rng.below(3)).clamp(1, a.len() - 1);
        let cut_b = (b.len() / 2 + rng.below(3)).clamp(1, b.len() - 1);
        a[..cut_a].iter().chain(&b[cut_b..]).collect()
    }
}

/// Task titles from the seed plan 000 (台山市“三大中心”实施方案).
const TASK_TITLES: &[&str] = &[
    "以新型城镇引擎推动北部能级提升",
    "以现代产业引擎推进园区集聚增效",
    "以三大轴线循环联通实现协同并进",
    "大力开展智慧城市建设",
    "聚力提升城市形象品质",
    "全力深化创新驱动发展",
    "着力打造特色侨创中心",
    "稳步推进粤港澳海洋经济重大合作平台建设",
    "创建国内一流港口物流区",
    "建设安全清洁能源发展区",
    "打造现代优质农产品加工区",
    "打造高端滨海旅游",
    "开发特色文化旅游",
    "打响温泉康养品牌",
    "发展乡村休闲旅游",
    "完善轨道交通网",
    "建设快速公路网",
    "打造空港物流网",
    "畅通农村道路",
    "积极推进实施乡村振兴战略",
    "引领现代农业绿色高质量发展",
    "创建放心优质农产品供给区",
    "大力发展高端先进制造业",
    "全面增强生态保护屏障功能",
    "扎实推进小城镇及村庄建设",
    "建立区域协同发展协调机制",
    "探索科学考核评估导向机制",
    "强化集约高效用地机制",
    "灵活争取用地指标",
    "广泛拓宽融资渠道",
    "坚持精准招商机制",
    "推进区域公共服务均等化",
    "构建绿色发展约束机制",
];

const GOAL_TITLES: &[&str] = &[
    "强化北部产城融合中心协同辐射力",
    "提升东南部战略湾区中心对接发展力",
    "深化西南部旅游集散中心龙头带动力",
    "促推海陆空交通体系疏通联动力",
    "激活乡村振兴生态保护发展永续力",
    "发挥区域协调发展体制机制创新力",
];

/// (name as written, kind) of units the seed plan 000 names.
const UNITS: &[(&str, UnitKind)] = &[
    ("市发展和改革局", UnitKind::Government),
    ("市自然资源局", UnitKind::Government),
    ("市交通运输局", UnitKind::Government),
    ("市科工商务局", UnitKind::Government),
    ("市城市管理和综合执法局", UnitKind::Government),
    ("市政务服务数据管理局", UnitKind::Government),
    ("市住房和城乡建设局", UnitKind::Government),
    ("市公资办", UnitKind::Government),
    ("市人力资源和社会保障局", UnitKind::Government),
    ("市文化广电旅游体育局", UnitKind::Government),
    ("市农业农村局", UnitKind::Government),
    ("市水利局", UnitKind::Government),
    ("市林业局", UnitKind::Government),
    ("市财政局", UnitKind::Government),
    ("市委组织部", UnitKind::Party),
    ("市委统战部", UnitKind::Party),
    ("市委编办", UnitKind::Party),
    ("市委办公室", UnitKind::Party),
    ("江门市生态环境局台山分局", UnitKind::Government),
    ("产业转移工业园", UnitKind::DevelopmentZone),
    ("广海湾经济开发区", UnitKind::DevelopmentZone),
];

/// The towns of 北部7镇 (台城、水步、大江、三合、四九、冲蒌、白沙) and
/// other towns the plan names.
const NORTH_TOWNS: &[&str] = &["台城", "水步", "大江", "三合", "四九", "冲蒌", "白沙"];
const OTHER_TOWNS: &[&str] = &[
    "川岛", "端芬", "斗山", "广海", "都斛", "海宴", "汶村", "北陡",
];

struct Builtin {
    documents: Vec<Document>,
    regions: Vec<Region>,
    units: Vec<Unit>,
}

fn builtin() -> Builtin {
    let juris = RegionId::from("台山市");
    let doc_id = DocId::from("000_f13ecef8831b900d");
    let documents = vec![Document {
        id: doc_id.clone(),
        title: "台山市加快构建“三大中心”区域发展新格局实施方案".to_owned(),
        issuer: Some("台山市人民政府".to_owned()),
        date: Some("2021-02-03".to_owned()),
        number: Some("台府〔2021〕3号".to_owned()),
        jurisdiction: juris.clone(),
        source: "seeds/000_f13ecef8831b900d.txt".to_owned(),
        report: DocReport::default(),
    }];
    let mut regions = vec![Region {
        id: juris.clone(),
        name: "台山市".to_owned(),
        kind: RegionKind::Jurisdiction,
        parent: Some(RegionId::from("江门市")),
        members: Vec::new(),
        doc: None,
        source: None,
    }];
    let unit = |name: String, written: String, kind: UnitKind, members: Vec<UnitId>| Unit {
        id: UnitId(name.clone()),
        name,
        kind,
        jurisdiction: Some(juris.clone()),
        written: vec![written],
        aliases: Vec::new(),
        members,
        source: None,
    };
    let mut units: Vec<Unit> = UNITS
        .iter()
        .map(|&(written, kind)| {
            let name = match written.strip_prefix('市') {
                Some(rest) => format!("台山市{rest}"),
                None if written.starts_with("江门市") => written.to_owned(),
                None => format!("台山市{written}"),
            };
            unit(name, written.to_owned(), kind, Vec::new())
        })
        .collect();
    let mut north = Vec::new();
    for (i, town) in NORTH_TOWNS.iter().chain(OTHER_TOWNS).enumerate() {
        let written = if *town == "台城" {
            "台城街道".to_owned()
        } else {
            format!("{town}镇")
        };
        let name = format!("台山市{written}");
        if i < NORTH_TOWNS.len() {
            north.push(UnitId(name.clone()));
        }
        units.push(unit(name, written, UnitKind::Town, Vec::new()));
        regions.push(Region {
            id: RegionId(format!("台山市/{town}")),
            name: town.to_string(),
            kind: RegionKind::Town,
            parent: Some(juris.clone()),
            members: Vec::new(),
            doc: Some(doc_id.clone()),
            source: None,
        });
    }
    regions.push(Region {
        id: RegionId::from("台山市/北部产城融合中心"),
        name: "北部产城融合中心".to_owned(),
        kind: RegionKind::Subregion,
        parent: Some(juris.clone()),
        members: NORTH_TOWNS.iter().map(|t| t.to_string()).collect(),
        doc: Some(doc_id.clone()),
        source: None,
    });
    let mut group = unit(
        "台山市/北部7镇".to_owned(),
        "北部7镇".to_owned(),
        UnitKind::Group,
        north,
    );
    group.source = Some(span(&doc_id, 46));
    units.push(group);
    let all_towns = units
        .iter()
        .filter(|u| u.kind == UnitKind::Town)
        .map(|u| u.id.clone())
        .collect();
    units.push(unit(
        "台山市/各镇".to_owned(),
        "各镇".to_owned(),
        UnitKind::Group,
        all_towns,
    ));
    units.push(unit(
        "台山市/市相关单位".to_owned(),
        "市相关单位".to_owned(),
        UnitKind::Collective,
        Vec::new(),
    ));
    Builtin {
        documents,
        regions,
        units,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn check_consistent(data: &TaskData) {
        let index = data.index();
        assert_eq!(index.tasks.len(), data.tasks.len(), "task ids unique");
        assert_eq!(index.goals.len(), data.goals.len(), "goal ids unique");
        assert_eq!(index.units.len(), data.units.len(), "unit ids unique");
        for t in &data.tasks {
            assert!(index.goals.contains_key(&t.goal), "{}", t.goal);
            assert!(index.documents.contains_key(&t.doc), "{}", t.doc);
            for r in t.leads.iter().chain(&t.partners) {
                assert!(index.units.contains_key(&r.unit), "{}", r.unit);
            }
            assert!(!t.leads.is_empty());
        }
        for u in &data.units {
            for m in &u.members {
                assert!(index.units.contains_key(m), "{m}");
            }
        }
        let text = data.to_json();
        assert_eq!(&TaskData::from_json(&text).unwrap(), data);
    }

    #[test]
    fn works_from_an_empty_base_and_is_deterministic() {
        let base = TaskData::new();
        let a = generate(&base, 500, 7);
        assert_eq!(a.tasks.len(), 500);
        check_consistent(&a);
        assert_eq!(a, generate(&base, 500, 7));
        assert_ne!(a.tasks, generate(&base, 500, 8).tasks);
        let titles: HashSet<&str> = a.tasks.iter().map(|t| t.title.as_str()).collect();
        assert!(titles.len() > 300, "titles vary: {}", titles.len());
        assert!(a.units.iter().any(|u| u.name == "台山市发展和改革局"));
        assert!(
            a.units
                .iter()
                .any(|u| u.kind == UnitKind::Group && !u.members.is_empty())
        );
    }

    #[test]
    fn reuses_a_base_vocabulary() {
        let base = generate(&TaskData::new(), 50, 1);
        let big = generate(&base, 2000, 2);
        check_consistent(&big);
        assert_eq!(big.units, base.units);
        assert_eq!(big.documents.len(), base.documents.len());
        assert_eq!(big.documents[0].report.tasks, 2000);
    }

    #[test]
    fn works_on_the_bundled_data() {
        let base = TaskData::from_json(crate::bundled::BUNDLED_JSON).unwrap();
        let big = generate(&base, 3000, 4);
        check_consistent(&big);
        assert_eq!(big.units, base.units);
        if !base.tasks.is_empty() {
            // Titles are spliced from the base's own titles.
            let first_halves: HashSet<String> = base
                .tasks
                .iter()
                .map(|t| t.title.chars().take(2).collect())
                .collect();
            assert!(
                big.tasks
                    .iter()
                    .all(|t| first_halves.contains(&t.title.chars().take(2).collect::<String>()))
            );
        }
    }

    #[test]
    fn lines_mix_titles_and_unit_names() {
        let lines = lines(&TaskData::new(), 1001, 3);
        assert_eq!(lines.len(), 1001);
        assert!(lines.iter().any(|l| l.contains('局')));
        assert!(lines.iter().all(|l| !l.contains('\n')));
    }
}
