//! One small hand-written document per general mechanism of issue 9
//! (`tests/fixtures/mechanisms/`), through the whole pipeline: numbering
//! folded and levels decided from content, the responsibility-clause
//! grammar, labelled lines, rules and their scope, page furniture,
//! plain-text tables, goals whose body is prose, deadlines, and a report
//! that is never silent.

use fengong::model::LeadMode::{self, Joint, None as NoLead, Respective, Single};

use crate::common::extract::{
    Row, assert_spans_read_as_written, extract_fixture, extract_text, goal_titles, row,
};

fn m(name: &str) -> fengong::model::TaskData {
    let d = extract_fixture(&format!("mechanisms/{name}"));
    assert_spans_read_as_written(&d);
    d
}

#[allow(clippy::too_many_arguments)]
fn r<'a>(
    number: &'a str,
    title: &'a str,
    leads: &[&'a str],
    partners: &[&'a str],
    responsible: &[&'a str],
    mode: LeadMode,
    deadline: Option<&'a str>,
) -> Row<'a> {
    Row {
        number: Some(number),
        title,
        leads: leads.to_vec(),
        partners: partners.to_vec(),
        responsible: responsible.to_vec(),
        mode,
        deadline,
    }
}

/// A task's title with its leads, partners and responsible units.
type TitleRoles<'a> = (&'a str, Vec<&'a str>, Vec<&'a str>, Vec<&'a str>);

/// Every task's title with its leads, partners and responsible units.
fn title_roles(d: &fengong::model::TaskData) -> Vec<TitleRoles<'_>> {
    d.tasks
        .iter()
        .map(|t| {
            let r = row(t);
            (r.title, r.leads, r.partners, r.responsible)
        })
        .collect()
}

fn warnings(d: &fengong::model::TaskData) -> Vec<String> {
    d.documents
        .iter()
        .flat_map(|doc| {
            doc.report
                .warnings
                .iter()
                .map(|w| format!("{}: {}", w.line, w.message))
        })
        .collect()
}

#[test]
fn full_width_digits_and_points_fold_before_numbering_is_read() {
    let d = m("numbering_forms.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "１．",
                "建设县第一中学新校区，新增学位1500个",
                &["县教育局"],
                &["县财政局", "县自然资源局"],
                &[],
                Single,
                None
            ),
            r(
                "２．",
                "新建社区养老服务中心2个",
                &["县民政局"],
                &[],
                &[],
                Single,
                None
            ),
            // No note, but its siblings are tasks: a task with no lead.
            r("３．", "改扩建乡镇幼儿园5所", &[], &[], &[], NoLead, None),
            // ① sub-points closed by a note line: one task, the points its text.
            r(
                "４．",
                "推进城市更新",
                &["县住建局"],
                &["县城管局"],
                &[],
                Single,
                None
            ),
            r(
                "５．",
                "新建停车泊位500个",
                &["县公安局交警大队"],
                &["各乡镇"],
                &[],
                Single,
                None
            ),
            r(
                "６．",
                "完成农村改厕3000户",
                &["县农业农村局"],
                &["各乡镇"],
                &[],
                Single,
                None
            ),
        ]
    );
    assert!(
        d.tasks[3].text.contains("①改造老旧小区20个")
            && d.tasks[3].text.contains("②新建口袋公园5个")
    );
    assert_eq!(
        goal_titles(&d)[..4],
        ["教育和养老", "教育和养老", "教育和养老", "城乡建设"]
    );
    assert!(warnings(&d).iter().all(|w| !w.contains("no tasks")));
}

#[test]
fn a_level_is_a_task_or_a_heading_by_content() {
    let d = m("numbering_levels.txt");
    let got: Vec<(Option<&str>, &str, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            (
                t.number.as_deref(),
                t.title.as_str(),
                crate::common::extract::written(&t.leads),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            // （一） under 一、 is the task level here…
            (Some("（一）"), "新增城镇就业3000人", vec!["县人社局"]),
            (Some("（二）"), "开展职业技能培训5000人次", vec!["县人社局"]),
            (Some("（三）"), "落实最低工资标准调整", vec![]),
            // …and a heading where it governs (１) and (1) items.
            (Some("（１）"), "落实居民医保参保缴费补助", vec!["县医保局"]),
            (Some("（２）"), "推进医保支付方式改革", vec!["县医保局"]),
            (Some("(1)"), "开展低收入人口动态监测", vec!["县民政局"]),
            (Some("(2)"), "提高特困人员供养标准", vec!["县民政局"]),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        [
            "就业和收入",
            "就业和收入",
            "就业和收入",
            "提高城乡居民医保财政补助标准",
            "提高城乡居民医保财政补助标准",
            "完善社会救助体系",
            "完善社会救助体系"
        ]
    );
}

#[test]
fn articles_and_an_enumeration_closed_by_one_note() {
    let d = m("numbering_articles.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // 第一条 states the plan's purpose under 总则: no task.
            r(
                "第二条",
                "降低企业用地成本",
                &["市自然资源局"],
                &["各区县政府"],
                &[],
                Single,
                None
            ),
            // 一是…二是…三是… closed by one note: the article's parts.
            r(
                "第三条",
                "强化融资支持",
                &["市金融办"],
                &["人民银行市分行", "市财政局"],
                &[],
                Single,
                None
            ),
            r(
                "第四条",
                "减轻税费负担",
                &["市税务局"],
                &[],
                &[],
                Single,
                None
            ),
        ]
    );
    assert!(d.tasks[1].text.contains("三是设立转贷应急资金"));
}

#[test]
fn the_clause_grammar_reads_every_role_marker_and_separator() {
    let d = m("clause_grammar.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // Sentence form without brackets: 由X会同A、B等….
            r(
                "1.",
                "实施产业链链长制",
                &["市工信局"],
                &["市发展改革委", "市商务局"],
                &[],
                Single,
                None
            ),
            // 按职责分工负责 after a lead: partners; the time clause is the deadline.
            r(
                "2.",
                "支持龙头企业技术改造",
                &["市工信局"],
                &["市财政局", "市税务局"],
                &[],
                Single,
                Some("2025年6月底前完成政策兑现")
            ),
            // 分别牵头; the verb and object after a unit are not its name.
            r(
                "3.",
                "推进园区扩容提质",
                &["市自然资源和规划局", "市工信局"],
                &["各县（市、区）人民政府"],
                &[],
                Respective,
                Some("年内持续推进")
            ),
            // 和 between leads; 予以支持 marks partners.
            r(
                "4.",
                "建设工业互联网平台",
                &["市委网信办", "市数据局"],
                &["市直有关单位", "各县（市、区）"],
                &[],
                Joint,
                None
            ),
            // An explanatory bracket is dropped from the name; 等有关部门 too.
            r(
                "5.",
                "培育专精特新企业",
                &["市中小企业服务中心"],
                &["市科技局"],
                &[],
                Single,
                None
            ),
            // 按职责分工负责 with no 牵头: each leads its part.
            r(
                "6.",
                "完善产业用地政策",
                &[
                    "省自然资源厅驻市机构",
                    "市自然资源和规划局",
                    "住房城乡建设局"
                ],
                &[],
                &[],
                Respective,
                None
            ),
            r(
                "7.",
                "加强要素保障",
                &["市发展改革委"],
                &[],
                &[],
                Single,
                None
            ),
            // 主办 / 协办 labels.
            r(
                "8.",
                "完善企业服务机制",
                &["市工商联"],
                &["市市场监管局", "市政务服务中心"],
                &[],
                Single,
                None
            ),
        ]
    );
    // A shared prefix written once: `住房城乡建设局` after `市…局` is the
    // city's, as a canonical unit, and stays written as in the text.
    let housing = &d.tasks[5].leads[2];
    let unit = d.units.iter().find(|u| u.id == housing.unit).unwrap();
    assert_eq!(unit.name, "某某市住房城乡建设局");
    assert!(
        d.units
            .iter()
            .all(|u| !u.name.contains("园区用地保障") && !u.name.contains("下同"))
    );
    // The sentence form's own work (`报市政府同意后实施`) is no unread note
    // part. (`年内持续推进` in a plan with no year is reported as a
    // deadline with no date: that is the deadline reader's, and true.)
    let w = warnings(&d);
    assert!(w.iter().all(|w| !w.contains("not read")), "{w:?}");
    assert!(w.iter().all(|w| w.contains("names no date")), "{w:?}");
}

#[test]
fn label_lines_under_a_heading_are_inherited_and_a_cover_rule_applies() {
    let d = m("heading_lead_lines.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // Half-width colon and comma in labels.
            r(
                "1.",
                "地区生产总值增长6%左右",
                &["区发改局"],
                &["区统计局", "各街道"],
                &[],
                Single,
                None
            ),
            // The cover notice's rule: 无牵头单位的，责任单位即为牵头单位.
            r(
                "2.",
                "一般公共预算收入增长5%",
                &["区财政局", "区税务局"],
                &[],
                &[],
                Joint,
                None
            ),
            // `牵头单位：区发改局` under （一）: the heading's note, inherited.
            r(
                "1.",
                "全年实施区级重点项目60个",
                &["区发改局"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "新开工项目30个以上",
                &["区发改局"],
                &["区住建局"],
                &[],
                Single,
                None
            ),
            r(
                "1.",
                "引进亿元以上项目20个",
                &["区商务局"],
                &["各街道"],
                &[],
                Single,
                None
            ),
            // A task's own note wins over the heading's.
            r(
                "2.",
                "实际利用外资增长5%",
                &["区商务局", "区外事办"],
                &[],
                &[],
                Joint,
                None
            ),
        ]
    );
    // Inherited units say where they were stated.
    assert_eq!(d.tasks[2].leads[0].stated_at, Some(19));
    // The notice's own text is no task, and the headings stay goals.
    assert_eq!(d.goals.len(), 3);
    assert!(d.tasks.iter().all(|t| !t.title.contains("印发")));
}

#[test]
fn rules_apply_within_the_scope_they_name() {
    let d = m("scope_rules.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // 排在首位的为牵头单位; the part's standing partner added.
            r(
                "1.",
                "推行“一网通办”",
                &["县政务服务中心"],
                &["县数据局", "各乡镇人民政府"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "压缩企业开办时间",
                &["县市场监管局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                None
            ),
            // No note: the heading's lead (一、…（县政务服务中心牵头）).
            r(
                "3.",
                "推进“证照分离”改革",
                &["县政务服务中心"],
                &["各乡镇人民政府"],
                &[],
                Single,
                None
            ),
            // 本部分 stops at the next part.
            r(
                "4.",
                "清理妨碍公平竞争的规定",
                &["县市场监管局"],
                &["县司法局"],
                &[],
                Single,
                None
            ),
            r(
                "5.",
                "规范涉企收费",
                &["县发改局", "县财政局"],
                &[],
                &[],
                Respective,
                None
            ),
        ]
    );
    assert_eq!(d.goals[0].title, "提升政务服务效能");
}

#[test]
fn page_furniture_is_removed_even_inside_a_note() {
    let d = m("page_furniture.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "加快5G网络建设",
                &["市通信发展管理办公室"],
                &["各县（市、区）人民政府"],
                &[],
                Single,
                Some("2025年底前")
            ),
            // A page break inside `市工业和信\n息化局`.
            r(
                "2.",
                "建设城市算力中心",
                &["市发展改革委"],
                &["市数据局", "市工业和信息化局"],
                &[],
                Single,
                None
            ),
            r(
                "3.",
                "推进千兆光网入户",
                &["市通信发展管理办公室"],
                &["市住房城乡建设局"],
                &[],
                Single,
                None
            ),
            // …and between `牵` and `头`.
            r(
                "4.",
                "发展软件和信息服务业",
                &["市工业和信息化局"],
                &["市科技局"],
                &[],
                Single,
                None
            ),
        ]
    );
    for t in &d.tasks {
        assert!(
            !t.text.contains('—') && !t.text.contains("实施方案"),
            "{}",
            t.text
        );
    }
    assert!(d.tasks[0].text.contains("实现重点场所连续覆盖"));
    assert_eq!(d.documents[0].title, "某某市推动数字经济高质量发展实施方案");
}

#[test]
fn an_aligned_plain_text_table_is_a_task_table() {
    let d = m("aligned_table.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "稳定粮食播种面积40万亩",
                &["县农业农村局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                Some("2025年10月")
            ),
            // A unit cell wrapped onto the next line, ending in `、`.
            r(
                "2",
                "建设高标准农田2万亩",
                &["县农业农村局"],
                &["县财政局", "县自然资源局", "县水利局"],
                &[],
                Single,
                Some("2025年12月")
            ),
            r(
                "3",
                "完成农村公路改造60公里",
                &["县交通运输局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                Some("2025年11月")
            ),
            r(
                "4",
                "推进农村生活污水治理",
                &["县生态环境分局"],
                &["县住建局"],
                &[],
                Single,
                Some("持续推进")
            ),
        ]
    );
    // Section rows are goals.
    assert_eq!(
        goal_titles(&d),
        ["粮食安全", "粮食安全", "乡村建设", "乡村建设"]
    );
    assert_eq!(d.documents[0].title, "某某县2025年农业农村重点工作任务表");
}

#[test]
fn a_box_drawn_table_with_wrapped_cells_and_a_merged_category_column() {
    let d = m("box_table_merged.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // Every cell wrapped inside its column, unit names and the
            // deadline broken mid-word; a short line ends a unit.
            r(
                "1",
                "改造城西片区老旧小区14个，同步加装电梯",
                &["县住房和城乡建设局"],
                &["县财政局", "各街道办事处"],
                &[],
                Single,
                Some("2026年10月底前")
            ),
            r(
                "2",
                "建设城市口袋公园6处",
                &["县城市管理局"],
                &["县自然资源局"],
                &[],
                Single,
                Some("2026年12月底前")
            ),
            r(
                "3",
                "新建高标准农田1.5万亩，配套建设灌排设施",
                &["县农业农村局"],
                &["县水利局", "县财政局"],
                &[],
                Single,
                Some("持续推进")
            ),
            r(
                "4",
                "完成农村公路提档升级45公里",
                &["县交通运输局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                Some("2026年11月底前")
            ),
        ]
    );
    // The 领域 cell merged down over its rows (its text partly on the rule
    // line) is each row's goal.
    assert_eq!(
        goal_titles(&d),
        ["城市更新", "城市更新", "乡村振兴", "乡村振兴"]
    );
    assert_eq!(d.documents[0].title, "澄湾县2026年城乡建设重点任务分工表");
}

#[test]
fn an_ascii_box_table_with_section_rows_merged_across() {
    let d = m("box_table_ascii.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "推行企业开办“一窗通办”，办理时间压缩至1个工作日",
                &["县政务服务中心"],
                &["县市场监管局", "县税务局"],
                &[],
                Single,
                Some("2026年6月")
            ),
            r(
                "2",
                "建设中小企业融资服务平台",
                &["县金融服务中心"],
                &["县财政局"],
                &[],
                Single,
                Some("2026年9月")
            ),
            r(
                "3",
                "新建城东幼儿园1所，增加学位360个",
                &["县教育局"],
                &["县住建局", "县自然资源局"],
                &[],
                Single,
                Some("2027年8月")
            ),
        ]
    );
    assert_eq!(goal_titles(&d), ["营商环境", "营商环境", "公共服务"]);
}

