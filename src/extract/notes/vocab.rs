//! The words notes are made of: verbs that end a list item (`牵头`, `配合`,
//! `按职责分工负责`…), field labels (`牵头单位：`), and phrases that state a
//! rule rather than name a unit.

use std::sync::LazyLock;

/// Marks a list may put before or after a unit's name (`市商务局*`,
/// `★市财政局`). A mark is never part of the name; it makes the unit a lead
/// only where the document's legend says so (`注：标*的为牵头单位`).
/// (Full-width `＊` is folded to `*` before matching.)
pub(super) const LEAD_MARKS: &[char] = &['*', '★', '☆', '▲', '△', '※', '●', '◆', '◎'];

/// Field labels that name the work itself in a form (`督办事项：…`,
/// `工作任务：…`, an item written as one line of labelled fields
/// `项目名称：X；建设内容：…；责任单位：…`): the label is no part of the
/// task's title, which is the field's value. Longest first.
pub(super) const TASK_LABELS: &[&str] = &[
    "重点督办事项",
    "督办事项",
    "督查事项",
    "重点工作任务",
    "工作任务",
    "重点任务",
    "主要任务",
    "具体任务",
    "目标任务",
    "任务内容",
    "任务名称",
    "工作内容",
    "工作事项",
    "事项名称",
    "事项内容",
    "项目名称",
    "工程名称",
    "重点工作",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// 牵头.
    Lead,
    /// 负责: a lead when the note names no 牵头, else a partner.
    Charge,
    /// 配合, 参与, 协助…
    Partner,
    /// 责任单位.
    Responsible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelKind {
    Units(Role),
    /// `直属单位：` after `配合处室：…`: more units of the kind the label
    /// names, in the role of the label before it.
    MoreUnits,
    /// `部门分工：A牵头，B配合`: a note in running words, each unit's role
    /// written beside it.
    Duties,
    Leader,
    Deadline,
    /// `督办单位：`: who follows the work up, neither a lead nor a partner.
    Supervisor,
}

pub(super) struct Verb {
    pub(super) text: Vec<char>,
    pub(super) role: Role,
    /// 分别牵头 / 分别负责.
    pub(super) respective: bool,
    /// Whether the verb alone makes a bracket a note (配合 does, 参与 does not:
    /// `(企业为主体、社会参与)` is not a note).
    pub(super) strong: bool,
}

/// Verbs ending a list item (`A牵头`, `B、C配合`), longest first.
pub(super) static VERBS: LazyLock<Vec<Verb>> = LazyLock::new(|| {
    let mut verbs = Vec::new();
    let mut add = |words: &[&str], role: Role, respective: bool, strong: bool| {
        for w in words {
            verbs.push(Verb {
                text: w.chars().collect(),
                role,
                respective,
                strong,
            });
        }
    };
    add(
        &[
            "分别牵头",
            "各自牵头",
            "分别牵头负责",
            "分别牵头落实",
            "分别牵头推进",
            "分别负总责",
            "分别主抓",
            "分别统筹",
        ],
        Role::Lead,
        true,
        true,
    );
    add(
        &[
            "牵头",
            "共同牵头",
            "联合牵头",
            "牵头负责",
            "牵头落实",
            "牵头实施",
            "牵头推进",
            "牵头抓总",
            "牵头组织",
            "牵头组织实施",
            "为牵头单位",
            "为牵头部门",
            "负总责",
            "总牵头",
            "主办",
            "主责",
            "为主办单位",
            "为主责单位",
            // The words of plans that say who answers for the whole task.
            "主抓",
            "抓总",
            "统筹",
            "负主责",
            "共同负总责",
            "共同主抓",
            "共同统筹",
        ],
        Role::Lead,
        false,
        true,
    );
    add(&["分别负责", "各自负责"], Role::Charge, true, true);
    add(
        &[
            "负责",
            "共同负责",
            "具体负责",
            "负责落实",
            "负责实施",
            "负责推进",
            "负责组织实施",
        ],
        Role::Charge,
        false,
        true,
    );
    add(
        &[
            "为责任单位",
            "为责任部门",
            "为责任主体",
            "为实施主体",
            "为落实主体",
        ],
        Role::Responsible,
        false,
        true,
    );
    add(
        &[
            "配合",
            "分别配合",
            "共同配合",
            "协同配合",
            "积极配合",
            "配合落实",
            "配合实施",
            "配合推进",
            "配合完成",
            "为配合单位",
            "为配合部门",
            "协办",
            "予以支持",
            "协助配合",
            "支持配合",
            "参与配合",
            // `（区文物保护中心具体落实）` under a heading's lead: a note.
            "具体落实",
        ],
        Role::Partner,
        false,
        true,
    );
    // `B按职责分工负责` and its variants: beside a 牵头 they partner; with
    // no 牵头 each named unit is responsible for its part (a lead).
    for how in [
        "按职责分工",
        "按照职责分工",
        "按职责",
        "按职能分工",
        "按职能职责",
        "根据职责分工",
        "按各自职责",
        "依职责",
    ] {
        for what in ["负责", "落实", "推进", "分工负责"] {
            add(&[format!("{how}{what}").as_str()], Role::Charge, true, true);
        }
        for what in ["配合", "参与"] {
            add(
                &[format!("{how}{what}").as_str()],
                Role::Partner,
                false,
                true,
            );
        }
    }
    add(
        &[
            "参与",
            "共同参与",
            "积极参与",
            "协助",
            "协同",
            "协同推进",
            "指导",
            "业务指导",
            "加强指导",
            "支持",
            "协助推进",
        ],
        Role::Partner,
        false,
        false,
    );
    // Doing the work: beside a lead, a part of it (`（A牵头负责，各县（市、
    // 区）落实）`); with none, the task itself (`（由A组织实施，B配合）`,
    // `（A、B共同推进）`). Weak, as a bare `（各镇落实）` is no note.
    add(
        &[
            "落实",
            "抓好落实",
            "组织落实",
            "共同落实",
            "具体实施",
            "组织实施",
            "共同推进",
            "承担",
        ],
        Role::Charge,
        false,
        false,
    );
    // A unit that guides or supervises the work (`B加强指导督促`, `B督促指导`)
    // stands beside whoever does it: a partner, weak like `指导`; so does
    // one that sees to another's doing it (`B督促落实`). A bare
    // `督促` is not enough (`负责日常协调和督促检查` is a duty, not a role).
    for how in ["", "加强"] {
        for what in ["指导督促", "督促指导", "指导监督", "监督指导"] {
            add(
                &[format!("{how}{what}").as_str()],
                Role::Partner,
                false,
                false,
            );
        }
    }
    add(
        &[
            "督导",
            "加强督导",
            "加强督促",
            "督促落实",
            "督促实施",
            "督促推进",
        ],
        Role::Partner,
        false,
        false,
    );
    verbs.sort_by_key(|v| std::cmp::Reverse(v.text.len()));
    verbs
});

pub(super) struct Label {
    pub(super) text: Vec<char>,
    pub(super) kind: LabelKind,
}

/// Field labels (`牵头单位：`), longest first so `牵头负责领导` wins over `牵头`.
pub(super) static LABELS: LazyLock<Vec<Label>> = LazyLock::new(|| {
    let mut labels = Vec::new();
    let mut add = |words: &[&str], kind: LabelKind| {
        for w in words {
            labels.push(Label {
                text: w.chars().collect(),
                kind,
            });
        }
    };
    add(
        &[
            "牵头单位",
            "牵头部门",
            "牵头责任单位",
            "牵头责任部门",
            "牵头处室",
            "牵头科室",
            "主责单位",
            "主责部门",
            "主办单位",
            "主要责任单位",
            // `承办单位` (with `协办单位`, as in 督办清单) carries out the work.
            "承办单位",
            "承办部门",
            "主办部门",
            "牵头",
            "主办",
        ],
        LabelKind::Units(Role::Lead),
    );
    add(
        &[
            "配合单位",
            "配合部门",
            "协同责任单位",
            "协同单位",
            "协同部门",
            "协办单位",
            "参与单位",
            "参与部门",
            "协助单位",
            "协作单位",
            "协办部门",
            "协作部门",
            "协助部门",
            "参加单位",
            "参加部门",
            "支持单位",
            "配合责任部门",
            // `责任（配合）单位：` beside `牵头单位：`, in the text's
            // normalised brackets.
            "责任(配合)单位",
            "责任(配合)部门",
            "配合处室",
            "其他责任单位",
            "其他配合单位",
            "配合",
            "参与",
            "协办",
            "协助",
            "协同",
            "具体落实",
            "具体实施",
        ],
        LabelKind::Units(Role::Partner),
    );
    add(
        &[
            "责任单位",
            "责任部门",
            "实施单位",
            "实施主体",
            "责任主体",
            "落实单位",
            "责任处室",
            "责任科室",
            "实施部门",
        ],
        LabelKind::Units(Role::Responsible),
    );
    add(
        &[
            "牵头负责领导",
            "牵头领导",
            "负责领导",
            "责任领导",
            "分管领导",
            "牵头市领导",
            "牵头区领导",
            "牵头县领导",
            "分管市领导",
            "分管区领导",
            "分管县领导",
            "责任市领导",
            "责任区领导",
            "责任县领导",
            "联系领导",
            "挂点领导",
            "牵头负责人",
            "责任人",
            "跟进人",
            "联系人",
        ],
        LabelKind::Leader,
    );
    add(
        &[
            "完成时限",
            "完成时间",
            "完成期限",
            "办结时限",
            "办结时间",
            "办理时限",
            "办结期限",
            "时间要求",
            "时限要求",
            "时间节点",
            "完成时间节点",
            "时间安排",
            "进度安排",
            "时间进度",
            "进度要求",
            "截止时间",
            "截止日期",
            "截止时限",
            "截止",
            "时限",
            "时间",
        ],
        LabelKind::Deadline,
    );
    add(
        &[
            "督办单位",
            "督办部门",
            "督查单位",
            "督查部门",
            "督导单位",
            "监督单位",
        ],
        LabelKind::Supervisor,
    );
    add(
        &[
            "直属单位",
            "下属单位",
            "所属单位",
            "直属机构",
            "直属事业单位",
        ],
        LabelKind::MoreUnits,
    );
    add(
        &[
            "部门分工",
            "单位分工",
            "责任分工",
            "职责分工",
            "任务分工",
            "分工",
        ],
        LabelKind::Duties,
    );
    labels.sort_by_key(|l| std::cmp::Reverse(l.text.len()));
    labels
});

/// The first chars of all labels: most text positions are ruled out with
/// one lookup instead of trying every label (this runs on every char).
pub(super) static LABEL_FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = LABELS.iter().map(|l| l.text[0]).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
});

