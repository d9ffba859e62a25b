//! A one-line text input that edits by characters (never bytes) and knows
//! the display width up to its caret, so the real terminal cursor can sit
//! there for Chinese input methods.
//!
//! Every edit and every frame costs time in proportion to the field's
//! width, never to its length: a huge paste (a whole document pasted into
//! the finder) is cut to [`MAX_CHARS`] and said so ([`TextInput::take_cut`]),
//! and what is shown is found by walking back from the caret.

use crate::text;

/// The most characters a one-line input holds: far more than any unit
/// name, query or file name, few enough that matching stays instant.
pub const MAX_CHARS: usize = 1000;

/// One editing step, produced by the keymap from keys or a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Char(char),
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-U: clear the whole input.
    Clear,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    chars: Vec<char>,
    caret: usize,
    /// An edit since the last [`TextInput::take_cut`] lost characters to
    /// [`MAX_CHARS`].
    cut: bool,
}

impl TextInput {
    pub fn new(s: &str) -> TextInput {
        let chars: Vec<char> = s.chars().take(MAX_CHARS).collect();
        TextInput {
            caret: chars.len(),
            chars,
            cut: false,
        }
    }

    /// Whether an edit lost characters to [`MAX_CHARS`] since the last call.
    pub fn take_cut(&mut self) -> bool {
        std::mem::take(&mut self.cut)
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn caret(&self) -> usize {
        self.caret
    }

    /// Applies an edit; returns whether the text changed.
    pub fn apply(&mut self, e: &Edit) -> bool {
        match e {
            Edit::Char(_) if self.chars.len() >= MAX_CHARS => {
                self.cut = true;
                false
            }
            Edit::Char(c) => {
                self.chars.insert(self.caret, *c);
                self.caret += 1;
                true
            }
            Edit::Paste(s) => {
                // Whole escape sequences go (crate::sanitise); a pasted line
                // break or tab would end a one-line input: keep the text.
                let clean = crate::sanitise::strip(s);
                let room = MAX_CHARS.saturating_sub(self.chars.len());
                let mut kept = clean.chars().filter(|c| !c.is_control());
                let new: Vec<char> = kept.by_ref().take(room).collect();
                if kept.next().is_some() {
                    self.cut = true;
                }
                let n = new.len();
                self.chars.splice(self.caret..self.caret, new);
                self.caret += n;
                n > 0
            }
            Edit::Backspace if self.caret > 0 => {
                self.caret -= 1;
                self.chars.remove(self.caret);
                true
            }
            Edit::Delete if self.caret < self.chars.len() => {
                self.chars.remove(self.caret);
                true
            }
            Edit::Left => {
                self.caret = self.caret.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.caret = (self.caret + 1).min(self.chars.len());
                false
            }
            Edit::Home => {
                self.caret = 0;
                false
            }
            Edit::End => {
                self.caret = self.chars.len();
                false
            }
            Edit::Clear => {
                let changed = !self.chars.is_empty();
                self.chars.clear();
                self.caret = 0;
                changed
            }
            Edit::Backspace | Edit::Delete => false,
        }
    }

    /// The part of the text to show in `width` columns, and the caret's
    /// column within it: the view scrolls so the caret stays visible.
    pub fn visible(&self, width: usize) -> (String, usize) {
        let width = width.max(2);
        // Back from the caret while the caret's column stays inside.
        let mut start = self.caret;
        let mut col = 0;
        while start > 0 {
            let cw = text::char_width(self.chars[start - 1]);
            if col + cw >= width {
                break;
            }
            col += cw;
            start -= 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for &c in &self.chars[start..] {
            let cw = text::char_width(c);
            if used + cw > width {
                break;
            }
            shown.push(c);
            used += cw;
        }
        (shown, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_and_tracks_caret_width() {
        let mut t = TextInput::default();
        for c in "台山a".chars() {
            t.apply(&Edit::Char(c));
        }
        assert_eq!(t.visible(20), ("台山a".to_owned(), 5));
        t.apply(&Edit::Left);
        t.apply(&Edit::Backspace);
        assert_eq!(t.text(), "台a");
        assert_eq!(t.visible(20).1, 2);
        t.apply(&Edit::Paste("市\n发改".into()));
        assert_eq!(t.text(), "台市发改a");
        assert_eq!(t.caret(), 4);
    }

    #[test]
    fn an_over_long_paste_or_burst_is_cut_and_says_so() {
        let mut t = TextInput::default();
        let long: String = "台山".repeat(MAX_CHARS);
        assert!(t.apply(&Edit::Paste(long)));
        assert_eq!(t.text().chars().count(), MAX_CHARS);
        assert!(t.take_cut());
        assert!(!t.take_cut(), "said once");
        assert!(!t.apply(&Edit::Char('x')), "full: a key is refused");
        assert!(t.take_cut());
        t.apply(&Edit::Backspace);
        assert!(t.apply(&Edit::Char('x')));
        assert!(!t.take_cut());
        // What is shown is the end, the caret at its right.
        let (shown, col) = t.visible(10);
        assert!(shown.ends_with('x'), "{shown}");
        assert_eq!(col, text::width(&shown));
        t.apply(&Edit::Home);
        let (shown, col) = t.visible(10);
        assert_eq!((shown.as_str(), col), ("台山台山台", 0));
    }

    #[test]
    fn long_text_scrolls_to_keep_caret_visible() {
        let t = TextInput::new("台山市发展和改革局");
        let (shown, col) = t.visible(6);
        assert!(text::width(&shown) <= 6);
        assert!(col < 6);
        assert!(shown.ends_with('局'));
    }
}
