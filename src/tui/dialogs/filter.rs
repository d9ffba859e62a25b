//! The filter dialog (`f`): document, region and role are choices (←/→,
//! or type part of a name on document and region); unit and text are
//! typed. Enter checks the names and hands the filters to the explorer;
//! an unknown name keeps the dialog open with the reason. Also how the
//! status bar sums up the active filters, in the dialog's words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::outcome::{Command, Outcome};
use crate::query::{Catalog, DocPos, Filters, RegionPos, Role};
use crate::tui::action::Action;
use crate::tui::i18n::Strings;
use crate::tui::input::{Edit, TextInput};
use crate::tui::keymap::help::{CANCEL, HintBar, NEXT_FIELD, dialog_bar, hint};
use crate::tui::keymap::{InputMode, Keymap};
use crate::tui::layout::inner;
use crate::tui::view::Ctx;
use crate::tui::view::labels::{doc_label, doc_tag};
use crate::tui::view::text::truncated;
use crate::tui::widgets::{block, centered, clear_overlay, input_line};

/// The dialog's fields, top to bottom (Tab order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Doc,
    Region,
    Role,
    Unit,
    Text,
}

impl FilterField {
    pub const ALL: [FilterField; 5] = [
        FilterField::Doc,
        FilterField::Region,
        FilterField::Role,
        FilterField::Unit,
        FilterField::Text,
    ];

