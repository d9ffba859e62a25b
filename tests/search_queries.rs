//! The finder's query table: what people type → what must come first.
//!
//! Runs on a fixture made from the synthetic generator's built-in seed
//! vocabulary (the units of the 台山 plan), plus units and tasks that
//! exercise aliases, polyphonic characters and traditional characters.

use fengong::model::*;
use fengong::search::candidates::{task_candidates, unit_candidates};
use fengong::search::{Hit, Searcher};

fn fixture() -> TaskData {
    let mut data = fengong::synth::generate(&TaskData::new(), 300, 11);
    let extra = |name: &str, written: &str, aliases: &[&str]| Unit {
        id: UnitId::from(name),
        name: name.to_owned(),
        kind: UnitKind::Other,
        jurisdiction: None,
        written: vec![written.to_owned()],
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        members: Vec::new(),
        source: None,
    };
    data.units.extend([
        extra("重庆市驻江门办事处", "重庆办", &[]),
        extra("中国银行台山支行", "中国银行", &[]),
        extra("长沙市对口协作办公室", "长沙协作办", &[]),
        // A unit only spelled in traditional characters.
        extra("臺山市廣海灣管委會", "廣海灣管委會", &[]),
    ]);
    if let Some(u) = data
        .units
        .iter_mut()
        .find(|u| u.name == "台山市发展和改革局")
    {
        u.aliases = vec!["发改局".into(), "市发改局".into()];
    }
    let mut task = data.tasks[0].clone();
    task.id = TaskId(format!("{}:t9999", task.doc));
    task.title = "推進智慧城市建設".into();
    task.text = "推進智慧城市建設，構建數據共享平臺。".into();
    data.tasks.push(task);
    data
}

fn units() -> (TaskData, Searcher) {
    let data = fixture();
    let index = data.index();
    let s = Searcher::new(unit_candidates(&data, &index));
    (data, s)
}

fn first_unit(data: &TaskData, s: &Searcher, q: &str) -> Option<String> {
    s.rank(q).first().map(|h| data.units[h.index].name.clone())
}

