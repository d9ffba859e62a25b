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
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::query::Catalog;
pub use i18n::Lang;
pub use state::App;
pub use theme::Theme;

/// Whether the explorer can run here: it needs a terminal on both ends.
pub fn has_terminal() -> bool {
    io::stdout().is_terminal() && io::stdin().is_terminal()
}

/// Puts the terminal back: raw mode off, main screen, no mouse capture,
/// no bracketed paste, cursor visible. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = io::stdout().flush();
}

/// Restores the terminal when dropped, so an error return also restores it.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Runs the explorer until the user quits.
pub fn run(cat: Catalog, lang: Lang, theme: Theme, origin: String) -> anyhow::Result<()> {
    // A panic must not leave the terminal in raw mode with the mouse captured.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    enable_raw_mode()?;
    let _guard = TerminalGuard;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(cat, lang, theme, origin, (size.width, size.height));
    app.enable_background();
    let problem = app.apply_config(config::default_path().as_deref());
    loop {
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
                if app.quit || !event::poll(Duration::ZERO)? {
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
