//! wincon.h's control events: running the program's HandlerRoutines when Ctrl+C or
//! Ctrl+Break arrives (the host side, signals and the dispatcher, is `syscall_shims::ctrl`).
//!
//! As on Windows, each event runs on a new thread of the process (a PE thread with a TEB, like
//! CreateThread's, that does not keep the process alive), which calls the handlers most
//! recently registered first until one returns TRUE; if none does, the default action ends
//! the process. Windows' default handler calls ExitProcess(STATUS_CONTROL_C_EXIT); here the
//! process dies of the host signal that carried the event (`ctrl::die_of`: SIGINT, so a shell
//! sees status 130, and a wine-rs parent reads STATUS_CONTROL_C_EXIT; SIGQUIT for Ctrl+Break),
//! without DLL_PROCESS_DETACH or atexit, exactly as a process that registered no handler.

use crate::consoleapi::ctrl_handlers;
use syscall_shims::{ctrl, waitable};
use windows_sys::Win32::System::Console::CTRL_C_EVENT;
use windows_sys::core::BOOL;

/// A HandlerRoutine: BOOL WINAPI (DWORD event).
type HandlerRoutine = unsafe extern "win64" fn(u32) -> BOOL;

/// Route control events to the program's handlers from now on (once).
pub fn start() {
    if let Err(e) = ctrl::start(dispatch) {
        log::warn!("SetConsoleCtrlHandler: cannot route control events: error {e}");
    }
}

/// On the dispatcher thread: start the event's handler thread.
fn dispatch(event: u32) {
    if event == CTRL_C_EVENT && ctrl::ctrl_c_ignored() {
        return;
    }
    syscall_shims::sync::going_multi_threaded();
    if let Err(e) = dllcore::thread::spawn(handler_thread, event as usize, 0, Box::new(waitable::exit_current_thread)) {
        log::warn!("control event {event}: cannot start its thread: {e}");
        ctrl::die_of(event);
    }
}

/// The event's thread (after DLL_THREAD_ATTACH): the handlers, then the default action.
extern "win64" fn handler_thread(event: usize) -> u32 {
    crate::threads::mark_service_thread();
    let event = event as u32;
    if !run_handlers(&ctrl_handlers().0, event) {
        ctrl::die_of(event);
    }
    0
}

/// Call `handlers` (most recent first) with `event` until one returns TRUE; true if one did.
pub fn run_handlers(handlers: &[usize], event: u32) -> bool {
    handlers.iter().any(|&h| {
        // SAFETY: a HandlerRoutine the program registered with SetConsoleCtrlHandler.
        let f: HandlerRoutine = unsafe { std::mem::transmute(h) };
        unsafe { f(event) != 0 }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use windows_sys::Win32::Foundation::{FALSE, TRUE};

    static CALLS: Mutex<Vec<(u8, u32)>> = Mutex::new(Vec::new());

    unsafe extern "win64" fn a(e: u32) -> BOOL {
        CALLS.lock().unwrap().push((b'a', e));
        TRUE
    }
    unsafe extern "win64" fn b(e: u32) -> BOOL {
        CALLS.lock().unwrap().push((b'b', e));
        FALSE
    }
    unsafe extern "win64" fn c(e: u32) -> BOOL {
        CALLS.lock().unwrap().push((b'c', e));
        FALSE
    }

    #[test]
    fn handlers_run_in_order_until_one_returns_true() {
        let list = [c as usize, b as usize, a as usize, c as usize];
        assert!(run_handlers(&list, 1));
        assert_eq!(*CALLS.lock().unwrap(), [(b'c', 1), (b'b', 1), (b'a', 1)], "stops at the first TRUE");
        CALLS.lock().unwrap().clear();
        assert!(!run_handlers(&[b as usize, c as usize], 0));
        assert_eq!(*CALLS.lock().unwrap(), [(b'b', 0), (b'c', 0)]);
        assert!(!run_handlers(&[], 0), "no handler: the default action");
    }
}
