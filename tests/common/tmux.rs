//! A tmux server of the test's own, to drive the real binary in a real
//! terminal: send keys, type text, wait for what the screen shows.

use std::process::Command;
use std::time::{Duration, Instant};

/// Whether tmux can be run here. Tests that need it fail when `CI` is set
/// (`.ci/run` installs tmux) and are skipped with a notice otherwise.
pub fn available(test: &str) -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        if std::env::var_os("CI").is_some() {
            panic!("tmux is required for the end-to-end test {test} in CI");
        }
        eprintln!("skipping {test}: tmux is not installed");
    }
    ok
}

/// A tmux server of our own (`-L`), so the test never touches the
/// user's sessions and can be torn down completely.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    /// A server named for the test and this process, so parallel tests and
    /// parallel runs never share one.
    pub fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("fengong-e2e-{name}-{}", std::process::id()),
        }
    }

    pub fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-u")
            .args(["-L", &self.socket])
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("run tmux")
    }

    /// Starts `argv` (a command line, or `sh -c SCRIPT`) in a `w`×`h`
    /// session named `e2e`, in `cwd` when given.
    pub fn start(&self, (w, h): (u16, u16), cwd: Option<&str>, argv: &[&str]) {
        let (w, h) = (w.to_string(), h.to_string());
        let mut args = vec!["new-session", "-d", "-s", "e2e", "-x", &w, "-y", &h];
        if let Some(dir) = cwd {
            args.extend(["-c", dir]);
        }
        args.extend_from_slice(argv);
        let out = self.cmd(&args);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success());
    }

    /// Types text literally (no key-name lookup), as a user or an IME would.
    pub fn type_text(&self, s: &str) {
        assert!(
            self.cmd(&["send-keys", "-t", "e2e", "-l", s])
                .status
                .success()
        );
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen contains `needle`, panicking with the screen
    /// after 15 s.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), |s| s.contains(needle))
    }

    /// Waits until one capture contains every needle. A capture can catch
    /// a frame half written (tmux draws what has arrived), so what is
    /// checked together must be waited for together.
    pub fn wait_for_all(&self, needles: &[&str]) -> String {
        self.wait_until(&format!("{needles:?}"), |s| {
            needles.iter().all(|n| s.contains(n))
        })
    }

    /// Waits until `done(screen)`, panicking with the screen after 15 s.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.capture();
            if done(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A tmux format variable of the pane (`#{mouse_any_flag}`, `#{alternate_on}`).
    pub fn pane_flag(&self, name: &str) -> String {
        let fmt = format!("#{{{name}}}");
        String::from_utf8_lossy(
            &self
                .cmd(&["display-message", "-p", "-t", "e2e", &fmt])
                .stdout,
        )
        .trim()
        .to_owned()
    }

    pub fn session_alive(&self) -> bool {
        self.cmd(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}
