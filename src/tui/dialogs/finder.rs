//! The unit finder (`u`, `Ctrl-P`): type a name (Chinese, pinyin,
//! initials, an alias); the matcher ranks units off the drawing thread and
//! the list shows them with their lead and partner counts; Enter opens the
//! selected unit's duties (once the results for what was typed are in).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome};
use crate::text;
use crate::tui::action::Action;
use crate::tui::input::TextInput;
use crate::tui::keymap::help::{HintBar, dialog_bar, hint};
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::matcher::{FinderItem, FinderResults, UnitMatcher};
use crate::tui::view::Ctx;
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

#[derive(Debug, Clone, PartialEq)]
pub struct Finder {
    pub input: TextInput,
    pub results: FinderResults,
    pub cursor: usize,
    /// Results for the typed text have not arrived yet.
    pub pending: bool,
    /// Enter was pressed before they arrived: open the best hit when they do.
    pub submit_when_ready: bool,
}

impl Finder {
    /// An empty finder; the matcher starts ranking every unit.
    pub fn open(m: &mut dyn UnitMatcher, items: &[FinderItem]) -> Finder {
        m.set_query("");
        let mut f = Finder {
            input: TextInput::default(),
            results: FinderResults {
                query: String::new(),
                hits: Vec::new(),
                done: false,
            },
            cursor: 0,
            pending: true,
            submit_when_ready: false,
        };
        f.poll(m, items);
        f
    }

    pub fn handle(&mut self, a: Action, m: &mut dyn UnitMatcher, items: &[FinderItem]) -> Outcome {
        match a {
            Action::Cancel => Outcome::Close,
            Action::Submit => self.submit(items),
            Action::Edit(e) => {
                if self.input.apply(&e) {
                    m.set_query(&self.input.text());
                    self.pending = true;
                }
                self.poll(m, items)
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let n = self.results.hits.len();
                if n > 0 {
                    let d: isize = match a {
                        Action::Up => -1,
                        Action::Down => 1,
                        Action::PageUp => -10,
                        _ => 10,
                    };
                    self.cursor = (self.cursor as isize + d).clamp(0, n as isize - 1) as usize;
                }
                Outcome::Keep
            }
            _ => Outcome::Keep,
        }
    }

    /// Takes the matcher's newest results (every tick). Results for a
    /// query the user has typed past are ignored; early (partial) results
    /// are shown, but Enter waits for all.
    pub fn poll(&mut self, m: &mut dyn UnitMatcher, items: &[FinderItem]) -> Outcome {
        match m.poll() {
            Some(r) => {
                let done = r.done;
                self.take(r, done, items)
            }
            None => Outcome::Keep,
        }
    }

    /// Blocks up to `timeout` for the results of what is typed (tests and
    /// benchmarks; the event loop polls instead).
    pub fn wait(
        &mut self,
        m: &mut dyn UnitMatcher,
        items: &[FinderItem],
        timeout: std::time::Duration,
    ) -> Outcome {
        if !self.pending {
            return Outcome::Keep;
        }
        match m.wait(timeout) {
            // Waited for: these are the results, complete or not.
            Some(r) => self.take(r, true, items),
            None => Outcome::Keep,
        }
    }

    fn take(&mut self, r: FinderResults, done: bool, items: &[FinderItem]) -> Outcome {
        if r.query != self.input.text() {
            return Outcome::Keep;
        }
        self.pending = !done;
        self.results = r;
        self.cursor = 0;
        if self.submit_when_ready && !self.pending {
            return self.submit(items);
        }
        Outcome::Keep
    }

    /// Enter: the selected unit's duties; before the results for what was
    /// typed have arrived, waits for them.
    fn submit(&mut self, items: &[FinderItem]) -> Outcome {
        if self.pending {
            self.submit_when_ready = true;
            return Outcome::Keep;
        }
        let unit = self
            .results
            .hits
            .get(self.cursor)
            .and_then(|h| items.get(h.index))
            .map(|i| i.unit);
        match unit {
            Some(u) => Outcome::Run(Command::OpenDuty(u)),
            // Nothing matches: Enter did nothing, and is not kept for later.
            None => {
                self.submit_when_ready = false;
                Outcome::Keep
            }
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
        let w = list.width as usize;
        let h = list.height as usize;
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
                let counts = format!(
                    "{} {} · {} {}",
                    s.role_lead,
                    ctx.cat.lead_count(item.unit),
                    s.role_partner,
                    ctx.cat.partner_count(item.unit)
                );
                let base = if i == self.cursor {
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
            f.render_widget(Paragraph::new(Span::styled(s.no_match, theme.dim)), list);
        } else {
            f.render_widget(Paragraph::new(lines), list);
        }
        let hints = keys.hint_line(&HINTS, ctx.lang);
        f.render_widget(Paragraph::new(truncated(&hints, w, theme.dim)), hint);
        input_line(f, ir, &self.input, Style::new(), true);
    }
}
