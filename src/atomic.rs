//! The one way fengong writes a file: [`write_atomic`].
//!
//! Every output (`extract -o`, `export -o`, the explorer's export dialog,
//! XLSX) is written into a temporary file next to its target and then put in
//! place in one step, so a reader never sees half a file. The rules:
//!
//! - Only regular files are replaced. A device, FIFO, socket or folder at
//!   the path is refused, with or without `--force`; a symlink is followed
//!   and the file it names is replaced (the link stays).
//! - Without `overwrite`, creating is atomic: the temporary file is
//!   hard-linked to the name (or renamed with `RENAME_NOREPLACE` where the
//!   file system has no hard links), which fails if the name appeared in the
//!   meantime. Two exports racing for one new name: one wins, the other is
//!   told the file exists. (A file system with neither, such as FAT, gets
//!   check-then-rename.)
//! - With `overwrite`, the new file takes the old one's mode (and owner,
//!   where permitted), and replaces it by rename. A file with other hard
//!   links is replaced, not written in place: the other names keep the old
//!   content, and [`Written::notes`] says so.
//! - Temporaries are named `.{name}.{pid}-{n}.fengong-tmp`. One is removed
//!   on any error, on a catchable signal during the write (SIGINT, SIGTERM,
//!   SIGHUP, SIGQUIT; the signal then takes its course), and — if the
//!   process was killed outright (SIGKILL, a power cut) — by the next write
//!   into that folder, once its process is gone. `fengong` ignores SIGXFSZ,
//!   so `ulimit -f` is an ordinary write error.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::model::special_file_kind;

/// Why a file export failed, phrased for a one-line message.
#[derive(Debug)]
pub enum WriteError {
    /// The file exists and overwriting was not allowed.
    Exists(PathBuf),
    /// Something other than a regular file is there (`a character device`).
    NotAFile(PathBuf, &'static str),
    Io(PathBuf, std::io::Error),
    Other(PathBuf, anyhow::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = |p: &Path| crate::sanitise::path(p);
        match self {
            WriteError::Exists(path) => {
                write!(f, "{}: file exists (use --force to overwrite)", p(path))
            }
            WriteError::NotAFile(path, what) => write!(
                f,
                "{}: is {what}, not a regular file; fengong writes only regular files and never replaces anything else (not even with --force)",
                p(path)
            ),
            WriteError::Io(path, e) => write!(f, "{}: {e}", p(path)),
            WriteError::Other(path, e) => write!(f, "{}: {e:#}", p(path)),
        }
    }
}

impl std::error::Error for WriteError {}

/// What a successful write has to say.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    /// Things worth telling the user (a hard link broken).
    pub notes: Vec<String>,
}

/// The suffix that marks a temporary file as ours.
const TEMP_SUFFIX: &str = ".fengong-tmp";

/// Runs `write` on a fresh temporary path next to `path`, then puts it in
/// place (see the module docs for the rules). `write` must write the file
/// at the path it is given; it exists already, empty.
pub fn write_atomic(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&Path) -> anyhow::Result<()>,
) -> Result<Written, WriteError> {
    let io_err = |e: std::io::Error| WriteError::Io(path.to_path_buf(), e);
    let target = follow_symlinks(path).map_err(io_err)?;
    let existing = match std::fs::symlink_metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(e)),
    };
    if let Some(m) = &existing {
        if let Some(what) = special_file_kind(m) {
            return Err(WriteError::NotAFile(path.to_path_buf(), what));
        }
        if !overwrite {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(io_err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "folder does not exist",
        )));
    }
    remove_stale_temporaries(&dir);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let (tmp, guard) = create_temporary(&dir, &name).map_err(io_err)?;
    let mut written = Written::default();
    let result = write(&tmp).and_then(|()| {
        if let Some(old) = &existing {
            keep_metadata(&tmp, old);
            written.notes.extend(hard_link_note(path, old));
            // Checked again just before: a device put there meanwhile is not replaced.
            if let Ok(now) = std::fs::symlink_metadata(&target)
                && let Some(what) = special_file_kind(&now)
            {
                return Err(WriteError::NotAFile(path.to_path_buf(), what).into());
            }
            std::fs::rename(&tmp, &target)?;
        } else {
            create_new_from(&tmp, &target).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()).into(),
                _ => anyhow::Error::from(e),
            })?;
        }
        Ok(())
    });
    drop(guard); // removes the temporary if it is still there
    match result {
        Ok(()) => Ok(written),
        Err(e) => Err(match e.downcast::<WriteError>() {
            Ok(ee) => ee,
            Err(e) => match e.downcast::<std::io::Error>() {
                Ok(io) => WriteError::Io(path.to_path_buf(), io),
                Err(e) => WriteError::Other(path.to_path_buf(), e),
            },
        }),
    }
}

