//! What the public entry points found in a text, remembered per thread.
//!
//! The extractor asks about the same paragraph many times — when it groups
//! paragraphs, when it decides what is a task, when it reads the task's
//! note, when it fills a deadline — and each answer depends on the text
//! alone (the document's rules are applied later, by [`super::NoteRules`]).
//! Parsing a note again for every question made up most of the time spent
//! on notes, so each answer is kept, by text, on the thread that asked.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

use super::{NoteMatch, ParsedNote};

/// Answers by text, with the bytes of text they keep.
pub(super) struct Memo<T> {
    answers: HashMap<Box<str>, T>,
    bytes: usize,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Self {
            answers: HashMap::new(),
            bytes: 0,
        }
    }
}

/// Past this many bytes of remembered text a memo starts again, so a huge
/// or hostile document cannot make it grow without bound.
const MAX_MEMO_BYTES: usize = 8 << 20;

thread_local! {
    pub(super) static NOTES: RefCell<Memo<Option<NoteMatch>>> = RefCell::default();
    pub(super) static ANNOTATIONS: RefCell<Memo<Option<ParsedNote>>> = RefCell::default();
    pub(super) static DEADLINES: RefCell<Memo<Option<String>>> = RefCell::default();
}

/// The answer for `text` from `memo`, or `compute()` (remembered). No
/// borrow is held while computing, so `compute` may ask again itself.
pub(super) fn remembered<T: Clone + 'static>(
    memo: &'static LocalKey<RefCell<Memo<T>>>,
    text: &str,
    compute: impl FnOnce() -> T,
) -> T {
    if let Some(found) = memo.with_borrow(|m| m.answers.get(text).cloned()) {
        return found;
    }
    let answer = compute();
    memo.with_borrow_mut(|m| {
        if m.bytes + text.len() > MAX_MEMO_BYTES {
            m.answers.clear();
            m.bytes = 0;
        }
        m.bytes += text.len();
        m.answers.insert(text.into(), answer.clone());
    });
    answer
}
