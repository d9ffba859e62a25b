//! A one-line text input that edits by characters (never bytes) and knows
//! the display width up to its caret, so the real terminal cursor can sit
//! there for Chinese input methods.

use crate::text;

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
}

impl TextInput {
    pub fn new(s: &str) -> TextInput {
        let chars: Vec<char> = s.chars().collect();
        TextInput {
            caret: chars.len(),
            chars,
        }
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
            Edit::Char(c) => {
                self.chars.insert(self.caret, *c);
                self.caret += 1;
                true
            }
            Edit::Paste(s) => {
                // Whole escape sequences go (crate::sanitise); a pasted line
                // break or tab would end a one-line input: keep the text.
                let clean = crate::sanitise::strip(s);
                let new: Vec<char> = clean.chars().filter(|c| !c.is_control()).collect();
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
        let w = |c: &char| text::width(c.encode_utf8(&mut [0; 4]));
        let span = |from: usize| -> usize { self.chars[from..self.caret].iter().map(w).sum() };
        let mut start = 0;
        while start < self.caret && span(start) >= width {
            start += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for c in &self.chars[start..] {
            if used + w(c) > width {
                break;
            }
            shown.push(*c);
            used += w(c);
        }
        (shown, span(start))
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
    fn long_text_scrolls_to_keep_caret_visible() {
        let t = TextInput::new("台山市发展和改革局");
        let (shown, col) = t.visible(6);
        assert!(text::width(&shown) <= 6);
        assert!(col < 6);
        assert!(shown.ends_with('局'));
    }
}