#[test]
fn marked_items_under_a_group_row_of_a_double_box_are_its_tasks() {
    let d = m("box_table_groups.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    let item = |title, leads: &[&'static str], deadline| Row {
        number: None,
        title,
        leads: leads.to_vec(),
        partners: vec![],
        responsible: vec![],
        mode: Joint,
        deadline: Some(deadline),
    };
    let culture = ["县文化和旅游局", "县发展改革局"];
    let ecology = ["县生态环境分局", "各乡镇人民政府"];
    // Each △ line a task taking the cells merged over the group; the
    // 分管领导 is a person, no unit.
    assert_eq!(
        rows,
        vec![
            item(
                "建成古镇游客服务中心，新增停车泊位300个",
                &culture,
                "年内见成效"
            ),
            item("开发研学旅行精品线路5条", &culture, "年内见成效"),
            item("完成溪流河道综合整治12公里", &ecology, "年底前"),
            item(
                "新建农村生活污水处理站8座，运维覆盖率达到90%",
                &ecology,
                "年底前"
            ),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        [
            "推进文旅融合发展，打造全域旅游",
            "推进文旅融合发展，打造全域旅游",
            "加强生态环境保护",
            "加强生态环境保护"
        ]
    );
}

#[test]
fn a_note_naming_merged_columns_fills_their_empty_cells_from_above() {
    let d = m("md_merged_columns.md");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    let lead = |n, title, lead, partners: &[&'static str], deadline| {
        r(n, title, &[lead], partners, &[], Single, Some(deadline))
    };
    assert_eq!(
        rows,
        vec![
            lead(
                "1",
                "改造镇中心小学操场",
                "镇社会事务办",
                &["镇财政所"],
                "2026年8月"
            ),
            lead(
                "2",
                "新增村卫生室3个",
                "镇社会事务办",
                &["各村委会"],
                "2026年8月"
            ),
            // 配合单位 is no merged column: empty, no partner.
            lead("3", "建设镇养老服务站", "镇社会事务办", &[], "2026年11月"),
            lead(
                "4",
                "硬化村组道路20公里",
                "镇村镇建设办",
                &["各村委会"],
                "2026年10月"
            ),
            lead(
                "5",
                "新增公交候车亭15座",
                "镇村镇建设办",
                &["镇交管站"],
                "2026年10月"
            ),
        ]
    );
    // Bold section rows are sections, their emphasis no part of the title.
    assert_eq!(
        goal_titles(&d),
        ["教育医疗", "教育医疗", "教育医疗", "道路交通", "道路交通"]
    );
    // Without the note an empty 牵头单位 cell names nobody.
    let plain = std::fs::read_to_string(crate::common::fixture("mechanisms/md_merged_columns.md"))
        .unwrap()
        .replace(
            "注：同一责任单位连续承担的事项，“牵头单位”栏合并填写；“完成时间”栏同。",
            "",
        );
    let d = extract_text("plain.md", &plain);
    assert!(d.tasks[1].leads.is_empty());
    assert_eq!(d.tasks[1].deadline, None);
}

#[test]
fn a_table_written_one_cell_a_line_is_a_task_table() {
    let d = m("cells_per_line.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // 责任单位 with no rule: responsible, no lead guessed.
            r(
                "1",
                "建成农产品加工园区",
                &[],
                &[],
                &["经济发展办"],
                NoLead,
                Some("2025年9月")
            ),
            // An empty unit cell: a task naming nobody.
            r(
                "2",
                "新建茶园500亩",
                &[],
                &[],
                &[],
                NoLead,
                Some("2025年6月")
            ),
            r(
                "3",
                "改造农村危房30户",
                &[],
                &[],
                &["村镇建设办", "民政所"],
                NoLead,
                Some("2025年12月")
            ),
        ]
    );
    assert_eq!(goal_titles(&d), ["产业发展", "产业发展", "民生保障"]);
}

#[test]
fn goal_prose_is_kept_as_the_goals_body_and_reported() {
    let d = m("prose_and_report.txt");
    let titles: Vec<&str> = d.tasks.iter().map(|t| t.title.as_str()).collect();
    // Prose under a goal is no task; only the numbered, noted items are.
    assert_eq!(titles, ["推出精品线路10条", "建设旅游集散中心"]);
    let consumption = d
        .goals
        .iter()
        .find(|g| g.title == "推动文旅消费升级")
        .unwrap();
    assert!(consumption.body.starts_with("深入挖掘夜间经济潜力"));
    let report = &d.documents[0].report;
    let prose: Vec<&str> = report
        .prose_goals
        .iter()
        .map(|g| g.title.as_str())
        .collect();
    assert_eq!(prose, ["推动文旅消费升级", "加强宣传推广"]);
    // Lines that look like tasks but are not placed, and why.
    let unplaced: Vec<(u32, &str)> = report
        .unplaced
        .iter()
        .map(|u| (u.line, u.reason.as_str()))
        .collect();
    assert_eq!(
        unplaced,
        [(15, "unknown numbering"), (16, "unknown numbering")]
    );
    // A note part that is neither unit, role nor deadline: a warning at its line.
    let w = warnings(&d);
    assert!(
        w.iter()
            .any(|w| w.starts_with("11: ") && w.contains("确保按时保质保量")),
        "{w:?}"
    );
}

#[test]
fn deadlines_from_notes_labels_and_closing_clauses() {
    let d = m("deadlines.txt");
    let got: Vec<Option<&str>> = d.tasks.iter().map(|t| t.deadline.as_deref()).collect();
    assert_eq!(
        got,
        [
            // In the note; `到2025年，…` in the text is no deadline.
            Some("2025年10月底前"),
            Some("2025年底前"),
            // A 完成时限 label after the note.
            Some("2025年汛期前"),
            // The task's closing clause before its note.
            Some("2025年9月底前"),
            Some("持续推进"),
            // `到2027年，…达到…` is a target, not a deadline.
            None,
        ]
    );
}

#[test]
fn no_tasks_says_why_and_what_was_seen() {
    let d = extract_text(
        "prose.txt",
        "某某县工作总结\n今天天气很好，阳光明媚。\n我们去公园散步，心情愉快。\n",
    );
    let w = warnings(&d);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with("1: no tasks found in this document: saw 3 paragraphs"),
        "{w:?}"
    );
    assert!(
        w[0].contains("nothing is numbered, no line says who does what"),
        "{w:?}"
    );
    // Lines in a numbering nobody reads, under a background chapter:
    // named, with the reason, and the warning points to them.
    let d = extract_text(
        "odd.txt",
        "某某县重点工作方案\n一、指导思想\nA.坚持以人民为中心，推进共同富裕。\nB.坚持稳中求进，统筹发展和安全。\n",
    );
    let w = warnings(&d);
    assert!(
        w.iter().any(|w| w.contains("no tasks found")
            && w.contains("2 lines look like tasks or notes but were not placed")),
        "{w:?}"
    );
    let unplaced: Vec<(u32, &str)> = d.documents[0]
        .report
        .unplaced
        .iter()
        .map(|u| (u.line, u.reason.as_str()))
        .collect();
    assert_eq!(
        unplaced,
        [(3, "unknown numbering"), (4, "unknown numbering")]
    );
    // Full-width letters that did become tasks are not also "not placed".
    let d = extract_text(
        "letters.txt",
        "某某县重点工作方案\nＡ．建设县城公园，改造绿地。（县住建局牵头）\nＢ．改造老旧小区。（县住建局牵头）\n",
    );
    assert_eq!(d.tasks.len(), 2);
    assert!(d.documents[0].report.unplaced.is_empty());
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn numbered_items_from_1000_on_are_items_of_their_own() {
    let mut plan = String::from("某某县项目清单\n一、重点项目\n");
    for k in 1..=1200 {
        plan.push_str(&format!(
            "{k}.建设第{k}号项目。（县发改局牵头，县财政局配合）\n"
        ));
    }
    let d = extract_text("many.txt", &plan);
    assert_eq!(d.tasks.len(), 1200);
    for (k, t) in d.tasks.iter().enumerate() {
        let n = k + 1;
        assert_eq!(t.number.as_deref(), Some(format!("{n}.").as_str()));
        assert_eq!(t.title, format!("建设第{n}号项目"));
        assert_eq!(crate::common::extract::written(&t.leads), ["县发改局"]);
    }
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn an_attachment_table_is_a_part_of_its_own() {
    let d = extract_text(
        "plan.md",
        "某某区城市更新行动方案\n\n一、重点任务\n\n1.改造老旧小区10个。（区住建局牵头）\n\n二、保障措施\n\n各部门要加强组织领导。\n\n附件：某某区重点项目责任分工表\n\n| 序号 | 项目名称 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | 老街更新项目 | 区文旅局 | 区住建局 | 2025年12月 |\n| 2 | 绿道二期项目 | 区园林局 | 区水务局 | 2024年10月 |\n",
    );
    assert_eq!(
        goal_titles(&d),
        [
            "重点任务",
            "某某区重点项目责任分工表",
            "某某区重点项目责任分工表"
        ]
    );
    assert_eq!(
        crate::common::extract::written(&d.tasks[2].partners),
        ["区水务局"]
    );
}

#[test]
fn a_decimal_outline_nests_chapters_goals_and_tasks_by_depth() {
    let d = m("decimal_outline.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "2.1.1",
                "推行企业开办全程网办，开办时间压缩至1个工作日以内",
                &["市市场监管局"],
                &["市政务服务中心", "市税务局"],
                &[],
                Single,
                None
            ),
            r(
                "2.1.2",
                "深化工程建设项目审批制度改革，全流程审批时间控制在60个工作日内",
                &["市住房城乡建设局"],
                &["市自然资源局"],
                &[],
                Single,
                None
            ),
            r(
                "2.1.3",
                "建设“一网通办”综合服务平台",
                &["市政务服务中心"],
                &[],
                &[],
                Single,
                None
            ),
            // `2.2.1．`: a full-width stop after the label.
            r(
                "2.2.1．",
                "设立中小企业融资风险补偿资金",
                &["市发展改革委"],
                &["市财政局"],
                &[],
                Single,
                None
            ),
            r(
                "2.2.2．",
                "推进工业用地“标准地”出让",
                &["市自然资源局"],
                &["市工业和信息化局", "市生态环境局"],
                &[],
                Single,
                None
            ),
        ]
    );
    // `2 重点任务` is the chapter, `2.1`/`2.2` the goals under it.
    assert_eq!(
        goal_titles(&d),
        [
            "提升政务服务效能",
            "提升政务服务效能",
            "提升政务服务效能",
            "优化要素保障",
            "优化要素保障"
        ]
    );
    for g in &d.goals {
        assert_eq!(g.heading_path, vec!["重点任务"], "{}", g.title);
    }
}

#[test]
fn decimal_items_under_chinese_headings_are_tasks() {
    let d = m("decimal_items.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.1",
                "建设高山茶叶标准化基地2000亩",
                &["县农业农村局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                None
            ),
            r(
                "1.2",
                "培育县级以上农业产业化龙头企业5家",
                &["县农业农村局"],
                &["县财政局"],
                &[],
                Single,
                None
            ),
            r(
                "1.3.",
                "举办松岭茶文化旅游节",
                &["县文化广电旅游局"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "2.1",
                "完成农村户厕改造1500户",
                &["县农业农村局"],
                &["县卫生健康局"],
                &[],
                Single,
                None
            ),
            r(
                "2.2",
                "推进农村生活污水治理",
                &["市生态环境局松岭分局"],
                &["县住房城乡建设局"],
                &[],
                Single,
                None
            ),
            r(
                "（3.1）",
                "开展村级议事协商示范创建",
                &["县民政局"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "（3.2）",
                "推进平安乡村建设",
                &["县委政法委"],
                &["县公安局", "县司法局"],
                &[],
                Single,
                None
            ),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        [
            "发展乡村特色产业",
            "发展乡村特色产业",
            "发展乡村特色产业",
            "改善农村人居环境",
            "改善农村人居环境",
            "加强乡村治理",
            "加强乡村治理"
        ]
    );
}

#[test]
fn numbers_opening_wrapped_lines_of_running_text_are_no_items() {
    let d = m("decimal_running_text.txt");
    let numbers: Vec<Option<&str>> = d.tasks.iter().map(|t| t.number.as_deref()).collect();
    assert_eq!(
        numbers,
        [Some("1.1"), Some("1.2"), Some("2.1"), Some("2.2")],
        "1.5亿元, 2.3万, 3.2%, 2025.12, 2.4版, 5.3节 are text"
    );
    assert_eq!(
        d.tasks[0].text,
        "完成老旧小区改造42个。年内计划总投资约为人民币1.5亿元，惠及居民8600户，\
         其中加装电梯项目投资约2.3万元每户的补贴标准保持不变。（区住房城乡建设局牵头，区财政局配合）"
    );
    assert!(
        d.tasks[1]
            .text
            .contains("提高3.2%以上，完工时间不晚于2025.12底。")
    );
    // `5.3节` passes as a label on its line but continues no neighbour.
    assert!(
        d.tasks[2]
            .text
            .contains("执行导则5.3节的规定，绿地率不低于35%。"),
        "{}",
        d.tasks[2].text
    );
    let leads: Vec<Vec<&str>> = d
        .tasks
        .iter()
        .map(|t| crate::common::extract::written(&t.leads))
        .collect();
    assert_eq!(
        leads,
        [
            vec!["区住房城乡建设局"],
            vec!["区城市管理局"],
            vec!["区园林绿化局"],
            vec!["区交通运输局"]
        ]
    );
    assert_eq!(
        crate::common::extract::written(&d.tasks[1].partners),
        ["各街道办事处"]
    );
    assert_eq!(
        goal_titles(&d),
        [
            "推进老旧小区改造",
            "推进老旧小区改造",
            "完善城市功能",
            "完善城市功能"
        ]
    );
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

#[test]
fn a_lead_marker_after_a_unit_in_a_list_makes_it_the_lead() {
    let d = m("lead_marks_bracketed.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "扩大有效投资，全年实施重点项目120个",
                &["市发展改革委"],
                &["市财政局", "市自然资源局"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "提振居民消费，举办促消费活动50场以上",
                &["市商务局"],
                &["市文旅局", "市市场监管局"],
                &[],
                Single,
                None
            ),
            r(
                "3.",
                "推进开发区扩区调位",
                &["市自然资源局", "市工信局"],
                &["市生态环境局"],
                &[],
                Joint,
                None
            ),
            r(
                "4.",
                "新增城镇就业1.2万人",
                &["市人社局"],
                &["市教育局", "各区县人民政府"],
                &[],
                Single,
                Some("12月底前")
            ),
            // No mark: the units stay responsible, the lead unnamed.
            r(
                "5.",
                "建成普惠托育机构8家",
                &[],
                &[],
                &["市卫健委", "市民政局"],
                NoLead,
                None
            ),
        ]
    );
}

#[test]
fn a_mark_with_a_legend_stated_once_makes_the_marked_units_leads() {
    let d = m("lead_marks_legend.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "培育外贸新业态，新增进出口实绩企业30家",
                &["县商务局"],
                &["县发展改革委"],
                &[],
                Single,
                None
            ),
            // The mark before the name.
            r(
                "2.",
                "建设农产品冷链物流中心",
                &["县供销社"],
                &["县农业农村局", "县交通运输局"],
                &[],
                Single,
                None
            ),
            r(
                "3.",
                "实施文旅融合项目",
                &["县文旅局", "县住建局"],
                &["各乡镇"],
                &[],
                Joint,
                None
            ),
            // No mark in this list: the lead stays unnamed.
            r(
                "4.",
                "改造老旧小区15个",
                &[],
                &[],
                &["县住建局", "县财政局"],
                NoLead,
                None
            ),
        ]
    );
}

#[test]
fn a_mark_without_a_legend_names_no_lead() {
    let d = m("lead_marks_no_legend.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "完善网格化管理体系",
                &[],
                &[],
                &["镇综治中心", "镇派出所"],
                NoLead,
                None
            ),
            r(
                "2.",
                "推进矛盾纠纷多元化解",
                &[],
                &[],
                &["镇司法所", "镇信访办"],
                NoLead,
                None
            ),
        ]
    );
}

#[test]
fn a_tab_separated_paste_is_a_task_table_by_cell_order() {
    // What copying a sheet or a web table gives: cells cut by tabs (empty
    // ones too), CRLF line ends, a cell holding a line break quoted.
    let d = m("tsv_paste.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "推行企业开办全程网办，办理时间压缩至1个工作日",
                &["县行政审批局"],
                &["县市场监管局", "县税务局"],
                &[],
                Single,
                Some("2026年6月底前")
            ),
            r(
                "2",
                "建设“一网通办”县级旗舰店",
                &["县政务服务数据管理局"],
                &[],
                &[],
                Single,
                Some("2026年底前")
            ),
            r(
                "3",
                "开展工业用地“标准地”出让，新增供地300亩",
                &["县自然资源局"],
                &["县工信局", "县发展改革委"],
                &[],
                Single,
                Some("持续推进")
            ),
            r(
                "4",
                "设立中小企业应急转贷资金",
                &["县财政局"],
                &["县金融服务中心"],
                &[],
                Single,
                None
            ),
            // An empty lead cell: partners only, no lead guessed.
            r(
                "5",
                "落实减税降费政策",
                &[],
                &["县税务局", "县财政局"],
                &[],
                NoLead,
                Some("2026年底前")
            ),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        ["政务服务", "政务服务", "要素保障", "要素保障", "要素保障"]
    );
    assert_eq!(
        d.documents[0].title,
        "碧溪县2026年优化营商环境重点任务分工表"
    );
}

#[test]
fn a_one_cell_a_line_table_may_number_each_section_from_one() {
    let d = m("cells_restart.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "建成高标准农田800亩",
                &["农业服务中心"],
                &["各村"],
                &[],
                Single,
                Some("2026年10月")
            ),
            r(
                "2",
                "培育家庭农场5家",
                &["农业服务中心"],
                &["经济发展办"],
                &[],
                Single,
                Some("2026年12月")
            ),
            r(
                "1",
                "开展矛盾纠纷排查化解专项行动",
                &["综治中心"],
                &["司法所", "派出所"],
                &[],
                Single,
                Some("2026年6月")
            ),
            r(
                "2",
                "完成村级综合服务中心改造",
                &["党政办"],
                &["各村"],
                &[],
                Single,
                Some("2026年9月")
            ),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        ["乡村振兴", "乡村振兴", "社会治理", "社会治理"]
    );
}

