//! The query table on the bundled data (`data/tasks.json`, built from the
//! seed plans): what people type → what must come first.

use fengong::model::TaskData;
use fengong::search::candidates::{task_candidates, unit_candidates};
use fengong::search::{Hit, Searcher};

fn bundled() -> TaskData {
    TaskData::from_json(fengong::bundled::BUNDLED_JSON).expect("bundled data loads")
}

fn unit_names(data: &TaskData, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| data.units[h.index].name.clone())
        .collect()
}

#[test]
fn unit_query_table() {
    let data = bundled();
    let s = Searcher::new(unit_candidates(&data, &data.index()));
    let table = [
        ("fgj", "台山市发展和改革局"),
        ("fagai", "台山市发展和改革局"),
        ("fa gai", "台山市发展和改革局"),
        ("发改", "台山市发展和改革局"),
        ("fzgg", "台山市发展和改革局"),
        ("fzhggj", "台山市发展和改革局"),
        ("发g", "台山市发展和改革局"),
        ("FGJ", "台山市发展和改革局"),
        // Traditional characters.
        ("發改", "台山市发展和改革局"),
        ("臺城", "台山市台城街道"),
        ("台城", "台山市台城街道"),
        ("tc", "台山市台城街道"),
        ("taicheng", "台山市台城街道"),
        ("文广旅体", "台山市文化广电旅游体育局"),
        ("wglt", "台山市文化广电旅游体育局"),
        ("gh", "台山市广海镇"),
        ("rsj", "台山市人力资源和社会保障局"),
        ("政数局", "台山市政务服务数据管理局"),
        ("cgzfj", "台山市城市管理和综合执法局"),
        ("bb7z", "台山市北部7镇"),
        // Polyphonic: 都斛 reads du, the default for 都 is dou; both work.
        ("duhu", "台山市都斛镇"),
        ("douhu", "台山市都斛镇"),
        ("^jtys", "台山市交通运输局"),
    ];
    let mut wrong = Vec::new();
    for (q, want) in table {
        let got = unit_names(&data, &s.rank(q)).into_iter().next();
        if got.as_deref() != Some(want) {
            wrong.push(format!("{q:?}: want {want}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_town_offers_its_groups() {
    let data = bundled();
    let s = Searcher::new(unit_candidates(&data, &data.index()));
    let hits = s.rank("台城");
    let names = unit_names(&data, &hits);
    assert_eq!(names[0], "台山市台城街道");
    let group = names
        .iter()
        .position(|n| n == "台山市北部7镇")
        .expect("北部7镇 offered");
    assert_eq!(hits[group].via, Some(hits[0].index));
}

#[test]
fn the_common_word_reading_ranks_first() {
    let data = bundled();
    let s = Searcher::new(unit_candidates(&data, &data.index()));
    let du = s.rank("duhu");
    let dou = s.rank("douhu");
    assert!(
        du[0].score > dou[0].score,
        "{} {}",
        du[0].score,
        dou[0].score
    );
}

#[test]
fn task_search_finds_titles_and_text() {
    let data = bundled();
    let s = Searcher::new(task_candidates(&data));
    for q in ["智慧城市", "zhcs", "智慧城市建設"] {
        let hits = s.rank(q);
        let first = &data.tasks[hits[0].index].title;
        assert!(first.contains("智慧城市"), "{q}: {first}");
    }
    // Found in the body only: ranked after every title match.
    let hits = s.rank("乡村振兴");
    let first_text = hits.iter().position(|h| h.key != 0).expect("a body match");
    assert!(hits[..first_text].iter().all(|h| h.key == 0));
    assert!(hits[first_text..].iter().all(|h| h.key != 0));
    assert!(data.tasks[hits[first_text].index].text.contains("乡村振兴"));
}

#[test]
fn a_prose_goal_is_found_by_its_text() {
    // Seed 004's goal 加快对外大通道共建 has prose and no tasks; its
    // projects (南郊机场, 成兰铁路) are found through its body.
    let data = bundled();
    let s = Searcher::new(fengong::search::candidates::goal_candidates(&data));
    for q in ["南郊机场", "成兰铁路"] {
        let hits = s.rank(q);
        let first = hits.first().unwrap_or_else(|| panic!("{q}: nothing found"));
        assert_eq!(data.goals[first.index].title, "加快对外大通道共建", "{q}");
        assert!(first.key != 0, "{q}: found in the body, not the title");
    }
}