/// Chars that commonly end a unit's name; used to tell `市发改局 市财政局`
/// (two units) from `市发 改局` (one name with a stray space).
pub(super) fn ends_like_unit(c: char) -> bool {
    "局委办院镇街区县市部会司厅室心社队站所园行团处府馆校组庭军联协".contains(c)
}

/// Posts a person in charge holds (`市长`, `副县长`, `区委常委`): a note naming
/// one (`常务副市长P负责`, `副县长P分管`) names a leader, never a unit.
/// Each may follow a rank word ([`POST_RANKS`]) and an organ (`区委`,
/// `市政府`); longest first where one ends another.
pub(super) const POSTS: &[&str] = &[
    "秘书长",
    "省长",
    "州长",
    "市长",
    "区长",
    "县长",
    "旗长",
    "镇长",
    "乡长",
    "书记",
    "主任",
    "局长",
    "厅长",
    "部长",
    "主席",
    "处长",
    "科长",
    "常委",
    "组长",
    "盟长",
];

/// Rank words before a post (`常务副市长`, `执行副主任`, `第一书记`).
pub(super) const POST_RANKS: &[&str] = &["常务副", "执行副", "常务", "执行", "第一", "副"];

/// Verbs of a person's charge after the name (`副县长P分管`), beyond the
/// units' role markers ([`VERBS`]).
pub(super) const PERSON_VERBS: &[&str] = &["分管", "主抓", "包抓", "挂帅", "联系", "统筹"];

