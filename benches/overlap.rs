//! Overlap engine at scale: builds synthetic plans of 10 000 to 100 000
//! tasks (20 documents: a city plan and 19 district plans below it) and
//! times `fengong::overlap::compute` and the coverage of the city plan by
//! the district plans (`fengong::overlap::coverage::coverage`).
//!
//!     cargo bench --bench overlap                    # 10 000, 30 000, 100 000 tasks
//!     cargo bench --bench overlap -- 100000          # one size
//!     cargo bench --bench overlap -- 100000 overlaps # only overlaps (or: coverage)
//!
//! For peak memory run one size under `/usr/bin/time -v` (see docs/OVERLAP.md).
//!
//! The generator is private to this benchmark: it recombines realistic
//! phrases (named places and projects, generic policy phrases, verbs) into
//! task texts. Named places are drawn from a pool that grows with the number
//! of tasks, as it does when more plans are added: each name appears in a
//! few dozen tasks whatever the corpus size, while the generic phrases
//! appear everywhere.

use std::time::Instant;

use fengong::model::{
    DocId, DocReport, Document, GoalId, LeadMode, OverlapRelation, Region, RegionId, RegionKind,
    ResponsibilityNote, SourceSpan, Task, TaskData, TaskId, UnitId, UnitRef,
};
use fengong::overlap::coverage::{CoverageStatus, coverage};

const DOCUMENTS: usize = 20;

/// Characters place names are made of (台开, 鹤台, 斗恩, 川岛 …).
const NAME_CHARS: &str =
    "台开恩鹤斗广海川茅新会江门平山沙龙凤白石水桥岭塘泉横坡冲赤溪端芬都斛汶上下北南东西大小金银碧";

const PLACE_ENDINGS: &[&str] = &["湾", "港", "岛", "镇", "站", "村", "街道", "半岛"];
const PROJECT_ENDINGS: &[&str] = &[
    "快速路",
    "铁路",
    "城际铁路",
    "高速",
    "跨海通道",
    "大桥",
    "产业园",
    "物流园",
    "旅游度假区",
    "港区",
    "码头",
    "枢纽",
];

const VERBS: &[&str] = &[
    "加快推进",
    "高标准建设",
    "谋划建设",
    "完善",
    "提升",
    "打造",
    "推动",
    "支持",
    "开工建设",
    "规划建设",
];

const OBJECTS: &[&str] = &[
    "配套设施",
    "集疏运体系",
    "综合交通网络",
    "滨海旅游",
    "临港产业",
    "公共服务设施",
    "生态保护修复",
    "产城融合发展",
    "现代物流体系",
    "特色小镇",
    "农村人居环境整治",
    "智慧城市建设",
];

const GENERIC: &[&str] = &[
    "推动高质量发展",
    "全面推进乡村振兴",
    "融入粤港澳大湾区",
    "促进区域协调发展",
    "优化营商环境",
    "加强统筹协调",
    "完善体制机制",
    "提升公共服务水平",
];

const UNITS: &[&str] = &[
    "发展和改革局",
    "交通运输局",
    "自然资源局",
    "住房和城乡建设局",
    "农业农村局",
    "文化广电旅游体育局",
    "工业和信息化局",
    "生态环境局",
];

/// splitmix64: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// `n` distinct names from two name characters and an ending.
fn name_pool(n: usize, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = NAME_CHARS.chars().collect();
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::with_capacity(n);
    while names.len() < n {
        let ending = if rng.below(2) == 0 {
            rng.pick(PLACE_ENDINGS)
        } else {
            rng.pick(PROJECT_ENDINGS)
        };
        // Three stem characters once two run out (46² × 20 endings ≈ 42 000).
        let stem_len = if names.len() < 20_000 { 2 } else { 3 };
        let stem: String = (0..stem_len)
            .map(|_| chars[rng.below(chars.len())])
            .collect();
        let name = format!("{stem}{ending}");
        if seen.insert(name.clone()) {
            names.push(name);
        }
    }
    names
}

