//! signal(SIGINT) and signal(SIGBREAK): the CRT's console control handler, as the Microsoft
//! CRT has. Setting either signal registers [`ctrl_event`] once with kernel32's
//! SetConsoleCtrlHandler (looked up through the loader, as msvcrt.dll imports it); the event's
//! thread then calls the program's handler for the matching signal.

use crate::misc::{SIG_DFL, SIG_IGN, SIGBREAK, SIGINT, signal, signal_handler};
use std::sync::Once;
use windows_sys::Win32::Foundation::{FALSE, TRUE};
use windows_sys::Win32::System::Console::CTRL_C_EVENT;
use windows_sys::core::BOOL;

type SetConsoleCtrlHandler = unsafe extern "win64" fn(Option<unsafe extern "win64" fn(u32) -> BOOL>, BOOL) -> BOOL;

static REGISTERED: Once = Once::new();

/// `signal(sig, …)` was called: for SIGINT and SIGBREAK, make sure the CRT's control handler
/// is registered (once per process, as the Microsoft CRT does).
pub fn signal_set(sig: i32) {
    if sig != SIGINT && sig != SIGBREAK {
        return;
    }
    REGISTERED.call_once(|| {
        let f = crate::process::kernel32("SetConsoleCtrlHandler");
        if f != 0 {
            // SAFETY: kernel32's SetConsoleCtrlHandler.
            unsafe { std::mem::transmute::<usize, SetConsoleCtrlHandler>(f)(Some(ctrl_event), TRUE) };
        }
    });
}

/// The CRT's HandlerRoutine: the program's handler of SIGINT (CTRL_C_EVENT) or SIGBREAK
/// (CTRL_BREAK_EVENT, and the other events, as the Microsoft CRT maps them). SIG_DFL: FALSE,
/// so the next handler or the default action (ending the process) runs; SIG_IGN: TRUE
/// without a call; a function: reset to SIG_DFL, called with the signal number, TRUE.
pub unsafe extern "win64" fn ctrl_event(event: u32) -> BOOL {
    let sig = if event == CTRL_C_EVENT { SIGINT } else { SIGBREAK };
    match signal_handler(sig) {
        SIG_DFL => FALSE,
        SIG_IGN => TRUE,
        _ => match signal(sig, SIG_DFL) {
            // Changed meanwhile by another thread: as if it had been so from the start.
            SIG_DFL => FALSE,
            SIG_IGN => {
                signal(sig, SIG_IGN);
                TRUE
            }
            h => {
                // SAFETY: the program's handler, void (*)(int).
                let f: unsafe extern "win64" fn(i32) = unsafe { std::mem::transmute(h) };
                unsafe { f(sig) };
                TRUE
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI32, Ordering};
    use windows_sys::Win32::System::Console::CTRL_BREAK_EVENT;

    static GOT: AtomicI32 = AtomicI32::new(0);

    extern "win64" fn on_break(sig: i32) {
        GOT.store(sig, Ordering::SeqCst);
    }

    #[test]
    fn ctrl_events_reach_the_signal_handlers() {
        // SIGBREAK only: misc's tests use SIGINT's slot.
        signal(SIGBREAK, SIG_DFL);
        assert_eq!(unsafe { ctrl_event(CTRL_BREAK_EVENT) }, FALSE, "SIG_DFL: the default action");
        signal(SIGBREAK, SIG_IGN);
        assert_eq!(unsafe { ctrl_event(CTRL_BREAK_EVENT) }, TRUE, "SIG_IGN: handled");
        assert_eq!(signal_handler(SIGBREAK), SIG_IGN);
        signal(SIGBREAK, on_break as *const () as usize);
        assert_eq!(unsafe { ctrl_event(CTRL_BREAK_EVENT) }, TRUE);
        assert_eq!(GOT.load(Ordering::SeqCst), SIGBREAK);
        assert_eq!(signal_handler(SIGBREAK), SIG_DFL, "reset before the call");
        assert_eq!(unsafe { ctrl_event(5) }, FALSE, "CTRL_LOGOFF_EVENT: SIGBREAK's SIG_DFL");
    }
}
