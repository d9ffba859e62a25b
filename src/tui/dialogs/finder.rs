//! The unit finder (`u`, `Ctrl-P`): type a name (Chinese, pinyin,
//! initials, an alias); the matcher ranks units off the drawing thread and
//! the list shows them with their duties by role, as the duty view counts
//! them; Enter opens the selected unit's duties (once the results for what
//! was typed are in).
//!
//! Its core, [`UnitPicker`] (the typed name, the ranked units, the
//! selection), is also the filter dialog's unit field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome};
use crate::query::UnitPos;
use crate::text;
use crate::tui::action::Action;
use crate::tui::input::{Edit, TextInput};
use crate::tui::keymap::help::{HintBar, dialog_bar, hint};
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::matcher::{FinderItem, FinderResults, UnitMatcher};
use crate::tui::view::Ctx;
use crate::tui::view::labels::role_counts_label;
use crate::tui::view::text::{highlighted, truncated};
use crate::tui::widgets::{block, centered, clear_overlay, input_line};

/// The finder's hint line.
pub static HINTS: HintBar = dialog_bar(
    InputMode::Text,
    &[
        hint(&[], "输入名称", "type a name"),
        hint(&[Action::Up, Action::Down], "选择", "select"),
        hint(&[Action::Submit], "查看职责", "duties"),
        hint(&[Action::Cancel], "关闭", "close"),
    ],
);

/// A typed unit name and the units the matcher ranks for it, with one
/// selected. The matcher works on its own thread: every edit sends the
/// query, every tick polls for results.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitPicker {
    pub input: TextInput,
    pub results: FinderResults,
    pub cursor: usize,
    /// Results for the typed text have not arrived yet.
    pub pending: bool,
    /// Enter was pressed before they arrived: pick the best hit when they do.
    pub submit_when_ready: bool,
}

/// What a picker's Enter comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// The results are not in yet: Enter is kept until they are.
    Waiting,
    /// The selected unit.
    Unit(UnitPos),
    /// Nothing matches what was typed.
    Nothing,
}

impl UnitPicker {
    /// A picker holding `text`; the matcher starts ranking for it.
    pub fn new(text: &str, m: &mut dyn UnitMatcher) -> UnitPicker {
        m.set_query(text);
        let mut p = UnitPicker {
            input: TextInput::new(text),
            results: FinderResults {
                query: String::new(),
                hits: Vec::new(),
                total: 0,
                done: false,
            },
            cursor: 0,
            pending: true,
            submit_when_ready: false,
        };
        p.poll(m);
        p
    }

    /// Applies an edit; a changed text is sent to the matcher. Returns
    /// whether the text changed.
    pub fn edit(&mut self, e: &Edit, m: &mut dyn UnitMatcher) -> bool {
        let changed = self.input.apply(e);
        if changed {
            m.set_query(&self.input.text());
            self.pending = true;
        }
        self.poll(m);
        changed
    }

    /// ↑/↓/PgUp/PgDn move the selection; other actions are not for it.
    pub fn step(&mut self, a: &Action) -> bool {
        let d: isize = match a {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -10,
            Action::PageDown => 10,
            _ => return false,
        };
        let n = self.results.hits.len();
        if n > 0 {
            self.cursor = (self.cursor as isize + d).clamp(0, n as isize - 1) as usize;
        }
        true
    }

    /// Takes the matcher's newest results (every tick). Results for a
    /// query the user has typed past are ignored; early (partial) results
    /// are shown, but Enter waits for all. Returns whether results came.
    pub fn poll(&mut self, m: &mut dyn UnitMatcher) -> bool {
        match m.poll() {
            Some(r) => {
                let done = r.done;
                self.take(r, done)
            }
            None => false,
        }
    }

    /// Blocks up to `timeout` for the results of what is typed (tests and
    /// benchmarks; the event loop polls instead).
    pub fn wait(&mut self, m: &mut dyn UnitMatcher, timeout: std::time::Duration) -> bool {
        if !self.pending {
            return false;
        }
        match m.wait(timeout) {
            // Waited for: these are the results, complete or not.
            Some(r) => self.take(r, true),
            None => false,
        }
    }

    fn take(&mut self, r: FinderResults, done: bool) -> bool {
        if r.query != self.input.text() {
            return false;
        }
        self.pending = !done;
        self.results = r;
        self.cursor = 0;
        true
    }

    /// The selected unit, if any.
    pub fn selected(&self, items: &[FinderItem]) -> Option<UnitPos> {
        self.results
            .hits
            .get(self.cursor)
            .and_then(|h| items.get(h.index))
            .map(|i| i.unit)
    }

    /// Enter: the selected unit once the results for what was typed are in.
    pub fn submit(&mut self, items: &[FinderItem]) -> Picked {
        if self.pending {
            self.submit_when_ready = true;
            return Picked::Waiting;
        }
        self.submit_when_ready = false;
        self.selected(items).map_or(Picked::Nothing, Picked::Unit)
    }

