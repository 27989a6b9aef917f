//! Starting a host thread that runs PE code: its TEB and GS base, DLL_THREAD_ATTACH and TLS
//! callbacks before the start routine, DLL_THREAD_DETACH after it.

use std::sync::mpsc;

/// A PE thread start routine (LPTHREAD_START_ROUTINE).
pub type StartRoutine = extern "win64" fn(usize) -> u32;

/// Called when the thread ends, with its exit code (the kernel object records it here).
pub type OnExit = Box<dyn FnOnce(u32) + Send>;

/// Start `start(param)` on a new thread with a `stack`-byte stack (0 = 1 MiB, Windows' default
/// reserve). Returns the new thread's id once its TEB exists.
pub fn spawn(start: StartRoutine, param: usize, stack: usize, on_exit: OnExit) -> std::io::Result<u32> {
    let stack = if stack == 0 { 1 << 20 } else { stack.clamp(64 * 1024, 1 << 30) };
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new().stack_size(stack).spawn(move || {
        crate::teb::attach_current_thread();
        // SAFETY: gettid has no preconditions.
        let _ = tx.send(unsafe { libc::gettid() } as u32);
        run(start, param, on_exit)
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

/// End the calling thread's PE life: DLL_THREAD_DETACH, then record the exit code.
pub fn finish(code: u32, on_exit: OnExit) {
    if let Some(l) = crate::loader_api::try_loader() {
        l.thread_detach();
    }
    on_exit(code);
}