#[test]
fn a_lead_mark_legend_below_the_list_covers_the_whole_document() {
    let d = m("lead_marks_legend_below.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "新建公办幼儿园3所",
                &["区教育局"],
                &["区财政局", "区住建局"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "建设社区卫生服务站5个",
                &["区卫健委"],
                &["各街道办事处"],
                &[],
                Single,
                None
            ),
            r(
                "3.",
                "改造适老化住宅200户",
                &["区住建局"],
                &["区民政局"],
                &[],
                Single,
                None
            ),
            r(
                "4.",
                "开展托育服务示范创建",
                &[],
                &[],
                &["区卫健委", "区妇联"],
                NoLead,
                None
            ),
        ]
    );
    // The legend is no part of the last task.
    assert!(!d.tasks[3].text.contains("★"), "{}", d.tasks[3].text);
}

#[test]
fn a_form_labels_its_task_and_each_field() {
    // A 督办 form: `督办事项：` names the work (no part of its title), one
    // field a line, 办结时限 and 办理时限 are deadlines, 责任领导 a person.
    let d = m("labelled_forms.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "（一）",
                "加快推进县城污水处理厂扩建工程，年底前建成投运",
                &["县住建局"],
                &["县生态环境局", "县财政局"],
                &[],
                Single,
                Some("2026年12月31日前")
            ),
            r(
                "（二）",
                "完成国道改线工程征地拆迁",
                &["县自然资源局"],
                &["沿线各乡镇"],
                &[],
                Single,
                Some("2026年6月30日前")
            ),
            r(
                "（三）",
                "新建城区停车位2000个",
                &["县城管局"],
                &[],
                &[],
                Single,
                Some("2026年10月底前")
            ),
            r(
                "（四）",
                "改造城区供水管网30公里",
                &[],
                &[],
                &["县水务局"],
                NoLead,
                Some("2026年11月底前")
            ),
        ]
    );
    assert_eq!(
        d.tasks
            .iter()
            .map(|t| t.leader.as_deref())
            .collect::<Vec<_>>(),
        [Some("李明"), Some("王强"), None, None]
    );
    assert_eq!(
        goal_titles(&d),
        ["项目建设", "项目建设", "民生实事", "民生实事"]
    );
}

#[test]
fn a_one_cell_a_line_header_may_qualify_its_labels() {
    let d = m("cells_long_labels.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "完成老旧小区改造12个",
                &["城市管理办公室"],
                &["各社区居委会"],
                &[],
                Single,
                Some("2026年11月底前")
            ),
            r(
                "2",
                "新建社区食堂2处",
                &["社会事务办公室"],
                &[],
                &[],
                Single,
                Some("2026年9月底前")
            ),
        ]
    );
}

#[test]
fn a_web_table_pasted_one_cell_a_line_with_bars_is_a_task_table() {
    // A web page's table copied as text: each cell a line ending in ` |`,
    // page lines around it, a 责任领导 column of persons.
    let d = m("cells_web_bars.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "新建标准化厂房2万平方米，引进规上企业3家",
                &["经济发展办"],
                &["招商服务中心"],
                &[],
                Single,
                Some("全年")
            ),
            r(
                "2",
                "完成茶叶加工园区二期建设",
                &[],
                &[],
                &["农业服务中心"],
                NoLead,
                Some("2026年9月底前")
            ),
            r(
                "3",
                "改造镇中心幼儿园",
                &["社会事务办"],
                &["财政所"],
                &[],
                Single,
                Some("2026年8月底前")
            ),
        ]
    );
    assert_eq!(
        d.tasks
            .iter()
            .map(|t| t.leader.as_deref())
            .collect::<Vec<_>>(),
        [Some("张立"), Some("李平"), Some("王红")]
    );
    assert_eq!(goal_titles(&d), ["产业发展", "产业发展", "社会事业"]);
    assert_eq!(d.documents[0].title, "桃源镇2026年重点工作责任分解表");
}

#[test]
fn rules_stated_for_the_whole_plan_cover_it_from_a_closing_section() {
    // `本方案各项任务…` in 保障措施, after the tasks: the first listed leads
    // (分别牵头 wins), and the standing partner joins every task.
    let d = m("rules_at_the_end.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "加快重大交通项目建设，完成交通投资30亿元",
                &["市交通运输局"],
                &["市发展改革委", "市财政局", "各县（区）人民政府"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "推进城市更新，改造城中村4个",
                &["市住建局"],
                &["市自然资源局", "各县（区）人民政府"],
                &[],
                Single,
                None
            ),
            r(
                "3.",
                "实施工业技改项目50个",
                &["市工信局", "市科技局"],
                &["市财政局", "各县（区）人民政府"],
                &[],
                Respective,
                None
            ),
        ]
    );
}

#[test]
fn a_notice_making_the_responsible_units_the_leads_covers_four_line_blocks() {
    // `各责任单位要切实负起牵头推进责任，配合单位要主动支持配合` in the cover
    // notice: 责任单位 lead; 牵头领导 names persons, never units.
    let d = m("responsible_lead_notice.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "新建城区第三小学",
                &["县教育局"],
                &["县住建局", "县自然资源局"],
                &[],
                Single,
                Some("2026年8月底前")
            ),
            r(
                "2.",
                "实施农村学校食堂改造",
                &["县教育局", "各乡镇人民政府"],
                &[],
                &[],
                Joint,
                Some("2026年10月底前")
            ),
            r(
                "3.",
                "建设县域医共体信息平台",
                &["县卫健委"],
                &["县医保局"],
                &[],
                Single,
                Some("2026年12月底前")
            ),
        ]
    );
    assert_eq!(d.documents[0].title, "横岭县2026年重点民生工作分工方案");
}

#[test]
fn a_bracketed_lead_marker_is_its_own_units_not_the_lists() {
    let d = m("lead_marks_last.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // The marker closes the list: the last unit leads, alone.
            r(
                "1.",
                "落实设备更新政策，完成设备更新投资50亿元",
                &["市工业和信息化局"],
                &["市发展改革委", "市商务局"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "举办汽车家电促销活动20场",
                &["市商务局"],
                &["市市场监管局", "市财政局"],
                &[],
                Single,
                None
            ),
            // A verb after the list, unbracketed, is the whole list's.
            r(
                "3.",
                "推进县城商业体系建设",
                &["市商务局", "市住建局"],
                &["各县区人民政府"],
                &[],
                Joint,
                None
            ),
        ]
    );
}

#[test]
fn lines_wrapped_at_a_number_of_characters_are_rejoined() {
    // A converter cutting every 30 characters: lines with digits are
    // narrower on screen but as long in characters, and a page break with
    // its footer and running title falls inside a partner's name.
    let d = m("wrapped_by_chars.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "扩大有效投资，实施重点项目80个，完成固定资产投资150亿元以上",
                &["县发展和改革局"],
                &["县财政局", "县自然资源局"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "推进全域旅游，创建国家4A级旅游景区1家，全年接待游客突破800万人次",
                &["县文化广电和旅游局"],
                &["县交通运输局"],
                &[],
                Single,
                None
            ),
            r(
                "3.",
                "新增高新技术企业10家，全社会研发投入强度提高0.2个百分点",
                &["县科学技术局"],
                &["县税务局", "县统计局"],
                &[],
                Single,
                None
            ),
            r(
                "4.",
                "深化“放管服”改革，政务服务事项“一网通办”率达到95%",
                &["县政务服务中心"],
                &["县数据资源局"],
                &[],
                Single,
                None
            ),
            r(
                "5.",
                "新增城镇就业2500人，城镇调查失业率控制在5.5%以内",
                &["县人力资源和社会保障局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                None
            ),
        ]
    );
    assert_eq!(
        d.documents[0].title,
        "碧岭县2026年政府工作报告重点工作任务分解方案"
    );
}

#[test]
fn a_subject_naming_other_items_is_no_part_of_a_unit_name() {
    let d = m("shared_note_subjects.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "建设现代农业产业园1个，培育省级龙头企业3家",
                &["县农业农村局"],
                &["县财政局"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "推进农产品冷链物流设施建设",
                &["县商务局"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "3.",
                "开展农村电商培训2000人次",
                &[],
                &[],
                &["县商务局", "县人力资源社会保障局"],
                NoLead,
                None
            ),
            r(
                "4.",
                "完成农村改厕1500户",
                &["县卫生健康局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                None
            ),
            r(
                "5.",
                "新建村级污水处理站12座",
                &["县生态环境局", "县住房城乡建设局"],
                &[],
                &[],
                Respective,
                None
            ),
        ]
    );
}

#[test]
fn with_x_jointly_leading_adds_x_to_the_inherited_lead() {
    let d = m("joint_lead_with.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "落实粮食播种面积3.2万亩",
                &["镇农业农村办", "镇财政所"],
                &["各村"],
                &[],
                Joint,
                None
            ),
            r(
                "2.",
                "建设高标准农田4000亩",
                &["镇规划建设办", "镇生态环境办"],
                &[],
                &[],
                Joint,
                None
            ),
            r(
                "3.",
                "开展农机购置补贴政策宣传",
                &["镇农业农村办"],
                &[],
                &[],
                Single,
                None
            ),
        ]
    );
}

#[test]
fn a_ditto_field_takes_the_previous_or_the_numbered_tasks_units() {
    let d = m("ditto_fields.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "新建公办幼儿园2所",
                &["区教育局"],
                &["区财政局", "区自然资源分局"],
                &[],
                Single,
                Some("2026年8月底前")
            ),
            // 牵头单位：同上, 完成时限：同上.
            r(
                "2.",
                "改造学校食堂10个",
                &["区教育局"],
                &["区市场监管局"],
                &[],
                Single,
                Some("2026年8月底前")
            ),
            r(
                "3.",
                "新建社区养老服务站8个",
                &["区民政局"],
                &["区卫生健康局", "各街道办事处"],
                &[],
                Single,
                Some("2026年10月底前")
            ),
            // 配合单位：同第1项.
            r(
                "4.",
                "开展失能老人助浴服务",
                &["区卫生健康局"],
                &["区财政局", "区自然资源分局"],
                &[],
                Single,
                Some("2026年12月底前")
            ),
            // A whole note （同上）: every field of the task before.
            r(
                "5.",
                "建设老年大学分校3所",
                &["区卫生健康局"],
                &["区财政局", "区自然资源分局"],
                &[],
                Single,
                Some("2026年12月底前")
            ),
        ]
    );
}

#[test]
fn a_space_separates_two_whole_unit_names_but_not_a_broken_name() {
    let d = m("space_separated_units.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "建设城市书房5个",
                &["县文化旅游局"],
                &["县妇联", "各乡镇人民政府", "县残联"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "新建健身步道20公里",
                &["县体育中心"],
                &["县自然资源局", "县科协", "县总工会"],
                &[],
                Single,
                None
            ),
        ]
    );
}

#[test]
fn angle_brackets_inside_a_name_keep_their_list() {
    let d = m("angle_bracket_names.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "开发公益性岗位3000个",
                &["市人力资源社会保障局"],
                &["各县〈市、区〉人民政府"],
                &[],
                Single,
                None
            ),
            r(
                "2.",
                "实施青年就业见习计划",
                &["团市委"],
                &["市教育局", "各县〈区〉人民政府"],
                &[],
                Single,
                None
            ),
        ]
    );
}

#[test]
fn undertaking_assisting_and_supervising_labels_and_short_label_lines() {
    let d = m("supervision_labels.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // 承办 leads, 协办 partners, 督办 is neither.
            r(
                "1.",
                "制定老旧街区改造实施方案",
                &["市住房城乡建设局"],
                &["市自然资源局", "市财政局"],
                &[],
                Single,
                Some("2026年6月30日")
            ),
            r(
                "2.",
                "做好夏季防汛物资储备",
                &["市应急管理局", "市水利局"],
                &[],
                &[],
                Joint,
                Some("2026年5月31日")
            ),
            // 牵头：/参与：/责任人：/时限： lines; 责任人 is a person.
            r(
                "3.",
                "开展党支部标准化建设",
                &["组织办公室"],
                &["宣传办公室", "各村党组织"],
                &[],
                Single,
                Some("全年")
            ),
            r(
                "4.",
                "落实“三会一课”制度",
                &["党建办公室"],
                &["机关各党支部"],
                &[],
                Single,
                None
            ),
        ]
    );
    let all_units: Vec<&str> = d.units.iter().map(|u| u.name.as_str()).collect();
    assert!(
        !all_units
            .iter()
            .any(|u| u.contains("督查室") || u.contains("王某某")),
        "{all_units:?}"
    );
}

#[test]
fn a_closing_by_clause_ends_the_title_and_names_the_units() {
    let d = m("by_clause_titles.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "（一）",
                "关于“支持先进制造业集群发展”的问题",
                &["市工业和信息化局"],
                &["市发展改革委", "市财政局"],
                &[],
                Single,
                None
            ),
            r(
                "（二）",
                "关于“扩大消费新场景”的问题",
                &["市商务局"],
                &["市文化和旅游局", "市市场监管局"],
                &[],
                Single,
                None
            ),
            r(
                "（三）",
                "关于“完善人才公寓供给”的问题",
                &["市住房城乡建设局"],
                &["市人力资源社会保障局"],
                &[],
                Single,
                Some("2026年9月底前")
            ),
        ]
    );
}

#[test]
fn a_preamble_explaining_its_labels_is_a_rule_not_a_task() {
    let d = m("preamble_label_legend.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "建设数据中心集群",
                &["区数据局"],
                &["区发展改革局"],
                &[],
                Single,
                None
            ),
            // 只标注【责任单位】的，所列单位均为牵头单位.
            r(
                "2.",
                "培育数字经济企业50家",
                &["区科技局", "区商务局"],
                &[],
                &[],
                Joint,
                None
            ),
        ]
    );
}

#[test]
fn notes_without_role_markers_or_brackets_are_read() {
    let d = m("notes_without_markers.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // The lead sentence is not the last: a sentence of time follows.
            r(
                "1.",
                "新建城东小学，新增学位1200个",
                &["县教育局"],
                &["县财政局", "县自然资源局"],
                &[],
                Single,
                Some("2026年8月底前")
            ),
            // A closing bracket of unit names only: responsible, no lead.
            r(
                "2.",
                "实施校园食堂提升工程，年内完成28所学校食堂改造",
                &[],
                &[],
                &["县教育局", "县市场监管局"],
                NoLead,
                None
            ),
            r(
                "3.",
                "开展城乡教师轮岗交流",
                &[],
                &[],
                &["县教育局"],
                NoLead,
                None
            ),
            // 责任单位 beside 配合单位 / 协同单位: the ones assisted lead.
            r(
                "4.",
                "建设县中医院康复楼",
                &["县卫生健康局"],
                &["县发展改革局", "县财政局"],
                &[],
                Single,
                None
            ),
            r(
                "5.",
                "推进家庭医生签约服务",
                &["县卫生健康局"],
                &["各乡镇卫生院"],
                &[],
                Single,
                Some("全年")
            ),
            // Units and a `时间：` label; 妇联 reads as a unit.
            r(
                "6.",
                "开展适龄妇女两癌免费筛查",
                &[],
                &[],
                &["县卫生健康局", "县妇联"],
                NoLead,
                Some("2026年10月")
            ),
            // A bracket of time alone is a deadline, never units, and no
            // part of the title.
            r(
                "7.",
                "改造村卫生室40个",
                &[],
                &[],
                &[],
                NoLead,
                Some("2026年")
            ),
        ]
    );
    assert!(warnings(&d).is_empty(), "{:?}", warnings(&d));
}

/// The tables of `make_tables.py`: a header over two rows (`责任单位`
/// merged over `牵头单位 | 配合单位`) gives each column its sub-label, and
/// units written one a paragraph in a cell are separate units.
#[test]
fn a_two_row_header_names_columns_by_their_sub_labels_and_cell_lines_split_units() {
    let d = m("table_two_row_header.docx");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "建设云杉湖湿地公园，完成一期栈道和观鸟台",
                &["镜溪县林业局"],
                &["镜溪县水利局", "镜溪县文化旅游局"],
                &[],
                Single,
                Some("2026年9月"),
            ),
            r(
                "2",
                "改造县城雨污分流管网30公里",
                &["镜溪县住房城乡建设局", "镜溪县城市管理局"],
                &["各街道办事处"],
                &[],
                Joint,
                Some("2026年12月"),
            ),
            r(
                "3",
                "开展农村集体经济强村行动",
                &["镜溪县农业农村局"],
                &["镜溪县财政局", "各乡镇人民政府"],
                &[],
                Single,
                Some("长期坚持"),
            ),
        ]
    );
}

/// A note row under a table whose only unit column is 责任单位 states the
/// rule (`列在首位的单位为牵头单位`): it holds for the rows above it, a
/// line break in a cell separating units as `、` does; the note is no task.
#[test]
fn a_rule_in_a_note_row_under_a_table_holds_for_its_rows() {
    let d = m("table_note_rule.xlsx");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "县城第二水厂",
                &["镜溪县水利局"],
                &["镜溪县住房城乡建设局"],
                &[],
                Single,
                Some("2026年10月底"),
            ),
            r(
                "2",
                "滨溪绿道二期",
                &["镜溪县城市管理局"],
                &["镜溪县林业局", "沿溪各乡镇"],
                &[],
                Single,
                Some("2026年12月底"),
            ),
            r(
                "3",
                "县图书馆新馆",
                &["镜溪县文化旅游局"],
                &[],
                &[],
                Single,
                Some("2026年6月底"),
            ),
        ]
    );
    assert!(goal_titles(&d).iter().all(|g| !g.starts_with("注")));
}

