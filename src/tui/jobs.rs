//! Work that grows with the data (refiltering, regrouping, searching task
//! texts, a unit's duties, a plan's coverage, the deadline view, the
//! matrix) runs here, off the drawing thread, so a key
//! press on 100 000 tasks still answers within a frame: the key only sends
//! a request, the answer is swapped in on a later tick.
//!
//! [`compute`] is the work itself, a pure function of the query and view
//! layers; [`Jobs`] runs it on a thread. Without a `Jobs` (tests) the
//! explorer calls `compute` inline, so both modes share one code path.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::matcher::{TaskSearcher, task_searcher};
use super::view::deadlines::{DueList, build_due_list};
use super::view::duty::{Duty, build_duty};
use super::view::heatmap::HeatMap;
use super::view::tree::{Grouping, Tree};
use crate::matrix::{By, Matrix, Sort};
use crate::overlap::coverage::{Coverage, coverage};
use crate::progress::Tracker;
use crate::query::{Catalog, DocPos, Filters, TaskPos, UnitPos, View};

pub enum Request {
    /// Apply filters and build the tree in a grouping.
    Rebuild {
        filters: Filters,
        grouping: Grouping,
    },
    /// Find the tasks of `tree` that the finder's engine matches with
    /// `query` (as `fengong search` does), in the order of `tree`.
    Search {
        query: String,
        tree: Arc<Tree>,
        searcher: TaskSearcher,
    },
    /// A unit's duty view; `cursor` restores a position (going back).
    Duty {
        unit: UnitPos,
        cursor: Option<usize>,
    },
    /// Plan `doc` against all the plans below it.
    Coverage { doc: DocPos },
    // The 台账 (issue 15).
    /// The deadline view of a unit (or of every task) on `today`, with the
    /// statuses of `tracker` (a copy of what was read).
    Due {
        unit: Option<UnitPos>,
        today: NaiveDate,
        tracker: Option<Arc<Tracker>>,
        at: DueAt,
    },
    /// The responsibility matrix in an order, the cursor on a unit's row
    /// and a document's or goal's column (positions) where they are.
    Matrix {
        by: By,
        sort: Sort,
        unit: Option<usize>,
        column: Option<usize>,
    },
}

/// Where the deadline view's cursor goes once built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DueAt {
    /// Back on this task, where it is now…
    pub task: Option<TaskPos>,
    /// …else on this line (none: the first task).
    pub line: Option<usize>,
    /// A refresh of the view on screen (after recording progress): shown
    /// only if the view is still on screen when it lands.
    pub refresh: bool,
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
        /// Char positions of the match in each matching task's title
        /// (tasks matched in their text only have none).
        titles: HashMap<TaskPos, Vec<usize>>,
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
    Due {
        list: DueList,
        refresh: bool,
    },
    Matrix {
        map: Box<HeatMap>,
    },
}

/// Number of request kinds; one outstanding request per kind.
pub const KINDS: usize = 6;

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
            Answer::Due { .. } => 4,
            Answer::Matrix { .. } => 5,
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
            Request::Due { .. } => 4,
            Request::Matrix { .. } => 5,
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
        Request::Search {
            query,
            tree,
            searcher,
        } => {
            let hits = task_searcher(&searcher, cat).rank(&query);
            let mut titles: HashMap<TaskPos, Vec<usize>> = HashMap::with_capacity(hits.len());
            for h in hits {
                let marks = if h.key == 0 { h.highlights } else { Vec::new() };
                titles.insert(TaskPos::new(h.index), marks);
            }
            let matches = tree
                .all_tasks()
                .into_iter()
                .filter(|t| titles.contains_key(t))
                .collect();
            titles.retain(|_, m| !m.is_empty());
            Answer::Searched {
                query,
                matches,
                titles,
            }
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
        Request::Due {
            unit,
            today,
            tracker,
            at,
        } => {
            let mut list = build_due_list(cat, tracker.as_deref(), unit, today);
            if at.task.is_some() || at.line.is_some() {
                list.restore(at.task, at.line.unwrap_or(list.cursor));
            }
            Answer::Due {
                list,
                refresh: at.refresh,
            }
        }
        Request::Matrix {
            by,
            sort,
            unit,
            column,
        } => {
            let mut map = HeatMap::new(Matrix::build(cat, by));
            map.set_sort(sort);
            map.focus(unit, column);
            Answer::Matrix { map: Box::new(map) }
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