/// Words after a person's name that are no part of it (`P同志`).
pub(super) const PERSON_HONORIFICS: &[&str] = &["同志"];

/// The commonest family names, for a person named without a post in a
/// bracket after a unit (`区发改局（刘振宇）`: the leader who oversees it).
pub(super) const FAMILY_NAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤聂冼罗柳殷易常乔赖文樊兰";

/// What a plan calls the units it lists, in a rule about them
/// (`排在第一位的部门为牵头部门`, `列首位的处室牵头`) and in a label not in
/// [`LABELS`] (`责任股室：`, `支撑部门：`). Two chars each.
pub(super) const LISTED_UNIT_NOUNS: &[&str] = &["单位", "部门", "处室", "科室", "股室", "机构"];

/// What a label may call units that are places' governments (`牵头镇：`,
/// `责任乡镇：`).
pub(super) const PLACE_UNIT_NOUNS: &[&str] = &["乡镇", "镇", "街道", "镇街", "县区", "区县", "村"];

/// Text that states a rule or a scope rather than naming a unit.
pub(super) fn is_rule_phrase(s: &str) -> bool {
    const PHRASES: &[&str] = &[
        "下同",
        // `列第一位的为牵头单位`, `排名第一的`, `第一者` (not `市第一人民医院`).
        "第一位",
        "第一的",
        "第一者",
        "第一个",
        "首位",
        "第1位",
        "即为牵头",
        "均为牵头",
        "不再列出",
        "不再一一列出",
        "不再单独列出",
        "不再做分工",
        "不分先后",
        // A provision about the plan itself: `由市工信局负责解释`.
        "负责解释",
    ];
    PHRASES.iter().any(|p| s.contains(p))
}

