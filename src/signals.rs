//! The one place that handles the process's signals.
//!
//! Two things must happen whatever signal ends fengong, and both are
//! registered here instead of each installing a handler of its own:
//!
//! - a temporary file being written ([`crate::atomic`]) is removed
//!   ([`register_temporary`] / [`unregister_temporary`]);
//! - while the explorer holds the terminal ([`take_terminal`] …
//!   [`release_terminal`]), the terminal is given back: the saved terminal
//!   mode (raw mode off) and the bytes that leave the alternate screen,
//!   release the mouse, end bracketed paste and show the cursor.
//!
//! The handler does only async-signal-safe things (`unlink`, `write`,
//! `tcsetattr` on data prepared before it was installed) and then lets the
//! signal take its course: the disposition that was there before ours is
//! put back and the signal raised again, so the process ends *by the
//! signal* and the shell reports the conventional status 128 + n (130 for
//! SIGINT, 143 for SIGTERM). A signal that was ignored when fengong
//! started (`nohup`) stays ignored; a handler installed before ours (a
//! program embedding the library) is called after ours.
//!
//! The terminating signals handled: SIGINT, SIGTERM, SIGHUP, SIGQUIT,
//! SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, and SIGABRT (an
//! abort — out of memory, a panic while panicking — must not leave the
//! terminal raw either). While the explorer runs, SIGTSTP (`kill -TSTP`)
//! gives the terminal back and stops; on SIGCONT the explorer takes the
//! terminal again and redraws ([`take_resumed`]). SIGKILL and SIGSTOP
//! cannot be caught; SIGSEGV and SIGBUS belong to Rust's stack-overflow
//! guard (which aborts, and SIGABRT is handled).

use std::path::Path;

/// Registers a temporary file to remove if a signal ends the process; the
/// slot to unregister it with (`None` when all slots are busy: the next
/// write into that folder removes it instead).
pub fn register_temporary(path: &Path) -> Option<usize> {
    imp::register_temporary(path)
}

/// Runs `f` with the signals that end the process held back on this
/// thread, the handler installed first: a temporary created and registered
/// in `f` is never left behind by a signal landing between the two (one
/// that arrives meanwhile is delivered when `f` is done).
pub fn holding_signals<T>(f: impl FnOnce() -> T) -> T {
    imp::holding_signals(f)
}

/// Forgets a temporary registered with [`register_temporary`].
pub fn unregister_temporary(slot: usize) {
    imp::unregister_temporary(slot)
}

/// The explorer is about to change the terminal: saves its mode (call
/// before raw mode is switched on) and what to write to give it back.
/// `leave` is written to standard output on a signal; `enter` after a
/// SIGTSTP stop, when the process continues.
pub fn take_terminal(leave: &[u8], enter: &[u8]) {
    imp::take_terminal(leave, enter)
}

/// Raw mode is on: the mode to put back after a stop (SIGTSTP, SIGCONT).
pub fn terminal_is_raw() {
    imp::terminal_is_raw()
}

/// The explorer has given the terminal back itself.
pub fn release_terminal() {
    imp::release_terminal()
}

/// Whether the process was stopped and continued since the last call:
/// the terminal was taken again and the screen must be drawn anew.
pub fn take_resumed() -> bool {
    imp::take_resumed()
}

