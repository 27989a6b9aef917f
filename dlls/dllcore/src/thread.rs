//! Starting a host thread that runs PE code, in the order Windows runs a new thread:
//! its TEB and GS base; the creator's prelude (kernel32: adopt the thread object, and wait
//! there while the thread is suspended - so a CREATE_SUSPENDED thread runs nothing of the
//! program's before ResumeThread); DLL_THREAD_ATTACH and TLS callbacks; the start routine.
//! At the end: the thread-exit hooks (kernel32's FLS callbacks), DLL_THREAD_DETACH, the
//! creator's `on_exit` with the exit code, and the TEB and static TLS are freed.

use std::sync::Mutex;
use std::sync::mpsc;

/// A PE thread start routine (LPTHREAD_START_ROUTINE).
pub type StartRoutine = extern "win64" fn(usize) -> u32;

/// Called when the thread ends, with its exit code (the kernel object records it here).
pub type OnExit = Box<dyn FnOnce(u32) + Send>;

/// Runs on the new thread before DLL_THREAD_ATTACH.
pub type Prelude = Box<dyn FnOnce() + Send>;

/// Start `start(param)` on a new thread with a `stack`-byte stack (0 = 1 MiB, Windows' default
/// reserve). Returns the new thread's id once its TEB exists.
pub fn spawn(start: StartRoutine, param: usize, stack: usize, on_exit: OnExit) -> std::io::Result<u32> {
    spawn_with(start, param, stack, Box::new(|| {}), on_exit)
}

/// As [`spawn`], running `prelude` on the new thread before DLL_THREAD_ATTACH.
pub fn spawn_with(
    start: StartRoutine,
    param: usize,
    stack: usize,
    prelude: Prelude,
    on_exit: OnExit,
) -> std::io::Result<u32> {
    let stack = if stack == 0 { 1 << 20 } else { stack.clamp(64 * 1024, 1 << 30) };
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new().stack_size(stack).spawn(move || {
        crate::teb::attach_current_thread();
        // SAFETY: gettid has no preconditions.
        let _ = tx.send(unsafe { libc::gettid() } as u32);
        // ExitThread and TerminateThread (even of a thread still in its prelude) come back
        // here (see exit_point), having ended the thread for Windows themselves.
        crate::exit_point::run(|| {
            prelude();
            run(start, param, on_exit)
        });
        release_teb();
    })?;
    rx.recv().map_err(|_| std::io::Error::other("thread died before it started"))
}

fn run(start: StartRoutine, param: usize, on_exit: OnExit) {
    if let Some(l) = crate::loader_api::try_loader() {
        l.thread_attach();
    }
    let code = start(param);
    finish(code, on_exit)
}

/// Hooks run by an ending thread before DLL_THREAD_DETACH (kernel32's FLS callbacks).
static EXIT_HOOKS: Mutex<Vec<fn()>> = Mutex::new(Vec::new());

/// Register a hook every thread runs as it ends, before DLL_THREAD_DETACH (once per hook).
pub fn on_thread_exit(f: fn()) {
    let mut h = EXIT_HOOKS.lock().unwrap_or_else(|e| e.into_inner());
    if !h.iter().any(|&g| std::ptr::fn_addr_eq(g, f)) {
        h.push(f);
    }
}

/// End the calling thread's PE life: the exit hooks, DLL_THREAD_DETACH, then record the exit
/// code.
pub fn finish(code: u32, on_exit: OnExit) {
    let hooks = EXIT_HOOKS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for h in hooks {
        h();
    }
    if let Some(l) = crate::loader_api::try_loader() {
        l.thread_detach();
    }
    on_exit(code);
}

/// Hooks run just before a thread's TEB is freed (kernel32's TLS expansion slots).
static TEB_HOOKS: Mutex<Vec<fn()>> = Mutex::new(Vec::new());

/// Register a hook every thread runs just before its TEB is freed (once per hook).
pub fn before_teb_release(f: fn()) {
    let mut h = TEB_HOOKS.lock().unwrap_or_else(|e| e.into_inner());
    if !h.iter().any(|&g| std::ptr::fn_addr_eq(g, f)) {
        h.push(f);
    }
}

/// The calling thread will run no more PE code: the hooks, then its TEB and static TLS are
/// freed (ExitThread calls this before leaving; a thread returning from its start routine
/// gets it from [`spawn`]).
pub fn release_teb() {
    let hooks = TEB_HOOKS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for h in hooks {
        h();
    }
    crate::teb::detach_current_thread();
}

/// The process is ending (ExitProcess): run the exit hooks for the calling thread, once.
pub fn process_exiting() {
    static DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if DONE.swap(true, std::sync::atomic::Ordering::AcqRel) {
        return;
    }
    let hooks = EXIT_HOOKS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for h in hooks {
        h();
    }
}
