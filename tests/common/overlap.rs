//! Hand-written task data for the overlap tests.

#![allow(dead_code)]

use fengong::model::{
    DocId, DocReport, Document, Goal, GoalId, LeadMode, Region, RegionId, RegionKind, SourceSpan,
    Task, TaskData, TaskId, Unit, UnitId, UnitKind, UnitRef,
};

/// One plan: its id, jurisdiction and tasks as `(text, lead unit)`.
pub struct Plan<'a> {
    pub doc: &'a str,
    pub jurisdiction: &'a str,
    pub tasks: &'a [(&'a str, &'a str)],
}

/// Builds task data from plans; regions 江门市 ⊃ 江门西部发展区 ⊃ 台山市,
/// 江门市 ⊃ 新会区 and 江门市 ⊃ 江海区 exist so nesting can be tested. Each
/// plan has one goal, and every lead is a unit, so the file loads cleanly.
pub fn data(plans: &[Plan]) -> TaskData {
    let mut data = TaskData::new();
    let region = |id: &str, parent: Option<&str>| Region {
        id: RegionId::from(id),
        name: id.to_owned(),
        kind: RegionKind::Jurisdiction,
        parent: parent.map(RegionId::from),
        members: vec![],
        doc: None,
        source: None,
    };
    data.regions = vec![
        region("江门市", Some("广东省")),
        region("广东省", None),
        region("台山市", Some("江门西部发展区")),
        region("江门西部发展区", Some("江门市")),
        region("新会区", Some("江门市")),
        region("江海区", Some("江门市")),
    ];
    for plan in plans {
        let doc = DocId::from(plan.doc);
        data.documents.push(Document {
            id: doc.clone(),
            title: format!("{} plan", plan.doc),
            issuer: None,
            date: None,
            number: None,
            jurisdiction: RegionId::from(plan.jurisdiction),
            source: format!("seeds/{}.txt", plan.doc),
            report: DocReport::default(),
        });
        data.goals.push(Goal {
            id: GoalId(format!("{}:g1", plan.doc)),
            doc: doc.clone(),
            region: RegionId::from(plan.jurisdiction),
            number: None,
            title: "重点任务".into(),
            heading_path: vec![],
            projects: vec![],
            source: SourceSpan {
                doc: doc.clone(),
                line: 1,
                end_line: 1,
            },
            body: String::new(),
            body_source: None,
        });
        for (n, (text, lead)) in plan.tasks.iter().enumerate() {
            if !lead.is_empty() && !data.units.iter().any(|u| u.id.as_str() == *lead) {
                data.units.push(Unit {
                    id: UnitId::from(*lead),
                    name: lead.to_string(),
                    kind: UnitKind::Government,
                    jurisdiction: None,
                    written: vec![lead.to_string()],
                    aliases: vec![],
                    members: vec![],
                    source: None,
                });
            }
            let leads: Vec<UnitRef> = if lead.is_empty() {
                vec![]
            } else {
                vec![UnitRef {
                    unit: UnitId::from(*lead),
                    written: lead.to_string(),
                    chars: None,
                    stated_at: None,
                }]
            };
            data.tasks.push(Task {
                id: TaskId(format!("{}:t{}", plan.doc, n + 1)),
                key: Default::default(),
                doc: doc.clone(),
                goal: GoalId(format!("{}:g1", plan.doc)),
                number: None,
                title: text.chars().take(12).collect(),
                text: text.to_string(),
                note: None,
                clauses: vec![],
                lead_mode: if leads.is_empty() {
                    LeadMode::None
                } else {
                    LeadMode::Single
                },
                leads,
                partners: vec![],
                responsible: vec![],
                leader: None,
                deadline: None,
                due: None,
                mentions: vec![],
                source: SourceSpan {
                    doc: doc.clone(),
                    line: (n as u32 + 1) * 10,
                    end_line: (n as u32 + 1) * 10,
                },
            });
        }
    }
    data
}