#[cfg(unix)]
mod imp {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::sync::Once;
    use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};

    const SLOTS: usize = 32;
    /// Signals whose default action ends the process.
    const ENDING: [libc::c_int; 11] = [
        libc::SIGINT,
        libc::SIGTERM,
        libc::SIGHUP,
        libc::SIGQUIT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGXCPU,
        libc::SIGABRT,
    ];
    /// `ENDING` and SIGTSTP: one saved previous action each.
    const ALL: usize = ENDING.len() + 1;
    const TSTP: usize = ENDING.len();

    static TEMPS: [AtomicPtr<libc::c_char>; SLOTS] =
        [const { AtomicPtr::new(std::ptr::null_mut()) }; SLOTS];

    /// The actions before ours, written once before our handler goes in and
    /// only read after; `INSTALLED[i]` says whether ours went in.
    static mut PREVIOUS: [std::mem::MaybeUninit<libc::sigaction>; ALL] =
        [const { std::mem::MaybeUninit::uninit() }; ALL];
    static INSTALLED: [AtomicBool; ALL] = [const { AtomicBool::new(false) }; ALL];
    static INSTALL: Once = Once::new();
    static INSTALL_TSTP: Once = Once::new();

    /// The terminal, while the explorer holds it. The buffers and modes
    /// are written before `HELD` is set (release) and read by the handler
    /// only after it saw `HELD` (acquire).
    static HELD: AtomicBool = AtomicBool::new(false);
    static RAW_SAVED: AtomicBool = AtomicBool::new(false);
    static RESUMED: AtomicBool = AtomicBool::new(false);
    const BYTES: usize = 256;
    static mut LEAVE: [u8; BYTES] = [0; BYTES];
    static LEAVE_LEN: AtomicUsize = AtomicUsize::new(0);
    static mut ENTER: [u8; BYTES] = [0; BYTES];
    static ENTER_LEN: AtomicUsize = AtomicUsize::new(0);
    static mut COOKED: std::mem::MaybeUninit<libc::termios> = std::mem::MaybeUninit::uninit();
    static mut RAW: std::mem::MaybeUninit<libc::termios> = std::mem::MaybeUninit::uninit();

    pub(super) fn register_temporary(path: &Path) -> Option<usize> {
        INSTALL.call_once(install_ending);
        let c = CString::new(path.as_os_str().as_bytes()).ok()?.into_raw();
        for (i, slot) in TEMPS.iter().enumerate() {
            if slot
                .compare_exchange(std::ptr::null_mut(), c, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                return Some(i);
            }
        }
        // SAFETY: `c` came from `into_raw` just above and was not shared.
        drop(unsafe { CString::from_raw(c) });
        None
    }

    pub(super) fn holding_signals<T>(f: impl FnOnce() -> T) -> T {
        INSTALL.call_once(install_ending);
        // SAFETY: plain signal-mask calls on this thread's mask, put back
        // as it was.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            for &sig in &ENDING {
                libc::sigaddset(&mut set, sig);
            }
            let mut old: libc::sigset_t = std::mem::zeroed();
            libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old);
            let r = f();
            libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
            r
        }
    }

    pub(super) fn unregister_temporary(slot: usize) {
        let c = TEMPS[slot].swap(std::ptr::null_mut(), Ordering::AcqRel);
        if !c.is_null() {
            // SAFETY: the pointer came from `into_raw` in `register`, and the
            // swap took it out of the table, so nothing else frees it.
            drop(unsafe { CString::from_raw(c) });
        }
    }

    pub(super) fn take_terminal(leave: &[u8], enter: &[u8]) {
        HELD.store(false, Ordering::SeqCst);
        // SAFETY: the handler reads these only while HELD is set, and HELD
        // is clear while they are written (one explorer at a time).
        unsafe {
            let n = leave.len().min(BYTES);
            std::ptr::copy_nonoverlapping(leave.as_ptr(), (&raw mut LEAVE).cast::<u8>(), n);
            LEAVE_LEN.store(n, Ordering::Relaxed);
            let n = enter.len().min(BYTES);
            std::ptr::copy_nonoverlapping(enter.as_ptr(), (&raw mut ENTER).cast::<u8>(), n);
            ENTER_LEN.store(n, Ordering::Relaxed);
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut t) != 0 {
                return; // not a terminal: nothing to give back
            }
            (&raw mut COOKED).cast::<libc::termios>().write(t);
        }
        RAW_SAVED.store(false, Ordering::SeqCst);
        INSTALL.call_once(install_ending);
        INSTALL_TSTP.call_once(|| install(TSTP, libc::SIGTSTP));
        HELD.store(true, Ordering::SeqCst);
    }

    pub(super) fn terminal_is_raw() {
        // SAFETY: as in `take_terminal`; RAW is read only once RAW_SAVED is set.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut t) == 0 {
                (&raw mut RAW).cast::<libc::termios>().write(t);
                RAW_SAVED.store(true, Ordering::SeqCst);
            }
        }
    }

    pub(super) fn release_terminal() {
        HELD.store(false, Ordering::SeqCst);
        RAW_SAVED.store(false, Ordering::SeqCst);
    }

    pub(super) fn take_resumed() -> bool {
        RESUMED.swap(false, Ordering::AcqRel)
    }

    fn install_ending() {
        for (i, &sig) in ENDING.iter().enumerate() {
            install(i, sig);
        }
    }

    fn install(i: usize, sig: libc::c_int) {
        // SAFETY: plain sigaction calls; PREVIOUS[i] is written before the
        // handler that reads it is installed, and never again.
        unsafe {
            let mut new: libc::sigaction = std::mem::zeroed();
            new.sa_sigaction = handler as *const () as libc::sighandler_t;
            new.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
            libc::sigemptyset(&mut new.sa_mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
                return;
            }
            if old.sa_sigaction == libc::SIG_IGN {
                return; // ignored signals (nohup) stay ignored
            }
            let previous = &raw mut PREVIOUS;
            (*previous)[i].write(old);
            INSTALLED[i].store(true, Ordering::SeqCst);
            libc::sigaction(sig, &new, std::ptr::null_mut());
        }
    }

    /// Writes all of `bytes` to standard output (async-signal-safe).
    ///
    /// # Safety
    /// `ptr..ptr+len` must be readable.
    unsafe fn write_all(ptr: *const u8, len: usize) {
        let mut done = 0;
        while done < len {
            // SAFETY: within the buffer, per the caller.
            let n = unsafe {
                libc::write(
                    libc::STDOUT_FILENO,
                    ptr.add(done) as *const libc::c_void,
                    len - done,
                )
            };
            if n <= 0 {
                if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return;
            }
            done += n as usize;
        }
    }

    /// Gives the terminal back, if the explorer holds it.
    fn leave_terminal() {
        if !HELD.load(Ordering::Acquire) {
            return;
        }
        // SAFETY: written before HELD was set; write and tcsetattr are
        // async-signal-safe.
        unsafe {
            write_all(
                (&raw const LEAVE).cast::<u8>(),
                LEAVE_LEN.load(Ordering::Relaxed),
            );
            libc::tcsetattr(
                libc::STDIN_FILENO,
                libc::TCSANOW,
                (&raw const COOKED).cast::<libc::termios>(),
            );
        }
    }

    /// Takes the terminal again after a stop.
    fn enter_terminal() {
        if !HELD.load(Ordering::Acquire) {
            return;
        }
        // SAFETY: as in `leave_terminal`.
        unsafe {
            if RAW_SAVED.load(Ordering::Acquire) {
                libc::tcsetattr(
                    libc::STDIN_FILENO,
                    libc::TCSANOW,
                    (&raw const RAW).cast::<libc::termios>(),
                );
            }
            write_all(
                (&raw const ENTER).cast::<u8>(),
                ENTER_LEN.load(Ordering::Relaxed),
            );
        }
        RESUMED.store(true, Ordering::Release);
    }

    extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
        let errno = std::io::Error::last_os_error().raw_os_error();
        if sig == libc::SIGTSTP {
            leave_terminal();
            // SAFETY: the default action (stop) for this one signal, raised
            // with the signal unblocked; we continue here on SIGCONT, then
            // put our handler back.
            unsafe {
                let mut dfl: libc::sigaction = std::mem::zeroed();
                dfl.sa_sigaction = libc::SIG_DFL;
                let mut ours: libc::sigaction = std::mem::zeroed();
                libc::sigaction(sig, &dfl, &mut ours);
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                libc::sigaddset(&mut set, sig);
                libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
                libc::raise(sig);
                libc::sigaction(sig, &ours, std::ptr::null_mut());
            }
            enter_terminal();
            restore_errno(errno);
            return;
        }
        for slot in &TEMPS {
            let c = slot.load(Ordering::Acquire);
            if !c.is_null() {
                // SAFETY: a registered, NUL-terminated path; unlink is async-signal-safe.
                unsafe { libc::unlink(c) };
            }
        }
        leave_terminal();
        let Some(i) = ENDING.iter().position(|&s| s == sig) else {
            return;
        };
        if !INSTALLED[i].load(Ordering::Acquire) {
            return;
        }
        // SAFETY: PREVIOUS[i] was written before this handler was installed.
        unsafe {
            let previous = &raw const PREVIOUS;
            let old = (*previous)[i].assume_init_ref();
            if old.sa_sigaction == libc::SIG_DFL {
                // Back to the default and raised again: the process ends by
                // the signal once this handler returns, as it would have.
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
        restore_errno(errno);
    }

    /// A handler must leave `errno` as it found it.
    fn restore_errno(errno: Option<i32>) {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        if let Some(e) = errno {
            // SAFETY: the calling thread's errno location.
            unsafe { *libc::__errno_location() = e };
        }
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        let _ = errno;
    }
}

#[cfg(not(unix))]
mod imp {
    pub(super) fn register_temporary(_: &std::path::Path) -> Option<usize> {
        None
    }
    pub(super) fn unregister_temporary(_: usize) {}
    pub(super) fn holding_signals<T>(f: impl FnOnce() -> T) -> T {
        f()
    }
    pub(super) fn take_terminal(_: &[u8], _: &[u8]) {}
    pub(super) fn terminal_is_raw() {}
    pub(super) fn release_terminal() {}
    pub(super) fn take_resumed() -> bool {
        false
    }
}
