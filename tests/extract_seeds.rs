//! Extraction of the five seed plans, checked against what the texts say.

use std::path::PathBuf;
use std::sync::LazyLock;

use fengong::extract::extract_paths;
use fengong::model::{Goal, LeadMode, MentionKind, RegionKind, Task, TaskData, UnitKind};

static DATA: LazyLock<TaskData> =
    LazyLock::new(|| extract_paths(&[PathBuf::from("seeds")]).expect("seeds extract"));

fn doc(prefix: &str) -> &'static str {
    DATA.documents
        .iter()
        .find(|d| d.id.0.starts_with(prefix))
        .map(|d| d.id.0.as_str())
        .unwrap()
}

fn goals(prefix: &str) -> Vec<&'static Goal> {
    let d = doc(prefix);
    DATA.goals.iter().filter(|g| g.doc.0 == d).collect()
}

fn tasks(prefix: &str) -> Vec<&'static Task> {
    let d = doc(prefix);
    DATA.tasks.iter().filter(|t| t.doc.0 == d).collect()
}

fn task(prefix: &str, title: &str) -> &'static Task {
    tasks(prefix)
        .into_iter()
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no task “{title}” in {prefix}"))
}

fn written(refs: &[fengong::model::UnitRef]) -> Vec<&str> {
    refs.iter().map(|r| r.written.as_str()).collect()
}

#[test]
fn committed_data_file_is_what_the_extractor_produces() {
    let committed = std::fs::read_to_string("data/tasks.json").expect("data/tasks.json");
    assert!(
        committed == DATA.to_json(),
        "data/tasks.json is stale: run `cargo run --release -- extract`"
    );
}

#[test]
fn extraction_is_deterministic() {
    let again = extract_paths(&[PathBuf::from("seeds")]).unwrap();
    assert_eq!(again.to_json(), DATA.to_json());
}

#[test]
fn seed_000_metadata() {
    let d = DATA
        .documents
        .iter()
        .find(|d| d.id.0.starts_with("000"))
        .unwrap();
    assert_eq!(d.title, "台山市加快构建“三大中心”区域发展新格局实施方案");
    assert_eq!(d.issuer.as_deref(), Some("台山市人民政府"));
    assert_eq!(d.date.as_deref(), Some("2021-02-03"));
    assert_eq!(d.number.as_deref(), Some("台府〔2021〕3号"));
    assert_eq!(d.jurisdiction.0, "台山市");
    assert_eq!(d.source, "seeds/000_f13ecef8831b900d.txt");
}