/// The two-row-header table printed to PDF over pages by LibreOffice: the
/// header repeated on every page is dropped (both rows), units one a line
/// in a cell stay apart, also where a page break falls between them.
#[test]
fn a_pdf_table_over_pages_with_a_two_row_header_and_units_one_a_line() {
    let d = m("table_pages.pdf");
    assert_eq!(d.tasks.len(), 36);
    for (k, t) in d.tasks.iter().enumerate() {
        assert_eq!(t.number.as_deref(), Some((k + 1).to_string().as_str()));
        let written = |refs: &[fengong::model::UnitRef]| -> Vec<String> {
            refs.iter().map(|r| r.written.clone()).collect()
        };
        let (leads, partners): (&[&str], &[&str]) = match k % 3 {
            0 => (&["镜溪县林业局"], &["镜溪县水利局", "镜溪县文化旅游局"]),
            1 => (
                &["镜溪县住房城乡建设局", "镜溪县城市管理局"],
                &["各街道办事处"],
            ),
            _ => (&["镜溪县农业农村局"], &["镜溪县财政局", "各乡镇人民政府"]),
        };
        assert_eq!(written(&t.leads), leads, "task {}", k + 1);
        assert_eq!(written(&t.partners), partners, "task {}", k + 1);
    }
}

#[test]
fn one_note_after_a_run_of_sibling_items_covers_each_of_them() {
    let d = m("shared_notes.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    let waste = |n, t| r(n, t, &["镇环卫所"], &["镇财政所"], &[], Single, None);
    let run = |n, t| {
        r(
            n,
            t,
            &["镇规划建设办"],
            &["各村委会"],
            &[],
            Single,
            Some("2025年底前"),
        )
    };
    // 第7—8项 责任单位 under the cover rule: the first listed leads.
    let numbered = |n, t| r(n, t, &["镇宣传办"], &["镇妇联"], &[], Single, None);
    assert_eq!(
        rows,
        vec![
            // 以上2项 counts back from the note.
            waste("1.", "完善村收集、镇转运体系"),
            waste("2.", "建设垃圾分类示范村"),
            // Its own note, not covered by the note above it.
            r(
                "3.",
                "开展集中清理行动",
                &["镇综合执法队"],
                &[],
                &[],
                Single,
                None
            ),
            // 以上任务: the section's whole run, the time clause for each.
            run("4.", "建设污水收集管网"),
            run("5.", "推进农村厕所改造"),
            run("6.", "加强污水设施运维"),
            numbered("7.", "整治房前屋后乱堆乱放"),
            numbered("8.", "开展美丽庭院创建"),
            // At the end of the last item; 分别牵头 over two items pairs
            // them in order.
            r(
                "9.",
                "打造特色示范街巷",
                &["镇规划建设办"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "10.",
                "建设村头口袋公园",
                &["镇林业站"],
                &[],
                &[],
                Single,
                None
            ),
        ]
    );
}

#[test]
fn a_duties_section_assigns_the_plans_items_by_number() {
    let d = m("duties_by_number.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    let forest = |n, t| r(n, t, &["县林业局"], &["县财政局"], &[], Single, None);
    assert_eq!(
        rows,
        vec![
            forest("（一）", "推进国土绿化"),
            forest("（二）", "加强森林防火"),
            // Two assignments in one paragraph, one sentence each.
            r(
                "（三）",
                "发展林下经济",
                &["县农业农村局"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "（四）",
                "保护古树名木",
                &["县自然资源局"],
                &[],
                &[],
                Single,
                None
            ),
        ]
    );
    // The duties section itself is no task.
    assert!(d.tasks.iter().all(|t| t.title != "责任分工"));
}

#[test]
fn a_heading_that_is_one_units_name_leads_the_items_below_it() {
    let d = m("unit_headings.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    let transport =
        |n, t, partners: &[&'static str]| r(n, t, &["县交通运输局"], partners, &[], Single, None);
    assert_eq!(
        rows,
        vec![
            // `县交通运输局：` leads; the item's own partners are added.
            transport("1.", "新改建农村公路80公里", &["县财政局", "各镇人民政府"]),
            transport("2.", "开通城乡公交线路3条", &[]),
            // `…牵头的任务` is the unit's; `与X共同牵头` joins it.
            r(
                "3.",
                "创建省级全域旅游示范区",
                &["县文化和旅游局", "县发展和改革局"],
                &[],
                &[],
                Joint,
                None
            ),
            r(
                "4.",
                "举办乡村文化旅游节2场",
                &["县文化和旅游局"],
                &["各镇人民政府"],
                &[],
                Single,
                None
            ),
            // A collective is a unit too.
            r(
                "5.",
                "完成农村危房动态清零",
                &["各镇人民政府"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "6.",
                "修订县政府工作规则",
                &["县政府办公室"],
                &[],
                &[],
                Single,
                None
            ),
            // Topics that merely contain or end like a unit lead nothing.
            r("7.", "推进政务公开标准化", &[], &[], &[], NoLead, None),
            r("8.", "编制县域产业发展规划", &[], &[], &[], NoLead, None),
            r(
                "9.",
                "建设县域物流中心",
                &["县商务局"],
                &[],
                &[],
                Single,
                None
            ),
        ]
    );
    // The unit heading is still the goal, titled as written.
    assert_eq!(
        goal_titles(&d)[..5],
        [
            "县交通运输局：",
            "县交通运输局：",
            "县文化和旅游局牵头的任务",
            "县文化和旅游局牵头的任务",
            "各镇人民政府"
        ]
    );
}

#[test]
fn a_referring_sentence_sets_the_time_and_its_verb_and_a_supervising_partner() {
    let d = m("referring_sentence_roles.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    let water = |n, t| r(n, t, &["县水利局"], &["县卫生健康局"], &[], Single, None);
    assert_eq!(
        rows,
        vec![
            // The object after `完成` is the work, not the deadline.
            r(
                "（一）",
                "改造老旧供水管网",
                &["县住房和城乡建设局"],
                &["县财政局"],
                &[],
                Single,
                Some("2026年10月底前完成")
            ),
            // `B加强指导督促` after the lead: B is a partner.
            water("（二）", "建设应急备用水源"),
            water("（三）", "规范二次供水设施"),
        ]
    );
}

#[test]
fn a_closing_bracket_holding_only_a_time_is_the_deadline_not_the_title() {
    let d = m("time_bracket_titles.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    let health = |n, t, due| r(n, t, &["县卫生健康局"], &[], &[], Single, Some(due));
    assert_eq!(
        rows[..6],
        [
            health("1.", "改造村卫生室40个", "2026年"),
            health("2.", "新建乡镇卫生院发热诊室6个", "2026年9月底前"),
            health("3.", "配备基层救护车12辆", "第三季度"),
            health("4.", "开展适龄妇女免费筛查8000人次", "年底前"),
            // Before the note, too.
            r(
                "5.",
                "新建社区老年食堂10个",
                &["县民政局"],
                &["各镇人民政府"],
                &[],
                Single,
                Some("2026年")
            ),
            r(
                "6.",
                "改造特困供养机构3家",
                &["县民政局"],
                &[],
                &[],
                Single,
                None
            ),
        ]
    );
    // A plan's period after its name is part of the name.
    assert_eq!(d.tasks[6].title, "编制养老服务设施布局规划（2026—2035年）");
}

#[test]
fn a_remark_in_brackets_under_the_title_is_no_part_of_it() {
    let d = m("title_remark_line.txt");
    assert_eq!(d.documents[0].title, "岚桥区2026年民生实事项目安排");
    assert_eq!(d.tasks.len(), 2);
}

#[test]
fn closing_clauses_of_names_and_roles_are_the_note_without_brackets() {
    let d = m("comma_tail_notes.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "建设城东污水处理厂二期",
                &["县住建局"],
                &["县财政局", "县生态环境局"],
                &[],
                Single,
                None
            ),
            // 按职责分工负责 with no 牵头: each named unit leads its part.
            r(
                "2.",
                "新建农村公路40公里",
                &["县交通运输局", "县农业农村局"],
                &[],
                &[],
                Respective,
                None
            ),
            // A time clause after the names is the deadline.
            r(
                "3.",
                "完成老旧小区改造15个",
                &["县住建局"],
                &[],
                &[],
                Single,
                Some("2026年10月底前")
            ),
            r(
                "4.",
                "推进城区智慧停车建设",
                &["县城管局"],
                &["县公安局"],
                &[],
                Single,
                Some("年内")
            ),
            // A clause that asks for help (`各乡镇要做好协调配合`) names no
            // one who does the work; a 牵头 inside the work is the work.
            r(
                "5.",
                "加快建设县体育馆，各乡镇要做好协调配合",
                &[],
                &[],
                &[],
                NoLead,
                None
            ),
            r(
                "6.",
                "建立由县长牵头的防汛指挥机制，完善应急预案",
                &[],
                &[],
                &[],
                NoLead,
                None
            ),
            r(
                "7.",
                "新建乡镇卫生院发热门诊8个",
                &["县卫生健康局"],
                &[],
                &[],
                Single,
                None
            ),
        ]
    );
}

#[test]
fn a_town_plan_names_its_units_after_the_town_and_reads_bracketed_labels() {
    let d = m("town_plan_units.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // `责任（配合）单位：` beside `牵头单位：` lists partners; the
            // leader is a person, never a unit.
            r(
                "（一）",
                "建成千亩茶叶基地1个",
                &["镇农业服务中心"],
                &["镇财政所", "各村（社区）"],
                &[],
                Single,
                Some("2026年12月底")
            ),
            r(
                "（二）",
                "培育农业龙头企业2家",
                &["镇经济发展办"],
                &["镇农业服务中心"],
                &[],
                Single,
                Some("2026年10月底")
            ),
        ]
    );
    // The title's town is the jurisdiction, and `镇…` is its unit: no
    // `未知地区`, no `青石镇镇…`.
    let names: Vec<&str> = d.units.iter().map(|u| u.name.as_str()).collect();
    assert!(names.contains(&"青石镇农业服务中心"), "{names:?}");
    assert!(names.contains(&"青石镇财政所"), "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| !n.contains("未知地区") && !n.contains("镇镇")),
        "{names:?}"
    );
}

#[test]
fn a_standing_sentence_in_a_background_chapter_reaches_every_later_task() {
    let d = m("standing_in_background.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "（一）",
                "推进工业设备更新",
                &["省工业和信息化厅"],
                &["省财政厅", "各市州人民政府"],
                &[],
                Single,
                None
            ),
            r(
                "（二）",
                "推进农业机械更新",
                &["省农业农村厅"],
                &["各市州人民政府"],
                &[],
                Single,
                None
            ),
        ]
    );
}

#[test]
fn articles_first_seen_under_headings_are_the_tasks_of_those_headings() {
    let d = m("articles_under_headings.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "第一条",
                "培育外贸新主体",
                &["县商务局"],
                &["县财政局"],
                &[],
                Single,
                None
            ),
            // The last article of a part is a task like the others, not
            // swallowed by the heading after it.
            r(
                "第二条",
                "支持企业参加境外展会",
                &["县商务局"],
                &[],
                &[],
                Single,
                None
            ),
            r(
                "第三条",
                "扩大出口信用保险覆盖面",
                &["县金融服务中心"],
                &["县商务局"],
                &[],
                Single,
                None
            ),
            r(
                "第四条",
                "加大外贸信贷投放",
                &["人民银行溪口县支行"],
                &["县金融服务中心"],
                &[],
                Single,
                None
            ),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        vec![
            "稳定外贸主体",
            "稳定外贸主体",
            "强化金融支持",
            "强化金融支持"
        ]
    );
    // A name that says whose it is is not prefixed again.
    let names: Vec<&str> = d.units.iter().map(|u| u.name.as_str()).collect();
    assert!(names.contains(&"人民银行溪口县支行"), "{names:?}");
}

#[test]
fn paragraphs_each_with_a_note_under_a_short_point_are_its_tasks() {
    let d = m("paragraph_tasks_under_points.txt");
    let rows: Vec<(&str, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            let r = row(t);
            (r.title, r.responsible)
        })
        .collect();
    // `1.完善…机制` heads paragraphs that each end with their own
    // `，责任单位：…`: the line is the goal, every paragraph a task.
    assert_eq!(
        rows,
        vec![
            (
                "推行集镇道路分段包干保洁，主街每日清扫不少于2遍",
                vec!["县城管局", "各乡镇人民政府"]
            ),
            ("加快垃圾中转站改造", vec!["县城管局"]),
            (
                "整治占道经营行为，规范设置临时摊点",
                vec!["县市场监管局", "县城管局"]
            ),
            (
                "规范集镇停车秩序，新建停车泊位500个",
                vec!["县公安局交警大队"]
            ),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        vec![
            "完善集镇保洁机制",
            "完善集镇保洁机制",
            "完善集镇秩序管理机制",
            "完善集镇秩序管理机制"
        ]
    );
}

#[test]
fn a_cover_notice_before_an_attached_table_keeps_its_points_out_of_the_tasks() {
    let d = m("cover_notice_attached_table.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    // The notice's `一、明确责任…` are requirements on the attachment, not
    // tasks: it is signed (`二○二六年…`, a date written with ○) before the
    // table that holds the tasks.
    assert_eq!(
        rows,
        vec![
            r(
                "1",
                "新建标准化厂房10万平方米",
                &["县工信局"],
                &["县自然资源局"],
                &[],
                Single,
                Some("2026年10月底前")
            ),
            r(
                "2",
                "培育规模以上工业企业15家",
                &["县工信局"],
                &["县统计局"],
                &[],
                Single,
                Some("2026年底前")
            ),
            r(
                "3",
                "改造老旧小区12个",
                &["县住建局"],
                &["各乡镇人民政府"],
                &[],
                Single,
                Some("2026年11月底前")
            ),
        ]
    );
    assert_eq!(goal_titles(&d), ["产业发展", "产业发展", "民生保障"]);
    assert_eq!(
        d.documents[0].title,
        "青岚县2026年县政府工作报告重点任务分解表"
    );
    assert_eq!(d.documents[0].date.as_deref(), Some("2026-02-28"));
}

#[test]
fn a_notice_whose_principles_precede_its_duties_titles_the_plan_by_itself() {
    let d = m("principles_in_a_notice.txt");
    let titles: Vec<&str> = d.tasks.iter().map(|t| t.title.as_str()).collect();
    // `一、分工原则` is a chapter of principles (background), not work; the
    // long notice title stands on its own line before its addressees and is
    // the document's title, naming its jurisdiction.
    assert_eq!(
        titles,
        [
            "城镇新增就业每年5万人以上",
            "森林覆盖率达到46%",
            "建设松川东站综合交通枢纽"
        ]
    );
    assert_eq!(
        d.documents[0].title,
        "松川市人民政府关于分解落实松川市“十五五”规划纲要主要目标任务的通知"
    );
    let responsible = row(&d.tasks[1]).responsible;
    assert_eq!(responsible, ["市林业局", "各区人民政府"]);
    assert!(
        d.units.iter().all(|u| !u.name.contains("未知")),
        "every unit is placed in 松川市"
    );
}

#[test]
fn units_set_against_a_supporting_group_lead_it() {
    let d = m("set_against_supporters.txt");
    let rows = title_roles(&d);
    // `A、B，C配合`: 配合 is C's alone; A and B, before the `，`, are what the
    // plan sets against C — the leads. With no supporting group, the
    // 责任单位 stay responsible; a sentence ending `…协调配合` is no note.
    assert_eq!(
        rows,
        vec![
            (
                "加强电动三轮车非法营运整治，组织联合执法",
                vec!["市交通运输局", "市公安局交警支队"],
                vec!["各区人民政府"],
                vec![]
            ),
            (
                "提升航空救援能力，新建起降点3个",
                vec!["市应急管理局"],
                vec!["市交通运输局", "市财政局"],
                vec![]
            ),
            (
                "规范建筑垃圾运输处置，严查抛洒滴漏",
                vec![],
                vec![],
                vec!["市城市管理局", "市公安局", "市交通运输局"]
            ),
            (
                "健全农村生活垃圾收运体系，自然村覆盖率稳定在95%以上",
                vec!["各县（市、区）人民政府"],
                vec!["市城市管理局", "市农业农村局"],
                vec![]
            ),
            (
                "推进重大生产力布局和土地、人口、环境等公共政策相互衔接，强化政策间协调配合",
                vec![],
                vec![],
                vec![]
            ),
        ]
    );
    // Under `列第一位的为牵头单位` the first-listed rule still decides.
    let d = extract_text(
        "first_listed.txt",
        "岚江市应急能力建设分工方案\n责任单位中，列第一位的为牵头单位。\n一、重点任务\n1.提升水上救援能力。（责任单位：市应急管理局、市交通运输局，市财政局予以支持）\n",
    );
    let r = row(&d.tasks[0]);
    assert_eq!(
        (r.leads, r.partners),
        (vec!["市应急管理局"], vec!["市交通运输局", "市财政局"])
    );
}

#[test]
fn deadline_two_part_clauses_stay_whole_and_staged_work_is_a_deadline() {
    let d = m("deadline_two_part_and_staged.txt");
    let got: Vec<Option<&str>> = d.tasks.iter().map(|t| t.deadline.as_deref()).collect();
    assert_eq!(
        got,
        [
            // A second time clause after the first goes on with it.
            Some("2026年底前基本完成、2027年全面完成"),
            // Staged and recurring work is when the work is due.
            Some("分年度推进"),
            Some("2026年起每年考核"),
            // After a 完成时限 label, a second part past the comma too.
            Some("5月底前举办采摘节，年底完成基地建设"),
            Some("雨季前完成主干林道修复，其余年内完成"),
            Some("2026年9月底前上线试运行，此后持续推进"),
            // What follows a deadline and is no time stays out of it.
            Some("2026年6月底前"),
        ]
    );
    assert_eq!(row(&d.tasks[6]).partners, vec!["县住建局"]);
    // The dates: by the later part, or from the year on.
    let dues: Vec<String> = d
        .tasks
        .iter()
        .map(|t| {
            t.due
                .as_ref()
                .map(fengong::deadline::describe)
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(dues[0], "2027-12-31");
    assert_eq!(dues[5], "2026-09-30");
}

#[test]
fn a_leader_named_by_post_in_a_note_is_a_person_never_a_unit() {
    let d = m("persons_leader_in_note.txt");
    let rows: Vec<(&str, Vec<&str>, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            let r = row(t);
            (r.title, r.leads, r.partners)
        })
        .collect();
    // `县长P负责`, `常务副县长P负责`, `副县长P分管`, `县委常委、副县长P负责`:
    // the person in charge is no partner; the units are read as without
    // them (a unit whose name holds a post word, 县长途客运站, stays a unit).
    assert_eq!(
        rows,
        vec![
            (
                "规上工业增加值增长7%",
                vec!["县工业和信息化局"],
                vec!["县统计局", "各乡镇人民政府"]
            ),
            ("税收收入稳定增长", vec!["县财政局"], vec!["县税务局"]),
            (
                "新建冷链仓储设施5处",
                vec!["县商务局", "县供销社"],
                vec!["县农业农村局"]
            ),
            ("改善县域就医条件", vec!["县卫生健康局"], vec!["县医保局"]),
            ("扩大学前教育资源", vec!["县教育局"], vec!["各乡镇人民政府"]),
            (
                "推进长途客运站改造",
                vec!["县交通运输局"],
                vec!["县长途客运站"]
            ),
        ]
    );
    let leaders: Vec<Option<&str>> = d.tasks.iter().map(|t| t.leader.as_deref()).collect();
    assert_eq!(
        leaders,
        vec![
            Some("县长林澄海"),
            Some("常务副县长宋一帆"),
            Some("副县长贺云舒"),
            Some("县委常委、副县长顾北辰"),
            Some("副县长贺云舒"),
            None,
        ]
    );
    assert!(
        d.units
            .iter()
            .all(|u| !u.name.contains("县长") || u.name.contains("县长途客运站")),
        "{:?}",
        d.units.iter().map(|u| &u.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_first_listed_rule_in_other_words_covers_notes_and_tables() {
    let d = m("persons_first_listed_wording.md");
    let rows = title_roles(&d);
    // `列在首位的部门为牵头部门`: the rule speaks of 部门, and a zone's
    // departments have no level word (产业发展局, 自然资源分局).
    assert_eq!(
        rows,
        vec![
            (
                "培育数字产业集群",
                vec!["产业发展局"],
                vec!["科技创新局"],
                vec![]
            ),
            ("完善孵化服务体系", vec!["科技创新局"], vec![], vec![]),
            (
                "云岫路北延工程",
                vec!["建设管理局"],
                vec!["自然资源分局"],
                vec![]
            ),
            ("园区邻里中心", vec!["社会事务局"], vec![], vec![]),
        ]
    );
}

#[test]
fn a_charge_marker_under_a_supporting_label_is_a_partner() {
    let d = m("persons_support_label_charge.txt");
    let rows: Vec<(&str, Vec<&str>, Vec<&str>)> = d
        .tasks
        .iter()
        .map(|t| {
            let r = row(t);
            (r.title, r.leads, r.partners)
        })
        .collect();
    // `配合单位：B，C按职责分工负责`: the label says they support; their
    // `负责` is their part of it, never a second lead.
    assert_eq!(
        rows,
        vec![
            (
                "改造背街小巷照明",
                vec!["区城市管理局"],
                vec!["区财政局", "各街道办事处"]
            ),
            (
                "疏通城区排水管道",
                vec!["区水务局"],
                vec!["区住房城乡建设局", "区直有关部门"]
            ),
        ]
    );
}

#[test]
fn units_of_a_plan_with_no_known_place_keep_their_written_names() {
    let d = m("persons_unknown_place_units.txt");
    let names: Vec<&str> = d.units.iter().map(|u| u.name.as_str()).collect();
    // No canonical name carries the unknown-place placeholder: collectives
    // and level-prefixed units alike stay as written.
    assert!(names.iter().all(|n| !n.contains("未知地区")), "{names:?}");
    for written in [
        "区城市管理局",
        "各区人民政府",
        "市交通运输局",
        "各街道办事处",
    ] {
        assert!(names.contains(&written), "{written} in {names:?}");
    }
}

/// Titles of the tasks, in order.
fn layout_titles(d: &fengong::model::TaskData) -> Vec<&str> {
    d.tasks.iter().map(|t| t.title.as_str()).collect()
}

#[test]
fn an_item_of_labelled_fields_is_titled_by_its_name_field() {
    // `1.项目名称：X；建设内容：…；责任单位：…；完成时限：T`: a table row laid
    // on one line; the name field's value is the title, the rest body and note.
    let d = m("layout_field_lines.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "石岭茶园观光步道",
                &["镇农业服务中心"],
                &["镇文化站"],
                &[],
                Single,
                Some("2027年10月底前")
            ),
            r(
                "2.",
                "镇区农贸市场改造",
                &["镇市场监管所"],
                &[],
                &[],
                Single,
                Some("2027年6月底前")
            ),
            r(
                "3.",
                "石岭卫生院住院楼",
                &["镇卫生院"],
                &["镇财政所"],
                &[],
                Single,
                Some("长期坚持")
            ),
        ]
    );
}

#[test]
fn prose_tasks_an_attached_duty_table_restates_are_its_rows() {
    // The prose names nobody; the attached 分工表 assigns the same tasks:
    // each is one task, the row's, under the table's title.
    let d = m("layout_attached_duty_table.md");
    assert_eq!(
        layout_titles(&d),
        vec!["建设城市书房", "开展阅读推广活动", "完善农家书屋"]
    );
    assert_eq!(goal_titles(&d), vec!["青梧县全民阅读重点任务分工表"; 3]);
    let leads: Vec<Vec<&str>> = d.tasks.iter().map(|t| row(t).leads).collect();
    assert_eq!(
        leads,
        vec![vec!["县文化和旅游局"], vec!["县委宣传部"], vec!["县图书馆"]]
    );
    let deadlines: Vec<Option<&str>> = d.tasks.iter().map(|t| t.deadline.as_deref()).collect();
    assert_eq!(
        deadlines,
        vec![Some("2027年底前"), Some("每年"), Some("持续推进")]
    );
}

#[test]
fn the_entries_listing_attachments_are_no_tasks() {
    // `附件：1.X分解表` / `2.X领导小组成员名单`: titles of other documents.
    let d = m("layout_attachment_list.txt");
    assert_eq!(
        layout_titles(&d),
        vec!["改造农村公路危桥", "完善村道安全设施"]
    );
}

#[test]
fn a_title_line_with_its_body_below_follows_its_sibling_points() {
    // `（二）实施…工程。` on its own line, its body below, among points of
    // work; and a table under its own title line after an item leaves the
    // item a task.
    let d = m("layout_title_line_body.md");
    assert_eq!(
        layout_titles(&d),
        vec![
            "办好群众文化活动",
            "实施文艺骨干培训工程",
            "推进总分馆建设",
            "提升馆舍功能",
            "完善数字文化服务",
            "非遗展示厅",
            "流动文化车",
        ]
    );
    assert_eq!(
        goal_titles(&d),
        vec![
            "公共文化服务",
            "公共文化服务",
            "公共文化服务",
            "文化设施建设",
            "文化设施建设",
            "2027年馆属重点项目",
            "2027年馆属重点项目",
        ]
    );
    let item = &d.tasks[4];
    assert_eq!(
        (row(item).responsible, item.deadline.as_deref()),
        (vec!["信息部"], Some("11月底前"))
    );
}

#[test]
fn roles_named_in_running_words_and_continued_labels() {
    let d = m("roles_named_in_running_words.txt");
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    // `以下各项工作，局办公室均需纳入督办事项跟踪落实，不再列出`: the unit
    // before 均需 is the standing partner (what follows it is the work).
    let office = "局办公室";
    assert_eq!(
        rows,
        vec![
            // 责任股室 beside 配合股室 leads; `直属单位：` goes on in the role
            // of the label before it.
            r(
                "1.",
                "编制村庄规划",
                &["规划股"],
                &["用途管制股", "县测绘队", office],
                &[],
                Single,
                None
            ),
            // `B、C配合A负责`: the partners come first.
            r(
                "2.",
                "整治违法用地",
                &["县自然资源局"],
                &["区城管局", "县公安局", office],
                &[],
                Single,
                Some("2026年8月底前")
            ),
            // `A为责任主体，B、C配合`: A leads beside partners…
            r(
                "3.",
                "治理工地扬尘",
                &["县住建局"],
                &["县生态环境分局", "县交警大队", office],
                &[],
                Single,
                None
            ),
            // …and alone is responsible: no lead guessed (the preamble's
            // `各责任单位要主动对接牵头单位` states no rule).
            r(
                "4.",
                "清理废弃矿坑",
                &[],
                &[office],
                &["各乡镇人民政府"],
                NoLead,
                None
            ),
            // `具体落实：` lists partners.
            r(
                "5.",
                "发展村级集体经济",
                &["县农业农村局"],
                &["各村（社区）", office],
                &[],
                Single,
                None
            ),
            // A second clause of what is due goes on with the deadline.
            r(
                "6.",
                "健全统计评价制度",
                &[],
                &[office],
                &["县统计局", "县发改局"],
                NoLead,
                Some("2026年底前建立，每年发布")
            ),
        ]
    );
}

#[test]
fn wrapped_lines_unit_headings_and_closing_provisions() {
    let d = m("wraps_units_and_provisions.txt");
    // The title wrapped inside its brackets is one title.
    assert_eq!(
        d.documents[0].title,
        "青岚市防汛能力提升若干措施（2026—2028年）"
    );
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            // A unit heading leads; a note left open after `；` goes on
            // on the next line with its season (`每年汛前`).
            r(
                "1.",
                "加强地下空间防涝",
                &["区城市管理局"],
                &["区交通运输局"],
                &[],
                Single,
                Some("每年汛前")
            ),
            // `各街道办事处` as a unit heading; `2026年汛期前完成第一批`.
            r(
                "2.",
                "落实防汛责任人",
                &["各街道办事处"],
                &["区应急管理局"],
                &[],
                Single,
                Some("2026年汛期前完成第一批")
            ),
            // `（X具体落实）` under a heading's lead is a note of its own.
            r(
                "3.",
                "加强考古和文物保护",
                &["区文化和旅游局"],
                &["区文物保护中心"],
                &[],
                Single,
                None
            ),
            // `部门分工：` holds a running-words note, its sentence closed on
            // the next line; `分管区领导：` names a person, no unit.
            r(
                "4.",
                "抓好重大项目建设",
                &["区发展改革局"],
                &["区财政局", "各街道（镇）人民政府"],
                &[],
                Single,
                None
            ),
        ]
    );
    assert_eq!(d.tasks[3].leader.as_deref(), Some("郑某某"));
    // The 附则 articles are provisions, even the one naming a unit.
    assert!(d.tasks.iter().all(|t| !t.title.contains("落实举措")));
}

#[test]
fn table_columns_named_as_the_plan_names_its_units() {
    let text = "# 某街道任务清单\n\n| 序号 | 工作任务 | 牵头科室 | 协办科室 | 责任社区 | 完成时限 |\n| --- | --- | --- | --- | --- | --- |\n| 1 | 推进小区党支部全覆盖 | 党建办 | 城管办<br>社会事务办 | 各社区 | 2026年6月底前 |\n\n# 某局任务分解\n\n| 序号 | 工作任务 | 责任科室（单位） | 协同科室（单位） | 完成时间 |\n| --- | --- | --- | --- | --- |\n| 1 | 落实水资源管理制度 | 水资源管理科 | 各县<br>（市、区）水务局 | 2026年12月底前 |\n| 2 | 开展产业链招商 | 牵头：投资促进局<br>配合：经济发展局、产业投资集团 |  | 全年 |\n";
    let d = extract_text("columns.md", text);
    assert_eq!(
        title_roles(&d),
        vec![
            // 责任社区 beside 牵头科室: partners; `<br>` separates units.
            (
                "推进小区党支部全覆盖",
                vec!["党建办"],
                vec!["城管办", "社会事务办", "各社区"],
                vec![]
            ),
            // 责任科室（单位） set against 协同科室（单位）: the lead; a cell
            // line opening with a bracket goes on the name before it.
            (
                "落实水资源管理制度",
                vec!["水资源管理科"],
                vec!["各县（市、区）水务局"],
                vec![]
            ),
            // Labelled lines inside one unit cell.
            (
                "开展产业链招商",
                vec!["投资促进局"],
                vec!["经济发展局", "产业投资集团"],
                vec![]
            ),
        ]
    );
}

/// A workbook whose 填报说明 sheet holds the rule for the 任务 sheet: a
/// lone unit with no role mark leads; the sheet's numbered notes are no
/// tasks.
#[test]
fn a_rule_on_a_sheet_of_its_own_reaches_the_task_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("清单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet().set_name("填报说明").unwrap();
    for (r, text) in [
        "填报说明",
        "1.本清单共2项重点工作。",
        "2.“责任部门”栏中，标注“牵头”的为牵头部门，标注“配合”的为配合部门。",
        "3.“责任部门”栏只列一个部门且未标注的，由该部门牵头负责。",
    ]
    .iter()
    .enumerate()
    {
        notes.write_string(r as u32, 0, *text).unwrap();
    }
    let tasks = book.add_worksheet().set_name("任务").unwrap();
    let rows = [
        ["序号", "重点工作", "责任部门", "完成时限"],
        [
            "1",
            "开展产业链精准招商",
            "牵头：投资促进局\n配合：经济发展局",
            "全年",
        ],
        ["2", "提升外资利用水平", "经济发展局", "2026年12月底前"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            tasks.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let d = fengong::extract::extract_paths(&[path]).unwrap();
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "开展产业链精准招商",
                vec!["投资促进局"],
                vec!["经济发展局"],
                vec![]
            ),
            // By the 说明 sheet's rule: the lone unmarked unit leads.
            ("提升外资利用水平", vec!["经济发展局"], vec![], vec![]),
        ]
    );
}

/// A list of projects as blocks of fields: a serial written with its zero
/// (or before a field label) and a space, `项目名称：` naming the work, one
/// field a line.
#[test]
fn projects_written_as_blocks_of_fields() {
    let d = m("project_field_blocks.txt");
    assert_eq!(d.documents[0].title, "梅川县2026年民生实事项目推进情况通报");
    let rows: Vec<_> = d
        .tasks
        .iter()
        .map(|t| {
            let r = row(t);
            (
                r.number,
                r.title,
                r.leads,
                r.partners,
                r.responsible,
                r.deadline,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                Some("01"),
                "建设城区口袋公园",
                vec![],
                vec![],
                vec!["县城市管理局", "县自然资源局"],
                Some("2026年10月底前")
            ),
            (
                Some("02"),
                "改造农村危房",
                vec!["县住房和城乡建设局"],
                vec!["各乡镇人民政府"],
                vec![],
                Some("2026年11月底前")
            ),
            (
                Some("10"),
                "开展老年人健康体检",
                vec![],
                vec![],
                vec!["县卫生健康局"],
                Some("2026年12月底前")
            ),
        ]
    );
    // Each field stays a line of its own in the task's text.
    assert!(
        d.tasks[0]
            .text
            .contains("建设内容：利用边角地新建口袋公园6个。")
    );
    assert!(!d.tasks[0].text.contains("6个。责任单位"));
}

/// A note on its own line after a point's measures belongs to the point,
/// even when it has one measure only.
#[test]
fn a_note_after_a_single_measure_is_its_points() {
    let text = "梅川市应急体系建设规划责任分解\n\n（一）救援力量建设\n1.加强消防救援队伍建设\n（1）新建消防站6座，配齐大型装备。\n（责任单位：市消防救援支队、各县（市、区）人民政府）\n2.发展专业应急救援队伍\n（1）组建危化品救援专业队伍。\n（2）支持企业专职救援队伍建设。\n（牵头单位：市应急管理局；配合单位：市交通运输局）\n";
    let d = extract_text("measures.txt", text);
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "加强消防救援队伍建设",
                vec![],
                vec![],
                vec!["市消防救援支队", "各县（市、区）人民政府"]
            ),
            (
                "发展专业应急救援队伍",
                vec!["市应急管理局"],
                vec!["市交通运输局"],
                vec![]
            ),
        ]
    );
}

