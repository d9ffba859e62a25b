//! The user's config file, `$XDG_CONFIG_HOME/fengong/config.toml` (else
//! `~/.config/fengong/config.toml`): key remapping, and how the screen is
//! drawn (`[ui]`); later explorer options go here too.
//!
//! ```toml
//! # How the terminal draws: characters of "ambiguous" width (“ ” … · →)
//! # take two columns in a CJK locale (not inside tmux), one elsewhere;
//! # ASCII borders for terminals that draw box drawing wide (always so
//! # when ambiguous characters are wide).
//! [ui]
//! ambiguous_width = "wide"   # or "narrow"; default: wide in zh/ja/ko locales
//! borders = "ascii"          # or "box" (the default)
//!
//! # Browsing: an action's name = a key or a list of keys.
//! [keys]
//! down = ["j", "Down", "Ctrl-n"]
//! find_unit = "Ctrl-f"
//!
//! # The comparison view, the coverage view and the dialogs have their
//! # own tables.
//! [keys.compare]
//! back = ["Esc", "q"]
//!
//! [keys.coverage]
//! filter = "s"
//!
//! [keys.dialog]
//! clear = "Ctrl-w"
//! ```
//!
//! The keys given for an action replace its default keys in that table,
//! and stop meaning anything else there. Action names are in the key
//! tables of `docs/EXPLORER.md` (made from the key table); key names are
//! those the help shows (`j`, `G`, `Ctrl-P`, `↓` or `Down`, `PgDn`, `S-Tab`,
//! `Enter`, `Esc`, `Backspace`, `Space`, `F1`…). `Ctrl-C` always quits.
//!
//! A missing file is no error. A file that cannot be read or used gives
//! one message naming the file and line, and the explorer runs on the
//! defaults (nothing of a bad file is applied).

use std::fmt;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keymap::{InputMode, Key, Keymap};

/// A config file larger than this is not a config file.
const MAX_BYTES: u64 = 1 << 20;

/// The explorer's settings.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub keys: Keymap,
    pub ui: UiSettings,
}

/// `[ui]` as the file has it: `None` where it says nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UiSettings {
    /// `ambiguous_width = "wide"` (`true`) or `"narrow"`.
    pub ambiguous_wide: Option<bool>,
    /// `borders = "ascii"` (`true`) or `"box"`.
    pub ascii_borders: Option<bool>,
}

/// How the screen is drawn, settled from the file and the locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    /// Ambiguous-width characters are two columns (a CJK terminal).
    pub ambiguous_wide: bool,
    /// Borders of `+ - |` instead of box drawing.
    pub ascii_borders: bool,
}

/// What the environment says about the terminal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terminal {
    /// `LC_ALL`, else `LC_CTYPE`, else `LANG`.
    pub locale: Option<String>,
    /// Inside tmux (`$TMUX`), which measures characters with the C
    /// library's `wcwidth`: ambiguous ones are one column in every UTF-8
    /// locale, whatever the outer terminal does.
    pub tmux: bool,
}

impl Terminal {
    /// The terminal this process runs in.
    pub fn from_env() -> Terminal {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Terminal {
            locale: ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|k| var(k)),
            tmux: var("TMUX").is_some(),
        }
    }

    /// A Chinese, Japanese or Korean locale.
    fn cjk(&self) -> bool {
        self.locale
            .as_deref()
            .is_some_and(|l| ["zh", "ja", "ko"].iter().any(|p| l.starts_with(p)))
    }
}

impl UiSettings {
    /// The settings in force in terminal `t`: ambiguous characters are
    /// wide in a Chinese, Japanese or Korean locale (except inside tmux)
    /// unless the file says otherwise; borders are ASCII when asked for,
    /// and whenever ambiguous characters are wide (box drawing is
    /// ambiguous too: drawn two columns wide it cannot line up).
    pub fn resolve(&self, t: &Terminal) -> Ui {
        let ambiguous_wide = self.ambiguous_wide.unwrap_or(t.cjk() && !t.tmux);
        Ui {
            ambiguous_wide,
            ascii_borders: ambiguous_wide || self.ascii_borders.unwrap_or(false),
        }
    }
}

