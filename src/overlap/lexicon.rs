//! Hand-written word lists: phrases too generic to count as evidence, the
//! endings that mark a named place or project, and the verbs and particles
//! trimmed off the ends of a shared string.
//!
//! All entries are simplified Chinese: texts are folded to simplified before
//! they are compared (see [`super::fold`]).

use std::sync::OnceLock;

use super::fxhash::FxHashMap;

/// Slogans and policy phrases that almost every plan repeats. Two tasks that
/// share only these are not about the same thing, however rare the phrase is
/// in a small corpus, so their characters are masked before matching.
pub const GENERIC_PHRASES: &[&str] = &[
    "习近平新时代中国特色社会主义思想",
    "百县千镇万村高质量发展工程",
    "粤港澳大湾区",
    "高质量发展",
    "乡村振兴",
    "区域协调发展",
    "城乡区域协调发展",
    "城乡融合发展",
    "新发展理念",
    "新发展格局",
    "一核一带一区",
    "百千万工程",
    "大湾区",
    "生态文明",
    "营商环境",
    "体制机制",
    "基础设施",
    "公共服务",
    "现代化",
    "中国特色社会主义先行示范区",
    "21世纪海上丝绸之路",
    "一带一路",
    "山水林田湖草",
    "山水林田湖",
    "十三五",
    "十四五",
    "十五五",
    "放管服",
    "习近平总书记",
    "重要讲话",
    "重要指示",
    "党的十九大",
    "党的二十大",
    "先行示范区",
    "绿水青山就是金山银山",
    "绿水青山",
    "金山银山",
    "现代产业体系",
    "招商引资",
    "数字经济",
    "碳达峰",
    "碳中和",
    "国内国际双循环",
    "双循环",
    "人民群众",
    "产业转移",
    "产业集群",
    "重点项目",
    "重大项目",
    "互联互通",
    "提质增效",
    "转型升级",
    "协同发展",
    "融合发展",
    "绿色发展",
    "创新驱动",
    "因地制宜",
    "统筹推进",
    "加快推进",
    "积极推进",
    "大力推进",
    "全面推进",
    "深入推进",
    "进一步",
    // Landmarks of the whole Greater Bay Area that plans cite as context
    // (依托港珠澳大桥, 对接深中通道) rather than build.
    "港珠澳大桥",
    "深中通道",
    "广深港澳科技创新走廊",
    "广珠澳科技创新走廊",
];

/// How a name ending classifies a shared term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A road, rail line, bridge, port facility, park or other named project.
    Project,
    /// A bay, island, town, station or other place.
    Place,
}

/// Endings of named projects (黄茅海跨海通道, 台开快速路, 鹤台铁路, 广台高速).
/// Longer endings come first so that 快速路 wins over 路-like shorter ones.
pub const PROJECT_ENDINGS: &[&str] = &[
    "跨海通道",
    "快速路",
    "快速通道",
    "城际铁路",
    // 台开快速 is how the western-area plan writes 台开快速路.
    "快速",
    "高速铁路",
    "高速公路",
    "产业园",
    "工业园",
    "开发区",
    "合作区",
    "试验区",
    "示范区",
    "集聚区",
    "度假区",
    "旅游区",
    "风景区",
    "物流园",
    // 省级高新区 is a kind of zone: its stem is 省级, not 省级高.
    "高新区",
    "接收站",
    "变电站",
    "电站",
    "新区",
    "走廊",
    "公园",
    "电厂",
    "核电",
    "风电",
    "通道",
    "铁路",
    "城际",
    "高铁",
    "高速",
    "大桥",
    "公路",
    "国道",
    "省道",
    "大道",
    "机场",
    "码头",
    "航道",
    "隧道",
    "枢纽",
    "轨道",
    "港区",
    "景区",
    "园区",
    "基地",
    "新城",
    "项目",
    "工程",
];

/// Endings of place names (广海湾, 上川岛, 江门站, 大泽镇).
/// Not 海, 江, 山, 河 or 湖: the names they end (珠海, 珠江, 台山) are the
/// region's cities and rivers that plans mention in passing, and shared
/// mentions of them were the commonest false overlaps on the seeds.
pub const PLACE_ENDINGS: &[&str] = &["街道", "半岛", "海域", "湾", "港", "岛", "镇", "站", "村"];

/// The ending of `chars[..end]` that names a project or place, if any, with
/// its length in chars. Project endings are tried first: 港区 is a project
/// even though 港 alone is a place.
pub fn ending_at(chars: &[char], end: usize) -> Option<(NameKind, usize)> {
    // Called for every position of every text, so the endings are grouped
    // by their last character once.
    type ByLast = FxHashMap<char, Vec<(NameKind, Vec<char>)>>;
    static BY_LAST: OnceLock<ByLast> = OnceLock::new();
    let by_last = BY_LAST.get_or_init(|| {
        let mut map = ByLast::default();
        let lists = [
            (NameKind::Project, PROJECT_ENDINGS),
            (NameKind::Place, PLACE_ENDINGS),
        ];
        for (kind, list) in lists {
            for ending in list {
                let chars: Vec<char> = ending.chars().collect();
                map.entry(*chars.last().expect("endings are not empty"))
                    .or_default()
                    .push((kind, chars));
            }
        }
        map
    });
    let last = chars.get(end.checked_sub(1)?)?;
    by_last
        .get(last)?
        .iter()
        .find(|(_, e)| e.len() <= end && chars[end - e.len()..end] == e[..])
        .map(|(kind, e)| (*kind, e.len()))
}

