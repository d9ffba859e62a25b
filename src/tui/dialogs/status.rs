//! The status picker (`s`): 未启动 / 推进中 / 已完成 / 已销号 for the
//! selected task, recorded on the explorer's day through the progress file
//! ([`Tracker::record`]: appended, saved atomically). 滞后 is not offered:
//! it follows from the deadline. A failed save stays in the dialog, with
//! the reason, and nothing else changes.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome, Status};
use crate::progress::{self, Change, Shown, Status as TaskStatus, Tracker};
use crate::query::{Catalog, TaskPos};
use crate::tui::action::Action;
use crate::tui::i18n::Strings;
use crate::tui::input::Edit;
use crate::tui::keymap::help::{CANCEL, HintBar, dialog_bar, hint};
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::view::Ctx;
use crate::tui::view::deadlines::{status_label, status_style};
use crate::tui::view::text::truncated;
use crate::tui::widgets::{block, centered, clear_overlay};

/// The picker's hint line.
pub static HINTS: HintBar = dialog_bar(
    InputMode::Choice,
    &[
        hint(&[Action::Up, Action::Down], "选择", "choose"),
        hint(&[Action::Submit], "记录", "record"),
        CANCEL,
    ],
);

/// What the progress dialogs record into: the open progress file, the
/// task data, the day recorded progress is about.
pub struct Recorder<'a> {
    pub tracker: &'a mut Tracker,
    pub cat: &'a Catalog,
    pub today: NaiveDate,
    /// The file was named with `--progress`: its folder must exist (a
    /// default file's folder is made on the first save).
    pub explicit: bool,
    pub strings: &'static Strings,
}

impl Recorder<'_> {
    /// Appends one change to the progress file; the message on failure.
    pub fn record(&mut self, change: Change) -> Result<(), String> {
        let s = self.strings;
        let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", s.progress_failed);
        progress::prepare_folder(self.tracker.path(), self.explicit).map_err(|e| fail(&e))?;
        self.tracker
            .record(self.cat.data(), vec![change])
            .map_err(|e| fail(&e))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusDialog {
    pub task: TaskPos,
    /// Index into [`TaskStatus::ALL`].
    pub choice: usize,
    /// The recorded status and the day it is about.
    pub current: Option<(TaskStatus, NaiveDate)>,
    /// `1. 标题`, for the title bar.
    pub title: String,
    pub today: NaiveDate,
    pub error: Option<String>,
}

impl StatusDialog {
    /// The picker on the status after the recorded one (未启动 → 推进中 →
    /// 已完成 → 已销号), the way a task moves through the 台账.
    pub fn open(
        task: TaskPos,
        title: String,
        current: Option<(TaskStatus, NaiveDate)>,
        today: NaiveDate,
    ) -> StatusDialog {
        let at = current.map_or(0, |(st, _)| {
            TaskStatus::ALL.iter().position(|&x| x == st).unwrap_or(0)
        });
        StatusDialog {
            task,
            choice: (at + 1).min(TaskStatus::ALL.len() - 1),
            current,
            title,
            today,
            error: None,
        }
    }

    pub fn chosen(&self) -> TaskStatus {
        TaskStatus::ALL[self.choice]
    }

    pub fn handle(&mut self, a: Action, rec: &mut Recorder) -> Outcome {
        let n = TaskStatus::ALL.len();
        match a {
            Action::Cancel => return Outcome::Close,
            Action::Up | Action::Collapse | Action::PrevField => {
                self.choice = (self.choice + n - 1) % n;
            }
            Action::Down | Action::Expand | Action::NextField => {
                self.choice = (self.choice + 1) % n;
            }
            // 1–4 pick directly.
            Action::Edit(Edit::Char(c @ '1'..='4')) => {
                self.choice = c as usize - '1' as usize;
            }
            Action::Submit => return self.submit(rec),
            _ => {}
        }
        Outcome::Keep
    }

    fn submit(&mut self, rec: &mut Recorder) -> Outcome {
        let status = self.chosen();
        let change = Change {
            task: self.task.index(),
            status: Some(status),
            note: None,
            date: self.today,
            unit: None,
            via: "explorer".into(),
        };
        let s = rec.strings;
        match rec.record(change) {
            Ok(()) => Outcome::Run(Command::Recorded(Status::info(format!(
                "{} {} · {}",
                s.recorded,
                status_label(s, shown(status)),
                self.title
            )))),
            Err(e) => {
                self.error = Some(e.clone());
                Outcome::KeepSaying(Status::error(e))
            }
        }
    }

    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, keys: &Keymap, area: Rect) {
        let s = ctx.s();
        let theme = ctx.theme;
        let r = centered(area, 56, 10);
        clear_overlay(f, r);
        let body = inner(r);
        let w = body.width as usize;
        f.render_widget(
            block(theme, format!("{} · {}", s.set_status, self.title), true),
            r,
        );
        let mut lines = Vec::new();
        let current = match self.current {
            Some((st, day)) => format!("{}: {} ({day})", s.current, status_label(s, shown(st))),
            None => format!("{}: {}", s.current, s.status_not_started),
        };
        lines.push(Line::from(truncated(&current, w, theme.dim)));
        lines.push(Line::from(""));
        for (i, &st) in TaskStatus::ALL.iter().enumerate() {
            let on = i == self.choice;
            let label = format!(
                "{} {} {}",
                if on { "›" } else { " " },
                i + 1,
                status_label(s, shown(st))
            );
            let style = if on {
                theme.selected
            } else {
                status_style(theme, shown(st))
            };
            lines.push(Line::from(Span::styled(
                crate::text::truncate_to_width(&label, w).to_owned(),
                style,
            )));
        }
        let foot = match &self.error {
            Some(e) => truncated(e, w, theme.error),
            None => truncated(
                &format!("{} {} · {}", s.date, self.today, s.lagging_derived),
                w,
                theme.dim,
            ),
        };
        lines.push(Line::from(foot));
        lines.push(Line::from(truncated(
            &keys.hint_line(&HINTS, ctx.lang),
            w,
            theme.dim,
        )));
        f.render_widget(Paragraph::new(lines).style(Style::new()), body);
    }
}

/// A recorded status as the 台账 words it.
fn shown(st: TaskStatus) -> Shown {
    Shown::of(Some(st), None, NaiveDate::MIN)
}