/// Why a config file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based, when the problem is at a place in the file.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Where the config file is: `$XDG_CONFIG_HOME` when set to an absolute
/// path (the XDG rule), else `$HOME/.config`.
pub fn default_path() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".config"))
    })?;
    Some(base.join("fengong").join("config.toml"))
}

/// Reads the config at `path`: the defaults when there is none, the
/// defaults and the reason when it is unusable.
pub fn load(path: Option<&Path>) -> (Config, Option<ConfigError>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    let fail = |line, message: String| ConfigError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => return (Config::default(), Some(fail(None, e.to_string()))),
    };
    if !meta.is_file() {
        return (
            Config::default(),
            Some(fail(None, "not a regular file".into())),
        );
    }
    if meta.len() > MAX_BYTES {
        let msg = format!("{} bytes: too large for a config file", meta.len());
        return (Config::default(), Some(fail(None, msg)));
    }
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            let msg = "not UTF-8 text".to_owned();
            return (Config::default(), Some(fail(None, msg)));
        }
        Err(e) => return (Config::default(), Some(fail(None, e.to_string()))),
    };
    match parse(&text) {
        Ok(c) => (c, None),
        Err((at, msg)) => {
            let line = at.map(|o| text[..o.min(text.len())].matches('\n').count() + 1);
            (Config::default(), Some(fail(line, msg)))
        }
    }
}

/// A problem and the byte offset it is at.
type Problem = (Option<usize>, String);

/// The config in `text`.
pub fn parse(text: &str) -> Result<Config, Problem> {
    let table =
        DeTable::parse(text).map_err(|e| (e.span().map(|s| s.start), e.message().to_owned()))?;
    let mut config = Config::default();
    for (key, value) in sorted(table.get_ref()) {
        match key.get_ref().as_ref() {
            "keys" => keys_section(&mut config.keys, value, "keys", &[InputMode::Normal])?,
            "ui" => config.ui = ui_section(value)?,
            other => {
                return Err((
                    Some(key.span().start),
                    format!("unknown setting \"{other}\" (known: keys, ui)"),
                ));
            }
        }
    }
    Ok(config)
}