/// A 重点任务 cell merged down over its 具体举措 (expanded, it repeats)
/// groups them: it is their section, and each 举措 is a task.
#[test]
fn a_task_cell_merged_over_its_measures_is_their_section() {
    let text = "# 梅川市数字化转型任务分工表\n\n| 序号 | 重点任务 | 具体举措 | 牵头单位 | 配合单位 | 完成时限 |\n| --- | --- | --- | --- | --- | --- |\n| 1 | 夯实转型基础 | 开展企业数字化评估。完成500家企业诊断 | 市工信局 | 市统计局 | 2026年10月底前 |\n| 2 | 夯实转型基础 | 推进工业网络升级 | 市工信局 | 基础电信企业 | 2026年12月底前 |\n| 3 | 培育转型标杆 | 打造智能工厂 | 市工信局 | 市财政局 | 每年 |\n";
    let d = extract_text("merged.md", text);
    assert_eq!(
        goal_titles(&d),
        vec!["夯实转型基础", "夯实转型基础", "培育转型标杆"]
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "开展企业数字化评估",
                vec!["市工信局"],
                vec!["市统计局"],
                vec![]
            ),
            (
                "推进工业网络升级",
                vec!["市工信局"],
                vec!["基础电信企业"],
                vec![]
            ),
            ("打造智能工厂", vec!["市工信局"], vec!["市财政局"], vec![]),
        ]
    );
}

