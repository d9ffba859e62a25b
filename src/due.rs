//! The deadline view: tasks grouped by when they are due, relative to a day.
//!
//! Overdue / due within 30 days / within 90 days / later / ongoing / none
//! ([`Bucket`]), each sorted by date; finished work (已完成, 已销号) is set
//! apart, since it is due no more. `fengong due` prints this; the explorer's
//! deadline view draws the same rows.

use chrono::NaiveDate;

use crate::deadline::{self, Bucket, When};
use crate::progress::{Shown, Tracker};
use crate::query::{Catalog, Hit};

/// One task of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRow {
    /// The hit (task position, and how it concerns the unit asked about).
    pub hit: Hit,
    pub bucket: Bucket,
    /// The day it is (next) due; none for standing work and no deadline.
    pub due: Option<NaiveDate>,
    /// Days from `today` to `due`: negative when overdue.
    pub days: Option<i64>,
    /// The status the 台账 shows (滞后 for unfinished overdue work).
    pub status: Shown,
}

/// The rows of one bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueGroup {
    pub bucket: Bucket,
    pub rows: Vec<DueRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueView {
    pub today: NaiveDate,
    /// Every bucket, in [`Bucket::ALL`] order, empty ones included.
    pub groups: Vec<DueGroup>,
    /// Tasks already 已完成 or 已销号, with the bucket their deadline has.
    pub finished: Vec<DueRow>,
}

impl DueView {
    /// Keeps only what is due within `days` of today: overdue work and
    /// dated work due by then (standing work and work without a date go).
    pub fn within(mut self, days: i64) -> DueView {
        for g in &mut self.groups {
            g.rows.retain(|r| r.days.is_some_and(|d| d <= days));
        }
        self.finished.retain(|r| r.days.is_some_and(|d| d <= days));
        self
    }

    /// Every unfinished row, bucket by bucket.
    pub fn rows(&self) -> impl Iterator<Item = &DueRow> {
        self.groups.iter().flat_map(|g| &g.rows)
    }
}

/// Groups `hits` by deadline on `today`; `tracker` supplies statuses
/// (without it every task counts as not finished).
pub fn view(c: &Catalog, hits: &[Hit], tracker: Option<&Tracker>, today: NaiveDate) -> DueView {
    let mut groups: Vec<DueGroup> = Bucket::ALL
        .iter()
        .map(|&bucket| DueGroup {
            bucket,
            rows: Vec::new(),
        })
        .collect();
    let mut finished = Vec::new();
    for h in hits {
        let task = c.task(h.task);
        let due_dates = task.due.as_ref().map(When::of);
        let due = due_dates.and_then(|w| w.next_end(today));
        let status = match tracker {
            Some(t) => t.shown(c.data(), h.task.index(), today),
            None => Shown::of(None, task.due.as_ref(), today),
        };
        let row = DueRow {
            hit: h.clone(),
            bucket: deadline::bucket(task.due.as_ref(), today),
            due,
            days: due.map(|d| (d - today).num_days()),
            status,
        };
        if matches!(status, Shown::Done | Shown::Closed) {
            finished.push(row);
        } else {
            let g = Bucket::ALL
                .iter()
                .position(|&b| b == row.bucket)
                .expect("every bucket has a group");
            groups[g].rows.push(row);
        }
    }
    for g in &mut groups {
        // Soonest first; ties (and undated rows) in document order.
        g.rows
            .sort_by_key(|r| (r.due.unwrap_or(NaiveDate::MAX), r.hit.task));
    }
    DueView {
        today,
        groups,
        finished,
    }
}

/// `90d`, `12w`, `3m` (months of 30 days) or `90` as a number of days.
pub fn parse_within(s: &str) -> Option<i64> {
    let s = s.trim();
    let (num, unit) = match s.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() || "天日周月".contains(c) => (&s[..i], Some(c)),
        _ => (s, None),
    };
    let n: i64 = num.trim().parse().ok().filter(|&n| n >= 0)?;
    Some(match unit {
        None | Some('d' | 'D' | '天' | '日') => n,
        Some('w' | 'W' | '周') => n * 7,
        Some('m' | 'M' | '月') => n * 30,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_takes_days_weeks_and_months() {
        assert_eq!(parse_within("90d"), Some(90));
        assert_eq!(parse_within("90"), Some(90));
        assert_eq!(parse_within("2w"), Some(14));
        assert_eq!(parse_within("3m"), Some(90));
        assert_eq!(parse_within("30天"), Some(30));
        assert_eq!(parse_within("-3d"), None);
        assert_eq!(parse_within("soon"), None);
        assert_eq!(parse_within(""), None);
    }
}