/// A table's entries in the order the file has them.
fn sorted<'a, 'i>(
    t: &'a DeTable<'i>,
) -> Vec<(
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
)> {
    let mut v: Vec<_> = t.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// `[keys]` (browsing), with `[keys.compare]`, `[keys.coverage]` and
/// `[keys.dialog]` inside.
fn keys_section(
    keys: &mut Keymap,
    value: &Spanned<DeValue>,
    name: &str,
    modes: &[InputMode],
) -> Result<(), Problem> {
    let Some(table) = value.get_ref().as_table() else {
        return Err((
            Some(value.span().start),
            format!("[{name}] must be a table"),
        ));
    };
    for (action, v) in sorted(table) {
        let at = Some(action.span().start);
        let action_name = action.get_ref().as_ref();
        match (name, action_name, v.get_ref()) {
            ("keys", "compare", DeValue::Table(_)) => {
                keys_section(keys, v, "keys.compare", &[InputMode::View])?
            }
            ("keys", "coverage", DeValue::Table(_)) => {
                keys_section(keys, v, "keys.coverage", &[InputMode::Coverage])?
            }
            ("keys", "dialog", DeValue::Table(_)) => keys_section(
                keys,
                v,
                "keys.dialog",
                &[InputMode::Text, InputMode::Choice],
            )?,
            (_, _, DeValue::Table(_)) => {
                return Err((
                    at,
                    format!(
                        "unknown table [{name}.{action_name}] (known: [keys.compare], [keys.coverage], [keys.dialog])"
                    ),
                ));
            }
            _ => {
                let list = key_list(v)?;
                keys.remap(modes, action_name, &list)
                    .map_err(|e| (at, format!("[{name}] {e}")))?;
            }
        }
    }
    Ok(())
}

/// `[ui]`: `ambiguous_width` and `borders`.
fn ui_section(value: &Spanned<DeValue>) -> Result<UiSettings, Problem> {
    let Some(table) = value.get_ref().as_table() else {
        return Err((Some(value.span().start), "[ui] must be a table".into()));
    };
    let mut ui = UiSettings::default();
    for (name, v) in sorted(table) {
        let at = Some(v.span().start);
        let word = v.get_ref().as_str();
        match (name.get_ref().as_ref(), word) {
            ("ambiguous_width", Some("wide")) => ui.ambiguous_wide = Some(true),
            ("ambiguous_width", Some("narrow")) => ui.ambiguous_wide = Some(false),
            ("ambiguous_width", _) => {
                return Err((at, "ambiguous_width is \"wide\" or \"narrow\"".into()));
            }
            ("borders", Some("ascii")) => ui.ascii_borders = Some(true),
            ("borders", Some("box")) => ui.ascii_borders = Some(false),
            ("borders", _) => return Err((at, "borders is \"box\" or \"ascii\"".into())),
            (other, _) => {
                return Err((
                    Some(name.span().start),
                    format!("[ui] unknown setting \"{other}\" (known: ambiguous_width, borders)"),
                ));
            }
        }
    }
    Ok(ui)
}

/// `"j"` or `["j", "Down"]`.
fn key_list(v: &Spanned<DeValue>) -> Result<Vec<Key>, Problem> {
    let one = |v: &Spanned<DeValue>| -> Result<Key, Problem> {
        let at = Some(v.span().start);
        let Some(s) = v.get_ref().as_str() else {
            return Err((at, "a key is a string, such as \"j\" or \"Ctrl-p\"".into()));
        };
        Key::parse(s).ok_or_else(|| {
            (
                at,
                format!("unknown key \"{}\" (keys are written like j, G, Ctrl-p, Down, PgDn, S-Tab, Enter, Esc, Space, F2)", s.escape_debug()),
            )
        })
    };
    match v.get_ref() {
        DeValue::Array(items) => items.iter().map(one).collect(),
        _ => Ok(vec![one(v)?]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn remaps_browsing_comparison_and_dialog_keys() {
        let c = parse(
            "# mine\n[keys]\ndown = [\"n\", \"Down\"]\nfind_unit = \"Ctrl-f\"\n\n\
             [keys.compare]\nback = [\"Esc\", \"x\"]\n[keys.dialog]\nclear = \"Ctrl-w\"\n",
        )
        .unwrap();
        let k = &c.keys;
        assert_eq!(k.map_key(InputMode::Normal, &key('n')), Some(Action::Down));
        assert_eq!(k.map_key(InputMode::Normal, &key('j')), None);
        let ctrl_f = KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL);
        assert_eq!(
            k.map_key(InputMode::Normal, &ctrl_f),
            Some(Action::OpenFinder)
        );
        assert_eq!(k.map_key(InputMode::Normal, &key('u')), None);
        assert_eq!(k.map_key(InputMode::View, &key('x')), Some(Action::Back));
        assert_eq!(k.map_key(InputMode::View, &key('c')), None);
        let ctrl_w = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(
            k.map_key(InputMode::Text, &ctrl_w),
            Some(Action::Edit(crate::tui::input::Edit::Clear))
        );
        // The help overlay follows.
        let help = k.help_lines(crate::tui::i18n::Lang::En);
        assert_eq!(help[0].keys, "n ↓ k ↑");
        assert!(help.iter().any(|l| l.keys == "Ctrl-F"), "{help:?}");
    }

    #[test]
    fn remaps_the_coverage_view_keys() {
        let c = parse("[keys.coverage]\nfilter = \"s\"\nback = [\"Esc\", \"x\"]\n").unwrap();
        let k = &c.keys;
        let m = InputMode::Coverage;
        assert_eq!(k.map_key(m, &key('s')), Some(Action::OpenFilter));
        assert_eq!(k.map_key(m, &key('f')), None);
        assert_eq!(k.map_key(m, &key('x')), Some(Action::Back));
        assert_eq!(k.map_key(m, &key('v')), None, "v no longer closes it");
        // Browsing keeps its own f and v.
        assert_eq!(
            k.map_key(InputMode::Normal, &key('f')),
            Some(Action::OpenFilter)
        );
        assert_eq!(
            k.map_key(InputMode::Normal, &key('v')),
            Some(Action::OpenCoverage)
        );
    }

    #[test]
    fn ui_settings_and_the_locale_decide_widths_and_borders() {
        let term = |l: &str, tmux| Terminal {
            locale: Some(l.into()),
            tmux,
        };
        let c = parse("[ui]\nborders = \"ascii\"\n").unwrap();
        assert_eq!(
            c.ui.resolve(&term("en_US.UTF-8", false)),
            Ui {
                ambiguous_wide: false,
                ascii_borders: true
            }
        );
        let none = UiSettings::default();
        assert!(!none.resolve(&Terminal::default()).ascii_borders);
        assert!(!none.resolve(&term("C.UTF-8", false)).ambiguous_wide);
        // A CJK locale: ambiguous characters wide, so borders ASCII.
        for l in ["zh_CN.UTF-8", "ja_JP.UTF-8", "ko_KR.UTF-8"] {
            assert_eq!(
                none.resolve(&term(l, false)),
                Ui {
                    ambiguous_wide: true,
                    ascii_borders: true
                },
                "{l}"
            );
            // tmux draws them one column wide.
            assert!(!none.resolve(&term(l, true)).ambiguous_wide, "{l}");
        }
        let narrow = parse("[ui]\nambiguous_width = \"narrow\"\n").unwrap();
        assert!(
            !narrow
                .ui
                .resolve(&term("zh_CN.UTF-8", false))
                .ambiguous_wide
        );
        assert!(!narrow.ui.resolve(&term("zh_CN.UTF-8", false)).ascii_borders);
        let wide = parse("[ui]\nambiguous_width = \"wide\"\nborders = \"box\"\n").unwrap();
        assert!(
            wide.ui.resolve(&term("C", true)).ambiguous_wide,
            "the file wins"
        );
        assert!(
            wide.ui.resolve(&term("C", true)).ascii_borders,
            "wide means ASCII"
        );
    }

    #[test]
    fn problems_name_their_line() {
        for (text, line, says) in [
            ("[keys]\ndwn = \"j\"\n", 2, "unknown action \"dwn\""),
            ("[keys]\ndown = \"Ctrl-\"\n", 2, "unknown key"),
            ("[keys]\ndown = 3\n", 2, "a key is a string"),
            ("[keys]\n\n\ndown = [\"j\", 1]\n", 4, "a key is a string"),
            (
                "[keys]\ndown = \"j\"\n[colours]\nx = 1\n",
                3,
                "unknown setting \"colours\"",
            ),
            ("[keys.extra]\nx = \"j\"\n", 1, "unknown table [keys.extra]"),
            (
                "[ui]\nborders = \"round\"\n",
                2,
                "borders is \"box\" or \"ascii\"",
            ),
            ("[ui]\n\nambiguous_width = 2\n", 3, "\"wide\" or \"narrow\""),
            (
                "[ui]\ncolour = \"x\"\n",
                2,
                "[ui] unknown setting \"colour\"",
            ),
            ("[keys]\ndown = \"j\n", 2, ""),
            (
                "[keys]\n[keys.compare]\nsearch = \"s\"\n",
                3,
                "unknown action \"search\"",
            ),
        ] {
            let (at, msg) = parse(text).unwrap_err();
            let got = at.map(|o| text[..o].matches('\n').count() + 1);
            assert_eq!(got, Some(line), "{text:?}: {msg}");
            assert!(msg.contains(says), "{text:?}: {msg}");
        }
    }

    #[test]
    fn a_missing_file_is_fine_a_bad_one_gives_the_defaults_and_the_reason() {
        let dir = std::env::temp_dir().join(format!("fengong-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (c, err) = load(Some(&dir.join("none.toml")));
        assert!(err.is_none());
        assert_eq!(
            c.keys.map_key(InputMode::Normal, &key('j')),
            Some(Action::Down)
        );
        let bad = dir.join("config.toml");
        std::fs::write(&bad, "[keys]\ndown = \"n\"\nup = \"???\"\n").unwrap();
        let (c, err) = load(Some(&bad));
        let err = err.unwrap();
        assert_eq!(err.line, Some(3));
        assert!(
            err.to_string()
                .starts_with(&format!("{}:3: ", bad.display())),
            "{err}"
        );
        // Nothing of a bad file applies, not even its good lines.
        assert_eq!(
            c.keys.map_key(InputMode::Normal, &key('j')),
            Some(Action::Down)
        );
        let (_, err) = load(Some(&dir));
        assert!(err.unwrap().message.contains("not a regular file"));
        std::fs::write(&bad, b"[keys]\ndown = \"\xff\"\n").unwrap();
        assert!(load(Some(&bad)).1.unwrap().message.contains("UTF-8"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
