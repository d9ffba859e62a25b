//! The words the structure rules read, kept in one place: what background
//! chapters are called, the verbs a statement of work opens with, how
//! heading titles end, how plan titles end. (The words of responsibility —
//! role markers, labels, time clauses — are the notes grammar's, in
//! `notes/vocab.rs`.)

/// Topics of chapters that describe conditions, achievements and
/// intentions rather than work to do (`一、发展基础`, `（二）指导思想`). A
/// heading is background when it *names* one of them, not when an action
/// takes one as its object (`打好新兴产业发展基础` is work).
pub const BACKGROUND: &[&str] = &[
    "基础条件",
    "发展基础",
    "发展环境",
    "发展形势",
    "面临形势",
    "主要成就",
    "发展成就",
    "发展现状",
    "现实基础",
    "规划背景",
    "指导思想",
    "基本原则",
    "工作原则",
    "分工原则",
    "分解原则",
    "战略定位",
    "发展定位",
    "发展目标",
    "总体目标",
    "主要目标",
    "远景目标",
    "总体要求",
    "思想认识",
    "重要意义",
    "编制依据",
    "规划范围",
    "规划期限",
    "总则",
    "附则",
    // A 通报's account of how the work went, before what it asks next.
    "总体情况",
    "基本情况",
    "进展情况",
    "存在问题",
    "主要问题",
];

/// Verbs that open a statement of work (`推进…`, `加快…`): a heading that
/// opens with one is an action, and in a wall of text a short sentence that
/// opens with one starts a task.
pub const WORK_VERBS: &[&str] = &[
    "提升",
    "提高",
    "做强",
    "做大",
    "做优",
    "做实",
    "打造",
    "打好",
    "推动",
    "推进",
    "建设",
    "构建",
    "完善",
    "加强",
    "强化",
    "优化",
    "培育",
    "大力发展",
    "发展",
    "深化",
    "实施",
    "促进",
    "健全",
    "夯实",
    "筑牢",
];

/// Words of pace that open a statement of work before its verb (`加快城区
/// 建设`, `进一步优化…`): no place name holds one.
pub const PACE_WORDS: &[&str] = &["加快", "加速", "进一步", "持续", "全面"];

/// Words that end heading titles; used to find where a glued heading's
/// title stops and its body starts (`（一）优化区域经济发展格局各区域加强…`).
pub const HEADING_ENDINGS: &[&str] = &[
    "认识",
    "要求",
    "思想",
    "原则",
    "目标",
    "发展",
    "作用",
    "支撑",
    "联动",
    "格局",
    "互通",
    "共建",
    "共治",
    "共享",
    "措施",
    "协调",
    "引领",
    "政策",
    "责任",
    "激励",
    "机制",
    "体系",
    "建设",
    "能力",
    "水平",
    "环境",
    "保障",
    "领导",
    "改革",
    "开放",
    "创新",
    "融合",
    "升级",
    "一体化",
    "治理",
    "服务",
];

/// Words that start a body sentence after a glued heading title.
pub const BODY_STARTS: &[&str] = &[
    "要",
    "各",
    "加快",
    "深入",
    "加强",
    "积极",
    "坚持",
    "推进",
    "推动",
    "实施",
    "建立",
    "完善",
    "有序",
    "结合",
    "研究",
    "明确",
    "立足",
    "到20",
    "按照",
    "围绕",
    "以",
    "全面",
    "统筹",
    "着力",
    "充分",
    "区域",
    "“",
    "在",
    "大力",
    "进一步",
    "通过",
    "市",
    "省",
    "县",
    "我",
];

/// Words a plan's title ends with.
const PLAN_TITLE_ENDINGS: &[&str] = &[
    "方案",
    "规划",
    "纲要",
    "意见",
    "计划",
    "办法",
    "措施",
    "决定",
    "通知",
    "通报",
    "要点",
    "规定",
    "细则",
    "清单",
    "分工",
    "报告",
    "举措",
    "任务",
    "事项",
    // A form as the document (`…分工表`, `…一览表`, `…建设计划表`).
    "表",
    // A volume of a plan (`…第十四个五年规划组团发展篇`).
    "篇",
    // A progress report (`…民生实事项目1—9月推进情况`).
    "推进情况",
    "进展情况",
    "完成情况",
    "落实情况",
    "安排",
    "分解",
    "台账",
    "函",
];

