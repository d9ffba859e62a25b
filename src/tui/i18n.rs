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
    // Hostile input (docs/HOSTILE.md): the tree node of tasks without a
    // place; the formatted messages are `Lang::input_cut` and the rest.
    pub unplaced: &'static str,
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
    unplaced: "未归位",
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
    unplaced: "unplaced",
};

/// Messages about hostile input (docs/HOSTILE.md), with their numbers.
impl Lang {
    /// A paste or a burst of keys longer than an input holds.
    pub fn input_cut(self, max: usize) -> String {
        match self {
            Lang::Zh => format!("文字过长,只保留前 {max} 个字符"),
            Lang::En => format!("text too long: only the first {max} characters are kept"),
        }
    }

    /// Said instead of starting on a terminal that cannot show the explorer.
    pub fn terminal_cannot_show(self, why: &str) -> String {
        match self {
            Lang::Zh => format!(
                "fengong: 这个终端({why})无法显示浏览界面;请在完整的终端(xterm、GNOME 终端、Windows Terminal、tmux 等)里运行,或改用命令:fengong export(导出表格)、fengong search(搜索任务)、fengong units(查找单位)、fengong due(时限)"
            ),
            Lang::En => format!(
                "fengong: this terminal ({why}) cannot show the explorer; run it in a full terminal (xterm, GNOME Terminal, Windows Terminal, tmux …), or use the commands: fengong export (tables), fengong search (tasks), fengong units (units), fengong due (deadlines)"
            ),
        }
    }

    /// What loading found wrong with the data file, for the status bar:
    /// how many problems, the first, and how many tasks are unplaced.
    pub fn load_problems(self, problems: &[crate::model::Problem], unplaced: usize) -> String {
        let first = problems.first().map(|p| self.problem(p));
        match self {
            Lang::Zh => {
                let mut s = format!("数据文件有 {} 个问题", problems.len());
                if let Some(f) = first {
                    s.push_str(&format!(":{f}"));
                }
                if problems.len() > 1 {
                    s.push_str("……");
                }
                if unplaced > 0 {
                    s.push_str(&format!(";{unplaced} 个任务列在“未归位”下"));
                }
                s.push_str("(全部问题在退出后的标准错误输出中)");
                s
            }
            Lang::En => {
                let mut s = format!("{} problems in the data file", problems.len());
                if let Some(f) = first {
                    s.push_str(&format!(": {f}"));
                }
                if problems.len() > 1 {
                    s.push_str(" …");
                }
                if unplaced > 0 {
                    s.push_str(&format!("; {unplaced} tasks are listed under \"unplaced\""));
                }
                s.push_str(" (all of them on standard error after you quit)");
                s
            }
        }
    }

    /// One problem of a data file in the interface language.
    pub fn problem(self, p: &crate::model::Problem) -> String {
        use crate::model::Problem;
        if self == Lang::En {
            return p.to_string();
        }
        let kind = |k: &str| match k {
            "task" => "任务",
            "goal" => "目标",
            "region" => "区域",
            "document" => "文档",
            "unit" => "单位",
            "parent" => "上级区域",
            _ => "",
        };
        match p {
            Problem::Dangling {
                kind: k,
                id,
                field,
                target,
            } => format!("{} {id} 的{} {target} 不存在", kind(k), kind(field)),
            Problem::RegionCycle(ids) => {
                let names: Vec<&str> = ids.iter().map(|r| r.as_str()).collect();
                let first = names.first().copied().unwrap_or("");
                format!(
                    "区域的上下级形成循环({} → {first}),已把 {first} 放在最上层",
                    names.join(" → ")
                )
            }
            Problem::DuplicateId { kind: k, id } => format!("{}编号 {id} 重复", kind(k)),
            Problem::DanglingUnits(n) => format!("{n} 处单位引用找不到对应单位"),
            Problem::DanglingOverlaps(n) => format!("{n} 条重叠指向不存在的任务,已舍弃"),
            Problem::ControlsStripped(n) => {
                format!("{n} 段文字含控制字符或终端转义序列,已删除")
            }
        }
    }
}

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