    /// The ranked units in `area`, each with its duties by role, the
    /// selected one highlighted when `selection`; "no match" when nothing
    /// matches.
    pub fn draw_list(
        &self,
        f: &mut Frame,
        ctx: &Ctx,
        items: &[FinderItem],
        area: Rect,
        selection: bool,
    ) {
        let s = ctx.s();
        let theme = ctx.theme;
        let w = area.width as usize;
        let h = area.height as usize;
        let skip = (self.cursor + 1).saturating_sub(h);
        let lines: Vec<Line> = self
            .results
            .hits
            .iter()
            .enumerate()
            .skip(skip)
            .take(h)
            .map(|(i, hit)| {
                let Some(item) = items.get(hit.index) else {
                    return Line::from("");
                };
                let counts = role_counts_label(s, &ctx.cat.duty_counts(item.unit), false);
                let base = if selection && i == self.cursor {
                    theme.selected
                } else {
                    Style::new()
                };
                let room = w.saturating_sub(text::width(&counts) + 1);
                let label = text::truncate_to_width(&item.label, room);
                let n = label.chars().count();
                let ranges: Vec<(usize, usize)> = hit
                    .highlights
                    .iter()
                    .filter(|&&i| i < n)
                    .map(|&i| (i, i + 1))
                    .collect();
                let mut spans = highlighted(label, &ranges, base, theme.search);
                let pad = w.saturating_sub(text::width(label) + text::width(&counts));
                spans.push(Span::styled(" ".repeat(pad), base));
                spans.push(Span::styled(counts, base.patch(theme.count)));
                Line::from(spans)
            })
            .collect();
        if lines.is_empty() && !self.pending {
            f.render_widget(Paragraph::new(Span::styled(s.no_match, theme.dim)), area);
        } else {
            f.render_widget(Paragraph::new(lines), area);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finder {
    pub picker: UnitPicker,
}

impl Finder {
    /// An empty finder; the matcher starts ranking every unit.
    pub fn open(m: &mut dyn UnitMatcher) -> Finder {
        Finder {
            picker: UnitPicker::new("", m),
        }
    }

    /// Results are on their way.
    pub fn pending(&self) -> bool {
        self.picker.pending
    }

    /// Enter came before the results: keys typed now wait for them.
    pub fn holds_input(&self) -> bool {
        self.picker.submit_when_ready
    }

    pub fn handle(&mut self, a: Action, m: &mut dyn UnitMatcher, items: &[FinderItem]) -> Outcome {
        match a {
            Action::Cancel => Outcome::Close,
            Action::Submit => self.submit(items),
            Action::Edit(e) => {
                self.picker.edit(&e, m);
                self.after_results(items)
            }
            a => {
                self.picker.step(&a);
                Outcome::Keep
            }
        }
    }

    /// Takes the matcher's newest results (every tick).
    pub fn poll(&mut self, m: &mut dyn UnitMatcher, items: &[FinderItem]) -> Outcome {
        self.picker.poll(m);
        self.after_results(items)
    }

    /// Blocks up to `timeout` for the results of what is typed.
    pub fn wait(
        &mut self,
        m: &mut dyn UnitMatcher,
        items: &[FinderItem],
        timeout: std::time::Duration,
    ) -> Outcome {
        self.picker.wait(m, timeout);
        self.after_results(items)
    }

    /// An Enter that waited for the results acts once they are in.
    fn after_results(&mut self, items: &[FinderItem]) -> Outcome {
        if self.picker.submit_when_ready && !self.picker.pending {
            return self.submit(items);
        }
        Outcome::Keep
    }

    /// Enter: the selected unit's duties; before the results for what was
    /// typed have arrived, waits for them. Nothing matching: Enter did
    /// nothing, and is not kept for later.
    fn submit(&mut self, items: &[FinderItem]) -> Outcome {
        match self.picker.submit(items) {
            Picked::Unit(u) => Outcome::Run(Command::OpenDuty(u)),
            Picked::Waiting | Picked::Nothing => Outcome::Keep,
        }
    }

    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, keys: &Keymap, items: &[FinderItem], area: Rect) {
        let s = ctx.s();
        let theme = ctx.theme;
        let r = centered(
            area,
            area.width.saturating_mul(7) / 10,
            area.height.saturating_mul(7) / 10,
        );
        clear_overlay(f, r);
        f.render_widget(block(theme, s.finder.into(), true), r);
        let body = inner(r);
        let ir = Rect::new(body.x + 2, body.y, body.width.saturating_sub(2), 1);
        f.render_widget(
            Paragraph::new(Span::styled(">", theme.key)),
            Rect::new(body.x, body.y, 1, 1),
        );
        let list = Rect::new(
            body.x,
            body.y + 1,
            body.width,
            body.height.saturating_sub(2),
        );
        let hint = Rect::new(
            body.x,
            body.y + body.height.saturating_sub(1),
            body.width,
            1,
        );
        self.picker.draw_list(f, ctx, items, list, true);
        let hints = keys.hint_line(&HINTS, ctx.lang);
        f.render_widget(
            Paragraph::new(truncated(&hints, body.width as usize, theme.dim)),
            hint,
        );
        input_line(f, ir, &self.picker.input, Style::new(), true);
    }
}