fn generate(n_tasks: usize, seed: u64) -> TaskData {
    let mut rng = Rng(seed);
    let names = name_pool((n_tasks / 10).max(50), &mut rng);
    let mut data = TaskData::new();
    data.regions.push(Region {
        id: RegionId::from("江门市"),
        name: "江门市".into(),
        kind: RegionKind::Jurisdiction,
        parent: None,
        members: vec![],
        doc: None,
        source: None,
    });
    // doc00 is the city's plan; the others are its districts'.
    data.documents.push(Document {
        id: DocId::from("doc00"),
        title: "江门市规划".into(),
        issuer: None,
        date: None,
        number: None,
        jurisdiction: RegionId::from("江门市"),
        source: "synthetic/doc00.txt".into(),
        report: DocReport::default(),
    });
    for d in 1..DOCUMENTS {
        let region = RegionId(format!("区{d}"));
        data.regions.push(Region {
            id: region.clone(),
            name: region.0.clone(),
            kind: RegionKind::Jurisdiction,
            parent: Some(RegionId::from("江门市")),
            members: vec![],
            doc: None,
            source: None,
        });
        data.documents.push(Document {
            id: DocId(format!("doc{d:02}")),
            title: format!("第{d}号规划"),
            issuer: None,
            date: None,
            number: None,
            jurisdiction: region,
            source: format!("synthetic/doc{d:02}.txt"),
            report: DocReport::default(),
        });
    }
    for t in 0..n_tasks {
        let d = t * DOCUMENTS / n_tasks;
        let doc = DocId(format!("doc{d:02}"));
        let mut text = String::new();
        for clause in 0..2 + rng.below(3) {
            if clause > 0 {
                text.push('，');
            }
            match rng.below(3) {
                0 => text.push_str(rng.pick(GENERIC)),
                _ => {
                    text.push_str(rng.pick(VERBS));
                    text.push_str(&names[rng.below(names.len())]);
                    text.push_str(rng.pick(OBJECTS));
                }
            }
        }
        text.push('。');
        let lead = format!("区{d}{}", rng.pick(UNITS));
        let note = format!("（{lead}牵头，区{d}{}配合）", rng.pick(UNITS));
        text.push_str(&note);
        let line = t as u32 + 1;
        data.tasks.push(Task {
            id: TaskId(format!("doc{d:02}:t{t}")),
            key: Default::default(),
            doc: doc.clone(),
            goal: GoalId(format!("doc{d:02}:g1")),
            number: None,
            title: text.chars().take(16).collect(),
            text,
            note: Some(ResponsibilityNote {
                text: note,
                line,
                chars: None,
            }),
            clauses: vec![],
            leads: vec![UnitRef {
                unit: UnitId(lead.clone()),
                written: lead,
                chars: None,
                stated_at: None,
            }],
            partners: vec![],
            responsible: vec![],
            lead_mode: LeadMode::Single,
            leader: None,
            deadline: None,
            due: None,
            mentions: vec![],
            source: SourceSpan {
                doc,
                line,
                end_line: line,
            },
        });
    }
    data
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 30_000, 100_000]
    } else {
        sizes
    };
    let only = |what: &str| {
        !args.iter().any(|a| a == "overlaps" || a == "coverage") || args.iter().any(|a| a == what)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "overlap bench: {DOCUMENTS} documents (a city plan and 19 districts), {threads} threads available"
    );
    println!(
        "{:>8}  {:>8}  {:>10}  {:>9}  {:>10}  {:>9}  {:>9}  {:>10}  {:>10}",
        "tasks",
        "gen (s)",
        "overlaps(s)",
        "µs/task",
        "pairs",
        "project",
        "parallel",
        "coverage(s)",
        "taken up"
    );
    for n in sizes {
        let start = Instant::now();
        let data = generate(n, 42);
        let generated = start.elapsed().as_secs_f64();
        let (mut computed, mut pairs, mut project, mut parallel) = (0.0, 0, 0, 0);
        if only("overlaps") {
            let start = Instant::now();
            let overlaps = fengong::overlap::compute(&data);
            computed = start.elapsed().as_secs_f64();
            pairs = overlaps.len();
            project = overlaps
                .iter()
                .filter(|o| o.relation == OverlapRelation::Project)
                .count();
            parallel = overlaps
                .iter()
                .filter(|o| o.relation == OverlapRelation::Parallel)
                .count();
        }
        let (mut covered, mut taken_up, mut items) = (0.0, 0, 0);
        if only("coverage") {
            let start = Instant::now();
            let c =
                coverage(&data, &DocId::from("doc00"), &[]).expect("the city plan has districts");
            covered = start.elapsed().as_secs_f64();
            items = c.items.len();
            taken_up = c
                .items
                .iter()
                .filter(|i| i.status == CoverageStatus::TakenUp)
                .count();
        }
        println!(
            "{:>8}  {:>8.2}  {:>10.2}  {:>9.1}  {:>10}  {:>9}  {:>9}  {:>10.2}  {:>5}/{:<5}",
            n,
            generated,
            computed,
            computed * 1e6 / n as f64,
            pairs,
            project,
            parallel,
            covered,
            taken_up,
            items
        );
    }
}
