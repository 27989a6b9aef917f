//! Console control events, the host side: how Ctrl+C and Ctrl+Break reach a process.
//!
//! A console control event arrives as a host signal: CTRL_C_EVENT as SIGINT (what the
//! terminal sends for Ctrl+C), CTRL_BREAK_EVENT as SIGQUIT (what it sends for Ctrl+\, the
//! nearest thing a terminal has to Ctrl+Break; `screen::send_ctrl_event` sends it too).
//!
//! Until [`start`] is called (kernel32 does it when the program registers its first handler)
//! the signals keep their default actions, so a process without handlers dies of Ctrl+C at
//! once. After it, an async-signal-safe handler writes the event's code to a pipe, and a
//! dispatcher thread (a host thread that runs no program code itself) reads it and calls the
//! function given to `start`, which runs the program's handlers.
//!
//! Ignoring Ctrl+C (SetConsoleCtrlHandler(NULL, TRUE)) is SIGINT's disposition SIG_IGN: that
//! is the one flag, so it is inherited by child processes across exec, as Windows documents
//! for the attribute, and a process started with SIGINT ignored starts ignoring Ctrl+C.

use std::sync::Mutex;
use std::sync::atomic::{AtomicI32, Ordering};
use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, CTRL_C_EVENT};

/// What runs an event's handlers (on the dispatcher thread; it may start threads).
pub type Dispatch = fn(event: u32);

/// The pipe's write end, written by the signal handler (-1 until started).
static WRITE_FD: AtomicI32 = AtomicI32::new(-1);
/// The dispatch function once started; also serialises changes of the dispositions.
static STATE: Mutex<Option<Dispatch>> = Mutex::new(None);

/// The host signal that carries `event` (CTRL_C_EVENT or CTRL_BREAK_EVENT).
pub fn signal_of(event: u32) -> Option<i32> {
    match event {
        CTRL_C_EVENT => Some(libc::SIGINT),
        CTRL_BREAK_EVENT => Some(libc::SIGQUIT),
        _ => None,
    }
}

/// The signal handler: only an atomic load and write(2), both async-signal-safe.
extern "C" fn on_signal(sig: i32) {
    let fd = WRITE_FD.load(Ordering::Relaxed);
    if fd < 0 {
        return;
    }
    let event = if sig == libc::SIGQUIT { CTRL_BREAK_EVENT } else { CTRL_C_EVENT } as u8;
    // SAFETY: errno is this thread's; write has no memory preconditions beyond the byte.
    unsafe {
        let saved = *libc::__errno_location();
        libc::write(fd, &event as *const u8 as *const _, 1);
        *libc::__errno_location() = saved;
    }
}

fn set_disposition(sig: i32, handler: libc::sighandler_t) {
    // SAFETY: a zeroed sigaction with an empty mask is valid; `on_signal` is async-signal-safe.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig, &sa, std::ptr::null_mut());
    }
}

fn disposition(sig: i32) -> libc::sighandler_t {
    // SAFETY: querying only.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old);
        old.sa_sigaction
    }
}

fn lock() -> std::sync::MutexGuard<'static, Option<Dispatch>> {
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Route control events to `dispatch` from now on (once; later calls do nothing): creates the
/// pipe, starts the dispatcher thread and installs the handlers of SIGINT (unless Ctrl+C is
/// ignored) and SIGQUIT. `dispatch` runs on the dispatcher thread, one event at a time.
pub fn start(dispatch: Dispatch) -> Result<(), u32> {
    let mut state = lock();
    if state.is_some() {
        return Ok(());
    }
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills the two fds. The write end is non-blocking: a signal handler must
    // never block (a full pipe only loses events the dispatcher has not caught up with).
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(crate::errno::last());
    }
    // SAFETY: our own fd.
    unsafe {
        let fl = libc::fcntl(fds[1], libc::F_GETFL);
        libc::fcntl(fds[1], libc::F_SETFL, fl | libc::O_NONBLOCK);
    }
    let read_fd = fds[0];
    let spawned = std::thread::Builder::new().name("ctrl-events".into()).spawn(move || dispatcher(read_fd, dispatch));
    if spawned.is_err() {
        // SAFETY: our own fds.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
        return Err(windows_sys::Win32::Foundation::ERROR_NOT_ENOUGH_MEMORY);
    }
    WRITE_FD.store(fds[1], Ordering::Release);
    *state = Some(dispatch);
    if disposition(libc::SIGINT) != libc::SIG_IGN {
        set_disposition(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
    }
    set_disposition(libc::SIGQUIT, on_signal as *const () as libc::sighandler_t);
    Ok(())
}

