//! Processes: starting children, the objects that stand for them, and what a child inherits.
//!
//! - **Starting** ([`spawn`]): a PE program runs in a new wine-rs (fork, then exec of the
//!   wine-rs binary itself, `/proc/self/exe`); a native program (ELF, `#!` script) is executed
//!   directly, with its argv split from the Windows command line by the CRT's rules.
//! - **The hand-off** ([`handoff`]): a wine-rs child learns from `WINE_RS_CHILD_*` environment
//!   variables its exact Windows command line, the handles it inherits (value → fd and flags;
//!   the fds themselves are inherited), its standard handles, and two private fds: one to
//!   report its 32-bit exit code (a Unix exit status keeps only 8 bits) and one on which the
//!   parent sends handles it duplicates into the child; and the STARTUPINFO `lpReserved2`
//!   bytes its parent passed to CreateProcess (the C runtime's fd table), which its
//!   GetStartupInfo returns ([`startup_reserved2`]). The launcher reads and removes them
//!   before the program runs ([`adopt_handoff`]); the Windows environment never shows them.
//! - **Process objects** are [`waitable::Process`]es: a reaper thread per child waits for it
//!   (wait4), then records its exit code, which signals the object and the child's main thread
//!   object. [`Child`] keeps what the parent knows about a child (pidfd, times, the code a
//!   TerminateProcess asked for).
//! - **Suspended children** (CREATE_SUSPENDED) wait, between fork and exec, on a pipe; a small
//!   thread waits at the child's thread object's gate and writes to the pipe when ResumeThread
//!   opens it.
//! - **Jobs** ([`job`]) and **times** ([`times`]).

pub mod builtin;
mod handoff;
pub mod job;
pub mod search;
mod spawn;
pub mod times;

pub use handoff::{Handoff, adopt_handoff, decode_hex, duplicate_into, encode_hex, report_exit, startup_reserved2};
pub use job::Job;
pub use spawn::{ProgramKind, Spawn, Spawned, program_kind, spawn};

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, Weak};
use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER};

use crate::handles::Object;
use crate::waitable::{self, State, Waitable};

/// What the parent knows about a process: a child it started, or another process it opened.
#[derive(Debug)]
pub struct Child {
    pub pid: u32,
    /// A pidfd (signals go through it, so a reused pid is never hit); -1 if none.
    pidfd: i32,
    /// Its Windows image path (QueryFullProcessImageName).
    pub image: String,
    /// Whether this process is our child (we reap it and know its exit code and times).
    pub ours: bool,
    /// FILETIME of its creation (for ours; others read /proc).
    pub created: u64,
    /// What happened at its exit, once it has exited.
    pub exit: Mutex<Option<ExitInfo>>,
    /// The exit code a TerminateProcess or a job asked for (reported if it dies by a signal).
    terminate_code: Mutex<Option<u32>>,
    /// The process object, for OpenProcess.
    object: Weak<Object>,
    /// Where the parent sends handles it duplicates into the child (wine-rs children).
    control: Option<handoff::Control>,
}

/// How a process ended.
#[derive(Debug, Clone, Copy)]
pub struct ExitInfo {
    pub code: u32,
    /// FILETIME of the exit.
    pub time: u64,
    /// Kernel and user time in 100-ns units.
    pub kernel: u64,
    pub user: u64,
}

impl Drop for Child {
    fn drop(&mut self) {
        if self.pidfd >= 0 {
            // SAFETY: our pidfd.
            unsafe { libc::close(self.pidfd) };
        }
    }
}

impl Child {
    /// Has the process exited (as far as we know)?
    pub fn has_exited(&self) -> bool {
        self.exit.lock().unwrap_or_else(|e| e.into_inner()).is_some()
    }

