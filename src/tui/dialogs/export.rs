//! The export dialog (`e`): a format choice and a file name proposed from
//! what is shown (the filters, or the duty view's unit). Enter writes the
//! shown tasks with the same records as `fengong export`; an existing file
//! is overwritten only after `y`; a failure stays in the dialog.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome, Status};
use crate::export::{self, Format};
use crate::query::{Catalog, Filters, Hit, UnitPos};
use crate::text;
use crate::tui::action::Action;
use crate::tui::i18n::Strings;
use crate::tui::input::TextInput;
use crate::tui::keymap::help::{CANCEL, HintBar, NEXT_FIELD, dialog_bar, hint};
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::view::Ctx;
use crate::tui::view::labels::doc_tag;
use crate::tui::view::text::truncated;
use crate::tui::widgets::{block, centered, clear_overlay, input_line};

/// The dialog's hint line.
pub static HINTS: HintBar = dialog_bar(
    InputMode::Choice,
    &[
        NEXT_FIELD,
        hint(&[Action::Collapse, Action::Expand], "格式", "format"),
        hint(&[Action::Submit], "导出", "export"),
        CANCEL,
    ],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportField {
    Format,
    Name,
}

/// What is being exported, for the proposed file name: the filters (with
/// names, not ids) and the unit when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportScope {
    filters: Filters,
    unit: Option<String>,
}

impl ExportScope {
    /// A unit's duty view.
    pub fn duty(c: &Catalog, unit: UnitPos) -> ExportScope {
        ExportScope {
            filters: Filters::default(),
            unit: Some(c.unit(unit).name.clone()),
        }
    }

    /// The filtered tree; `units` are the units the unit filter resolved to.
    pub fn view(c: &Catalog, filters: &Filters, units: &[UnitPos]) -> ExportScope {
        let mut f = filters.clone();
        if let Some(d) = &f.doc
            && let Some(doc) = c.doc_pos(&d.as_str().into()).and_then(|p| c.document(p))
        {
            f.doc = Some(doc_tag(&doc.id.0).to_owned());
        }
        if let Some(r) = &f.region
            && let Some(region) = c.region_pos(&r.as_str().into()).and_then(|p| c.region(p))
        {
            f.region = Some(region.name.clone());
        }
        ExportScope {
            filters: f,
            unit: match units {
                [u] => Some(c.unit(*u).name.clone()),
                _ => None,
            },
        }
    }

    fn file_name(&self, format: Format) -> String {
        export::suggest_file_name(&self.filters, self.unit.as_deref(), format)
    }
}

/// What the dialog writes and where relative names go.
pub struct ExportTarget<'a> {
    pub cat: &'a Catalog,
    pub hits: &'a [Hit],
    pub dir: &'a Path,
    /// For the messages.
    pub strings: &'static Strings,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    /// Index into [`Format::offered`].
    pub format: usize,
    pub name: TextInput,
    pub field: ExportField,
    /// Waiting for "overwrite? y/n".
    pub confirm: bool,
    /// The user typed a name: stop proposing one when the format changes.
    name_edited: bool,
    scope: ExportScope,
    pub error: Option<String>,
}

impl ExportDialog {
    pub fn open(scope: ExportScope) -> ExportDialog {
        let format = 0;
        ExportDialog {
            format,
            name: TextInput::new(&scope.file_name(Format::offered()[format])),
            field: ExportField::Format,
            confirm: false,
            name_edited: false,
            scope,
            error: None,
        }
    }

    pub fn input_mode(&self) -> InputMode {
        match (self.confirm, self.field) {
            (true, _) => InputMode::Confirm,
            (false, ExportField::Format) => InputMode::Choice,
            (false, ExportField::Name) => InputMode::Text,
        }
    }

