//! Administrative divisions the extractor knows: which jurisdiction contains
//! which, and the towns (镇) and streets (街道) of each. Plans name towns by
//! their short names (台城, 水步) and say 各镇 for "every town"; resolving
//! those needs this reference data. Add a region's divisions here to teach
//! fengong about it; everything else is read from the documents.

/// A known jurisdiction: its name, the name of its parent, the other names
/// it goes by, and its towns and streets.
pub struct Division {
    pub name: &'static str,
    pub parent: Option<&'static str>,
    pub aliases: &'static [&'static str],
    pub towns: &'static [&'static str],
}

pub const DIVISIONS: &[Division] = &[
    Division {
        name: "广东省",
        parent: None,
        aliases: &[],
        towns: &[],
    },
    Division {
        name: "江门市",
        parent: Some("广东省"),
        aliases: &[],
        towns: &[],
    },
    Division {
        name: "江门市西部发展区",
        parent: Some("江门市"),
        aliases: &["西部发展区", "江门西部发展区"],
        towns: &[],
    },
    Division {
        name: "台山市",
        parent: Some("江门市西部发展区"),
        aliases: &["台山"],
        towns: &[
            "台城街道",
            "大江镇",
            "水步镇",
            "四九镇",
            "白沙镇",
            "三合镇",
            "冲蒌镇",
            "斗山镇",
            "都斛镇",
            "赤溪镇",
            "端芬镇",
            "广海镇",
            "海宴镇",
            "汶村镇",
            "深井镇",
            "北陡镇",
            "川岛镇",
        ],
    },
    Division {
        name: "开平市",
        parent: Some("江门市西部发展区"),
        aliases: &["开平"],
        towns: &[
            "长沙街道",
            "三埠街道",
            "月山镇",
            "水口镇",
            "沙塘镇",
            "苍城镇",
            "龙胜镇",
            "大沙镇",
            "马冈镇",
            "塘口镇",
            "赤坎镇",
            "百合镇",
            "蚬冈镇",
            "金鸡镇",
            "赤水镇",
        ],
    },
    Division {
        name: "恩平市",
        parent: Some("江门市西部发展区"),
        aliases: &["恩平"],
        towns: &[
            "恩城街道",
            "横陂镇",
            "圣堂镇",
            "良西镇",
            "沙湖镇",
            "牛江镇",
            "君堂镇",
            "大槐镇",
            "东成镇",
            "大田镇",
            "那吉镇",
        ],
    },
    Division {
        name: "江海区",
        parent: Some("江门市"),
        aliases: &["江门高新区", "江门市江海区", "高新区(江海区)"],
        towns: &["外海街道", "礼乐街道", "江南街道"],
    },
    Division {
        name: "新会区",
        parent: Some("江门市"),
        aliases: &["江门市新会区", "新会"],
        towns: &[
            "会城街道",
            "大泽镇",
            "司前镇",
            "罗坑镇",
            "双水镇",
            "崖门镇",
            "沙堆镇",
            "古井镇",
            "三江镇",
            "睦洲镇",
            "大鳌镇",
        ],
    },
    Division {
        name: "蓬江区",
        parent: Some("江门市"),
        aliases: &[],
        towns: &[],
    },
    Division {
        name: "鹤山市",
        parent: Some("江门市"),
        aliases: &["鹤山"],
        towns: &[],
    },
];

pub fn division(name: &str) -> Option<&'static Division> {
    DIVISIONS.iter().find(|d| d.name == name)
}

/// A town's short name: 水步镇 → 水步, 台城街道 → 台城.
pub fn short_town(town: &str) -> &str {
    town.strip_suffix("街道")
        .or_else(|| town.strip_suffix('镇'))
        .or_else(|| town.strip_suffix('乡'))
        .unwrap_or(town)
}

/// Finds a town of `jurisdiction` by its full or short name, or by a
/// written form like `台城街道办`.
pub fn find_town(jurisdiction: &str, written: &str) -> Option<&'static str> {
    let d = division(jurisdiction)?;
    let w = written
        .trim_end_matches("办事处")
        .trim_end_matches('办')
        .trim_end_matches("政府");
    d.towns
        .iter()
        .copied()
        .find(|t| *t == w || short_town(t) == w || short_town(t) == short_town(w))
}

/// Every known jurisdiction name or alias that occurs in `text`, as
/// (position, canonical name, matched text).
pub fn jurisdictions_in(text: &str) -> Vec<(usize, &'static str, &'static str)> {
    let mut out = Vec::new();
    for d in DIVISIONS {
        for name in std::iter::once(&d.name).chain(d.aliases.iter()) {
            if let Some(at) = text.find(name) {
                out.push((at, d.name, *name));
            }
        }
    }
    out
}

/// How deep a division is (广东省 0, 江门市 1, 西部发展区 2, 台山市 3).
pub fn depth(name: &str) -> usize {
    let mut d = 0;
    let mut cur = division(name).and_then(|x| x.parent);
    while let Some(p) = cur {
        d += 1;
        cur = division(p).and_then(|x| x.parent);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_by_short_and_written_names() {
        assert_eq!(find_town("台山市", "台城"), Some("台城街道"));
        assert_eq!(find_town("台山市", "台城街道办"), Some("台城街道"));
        assert_eq!(find_town("台山市", "水步"), Some("水步镇"));
        assert_eq!(find_town("台山市", "大泽镇"), None);
        assert_eq!(find_town("新会区", "大泽"), Some("大泽镇"));
    }

    #[test]
    fn containment_depth() {
        assert_eq!(depth("台山市"), 3);
        assert_eq!(depth("江海区"), 2);
        assert!(depth("江门市西部发展区") > depth("江门市"));
    }

    #[test]
    fn every_parent_is_known() {
        for d in DIVISIONS {
            if let Some(p) = d.parent {
                assert!(division(p).is_some(), "{} has unknown parent {p}", d.name);
            }
        }
    }
}
