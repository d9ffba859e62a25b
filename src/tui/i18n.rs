//! Interface text in Chinese (default) and English.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `--lang` wins; else English when the locale (LC_ALL, LC_MESSAGES,
    /// LANG, first one set) names a language other than Chinese; Chinese
    /// when no locale is set or it is the neutral `C`/`POSIX` one.
    pub fn detect(flag: Option<&str>) -> Lang {
        if let Some(f) = flag {
            return if f.starts_with("en") {
                Lang::En
            } else {
                Lang::Zh
            };
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        Lang::from_locale(locale.as_deref())
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            None => Lang::Zh,
            Some(l) if l.starts_with("zh") || l == "C" || l.starts_with("C.") || l == "POSIX" => {
                Lang::Zh
            }
            Some(_) => Lang::En,
        }
    }

    pub fn s(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub struct Strings {
    pub app: &'static str,
    pub tree: &'static str,
    pub tree_by_doc: &'static str,
    pub task: &'static str,
    pub leads: &'static str,
    pub partners: &'static str,
    pub overlaps: &'static str,
    pub summary: &'static str,
    pub duties: &'static str,
    pub no_lead: &'static str,
    pub none: &'static str,
    pub no_overlaps: &'static str,
    pub doc: &'static str,
    pub docs: &'static str,
    pub goal: &'static str,
    pub region: &'static str,
    pub source: &'static str,
    pub line: &'static str,
    pub deadline: &'static str,
    pub lead_mode: &'static str,
    pub tasks: &'static str,
    pub unled: &'static str,
    pub top_leads: &'static str,
    pub unled_tasks: &'static str,
    pub shown: &'static str,
    pub filters: &'static str,
    pub unit: &'static str,
    pub role: &'static str,
    pub text: &'static str,
    pub role_any: &'static str,
    pub role_lead: &'static str,
    pub role_partner: &'static str,
    pub role_responsible: &'static str,
    pub role_mentioned: &'static str,
    pub role_unled: &'static str,
    pub via: &'static str,
    pub all: &'static str,
    pub coworkers: &'static str,
    pub search: &'static str,
    pub finder: &'static str,
    pub filter_title: &'static str,
    pub export_title: &'static str,
    pub format: &'static str,
    pub file: &'static str,
    pub overwrite: &'static str,
    pub exported: &'static str,
    pub rows: &'static str,
    pub export_failed: &'static str,
    pub help_title: &'static str,
    pub too_small: &'static str,
    pub no_match: &'static str,
    pub match_of: &'static str,
    pub empty: &'static str,
    pub members: &'static str,
    pub names: &'static str,
    pub working: &'static str,
    pub in_groups: &'static str,
    pub via_group: &'static str,
    pub filtered_out: &'static str,
    pub compare: &'static str,
    pub this_task: &'static str,
    pub related_task: &'static str,
    pub score: &'static str,
    pub shared_terms: &'static str,
    pub kind_project: &'static str,
    pub kind_place: &'static str,
    pub kind_wording: &'static str,
    pub nested: &'static str,
    pub no_compare: &'static str,
    pub handoffs: &'static str,
    pub handoffs_note: &'static str,
    pub handoff_short: &'static str,
    pub lead_single: &'static str,
    pub lead_joint: &'static str,
    pub lead_respective: &'static str,
    pub lead_none: &'static str,
    pub config_error: &'static str,
    pub config_defaults: &'static str,
}

pub static ZH: Strings = Strings {
    app: "分工 fengong",
    tree: "区域 → 目标 → 任务",
    tree_by_doc: "文档 → 目标 → 任务",
    task: "任务",
    leads: "牵头单位",
    partners: "配合单位",
    overlaps: "相关任务(其他文档)",
    summary: "概况",
    duties: "职责",
    no_lead: "未明确",
    none: "无",
    no_overlaps: "尚未计算重叠任务",
    doc: "文档",
    docs: "文档",
    goal: "目标",
    region: "区域",
    source: "来源",
    line: "行",
    deadline: "时限",
    lead_mode: "牵头方式",
    tasks: "任务",
    unled: "未明确牵头",
    top_leads: "牵头单位及任务数",
    unled_tasks: "未明确牵头的任务",
    shown: "显示任务",
    filters: "筛选",
    unit: "单位",
    role: "角色",
    text: "文本",
    role_any: "全部",
    role_lead: "牵头",
    role_partner: "配合",
    role_responsible: "责任",
    role_mentioned: "提及",
    role_unled: "未明确",
    via: "经由",
    all: "(全部)",
    coworkers: "常合作单位",
    search: "搜索任务",
    finder: "查找单位",
    filter_title: "筛选",
    export_title: "导出",
    format: "格式",
    file: "文件名",
    overwrite: "文件已存在,覆盖? (y/n)",
    exported: "已导出",
    rows: "行",
    export_failed: "导出失败",
    help_title: "按键说明(任意键关闭)",
    too_small: "终端太小,请放大到至少 60×15",
    no_match: "没有匹配",
    match_of: "匹配",
    empty: "(没有任务)",
    members: "成员",
    names: "名称",
    working: "处理中…",
    in_groups: "所属组合",
    via_group: "经由组合",
    filtered_out: "该任务被筛选条件隐藏,已清除筛选",
    compare: "对比",
    this_task: "本任务",
    related_task: "相关任务",
    score: "得分",
    shared_terms: "共同词语",
    kind_project: "同一项目",
    kind_place: "同一地点",
    kind_wording: "表述相近",
    nested: "上下级辖区",
    no_compare: "没有可对比的相关任务",
    handoffs: "可能的交接/冲突",
    handoffs_note: "本单位牵头的任务与其他文档中由其他单位牵头的任务重叠",
    handoff_short: "交接",
    lead_single: "单独牵头",
    lead_joint: "共同牵头",
    lead_respective: "分别牵头",
    lead_none: "未明确",
    config_error: "配置文件有误",
    config_defaults: "已使用默认按键",
};

pub static EN: Strings = Strings {
    app: "fengong 分工",
    tree: "Region → goal → task",
    tree_by_doc: "Document → goal → task",
    task: "Task",
    leads: "Lead units",
    partners: "Partner units",
    overlaps: "Related tasks (other plans)",
    summary: "Summary",
    duties: "Duties",
    no_lead: "unspecified",
    none: "none",
    no_overlaps: "No overlaps computed yet",
    doc: "Document",
    docs: "documents",
    goal: "Goal",
    region: "Region",
    source: "Source",
    line: "line",
    deadline: "Deadline",
    lead_mode: "Lead mode",
    tasks: "tasks",
    unled: "without lead",
    top_leads: "Lead units by tasks",
    unled_tasks: "Tasks without a lead",
    shown: "tasks shown",
    filters: "Filters",
    unit: "Unit",
    role: "Role",
    text: "Text",
    role_any: "any",
    role_lead: "lead",
    role_partner: "partner",
    role_responsible: "responsible",
    role_mentioned: "mentioned",
    role_unled: "no named lead",
    via: "via",
    all: "(all)",
    coworkers: "Works most with",
    search: "Search tasks",
    finder: "Find unit",
    filter_title: "Filters",
    export_title: "Export",
    format: "Format",
    file: "File",
    overwrite: "File exists. Overwrite? (y/n)",
    exported: "Exported",
    rows: "rows",
    export_failed: "Export failed",
    help_title: "Keys (any key closes)",
    too_small: "Terminal too small: need at least 60×15",
    no_match: "no match",
    match_of: "match",
    empty: "(no tasks)",
    members: "members",
    names: "Names",
    working: "working…",
    in_groups: "In groups",
    via_group: "via group",
    filtered_out: "That task was hidden by the filters; filters cleared",
    compare: "Compare",
    this_task: "This task",
    related_task: "Related task",
    score: "score",
    shared_terms: "Shared terms",
    kind_project: "same project",
    kind_place: "same place",
    kind_wording: "similar wording",
    nested: "nested jurisdictions",
    no_compare: "No related task to compare",
    handoffs: "Possible hand-offs / conflicts",
    handoffs_note: "tasks this unit leads that overlap tasks other units lead in another plan",
    handoff_short: "hand-offs",
    lead_single: "single",
    lead_joint: "joint",
    lead_respective: "respective",
    lead_none: "none",
    config_error: "Config error",
    config_defaults: "using the default keys",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_the_language() {
        assert_eq!(Lang::from_locale(None), Lang::Zh);
        assert_eq!(Lang::from_locale(Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(Some("C.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("de_DE")), Lang::En);
        assert_eq!(Lang::detect(Some("en")), Lang::En);
        assert_eq!(Lang::detect(Some("zh")), Lang::Zh);
    }
}
