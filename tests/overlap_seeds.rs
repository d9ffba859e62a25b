//! The overlap engine on the real tasks extracted from the seeds
//! (`data/tasks.json`): the overlaps the issue names must be found, the
//! strongest near the top. Tasks are found by document prefix and title so
//! the test survives renumbering.

use crate::common::overlap::{SEEDS as DATA, seed_task as task};
use fengong::model::{Overlap, OverlapKind, OverlapRelation, PlaceRelation, TaskId};

/// The overlap of two tasks and its rank among cross-document pairs (1-based).
fn find(a: &TaskId, b: &TaskId) -> Option<(usize, &'static Overlap)> {
    DATA.1
        .iter()
        .filter(|o| o.cross_doc)
        .enumerate()
        .find(|(_, o)| (&o.a == a && &o.b == b) || (&o.a == b && &o.b == a))
        .map(|(i, o)| (i + 1, o))
}

fn shares(o: &Overlap, needle: &str) -> bool {
    o.shared.iter().any(|t| t.term.contains(needle))
}

#[test]
fn the_western_area_and_taishan_share_their_crossing_and_roads() {
    let (rank, o) = find(
        &task("000", "建设快速公路网"),
        &task("001", "构建高品质快速交通网"),
    )
    .expect("黄茅海跨海通道 / 广台高速 pair");
    assert!(rank <= 3, "rank {rank}");
    assert_eq!(o.kind, OverlapKind::SameProject);
    assert!(
        shares(o, "黄茅海跨海通道") && shares(o, "广台高速"),
        "{o:?}"
    );
    assert!(o.nested_jurisdictions, "台山市 lies in the western area");

    let (_, o) = find(
        &task("000", "建设快速公路网"),
        &task("001", "推动“台开同城”发展"),
    )
    .expect("台开快速路 pair");
    assert!(shares(o, "台开快速"), "{o:?}");
}

#[test]
fn guanghai_bay_and_chuan_island_tourism_are_found() {
    let (rank, o) = find(
        &task("000", "打造空港物流网"),
        &task("001", "提升通航能力与航道水平"),
    )
    .expect("广海湾 port pair");
    assert!(rank <= 5, "rank {rank}");
    assert!(shares(o, "广海湾") && shares(o, "川岛"), "{o:?}");

    let (_, o) = find(
        &task("000", "打造高端滨海旅游"),
        &task("001", "发展新型特色旅游业态"),
    )
    .expect("川岛 tourism pair");
    assert!(shares(o, "川岛"), "{o:?}");
}

#[test]
fn jiangmen_station_and_rail_links_tie_districts_together() {
    let xinhui_transport = task("003", "全面加强交通基础设施建设");
    let (_, o) =
        find(&task("001", "培育恩台新快速发展带"), &xinhui_transport).expect("江门站 pair");
    assert!(shares(o, "江门站"), "{o:?}");
    assert_eq!(o.relation, OverlapRelation::Project, "{o:?}");
    // 深茂铁路 in the western area's plan and in 江海区's: the same project
    // in sibling places is still an overlap.
    let (_, o) = find(
        &task("001", "打造多向联通运输通道"),
        &task("002", "强化基础设施“硬联通”"),
    )
    .expect("深茂铁路 pair");
    assert!(shares(o, "深茂铁路"), "{o:?}");
    assert!(
        !o.nested_jurisdictions,
        "西部发展区 and 江海区 are siblings"
    );
    assert_eq!(o.places, PlaceRelation::Apart);
    assert_eq!(o.relation, OverlapRelation::Project);
}

#[test]
fn generic_slogans_never_appear_as_shared_terms() {
    for o in &DATA.1 {
        for t in &o.shared {
            for slogan in ["乡村振兴", "高质量发展", "粤港澳大湾区"] {
                assert!(!t.term.contains(slogan), "{} in {o:?}", t.term);
            }
        }
    }
}