    /// A choice (←/→ cycle it) rather than typed text.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            FilterField::Doc | FilterField::Region | FilterField::Role
        )
    }

    fn label(self, s: &Strings) -> &'static str {
        match self {
            FilterField::Doc => s.doc,
            FilterField::Region => s.region,
            FilterField::Role => s.role,
            FilterField::Unit => s.unit,
            FilterField::Text => s.text,
        }
    }

    fn step(self, forward: bool) -> FilterField {
        let n = Self::ALL.len();
        let i = Self::ALL.iter().position(|&f| f == self).unwrap_or(0);
        Self::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// The dialog's hint line.
pub static HINTS: HintBar = dialog_bar(
    InputMode::Choice,
    &[
        NEXT_FIELD,
        hint(&[Action::Collapse, Action::Expand], "选择", "choose"),
        hint(&[Action::Submit], "应用", "apply"),
        CANCEL,
    ],
);

#[derive(Debug, Clone, PartialEq)]
pub struct FilterDialog {
    pub field: FilterField,
    /// `None`: every document.
    pub doc: Option<DocPos>,
    /// `None`: every region.
    pub region: Option<RegionPos>,
    pub role: Role,
    pub unit: TextInput,
    pub text: TextInput,
    /// What was typed on the document or region choice (type-ahead).
    typeahead: String,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl FilterDialog {
    /// The dialog showing the filters in force.
    pub fn open(c: &Catalog, f: &Filters) -> FilterDialog {
        FilterDialog {
            field: FilterField::Doc,
            doc: f.doc.as_ref().and_then(|d| c.doc_pos(&d.as_str().into())),
            region: f
                .region
                .as_ref()
                .and_then(|r| c.region_pos(&r.as_str().into())),
            role: f.role,
            unit: TextInput::new(f.unit.as_deref().unwrap_or("")),
            text: TextInput::new(f.text.as_deref().unwrap_or("")),
            typeahead: String::new(),
            error: None,
        }
    }

    pub fn input_mode(&self) -> InputMode {
        if self.field.is_choice() {
            InputMode::Choice
        } else {
            InputMode::Text
        }
    }

    pub fn handle(&mut self, a: Action, c: &Catalog) -> Outcome {
        match a {
            Action::Cancel => return Outcome::Close,
            Action::Submit => return self.submit(c),
            Action::NextField | Action::Down | Action::PrevField | Action::Up => {
                self.typeahead.clear();
                self.field = self
                    .field
                    .step(matches!(a, Action::NextField | Action::Down));
            }
            Action::Collapse | Action::Expand => self.cycle(c, a == Action::Expand),
            Action::Edit(e) => match self.field {
                FilterField::Doc | FilterField::Region => self.type_ahead(c, &e),
                FilterField::Unit => {
                    self.unit.apply(&e);
                }
                FilterField::Text => {
                    self.text.apply(&e);
                }
                FilterField::Role => {}
            },
            _ => {}
        }
        Outcome::Keep
    }

    fn submit(&mut self, c: &Catalog) -> Outcome {
        let non_empty = |t: &TextInput| Some(t.text().trim().to_owned()).filter(|s| !s.is_empty());
        let f = Filters {
            doc: self.doc.and_then(|d| c.document(d)).map(|d| d.id.0.clone()),
            region: self
                .region
                .and_then(|r| c.region(r))
                .map(|r| r.id.0.clone()),
            role: self.role,
            unit: non_empty(&self.unit),
            text: non_empty(&self.text),
        };
        match c.check(&f) {
            Ok(()) => Outcome::Run(Command::SetFilters(f)),
            Err(e) => {
                self.error = Some(e.to_string());
                Outcome::Keep
            }
        }
    }

    /// ←/→ on a choice: the next or previous document, region or role
    /// ("all" between the last and the first).
    fn cycle(&mut self, c: &Catalog, forward: bool) {
        fn step(v: Option<u32>, n: usize, forward: bool) -> Option<u32> {
            // 0 = all, then the positions.
            let i = v.map_or(0, |p| p as usize + 1);
            let j = if forward {
                (i + 1) % (n + 1)
            } else {
                (i + n) % (n + 1)
            };
            j.checked_sub(1).map(|p| p as u32)
        }
        match self.field {
            FilterField::Doc => {
                self.doc = step(self.doc.map(|d| d.0), c.documents().len(), forward).map(DocPos)
            }
            FilterField::Region => {
                self.region =
                    step(self.region.map(|r| r.0), c.regions().len(), forward).map(RegionPos)
            }
            FilterField::Role => {
                self.role = if forward {
                    self.role.next()
                } else {
                    self.role.prev()
                }
            }
            FilterField::Unit | FilterField::Text => {}
        }
    }

    /// Typing on the document or region choice picks the first one whose
    /// name (or document title) contains what was typed, so a region among
    /// dozens is a few keys away.
    fn type_ahead(&mut self, c: &Catalog, e: &Edit) {
        match e {
            Edit::Char(ch) => self.typeahead.push(*ch),
            Edit::Paste(p) => self.typeahead.push_str(p),
            Edit::Backspace => {
                self.typeahead.pop();
            }
            Edit::Clear => self.typeahead.clear(),
            _ => return,
        }
        let q = self.typeahead.as_str();
        if q.is_empty() {
            return;
        }
        if self.field == FilterField::Doc {
            if let Some(i) = c
                .documents()
                .iter()
                .position(|d| d.title.contains(q) || d.id.0.starts_with(q))
            {
                self.doc = Some(DocPos::new(i));
            }
        } else if let Some(i) = c
            .regions()
            .iter()
            .position(|r| r.name.contains(q) || r.id.0.contains(q))
        {
            self.region = Some(RegionPos::new(i));
        }
    }

    /// The shown value of a choice field.
    fn choice(&self, ctx: &Ctx, field: FilterField) -> String {
        let s = ctx.s();
        let c = ctx.cat;
        match field {
            FilterField::Doc => self
                .doc
                .and_then(|d| c.document(d))
                .map_or(s.all.to_owned(), doc_label),
            FilterField::Region => self
                .region
                .and_then(|r| c.region(r))
                .map_or(s.all.to_owned(), |r| r.name.clone()),
            _ => role_name(s, self.role).to_owned(),
        }
    }

    pub fn draw(&self, f: &mut Frame, ctx: &Ctx, keys: &Keymap, area: Rect) {
        let s = ctx.s();
        let theme = ctx.theme;
        let r = centered(area, 64, 10);
        clear_overlay(f, r);
        f.render_widget(block(theme, s.filter_title.into(), true), r);
        let body = inner(r);
        let label_w = 8u16;
        for (i, &field) in FilterField::ALL.iter().enumerate() {
            if i as u16 >= body.height {
                break;
            }
            let y = body.y + i as u16;
            let sel = self.field == field;
            let lst = if sel {
                theme.key.add_modifier(Modifier::BOLD)
            } else {
                theme.dim
            };
            let lab = format!("{}{}", if sel { "›" } else { " " }, field.label(s));
            f.render_widget(
                Paragraph::new(truncated(&lab, label_w as usize, lst)),
                Rect::new(body.x, y, label_w, 1),
            );
            let vr = Rect::new(body.x + label_w, y, body.width.saturating_sub(label_w), 1);
            let typed = Style::new().add_modifier(Modifier::UNDERLINED);
            match field {
                FilterField::Unit => input_line(f, vr, &self.unit, typed, sel),
                FilterField::Text => input_line(f, vr, &self.text, typed, sel),
                _ => {
                    let v = format!("‹ {} ›", self.choice(ctx, field));
                    let st = if sel { theme.selected } else { Style::new() };
                    f.render_widget(Paragraph::new(truncated(&v, vr.width as usize, st)), vr);
                }
            }
        }
        let tail = Rect::new(
            body.x,
            body.y + body.height.saturating_sub(2),
            body.width,
            2,
        );
        let w = tail.width as usize;
        let error = match &self.error {
            Some(e) => Line::from(truncated(e, w, theme.error)),
            None => Line::from(""),
        };
        let hints = keys.hint_line(&HINTS, ctx.lang);
        let hint = Line::from(truncated(&hints, w, theme.dim));
        f.render_widget(Paragraph::new(vec![error, hint]), tail);
    }
}

/// A role as the dialog names it.
pub fn role_name(s: &Strings, r: Role) -> &'static str {
    match r {
        Role::Any => s.role_any,
        Role::Lead => s.role_lead,
        Role::Partner => s.role_partner,
        Role::Unled => s.role_unled,
        Role::Mentioned => s.role_mentioned,
    }
}

/// The active filters for the status bar (`筛选: 单位=发改局 角色=牵头 · `),
/// empty without filters.
pub fn summary(ctx: &Ctx, f: &Filters) -> String {
    let s = ctx.s();
    let c = ctx.cat;
    let mut parts = Vec::new();
    if let Some(d) = &f.doc {
        parts.push(format!("{}={}", s.doc, doc_tag(d)));
    }
    if let Some(r) = &f.region {
        let name = c
            .region_pos(&r.as_str().into())
            .and_then(|p| c.region(p))
            .map_or(r.as_str(), |x| x.name.as_str());
        parts.push(format!("{}={name}", s.region));
    }
    if let Some(u) = &f.unit {
        parts.push(format!("{}={u}", s.unit));
    }
    if f.role != Role::Any {
        parts.push(format!("{}={}", s.role, role_name(s, f.role)));
    }
    if let Some(t) = &f.text {
        parts.push(format!("{}={t}", s.text));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}: {} · ", s.filters, parts.join(" "))
    }
}