/// Whether `t` ends as a plan's title does, in either script (`…工作要点`,
/// `…工作要點`).
pub fn ends_like_plan_title(t: &str) -> bool {
    let t = crate::zh::to_simplified(t);
    PLAN_TITLE_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// Titles of the part that says how a plan is carried out (`保障措施`,
/// `组织实施`): its points are the plan's working arrangements, not tasks,
/// unless they name who does them.
const SAFEGUARDS: &[&str] = &[
    "保障措施",
    "保障机制",
    "保障体系",
    "组织保障",
    "组织实施",
    "实施保障",
    "工作保障",
    "工作要求",
    "推进机制",
    "工作机制",
    "实施步骤",
    "进度安排",
];

/// Whether a heading's title names the part on how the plan is carried out:
/// one of [`SAFEGUARDS`], alone or after a verb of two characters at most
/// (`加强组织保障`, `健全推进机制`). Not a title about a subject that ends so
/// (`完善社会保障体系` is work on social security).
pub fn is_safeguards(title: &str) -> bool {
    let title = title.trim_end_matches(['。', '.']);
    SAFEGUARDS.iter().any(|w| {
        title
            .strip_suffix(w)
            .is_some_and(|verb| verb.chars().count() <= 2)
    })
}

/// Words of a news byline (`记者 某某`), never a heading.
pub const BYLINE: &[&str] = &["记者", "通讯员", "来源", "编辑", "作者", "发布时间"];

/// Labels of the lines a web page puts around a plan (`发布时间：…`,
/// `分享到：`), beside [`BYLINE`]'s.
const PAGE_LABELS: &[&str] = &[
    "发布日期",
    "浏览次数",
    "访问量",
    "分享到",
    "字号",
    "打印本页",
    // A 政府信息公开 page's index table (`信息索引：…`, `公开方式：主动公开`).
    "信息索引",
    "索引号",
    "生成日期",
    "成文日期",
    "公开方式",
    "公开范围",
    "公开时限",
    "发布单位",
    "发布机构",
    "主题分类",
    "所属机构",
    "有效性",
    "当前位置",
    "您所在的位置",
    "您的位置",
];

/// Labels a site's credits put beside its `主办：` at the page foot; a
/// note's `主办：` stands beside 协办 or 完成时限, never these.
const SITE_CREDITS: &[&str] = &[
    "承办：",
    "地址：",
    "电话：",
    "邮编：",
    "技术支持",
    "联系我们",
    "网站地图",
];

/// A line of the web page around a plan (`首页 > 政务公开 > 重点工作`,
/// `发布时间：2026-03-02`, `分享到：`): complete in itself, never part of
/// a paragraph (or of the plan's title).
pub fn is_page_meta(text: &str) -> bool {
    let t = text.trim();
    let crumbs = t.matches(['>', '＞', '»', '›']).count() >= 2;
    let labelled = BYLINE.iter().chain(PAGE_LABELS).any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            rest.trim_start().starts_with([':', '：']) || rest.trim().is_empty()
        })
    });
    // The site's credits at the page foot (`主办：X　承办：Y`,
    // `主办：X　地址：…`, `网站标识码…`, `…ICP备…`): the site's makers,
    // not the plan's units.
    let credits = ["网站标识码", "ICP备", "公网安备"]
        .iter()
        .any(|w| t.contains(w))
        || (t.contains("主办：") && SITE_CREDITS.iter().any(|w| t.contains(w)));
    crumbs || labelled || credits
}

/// Whether a heading's title names a background topic: the topic is the
/// title, or the title opens with it, or what stands before it is no
/// action (`“十四五”时期发展形势` is background, `打好发展基础` is not).
pub fn is_background(title: &str) -> bool {
    let title = title.trim_end_matches(['。', '.']);
    BACKGROUND.iter().any(|w| match title.find(w) {
        None => false,
        Some(0) => true,
        Some(at) => !opens_with_work_verb(&title[..at]),
    })
}

/// How a provision about the plan itself opens (`本措施自…起施行`).
pub const SELF_REFERENCES: &[&str] = &[
    "本措施",
    "本方案",
    "本办法",
    "本细则",
    "本意见",
    "本规定",
    "本通知",
    "本计划",
    "本政策",
    "本规划",
];