/// A chapter over prose naming a unit (`第七章 保障措施` / `…A负责纲要实施的
/// 统筹协调`) is a chapter, not a task; the points of the chapters before are.
#[test]
fn a_chapter_over_prose_naming_a_unit_is_no_task() {
    let text = "梅川区十四五规划分片区实施纲要\n\n第一章　北部组团\n\n发展定位：全区先进制造业基地。\n\n1.建设产业园区。新建标准厂房20万平方米。（责任单位：北部组团管委会、区工信局）\n2.完善园区配套。建设人才公寓500套。（责任单位：区住建局）\n\n第二章　保障措施\n\n各组团管委会要对照本纲要制定年度实施计划，区级部门要加强资金、用地等要素保障。区发展改革局负责纲要实施的统筹协调和监测评估，每年向区政府报告实施情况。\n";
    let d = extract_text("chapters.txt", text);
    let titles: Vec<&str> = d.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, vec!["建设产业园区", "完善园区配套"]);
}

/// A 备注 cell naming who carries the work out adds them as partners; a
/// remark about the work names nobody.
#[test]
fn a_remark_column_naming_units_adds_partners() {
    let text = "# 梅川县任务清单\n\n| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 | 备注 |\n| --- | --- | --- | --- | --- | --- |\n| 1 | 推进便民服务中心标准化建设 | 县行政审批服务局 | 县财政局 | 2026年10月底前 | 各乡镇人民政府具体实施 |\n| 2 | 开展拖欠企业账款清理 | 县工业和信息化局 | 县财政局 | 每季度 | 各乡镇人民政府、县直各部门分别负责本单位清欠 |\n| 3 | 优化审批流程 | 县行政审批服务局 | | 持续推进 | 每季度通报一次 |\n";
    let d = extract_text("remarks.md", text);
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "推进便民服务中心标准化建设",
                vec!["县行政审批服务局"],
                vec!["县财政局", "各乡镇人民政府"],
                vec![]
            ),
            (
                "开展拖欠企业账款清理",
                vec!["县工业和信息化局"],
                vec!["县财政局", "各乡镇人民政府", "县直各部门"],
                vec![]
            ),
            ("优化审批流程", vec!["县行政审批服务局"], vec![], vec![]),
        ]
    );
}

/// Tables of projects and of indicators: the figures' columns (总投资,
/// 基期值, 目标值, 指标属性, 单位) are labels of the header, not tasks; the
/// 项目名称 or 指标名称 is the title; 建设年限 is the time.
#[test]
fn project_and_indicator_tables_with_columns_of_figures() {
    let text = "# 梅川县重点项目计划表\n\n| 序号 | 项目名称 | 建设内容及规模 | 总投资（万元） | 2026年计划投资（万元） | 建设年限 | 责任单位 |\n| --- | --- | --- | --- | --- | --- | --- |\n| 1 | 新能源电池产业园 | 建设标准厂房12万平方米 | 186000 | 52000 | 2025—2027年 | 县经开区管委会（牵头）、县工业和信息化局 |\n\n# 梅川市主要指标分解表\n\n| 序号 | 指标名称 | 单位 | 2025年基期值 | 2030年目标值 | 指标属性 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 1 | 地区生产总值年均增长 | % | — | 6 | 预期性 | 市发展改革委 | 市统计局 |\n";
    let d = extract_text("figures.md", text);
    let rows: Vec<_> = d
        .tasks
        .iter()
        .map(|t| {
            let r = row(t);
            (r.title, r.leads, r.partners, r.deadline)
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "新能源电池产业园",
                vec!["县经开区管委会"],
                vec!["县工业和信息化局"],
                Some("2025—2027年")
            ),
            (
                "地区生产总值年均增长",
                vec!["市发展改革委"],
                vec!["市统计局"],
                None
            ),
        ]
    );
}

/// A workbook sorted by lead unit: each sheet is named after its unit,
/// which leads the sheet's rows; a sheet named otherwise leads nothing.
#[test]
fn a_sheet_named_after_a_unit_lists_that_units_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("清单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for (sheet, task, partner) in [
        ("区发展和改革局", "推进重点项目开工", "区住房和城乡建设局"),
        ("区商务局", "打造便民生活圈", "各街道办事处"),
        ("汇总", "开展督查", "区政府办公室"),
    ] {
        let ws = book.add_worksheet().set_name(sheet).unwrap();
        for (c, cell) in ["序号", "工作任务", "配合单位", "完成时限"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *cell).unwrap();
        }
        for (c, cell) in ["1", task, partner, "2026年底前"].iter().enumerate() {
            ws.write_string(1, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let d = fengong::extract::extract_paths(&[path]).unwrap();
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "推进重点项目开工",
                vec!["区发展和改革局"],
                vec!["区住房和城乡建设局"],
                vec![]
            ),
            (
                "打造便民生活圈",
                vec!["区商务局"],
                vec!["各街道办事处"],
                vec![]
            ),
        ]
    );
}

/// A Word 专栏 drawn as a one-column table is a frame around text; when
/// its items name who does them it lists tasks, the 专栏 their heading.
#[test]
fn a_box_in_a_word_frame_whose_items_name_their_units() {
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let row = |a: &str, b: &str| {
        format!(
            "<w:tr><w:tc><w:p><w:r><w:t>{a}</w:t><w:br/></w:r><w:r><w:t>{b}</w:t></w:r></w:p></w:tc></w:tr>"
        )
    };
    let body = [
        p("梅川县和美乡村建设三年行动"),
        p("二、提升农村基础设施"),
        p("坚持数量服从质量，加快补齐农村道路短板。"),
        format!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>专栏1　农村基础设施提升工程</w:t></w:r></w:p></w:tc></w:tr>{}{}</w:tbl>",
            row("（1）农村公路提质。新改建农村公路180公里。", "责任单位：县交通运输局、各乡镇人民政府"),
            row("（2）农村供水保障。农村自来水普及率达到99%。", "责任单位：县水利局"),
        ),
        p("三、保障措施"),
        p("各乡镇要细化年度计划。"),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("行动.docx");
    std::fs::write(&path, crate::common::docx_with(&body)).unwrap();
    let d = fengong::extract::extract_paths(&[path]).unwrap();
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "农村公路提质",
                vec![],
                vec![],
                vec!["县交通运输局", "各乡镇人民政府"]
            ),
            ("农村供水保障", vec![], vec![], vec!["县水利局"]),
        ]
    );
    assert_eq!(goal_titles(&d), vec!["农村基础设施提升工程"; 2]);
}

/// A closing bracket whose units only take part (`（X参与）`) adds partners
/// to the lead the task inherits from its chapter; inside running text the
/// same words are work, and a unit taking part with no lead anywhere is a
/// partner with nobody named as lead. A task's own units come before the
/// chapter's standing ones.
#[test]
fn a_closing_bracket_of_units_taking_part_adds_partners() {
    let d = extract_text(
        "品质提升方案.txt",
        "青石市品质提升方案\n\
         二、完善城市交通\n\
         本部分任务由市交通运输局牵头，市公安局配合，不再一一标注。\n\
         （一）建设慢行系统。新建绿道80公里。（市城市管理局参与）\n\
         （二）治理城市内涝。完成积水点改造36处。（市水利局参与，2026年汛期前完成首批12处）\n\
         （三）发展共享停车。推动（社会资本参与）停车场建设，新增泊位2000个。\n\
         三、塑造城市风貌\n\
         （一）保护历史街区。修缮传统民居40处。（市文化广电旅游局协助）\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "建设慢行系统",
                vec!["市交通运输局"],
                vec!["市城市管理局", "市公安局"],
                vec![]
            ),
            (
                "治理城市内涝",
                vec!["市交通运输局"],
                vec!["市水利局", "市公安局"],
                vec![]
            ),
            (
                "发展共享停车",
                vec!["市交通运输局"],
                vec!["市公安局"],
                vec![]
            ),
            ("保护历史街区", vec![], vec!["市文化广电旅游局"], vec![]),
        ]
    );
    assert_eq!(
        d.tasks[1].deadline.as_deref(),
        Some("2026年汛期前完成首批12处")
    );
}

/// `由A牵头` after clauses of work: a count of things (`新增规上企业8家`)
/// is the work's target, never a unit, so the title runs to the note; a
/// unit doing a part after the lead (`沿线乡镇人民政府做好征地拆迁保障`) is a
/// partner.
#[test]
fn sentence_notes_after_counted_targets_and_units_doing_a_part() {
    let d = extract_text(
        "分工方案.txt",
        "青石县2026年重点工作分工方案\n\
         一、做强主导产业\n\
         （一）推进建材产业园二期建设，新增规上企业8家，由县工业和信息化局牵头，县自然资源局配合。\n\
         （二）加快青石至临川高速连接线建设，由县交通运输局牵头，沿线乡镇人民政府做好征地拆迁保障。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "推进建材产业园二期建设，新增规上企业8家",
                vec!["县工业和信息化局"],
                vec!["县自然资源局"],
                vec![]
            ),
            (
                "加快青石至临川高速连接线建设",
                vec!["县交通运输局"],
                vec!["沿线乡镇人民政府"],
                vec![]
            ),
        ]
    );
}

/// A note set off by a dash (`——配合：B`, `——A牵头`) reads as a bracket
/// would; on a heading it is the heading's lead, which its items inherit.
#[test]
fn dash_notes_on_items_and_headings() {
    let d = extract_text(
        "行动计划.txt",
        "芦水区数字经济三年行动计划\n\
         一、重点行动\n\
         （一）数字产业化提升行动——区科技和工业信息化局牵头\n\
         1.培育数字核心产业。每年引进项目20个以上。——配合：区发展改革局、区投资促进中心\n\
         2.发展平台经济。培育平台企业2家。——区商务局牵头，区科技和工业信息化局配合\n\
         （二）数字基础设施建设行动——区住房和城乡建设局牵头\n\
         3.建设5G基站。新建基站300个。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "培育数字核心产业",
                vec!["区科技和工业信息化局"],
                vec!["区发展改革局", "区投资促进中心"],
                vec![]
            ),
            (
                "发展平台经济",
                vec!["区商务局"],
                vec!["区科技和工业信息化局"],
                vec![]
            ),
            ("建设5G基站", vec!["区住房和城乡建设局"], vec![], vec![]),
        ]
    );
    assert_eq!(
        goal_titles(&d),
        vec![
            "数字产业化提升行动",
            "数字产业化提升行动",
            "数字基础设施建设行动"
        ]
    );
}

/// `1）` and `⑴` in one plan are two levels: the `1）` lines governing `⑴`
/// items are goals, and a `1）` line with a note of its own and no items is
/// a task.
#[test]
fn half_paren_numbers_are_a_level_of_their_own() {
    let d = extract_text(
        "工作方案.txt",
        "竹溪镇人居环境整治工作方案\n\
         二、重点任务\n\
         1）农村生活垃圾治理\n\
         ⑴健全收运体系。每村配备保洁员3名。(牵头:镇环卫所;配合:各村(社区))\n\
         ⑵推进垃圾分类。示范户达到800户。(牵头:镇环卫所)\n\
         2）建立长效管护机制。纳入村规民约。(牵头:镇村建办;配合:各村(社区))\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "建立长效管护机制",
                vec!["镇村建办"],
                vec!["各村(社区)"],
                vec![]
            ),
            ("健全收运体系", vec!["镇环卫所"], vec!["各村(社区)"], vec![]),
            ("推进垃圾分类", vec!["镇环卫所"], vec![], vec![]),
        ]
    );
    // (Tasks come goal by goal: 重点任务's own task before its sub-goal's.)
    assert_eq!(
        goal_titles(&d),
        vec!["重点任务", "农村生活垃圾治理", "农村生活垃圾治理"]
    );
}

/// `任务1：` names an item by what it is; its label lines are its note.
#[test]
fn items_named_task_n_with_label_lines() {
    let d = extract_text(
        "行动方案.txt",
        "澹川县文旅融合发展行动方案\n\
         一、重点任务\n\
         （一）景区提质行动\n\
         任务1：推动白云山景区创建国家5A级旅游景区\n\
         工作措施：完善游客服务中心和生态停车设施。\n\
         牵头单位：县文化和旅游局\n\
         配合单位：白云山景区管委会、县交通运输局\n\
         完成时限：2027年底前\n\
         任务2：推进古镇保护利用\n\
         责任单位：澹川镇人民政府、县住房和城乡建设局\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "推动白云山景区创建国家5A级旅游景区",
                vec!["县文化和旅游局"],
                vec!["白云山景区管委会", "县交通运输局"],
                vec![]
            ),
            (
                "推进古镇保护利用",
                vec![],
                vec![],
                vec!["澹川镇人民政府", "县住房和城乡建设局"]
            ),
        ]
    );
    assert_eq!(d.tasks[0].number.as_deref(), Some("任务1"));
    assert_eq!(d.tasks[0].deadline.as_deref(), Some("2027年底前"));
}

/// A 督查督办 system's export: `【字段】` records parted by rule lines, a
/// browser's print header and footer inside one, read as a task table
/// (the category field the goal, the source field no part of the task).
#[test]
fn records_of_bracketed_fields_are_a_task_table() {
    let d = extract_text(
        "督办任务导出.txt",
        "柘川县督查督办系统　任务清单导出\n\
         ================================\n\
         【任务编号】DB-001\n\
         【任务来源】2026年县政府工作报告\n\
         【任务类别】一、扩大有效投资\n\
         【任务名称】实施县级重点项目120个\n\
         【主办单位】县发展和改革局\n\
         【协办单位】县财政局；各乡镇人民政府\n\
         【办结时限】2026-12-31\n\
         ================================\n\
         【任务编号】DB-002\n\
         【任务来源】2026年县政府工作报告\n\
         【任务类别】一、扩大有效投资\n\
         【任务名称】争取专项债券资金\n\
         \n\
         2026/4/8 10:13                     督查督办系统 - 任务清单\n\
         \n\
         https://dcdb.example/task/list?page=all                     1/3\n\
         \n\
         【主办单位】县财政局\n\
         【协办单位】县发展和改革局\n\
         【办结时限】2026-10-31\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "实施县级重点项目120个",
                vec!["县发展和改革局"],
                vec!["县财政局", "各乡镇人民政府"],
                vec![]
            ),
            (
                "争取专项债券资金",
                vec!["县财政局"],
                vec!["县发展和改革局"],
                vec![]
            ),
        ]
    );
    assert_eq!(goal_titles(&d), vec!["扩大有效投资"; 2]);
    assert_eq!(d.tasks[1].deadline.as_deref(), Some("2026-10-31"));
}

