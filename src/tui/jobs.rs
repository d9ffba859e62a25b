//! Work that grows with the data (refiltering, regrouping, searching task
//! texts, a unit's duties, a plan's coverage) runs here, off the drawing
//! thread, so a key
//! press on 100 000 tasks still answers within a frame: the key only sends
//! a request, the answer is swapped in on a later tick.
//!
//! [`compute`] is the work itself, a pure function of the query and view
//! layers; [`Jobs`] runs it on a thread. Without a `Jobs` (tests) the
//! explorer calls `compute` inline, so both modes share one code path.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::view::duty::{Duty, build_duty};
use super::view::tree::{Grouping, Tree};
use crate::overlap::coverage::{Coverage, coverage};
use crate::query::{Catalog, DocPos, Filters, TaskPos, TextNeedle, UnitPos, View};

pub enum Request {
    /// Apply filters and build the tree in a grouping.
    Rebuild {
        filters: Filters,
        grouping: Grouping,
    },
    /// Find tasks whose title or text contains `query`, in the order of
    /// `tree`.
    Search { query: String, tree: Arc<Tree> },
    /// A unit's duty view; `cursor` restores a position (going back).
    Duty {
        unit: UnitPos,
        cursor: Option<usize>,
    },
    /// Plan `doc` against all the plans below it.
    Coverage { doc: DocPos },
}

pub enum Answer {
    Rebuilt {
        filters: Filters,
        grouping: Grouping,
        view: View,
        tree: Tree,
    },
    Searched {
        query: String,
        matches: Vec<TaskPos>,
    },
    Duty {
        duty: Duty,
        cursor: Option<usize>,
    },
    /// The coverage, or why it could not be computed.
    Coverage {
        doc: DocPos,
        result: Result<Arc<Coverage>, String>,
    },
}

/// Number of request kinds; one outstanding request per kind.
pub const KINDS: usize = 4;

/// The kind of coverage requests: keys typed while one runs are not held,
/// since none of them depends on its answer (Esc must close the view
/// while a large plan is still being computed).
pub const COVERAGE_KIND: usize = 3;

/// Whether keys typed while a request of `kind` runs wait for its answer.
pub fn holds_input(kind: usize) -> bool {
    kind != COVERAGE_KIND
}

impl Answer {
    pub fn kind(&self) -> usize {
        match self {
            Answer::Rebuilt { .. } => 0,
            Answer::Searched { .. } => 1,
            Answer::Duty { .. } => 2,
            Answer::Coverage { .. } => COVERAGE_KIND,
        }
    }
}

impl Request {
    /// Requests of the same kind replace each other: only the newest counts.
    pub fn kind(&self) -> usize {
        match self {
            Request::Rebuild { .. } => 0,
            Request::Search { .. } => 1,
            Request::Duty { .. } => 2,
            Request::Coverage { .. } => COVERAGE_KIND,
        }
    }
}

pub fn compute(cat: &Catalog, req: Request) -> Answer {
    match req {
        Request::Rebuild { filters, grouping } => {
            // Filters were checked before sending; a failure here means
            // they were not, and shows everything rather than nothing.
            let view = cat.apply(&filters).unwrap_or_default();
            let tree = Tree::build(cat, &view, grouping, filters.is_empty());
            Answer::Rebuilt {
                filters,
                grouping,
                view,
                tree,
            }
        }
        Request::Search { query, tree } => {
            let needle = TextNeedle::new(&query);
            let matches = tree
                .all_tasks()
                .into_iter()
                .filter(|&t| needle.matches(cat.task(t)))
                .collect();
            Answer::Searched { query, matches }
        }
        Request::Duty { unit, cursor } => Answer::Duty {
            duty: build_duty(cat, unit),
            cursor,
        },
        Request::Coverage { doc } => {
            let result = match cat.document(doc) {
                Some(d) => coverage(cat.data(), &d.id, &[])
                    .map(Arc::new)
                    .map_err(|e| e.to_string()),
                None => Err(format!("no document {}", doc.index())),
            };
            Answer::Coverage { doc, result }
        }
    }
}

/// A background thread computing requests; each request carries a
/// generation so that stale outcomes can be told apart.
pub struct Jobs {
    tx: Option<Sender<(u64, Request)>>,
    rx: Receiver<(u64, Answer)>,
    thread: Option<JoinHandle<()>>,
}

impl Jobs {
    pub fn spawn(cat: Arc<Catalog>) -> Jobs {
        let (tx, req_rx) = mpsc::channel::<(u64, Request)>();
        let (out_tx, rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("fengong-jobs".into())
            .spawn(move || {
                while let Ok(first) = req_rx.recv() {
                    // Skip requests overtaken by a newer one of the same kind.
                    let mut latest: [Option<(u64, Request)>; KINDS] = std::array::from_fn(|_| None);
                    let k = first.1.kind();
                    latest[k] = Some(first);
                    while let Ok(next) = req_rx.try_recv() {
                        let k = next.1.kind();
                        latest[k] = Some(next);
                    }
                    for (generation, req) in latest.into_iter().flatten() {
                        if let Request::Coverage { doc } = req {
                            // Seconds on a large plan: on a thread of its
                            // own, so refiltering and duty views do not
                            // wait behind it.
                            let (cat, tx) = (cat.clone(), out_tx.clone());
                            let spawned = std::thread::Builder::new()
                                .name("fengong-coverage".into())
                                .spawn(move || {
                                    let _ = tx.send((generation, compute(&cat, req)));
                                });
                            if let Err(e) = spawned {
                                let result = Err(e.to_string());
                                let _ = out_tx.send((generation, Answer::Coverage { doc, result }));
                            }
                            continue;
                        }
                        if out_tx.send((generation, compute(&cat, req))).is_err() {
                            return;
                        }
                    }
                }
            })
            .expect("spawning the jobs thread");
        Jobs {
            tx: Some(tx),
            rx,
            thread: Some(thread),
        }
    }

    pub fn send(&self, generation: u64, req: Request) {
        if let Some(tx) = &self.tx {
            let _ = tx.send((generation, req));
        }
    }

    pub fn try_recv(&self) -> Option<(u64, Answer)> {
        self.rx.try_recv().ok()
    }

    pub fn recv_timeout(&self, t: std::time::Duration) -> Option<(u64, Answer)> {
        self.rx.recv_timeout(t).ok()
    }
}

impl Drop for Jobs {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.tx.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