/// What such a provision says: when it applies, who interprets it.
pub const PROVISION_WORDS: &[&str] = &[
    "施行",
    "执行",
    "解释",
    // Who follows the plan up (`本方案由市政府督查室负责跟踪督办`).
    "督办",
    "督查",
    "有效期",
    "废止",
    "起实施",
    "重叠",
    "不一致",
];

/// A provision about the plan itself, not work: `本措施自2024年1月1日起施行`,
/// `本方案由市发改委负责解释`, or its purpose (`为促进…，制定本措施`).
pub fn is_provision(text: &str) -> bool {
    let about_itself = SELF_REFERENCES.iter().any(|w| text.starts_with(w))
        && PROVISION_WORDS.iter().any(|w| text.contains(w));
    let purpose = ["为", "根据", "依据", "按照"]
        .iter()
        .any(|w| text.starts_with(w))
        && SELF_REFERENCES
            .iter()
            .any(|w| text.contains(&format!("制定{w}")));
    about_itself || purpose
}

/// Whether a heading's title names a part about the plan itself: its
/// closing provisions (`附则`: when it applies, who interprets it) or its
/// notes on how it is filled in (`填报说明`, a spreadsheet's 说明 sheet).
/// Their points are never tasks, naming units or not.
pub fn is_supplementary_provisions(title: &str) -> bool {
    let title: String = title
        .trim()
        .trim_end_matches(['。', '.', '：', ':'])
        .split_whitespace()
        .collect();
    matches!(
        title.as_str(),
        "附则" | "说明" | "填报说明" | "编制说明" | "填表说明" | "备注"
    )
}

/// Whether `text` opens with a verb of work.
pub fn opens_with_work_verb(text: &str) -> bool {
    let t = text.trim_start_matches(['“', '"', ' ']);
    WORK_VERBS.iter().any(|v| t.starts_with(v))
}

/// Sentence-final punctuation: a line ending in one of these is complete.
const TERMINAL: &[char] = &[
    '。', '！', '？', '；', '：', '!', '?', ';', '…', '”', '」', '』', '）', ')', ']', '】', '〕',
];

pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(TERMINAL)
}

/// A line that plainly stops mid-sentence: after a comma or enumeration
/// mark, or inside an open bracket or quote. No heading ends so.
pub fn unfinished(s: &str) -> bool {
    let s = s.trim_end();
    if s.ends_with(['，', ',', '、', '（', '(', '“']) {
        return true;
    }
    let depth = |open: char, close: char| {
        s.chars().filter(|&c| c == open).count() > s.chars().filter(|&c| c == close).count()
    };
    depth('（', '）') || depth('(', ')') || depth('“', '”') || depth('《', '》')
}

/// What a note after a run of items calls them all (`以上各项由A牵头`,
/// `上述任务由…`): every item of the run, back to its section's first.
pub const RUN_OF_ITEMS: &[&str] = &[
    "各项任务",
    "各项工作",
    "各项措施",
    "重点任务",
    "所有任务",
    "各项",
    "各条",
    "任务",
    "事项",
    "措施",
];

/// Marks opening each item of a list inside one table cell (`△完成…`
/// under a group row: the group's work broken down, one task a line).
pub const ITEM_MARKS: &[char] = &['△', '▲', '●', '○', '◆', '◇', '■', '□', '•'];

/// What a note on a table says of columns whose cells are merged over
/// consecutive rows (`“牵头单位”栏合并填写`).
pub const MERGED_CELLS: &[&str] = &["合并"];

/// Words opening a reference back to the items before it (`以上3项`,
/// `上述任务`).
pub const ITEMS_ABOVE: &[&str] = &["以上", "上述", "前述"];

/// What may follow a counted reference (`以上3项任务由…`): part of it.
pub const COUNTED_ITEM_NOUNS: &[&str] = &["任务", "工作", "事项", "措施"];

/// Endings of an institution's name (`县发展和改革局`, `各乡镇人民政府`,
/// `开发区管委会`): a heading that is only such a name is a unit, not a
/// topic. Places (`…区`, `…镇`) are not among them: `北部片区` is a topic.
pub const INSTITUTION_ENDINGS: &[&str] = &[
    "局",
    "办事处",
    "处",
    "所",
    "站",
    "队",
    "委员会",
    "委",
    "办公室",
    "办",
    "政府",
    "管委会",
    "中心",
    "厅",
    "公司",
    "集团",
    "法院",
    "检察院",
    "医院",
    "支行",
    "分行",
    "联合会",
    "工商联",
    "总工会",
    "团县委",
    "团市委",
    "妇联",
    "残联",
    "科协",
    "部",
];