    /// Send SIGKILL, recording `code` as the exit code to report. ERROR_ACCESS_DENIED once the
    /// process has exited (as TerminateProcess reports it).
    pub fn kill(&self, code: u32) -> Result<(), u32> {
        let exit = self.exit.lock().unwrap_or_else(|e| e.into_inner());
        if exit.is_some() {
            return Err(ERROR_ACCESS_DENIED);
        }
        self.terminate_code.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(code);
        let r = if self.pidfd >= 0 {
            // SAFETY: pidfd_send_signal(pidfd, sig, info = NULL, flags = 0).
            unsafe { libc::syscall(libc::SYS_pidfd_send_signal, self.pidfd, libc::SIGKILL, 0usize, 0u32) }
        } else {
            // SAFETY: plain kill; the exit lock is held, and we reap our children only under it.
            unsafe { libc::kill(self.pid as i32, libc::SIGKILL) as libc::c_long }
        };
        drop(exit);
        // A failure (ESRCH) means it is exiting already: the reaper reports it.
        let _ = r;
        Ok(())
    }
}

/// Processes we know, by pid (children we started, processes opened by pid).
static KNOWN: LazyLock<Mutex<HashMap<u32, Arc<Child>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

fn known() -> std::sync::MutexGuard<'static, HashMap<u32, Arc<Child>>> {
    KNOWN.lock().unwrap_or_else(|e| e.into_inner())
}

fn register(child: Arc<Child>) {
    let mut k = known();
    // Forget processes whose objects are gone and that have exited.
    k.retain(|_, c| c.object.strong_count() > 0 || !c.has_exited());
    k.insert(child.pid, child);
}

/// The [`Child`] record of a process object (None for the current process and unknown ones).
pub fn child_of(obj: &Arc<Object>) -> Option<Arc<Child>> {
    let Object::Process(p) = &**obj else { return None };
    let k = known();
    k.get(&p.pid).filter(|c| std::ptr::eq(c.object.as_ptr(), Arc::as_ptr(obj))).cloned()
}

/// Signal a process or thread object as exited with `code` (the first report wins).
pub(crate) fn signal_exited(w: &Waitable, code: u32) {
    let mut g = w.lock();
    if let State::Exited(c @ None) = &mut g.state {
        *c = Some(code);
        g.wake_waiters();
    }
}

/// The exit code of a process killed by signal `sig` when nobody asked for one: 128 + the
/// signal number, as shells report it (and as wine-rs's own crash report exits); except that
/// a process killed by SIGINT or SIGQUIT (Ctrl+C, Ctrl+Break: see `ctrl`) ended as Windows
/// ends a process on those events: STATUS_CONTROL_C_EXIT.
fn signal_exit_code(sig: i32) -> u32 {
    if sig == libc::SIGINT || sig == libc::SIGQUIT {
        return windows_sys::Win32::Foundation::STATUS_CONTROL_C_EXIT as u32;
    }
    128 + sig as u32
}

/// OpenProcess: the object of process `pid`: the current process, a child (the same object
/// its creator holds), or any other live process (exit code 0 when it ends: only a parent
/// learns the real one). ERROR_INVALID_PARAMETER when there is no such process.
pub fn open(pid: u32) -> Result<Arc<Object>, u32> {
    if pid == crate::sync::current_pid() {
        return Ok(waitable::current_process());
    }
    if pid == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if let Some(c) = known().get(&pid)
        && let Some(o) = c.object.upgrade()
    {
        return Ok(o);
    }
    // SAFETY: pidfd_open(pid, flags = 0).
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0u32) } as i32;
    if pidfd < 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let obj = Arc::new(Object::Process(waitable::Process::new(pid)));
    let child = Arc::new(Child {
        pid,
        pidfd,
        image: String::new(),
        ours: false,
        created: times::start_filetime(pid).unwrap_or(0),
        exit: Mutex::new(None),
        terminate_code: Mutex::new(None),
        object: Arc::downgrade(&obj),
        control: None,
    });
    register(child.clone());
    watch_foreign(child, obj.clone());
    Ok(obj)
}