/// The dispatcher thread: one byte per event.
fn dispatcher(fd: i32, dispatch: Dispatch) {
    loop {
        let mut b = 0u8;
        // SAFETY: reading one byte into `b`.
        let r = unsafe { libc::read(fd, &mut b as *mut u8 as *mut _, 1) };
        if r == 1 {
            dispatch(b as u32);
        } else if r < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        } else {
            return;
        }
    }
}

/// Is Ctrl+C ignored (SIGINT's disposition is SIG_IGN)?
pub fn ctrl_c_ignored() -> bool {
    disposition(libc::SIGINT) == libc::SIG_IGN
}

/// Ignore Ctrl+C (SIG_IGN, inherited by children) or stop ignoring it (our handler when
/// started, else the default action).
pub fn set_ctrl_c_ignored(ignore: bool) {
    let state = lock();
    let h = if ignore {
        libc::SIG_IGN
    } else if state.is_some() {
        on_signal as *const () as libc::sighandler_t
    } else {
        libc::SIG_DFL
    };
    set_disposition(libc::SIGINT, h);
}

/// The default action of an event no handler took: the process dies of the signal that
/// carries it (SIGINT for Ctrl+C, so a shell sees the usual status 130; SIGQUIT for
/// Ctrl+Break, 131, without a core file), as a process without handlers does; a wine-rs parent
/// reads STATUS_CONTROL_C_EXIT for both. Windows instead calls
/// ExitProcess(STATUS_CONTROL_C_EXIT): DLL_PROCESS_DETACH and atexit do not run here.
pub fn die_of(event: u32) -> ! {
    let sig = signal_of(event).unwrap_or(libc::SIGINT);
    let _state = lock();
    set_disposition(sig, libc::SIG_DFL);
    // SAFETY: no core file for SIGQUIT; unblock the signal for this thread, then send it to the
    // whole process.
    unsafe {
        let none = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        libc::setrlimit(libc::RLIMIT_CORE, &none);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::kill(libc::getpid(), sig);
        // Delivery is asynchronous; should it not end us at once, end the process the same way.
        libc::usleep(100_000);
        libc::_exit(128 + sig);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;

    static SEEN: AtomicU32 = AtomicU32::new(0);

    fn record(event: u32) {
        SEEN.fetch_add(1 + event * 16, Ordering::SeqCst);
    }

    fn wait_for(v: u32) -> bool {
        for _ in 0..500 {
            if SEEN.load(Ordering::SeqCst) == v {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        false
    }

    /// One test, as the dispositions are process-wide: events reach the dispatcher, and the
    /// ignore flag is SIGINT's SIG_IGN.
    #[test]
    fn signals_reach_the_dispatcher_and_ctrl_c_can_be_ignored() {
        start(record).unwrap();
        start(record).unwrap();
        // SAFETY: signals to ourselves, now handled.
        unsafe { libc::kill(libc::getpid(), libc::SIGINT) };
        assert!(wait_for(1), "CTRL_C_EVENT dispatched");
        unsafe { libc::kill(libc::getpid(), libc::SIGQUIT) };
        assert!(wait_for(1 + 17), "CTRL_BREAK_EVENT dispatched");
        assert!(!ctrl_c_ignored());
        set_ctrl_c_ignored(true);
        assert!(ctrl_c_ignored());
        unsafe { libc::kill(libc::getpid(), libc::SIGINT) };
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(SEEN.load(Ordering::SeqCst), 18, "ignored");
        set_ctrl_c_ignored(false);
        assert!(!ctrl_c_ignored());
        unsafe { libc::kill(libc::getpid(), libc::SIGINT) };
        assert!(wait_for(19), "handled again");
        assert_eq!(signal_of(CTRL_C_EVENT), Some(libc::SIGINT));
        assert_eq!(signal_of(CTRL_BREAK_EVENT), Some(libc::SIGQUIT));
        assert_eq!(signal_of(7), None);
    }
}