/// Everyday words that end like a place name but name no place: 美丽乡村
/// ends in 村 and 沿海 in 海, yet two plans sharing them share no place.
const EVERYDAY_PLACE_WORDS: &[&str] = &[
    "乡村",
    "农村",
    "城镇",
    "乡镇",
    "村镇",
    "小镇",
    "集镇",
    "城中村",
    "海岛",
    "临港",
    "出海",
    "用海",
    "远海",
    "深海",
    "沿海",
    "近海",
    "入海",
    "跨海",
    "江河",
    "河湖",
    "山区",
    "沿江",
    "临江",
];

/// Whether `term` ends with an [`EVERYDAY_PLACE_WORDS`] entry.
pub fn ends_in_everyday_place_word(term: &[char]) -> bool {
    static WORDS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        EVERYDAY_PLACE_WORDS
            .iter()
            .map(|w| w.chars().collect())
            .collect()
    });
    words.iter().any(|w| term.ends_with(w))
}

/// Everyday words that qualify a kind of project rather than name one:
/// 加固工程, 旅游基地, 货运枢纽 are types of work that any plan may have. A
/// stem made only of these is no name.
const TYPE_WORDS: &[&str] = &[
    "改造",
    "加固",
    "除险",
    "扩建",
    "改扩建",
    "新建",
    "建设",
    "提升",
    "整治",
    "修复",
    "治理",
    "货运",
    "客运",
    "客货运",
    "综合",
    "重点",
    "重大",
    "民生",
    "基础",
    "示范",
    "试点",
    "产业",
    "工业",
    "农业",
    "旅游",
    "物流",
    "文化",
    "生态",
    "科技",
    "创新",
    "现代",
    "特色",
    "配套",
    "公共",
    "服务",
    "交通",
    "城市",
    "国际",
    "国家级",
    "国家",
    "省级",
    "市级",
    "智慧",
    "数字",
    "绿色",
    "美丽",
    "城乡",
    "海洋",
    "滨海",
    "港口",
    "能源",
    "水利",
    "信息",
    "电子",
    "高新",
    "技术",
    "先进",
    "制造",
    "装备",
    "新型",
    "新兴",
    "高端",
    "优质",
    "农产品",
    "加工",
    "食品",
    "健康",
    "康养",
    "休闲",
    "教育",
    "医疗",
    "卫生",
    "体育",
    "人才",
    "就业",
    "创业",
    "孵化",
    "金融",
    "商贸",
    "电商",
    "仓储",
    "冷链",
    "道路",
    "运输",
    "经济",
    "发展",
    "开发",
    "合作",
    "投资",
    "项目",
    "园区",
    "集聚",
    "融合",
    "一批",
    "各类",
    "大型",
    "中型",
    "小型",
    "骨干",
    "区域",
    "全域",
    "村级",
    "镇级",
    "县级",
    "特大",
    "高速",
    "快速",
    "城际",
    // Kinds of place and facility (宜居村, 湿地公园, 深水港, 消防站).
    "宜居",
    "乡村",
    "农村",
    "城镇",
    "湿地",
    "森林",
    "郊野",
    "田园",
    "主题",
    "社区",
    "儿童",
    "口袋",
    "深水",
    "消防",
    "海岛",
    "滨水",
    "度假",
    "总部",
    "会展",
    "商务",
    "文体",
    "游艇",
    "邮轮",
    "充电",
    "科创",
    "招商",
    "专项",
    "重要",
    "主要",
    "知名",
    "一流",
    "污水",
    "垃圾",
    "中转",
    "换乘",
];

/// Whether `stem` is made only of [`TYPE_WORDS`] (longest first at each
/// step), so that 旅游 in 旅游基地 or 客货运 in 客货运枢纽 is not a name.
pub fn is_type_words_only(stem: &[char]) -> bool {
    // Grouped by first character, longest first within each group.
    static BY_FIRST: OnceLock<FxHashMap<char, Vec<Vec<char>>>> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut map: FxHashMap<char, Vec<Vec<char>>> = FxHashMap::default();
        for w in TYPE_WORDS {
            let w: Vec<char> = w.chars().collect();
            map.entry(w[0]).or_default().push(w);
        }
        for list in map.values_mut() {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        map
    });
    let mut rest = stem;
    while let Some(first) = rest.first() {
        let word = by_first
            .get(first)
            .and_then(|list| list.iter().find(|w| rest.starts_with(w)));
        match word {
            Some(w) => rest = &rest[w.len()..],
            None => return false,
        }
    }
    !stem.is_empty()
}

/// Characters that join words (台开快速路等项目, 区和广海): a name's stem
/// containing one is two fragments, not one name.
pub fn is_joining_char(c: char) -> bool {
    matches!(c, '等' | '和' | '与' | '的' | '或')
}

