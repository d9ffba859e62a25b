//! The overlap engine on small hand-written plans.

use crate::common::overlap::{FILLER, Plan, TOPICS, data, western_area, with_filler};
use fengong::model::{
    Overlap, OverlapKind, OverlapRelation, PlaceRelation, TaskData, TermKind, UnitId,
};
use fengong::overlap::{compute, unit_handoffs};

fn pair<'d>(data: &'d TaskData, a: &str, b: &str) -> Option<&'d fengong::model::Overlap> {
    let overlaps = &data.overlaps;
    overlaps
        .iter()
        .find(|o| (o.a.as_str(), o.b.as_str()) == (a, b) || (o.a.as_str(), o.b.as_str()) == (b, a))
}

fn computed(mut d: TaskData) -> TaskData {
    d.overlaps = compute(&d);
    d
}

#[test]
fn same_project_in_different_words_overlaps() {
    let west = with_filler(&[(
        "加快黄茅海跨海通道建设,串接珠海高栏港经济区和江门西部发展区。",
        "江门市交通运输局",
    )]);
    let taishan = with_filler(&[(
        "开工建设黄茅海通道台山段,同步完善连接线。",
        "台山市交通运输局",
    )]);
    let d = computed(data(&[
        Plan {
            doc: "001",
            jurisdiction: "江门西部发展区",
            tasks: &west,
        },
        Plan {
            doc: "000",
            jurisdiction: "台山市",
            tasks: &taishan,
        },
    ]));
    let o = pair(&d, "001:t1", "000:t1").expect("黄茅海 pair must overlap");
    assert!(o.cross_doc);
    assert_eq!(o.kind, OverlapKind::SameProject);
    assert!(o.score >= 0.4, "score {}", o.score);
    let term = o.shared.iter().find(|t| t.term.contains("黄茅海")).unwrap();
    // Offsets are char offsets into each task's own text.
    let a_text: Vec<char> = d.tasks[0].text.chars().collect();
    let b_text: Vec<char> = d.tasks[FILLER.len() + 1].text.chars().collect();
    let at = |text: &[char], p: usize| text[p..p + 3].iter().collect::<String>();
    assert_eq!(at(&a_text, term.in_a[0]), "黄茅海");
    assert_eq!(at(&b_text, term.in_b[0]), "黄茅海");
}

#[test]
fn only_a_generic_phrase_does_not_overlap() {
    let a = with_filler(&[(
        "全面推进乡村振兴,推动高质量发展,融入粤港澳大湾区建设。",
        "农业农村局",
    )]);
    let b = with_filler(&[(
        "以乡村振兴为抓手,在高质量发展上走在前列,对接粤港澳大湾区。",
        "新会区农业农村局",
    )]);
    let d = computed(data(&[
        Plan {
            doc: "000",
            jurisdiction: "台山市",
            tasks: &a,
        },
        Plan {
            doc: "003",
            jurisdiction: "新会区",
            tasks: &b,
        },
    ]));
    assert!(
        pair(&d, "000:t1", "003:t1").is_none(),
        "generic phrases alone made an overlap: {:?}",
        pair(&d, "000:t1", "003:t1")
    );
}

#[test]
fn traditional_and_simplified_texts_match() {
    let a = with_filler(&[("推进台开快速路及广海湾港区建设。", "台山市交通运输局")]);
    let b = with_filler(&[(
        "加快臺開快速路建設,完善廣海灣港區集疏運體系。",
        "江门市交通运输局",
    )]);
    let d = computed(data(&[
        Plan {
            doc: "000",
            jurisdiction: "台山市",
            tasks: &a,
        },
        Plan {
            doc: "001",
            jurisdiction: "江门西部发展区",
            tasks: &b,
        },
    ]));
    let o = pair(&d, "000:t1", "001:t1").expect("traditional text must match simplified");
    let terms: Vec<&str> = o.shared.iter().map(|t| t.term.as_str()).collect();
    assert!(terms.contains(&"台开快速路"), "{terms:?}");
    assert!(terms.contains(&"广海湾港区"), "{terms:?}");
    // The offsets in b point at the traditional spelling as written.
    let b_text: Vec<char> = d.tasks[FILLER.len() + 1].text.chars().collect();
    let t = o.shared.iter().find(|t| t.term == "台开快速路").unwrap();
    let written: String = b_text[t.in_b[0]..t.in_b[0] + 5].iter().collect();
    assert_eq!(written, "臺開快速路");
}

