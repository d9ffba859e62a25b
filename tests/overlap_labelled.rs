//! The overlap engine against the labelled pairs of `tests/fixtures/
//! overlap_pairs.tsv`, written from reading the seed plans: the strong
//! pairs must be found with the right relation, the best overlaps must be
//! real, and pairs that share only boilerplate must not be overlaps.

use std::collections::HashMap;

use crate::common::overlap::{SEEDS, seed_task};
use fengong::model::{Overlap, OverlapRelation, TaskId};

/// One labelled pair.
struct Label {
    a: TaskId,
    b: TaskId,
    /// `project`, `same_place`, `parallel` or `none`.
    relation: String,
    strong: bool,
    line: String,
}

impl Label {
    /// Project and same-place pairs are overlaps.
    fn is_overlap(&self) -> bool {
        matches!(self.relation.as_str(), "project" | "same_place")
    }
}

fn labels() -> Vec<Label> {
    let text = std::fs::read_to_string(crate::common::fixture("overlap_pairs.tsv")).unwrap();
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(
        header,
        [
            "a", "a_title", "b", "b_title", "relation", "strength", "source", "why"
        ]
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 8, "{l}");
            let doc = |id: &str| id.split(':').next().unwrap().to_owned();
            assert!(
                ["project", "same_place", "parallel", "none"].contains(&f[4]),
                "{l}"
            );
            assert!(["strong", "weak"].contains(&f[5]), "{l}");
            Label {
                a: seed_task(&doc(f[0]), f[1]),
                b: seed_task(&doc(f[2]), f[3]),
                relation: f[4].to_owned(),
                strong: f[5] == "strong",
                line: l.to_owned(),
            }
        })
        .collect()
}

/// The computed pair of two tasks, either way round.
fn pairs() -> HashMap<(TaskId, TaskId), &'static Overlap> {
    let mut out = HashMap::new();
    for o in &SEEDS.1 {
        out.insert((o.a.clone(), o.b.clone()), o);
        out.insert((o.b.clone(), o.a.clone()), o);
    }
    out
}

/// The relation class the label and the engine agree on: overlap, parallel.
fn same_class(label: &Label, o: &Overlap) -> bool {
    if label.is_overlap() {
        o.relation.is_overlap()
    } else {
        o.relation == OverlapRelation::Parallel
    }
}

#[test]
fn nine_in_ten_strong_pairs_are_found_with_the_right_relation() {
    let labels = labels();
    let pairs = pairs();
    for overlap in [true, false] {
        let strong: Vec<&Label> = labels
            .iter()
            .filter(|l| l.strong && l.is_overlap() == overlap && l.relation != "none")
            .collect();
        assert!(strong.len() >= 15, "too few labels to judge");
        let missed: Vec<&str> = strong
            .iter()
            .filter(|l| {
                !pairs
                    .get(&(l.a.clone(), l.b.clone()))
                    .is_some_and(|o| same_class(l, o))
            })
            .map(|l| l.line.as_str())
            .collect();
        let found = strong.len() - missed.len();
        assert!(
            found * 10 >= strong.len() * 9,
            "{} strong {} pairs: {found} found; missed:\n{}",
            strong.len(),
            if overlap { "overlap" } else { "parallel" },
            missed.join("\n")
        );
    }
}

#[test]
fn sixteen_of_the_twenty_best_overlaps_are_real() {
    let labels = labels();
    let by_pair: HashMap<(TaskId, TaskId), &Label> = labels
        .iter()
        .flat_map(|l| {
            [
                ((l.a.clone(), l.b.clone()), l),
                ((l.b.clone(), l.a.clone()), l),
            ]
        })
        .collect();
    let best: Vec<&Overlap> = SEEDS
        .1
        .iter()
        .filter(|o| o.cross_doc && o.relation.is_overlap())
        .take(20)
        .collect();
    assert_eq!(best.len(), 20);
    // A pair nobody labelled counts as not real.
    let not_real: Vec<String> = best
        .iter()
        .filter(|o| {
            !by_pair
                .get(&(o.a.clone(), o.b.clone()))
                .is_some_and(|l| l.is_overlap())
        })
        .map(|o| format!("{} ~ {} {:?}", o.a, o.b, o.shared))
        .collect();
    assert!(
        not_real.len() <= 4,
        "of the 20 best overlaps, these are not labelled real:\n{}",
        not_real.join("\n")
    );
}

#[test]
fn pairs_sharing_only_boilerplate_are_no_overlaps() {
    let pairs = pairs();
    for l in labels().iter().filter(|l| l.relation == "none") {
        if let Some(o) = pairs.get(&(l.a.clone(), l.b.clone())) {
            assert!(!o.relation.is_overlap(), "{}: {o:?}", l.line);
        }
    }
    // The two the issue names are gone altogether, from every pair.
    for o in &SEEDS.1 {
        for t in &o.shared {
            for phrase in ["较强竞争力", "影响力的区域"] {
                assert!(!t.term.contains(phrase), "{} in {o:?}", t.term);
            }
        }
    }
}