#[test]
fn query_table_first_results() {
    let (data, s) = units();
    let table = [
        ("fgj", "台山市发展和改革局"),
        ("fagai", "台山市发展和改革局"),
        ("fa gai", "台山市发展和改革局"),
        ("发改", "台山市发展和改革局"),
        ("發改", "台山市发展和改革局"),
        ("fzhggj", "台山市发展和改革局"),
        ("fzgg", "台山市发展和改革局"),
        ("发g", "台山市发展和改革局"),
        ("FaGai", "台山市发展和改革局"),
        ("台城", "台山市台城街道"),
        ("臺城", "台山市台城街道"),
        ("tc", "台山市台城街道"),
        ("taicheng", "台山市台城街道"),
        ("文广旅体", "台山市文化广电旅游体育局"),
        ("wglt", "台山市文化广电旅游体育局"),
        ("gh", "台山市广海镇"),
        ("jtys", "台山市交通运输局"),
        ("北部7镇", "台山市/北部7镇"),
        ("bb7z", "台山市/北部7镇"),
        // Polyphonic characters: the word's reading, not the default one.
        ("chongqing", "重庆市驻江门办事处"),
        ("cq", "重庆市驻江门办事处"),
        ("zhongqing", "重庆市驻江门办事处"),
        ("yinhang", "中国银行台山支行"),
        ("zgyh", "中国银行台山支行"),
        ("changsha", "长沙市对口协作办公室"),
        // Simplified query, traditional name.
        ("广海湾管委会", "臺山市廣海灣管委會"),
        ("ghwgwh", "臺山市廣海灣管委會"),
    ];
    let mut wrong = Vec::new();
    for (q, want) in table {
        let got = first_unit(&data, &s, q);
        if got.as_deref() != Some(want) {
            wrong.push(format!("{q:?}: want {want}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn highlights_are_chinese_characters_even_through_pinyin() {
    let (data, s) = units();
    let hit: Hit = s.rank("fagai").remove(0);
    let name: Vec<char> = data.units[hit.index].name.chars().collect();
    let lit: String = hit.highlights.iter().map(|&i| name[i]).collect();
    assert_eq!(lit, "发改");
    let hit = s.rank("wglt").remove(0);
    let name: Vec<char> = data.units[hit.index].name.chars().collect();
    let lit: String = hit.highlights.iter().map(|&i| name[i]).collect();
    assert_eq!(lit, "文广旅体");
}

#[test]
fn towns_offer_the_groups_that_contain_them() {
    let (data, s) = units();
    let hits = s.rank("台城");
    let names: Vec<&str> = hits
        .iter()
        .map(|h| data.units[h.index].name.as_str())
        .collect();
    let town = names.iter().position(|&n| n == "台山市台城街道").unwrap();
    let group = names
        .iter()
        .position(|&n| n == "台山市/北部7镇")
        .expect("北部7镇 offered");
    assert!(group > town);
    assert_eq!(hits[group].via, Some(hits[town].index));
    // 川岛 is not one of 北部7镇: only 各镇 is offered.
    let hits = s.rank("川岛");
    let offered: Vec<&str> = hits
        .iter()
        .filter(|h| h.via.is_some())
        .map(|h| data.units[h.index].name.as_str())
        .collect();
    assert_eq!(offered, ["台山市/各镇"]);
}

#[test]
fn operators() {
    let (data, s) = units();
    let names = |q: &str| -> Vec<String> {
        s.rank(q)
            .iter()
            .filter(|h| h.via.is_none())
            .map(|h| data.units[h.index].name.clone())
            .collect()
    };
    // Exact run: 发改 is not a run in 发展和改革局, but is in the alias 发改局.
    assert_eq!(names("'发改"), ["台山市发展和改革局"]);
    assert!(names("'fzgg").is_empty(), "'fzgg skips 和, so no run");
    assert!(names("'fzhgg").contains(&"台山市发展和改革局".to_owned()));
    // Prefix and suffix, through pinyin too.
    assert!(
        names("^jiang").iter().all(|n| n.starts_with("江门")),
        "{:?}",
        names("^jiang")
    );
    assert!(!names("^jiang").is_empty());
    let zhen = names("zhen$");
    assert!(
        !zhen.is_empty() && zhen.iter().all(|n| n.ends_with('镇')),
        "{zhen:?}"
    );
    // Negation removes, also through pinyin.
    let ju = names("ju$");
    let not_ziran = names("ju$ !ziran");
    assert_eq!(ju.len(), not_ziran.len() + 1);
    assert!(!not_ziran.contains(&"台山市自然资源局".to_owned()));
    // Whole text.
    assert_eq!(names("^台城街道$").len(), 1);
}

#[test]
fn empty_whitespace_and_huge_queries() {
    let (data, s) = units();
    let all = s.rank("");
    assert_eq!(all.len(), data.units.len());
    assert_eq!(s.rank(" \u{3000}\t"), all);
    // No query: units by number of duties, most first.
    let stats = fengong::search::candidates::unit_stats(&data, &data.index());
    let duties: Vec<usize> = all.iter().map(|h| stats[h.index].duties()).collect();
    assert!(duties.windows(2).all(|w| w[0] >= w[1]), "{duties:?}");
    let huge: String = "发展和改革局".chars().cycle().take(10_000).collect();
    assert!(s.rank(&huge).is_empty());
    let huge_latin = "fagai".repeat(2000);
    assert!(s.rank(&huge_latin).is_empty());
}

#[test]
fn traditional_task_text_is_found_with_simplified_query() {
    let data = fixture();
    let s = Searcher::new(task_candidates(&data));
    let hits = s.rank("推进智慧城市");
    assert_eq!(data.tasks[hits[0].index].title, "推進智慧城市建設");
    let hits = s.rank("数据共享");
    assert!(
        hits.iter()
            .any(|h| data.tasks[h.index].title == "推進智慧城市建設" && h.key == 1)
    );
}