/// How a standing note ends: `以下工作均需X落实，不再列出`.
pub(super) const STANDING_ENDS: &[&str] = &[
    "不再列出",
    "不再一一列出",
    "不再单独列出",
    "不再重复列出",
    "不再列明",
    "不再列示",
    "不再做分工",
    "不再作分工",
    "不再分解",
    "不再一一明确",
    "不再逐项列出",
    "不再逐一列出",
    "不再一一标注",
    "不再逐项标注",
    "不再单独标注",
    "不再标注",
    "不再一一注明",
    "不再注明",
];

/// What a standing note's units follow: `均需X落实`, `均涉及X`.
pub(super) const STANDING_TRIGGERS: &[&str] = &[
    "均需",
    "均由",
    "都需",
    "均要",
    "需要",
    "都由",
    "均涉及",
    "涉及",
    "需",
    "由",
];

/// Deadlines that are no date: work that goes on (`持续推进`, `长期坚持`).
pub(super) const STANDING_DEADLINES: &[&str] = &[
    "持续推进",
    "持续推进落实",
    "长期坚持",
    "长期推进",
    "持续开展",
    "长期开展",
    "持续实施",
    "常态化推进",
    "常态化开展",
    "逐年推进",
    "逐步推进",
    "分步实施",
    "分年度实施",
    "分年度推进",
    "分阶段推进",
    "分阶段实施",
    "分步推进",
    "长期",
    "持续",
    "常年",
    "全年",
    "每年",
    "每年度",
];

/// What a time clause in a note may say is due by then
/// (`2025年6月底前完成政策发布`).
pub(super) const DEADLINE_ACTIONS: &[&str] = &[
    "完成", "推进", "实施", "建成", "启动", "开工", "完工", "出台", "印发", "报送", "上报", "落实",
    "见效", "达到", "实现", "持续", "取得", "基本", "全面", "形成", "制定", "考核", "评估", "发布",
    "公布", "建立", "开展", "召开", "编制", "修订",
];

/// How the second part of a two-part time clause opens (`其余年内完成`):
/// the date reader's list, which the notes read too.
pub(super) use crate::deadline::DEADLINE_CONTINUATIONS;

/// Those of [`DEADLINE_ACTIONS`] that qualify the verb after them
/// (`基本建成`, `全面完成`).
pub(super) const DEADLINE_ADVERBS: &[&str] = &["基本", "全面"];

/// How an explanatory bracket inside a unit's name opens: `（指…，下同）`,
/// `（含…）`. Such a bracket is dropped from the name; one listing
/// alternatives (`各县（市、区）`) stays.
pub(super) const EXPLANATION_OPENERS: &[&str] = &[
    "指",
    "含",
    "包括",
    "以下简称",
    "简称",
    "即",
    "不含",
    "系",
    "下同",
];

/// Words of manner standing between units and their verb (`X抓好落实`,
/// `X切实负责`, `X共同推进`).
pub(super) const VERB_MANNERS: &[&str] = &[
    "抓好", "做好", "切实", "认真", "共同", "积极", "抓紧", "全力", "协同", "统筹", "具体",
];

/// Verbs a unit doing its part of a task opens with, besides the verbs of
/// work (`沿线乡镇人民政府做好征地拆迁保障`, `各镇抓好属地落实`).
pub(super) const PART_VERBS: &[&str] = &["做好", "抓好", "保障", "提供"];

