//! A document's short name: the tag the explorer puts before its goals and
//! tasks (`[000] 强化北部…`, `[江门市乡村]`) and its lists name it by.
//! Stored in the task-data file (`short_name`, docs/FORMAT.md); given with
//! `fengong extract --name NAME`, else made here from the file name or the
//! title, so a user's own plan never shows its whole file name there.

use crate::text;

/// Widest a short name is, in display columns (five CJK characters: enough to tell plans apart, and the goal title keeps the row).
pub const MAX_WIDTH: usize = 10;

/// The number a document's id (its file name) starts with, when it is
/// numbered as the bundled plans are (`000` for `000_f13ecef8831b900d`,
/// `12` for `12-规划`).
pub fn number_prefix(id: &str) -> Option<&str> {
    let digits = id.len() - id.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &id[digits..];
    (digits > 0 && (rest.is_empty() || rest.starts_with(['_', '-', '.', ' '])))
        .then(|| &id[..digits])
}

/// The short name of a document without a given one: the number its file
/// name starts with, else the first characters of its title (after a
/// leading 关于印发 / 关于 and opening quotes), else of its file name; at
/// most [`MAX_WIDTH`] columns.
pub fn derive(id: &str, title: &str) -> String {
    if let Some(n) = number_prefix(id) {
        return n.to_owned();
    }
    let t = title.trim();
    let t = t
        .strip_prefix("关于印发")
        .or_else(|| t.strip_prefix("关于"))
        .unwrap_or(t);
    let t = t.trim_start_matches(|c: char| c.is_whitespace() || "“”\"《「『【(（".contains(c));
    let from = if t.is_empty() { id } else { t };
    clip(from)
}

/// A name given with `--name`, cleaned for a tree row: controls removed,
/// spaces trimmed, at most [`MAX_WIDTH`] columns; `None` when nothing is left.
pub fn clean(name: &str) -> Option<String> {
    let kept: String = name.chars().filter(|c| !c.is_control()).collect();
    Some(clip(kept.trim())).filter(|s| !s.is_empty())
}

fn clip(s: &str) -> String {
    text::truncate_to_width(s, MAX_WIDTH).trim_end().to_owned()
}

/// `name`, or when it is taken, `name` with `2`, `3` … (cut so that it
/// stays within [`MAX_WIDTH`]).
pub fn unique(name: String, taken: &[String]) -> String {
    let mut candidate = name.clone();
    let mut n = 1;
    while taken.contains(&candidate) {
        n += 1;
        let suffix = n.to_string();
        let room = MAX_WIDTH.saturating_sub(suffix.len());
        candidate = format!("{}{suffix}", text::truncate_to_width(&name, room));
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_files_keep_their_number() {
        assert_eq!(derive("000_f13ecef8831b900d", "台山市…实施方案"), "000");
        assert_eq!(derive("12-规划", "x"), "12");
        assert_eq!(number_prefix("2023年规划"), None);
        assert_eq!(number_prefix("plan"), None);
    }

    #[test]
    fn other_documents_are_named_by_their_title() {
        assert_eq!(
            derive("my-plan", "江门市乡村振兴战略规划（2018—2022年）"),
            "江门市乡村"
        );
        assert_eq!(
            derive("x", "关于印发《开平市2023年重点工作》的通知"),
            "开平市2023"
        );
        assert_eq!(derive("my-plan", ""), "my-plan");
        assert!(text::width(&derive("a", &"很长的标题".repeat(9))) <= MAX_WIDTH);
    }

    #[test]
    fn given_names_are_cleaned_and_repeats_numbered() {
        assert_eq!(clean("  西部规划\u{1b}  ").as_deref(), Some("西部规划"));
        assert_eq!(clean(" \t "), None);
        let taken = ["江门市乡村".to_owned(), "江门市乡2".to_owned()];
        assert_eq!(unique("江门市乡村".into(), &taken[..1]), "江门市乡2");
        assert_eq!(unique("江门市乡村".into(), &taken), "江门市乡3");
        assert_eq!(unique("a".into(), &taken), "a");
    }
}
