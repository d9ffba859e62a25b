//! Search marks: the finder's engine gives the characters a query matched
//! as char positions (`[3, 4, 7]`); the lines are styled by char ranges
//! (`[(3, 5), (7, 8)]`).

use std::collections::HashMap;

use super::text::CharRanges;
use crate::query::TaskPos;

/// `positions` (ascending char positions) as ranges, shifted by `offset`
/// (a prefix the line puts before the text, such as the task number).
pub fn ranges(positions: &[usize], offset: usize) -> CharRanges {
    let mut out: CharRanges = Vec::new();
    for &p in positions {
        let p = p + offset;
        match out.last_mut() {
            Some((_, end)) if *end == p => *end += 1,
            _ => out.push((p, p + 1)),
        }
    }
    out
}

/// Where the search matched in task titles, by task.
pub type TitleMarks = HashMap<TaskPos, Vec<usize>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_become_ranges() {
        assert_eq!(ranges(&[3, 4, 7], 0), [(3, 5), (7, 8)]);
        assert_eq!(ranges(&[0], 3), [(3, 4)]);
        assert!(ranges(&[], 2).is_empty());
    }
}
