//! The dialogs' side of `update`: task search, the unit finder, the
//! filter form and the export dialog, and what each one starts.

use std::path::{Path, PathBuf};

use super::{App, ExportDialog, FilterForm, Finder, Focus, Overlay, Screen, Status, doc_tag};
use crate::export::{self, Format};
use crate::query::Filters;
use crate::tui::action::Action;
use crate::tui::finder::FinderResults;
use crate::tui::input::TextInput;
use crate::tui::jobs::Request;
use crate::tui::tree::NodeKey;

impl App {
    // ----- search -----------------------------------------------------------

    pub(super) fn run_search(&mut self, query: String) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        // In tree order: the order tasks appear when everything is expanded.
        self.request(Request::Search {
            query,
            tree: self.tree.clone(),
        });
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(s) = &mut self.search else {
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            return self.show_match();
        }
        s.current = if forward {
            (s.current + 1) % n
        } else {
            (s.current + n - 1) % n
        };
        self.show_match();
    }

    pub(super) fn show_match(&mut self) {
        let Some(s) = &self.search else {
            return;
        };
        let s_ = self.lang.s();
        match s.matches.get(s.current).copied() {
            Some(t) => {
                let text = format!(
                    "/{}  {} {}/{}",
                    s.query,
                    s_.match_of,
                    s.current + 1,
                    s.matches.len()
                );
                if let Screen::Duty(_) = self.screen {
                    self.screen = Screen::Browse;
                }
                self.focus = Focus::Tree;
                self.select_key_or_root(NodeKey::Task(t));
                self.status = Some(Status { text, error: false });
            }
            None => {
                self.status = Some(Status {
                    text: format!("/{}  {}", s.query, s_.no_match),
                    error: true,
                })
            }
        }
    }

    // ----- unit finder and duty view ------------------------------------

    pub(super) fn open_finder(&mut self) {
        let matcher = self
            .matcher
            .get_or_insert_with(|| (self.matcher_factory)(&self.cat, self.finder_items.clone()));
        matcher.set_query("");
        self.overlay = Some(Overlay::Finder(Finder {
            input: TextInput::default(),
            results: FinderResults {
                query: String::new(),
                hits: Vec::new(),
                done: false,
            },
            cursor: 0,
            pending: true,
            submit_when_ready: false,
        }));
        self.poll_finder();
    }

    pub(super) fn poll_finder(&mut self) {
        if let (Some(Overlay::Finder(f)), Some(m)) = (&mut self.overlay, &mut self.matcher)
            && let Some(r) = m.poll()
        {
            // Ignore results for a query the user has already typed past.
            // Early (partial) results are shown, but Enter waits for all.
            if r.query == f.input.text() {
                f.pending = !r.done;
                f.results = r;
                f.cursor = 0;
                if f.submit_when_ready && !f.pending {
                    self.finder_submit();
                }
            }
        }
    }

    /// Opens the duties of the finder's selected unit; when Enter comes
    /// before the results for what was typed, waits for them.
    pub(super) fn finder_submit(&mut self) {
        let Some(Overlay::Finder(f)) = &mut self.overlay else {
            return;
        };
        if f.pending {
            f.submit_when_ready = true;
            return;
        }
        let unit = f
            .results
            .hits
            .get(f.cursor)
            .and_then(|h| self.finder_items.get(h.index))
            .map(|i| i.unit);
        match unit {
            Some(u) => {
                self.overlay = None;
                self.open_duty(u);
            }
            // Nothing matches: Enter did nothing, and is not kept for later.
            None => f.submit_when_ready = false,
        }
    }

    /// Blocks up to `timeout` until the finder has results for what is
    /// typed (tests and benchmarks; the event loop polls instead).
    pub fn wait_for_finder(&mut self, timeout: std::time::Duration) {
        if let (Some(Overlay::Finder(f)), Some(m)) = (&mut self.overlay, &mut self.matcher)
            && f.pending
            && let Some(r) = m.wait(timeout)
            && r.query == f.input.text()
        {
            f.results = r;
            f.cursor = 0;
            f.pending = false;
            if f.submit_when_ready {
                self.finder_submit();
            }
        }
    }

    pub fn open_duty(&mut self, unit: usize) {
        self.push_history();
        self.show_duty(unit, None);
    }

    /// Shows a unit's duties, computed in the background; `cursor`
    /// restores a position when going back.
    pub(super) fn show_duty(&mut self, unit: usize, cursor: Option<usize>) {
        self.request(Request::Duty { unit, cursor });
    }

    // ----- filters and export dialogs -----------------------------------

    pub(super) fn open_filter(&mut self) {
        let c = &self.cat;
        let f = &self.filters;
        let doc = f
            .doc
            .as_ref()
            .and_then(|d| c.index.documents.get(&crate::model::DocId(d.clone())))
            .map_or(0, |&p| p + 1);
        let region = f
            .region
            .as_ref()
            .and_then(|r| c.index.regions.get(&crate::model::RegionId(r.clone())))
            .map_or(0, |&p| p + 1);
        self.overlay = Some(Overlay::Filter(FilterForm {
            field: 0,
            doc,
            region,
            role: f.role,
            unit: TextInput::new(f.unit.as_deref().unwrap_or("")),
            text: TextInput::new(f.text.as_deref().unwrap_or("")),
            typeahead: String::new(),
            error: None,
        }));
    }

    pub(super) fn export_name(&self, format: Format) -> String {
        match &self.screen {
            Screen::Duty(d) => {
                let name = &self.cat.data.units[d.unit].name;
                export::suggest_file_name(&Filters::default(), Some(name), format)
            }
            Screen::Browse => {
                let unit = match self.view.units.as_slice() {
                    [u] => Some(self.cat.data.units[*u].name.as_str()),
                    _ => None,
                };
                let mut f = self.filters.clone();
                // Show names, not ids, in the file name.
                if let Some(d) = &f.doc
                    && let Some(&p) = self
                        .cat
                        .index
                        .documents
                        .get(&crate::model::DocId(d.clone()))
                {
                    f.doc = Some(doc_tag(&self.cat.data.documents[p].id.0).to_owned());
                }
                if let Some(r) = &f.region
                    && let Some(&p) = self
                        .cat
                        .index
                        .regions
                        .get(&crate::model::RegionId(r.clone()))
                {
                    f.region = Some(self.cat.data.regions[p].name.clone());
                }
                export::suggest_file_name(&f, unit, format)
            }
        }
    }

    pub(super) fn open_export(&mut self) {
        let format = 0;
        let name = self.export_name(Format::offered()[format]);
        self.overlay = Some(Overlay::Export(ExportDialog {
            format,
            name: TextInput::new(&name),
            field: 0,
            confirm: false,
            name_edited: false,
            error: None,
        }));
    }

    pub(super) fn export_path(&self, name: &str) -> PathBuf {
        let p = Path::new(name);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.export_dir.join(p)
        }
    }

    /// Writes the export; closes the dialog on success, shows the error in
    /// it (and the status bar) on failure.
    pub(super) fn do_export(&mut self, overwrite: bool) {
        let Some(Overlay::Export(d)) = &self.overlay else {
            return;
        };
        let name = d.name.text();
        let format = Format::offered()[d.format];
        let path = self.export_path(name.trim());
        if !overwrite && path.exists() {
            if let Some(Overlay::Export(d)) = &mut self.overlay {
                d.confirm = true;
            }
            return;
        }
        let records = export::records(&self.cat, self.shown_hits());
        let s = self.lang.s();
        match export::write_file(&path, format, &records, overwrite) {
            Ok(n) => {
                self.overlay = None;
                self.status = Some(Status {
                    text: format!("{} {} ({n} {})", s.exported, path.display(), s.rows),
                    error: false,
                });
            }
            Err(e) => {
                let text = format!("{}: {e}", s.export_failed);
                if let Some(Overlay::Export(d)) = &mut self.overlay {
                    d.confirm = false;
                    d.error = Some(text.clone());
                }
                self.status = Some(Status { text, error: true });
            }
        }
    }

    /// Typing on the document or region choice picks the first one whose
    /// name (or document title) contains what was typed, so a region among
    /// dozens is a few keys away.
    fn type_ahead(&self, form: &mut FilterForm, e: &crate::tui::input::Edit) {
        use crate::tui::input::Edit;
        match e {
            Edit::Char(c) => form.typeahead.push(*c),
            Edit::Paste(p) => form.typeahead.push_str(p),
            Edit::Backspace => {
                form.typeahead.pop();
            }
            Edit::Clear => form.typeahead.clear(),
            _ => return,
        }
        if form.typeahead.is_empty() {
            return;
        }
        let c = &self.cat;
        let q = form.typeahead.as_str();
        let found = if form.field == 0 {
            c.data
                .documents
                .iter()
                .position(|d| d.title.contains(q) || d.id.0.starts_with(q))
        } else {
            c.data
                .regions
                .iter()
                .position(|r| r.name.contains(q) || r.id.0.contains(q))
        };
        if let Some(i) = found {
            if form.field == 0 {
                form.doc = i + 1;
            } else {
                form.region = i + 1;
            }
        }
    }

    pub(super) fn update_overlay(&mut self, a: Action) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        self.overlay = match overlay {
            Overlay::Help => None,
            Overlay::Compare(cmp) => return self.update_compare(cmp, a),
            Overlay::Search(mut input) => match a {
                Action::Cancel => None,
                Action::Submit => {
                    self.overlay = None;
                    self.run_search(input.text());
                    return;
                }
                Action::Edit(e) => {
                    input.apply(&e);
                    Some(Overlay::Search(input))
                }
                _ => Some(Overlay::Search(input)),
            },
            Overlay::Finder(mut f) => match a {
                Action::Cancel => None,
                Action::Submit => {
                    self.overlay = Some(Overlay::Finder(f));
                    return self.finder_submit();
                }
                Action::Edit(e) => {
                    if f.input.apply(&e)
                        && let Some(m) = &mut self.matcher
                    {
                        m.set_query(&f.input.text());
                        f.pending = true;
                    }
                    self.overlay = Some(Overlay::Finder(f));
                    self.poll_finder();
                    return;
                }
                Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                    let n = f.results.hits.len();
                    if n > 0 {
                        let d: isize = match a {
                            Action::Up => -1,
                            Action::Down => 1,
                            Action::PageUp => -10,
                            _ => 10,
                        };
                        f.cursor = (f.cursor as isize + d).clamp(0, n as isize - 1) as usize;
                    }
                    Some(Overlay::Finder(f))
                }
                _ => Some(Overlay::Finder(f)),
            },
            Overlay::Filter(mut form) => match a {
                Action::Cancel => None,
                Action::Submit => {
                    let c = &self.cat;
                    let non_empty =
                        |t: &TextInput| Some(t.text().trim().to_owned()).filter(|s| !s.is_empty());
                    let f = Filters {
                        doc: form
                            .doc
                            .checked_sub(1)
                            .map(|d| c.data.documents[d].id.0.clone()),
                        region: form
                            .region
                            .checked_sub(1)
                            .map(|r| c.data.regions[r].id.0.clone()),
                        role: form.role,
                        unit: non_empty(&form.unit),
                        text: non_empty(&form.text),
                    };
                    match c.check(&f) {
                        Ok(()) => {
                            self.set_filters(f);
                            None
                        }
                        Err(e) => {
                            form.error = Some(e.to_string());
                            Some(Overlay::Filter(form))
                        }
                    }
                }
                Action::NextField | Action::Down => {
                    form.typeahead.clear();
                    form.field = (form.field + 1) % FilterForm::FIELDS;
                    Some(Overlay::Filter(form))
                }
                Action::PrevField | Action::Up => {
                    form.typeahead.clear();
                    form.field = (form.field + FilterForm::FIELDS - 1) % FilterForm::FIELDS;
                    Some(Overlay::Filter(form))
                }
                Action::Collapse | Action::Expand => {
                    let fwd = a == Action::Expand;
                    let cycle = |v: usize, n: usize| {
                        if fwd {
                            (v + 1) % (n + 1)
                        } else {
                            (v + n) % (n + 1)
                        }
                    };
                    match form.field {
                        0 => form.doc = cycle(form.doc, self.cat.data.documents.len()),
                        1 => form.region = cycle(form.region, self.cat.data.regions.len()),
                        _ => {
                            form.role = if fwd {
                                form.role.next()
                            } else {
                                form.role.next().next()
                            }
                        }
                    }
                    Some(Overlay::Filter(form))
                }
                Action::Edit(e) => {
                    match form.field {
                        0 | 1 => self.type_ahead(&mut form, &e),
                        3 => {
                            form.unit.apply(&e);
                        }
                        4 => {
                            form.text.apply(&e);
                        }
                        _ => {}
                    }
                    Some(Overlay::Filter(form))
                }
                _ => Some(Overlay::Filter(form)),
            },
            Overlay::Export(mut d) => match a {
                Action::Confirm(yes) => {
                    d.confirm = false;
                    self.overlay = Some(Overlay::Export(d));
                    if yes {
                        self.do_export(true);
                    }
                    return;
                }
                Action::Cancel => None,
                Action::Submit => {
                    if d.name.text().trim().is_empty() {
                        return self.overlay = Some(Overlay::Export(d));
                    }
                    self.overlay = Some(Overlay::Export(d));
                    self.do_export(false);
                    return;
                }
                Action::NextField | Action::PrevField | Action::Up | Action::Down => {
                    d.field = 1 - d.field;
                    Some(Overlay::Export(d))
                }
                Action::Collapse | Action::Expand => {
                    let n = Format::offered().len();
                    d.format = if a == Action::Expand {
                        (d.format + 1) % n
                    } else {
                        (d.format + n - 1) % n
                    };
                    let fmt = Format::offered()[d.format];
                    if !d.name_edited {
                        d.name = TextInput::new(&self.export_name(fmt));
                    }
                    Some(Overlay::Export(d))
                }
                Action::Edit(e) => {
                    if d.field == 1 && d.name.apply(&e) {
                        d.name_edited = true;
                    }
                    Some(Overlay::Export(d))
                }
                _ => Some(Overlay::Export(d)),
            },
        };
    }
}