    pub fn handle(&mut self, a: Action, to: &ExportTarget) -> Outcome {
        match a {
            Action::Confirm(yes) => {
                self.confirm = false;
                if yes {
                    return self.write(to, true);
                }
            }
            Action::Cancel => return Outcome::Close,
            Action::Submit if !self.name.text().trim().is_empty() => return self.write(to, false),
            Action::NextField | Action::PrevField | Action::Up | Action::Down => {
                self.field = match self.field {
                    ExportField::Format => ExportField::Name,
                    ExportField::Name => ExportField::Format,
                };
            }
            Action::Collapse | Action::Expand => {
                let n = Format::offered().len();
                self.format = if a == Action::Expand {
                    (self.format + 1) % n
                } else {
                    (self.format + n - 1) % n
                };
                if !self.name_edited {
                    self.name = TextInput::new(&self.scope.file_name(self.chosen()));
                }
            }
            Action::Edit(e) if self.field == ExportField::Name => {
                // Once the user types a name, it stays when the format changes.
                self.name_edited |= self.name.apply(&e);
            }
            _ => {}
        }
        Outcome::Keep
    }

    fn chosen(&self) -> Format {
        Format::offered()[self.format]
    }

    /// Writes the export: closes with a message on success, keeps the
    /// dialog (with the error) on failure, asks before overwriting.
    fn write(&mut self, to: &ExportTarget, overwrite: bool) -> Outcome {
        let path = resolve(to.dir, self.name.text().trim());
        if !overwrite && path.exists() {
            self.confirm = true;
            return Outcome::Keep;
        }
        let s = to.strings;
        let records = export::records(to.cat, to.hits);
        match export::write_file(&path, self.chosen(), &records, overwrite) {
            Ok(n) => Outcome::Run(Command::Say(Status::info(format!(
                "{} {} ({n} {})",
                s.exported,
                path.display(),
                s.rows
            )))),
            Err(e) => {
                let text = format!("{}: {e}", s.export_failed);
                self.confirm = false;
                self.error = Some(text.clone());
                Outcome::KeepSaying(Status::error(text))
            }
        }
    }

    pub fn draw(
        &self,
        f: &mut Frame,
        ctx: &Ctx,
        keys: &Keymap,
        area: Rect,
        dir: &Path,
        rows: usize,
    ) {
        let s = ctx.s();
        let theme = ctx.theme;
        let r = centered(area, 64, 8);
        clear_overlay(f, r);
        f.render_widget(
            block(
                theme,
                format!("{} · {rows} {}", s.export_title, s.rows),
                true,
            ),
            r,
        );
        let body = inner(r);
        let label_w = 8u16;
        let on_format = self.field == ExportField::Format;
        let mut spans = vec![Span::styled(
            format!("{}{}", if on_format { "›" } else { " " }, s.format),
            if on_format { theme.key } else { theme.dim },
        )];
        let pad = label_w as usize - text::width(s.format) - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        for (i, fmt) in Format::offered().iter().enumerate() {
            let st = if i == self.format {
                theme.selected
            } else {
                Style::new()
            };
            spans.push(Span::styled(format!(" {} ", fmt.label()), st));
        }
        f.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect::new(body.x, body.y, body.width, 1),
        );
        let y = body.y + 2;
        let on_name = self.field == ExportField::Name;
        f.render_widget(
            Paragraph::new(Span::styled(
                format!("{}{}", if on_name { "›" } else { " " }, s.file),
                if on_name { theme.key } else { theme.dim },
            )),
            Rect::new(body.x, y, label_w, 1),
        );
        let ir = Rect::new(body.x + label_w, y, body.width.saturating_sub(label_w), 1);
        let typed = Style::new().add_modifier(Modifier::UNDERLINED);
        input_line(f, ir, &self.name, typed, on_name && !self.confirm);
        let w = body.width as usize;
        let msg = if self.confirm {
            Span::styled(s.overwrite, theme.error)
        } else if let Some(e) = &self.error {
            truncated(e, w, theme.error)
        } else {
            truncated(&dir.display().to_string(), w, theme.dim)
        };
        f.render_widget(Paragraph::new(msg), Rect::new(body.x, y + 2, body.width, 1));
        let hints = keys.hint_line(&HINTS, ctx.lang);
        f.render_widget(
            Paragraph::new(truncated(&hints, w, theme.dim)),
            Rect::new(
                body.x,
                body.y + body.height.saturating_sub(1),
                body.width,
                1,
            ),
        );
    }
}

/// Where a typed name goes: as is when absolute, else in `dir`.
fn resolve(dir: &Path, name: &str) -> PathBuf {
    let p = Path::new(name);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        dir.join(p)
    }
}
