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

/// Builds task data from plans; regions 江门市 ⊃ 台山市, 江门市 ⊃ 江门西部发展区,
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
        region("台山市", Some("江门市")),
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