/// Markdown list items (`- [ ] **1. …**`, `- **…**：…`) are paragraphs like
/// any other once their marks go; nested `- 牵头：` lines are label lines,
/// and a colon ends an unnumbered task's title.
#[test]
fn markdown_checklists_and_bullets() {
    let d = extract_text(
        "工作要点.md",
        "# 槐水区城市更新工作要点\n\n\
         ## 一、推进居住区更新\n\n\
         - [ ] **1. 完成老旧小区改造32个。** 重点改造管网。\n    \
             - 牵头：区住房和城乡建设局\n    \
             - 协同：槐水水务集团、区民政局\n    \
             - 截止：2026年11月30日\n    \
             - 跟进人：@宁某某\n\
         - [x] **2. 加装既有住宅电梯。** 新开工120部。\n    \
             - 牵头：区住房和城乡建设局\n    \
             - 截止：2026年12月31日\n\n\
         ## 二、加强平安社区建设\n\n\
         - **化解矛盾纠纷**：推行领导包案。（街道综治中心牵头，街道司法所配合）\n\
         - **整治安全隐患**：开展消防安全专项整治。（街道应急管理办公室负责）\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "完成老旧小区改造32个",
                vec!["区住房和城乡建设局"],
                vec!["槐水水务集团", "区民政局"],
                vec![]
            ),
            (
                "加装既有住宅电梯",
                vec!["区住房和城乡建设局"],
                vec![],
                vec![]
            ),
            (
                "化解矛盾纠纷",
                vec!["街道综治中心"],
                vec!["街道司法所"],
                vec![]
            ),
            ("整治安全隐患", vec!["街道应急管理办公室"], vec![], vec![]),
        ]
    );
    assert_eq!(d.tasks[0].deadline.as_deref(), Some("2026年11月30日"));
}

/// A tab-separated table typed with tab stops: a line with no number and
/// no task under a numbered row wraps that row's cells; a quoted cell's
/// line breaks are kept (units one a line).
#[test]
fn tab_tables_with_wrapped_and_multi_line_cells() {
    let d = extract_text(
        "分工表.txt",
        "柘水县重点任务分工\n\
         序号\t重点任务\t牵头单位\t配合单位\t完成时限\n\
         1\t新改建农村户厕1200户\t县农业农村局\t县卫生健康局、\t2026年10月底\n\
         \t\t\t各乡镇人民政府\n\
         2\t建设农村公厕30座\t县农业农村局\t\"县住房和城乡建设局\n县财政局\"\t2026年9月底\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "新改建农村户厕1200户",
                vec!["县农业农村局"],
                vec!["县卫生健康局", "各乡镇人民政府"],
                vec![]
            ),
            (
                "建设农村公厕30座",
                vec!["县农业农村局"],
                vec!["县住房和城乡建设局", "县财政局"],
                vec![]
            ),
        ]
    );
}

/// A standing clause's words of manner (`抓好落实`) are no part of the
/// last unit; a time inside a note followed by a few words of what is due
/// (`三季度末前上线`) is the deadline; a web page's credits
/// (`主办：X　地址：…`) name no unit.
#[test]
fn standing_manner_words_short_due_work_and_site_credits() {
    let d = extract_text(
        "分工方案.txt",
        "禾川市重点任务分工方案\n\
         以下各项任务均需各区县人民政府、禾川经开区管委会抓好落实，不再一一列出。\n\
         一、优化营商环境\n\
         1.推动惠企政策直达快享。建设政策兑现平台。（市发展改革委牵头，市财政局配合，三季度末前上线）\n\
         2.完善企业诉求闭环办理。设立涉企服务专席。（市政务服务中心牵头）\n\
         \n\
         【打印本页】【关闭窗口】\n\
         主办：禾川市人民政府办公室　　地址：禾川市政通路1号\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "推动惠企政策直达快享",
                vec!["市发展改革委"],
                vec!["市财政局", "各区县人民政府", "禾川经开区管委会"],
                vec![]
            ),
            (
                "完善企业诉求闭环办理",
                vec!["市政务服务中心"],
                vec!["各区县人民政府", "禾川经开区管委会"],
                vec![]
            ),
        ]
    );
    assert_eq!(d.tasks[0].deadline.as_deref(), Some("三季度末前上线"));
}

/// A table giving each unit a column of its own under a merged `责任单位`
/// (`●` the lead, `○` partners): the unit names' row is the header's, and
/// each row's marks say who leads and who partners.
#[test]
fn a_column_per_unit_marked_with_dots() {
    let d = extract_text(
        "分工表.txt",
        "峪水区优化营商环境重点任务分工表\n\
         序号\t重点任务\t完成时限\t责任单位\t责任单位\t责任单位\n\
         序号\t重点任务\t完成时限\t区发展改革局\t区政务服务中心\t各街道办事处\n\
         一、提升政务服务效能\n\
         1\t推行清单管理\t2026年6月底前\t○\t●\t○\n\
         2\t拓展跨省通办事项\t2026年底前\t\t●\t\n\
         3\t兑现惠企政策资金\t每季度\t●\t\t○\n\
         说明：“●”表示牵头单位，“○”表示配合单位。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "推行清单管理",
                vec!["区政务服务中心"],
                vec!["区发展改革局", "各街道办事处"],
                vec![]
            ),
            ("拓展跨省通办事项", vec!["区政务服务中心"], vec![], vec![]),
            (
                "兑现惠企政策资金",
                vec!["区发展改革局"],
                vec!["各街道办事处"],
                vec![]
            ),
        ]
    );
    assert_eq!(goal_titles(&d), vec!["提升政务服务效能"; 3]);
    assert_eq!(d.tasks[2].deadline.as_deref(), Some("每季度"));
}

/// A list's nesting is a level of the outline: bullets under a noted
/// bullet are its body, not tasks; a bullet with no note among noted
/// siblings is a task; a bullet holding a number or a label line reads
/// as that number or label.
#[test]
fn nested_bullets_are_a_level_of_their_own() {
    let d = extract_text(
        "工作要点.md",
        "# 某街道2026年社区治理工作要点\n\n\
         ### （一）提升社区服务能力\n\n\
         - **建设便民生活圈**：补齐便民网点。（街道经济服务中心牵头，各社区居委会配合）\n\
         - **推进社区食堂建设**（街道社会事务办牵头）\n  \
           - 在三个社区新建社区食堂。\n  \
           - 对80岁以上老人给予就餐补助。\n\
         - **开展志愿服务**：组建志愿服务队。\n\n\
         ### （二）加强平安社区建设\n\n\
         - **1. 整治安全隐患。** 开展消防安全专项整治。\n    \
             - 牵头：街道应急管理办公室\n    \
             - 配合：街道综合行政执法队\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "建设便民生活圈",
                vec!["街道经济服务中心"],
                vec!["各社区居委会"],
                vec![]
            ),
            ("推进社区食堂建设", vec!["街道社会事务办"], vec![], vec![]),
            ("开展志愿服务", vec![], vec![], vec![]),
            (
                "整治安全隐患",
                vec!["街道应急管理办公室"],
                vec!["街道综合行政执法队"],
                vec![]
            ),
        ]
    );
    // A bullet is no number; the numbered one keeps its own.
    let numbers: Vec<Option<&str>> = d.tasks.iter().map(|t| t.number.as_deref()).collect();
    assert_eq!(numbers, vec![None, None, None, Some("1.")]);
    assert!(d.tasks[1].text.contains("就餐补助"), "{}", d.tasks[1].text);
}

/// Responsibility stated in the work's own sentences: `由A牵头，会同B、C制定…`
/// (the joined list ends where a unit's work starts), `A要会同B…`, `责成A对…`,
/// a unit named later for a part (`D做好…`, `E参与…`) as a partner, and the
/// work before the note (`优先改造…小区，由A牵头`) no unit.
#[test]
fn responsibility_written_inside_the_work_sentences() {
    let d = extract_text(
        "要点.txt",
        "某区2026年城市更新工作要点\n\n\
         一、推进老旧小区改造\n\
         1.完成老旧小区改造30个。优先改造管网老化的小区，由区住建局牵头，会同区财政局、各街道办事处制定年度计划，逐小区明确改造内容。\n\
         2.加装电梯50部。区住建局要会同区民政局简化审批流程，各街道办事处做好居民协商工作。\n\
         3.开展违法建设治理。责成各街道办事处对辖区违法建设开展排查，做到新增违建零容忍，区城管局负责督导考核。\n\
         4.新增停车泊位2000个。利用边角地建设停车设施，区城管局与区交警大队共同负责，区城投集团参与建设运营。\n\
         5.建立城市体检机制。由区住建局会同区自然资源分局每年开展一次城市体检，形成问题清单。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "完成老旧小区改造30个",
                vec!["区住建局"],
                vec!["区财政局", "各街道办事处"],
                vec![]
            ),
            (
                "加装电梯50部",
                vec!["区住建局"],
                vec!["区民政局", "各街道办事处"],
                vec![]
            ),
            (
                "开展违法建设治理",
                vec!["各街道办事处"],
                vec!["区城管局"],
                vec![]
            ),
            (
                "新增停车泊位2000个",
                vec!["区城管局", "区交警大队"],
                vec!["区城投集团"],
                vec![]
            ),
            (
                "建立城市体检机制",
                vec!["区住建局"],
                vec!["区自然资源分局"],
                vec![]
            ),
        ]
    );
}

/// A note opening an item and closed by a colon (`A牵头，B配合：TITLE。…`),
/// numbered or not: the title is what follows the colon.
#[test]
fn a_note_before_the_colon_opens_the_item() {
    let d = extract_text(
        "整治方案.txt",
        "某县安全生产专项整治方案\n\n\
         一、整治重点\n\
         （一）道路交通\n\
         1.县交通运输局牵头，县公安局交警大队配合：开展公路隐患排查整治。对危险路段逐段排查。\n\
         2.县住建局、县市场监管局分别牵头：加强燃气安全监管。推行报警装置。\n\
         （二）工矿商贸\n\
         县应急管理局牵头：整治非煤矿山重大隐患。实行一矿一策。\n\
         深化网格建设：优化网格划分。\n",
    );
    let got = title_roles(&d);
    assert_eq!(
        got[..3],
        [
            (
                "开展公路隐患排查整治",
                vec!["县交通运输局"],
                vec!["县公安局交警大队"],
                vec![]
            ),
            (
                "加强燃气安全监管",
                vec!["县住建局", "县市场监管局"],
                vec![],
                vec![]
            ),
            ("整治非煤矿山重大隐患", vec!["县应急管理局"], vec![], vec![]),
        ]
    );
    // A title before a colon names no unit: no note opens that line.
    assert!(
        got.iter().all(|(title, ..)| *title != "优化网格划分"),
        "{got:?}"
    );
}

/// A level written once for a list joined by 和 (`省发展改革委、财政厅和生态
/// 环境厅`) splits at the 和 between two whole names; a 和 inside a name
/// (`市场运行和消费促进处`, `住房和城乡建设局`) and `及相关…` are read right.
#[test]
fn he_between_whole_names_splits_a_list_and_inside_a_name_does_not() {
    let d = extract_text(
        "交通.txt",
        "某省交通强省建设实施方案\n\n\
         一、完善路网\n\
         1.加密高速公路网。（省交通运输厅牵头，省发展改革委、财政厅和生态环境厅配合）\n\
         2.保护交通生态。（省生态环境厅牵头，省交通运输厅和林业局配合）\n\
         3.促进消费。（市场运行和消费促进处牵头，省住房和城乡建设厅配合）\n\
         4.盘活闲置楼宇。（省商务厅牵头，省财政厅及相关市州人民政府配合）\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "加密高速公路网",
                vec!["省交通运输厅"],
                vec!["省发展改革委", "财政厅", "生态环境厅"],
                vec![]
            ),
            (
                "保护交通生态",
                vec!["省生态环境厅"],
                vec!["省交通运输厅", "林业局"],
                vec![]
            ),
            (
                "促进消费",
                vec!["市场运行和消费促进处"],
                vec!["省住房和城乡建设厅"],
                vec![]
            ),
            (
                "盘活闲置楼宇",
                vec!["省商务厅"],
                vec!["省财政厅", "相关市州人民政府"],
                vec![]
            ),
        ]
    );
}

/// A 整改清单 item: the problem as the inspection stated it, then a block of
/// fields under it (`整改目标：` / `整改措施：①…` / `责任单位：` / `整改时限：`)
/// in any order. The block's note makes the problem a task — not a heading
/// over an untitled task — and a label ending in 时限 or 期限 is when it is due,
/// kept whole with a standing second part (`，并长期坚持`).
#[test]
fn a_problem_over_its_block_of_fields_is_one_task() {
    let d = extract_text(
        "整改清单.txt",
        "某县落实环保督察反馈问题整改清单\n\n\
         一、关于大气污染防治不力的问题\n\
         （一）城区建筑工地扬尘管控不严，部分工地措施落实不到位。\n\
         整改目标：在建工地扬尘防治落实率达到100%。\n\
         整改措施：①建立工地清单；②依法责令停工整改。\n\
         责任领导：副县长　钟明远\n\
         责任单位：县住房和城乡建设局（牵头），县城市管理局、县生态环境分局\n\
         整改时限：2026年6月底前，并长期坚持\n\
         （二）城区雨污管网混错接问题突出。\n\
         整改目标：完成雨污分流改造32公里。\n\
         责任单位：县住房和城乡建设局（牵头），县水利局\n\
         销号期限：2026年12月底前\n\
         整改措施：①完成管网普查；②分片区实施改造。\n",
    );
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "（一）",
                "城区建筑工地扬尘管控不严，部分工地措施落实不到位",
                &["县住房和城乡建设局"],
                &["县城市管理局", "县生态环境分局"],
                &[],
                Single,
                Some("2026年6月底前，并长期坚持"),
            ),
            r(
                "（二）",
                "城区雨污管网混错接问题突出",
                &["县住房和城乡建设局"],
                &["县水利局"],
                &[],
                Single,
                Some("2026年12月底前"),
            ),
        ]
    );
    assert_eq!(goal_titles(&d), ["关于大气污染防治不力的问题"; 2]);
}

/// The member duties of a 联席会议: `（一）市民政局：负责…` assigns standing
/// work to the unit before the colon, which leads it and is the item's
/// title; a unit it works `会同` with is its partner, and the units its
/// work is about are neither. A topic before a colon (`深化改革：…`) and
/// a kind of body in a bracket (`牵头股室（单位）`) name no unit.
#[test]
fn a_member_units_duty_is_led_by_the_unit_before_the_colon() {
    let d = extract_text(
        "联席会议.txt",
        "某市养老服务联席会议成员单位职责分工\n\n\
         一、成员单位职责\n\
         （一）市民政局：负责联席会议日常工作，统筹推进养老服务发展，会同市卫生健康委推进医养结合。\n\
         （二）市发展改革委：负责将养老服务纳入规划，争取中央预算内投资。\n\
         （三）各区县人民政府：负责落实属地养老服务发展责任。\n\
         （四）深化改革：推进养老服务体制改革。\n",
    );
    let got = title_roles(&d);
    assert_eq!(
        got[..3],
        [
            ("市民政局", vec!["市民政局"], vec!["市卫生健康委"], vec![]),
            ("市发展改革委", vec!["市发展改革委"], vec![], vec![]),
            ("各区县人民政府", vec!["各区县人民政府"], vec![], vec![]),
        ]
    );
    assert!(
        got.iter()
            .all(|(_, leads, ..)| !leads.contains(&"深化改革")),
        "{got:?}"
    );

    // The preamble's `牵头股室（单位）` is how the plan marks its units, no note.
    let d = extract_text(
        "工作要点.txt",
        "某县自然资源局2026年工作要点\n\n\
         为抓好落实，每项工作均明确了责任股室（单位）。责任股室（单位）排在第一位的为牵头股室（单位）。\n\n\
         一、重点工作\n\
         1.加快乡镇国土空间规划报批。年内完成报批。（责任股室：国土空间规划股、地籍股）\n\
         2.做好信访维稳工作。落实接访下访制度。（责任股室：办公室，各股室按职责分工负责）\n\
         3.追回多计工程款。依法依规追回。（责任单位：某县城投集团有限公司，县住房城乡建设局督促落实）\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "加快乡镇国土空间规划报批",
                vec!["国土空间规划股"],
                vec!["地籍股"],
                vec![]
            ),
            ("做好信访维稳工作", vec!["办公室"], vec!["各股室"], vec![]),
            (
                "追回多计工程款",
                vec!["某县城投集团有限公司"],
                vec!["县住房城乡建设局"],
                vec![]
            ),
        ]
    );
}

/// A column under a label the vocabulary does not know (`河湖`) whose names
/// are merged down over runs of rows groups them as a category column does:
/// each run is a goal. A column that changes on every row (`存在问题`) is
/// data.
#[test]
fn a_column_merged_down_before_the_tasks_groups_them() {
    let d = extract_text(
        "一河一策.md",
        "# 某县2026年度一河一策重点任务清单\n\n\
         | 序号 | 河湖 | 存在问题 | 治理任务 | 牵头单位 | 配合单位 | 完成时限 |\n\
         |---|---|---|---|---|---|---|\n\
         | 1 | 涟江 | 污水收集率偏低 | 实施集镇污水管网延伸工程 | 县住房和城乡建设局 | 县生态环境分局 | 2026年11月底前 |\n\
         | 2 | 涟江 | 岸线乱占乱建 | 开展岸线清四乱专项行动 | 县水利局 | 县自然资源局 | 2026年6月底前 |\n\
         | 3 | 白鹭溪 | 养殖污染 | 整治上游规模养殖场粪污 | 县农业农村局 | 县生态环境分局 | 2026年8月底前 |\n\
         | 4 | 白鹭溪 | 河段淤积 | 实施中小河流治理工程 | 县水利局 | 县财政局 | 2026年12月底前 |\n",
    );
    assert_eq!(d.tasks.len(), 4);
    assert_eq!(goal_titles(&d), ["涟江", "涟江", "白鹭溪", "白鹭溪"]);
    assert_eq!(d.documents[0].title, "某县2026年度一河一策重点任务清单");
}