/// What a heading of a 分工 sorted by unit writes after the unit's name
/// (`二、县教育局牵头的任务`, `（三）市财政局负责的工作`). Longest first.
const UNIT_HEADING_TAILS: &[&str] = &[
    "牵头负责的工作",
    "牵头负责的任务",
    "牵头负责的事项",
    "牵头的任务",
    "牵头的工作",
    "牵头的事项",
    "负责的任务",
    "负责的工作",
    "负责的事项",
    "牵头任务",
    "牵头工作",
    "牵头事项",
    "负责事项",
];

/// A heading's title as the name of the unit it may be: without a trailing
/// colon and what a heading sorted by unit adds after the name
/// (`县教育局牵头的任务：` → `县教育局`). Whether that is a unit's name is
/// for the notes grammar to say.
pub fn unit_heading_name(title: &str) -> &str {
    let t = title.trim().trim_end_matches([':', '：']).trim_end();
    UNIT_HEADING_TAILS
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .unwrap_or(t)
}

/// Whether `name` ends as an institution's name does ([`INSTITUTION_ENDINGS`])
/// and opens with no verb of work (`建设区域医疗中心` is work).
pub fn ends_like_institution(name: &str) -> bool {
    INSTITUTION_ENDINGS.iter().any(|w| name.ends_with(w)) && !opens_with_work_verb(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulletins_account_is_background() {
        for t in ["总体情况", "存在问题", "一季度进展情况"] {
            assert!(is_background(t), "{t}");
        }
        assert!(!is_background("下步要求"));
    }

    #[test]
    fn safeguards_titles_and_titles_about_a_subject() {
        for t in ["保障措施", "组织实施。", "加强组织保障", "健全推进机制"] {
            assert!(is_safeguards(t), "{t}");
        }
        for t in [
            "完善社会保障体系",
            "建立健全长效工作机制",
            "保障措施落实情况",
        ] {
            assert!(!is_safeguards(t), "{t}");
        }
    }

    #[test]
    fn a_site_s_credits_are_page_lines_a_note_s_label_is_not() {
        for t in [
            "主办：岚川省人民政府办公厅　承办：岚川省大数据中心",
            "网站标识码：1100000099　岚ICP备05001234号",
            "主办：禾阳区人民政府办公室　　地址：禾阳区政通路1号",
            "首页 > 政务公开 > 规划计划",
            "信息索引：JY-0021-2026-000085",
            "公开方式：主动公开",
        ] {
            assert!(is_page_meta(t), "{t}");
        }
        for t in [
            "主办：市发展改革委",
            "主办单位：市商务局；协办单位：市财政局",
        ] {
            assert!(!is_page_meta(t), "{t}");
        }
    }

    #[test]
    fn closing_and_filling_in_headings_are_about_the_plan() {
        for t in ["附则", "附 则", "填报说明", "说明："] {
            assert!(is_supplementary_provisions(t), "{t}");
        }
        assert!(!is_supplementary_provisions("完善附则制度"));
    }

    #[test]
    fn background_titles_name_the_topic() {
        for t in [
            "基础条件",
            "发展基础和面临形势",
            "“十四五”时期发展形势",
            "指导思想和发展目标",
            "总体要求",
        ] {
            assert!(is_background(t), "{t}");
        }
        for t in ["打好新兴产业发展基础", "强化组织领导", "推进发展目标落实"]
        {
            assert!(!is_background(t), "{t}");
        }
    }

    #[test]
    fn unit_headings_lose_their_tails() {
        assert_eq!(unit_heading_name("县教育局牵头的任务"), "县教育局");
        assert_eq!(unit_heading_name("市交通运输局："), "市交通运输局");
        assert_eq!(unit_heading_name("加强人民政府建设"), "加强人民政府建设");
        assert!(ends_like_institution("县发展和改革局"));
        assert!(!ends_like_institution("加强人民政府建设"));
        assert!(!ends_like_institution("建设区域医疗中心"));
    }
}
