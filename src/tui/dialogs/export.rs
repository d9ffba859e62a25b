//! The export dialog (`e`): a format choice and a file name proposed from
//! what is shown (the filters, or the duty view's unit). The two always
//! agree: typing a name with a known extension picks that format, choosing
//! a format changes the name's extension, and a name whose extension is no
//! format fengong writes (`.xls`, `.doc`) is refused with what to type
//! instead — the rule of `fengong export` ([`export::format_for_path`]).
//! Enter writes the shown tasks with the CLI's 台账 records and title row;
//! an existing file is overwritten only after `y`; a failure stays in the
//! dialog. The folder and format of the last export are kept for the next
//! one ([`ExportMemory`]).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome, Status};
use crate::export::{self, Format};
use crate::progress::Tracker;
use crate::query::{Catalog, Filters, Hit, UnitPos};
use crate::text;
use crate::tui::action::Action;
use crate::tui::i18n::Lang;
use crate::tui::input::TextInput;
use crate::tui::keymap::help::{CANCEL, HintBar, NEXT_FIELD, dialog_bar, hint};
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::messages;
use crate::tui::view::Ctx;
use crate::tui::view::labels::doc_tag;
use crate::tui::view::text::{truncated, wrapped};
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

/// What the dialog remembers between exports in one session: the folder
/// the last file went to and its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportMemory {
    /// Where relative names go: the working folder until a first export.
    pub dir: PathBuf,
    /// The last format written; `None` before the first export (CSV).
    pub format: Option<Format>,
}

impl ExportMemory {
    /// Starting in `dir`, nothing exported yet.
    pub fn new(dir: PathBuf) -> ExportMemory {
        ExportMemory { dir, format: None }
    }
}

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

/// What the dialog writes, and what its title row says.
pub struct ExportTarget<'a> {
    pub cat: &'a Catalog,
    pub hits: &'a [Hit],
    /// The progress the 台账 columns come from; without one, every task is
    /// as an empty progress file has it (未启动, or 滞后 past its deadline).
    pub tracker: Option<&'a Tracker>,
    /// The data file as title rows name it ([`crate::bundled::DataOrigin::caption`]).
    pub data: &'a str,
    pub today: NaiveDate,
    /// For the messages.
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    /// Index into [`Format::offered`].
    pub format: usize,
    pub name: TextInput,
    pub field: ExportField,
    /// Waiting for "overwrite? y/n".
    pub confirm: bool,
    /// The user typed a name: a format change only changes its extension.
    name_edited: bool,
    scope: ExportScope,
    /// Where a relative name goes.
    dir: PathBuf,
    /// Whether the folder the name points into exists (checked as the
    /// name changes, not while drawing).
    folder_exists: bool,
    pub error: Option<String>,
}

impl ExportDialog {
    /// The dialog for `scope`, in the folder and format of the last export.
    pub fn open(scope: ExportScope, memory: &ExportMemory) -> ExportDialog {
        let chosen = memory.format.unwrap_or(Format::offered()[0]);
        let format = Format::offered()
            .iter()
            .position(|&f| f == chosen)
            .unwrap_or(0);
        let mut d = ExportDialog {
            format,
            name: TextInput::new(&scope.file_name(chosen)),
            field: ExportField::Format,
            confirm: false,
            name_edited: false,
            scope,
            dir: memory.dir.clone(),
            folder_exists: true,
            error: None,
        };
        d.check_folder();
        d
    }

    pub fn input_mode(&self) -> InputMode {
        match (self.confirm, self.field) {
            (true, _) => InputMode::Confirm,
            (false, ExportField::Format) => InputMode::Choice,
            (false, ExportField::Name) => InputMode::Text,
        }
    }

    /// The chosen format.
    pub fn chosen(&self) -> Format {
        Format::offered()[self.format]
    }

