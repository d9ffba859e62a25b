//! The unit finder's matching, behind one small trait: the finder only
//! calls `set_query` and polls for results each tick, so matching never
//! blocks drawing. [`EngineMatcher`] (the default) runs the fuzzy/pinyin
//! engine of [`crate::search`] on its own thread; [`SubstringMatcher`] is a
//! plain synchronous fallback.

use std::sync::Arc;

use crate::query::{Catalog, UnitPos};

/// One unit as the finder sees it.
#[derive(Debug, Clone)]
pub struct FinderItem {
    pub unit: UnitPos,
    /// What the list shows: the canonical name.
    pub label: String,
    /// Other names it may be typed as: written forms and aliases.
    pub keys: Vec<String>,
}

/// A matching item; `highlights` are char indices into its label.
#[derive(Debug, Clone, PartialEq)]
pub struct FinderHit {
    pub index: usize,
    pub score: u32,
    pub highlights: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FinderResults {
    pub query: String,
    pub hits: Vec<FinderHit>,
    /// False for the early part of a long ranking: more hits follow.
    pub done: bool,
}

/// What the explorer needs from a matcher (mirrors `search::Worker`).
pub trait UnitMatcher: Send {
    fn set_query(&mut self, query: &str);
    /// The newest results since the last poll, if any; never blocks.
    fn poll(&mut self) -> Option<FinderResults>;
    /// Waits up to `timeout` for the latest results (tests, benchmarks).
    fn wait(&mut self, timeout: std::time::Duration) -> Option<FinderResults> {
        let _ = timeout;
        self.poll()
    }
}

/// The finder engine of [`crate::search`] (Chinese, pinyin, initials,
/// aliases, fzf syntax) on a background [`Worker`](crate::search::Worker).
/// Its candidates are in unit order, like [`items`], so hit indices agree.
/// Preparing the candidates counts every task's units, so that too happens
/// on a thread: opening the finder never waits for it.
pub struct EngineMatcher {
    worker: Option<crate::search::Worker>,
    starting: Option<std::sync::mpsc::Receiver<crate::search::Worker>>,
    /// A query typed before the worker was ready.
    queued: Option<String>,
}

impl EngineMatcher {
    pub fn new(c: Arc<Catalog>) -> EngineMatcher {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let candidates = crate::search::candidates::unit_candidates(c.data(), c.index());
            let _ = tx.send(crate::search::Worker::spawn(candidates));
        });
        EngineMatcher {
            worker: None,
            starting: Some(rx),
            queued: None,
        }
    }

    /// Takes the worker once it is ready, handing it any queued query.
    fn ready(&mut self, block: Option<std::time::Duration>) -> Option<&mut crate::search::Worker> {
        if self.worker.is_none()
            && let Some(rx) = &self.starting
        {
            let got = match block {
                Some(t) => rx.recv_timeout(t).ok(),
                None => rx.try_recv().ok(),
            };
            if let Some(w) = got {
                if let Some(q) = self.queued.take() {
                    w.set_query(&q);
                }
                self.worker = Some(w);
                self.starting = None;
            }
        }
        self.worker.as_mut()
    }

    fn convert(r: crate::search::Results) -> FinderResults {
        FinderResults {
            query: r.query,
            done: r.done,
            hits: r
                .hits
                .into_iter()
                .map(|h| FinderHit {
                    index: h.index,
                    score: h.score,
                    highlights: h.highlights,
                })
                .collect(),
        }
    }
}

impl UnitMatcher for EngineMatcher {
    fn set_query(&mut self, query: &str) {
        match self.ready(None) {
            Some(w) => w.set_query(query),
            None => self.queued = Some(query.to_owned()),
        }
    }

    fn poll(&mut self) -> Option<FinderResults> {
        self.ready(None)?.poll().map(Self::convert)
    }

    fn wait(&mut self, timeout: std::time::Duration) -> Option<FinderResults> {
        self.ready(Some(timeout))?.wait(timeout).map(Self::convert)
    }
}

/// Substring matching on the label, written names and aliases; shorter
/// labels and matches nearer the start rank first.
pub struct SubstringMatcher {
    items: Arc<Vec<FinderItem>>,
    ready: Option<FinderResults>,
}

impl SubstringMatcher {
    pub fn new(items: Arc<Vec<FinderItem>>) -> SubstringMatcher {
        SubstringMatcher { items, ready: None }
    }
}

impl UnitMatcher for SubstringMatcher {
    fn set_query(&mut self, query: &str) {
        let q = query.trim();
        let mut hits: Vec<FinderHit> = Vec::new();
        for (index, item) in self.items.iter().enumerate() {
            if q.is_empty() {
                hits.push(FinderHit {
                    index,
                    score: 0,
                    highlights: Vec::new(),
                });
                continue;
            }
            let in_label = crate::query::find_char_ranges(&item.label, q);
            let score_base = 1000u32.saturating_sub(item.label.chars().count() as u32);
            if let Some(&(s, e)) = in_label.first() {
                hits.push(FinderHit {
                    index,
                    score: score_base + 1000 - (s as u32).min(999),
                    highlights: (s..e).collect(),
                });
            } else if item.keys.iter().any(|k| k.contains(q)) {
                hits.push(FinderHit {
                    index,
                    score: score_base,
                    highlights: Vec::new(),
                });
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        self.ready = Some(FinderResults {
            query: query.to_owned(),
            hits,
            done: true,
        });
    }

    fn poll(&mut self) -> Option<FinderResults> {
        self.ready.take()
    }
}

/// The finder's items for a catalog: every unit, in data order.
pub fn items(c: &Catalog) -> Vec<FinderItem> {
    c.units()
        .iter()
        .enumerate()
        .map(|(unit, u)| FinderItem {
            unit: UnitPos::new(unit),
            label: u.name.clone(),
            keys: u.written.iter().chain(&u.aliases).cloned().collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(unit: usize, label: &str, keys: &[&str]) -> FinderItem {
        FinderItem {
            unit: UnitPos::new(unit),
            label: label.into(),
            keys: keys.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn matches_labels_and_aliases_and_ranks_earlier_first() {
        let items = Arc::new(vec![
            item(0, "台山市发展和改革局", &["市发展和改革局", "发改局"]),
            item(1, "发展中心", &[]),
            item(2, "台山市交通运输局", &["交通局"]),
        ]);
        let mut m = SubstringMatcher::new(items);
        m.set_query("发展");
        let r = m.poll().unwrap();
        assert_eq!(r.hits.iter().map(|h| h.index).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(r.hits[1].highlights, [3, 4]);
        assert!(m.poll().is_none());
        m.set_query("交通局");
        assert_eq!(m.poll().unwrap().hits[0].index, 2);
        m.set_query("");
        assert_eq!(m.poll().unwrap().hits.len(), 3);
    }

    #[test]
    fn engine_matcher_finds_units_by_pinyin_initials() {
        let data =
            crate::model::TaskData::from_json(include_str!("../../tests/fixtures/small.json"))
                .unwrap();
        let c = Arc::new(Catalog::new(data));
        let items = items(&c);
        let mut m = EngineMatcher::new(c.clone());
        m.set_query("fgj");
        let r = m.wait(std::time::Duration::from_secs(10)).unwrap();
        assert_eq!(r.query, "fgj");
        assert_eq!(items[r.hits[0].index].label, "台山市发展和改革局");
    }
}