/// A thread that waits for a process we did not start to end (its pidfd becomes readable)
/// and signals its object.
fn watch_foreign(child: Arc<Child>, obj: Arc<Object>) {
    let w = Arc::downgrade(&obj);
    drop(obj);
    let spawned = std::thread::Builder::new().name("process-watch".into()).stack_size(64 * 1024).spawn(move || {
        let mut pfd = libc::pollfd { fd: child.pidfd, events: libc::POLLIN, revents: 0 };
        loop {
            // SAFETY: one valid pollfd.
            let r = unsafe { libc::poll(&mut pfd, 1, -1) };
            if r > 0 || (r < 0 && !eintr()) {
                break;
            }
        }
        let code = child.terminate_code.lock().unwrap_or_else(|e| e.into_inner()).unwrap_or(0);
        *child.exit.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(ExitInfo { code, time: crate::time::now_filetime(), kernel: 0, user: 0 });
        if let Some(o) = w.upgrade()
            && let Object::Process(p) = &*o
        {
            signal_exited(&p.waitable, code);
        }
    });
    if let Err(e) = spawned {
        log::warn!("OpenProcess: cannot start a watcher thread: {e}");
    }
}

fn eintr() -> bool {
    std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR)
}

/// TerminateProcess on a process object: the current process ends at once with `code`
/// (no DLL detach, as on Windows); another is killed and reports `code`.
/// ERROR_ACCESS_DENIED for a process that has already exited.
pub fn terminate(obj: &Arc<Object>, code: u32) -> Result<(), u32> {
    let Object::Process(p) = &**obj else { return Err(ERROR_INVALID_HANDLE) };
    if p.pid == crate::sync::current_pid() {
        terminate_self(code);
    }
    if p.exit_code().is_some() {
        return Err(ERROR_ACCESS_DENIED);
    }
    match child_of(obj) {
        Some(c) => c.kill(code),
        None => Err(ERROR_ACCESS_DENIED),
    }
}

/// End the current process now with `code`, telling a wine-rs parent the full code.
pub fn terminate_self(code: u32) -> ! {
    report_exit(code);
    // SAFETY: terminating the process.
    unsafe { libc::_exit(code as i32) }
}

/// The reaper of child `child`: wait for it, then record its exit code (the one it reported
/// through its exit pipe, else the code TerminateProcess asked for when it died by a signal,
/// else its 8-bit exit status) and signal its process and main thread objects.
fn reap(child: Arc<Child>, process: Arc<Object>, thread: Arc<Object>, exit_pipe: i32) {
    let spawned = std::thread::Builder::new().name("process-reaper".into()).stack_size(64 * 1024).spawn(move || {
        let mut status = 0;
        // SAFETY: a zeroed rusage to fill.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        loop {
            // SAFETY: our child's pid; valid out pointers.
            let r = unsafe { libc::wait4(child.pid as i32, &mut status, 0, &mut ru) };
            if r >= 0 || !eintr() {
                break;
            }
        }
        let reported = read_exit_code(exit_pipe);
        let asked = *child.terminate_code.lock().unwrap_or_else(|e| e.into_inner());
        let code = if libc::WIFSIGNALED(status) {
            asked.or(reported).unwrap_or_else(|| signal_exit_code(libc::WTERMSIG(status)))
        } else {
            reported.unwrap_or(libc::WEXITSTATUS(status) as u32)
        };
        let tv = |t: libc::timeval| t.tv_sec as u64 * 10_000_000 + t.tv_usec as u64 * 10;
        *child.exit.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(ExitInfo { code, time: crate::time::now_filetime(), kernel: tv(ru.ru_stime), user: tv(ru.ru_utime) });
        if let Object::Thread(t) = &*thread {
            t.exit(code);
        }
        if let Object::Process(p) = &*process {
            signal_exited(&p.waitable, code);
        }
    });
    if let Err(e) = spawned {
        log::warn!("CreateProcess: cannot start a reaper thread: {e}");
    }
}

/// The 4-byte exit code a wine-rs child wrote to its exit pipe, if any (and close the pipe).
fn read_exit_code(fd: i32) -> Option<u32> {
    if fd < 0 {
        return None;
    }
    let mut b = [0u8; 4];
    // SAFETY: reading into a local buffer; the write end is gone, so this does not block.
    let n = unsafe { libc::read(fd, b.as_mut_ptr() as *mut _, 4) };
    // SAFETY: our fd.
    unsafe { libc::close(fd) };
    (n == 4).then(|| u32::from_le_bytes(b))
}

#[cfg(test)]
mod tests;