    /// Where the typed name writes: as typed when absolute, else in the
    /// dialog's folder; a name without an extension gets the chosen one's.
    pub fn target(&self) -> PathBuf {
        let name = self.name.text();
        let name = name.trim();
        let p = Path::new(name);
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.dir.join(p)
        };
        if p.extension().is_none() {
            let mut s = p.into_os_string();
            s.push(".");
            s.push(self.chosen().extension());
            PathBuf::from(s)
        } else {
            p
        }
    }

    /// The folder the file goes in, as the dialog shows it.
    pub fn folder(&self) -> PathBuf {
        match self.target().parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => self.dir.clone(),
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
                self.name = if self.name_edited {
                    TextInput::new(&with_format(&self.name.text(), self.chosen()))
                } else {
                    TextInput::new(&self.scope.file_name(self.chosen()))
                };
                self.error = None;
            }
            // Once the user types a name, it stays when the format changes.
            Action::Edit(e) if self.field == ExportField::Name && self.name.apply(&e) => {
                self.name_edited = true;
                self.error = None;
                self.follow_name();
                self.check_folder();
            }
            _ => {}
        }
        Outcome::Keep
    }

    /// The format choice follows a typed extension it knows (`x.xlsx` → XLSX).
    fn follow_name(&mut self) {
        let typed = self.name.text();
        if let Some(f) = Format::from_path(Path::new(typed.trim()))
            && let Some(i) = Format::offered().iter().position(|&o| o == f)
        {
            self.format = i;
        }
    }

    fn check_folder(&mut self) {
        self.folder_exists = self.folder().is_dir();
    }

    /// Writes the export: closes with a message on success, keeps the
    /// dialog (with the error) on failure, asks before overwriting. A name
    /// whose extension is no format fengong writes is refused unwritten.
    fn write(&mut self, to: &ExportTarget, overwrite: bool) -> Outcome {
        let path = self.target();
        let lang = to.lang;
        // Judged on the name as typed, so the advice is what to type.
        let typed = self.name.text();
        let typed = Path::new(typed.trim());
        let format = match typed.extension() {
            // No extension: the chosen format's is added.
            None => self.chosen(),
            Some(_) => match export::format_for_path(typed, None) {
                Ok(f) => f,
                Err(e) => return self.fail(lang, messages::format_error(lang, &e)),
            },
        };
        if !overwrite && std::fs::symlink_metadata(&path).is_ok() {
            self.confirm = true;
            return Outcome::Keep;
        }
        let s = lang.s();
        let records = export::records_with_progress(to.cat, to.hits, to.tracker, to.today);
        let progress = to.tracker.map(Tracker::path).filter(|p| p.exists());
        let caption = export::ledger::caption(
            &self.scope.filters,
            self.scope.unit.as_deref(),
            to.data,
            progress,
            to.today,
        );
        match export::write_file_titled(&path, format, &records, overwrite, &caption) {
            Ok((n, written)) => {
                let mut text = format!(
                    "{} {} ({n} {}, {})",
                    s.exported,
                    crate::sanitise::path(&path),
                    s.rows,
                    format.label()
                );
                for note in &written.notes {
                    text.push_str(" · ");
                    text.push_str(&messages::write_note(lang, note));
                }
                Outcome::Run(Command::Exported {
                    dir: self.folder(),
                    format,
                    said: Status::info(text),
                })
            }
            Err(e) => self.fail(lang, messages::write_error(lang, &e)),
        }
    }

    /// Keeps the dialog open with the reason; the status bar says it too.
    fn fail(&mut self, lang: Lang, why: String) -> Outcome {
        let text = format!("{}: {why}", lang.s().export_failed);
        self.confirm = false;
        self.error = Some(why);
        Outcome::KeepSaying(Status::error(text))
    }

    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, keys: &Keymap, area: Rect, rows: usize) {
        let s = ctx.s();
        let theme = ctx.theme;
        let r = centered(area, 64, 9);
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
        let pad = (label_w as usize).saturating_sub(text::width(s.format) + 1);
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
        let folder = crate::sanitise::path(&self.folder());
        let msg: Vec<Line> = if self.confirm {
            vec![Line::from(Span::styled(s.overwrite, theme.error))]
        } else if let Some(e) = &self.error {
            wrapped(e, w, theme.error).take(2).collect()
        } else if !self.folder_exists {
            wrapped(&format!("{}: {folder}", s.no_folder), w, theme.error)
                .take(2)
                .collect()
        } else {
            vec![Line::from(truncated(
                &format!("{}: {folder}", s.folder),
                w,
                theme.dim,
            ))]
        };
        f.render_widget(
            Paragraph::new(msg),
            Rect::new(
                body.x,
                y + 2,
                body.width,
                2.min(body.height.saturating_sub(4)),
            ),
        );
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

/// `name` with the extension of `format`: a name ending in letters after
/// a dot (`x.xls`, `x.csv`) has them replaced; any other name is kept (an
/// extension is added when writing).
fn with_format(name: &str, format: Format) -> String {
    let p = Path::new(name);
    match p.extension().and_then(|e| e.to_str()) {
        Some(e) if !e.is_empty() && e.chars().all(|c| c.is_ascii_alphabetic()) => {
            p.with_extension(format.extension()).display().to_string()
        }
        _ => name.to_owned(),
    }
}