/// What units joined by `会同` do, after their names (`…组织实施`).
pub(super) const JOINED_ACTIONS: &[&str] = &[
    "负责落实",
    "负责",
    "组织实施",
    "共同推进",
    "共同实施",
    "研究制定",
    "研究提出",
    "推进",
    "实施",
    "落实",
    "做好",
    "开展",
];

/// How a subject naming other items opens: `以上3项`, `上述任务`, `第8—10项`.
pub(super) const ITEM_REFERENCE_OPENERS: &[&str] = &["以上", "上述", "前述", "上列", "第"];

/// The counter after the numbers of such a subject (`3项`, `第5条`).
pub(super) const ITEM_COUNTERS: &[char] = &['项', '条', '点', '款'];

/// What the items of such a subject are (`以上任务`, `以上3项工作`).
pub(super) const ITEM_NOUNS: &[&str] = &["任务", "工作", "事项", "措施", "内容", "举措"];

/// Last chars of a sub-unit's name that [`ends_like_unit`] leaves out, as
/// ordinary words end with them too (`…水厂`, `…规划科`, `…财务股`):
/// after an institution's name they go on with it. (Not 台, 场: work ends
/// with `…服务平台`, `…农贸市场` more often than a name does.)
pub(super) const SUB_UNIT_ENDINGS: &[char] = &['厂', '科', '股'];

/// Words that give a unit's reach instead of a level (`沿线乡镇`,
/// `相关街道办事处`, `属地镇街`).
pub(super) const REACH_WORDS: &[&str] = &["沿线", "相关", "有关", "属地"];

/// Words of obligation between a unit and its role (`A要会同B`,
/// `A应当会同B`), no part of either. Longest first where one ends another.
pub(super) const MODAL_WORDS: &[&str] = &["应当", "必须", "要", "应", "须", "需", "将"];

/// Last words of a unit's name that no single unit word ends
/// (`…有关单位`, `…城投集团`, `…农商银行支行`).
pub(super) const COLLECTIVE_ENDINGS: &[&str] = &[
    "单位", "部门", "机构", "企业", "公司", "集团", "支行", "分行",
];

/// Words of a role in responsibility (`牵头`, `配合`…): a phrase holding one
/// says who does what, and is no unit's name nor a piece of work.
pub(super) const ROLE_WORDS: &[&str] = &[
    "牵头", "负责", "参与", "配合", "责任", "协办", "协同", "主责", "主办",
];

/// How a lead verb says its units lead together with another
/// (`与X共同牵头`, `与X联合牵头`).
pub(super) const JOINT_LEAD_WORDS: &[&str] = &["共同", "联合"];

/// Endings of whole unit names beyond [`ends_like_unit`]'s chars: mass
/// organisations and associations (`区妇联`, `区残联`, `县科协`), used to tell
/// two space-separated units from a name broken by a space.
pub(super) const UNIT_ENDINGS: &[&str] = &[
    "联",
    "科协",
    "协会",
    "商会",
    "党组织",
    "党支部",
    "党委",
    "大队",
    "中队",
];

/// What follows a bracketed label that a sentence talks about instead of
/// filling in (`【牵头单位】负责统筹推进`, `【配合单位】按职责配合`,
/// `只标注【责任单位】的`): a predicate, never a unit's name.
pub(super) const LABEL_MENTION_FOLLOWERS: &[&str] = &[
    "的", "负责", "按", "为", "是", "指", "要", "应", "须", "需", "即", "均", "配合", "牵头", "、",
    ",", "和", "与", "及",
];

/// How a plan says a task names only 责任单位 (`只标注【责任单位】的`,
/// `仅列责任单位的`), the condition of a rule making them all leads.
pub(super) const ONLY_RESPONSIBLE_NAMED: &[&str] = &[
    "只标注",
    "仅标注",
    "只列",
    "仅列",
    "只注明",
    "仅注明",
    "只明确",
    "仅明确",
    "只有",
    "仅有",
];

/// How a sentence saying who does the work opens: `由A负责`, `均由A牵头`,
/// `责成A…` (A is charged with it). Longest first where one ends another.
pub(super) const BY_OPENERS: &[&str] = &[
    "本项工作由",
    "该项工作由",
    "此项工作由",
    "统一由",
    "分别由",
    "均由",
    "并由",
    "责成",
    "由",
];