#[test]
fn same_place_is_classified_and_nesting_follows_parents() {
    let a = with_filler(&[(
        "依托江门站枢纽,完善站前片区配套。",
        "江海区住房和城乡建设局",
    )]);
    let b = with_filler(&[("加强与江门站的交通接驳,开通公交专线。", "新会区交通运输局")]);
    let c = with_filler(&[("谋划江门站综合开发,强化城市门户功能。", "江门市自然资源局")]);
    let d = computed(data(&[
        Plan {
            doc: "002",
            jurisdiction: "江海区",
            tasks: &a,
        },
        Plan {
            doc: "003",
            jurisdiction: "新会区",
            tasks: &b,
        },
        Plan {
            doc: "city",
            jurisdiction: "江门市",
            tasks: &c,
        },
    ]));
    let siblings = pair(&d, "002:t1", "003:t1").expect("江门站 pair must overlap");
    assert!(
        !siblings.nested_jurisdictions,
        "江海区 and 新会区 are siblings"
    );
    assert!(
        matches!(
            siblings.kind,
            OverlapKind::SamePlace | OverlapKind::SameProject
        ),
        "{:?}",
        siblings.kind
    );
    let nested = pair(&d, "002:t1", "city:t1").expect("江门站 pair must overlap");
    assert!(nested.nested_jurisdictions, "江门市 contains 江海区");
}

#[test]
fn responsibility_note_does_not_count() {
    // Identical notes, unrelated work.
    let mut d = data(&[
        Plan {
            doc: "000",
            jurisdiction: "台山市",
            tasks: &with_filler(&[("完善城市燃气管网。(市住房和城乡建设局牵头,各镇配合)", "")]),
        },
        Plan {
            doc: "003",
            jurisdiction: "新会区",
            tasks: &with_filler(&[("建设智慧停车系统。(市住房和城乡建设局牵头,各镇配合)", "")]),
        },
    ]);
    for t in d.tasks.iter_mut() {
        if let Some(p) = t.text.find('(') {
            t.note = Some(fengong::model::ResponsibilityNote {
                text: t.text[p..].to_owned(),
                line: t.source.line,
                chars: None,
            });
        }
    }
    let d = computed(d);
    assert!(pair(&d, "000:t1", "003:t1").is_none(), "{:?}", d.overlaps);
}

#[test]
fn output_is_deterministic_sorted_and_bounded() {
    let a = with_filler(&[
        ("推进台开快速路建设。", "台山市交通运输局"),
        (
            "发展川岛海岛旅游,建设上川岛旅游度假区。",
            "台山市文化广电旅游体育局",
        ),
        (
            "建设广海湾经济开发区,打造临港产业基地。",
            "广海湾经济开发区管委会",
        ),
    ]);
    let b = with_filler(&[
        (
            "加快台开快速路、黄茅海跨海通道等项目建设。",
            "江门市交通运输局",
        ),
        (
            "支持上下川岛发展滨海旅游,打造川岛旅游度假区。",
            "江门市文化广电旅游体育局",
        ),
        ("高标准建设广海湾经济开发区。", "江门市发展和改革局"),
        ("建设广海湾经济开发区港口物流园。", "江门市交通运输局"),
    ]);
    let d = data(&[
        Plan {
            doc: "000",
            jurisdiction: "台山市",
            tasks: &a,
        },
        Plan {
            doc: "001",
            jurisdiction: "江门西部发展区",
            tasks: &b,
        },
    ]);
    let first = compute(&d);
    for _ in 0..5 {
        assert_eq!(compute(&d), first);
    }
    assert!(!first.is_empty());
    // Cross-document pairs come first; in each, overlaps before parallel
    // pairs; each group best first.
    let cross_end = first
        .iter()
        .position(|o| !o.cross_doc)
        .unwrap_or(first.len());
    assert!(first[cross_end..].iter().all(|o| !o.cross_doc));
    for part in [&first[..cross_end], &first[cross_end..]] {
        let overlaps_end = part
            .iter()
            .position(|o| !o.relation.is_overlap())
            .unwrap_or(part.len());
        assert!(
            part[overlaps_end..]
                .iter()
                .all(|o| !o.relation.is_overlap())
        );
        for group in [&part[..overlaps_end], &part[overlaps_end..]] {
            assert!(group.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }
    assert!(first.iter().all(|o| (0.0..=1.0).contains(&o.score)));
    // The within-document pair of the two 广海湾经济开发区 tasks is found too.
    assert!(first.iter().any(|o| !o.cross_doc));
    // a always precedes b in task order.
    let pos = |id: &fengong::model::TaskId| d.tasks.iter().position(|t| &t.id == id).unwrap();
    assert!(first.iter().all(|o| pos(&o.a) < pos(&o.b)));
}

#[test]
fn handoffs_list_overlaps_led_by_other_units() {
    let a = with_filler(&[("推进台开快速路建设。", "台山市交通运输局")]);
    let b = with_filler(&[("加快台开快速路建设进度。", "江门市交通运输局")]);
    let d = computed(data(&[
        Plan {
            doc: "000",
            jurisdiction: "台山市",
            tasks: &a,
        },
        Plan {
            doc: "001",
            jurisdiction: "江门西部发展区",
            tasks: &b,
        },
    ]));
    let index = d.index();
    let h = unit_handoffs(&d, &index, &UnitId::from("台山市交通运输局"));
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].task.as_str(), "000:t1");
    assert_eq!(h[0].other.as_str(), "001:t1");
    assert_eq!(h[0].other_leads, vec![UnitId::from("江门市交通运输局")]);
    // A unit leading neither task has no hand-offs.
    assert!(unit_handoffs(&d, &index, &UnitId::from("财政局")).is_empty());
}