/// Single characters that end a place name on their own (川岛, 台城镇 → 镇).
/// Two-character names ending in these are indexed as keys too, because a
/// trigram index alone would miss 川岛.
pub fn is_place_char(c: char) -> bool {
    matches!(c, '湾' | '港' | '岛' | '镇' | '站')
}

/// Verbs, adverbs and particles that open or close a shared string without
/// being part of the thing named: 加快推进|黄茅海跨海通道|建设.
const EDGE_WORDS: &[&str] = &[
    "加快",
    "推进",
    "推动",
    "建设",
    "打造",
    "完善",
    "依托",
    "对接",
    "支持",
    "加强",
    "实施",
    "开展",
    "积极",
    "全面",
    "深入",
    "大力",
    "着力",
    "重点",
    "启动",
    "开工",
    "谋划",
    "规划",
    "建成",
    "提升",
    "发展",
    "促进",
    "做好",
    "构建",
    "落实",
    "引导",
    "鼓励",
    "争取",
    "力争",
    "协调",
    "配合",
    "统筹",
    "优化",
    "强化",
    "深化",
    "用好",
    "发挥",
    "围绕",
    "以及",
    "一批",
    "一体化",
    "工作",
    "进程",
    "力度",
    "水平",
    "能力",
    "作用",
    "优势",
    "前期",
    "进度",
    // Single characters only where they are almost never part of a name.
    "以",
    "及",
    "和",
    "与",
    "等",
    "的",
    "在",
    "为",
    "了",
    "是",
    "着",
    "并",
];

/// Verbs that make what follows them something the task relies on or
/// connects to rather than works on: 依托, 对接, 发挥 … (依托黄茅海跨海通道
/// 出口地理位置优势 builds nothing).
const CONTEXT_VERBS: &[&str] = &[
    "依托", "对接", "借助", "利用", "发挥", "紧抓", "抓住", "把握", "融入", "毗邻", "邻近", "紧邻",
    "背靠", "衔接", "连接", "接入", "面向",
];

/// Whether `chars` contains one of [`CONTEXT_VERBS`].
pub fn is_context_verb_in(chars: &[char]) -> bool {
    static VERBS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    let verbs = VERBS.get_or_init(|| CONTEXT_VERBS.iter().map(|w| w.chars().collect()).collect());
    verbs
        .iter()
        .any(|v| chars.windows(v.len()).any(|w| w == &v[..]))
}

/// Trims [`EDGE_WORDS`] off both ends of `chars[start..end]`, repeatedly,
/// and returns the remaining range. The longest matching word is removed
/// first so 建设 is not left as 设.
pub fn trim_edges(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    loop {
        let before = (start, end);
        if let Some(n) = longest_edge_word(chars, start, end, true) {
            start += n;
        }
        if start < end
            && let Some(n) = longest_edge_word(chars, start, end, false)
        {
            end -= n;
        }
        if (start, end) == before || start >= end {
            return (start, end.max(start));
        }
    }
}

fn longest_edge_word(chars: &[char], start: usize, end: usize, at_start: bool) -> Option<usize> {
    // Edge words grouped by their first and by their last character.
    type ByChar = FxHashMap<char, Vec<Vec<char>>>;
    static BY_FIRST_AND_LAST: OnceLock<(ByChar, ByChar)> = OnceLock::new();
    let (by_first, by_last) = BY_FIRST_AND_LAST.get_or_init(|| {
        let (mut first, mut last) = (ByChar::default(), ByChar::default());
        for w in EDGE_WORDS {
            let w: Vec<char> = w.chars().collect();
            first.entry(w[0]).or_default().push(w.clone());
            last.entry(w[w.len() - 1]).or_default().push(w);
        }
        (first, last)
    });
    let (map, key) = if at_start {
        (by_first, chars[start])
    } else {
        (by_last, chars[end - 1])
    };
    map.get(&key)?
        .iter()
        .filter(|w| {
            let n = w.len();
            n <= end - start
                && if at_start {
                    chars[start..start + n] == w[..]
                } else {
                    chars[end - n..end] == w[..]
                }
        })
        .map(Vec::len)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn endings_classify_names() {
        let c = chars("黄茅海跨海通道");
        assert_eq!(ending_at(&c, c.len()), Some((NameKind::Project, 4)));
        let c = chars("广海湾");
        assert_eq!(ending_at(&c, c.len()), Some((NameKind::Place, 1)));
        let c = chars("高栏港区");
        assert_eq!(ending_at(&c, c.len()), Some((NameKind::Project, 2)));
        let c = chars("推动发展");
        assert_eq!(ending_at(&c, c.len()), None);
    }

    #[test]
    fn trims_verbs_and_particles() {
        let c = chars("加快推进黄茅海跨海通道建设");
        let (s, e) = trim_edges(&c, 0, c.len());
        assert_eq!(c[s..e].iter().collect::<String>(), "黄茅海跨海通道");
        let c = chars("建设");
        let (s, e) = trim_edges(&c, 0, c.len());
        assert_eq!(s, e);
    }
}