/// Leads written in a person's name and post (`分管副县长P牵头`) are the
/// task's leader; the unit that 负责 leads. Under 保障措施 a sentence naming
/// who acts describes the arrangement and makes no task. A second time
/// clause stating what is done by then is part of the deadline.
#[test]
fn a_post_leads_no_unit_and_safeguards_sentences_are_no_tasks() {
    let d = extract_text(
        "商业体系.txt",
        "某县县域商业体系建设实施方案\n\n\
         一、培育消费品牌\n\
         1.打造区域公用品牌。制定品牌授权使用办法。（分管副县长吴蓓牵头，县农业农村局负责，县供销社配合）\n\
         2.推行集成服务。推出主题套餐服务。（县政务服务中心牵头，县公安局配合；2026年底前上线事项完成50%，2027年底前全部上线）\n\
         二、保障措施\n\
         （一）加强组织领导。成立县域商业体系建设工作领导小组。\n\
         （二）强化督促检查。县政府督查室会同县商务局每半年开展一次督查。\n",
    );
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "打造区域公用品牌",
                &["县农业农村局"],
                &["县供销社"],
                &[],
                Single,
                None,
            ),
            r(
                "2.",
                "推行集成服务",
                &["县政务服务中心"],
                &["县公安局"],
                &[],
                Single,
                Some("2026年底前上线事项完成50%，2027年底前全部上线"),
            ),
        ]
    );
    assert_eq!(d.tasks[0].leader.as_deref(), Some("分管副县长吴蓓"));
}

/// A document whose title names a form (`…建设计划表`) or a progress
/// report (`…推进情况`) is titled so, not by its file name or its notice.
#[test]
fn forms_and_progress_reports_are_titled_by_their_title_lines() {
    for (title, body) in [
        (
            "某区2026年十二件民生实事项目1—9月推进情况",
            "| 序号 | 实事项目 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n| 1 | 新建公办幼儿园 | 区教育局 | 2026年8月底前 |\n",
        ),
        (
            "某县2026年县级重大项目建设计划表",
            "| 序号 | 项目名称 | 责任主体 | 建设年限 |\n|---|---|---|---|\n| 1 | 古城文旅综合开发项目 | 县文化和旅游局 | 2025—2027年 |\n",
        ),
    ] {
        let d = extract_text(
            "表.md",
            &format!("# {title}\n\n某某办公室　2026年10月10日\n\n{body}"),
        );
        assert_eq!(d.documents[0].title, title);
        assert_eq!(d.tasks.len(), 1, "{title}");
    }
}

/// A bracket closing a unit's name that holds the leader who oversees it
/// (`区发改局（刘振宇）`) or the office's second name (`市市场监管局（市知识
/// 产权局）`) is no part of the name; alternatives of a level
/// (`各县（市、区）人民政府`) are.
#[test]
fn a_leader_or_a_second_name_in_a_bracket_is_no_part_of_the_unit() {
    let d = extract_text(
        "分工.txt",
        "某区2026年重点工作任务分工方案\n\n\
         一、主要目标\n\
         1.地区生产总值增长6%左右。\n\
         牵头单位：区发改局（刘振宇）\n\
         责任单位：各街道办事处\n\
         2.加强知识产权保护。（市市场监管局（市知识产权局）牵头，各县（市、区）人民政府配合）\n\
         3.推进移风易俗。（县委宣传部（县文明办）牵头，县民政局配合）\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "地区生产总值增长6%左右",
                vec!["区发改局"],
                vec!["各街道办事处"],
                vec![]
            ),
            (
                "加强知识产权保护",
                vec!["市市场监管局"],
                vec!["各县（市、区）人民政府"],
                vec![]
            ),
            ("推进移风易俗", vec!["县委宣传部"], vec!["县民政局"], vec![]),
        ]
    );
}

/// `未明确责任单位的，由各地各部门按照职责抓好落实`: every task naming no
/// unit has those units as responsible, none as lead; a task naming its
/// own keeps them.
#[test]
fn a_rule_gives_the_tasks_naming_no_unit_their_responsible_units() {
    let d = extract_text(
        "工作要点.txt",
        "某市2026年人居环境整治工作要点\n\n\
         \u{3000}\u{3000}现提出全年工作要点如下。未明确责任单位的，由各地各部门按照职责抓好落实。\n\n\
         一、城镇环境整治\n\
         1.推进生活垃圾分类。新建收集点600个。（市城市管理局牵头，市教育局配合）\n\
         2.开展城乡接合部环境整治。集中清理乱堆乱放。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "推进生活垃圾分类",
                vec!["市城市管理局"],
                vec!["市教育局"],
                vec![]
            ),
            ("开展城乡接合部环境整治", vec![], vec![], vec!["各地各部门"]),
        ]
    );
}

/// A table of two columns, the work and its `责任分工` (labelled lines in
/// one cell), numbered in the work cell: each row a task, its number out
/// of the title, its units and time from the labels.
#[test]
fn a_work_and_duties_table_numbered_in_its_work_cells() {
    let d = extract_text(
        "分工表.md",
        "# 某市数字政府建设2026年工作任务分工表\n\n\
         | 工作任务 | 责任分工 |\n\
         |---|---|\n\
         | 一、夯实基础支撑 | |\n\
         | 1.建设政务大数据体系。整合市级部门业务数据。 | 牵头单位：市数据局<br>配合单位：市直各有关部门<br>完成时限：2026年底前 |\n\
         | 2.优化政务云。推动系统迁移上云。 | 牵头单位：市委网信办、市公安局<br>配合单位：市数据局<br>完成时限：持续推进 |\n",
    );
    let rows: Vec<Row> = d.tasks.iter().map(row).collect();
    assert_eq!(
        rows,
        vec![
            r(
                "1.",
                "建设政务大数据体系",
                &["市数据局"],
                &["市直各有关部门"],
                &[],
                Single,
                Some("2026年底前"),
            ),
            r(
                "2.",
                "优化政务云",
                &["市委网信办", "市公安局"],
                &["市数据局"],
                &[],
                Joint,
                Some("持续推进"),
            ),
        ]
    );
    assert_eq!(goal_titles(&d), ["夯实基础支撑"; 2]);
}

/// Places sharing a duty by parts (`A负责上游段，B负责中游段`) each lead
/// theirs. A standing sentence opening a sub-part (`本部分以下各项任务均需
/// …落实`) reaches that part only. A heading's lead named by a label for
/// places (`牵头镇：`) leads its items; an item adding units that take part
/// keeps the heading's partners too. Under 保障措施, prose naming who meets
/// makes no task.
#[test]
fn places_share_duties_by_part_and_a_part_speaks_for_itself() {
    let d = extract_text(
        "经济带.txt",
        "某市潆水经济带协同发展实施方案\n\n\
         一、重点任务\n\
         （一）共建生态廊道\n\
         \u{3000}\u{3000}1.实施干流生态修复。修复岸线120公里。（泸源县人民政府负责上游段，泓川区人民政府负责中游段）\n\
         （二）共育沿江产业带\n\
         \u{3000}\u{3000}本部分以下各项任务均需沿线各县（市、区）人民政府落实，不再列出。\n\
         \u{3000}\u{3000}2.共建绿色食品产业带。打造区域公用品牌。（市农业农村局牵头）\n\
         （三）共联基础设施\n\
         \u{3000}\u{3000}3.推进航道整治。整治潆口至潆东段航道。（市交通运输局牵头）\n\
         二、中部田园片区（牵头镇：石湖镇人民政府；配合单位：县农业农村局）\n\
         \u{3000}\u{3000}4.建设粮食生产示范方。建设高标准农田2.5万亩。\n\
         \u{3000}\u{3000}5.创建田园综合体。争创省级田园综合体。（桂溪乡人民政府具体落实）\n\
         三、保障措施\n\
         \u{3000}\u{3000}各片区牵头镇每季度召开片区联席会议，县乡村振兴工作领导小组办公室每半年开展评估。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "实施干流生态修复",
                vec!["泸源县人民政府", "泓川区人民政府"],
                vec![],
                vec![]
            ),
            (
                "共建绿色食品产业带",
                vec!["市农业农村局"],
                vec!["沿线各县（市、区）人民政府"],
                vec![]
            ),
            ("推进航道整治", vec!["市交通运输局"], vec![], vec![]),
            (
                "建设粮食生产示范方",
                vec!["石湖镇人民政府"],
                vec!["县农业农村局"],
                vec![]
            ),
            (
                "创建田园综合体",
                vec!["石湖镇人民政府"],
                vec!["县农业农村局", "桂溪乡人民政府"],
                vec![]
            ),
        ]
    );
}

/// The words plans use for who answers for a task beyond 牵头 (`主抓`,
/// `抓总`, `统筹`, `共同负总责`) lead; words of doing the work (`承担`,
/// `组织实施`, `共同推进`, `落实`) lead when nobody else does and are a
/// part beside a lead; supporting words (`协同推进`, `协助`) partner.
/// A bracket of doing and supporting words only is a note when named
/// departments do the work, and a bare `（各镇落实）` stays none.
#[test]
fn words_of_answering_for_and_doing_the_work_give_roles() {
    let d = extract_text(
        "分工方案.txt",
        "某县2026年乡村振兴工作分工方案\n\n\
         一、重点任务\n\
         1.开展常态化监测排查。每季度排查一次。（县农业农村局统筹，各乡镇人民政府组织实施）\n\
         2.落实分层分类帮扶措施。落实兜底保障。（由县农业农村局组织实施，县民政局、县人社局配合）\n\
         3.加强帮扶项目资产管理。建立资产台账。（县财政局、县农业农村局共同推进）\n\
         4.建设四好农村路。新改建农村公路120公里。（县交通运输局承担，县公安局交通管理大队协助）\n\
         5.强化金融支持。设立产业基金。（县金融办主抓，人民银行县支行协同推进）\n\
         6.落实惠企政策。推行免申即享。（县工信局、县财政局共同负总责，各乡镇人民政府落实）\n\
         7.开展村庄清洁行动。清理积存垃圾。（各镇落实）\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "开展常态化监测排查",
                vec!["县农业农村局"],
                vec!["各乡镇人民政府"],
                vec![]
            ),
            (
                "落实分层分类帮扶措施",
                vec!["县农业农村局"],
                vec!["县民政局", "县人社局"],
                vec![]
            ),
            (
                "加强帮扶项目资产管理",
                vec!["县财政局", "县农业农村局"],
                vec![],
                vec![]
            ),
            (
                "建设四好农村路",
                vec!["县交通运输局"],
                vec!["县公安局交通管理大队"],
                vec![]
            ),
            (
                "强化金融支持",
                vec!["县金融办"],
                vec!["人民银行县支行"],
                vec![]
            ),
            (
                "落实惠企政策",
                vec!["县工信局", "县财政局"],
                vec!["各乡镇人民政府"],
                vec![]
            ),
            ("开展村庄清洁行动", vec![], vec![], vec![]),
        ]
    );
}

/// A legend under a task table (`注：标注★的为牵头单位`, `排在首位的为牵头
/// 单位`) explains the rows above it; a provision about the plan after the
/// last task (`本方案由市政府督查室负责跟踪督办`) is no part of that task;
/// a bracketed time label may open with 按 (`【完成时限】按年度推进`).
#[test]
fn a_legend_under_a_table_holds_for_its_rows_and_a_closing_provision_for_none() {
    let d = extract_text(
        "任务表.md",
        "# 某市开放型经济2026年任务清单\n\n\
         | 序号 | 重点任务 | 责任单位 | 完成时限 |\n\
         |---|---|---|---|\n\
         | 1 | 培育外贸经营主体 | 市商务局、各县（市、区）人民政府 | 年内 |\n\
         | 2 | 推进跨境电商发展 | 市交通运输局★、松岚海关 | 9月底 |\n\n\
         注：1.标注★的为牵头单位；2.未标注的，排在首位的为牵头单位，其余为配合单位。\n\n\
         本方案由市政府督查室负责跟踪督办。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "培育外贸经营主体",
                vec!["市商务局"],
                vec!["各县（市、区）人民政府"],
                vec![]
            ),
            (
                "推进跨境电商发展",
                vec!["市交通运输局"],
                vec!["松岚海关"],
                vec![]
            ),
        ]
    );
    let d = extract_text(
        "方案.txt",
        "某市促消费工作方案\n\n\
         一、重点任务\n\
         1.开展促消费系列活动。发放消费券。【牵头单位】市商务局【配合单位】市财政局、各县（市、区）人民政府【完成时限】按年度推进\n\
         2.开展安全生产治本攻坚行动。（责任单位：市应急管理局）\n\n\
         本方案由市政府督查室负责跟踪督办。\n",
    );
    assert_eq!(
        title_roles(&d),
        vec![
            (
                "开展促消费系列活动",
                vec!["市商务局"],
                vec!["市财政局", "各县（市、区）人民政府"],
                vec![]
            ),
            (
                "开展安全生产治本攻坚行动",
                vec![],
                vec![],
                vec!["市应急管理局"]
            ),
        ]
    );
    assert_eq!(row(&d.tasks[0]).deadline, Some("按年度推进"));
}

/// A table's ditto marks (`〃`, `同上`) in its unit and time cells are the
/// row above's, as the plan's own note says (`表中“〃”表示与上一项相同`).
#[test]
fn ditto_marks_in_unit_and_time_cells_copy_the_row_above() {
    let d = extract_text(
        "分工表.txt",
        "某区2026年重点任务分工表\n\n\
         序号\t工作任务\t牵头单位\t配合单位\t完成时限\n\
         一、加快构建现代化产业体系\n\
         1\t培育新能源汽车零部件产业集群\t区工业和信息化局\t区科技局\t2026年10月底\n\
         2\t推动传统制造业技术改造\t〃\t区财政局\t〃\n\
         3\t做强现代物流业\t区商务局\t〃\t同上\n\n\
         注：表中“〃”表示与上一项相同。\n",
    );
    let rows: Vec<_> = d.tasks.iter().map(row).collect();
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.title, r.leads.clone(), r.partners.clone(), r.deadline))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "培育新能源汽车零部件产业集群",
                vec!["区工业和信息化局"],
                vec!["区科技局"],
                Some("2026年10月底")
            ),
            (
                "推动传统制造业技术改造",
                vec!["区工业和信息化局"],
                vec!["区财政局"],
                Some("2026年10月底")
            ),
            (
                "做强现代物流业",
                vec!["区商务局"],
                vec!["区财政局"],
                Some("2026年10月底")
            ),
        ]
    );
}

/// A saved government page: its `<title>` (`article_column_site`) marks
/// where the article starts, so the site's menus and 索引号 box above it
/// are no part of the plan, and the plan is titled by it. In the table,
/// a 序号 spanning a target's rows of measures numbers the target; each
/// measure cell's own number (`1.`) is its task's, and no part of its
/// title.
#[test]
fn a_saved_page_starts_at_its_article_title_and_measures_keep_their_own_numbers() {
    let d = extract_text(
        "page.html",
        "<html><head><title>某区推进消费中心建设重点任务分工方案_通知公告_某区人民政府</title></head><body>\
         <ul><li>设为首页</li><li>加入收藏</li><li>走进某区</li></ul>\
         <table><tr><td>索引号：0001/2026-00087</td><td>发布机构：某区人民政府办公室</td></tr></table>\
         <h1>某区推进消费中心建设重点任务分工方案</h1>\
         <p>各街道办事处，区政府各部门：</p>\
         <table><tr><td>序号</td><td>目标任务</td><td>工作措施</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>\
         <tr><td rowspan=2>1</td><td rowspan=2>规模以上工业增加值增长7%</td><td>1.实施技改扩能项目40个</td><td>区工业和信息化局</td><td>区财政局</td><td>2026年12月底</td></tr>\
         <tr><td>2.新增规模以上工业企业25家</td><td>区工业和信息化局</td><td>区统计局</td><td>2026年11月底</td></tr>\
         </table><p>某区人民政府办公室</p><p>2026年4月8日</p></body></html>",
    );
    assert_eq!(d.documents[0].title, "某区推进消费中心建设重点任务分工方案");
    let got: Vec<_> = d
        .tasks
        .iter()
        .map(|t| (t.number.as_deref(), row(t).title))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("1."), "实施技改扩能项目40个"),
            (Some("2."), "新增规模以上工业企业25家"),
        ]
    );
}
