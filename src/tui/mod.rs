//! The explorer: keyboard browsing of region → goal → task with lead,
//! partner and overlap panes, a unit's duties, filters and export.
//!
//! Data flows one way (see `docs/EXPLORER.md`):
//! - [`keymap`]: terminal events → [`action::Action`], from one key table
//!   that also makes the help, the hints and the docs; [`config`] remaps it;
//! - [`state`]: [`App`] and `update(action)`: selection, focus, history,
//!   jobs, and the cached pane entries of the selection;
//! - [`view`]: pure functions of the catalog, a selection, theme and
//!   strings — the tree model, duty lists, pane entries, text lines;
//! - [`dialogs`]: one file per dialog (state, keys, drawing);
//! - [`layout`] + [`render`]: where things go, and drawing that only reads
//!   (and records what it showed in [`scroll`], for scrolling and clicks);
//! - [`jobs`]: refiltering, search and duty views off the drawing thread;
//! - [`matcher`]: unit matching for the finder behind a small trait.

pub mod action;
pub mod config;
pub mod dialogs;
pub mod i18n;
pub mod input;
pub mod jobs;
pub mod keymap;
pub mod layout;
pub mod matcher;
pub mod messages;
pub mod render;
pub mod scroll;
pub mod state;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::bundled::DataOrigin;
use crate::query::Catalog;
pub use i18n::Lang;
pub use state::App;
pub use theme::Theme;

/// Whether the explorer can run here: it needs a terminal on both ends.
pub fn has_terminal() -> bool {
    io::stdout().is_terminal() && io::stdin().is_terminal()
}

/// Why the terminal on standard output cannot show the explorer, if it
/// cannot (checked before anything is changed): `TERM=dumb` (Emacs'
/// shell, IDE consoles) has neither cursor movement nor an alternate
/// screen, and a terminal that reports no size cannot be laid out.
pub fn terminal_problem() -> Option<String> {
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Some("TERM=dumb".into());
    }
    match crossterm::terminal::size() {
        Ok((w, h)) if w > 0 && h > 0 => None,
        Ok((w, h)) => Some(format!("{w}×{h}")),
        Err(e) => Some(e.to_string()),
    }
}

/// Puts the terminal back: raw mode off, main screen, no mouse capture,
/// no bracketed paste, cursor visible. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = io::stdout().write_all(&leave_sequence());
    let _ = io::stdout().flush();
    crate::signals::release_terminal();
}

/// What gives the screen back: the bytes of leaving the alternate screen,
/// releasing the mouse, ending bracketed paste and showing the cursor.
/// Written by [`restore_terminal`] and, on a signal, by the handler of
/// [`crate::signals`] (which cannot format them then). It starts by ending
/// whatever escape sequence a frame was in the middle of (ESC `\`) and
/// resetting colours.
fn leave_sequence() -> Vec<u8> {
    let mut b = b"\x1b\\\x1b[0m".to_vec();
    let _ = crossterm::queue!(
        b,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    b
}

/// What takes the screen: the alternate screen, mouse capture, bracketed paste.
fn enter_sequence() -> Vec<u8> {
    let mut b = Vec::new();
    let _ = crossterm::queue!(
        b,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
    b
}

/// How long the event loop waits for more input before drawing, once it
/// has input. Not zero: crossterm reads the terminal through `poll(2)`
/// (its `use-dev-tty` source, level-triggered: its default mio source is
/// edge-triggered and leaves a burst of more than 1 KiB unread until the
/// next key — crossterm PR #1057), and that source answers a zero
/// timeout with "nothing" even while it holds parsed events.
const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// Restores the terminal when dropped, so an error return also restores it.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Where the explorer keeps progress (the file the CLI uses, or
/// `--progress`), and the day it judges deadlines on (`--today`).
pub struct ProgressFile {
    pub path: std::path::PathBuf,
    /// Named with `--progress`: its folder must exist.
    pub explicit: bool,
    pub today: chrono::NaiveDate,
}

/// Runs the explorer on data from `origin` until the user quits.
/// `problems` are what loading found wrong with the data file and how
/// many tasks it could not place (said once in the status bar).
pub fn run(
    cat: Catalog,
    lang: Lang,
    theme: Theme,
    origin: &DataOrigin,
    progress: ProgressFile,
    problems: (Vec<crate::model::Problem>, usize),
) -> anyhow::Result<()> {
    // A panic must not leave the terminal in raw mode with the mouse captured.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    // From here a signal gives the terminal back before the process ends
    // by it (crate::signals), as quitting, an error and a panic do.
    crate::signals::take_terminal(&leave_sequence(), &enter_sequence());
    let _guard = TerminalGuard;
    enable_raw_mode()?;
    crate::signals::terminal_is_raw();
    io::stdout().write_all(&enter_sequence())?;
    io::stdout().flush()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let title = messages::data_origin(lang, origin);
    let mut app = App::new(cat, lang, theme, title, (size.width, size.height));
    app.data_name = origin.caption();
    app.enable_background();
    let problem = app.apply_config(config::default_path().as_deref());
    app.ledger.today = progress.today;
    app.open_progress(&progress.path, progress.explicit);
    app.report_load(&problems.0, problems.1);
    loop {
        if crate::signals::take_resumed() {
            // Stopped (SIGTSTP) and continued: the screen is ours again, blank.
            terminal.clear()?;
        }
        terminal.draw(|f| render::render(&app, f))?;
        // Test hook: the end-to-end test checks that a panic gives the
        // terminal back (raw mode, alternate screen, mouse capture).
        if std::env::var_os("FENGONG_DEBUG_PANIC").is_some() {
            panic!("FENGONG_DEBUG_PANIC is set: deliberate panic");
        }
        // Wait for input, then take everything already queued before the
        // next frame so fast typing or scrolling does not lag behind.
        // While results are on their way, wake soon to swap them in.
        let wait = if app.awaiting() { 10 } else { 100 };
        if event::poll(Duration::from_millis(wait))? {
            loop {
                // Keys typed while an earlier key's effect is still on its
                // way are held and replayed in order (see `App::handle_event`).
                app.handle_event(event::read()?);
                if app.quit || !event::poll(DRAIN_WAIT)? {
                    break;
                }
            }
        }
        app.update(action::Action::Tick);
        if app.quit {
            break;
        }
    }
    drop(_guard);
    if let Some(e) = problem {
        // Said in the status bar at start; said again where it stays.
        eprintln!("fengong: {e} (the default keys were used)");
    }
    Ok(())
}