#[test]
fn degenerate_input_gives_no_overlaps_and_no_panic() {
    assert!(compute(&TaskData::new()).is_empty());
    // 70 000 chars: past the 65 535-char matching limit, and every bigram
    // repeated 10 000 times.
    let long = "黄茅海跨海通道".repeat(10_000);
    let d = data(&[
        Plan {
            doc: "000",
            jurisdiction: "台山市",
            tasks: &[("", ""), ("。,;!", ""), ("a", ""), (&long, "")],
        },
        Plan {
            doc: "unknown-region",
            jurisdiction: "火星",
            tasks: &[("", ""), (&long, "")],
        },
    ]);
    let overlaps = compute(&d);
    // Only the two long texts share anything.
    assert!(
        overlaps
            .iter()
            .all(|o| o.a.as_str() == "000:t4" && o.b.as_str() == "unknown-region:t2"),
        "{overlaps:?}"
    );
    assert!(overlaps.iter().all(|o| !o.nested_jurisdictions));
}

// --- Relations: project, same-place measure, parallel, nothing ---

/// A plan as `(doc, jurisdiction, tasks)`.
type PlanSpec = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

fn plans_of(plans: &[PlanSpec]) -> TaskData {
    let plans: Vec<Plan> = plans
        .iter()
        .map(|(doc, jurisdiction, tasks)| Plan {
            doc,
            jurisdiction,
            tasks,
        })
        .collect();
    data(&plans)
}

#[test]
fn a_project_in_different_words_across_sibling_plans_is_an_overlap() {
    let d = computed(plans_of(&[
        (
            "jh",
            "江海区",
            with_filler(&[(
                "全力支持深茂铁路江门段建设,融入轨道上的湾区。",
                "江海区发展和改革局",
            )]),
        ),
        (
            "xh",
            "新会区",
            with_filler(&[(
                "配合推进深茂铁路新会段征地拆迁,保障施工。",
                "新会区交通运输局",
            )]),
        ),
    ]));
    let o = pair(&d, "jh:t1", "xh:t1").expect("深茂铁路 pair");
    assert_eq!(o.relation, OverlapRelation::Project, "{o:?}");
    assert_eq!(
        o.places,
        PlaceRelation::Apart,
        "江海区 and 新会区 are siblings"
    );
    assert!(
        o.shared
            .iter()
            .any(|t| t.term == "深茂铁路" && t.kind == TermKind::Project)
    );
}