/// The file a path names once symlinks are followed (at most 40, as the
/// kernel allows); the path itself when it is no symlink or does not exist.
fn follow_symlinks(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// A new, empty temporary file in `dir`, created exclusively (never through
/// a symlink someone left at the name), registered for cleanup.
fn create_temporary(dir: &Path, name: &str) -> std::io::Result<(PathBuf, TempGuard)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    // Long names are cut so the temporary's name stays within NAME_MAX.
    let stem: String = name.chars().take(120).collect();
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{stem}.{}-{n}{TEMP_SUFFIX}", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(_) => {
                let guard = TempGuard::new(&tmp);
                return Ok((tmp, guard));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < u32::MAX => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Puts `tmp` at `target` only if nothing is there: a hard link (atomic on
/// every POSIX file system), else `renameat2(RENAME_NOREPLACE)`.
fn create_new_from(tmp: &Path, target: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(tmp, target) {
        Ok(()) => {
            let _ = std::fs::remove_file(tmp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => match rename_noreplace(tmp, target) {
            // Neither works on this file system (FAT on a USB stick):
            // check, then rename; the only case that is not atomic.
            Err(e)
                if matches!(
                    e.raw_os_error(),
                    Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP)
                ) =>
            {
                if std::fs::symlink_metadata(target).is_ok() {
                    return Err(std::io::ErrorKind::AlreadyExists.into());
                }
                std::fs::rename(tmp, target)
            }
            other => other,
        },
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn rename_noreplace(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes()).map_err(|_| std::io::Error::other("NUL in path"))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: both are valid NUL-terminated paths for the duration of the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn rename_noreplace(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from_raw_os_error(libc::ENOSYS))
}

/// The replaced file's permission bits (and owner, where we may set it).
fn keep_metadata(tmp: &Path, old: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let _ = std::fs::set_permissions(tmp, std::fs::Permissions::from_mode(old.mode() & 0o777));
        let _ = std::os::unix::fs::chown(tmp, Some(old.uid()), Some(old.gid()));
    }
    #[cfg(not(unix))]
    let _ = std::fs::set_permissions(tmp, old.permissions());
}

fn hard_link_note(path: &Path, old: &std::fs::Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let others = old.nlink().saturating_sub(1);
        (others > 0).then(|| {
            format!(
                "{}: replaced; its {others} other hard link{} keep the previous content",
                crate::sanitise::path(path),
                if others == 1 { "" } else { "s" }
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (path, old);
        None
    }
}

/// Removes temporaries of ours in `dir` whose process is gone (killed
/// mid-write), or that are older than a day.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 24 * 3600);
        if (pid != me && !process_alive(pid)) || old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary's name `.{name}.{pid}-{n}.fengong-tmp`.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    let (_, tail) = rest.rsplit_once('.')?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u32>().ok()?;
    pid.parse().ok()
}

fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks that the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// A temporary file removed when the guard drops, and by the signal
/// handler if a catchable signal arrives first.
struct TempGuard {
    path: PathBuf,
    slot: Option<usize>,
}

impl TempGuard {
    fn new(path: &Path) -> TempGuard {
        TempGuard {
            path: path.to_path_buf(),
            slot: signals::register(path),
        }
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(slot) = self.slot {
            signals::unregister(slot);
        }
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Removing temporaries on SIGINT, SIGTERM, SIGHUP and SIGQUIT.
///
/// The handler is installed at the first write and stays; it only unlinks
/// the registered paths (`unlink` is async-signal-safe; the paths are
/// C strings made before registration) and then hands the signal to what
/// was installed before it: the default action (the process ends by the
/// signal, as it would have), nothing if it was ignored, or the earlier
/// handler (e.g. the explorer's terminal restore).
#[cfg(unix)]
mod signals {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::sync::Once;
    use std::sync::atomic::{AtomicPtr, Ordering};

    const SLOTS: usize = 32;
    const SIGNALS: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

    static TEMPS: [AtomicPtr<libc::c_char>; SLOTS] =
        [const { AtomicPtr::new(std::ptr::null_mut()) }; SLOTS];
    /// The actions before ours, written once before our handler goes in and
    /// only read after.
    static mut PREVIOUS: [std::mem::MaybeUninit<libc::sigaction>; 4] =
        [const { std::mem::MaybeUninit::uninit() }; 4];
    static INSTALL: Once = Once::new();

    pub(super) fn register(path: &Path) -> Option<usize> {
        INSTALL.call_once(install);
        let c = CString::new(path.as_os_str().as_bytes()).ok()?.into_raw();
        for (i, slot) in TEMPS.iter().enumerate() {
            if slot
                .compare_exchange(std::ptr::null_mut(), c, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                return Some(i);
            }
        }
        // All slots busy (32 writes at once): this one is cleaned by the next write.
        // SAFETY: `c` came from `into_raw` just above and was not shared.
        drop(unsafe { CString::from_raw(c) });
        None
    }

    pub(super) fn unregister(slot: usize) {
        let c = TEMPS[slot].swap(std::ptr::null_mut(), Ordering::AcqRel);
        if !c.is_null() {
            // SAFETY: the pointer came from `into_raw` in `register`, and the
            // swap took it out of the table, so nothing else frees it.
            drop(unsafe { CString::from_raw(c) });
        }
    }

    fn install() {
        for (i, &sig) in SIGNALS.iter().enumerate() {
            // SAFETY: plain sigaction calls; PREVIOUS[i] is written before the
            // handler that reads it is installed, and never again.
            unsafe {
                let mut new: libc::sigaction = std::mem::zeroed();
                new.sa_sigaction = handler as *const () as libc::sighandler_t;
                new.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
                libc::sigemptyset(&mut new.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
                    continue;
                }
                if old.sa_sigaction == libc::SIG_IGN {
                    continue; // ignored signals (nohup) stay ignored
                }
                let previous = &raw mut PREVIOUS;
                (*previous)[i].write(old);
                libc::sigaction(sig, &new, std::ptr::null_mut());
            }
        }
    }

    extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        for slot in &TEMPS {
            let c = slot.load(Ordering::Acquire);
            if !c.is_null() {
                // SAFETY: a registered, NUL-terminated path; unlink is async-signal-safe.
                unsafe { libc::unlink(c) };
            }
        }
        let Some(i) = SIGNALS.iter().position(|&s| s == sig) else {
            return;
        };
        // SAFETY: PREVIOUS[i] was written before this handler was installed.
        unsafe {
            let previous = &raw const PREVIOUS;
            let old = (*previous)[i].assume_init_ref();
            if old.sa_sigaction == libc::SIG_DFL {
                // Back to the default and re-raised: the process ends by the
                // signal once this handler returns, as it would have.
                libc::sigaction(sig, old, std::ptr::null_mut());
                libc::raise(sig);
            } else if old.sa_flags & libc::SA_SIGINFO != 0 {
                let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                    std::mem::transmute(old.sa_sigaction);
                f(sig, info, ctx);
            } else if old.sa_sigaction != libc::SIG_IGN {
                let f: extern "C" fn(libc::c_int) = std::mem::transmute(old.sa_sigaction);
                f(sig);
            }
        }
    }
}

#[cfg(not(unix))]
mod signals {
    pub(super) fn register(_: &std::path::Path) -> Option<usize> {
        None
    }
    pub(super) fn unregister(_: usize) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised() {
        assert_eq!(temporary_pid(".a.json.123-0.fengong-tmp"), Some(123));
        assert_eq!(temporary_pid(".分工.csv.9-17.fengong-tmp"), Some(9));
        assert_eq!(temporary_pid(".a.json.123.tmp"), None);
        assert_eq!(temporary_pid("a.json.123-0.fengong-tmp"), None);
        assert_eq!(temporary_pid(".a.json.x-0.fengong-tmp"), None);
    }
}
