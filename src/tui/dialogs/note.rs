//! The progress note (`a`): a dated note for the selected task, with the
//! unit that reported it when there is one (a name, alias or abbreviation,
//! recorded by its canonical name), appended to the progress file through
//! [`crate::progress::Tracker::record`]. The day is the explorer's
//! (`--today`) unless another is typed. A failed save stays in the dialog.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome, Status};
use super::status::Recorder;
use crate::progress::{self, Change};
use crate::query::TaskPos;
use crate::text;
use crate::tui::action::Action;
use crate::tui::input::TextInput;
use crate::tui::keymap::help::{CANCEL, HintBar, NEXT_FIELD, dialog_bar, hint};
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::view::Ctx;
use crate::tui::view::text::truncated;
use crate::tui::widgets::{block, centered, clear_overlay, input_line};

/// The dialog's hint line.
pub static HINTS: HintBar = dialog_bar(
    InputMode::Text,
    &[
        NEXT_FIELD,
        hint(&[Action::Submit], "记录", "record"),
        CANCEL,
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteField {
    Note,
    Unit,
    Date,
}

impl NoteField {
    const ALL: [NoteField; 3] = [NoteField::Note, NoteField::Unit, NoteField::Date];
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteDialog {
    pub task: TaskPos,
    /// `1. 标题`, for the title bar.
    pub title: String,
    pub note: TextInput,
    pub unit: TextInput,
    pub date: TextInput,
    pub field: NoteField,
    /// Where the note is saved, shown until something goes wrong.
    pub file: String,
    pub error: Option<String>,
}

impl NoteDialog {
    /// An empty note for `task`; `unit` proposes the reporting unit (the
    /// unit whose duties or deadlines are shown), `today` the day.
    pub fn open(
        task: TaskPos,
        title: String,
        unit: Option<&str>,
        today: NaiveDate,
        file: String,
    ) -> NoteDialog {
        NoteDialog {
            task,
            title,
            note: TextInput::default(),
            unit: TextInput::new(unit.unwrap_or("")),
            date: TextInput::new(&today.to_string()),
            field: NoteField::Note,
            file,
            error: None,
        }
    }

    fn input(&mut self) -> &mut TextInput {
        match self.field {
            NoteField::Note => &mut self.note,
            NoteField::Unit => &mut self.unit,
            NoteField::Date => &mut self.date,
        }
    }

    fn step(&mut self, forward: bool) {
        let all = NoteField::ALL;
        let i = all.iter().position(|&f| f == self.field).unwrap_or(0);
        let n = all.len();
        self.field = all[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    pub fn handle(&mut self, a: Action, rec: &mut Recorder) -> Outcome {
        match a {
            Action::Cancel => return Outcome::Close,
            Action::NextField | Action::Down => self.step(true),
            Action::PrevField | Action::Up => self.step(false),
            Action::Edit(e) => {
                self.input().apply(&e);
            }
            Action::Submit => return self.submit(rec),
            _ => {}
        }
        Outcome::Keep
    }

    /// Checks the fields (a note, a date, a unit that names one unit) and
    /// records the note; a problem stays in the dialog on its field.
    fn submit(&mut self, rec: &mut Recorder) -> Outcome {
        let s = rec.strings;
        let note = self.note.text().trim().to_owned();
        if note.is_empty() {
            return self.fail(NoteField::Note, s.need_note.to_owned());
        }
        let Some(date) = crate::deadline::parse_iso(&self.date.text()) else {
            return self.fail(NoteField::Date, s.bad_date.to_owned());
        };
        let written = self.unit.text().trim().to_owned();
        let unit = if written.is_empty() {
            None
        } else {
            match progress::reporting_unit(rec.cat, &written) {
                Ok(u) => Some(u),
                Err(names) => {
                    let msg = format!("{written} {}: {}", s.several_units, names.join("、"));
                    return self.fail(NoteField::Unit, msg);
                }
            }
        };
        let change = Change {
            task: self.task.index(),
            status: None,
            note: Some(note),
            date,
            unit,
            via: "explorer".into(),
        };
        match rec.record(change) {
            Ok(()) => Outcome::Run(Command::Recorded(Status::info(format!(
                "{} {} · {date} · {}",
                s.recorded, s.note, self.title
            )))),
            Err(e) => {
                self.error = Some(e.clone());
                Outcome::KeepSaying(Status::error(e))
            }
        }
    }

    fn fail(&mut self, field: NoteField, msg: String) -> Outcome {
        self.field = field;
        self.error = Some(msg.clone());
        Outcome::KeepSaying(Status::error(msg))
    }

    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, keys: &Keymap, area: Rect) {
        let s = ctx.s();
        let theme = ctx.theme;
        let r = centered(area, 72, 9);
        clear_overlay(f, r);
        f.render_widget(
            block(theme, format!("{} · {}", s.add_note, self.title), true),
            r,
        );
        let body = inner(r);
        let w = body.width as usize;
        let labels = [s.note, s.reported_by, s.date];
        let label_w = labels.iter().map(|l| text::width(l)).max().unwrap_or(4) + 2;
        let typed = Style::new().add_modifier(Modifier::UNDERLINED);
        for (i, (field, label)) in NoteField::ALL.iter().zip(labels).enumerate() {
            let y = body.y + i as u16;
            if y >= body.bottom() {
                break;
            }
            let on = *field == self.field;
            let text = format!("{}{label}", if on { "›" } else { " " });
            f.render_widget(
                Paragraph::new(Span::styled(text, if on { theme.key } else { theme.dim })),
                Rect::new(body.x, y, label_w as u16, 1),
            );
            let input = match field {
                NoteField::Note => &self.note,
                NoteField::Unit => &self.unit,
                NoteField::Date => &self.date,
            };
            let ir = Rect::new(
                body.x + label_w as u16,
                y,
                body.width.saturating_sub(label_w as u16),
                1,
            );
            input_line(f, ir, input, typed, on);
        }
        let msg = match &self.error {
            Some(e) => truncated(e, w, theme.error),
            None => truncated(&format!("{} {}", s.saved_in, self.file), w, theme.dim),
        };
        let y = body.y + 4;
        if y < body.bottom() {
            f.render_widget(Paragraph::new(msg), Rect::new(body.x, y, body.width, 1));
        }
        f.render_widget(
            Paragraph::new(truncated(&keys.hint_line(&HINTS, ctx.lang), w, theme.dim)),
            Rect::new(
                body.x,
                body.y + body.height.saturating_sub(1),
                body.width,
                1,
            ),
        );
    }
}
