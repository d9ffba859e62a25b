//! Whether one plan's jurisdiction contains another's (江门市 ⊃ 台山市), for
//! an overlap's `nested_jurisdictions`.

use std::collections::{HashMap, HashSet};

use crate::model::{Region, TaskData};

/// For every pair of documents, whether their jurisdictions nest.
pub struct Jurisdictions {
    nested: Vec<Vec<bool>>,
}

impl Jurisdictions {
    pub fn new(data: &TaskData) -> Jurisdictions {
        let by_id: HashMap<&str, &Region> =
            data.regions.iter().map(|r| (r.id.as_str(), r)).collect();
        // Each document's jurisdiction followed by its ancestors, by name.
        let chains: Vec<Vec<&str>> = data
            .documents
            .iter()
            .map(|d| {
                let mut chain = vec![d.jurisdiction.as_str()];
                let mut seen: HashSet<&str> = HashSet::new();
                let mut at = d.jurisdiction.as_str();
                // `seen` guards against a parent cycle in a hand-edited file.
                while seen.insert(at) {
                    let Some(parent) = by_id.get(at).and_then(|r| r.parent.as_ref()) else {
                        break;
                    };
                    chain.push(parent.as_str());
                    at = parent.as_str();
                }
                chain
            })
            .collect();
        let contains = |outer: &[&str], inner: &[&str]| {
            let region = outer[0];
            if inner[1..].contains(&region) {
                return true;
            }
            // A planning area is defined by its members (西部发展区: 台山,
            // 开平, 恩平) rather than by parents pointing at it.
            let members = by_id.get(region).map_or(&[][..], |r| &r.members[..]);
            inner.iter().any(|r| {
                let name = by_id.get(r).map_or(*r, |r| r.name.as_str());
                members
                    .iter()
                    .any(|m| core(m) == core(name) || core(m) == core(r))
            })
        };
        let nested = chains
            .iter()
            .map(|x| {
                chains
                    .iter()
                    .map(|y| x[0] != y[0] && (contains(x, y) || contains(y, x)))
                    .collect()
            })
            .collect();
        Jurisdictions { nested }
    }

    /// Documents `x` and `y` (positions) have nested jurisdictions.
    pub fn nested(&self, x: usize, y: usize) -> bool {
        self.nested
            .get(x)
            .and_then(|row| row.get(y))
            .copied()
            .unwrap_or(false)
    }
}

/// A region name without its last path part's level suffix: 台山市 → 台山,
/// 江门市/台山市 → 台山.
fn core(name: &str) -> &str {
    let last = name.rsplit('/').next().unwrap_or(name);
    ["街道", "市", "区", "县", "镇"]
        .iter()
        .find_map(|s| last.strip_suffix(s).filter(|c| c.chars().count() >= 2))
        .unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, DocReport, Document, RegionId, RegionKind};

    fn region(id: &str, parent: Option<&str>, members: &[&str]) -> Region {
        Region {
            id: RegionId::from(id),
            name: id.rsplit('/').next().unwrap().to_owned(),
            kind: RegionKind::Jurisdiction,
            parent: parent.map(RegionId::from),
            members: members.iter().map(|m| m.to_string()).collect(),
            doc: None,
            source: None,
        }
    }

    fn doc(id: &str, jurisdiction: &str) -> Document {
        Document {
            id: DocId::from(id),
            title: String::new(),
            issuer: None,
            date: None,
            number: None,
            jurisdiction: RegionId::from(jurisdiction),
            source: String::new(),
            report: DocReport::default(),
        }
    }

    #[test]
    fn parents_and_members_nest_siblings_do_not() {
        let mut data = TaskData::new();
        data.regions = vec![
            region("江门市", None, &[]),
            region("台山市", Some("江门市"), &[]),
            region("江海区", Some("江门市"), &[]),
            region("新会区", Some("江门市"), &[]),
            region("江门西部发展区", Some("江门市"), &["台山", "开平", "恩平"]),
            // A cycle must not hang.
            region("甲", Some("乙"), &[]),
            region("乙", Some("甲"), &[]),
        ];
        data.documents = vec![
            doc("city", "江门市"),
            doc("ts", "台山市"),
            doc("jh", "江海区"),
            doc("xh", "新会区"),
            doc("west", "江门西部发展区"),
            doc("loop", "甲"),
        ];
        let j = Jurisdictions::new(&data);
        assert!(j.nested(0, 1) && j.nested(1, 0), "江门市 ⊃ 台山市");
        assert!(!j.nested(2, 3), "江海区 and 新会区 are siblings");
        assert!(j.nested(4, 1), "西部发展区 lists 台山 as a member");
        assert!(!j.nested(4, 2), "江海区 is not in the western area");
        assert!(!j.nested(1, 1));
        assert!(!j.nested(5, 0));
    }
}