/// Filler tasks so that document frequencies behave as in a real corpus:
/// the words of ordinary administrative prose appear in many tasks.
pub const FILLER: &[(&str, &str)] = &[
    ("完善财政资金保障机制,强化考核督办。", "财政局"),
    ("加强人才队伍建设,优化干部考核评价。", "组织部"),
    ("推进教育资源均衡配置,提升办学水平。", "教育局"),
    ("健全医疗卫生服务体系,提升基层诊疗能力。", "卫生健康局"),
    ("加强耕地保护,落实粮食安全责任制。", "农业农村局"),
    ("推进污水处理设施建设,改善河涌水质。", "生态环境局"),
    ("深化审批制度改革,提升政务服务效率。", "政务服务数据管理局"),
    ("加强安全生产监管,防范化解重大风险。", "应急管理局"),
];

/// `tasks` followed by [`FILLER`].
pub fn with_filler<'a>(tasks: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    tasks.iter().chain(FILLER).copied().collect()
}

/// More filler on varied subjects, for corpora large enough (40 tasks and
/// more) that the engine judges generic wording from them.
pub const TOPICS: &[(&str, &str)] = &[
    ("完善城市供水管网,提高供水保障能力。", "水务局"),
    ("推进老旧小区改造,完善小区配套设施。", "住房和城乡建设局"),
    ("加强食品药品安全监管,完善追溯体系。", "市场监督管理局"),
    ("发展社区居家养老,增加护理型养老床位。", "民政局"),
    ("推进全民健身,建设社区体育场地。", "文化广电旅游体育局"),
    ("加强森林防火,完善护林员队伍。", "林业局"),
    ("推进退役军人服务站建设,落实优抚政策。", "退役军人事务局"),
    ("完善社会救助制度,保障困难群众基本生活。", "民政局"),
];

/// Makes the western area of the [`data`] regions what the seeds say it
/// is: 台山市, 开平市 and 恩平市, with a planning sub-region 广海湾区 that
/// takes in 台山's southern coast and 恩平's 横陂镇.
pub fn western_area(data: &mut TaskData) {
    for r in &mut data.regions {
        if r.id.as_str() == "江门西部发展区" {
            r.members = vec!["台山市".into(), "开平市".into(), "恩平市".into()];
        }
    }
    data.regions.push(Region {
        id: RegionId::from("江门西部发展区/广海湾区"),
        name: "广海湾区".into(),
        kind: RegionKind::Subregion,
        parent: Some(RegionId::from("江门西部发展区")),
        members: vec!["西部发展区的台山南部的滨海区域".into(), "恩平横陂镇".into()],
        doc: None,
        source: None,
    });
}

/// Puts task `task` under a goal of its own about `region`.
pub fn goal_about(data: &mut TaskData, task: &str, region: &str) {
    let t = data
        .tasks
        .iter_mut()
        .find(|t| t.id.as_str() == task)
        .expect("task exists");
    let goal = GoalId(format!("{task}:goal"));
    t.goal = goal.clone();
    let (doc, source) = (t.doc.clone(), t.source.clone());
    data.goals.push(fengong::model::Goal {
        id: goal,
        doc,
        region: RegionId::from(region),
        number: None,
        title: format!("{region}的目标"),
        heading_path: vec![],
        projects: vec![],
        source,
        body: String::new(),
        body_source: None,
    });
}

/// The seeds' task data (`data/tasks.json`) and the overlaps the engine
/// computes from it now (not the stored ones), computed once per test run.
pub static SEEDS: std::sync::LazyLock<(TaskData, Vec<fengong::model::Overlap>)> =
    std::sync::LazyLock::new(|| {
        let data =
            TaskData::load(&crate::common::repo("data/tasks.json")).expect("data/tasks.json");
        let overlaps = fengong::overlap::compute(&data);
        (data, overlaps)
    });

/// A seed task by document prefix (`000`) and title.
pub fn seed_task(doc_prefix: &str, title: &str) -> TaskId {
    SEEDS
        .0
        .tasks
        .iter()
        .find(|t| t.doc.as_str().starts_with(doc_prefix) && t.title == title)
        .unwrap_or_else(|| panic!("no task “{title}” in {doc_prefix}"))
        .id
        .clone()
}
