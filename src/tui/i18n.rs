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
    // Issue 13 (exports, search, filter): one block.
    pub folder: &'static str,
    pub no_folder: &'static str,
    pub matches: &'static str,
    pub recall: &'static str,
    pub unit_choices: &'static str,
    pub origin_bundled: &'static str,
    pub origin_stdin: &'static str,
    pub handoff_legend: &'static str,
    // The related pane's two lists, and the coverage view (issue 14).
    pub related_overlaps: &'static str,
    pub related_parallel: &'static str,
    pub related_overlaps_short: &'static str,
    pub related_parallel_short: &'static str,
    pub no_other_plan: &'static str,
    pub no_overlaps_found: &'static str,
    pub no_parallel_found: &'static str,
    pub showing_overlaps: &'static str,
    pub showing_parallel: &'static str,
    pub rel_project_tag: &'static str,
    pub rel_same_place_tag: &'static str,
    pub rel_parallel_tag: &'static str,
    pub rel_project: &'static str,
    pub rel_same_place: &'static str,
    pub rel_parallel: &'static str,
    pub coverage: &'static str,
    pub cov_against: &'static str,
    pub cov_lower_plans: &'static str,
    pub cov_concerned: &'static str,
    pub cov_taken_up: &'static str,
    pub cov_partly: &'static str,
    pub cov_not: &'static str,
    pub cov_elsewhere: &'static str,
    pub cov_computing: &'static str,
    pub cov_failed: &'static str,
    pub cov_no_lower: &'static str,
    pub cov_takers: &'static str,
    pub cov_no_takers: &'static str,
    pub cov_concerns: &'static str,
    pub cov_named: &'static str,
    pub cov_subregion: &'static str,
    pub cov_whole: &'static str,
    pub cov_higher: &'static str,
    pub cov_lower: &'static str,
    pub cov_none_with: &'static str,
    pub cov_pick: &'static str,
    // Terminal sizes and plans without lead units (issue 13).
    pub tree_legend: &'static str,
    pub legend_counts: &'static str,
    pub legend_unled: &'static str,
    pub mentioned: &'static str,
    pub mention_places: &'static str,
    pub mention_units: &'static str,
    pub mention_actors: &'static str,
    pub top_mentioned: &'static str,
    pub responsible_units: &'static str,
    pub leader: &'static str,
    pub issuer: &'static str,
    pub issued: &'static str,
    pub doc_number: &'static str,
    pub jurisdiction: &'static str,
    pub source_file: &'static str,
    pub unstated: &'static str,
    pub headings: &'static str,
    pub projects: &'static str,
    // The 台账 (issue 15): deadlines, the matrix, progress.
    /// the deadline view's title
    pub deadlines: &'static str,
    pub as_of: &'static str,
    pub all_units: &'static str,
    pub leads_or_partners: &'static str,
    pub bucket_overdue: &'static str,
    pub bucket_30: &'static str,
    pub bucket_90: &'static str,
    pub bucket_later: &'static str,
    pub bucket_ongoing: &'static str,
    pub bucket_none: &'static str,
    pub finished: &'static str,
    /// `{}` is the number of days
    pub days_late: &'static str,
    pub days_left: &'static str,
    pub due_today: &'static str,
    pub status_not_started: &'static str,
    pub status_in_progress: &'static str,
    pub status_done: &'static str,
    pub status_closed: &'static str,
    pub status_lagging: &'static str,
    pub status: &'static str,
    pub progress: &'static str,
    pub due_on: &'static str,
    pub no_history: &'static str,
    pub set_status: &'static str,
    pub add_note: &'static str,
    pub note: &'static str,
    pub reported_by: &'static str,
    pub date: &'static str,
    pub current: &'static str,
    pub lagging_derived: &'static str,
    pub recorded: &'static str,
    pub progress_failed: &'static str,
    pub progress_unusable: &'static str,
    pub orphaned: &'static str,
    pub need_note: &'static str,
    pub bad_date: &'static str,
    pub several_units: &'static str,
    pub no_task: &'static str,
    pub saved_in: &'static str,
    pub matrix: &'static str,
    pub by_doc: &'static str,
    pub by_goal: &'static str,
    pub order: &'static str,
    pub sort_total: &'static str,
    pub sort_lead: &'static str,
    pub sort_partner: &'static str,
    pub sort_least_lead: &'static str,
    pub sort_name: &'static str,
    pub sort_column: &'static str,
    pub cell_legend: &'static str,
    pub total: &'static str,
    pub matrix_export: &'static str,
    pub no_matrix: &'static str,
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
    folder: "文件夹",
    no_folder: "文件夹不存在",
    matches: "个匹配",
    recall: "上次",
    unit_choices: "候选单位",
    origin_bundled: "内置数据",
    origin_stdin: "标准输入",
    handoff_legend: "。只比较辖区相同或相互包含的规划(兄弟县市的同类工作不算)。每项后面: 分数 0–1(两项任务是同一项工作的把握)、关系(项目 = 同一项目,同地 = 同一地方的同类措施)、共有的词语。",
    related_overlaps: "重叠任务",
    related_parallel: "平行任务",
    related_overlaps_short: "重叠",
    related_parallel_short: "平行",
    no_other_plan: "没有其他规划可比较",
    no_overlaps_found: "未找到重叠任务",
    no_parallel_found: "未找到平行任务",
    showing_overlaps: "相关任务: 显示重叠任务(同一项目,或同一地方的同类措施)",
    showing_parallel: "相关任务: 显示平行任务(互不包含的地方的相似措施,不是重复)",
    rel_project_tag: "项目",
    rel_same_place_tag: "同地",
    rel_parallel_tag: "平行",
    rel_project: "同一项目",
    rel_same_place: "同地措施",
    rel_parallel: "平行措施",
    coverage: "落实情况",
    cov_against: "对照",
    cov_lower_plans: "个下级规划",
    cov_concerned: "涉及下级辖区",
    cov_taken_up: "已落实",
    cov_partly: "部分落实",
    cov_not: "未落实",
    cov_elsewhere: "只涉及其他地区",
    cov_computing: "计算中…",
    cov_failed: "无法计算落实情况",
    cov_no_lower: "没有下级规划可对照(数据中没有辖区在本文档辖区之内的规划)",
    cov_takers: "承接任务",
    cov_no_takers: "下级规划中没有与此相关的任务",
    cov_concerns: "涉及",
    cov_named: "任务点名",
    cov_subregion: "目标所属子区域",
    cov_whole: "整个辖区",
    cov_higher: "上级任务",
    cov_lower: "下级任务",
    cov_none_with: "(没有这种情况的任务)",
    cov_pick: "落实情况: 先选择一个文档、目标或任务",
    tree_legend: "n/m: 任务/未明确",
    legend_counts: "4 项任务,3 项未明确牵头",
    legend_unled: "规划未写明牵头(不猜测)",
    mentioned: "提及",
    mention_places: "提及地点",
    mention_units: "提及单位",
    mention_actors: "实施主体",
    top_mentioned: "提及的地点、单位及任务数",
    responsible_units: "责任单位",
    leader: "牵头负责领导",
    issuer: "发文机关",
    issued: "成文日期",
    doc_number: "文号",
    jurisdiction: "辖区",
    source_file: "来源文件",
    unstated: "未写明",
    headings: "所属章节",
    projects: "专栏项目",
    // The 台账 (issue 15).
    deadlines: "时限",
    as_of: "截至",
    all_units: "全部单位",
    leads_or_partners: "牵头或配合",
    bucket_overdue: "逾期",
    bucket_30: "30天内到期",
    bucket_90: "90天内到期",
    bucket_later: "90天以后",
    bucket_ongoing: "持续推进",
    bucket_none: "无时限",
    finished: "已完成/已销号",
    days_late: "逾期{}天",
    days_left: "{}天后",
    due_today: "今天到期",
    status_not_started: "未启动",
    status_in_progress: "推进中",
    status_done: "已完成",
    status_closed: "已销号",
    status_lagging: "滞后",
    status: "状态",
    progress: "进展",
    due_on: "到期",
    no_history: "尚无进展记录",
    set_status: "设置状态",
    add_note: "添加进展",
    note: "进展",
    reported_by: "报送单位",
    date: "日期",
    current: "当前",
    lagging_derived: "滞后由时限推算,无需设置",
    recorded: "已记录",
    progress_failed: "进展未保存",
    progress_unusable: "进展文件无法使用,进展不能记录",
    orphaned: "条进展记录找不到对应任务,已保留(见 fengong progress --check)",
    need_note: "请先填写进展",
    bad_date: "日期应为 YYYY-MM-DD",
    several_units: "指多个单位",
    no_task: "请先选择一项任务",
    saved_in: "保存到",
    matrix: "责任矩阵",
    by_doc: "单位 × 文档",
    by_goal: "单位 × 目标",
    order: "排序",
    sort_total: "任务最多",
    sort_lead: "牵头最多",
    sort_partner: "配合最多",
    sort_least_lead: "牵头最少",
    sort_name: "按名称",
    sort_column: "按本列",
    cell_legend: "格内:牵头/配合",
    total: "合计",
    matrix_export: "矩阵请用命令导出:fengong matrix --format xlsx -o 矩阵.xlsx",
    no_matrix: "没有单位牵头或配合任务",
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
    folder: "Folder",
    no_folder: "No such folder",
    matches: "matches",
    recall: "last",
    unit_choices: "Units",
    origin_bundled: "bundled data",
    origin_stdin: "standard input",
    handoff_legend: ". Only plans for the same place or places within each other are compared (sibling districts doing similar work are not). After each: a score 0–1 (how certainly both tasks are the same work), the relation (project = the same project, same place = the same measure for the same place), the shared terms.",
    related_overlaps: "Overlaps",
    related_parallel: "Parallel",
    related_overlaps_short: "overlaps",
    related_parallel_short: "parallel",
    no_other_plan: "No other plan to compare with",
    no_overlaps_found: "No overlaps found",
    no_parallel_found: "No parallel tasks found",
    showing_overlaps: "Related tasks: overlaps (the same project, or the same measure for the same place)",
    showing_parallel: "Related tasks: parallel (similar measures in places that do not contain each other; no duplication)",
    rel_project_tag: "project",
    rel_same_place_tag: "same place",
    rel_parallel_tag: "parallel",
    rel_project: "same project",
    rel_same_place: "same measure, same place",
    rel_parallel: "parallel measure",
    coverage: "Coverage",
    cov_against: "against",
    cov_lower_plans: "lower plans",
    cov_concerned: "concern lower places",
    cov_taken_up: "taken up",
    cov_partly: "partly",
    cov_not: "not taken up",
    cov_elsewhere: "other places only",
    cov_computing: "computing…",
    cov_failed: "Coverage could not be computed",
    cov_no_lower: "no lower plan to compare with (no plan in the data is for a place within this one's)",
    cov_takers: "Taken up by",
    cov_no_takers: "No task of the lower plans shares this work",
    cov_concerns: "Concerns",
    cov_named: "named in the task",
    cov_subregion: "its goal's sub-region",
    cov_whole: "the whole area",
    cov_higher: "Higher task",
    cov_lower: "Lower task",
    cov_none_with: "(no task with this status)",
    cov_pick: "Coverage: select a document, goal or task first",
    tree_legend: "n/m: tasks/no lead",
    legend_counts: "4 tasks, 3 of them without a named lead",
    legend_unled: "the plan names no lead unit (none is guessed)",
    mentioned: "Mentions",
    mention_places: "Places mentioned",
    mention_units: "Units mentioned",
    mention_actors: "Actors",
    top_mentioned: "Places and units mentioned, by tasks",
    responsible_units: "Responsible units",
    leader: "Leader in charge",
    issuer: "Issued by",
    issued: "Date",
    doc_number: "Document number",
    jurisdiction: "Jurisdiction",
    source_file: "Source file",
    unstated: "not stated",
    headings: "Under",
    projects: "Projects",
    // The 台账 (issue 15).
    deadlines: "Deadlines",
    as_of: "as of",
    all_units: "all units",
    leads_or_partners: "as lead or partner",
    bucket_overdue: "overdue",
    bucket_30: "due within 30 days",
    bucket_90: "due within 90 days",
    bucket_later: "later",
    bucket_ongoing: "ongoing",
    bucket_none: "no deadline",
    finished: "done / closed",
    days_late: "{} days late",
    days_left: "in {} days",
    due_today: "due today",
    status_not_started: "not started",
    status_in_progress: "in progress",
    status_done: "done",
    status_closed: "closed",
    status_lagging: "lagging",
    status: "Status",
    progress: "Progress",
    due_on: "Due",
    no_history: "no progress recorded yet",
    set_status: "Set status",
    add_note: "Add progress",
    note: "Note",
    reported_by: "Reported by",
    date: "Date",
    current: "now",
    lagging_derived: "滞后 (lagging) follows from the deadline",
    recorded: "Recorded",
    progress_failed: "Progress not saved",
    progress_unusable: "Progress file unusable; nothing can be recorded",
    orphaned: "progress entries name tasks this data no longer has; they are kept (see fengong progress --check)",
    need_note: "Write the progress first",
    bad_date: "The date must be YYYY-MM-DD",
    several_units: "names several units",
    no_task: "Select a task first",
    saved_in: "saved in",
    matrix: "Responsibility matrix",
    by_doc: "units × plans",
    by_goal: "units × goals",
    order: "order",
    sort_total: "most tasks",
    sort_lead: "most led",
    sort_partner: "most partnered",
    sort_least_lead: "fewest led",
    sort_name: "by name",
    sort_column: "by this column",
    cell_legend: "cells: lead/partner",
    total: "total",
    matrix_export: "Export the matrix with: fengong matrix --format xlsx -o matrix.xlsx",
    no_matrix: "No unit leads or partners any task",
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