#[test]
fn the_same_measure_in_nested_places_is_an_overlap_and_in_siblings_is_parallel() {
    let measure = "聚焦农村人居环境整治,深化农村厕所革命,完善生活垃圾收运处理体系。";
    let d = computed(plans_of(&[
        (
            "west",
            "江门西部发展区",
            with_filler(&[(
                "推进农村人居环境整治,实施厕所革命,健全生活垃圾收运处理体系。",
                "江门市农业农村局",
            )]),
        ),
        (
            "ts",
            "台山市",
            with_filler(&[(measure, "台山市农业农村局")]),
        ),
        (
            "xh",
            "新会区",
            with_filler(&[(measure, "新会区农业农村局")]),
        ),
    ]));
    let nested = pair(&d, "west:t1", "ts:t1").expect("西部 ⊃ 台山 pair");
    assert_eq!(nested.relation, OverlapRelation::SamePlace, "{nested:?}");
    assert_eq!(nested.places, PlaceRelation::Nested);
    assert!(nested.nested_jurisdictions);
    let siblings = pair(&d, "ts:t1", "xh:t1").expect("台山 ~ 新会 pair");
    assert_eq!(siblings.relation, OverlapRelation::Parallel, "{siblings:?}");
    assert_eq!(siblings.places, PlaceRelation::Apart);
    // Overlaps rank above parallel pairs, even a parallel pair scoring more
    // (台山 and 新会 have the very same sentence).
    let rank = |o: &Overlap| d.overlaps.iter().position(|x| x == o).unwrap();
    assert!(siblings.score > nested.score);
    assert!(rank(nested) < rank(siblings));
    // No hand-off between sibling districts doing similar work.
    let index = d.index();
    let h = unit_handoffs(&d, &index, &UnitId::from("台山市农业农村局"));
    let others: Vec<&str> = h.iter().map(|h| h.other.as_str()).collect();
    assert_eq!(others, ["west:t1"], "{h:?}");
}

#[test]
fn a_higher_plan_task_about_a_sibling_is_parallel() {
    // The western area's task for 开平 (named in its title) and 台山's task.
    let mut d = plans_of(&[
        (
            "west",
            "江门西部发展区",
            with_filler(&[(
                "开平翠山湖科技产业园提质。引进汽车零部件、五金机械等产业,建设跨境电商分拣清关中心。",
                "江门市工业和信息化局",
            )]),
        ),
        (
            "ts",
            "台山市",
            with_filler(&[(
                "推进工业园区扩容提质,引进汽车零部件、五金机械等产业。",
                "台山市科工商务局",
            )]),
        ),
    ]);
    western_area(&mut d);
    let d = computed(d);
    let o = pair(&d, "west:t1", "ts:t1").expect("pair");
    assert_eq!(o.places, PlaceRelation::Apart, "{o:?}");
    assert_eq!(o.relation, OverlapRelation::Parallel);
    assert!(o.nested_jurisdictions, "the documents still nest");
}

#[test]
fn wording_used_in_tasks_about_anything_links_nothing() {
    // 具有较强竞争力 is used for tourism groups, ports, farms and factories
    // in four plans: boilerplate. 农村人居环境整治 is used for one subject.
    let boiler = [
        "形成一批具有较强竞争力的旅游集团,推进酒店连锁经营。",
        "打造具有较强竞争力的深水港口,完善集疏运体系。",
        "培育具有较强竞争力的农业龙头企业,发展订单农业。",
        "建设具有较强竞争力的智能家电产业基地,推动技术改造。",
    ];
    let rural = "深入开展农村人居环境整治,推进村庄清洁行动。";
    let plan = |i: usize| -> Vec<(&'static str, &'static str)> {
        let mut tasks = vec![(boiler[i], "单位甲")];
        if i < 2 {
            tasks.push((rural, "单位乙"));
        }
        tasks.extend(FILLER.iter().chain(TOPICS).copied());
        tasks
    };
    let d = computed(plans_of(&[
        ("west", "江门西部发展区", plan(0)),
        ("ts", "台山市", plan(1)),
        ("jh", "江海区", plan(2)),
        ("xh", "新会区", plan(3)),
    ]));
    assert!(d.tasks.len() >= 40, "large enough to judge wording");
    for (a, b) in [
        ("west:t1", "ts:t1"),
        ("jh:t1", "xh:t1"),
        ("west:t1", "jh:t1"),
    ] {
        assert!(pair(&d, a, b).is_none(), "{a} ~ {b}: {:?}", pair(&d, a, b));
    }
    let o = pair(&d, "west:t2", "ts:t2").expect("the rural measure pair");
    assert_eq!(o.relation, OverlapRelation::SamePlace);
    assert!(o.shared.iter().any(|t| t.term.contains("农村人居环境整治")));
    // The phrase itself is rare: a corpus-free rarity weight alone would
    // have kept it (4 of 56 tasks; 农村人居环境整治 is in 2).
    let engine = fengong::overlap::Engine::new(&d);
    let generic = engine.generic();
    let phrase: Vec<char> = "具有较强竞争力".chars().collect();
    let ratio = generic.coherence_ratio(&phrase).expect("in four tasks");
    assert!(
        ratio <= fengong::overlap::params::GENERIC_RATIO,
        "coherence ratio {ratio}"
    );
}
