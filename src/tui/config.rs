//! The user's config file, `$XDG_CONFIG_HOME/fengong/config.toml` (else
//! `~/.config/fengong/config.toml`). Today it remaps keys; it is where
//! later explorer options go too.
//!
//! ```toml
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
            other => {
                return Err((
                    Some(key.span().start),
                    format!("unknown setting \"{other}\" (known: keys)"),
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