#[test]
fn seed_000_six_goals_with_every_numbered_task() {
    let with_tasks: Vec<(&str, usize)> = goals("000")
        .iter()
        .map(|g| {
            (
                g.title.as_str(),
                tasks("000").iter().filter(|t| t.goal == g.id).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(
        with_tasks,
        vec![
            ("强化北部产城融合中心协同辐射力", 7),
            ("提升东南部战略湾区中心对接发展力", 5),
            ("深化西南部旅游集散中心龙头带动力", 4),
            ("促推海陆空交通体系疏通联动力", 4),
            ("激活乡村振兴生态保护发展永续力", 6),
            ("发挥区域协调发展体制机制创新力", 8),
        ]
    );
    // Every task of this plan names its lead units.
    assert!(
        tasks("000")
            .iter()
            .all(|t| !t.leads.is_empty() && t.lead_mode != LeadMode::None)
    );
    // Numbers restart in each goal and titles are the lead sentences.
    let t = &tasks("000")[0];
    assert_eq!(t.number.as_deref(), Some("1."));
    assert_eq!(t.title, "以新型城镇引擎推动北部能级提升");
    assert_eq!((t.source.line, t.source.end_line), (46, 46));
}

#[test]
fn seed_000_notes() {
    let t = task("000", "以新型城镇引擎推动北部能级提升");
    assert_eq!(written(&t.leads), vec!["产业转移工业园"]);
    assert_eq!(
        written(&t.partners),
        vec!["市发展和改革局", "市自然资源局", "市交通运输局", "北部7镇"]
    );
    assert_eq!(t.lead_mode, LeadMode::Single);

    let t = task("000", "大力开展智慧城市建设");
    assert_eq!(
        written(&t.leads),
        vec!["市城市管理和综合执法局", "市政务服务数据管理局"]
    );
    assert_eq!(t.lead_mode, LeadMode::Respective);
    assert_eq!(written(&t.partners), vec!["市相关单位"]);

    // 牵头 twice: `A、B牵头、C分别牵头`.
    let t = task("000", "大力发展高端先进制造业");
    assert_eq!(
        written(&t.leads),
        vec!["市发展和改革局", "市科工商务局", "江门市生态环境局台山分局"]
    );
    assert_eq!(t.lead_mode, LeadMode::Respective);

    // Partners separated by both 、 and ,.
    let t = task("000", "建立区域协同发展协调机制");
    assert_eq!(
        written(&t.partners),
        vec![
            "市委编办",
            "市科工商务局",
            "市财政局",
            "市自然资源局",
            "市政务服务数据管理局",
            "各镇"
        ]
    );

    // `(珠西)` inside the text is not a note; the real note is at the end.
    let t = task("000", "加快打造粤港澳大湾区(珠西)高端产业集聚发展区核心区");
    assert_eq!(written(&t.leads), vec!["广海湾经济开发区"]);
    assert!(t.note.as_ref().unwrap().text.contains("牵头"));
}

#[test]
fn seed_000_units_are_qualified_grouped_and_aliased() {
    let unit = |name: &str| {
        DATA.units
            .iter()
            .find(|u| u.name == name)
            .unwrap_or_else(|| panic!("no unit {name}"))
    };
    let dev = unit("台山市发展和改革局");
    assert_eq!(dev.kind, UnitKind::Government);
    assert!(dev.written.contains(&"市发展和改革局".to_owned()));
    assert!(dev.aliases.contains(&"发改局".to_owned()));
    assert_eq!(unit("台山市委组织部").kind, UnitKind::Party);
    assert_eq!(unit("台山市产业转移工业园").kind, UnitKind::DevelopmentZone);
    assert_eq!(unit("台山市相关单位").kind, UnitKind::Collective);

    let north = unit("台山市北部7镇");
    assert_eq!(north.kind, UnitKind::Group);
    let members: Vec<&str> = north.members.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(
        members,
        vec![
            "台山市台城街道",
            "台山市水步镇",
            "台山市大江镇",
            "台山市三合镇",
            "台山市四九镇",
            "台山市冲蒌镇",
            "台山市白沙镇"
        ]
    );
    assert_eq!(north.source.as_ref().unwrap().line, 44);
    // 台城街道办 in one note and 台城 in the group are the same town.
    let t = task("000", "聚力提升城市形象品质");
    assert!(t.partners.iter().any(|p| p.unit.0 == "台山市台城街道"));
    // 各镇 lists the towns of 台山.
    assert_eq!(unit("台山市各镇").members.len(), 17);
}

#[test]
fn seed_000_regions() {
    let r = |id: &str| {
        DATA.regions
            .iter()
            .find(|r| r.id.0 == id)
            .unwrap_or_else(|| panic!("no region {id}"))
    };
    let north = r("台山市/北部产城融合中心");
    assert_eq!(north.parent.as_ref().unwrap().0, "台山市/三大中心");
    assert_eq!(
        north.members,
        vec!["台城", "水步", "大江", "三合", "四九", "冲蒌", "白沙"]
    );
    assert_eq!(r("台山市/三大中心").members.len(), 3);
    let g = goals("000");
    assert_eq!(g[1].region.0, "台山市/东南部战略湾区中心");
    assert_eq!(
        g[3].region.0, "台山市",
        "a goal about no sub-region is about the jurisdiction"
    );
    // Containment between jurisdictions.
    assert_eq!(r("台山市").parent.as_ref().unwrap().0, "江门市西部发展区");
    assert_eq!(r("江门市西部发展区").parent.as_ref().unwrap().0, "江门市");
    assert_eq!(r("江海区").parent.as_ref().unwrap().0, "江门市");
    assert_eq!(r("新会区").parent.as_ref().unwrap().0, "江门市");
    assert_eq!(
        r("江门市西部发展区").members,
        vec!["台山市", "开平市", "恩平市"]
    );
}

#[test]
fn seed_001_pdf_conversion() {
    let g = goals("001");
    let titles: Vec<&str> = g.iter().map(|g| g.title.as_str()).collect();
    // Background chapters give no goals; the TOC gives nothing.
    assert!(
        !titles
            .iter()
            .any(|t| t.contains("基础条件") || t.contains("指导思想") || t.contains("....."))
    );
    assert_eq!(titles[0], "全面提升“台开副核心”");
    // The heading without Markdown marks is still a goal.
    assert!(titles.contains(&"发展交通运输新业态新产业"));
    let t = task("001", "增强副核心职能");
    assert!(
        t.text.contains("辐射带动功能。"),
        "paragraph split at a page break is joined"
    );
    assert_eq!((t.source.line, t.source.end_line), (147, 149));
    // 专栏 entries are projects of their goal, not tasks.
    let transport = g
        .iter()
        .find(|g| g.title == "构建综合交通运输网络")
        .unwrap();
    assert_eq!(transport.projects.len(), 5);
    assert!(
        transport
            .projects
            .iter()
            .all(|p| p.list.contains("专栏5-1"))
    );
    assert!(
        !tasks("001")
            .iter()
            .any(|t| t.text.contains("研究规划南宁经玉林"))
    );
    assert!(!tasks("001").iter().any(|t| t.title == "防洪减灾工程"));
    // A task after a box belongs to the goal again.
    let t = task("001", "建设安全高效的现代能源体系");
    assert_eq!(
        DATA.goals.iter().find(|g| g.id == t.goal).unwrap().title,
        "构建现代信息能源水利设施网络"
    );
    // Figure captions are no text of any task.
    assert!(!tasks("001").iter().any(|t| t.text.contains("空间布局图")));
    // This plan names no lead units, so none are invented.
    assert!(
        tasks("001")
            .iter()
            .all(|t| t.leads.is_empty() && t.lead_mode == LeadMode::None)
    );
    assert!(tasks("001").len() >= 70);
    // Lead-sentence tasks of issue 9 once missed.
    for (line, title) in [
        (193, "逐步提升创新能力"),
        (195, "积极发展新兴产业"),
        (369, "提升水利基础设施能力"),
    ] {
        assert_eq!(task("001", title).source.line, line, "{title}");
    }
}

#[test]
fn seed_001_regions() {
    let r = |id: &str| {
        DATA.regions
            .iter()
            .find(|r| r.id.0 == id)
            .unwrap_or_else(|| panic!("no region {id}"))
    };
    assert_eq!(
        r("江门市西部发展区/两区").members,
        vec!["生态发展区", "广海湾区"]
    );
    assert_eq!(r("江门市西部发展区/四轴").members.len(), 4);
    assert_eq!(goals("001")[1].region.0, "江门市西部发展区/生态发展区");
}

#[test]
fn seed_002_five_year_plan() {
    let g = goals("002");
    assert!(!g.iter().any(|g| {
        g.heading_path
            .iter()
            .any(|p| p.contains("主要成就") || p.contains("指导思想"))
    }));
    let quality = g
        .iter()
        .find(|g| g.title == "高水平建设城市品质提升示范区")
        .unwrap();
    // The chapter heading glued to the end of a paragraph is found.
    assert!(quality.heading_path[0].starts_with("推进江海版“三区"));
    assert_eq!(quality.region.0, "江海区/城市品质提升示范区");
    // Spaced quotes are normalised.
    let t = task("002", "强化基础设施“硬联通”");
    assert!(t.text.contains("“轨道上"));
    assert!(tasks("002").iter().all(|t| !t.title.contains("“ ")));
    assert!(tasks("002").len() >= 150);
}

#[test]
fn seed_003_news_article_lists() {
    let g = goals("003");
    let titles: Vec<&str> = g.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles, vec!["“十大行动”攻坚克难", "“十大建设”夯实基础"]);
    assert!(
        g.iter()
            .all(|g| DATA.tasks.iter().filter(|t| t.goal == g.id).count() == 10)
    );
    let t = task("003", "统筹谋划专业镇特色镇创强培优建设");
    let actor = t.mentions.iter().find(|m| m.text == "大泽镇").unwrap();
    assert_eq!(actor.kind, MentionKind::Actor);
    assert_eq!(actor.unit.as_ref().unwrap().0, "新会区大泽镇");
    assert!(
        t.leads.is_empty(),
        "a mentioned town is never promoted to lead"
    );
}

#[test]
fn seed_004_wall_of_text() {
    let d = DATA
        .documents
        .iter()
        .find(|d| d.id.0.starts_with("004"))
        .unwrap();
    assert_eq!(d.title, "关于构建区域发展新格局的指导意见");
    assert_eq!(d.jurisdiction.0, "XX市");
    let g = goals("004");
    assert_eq!(g[0].title, "提升“一核”辐射带动作用");
    assert_eq!(g[0].region.0, "XX市/一核");
    let t = task("004", "做强先进制造业和服务业");
    // `9、` was injected mid-word at a page break.
    assert!(t.text.contains("生产性服务业向专业化"));
    assert!(tasks("004").iter().all(|t| !t.text.contains("、服务业向")));
    let titles: Vec<&str> = tasks("004").iter().map(|t| t.title.as_str()).collect();
    assert!(titles.contains(&"推动西北山地片区绿色崛起"));
    // Goal prose makes no task: the eight tasks are the hand-read ones, and
    // a goal's prose is its body, searchable.
    assert_eq!(titles.len(), 8, "{titles:?}");
    let corridor = g.iter().find(|g| g.title == "加快对外大通道共建").unwrap();
    assert!(corridor.body.contains("南郊机场") && corridor.body.contains("成兰铁路"));
    assert!(
        tasks("004")
            .iter()
            .all(|t| !t.text.contains("南郊机场") && !t.text.contains("成兰铁路"))
    );
    let prose = g.iter().filter(|g| !g.body.is_empty()).count();
    assert!(prose >= 12, "{prose} of 13 goals keep their body");
    let r = |id: &str| {
        DATA.regions
            .iter()
            .find(|r| r.id.0 == id)
            .unwrap_or_else(|| panic!("no region {id}"))
    };
    assert_eq!(r("XX市/北翼").parent.as_ref().unwrap().0, "XX市/两翼");
    assert_eq!(
        r("XX市/西北山地片区").parent.as_ref().unwrap().0,
        "XX市/三大片区"
    );
    assert_eq!(r("XX市").kind, RegionKind::Jurisdiction);
    assert!(r("XX市").parent.is_none());
}

/// Recall and precision of task titles against the hand-read lists in
/// `tests/fixtures/seed_tasks/` (the target: ≥ 97% on 001–004,
/// 100% on 000).
#[test]
fn seed_task_lists_read_by_hand() {
    for (prefix, floor) in [
        ("000", 1.0),
        ("001", 0.97),
        ("002", 0.97),
        ("003", 0.97),
        ("004", 0.97),
    ] {
        let list = std::fs::read_to_string(format!("tests/fixtures/seed_tasks/{prefix}.tsv"))
            .expect("seed task list");
        let gold: Vec<&str> = list.lines().filter_map(|l| l.split('\t').nth(1)).collect();
        let found: Vec<&str> = tasks(prefix).iter().map(|t| t.title.as_str()).collect();
        let hits = gold.iter().filter(|g| found.contains(g)).count();
        let recall = hits as f64 / gold.len() as f64;
        let precision = hits as f64 / found.len().max(1) as f64;
        let missed: Vec<&&str> = gold.iter().filter(|g| !found.contains(g)).collect();
        let extra: Vec<&&str> = found.iter().filter(|f| !gold.contains(f)).collect();
        assert!(
            recall >= floor && precision >= floor,
            "{prefix}: recall {recall:.3}, precision {precision:.3}; missed {missed:?}, extra {extra:?}"
        );
    }
}
