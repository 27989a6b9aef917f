//! Pure virtual calls.

use dllcore::export;
use msvcrt::cxx::exports::PURECALL;
use std::sync::atomic::Ordering;

/// _purecall: what a call through a pure virtual slot reaches. Calls the purecall handler
/// (_set_purecall_handler) if one is set; otherwise, or when it returns, abort() — the
/// Universal CRT's behaviour (msvcrt.dll instead ends with runtime error R6025).
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn _purecall() -> i32 {
    let h = PURECALL.load(Ordering::Acquire);
    if h != 0 {
        let f: unsafe extern "win64" fn() = unsafe { std::mem::transmute(h) };
        unsafe { f() };
    }
    log::error!("pure virtual function call");
    msvcrt::exit::abort()
}

/// _set_purecall_handler: set the process's purecall handler, return the old one.
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn _set_purecall_handler(f: usize) -> usize {
    PURECALL.swap(f, Ordering::AcqRel)
}

/// _get_purecall_handler: the process's purecall handler.
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn _get_purecall_handler() -> usize {
    PURECALL.load(Ordering::Acquire)
}
