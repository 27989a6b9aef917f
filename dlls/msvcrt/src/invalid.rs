//! The invalid-parameter handler: what the `_s` functions (and others that validate their
//! arguments) call when an argument is invalid, before they set errno and return EINVAL.
//!
//! The handler set by `_set_invalid_parameter_handler` (or, in ucrtbase, the calling thread's
//! one set by `_set_thread_local_invalid_parameter_handler`, which takes precedence) is called
//! with NULL expression/function/file and line 0, as release builds of the CRT do; when it
//! returns, the function goes on to fail with EINVAL (or ERANGE).
//!
//! With no handler the two DLLs differ (checked under Wine 8):
//! - msvcrt.dll has no default handler: the function just fails (errno and return value).
//! - ucrtbase.dll's default handler ends the process: Windows calls `__fastfail(
//!   FAST_FAIL_INVALID_ARG)` (exit status 0xC0000409); Wine raises the non-continuable
//!   exception STATUS_INVALID_CRUNTIME_PARAMETER (0xC0000417). We end the process with
//!   0xC0000409, as Windows does. A program that tests invalid parameters installs a handler.

use dllcore::export;
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// `_invalid_parameter_handler`: (expression, function, file, line, reserved).
pub type Handler = unsafe extern "win64" fn(*const u16, *const u16, *const u16, u32, usize);

static GLOBAL: AtomicUsize = AtomicUsize::new(0);
/// Set when ucrtbase.dll is bound in the process (its default handler ends the process).
static UCRT_LOADED: AtomicBool = AtomicBool::new(false);

thread_local! {
    static THREAD: Cell<usize> = const { Cell::new(0) };
}

/// Exit status of a `__fastfail` (STATUS_STACK_BUFFER_OVERRUN).
pub const FASTFAIL_STATUS: u32 = 0xC000_0409;

/// Record that ucrtbase.dll serves this process (its default handler then applies).
pub fn note_ucrt_loaded() {
    UCRT_LOADED.store(true, Ordering::Release);
}

/// Report an invalid parameter: call the handler, or apply the DLL's default (see the module
/// comment). Returns when the program's handler returns (or msvcrt has none).
pub fn invalid_parameter() {
    let h = match THREAD.with(|t| t.get()) {
        0 => GLOBAL.load(Ordering::Acquire),
        h => h,
    };
    if h != 0 {
        // SAFETY: the program installed this function as its handler.
        let f: Handler = unsafe { std::mem::transmute(h) };
        unsafe { f(std::ptr::null(), std::ptr::null(), std::ptr::null(), 0, 0) };
        return;
    }
    if UCRT_LOADED.load(Ordering::Acquire) && !cfg!(test) {
        log::error!("invalid parameter passed to a C runtime function: ending the process");
        dllcore::process::exit_process(FASTFAIL_STATUS);
    }
    log::warn!("invalid parameter passed to a C runtime function");
}

/// Report an invalid parameter, set errno to `err`, and return `err` (the `_s` functions'
/// usual failure path).
pub fn fail(err: i32) -> i32 {
    invalid_parameter();
    crate::errno::set_errno(err);
    err
}

/// _set_invalid_parameter_handler: returns the previous handler.
#[export]
pub extern "win64" fn _set_invalid_parameter_handler(handler: *mut c_void) -> *mut c_void {
    GLOBAL.swap(handler as usize, Ordering::AcqRel) as *mut c_void
}

/// _get_invalid_parameter_handler.
#[export]
pub extern "win64" fn _get_invalid_parameter_handler() -> *mut c_void {
    GLOBAL.load(Ordering::Acquire) as *mut c_void
}

/// _set_thread_local_invalid_parameter_handler (UCRT): the calling thread's handler, which
/// takes precedence over the global one.
#[export(only = crate::UCRT)]
pub extern "win64" fn _set_thread_local_invalid_parameter_handler(
    handler: *mut c_void,
) -> *mut c_void {
    THREAD.with(|t| t.replace(handler as usize)) as *mut c_void
}

/// _get_thread_local_invalid_parameter_handler (UCRT).
#[export(only = crate::UCRT)]
pub extern "win64" fn _get_thread_local_invalid_parameter_handler() -> *mut c_void {
    THREAD.with(|t| t.get()) as *mut c_void
}

/// _invalid_parameter: what the CRT's debug builds call; calls the handler with these
/// arguments (or applies the default).
#[export]
pub unsafe extern "win64" fn _invalid_parameter(
    expr: *const u16,
    func: *const u16,
    file: *const u16,
    line: u32,
    reserved: usize,
) {
    let h = match THREAD.with(|t| t.get()) {
        0 => GLOBAL.load(Ordering::Acquire),
        h => h,
    };
    if h != 0 {
        let f: Handler = unsafe { std::mem::transmute(h) };
        unsafe { f(expr, func, file, line, reserved) };
    } else {
        invalid_parameter();
    }
}

/// _invalid_parameter_noinfo (UCRT): `_invalid_parameter` without details.
#[export(only = crate::UCRT)]
pub extern "win64" fn _invalid_parameter_noinfo() {
    invalid_parameter();
}

/// _invalid_parameter_noinfo_noreturn (UCRT): report, then end the process as
/// `_invoke_watson` does.
#[export(only = crate::UCRT)]
pub extern "win64" fn _invalid_parameter_noinfo_noreturn() -> ! {
    invalid_parameter();
    dllcore::process::exit_process(FASTFAIL_STATUS)
}

/// _invoke_watson (UCRT): `__fastfail(FAST_FAIL_INVALID_ARG)`: the process ends at once.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _invoke_watson(
    _expr: *const u16,
    _func: *const u16,
    _file: *const u16,
    _line: u32,
    _reserved: usize,
) -> ! {
    dllcore::process::exit_process(FASTFAIL_STATUS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;

    pub static CALLS: AtomicU32 = AtomicU32::new(0);

    unsafe extern "win64" fn counting(
        _: *const u16,
        _: *const u16,
        _: *const u16,
        _: u32,
        _: usize,
    ) {
        CALLS.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn thread_handler_wins_and_fail_sets_errno() {
        std::thread::spawn(|| {
            let before = CALLS.load(Ordering::SeqCst);
            let old = _set_thread_local_invalid_parameter_handler(counting as *mut c_void);
            assert!(old.is_null());
            assert_eq!(fail(crate::errno::ERANGE), crate::errno::ERANGE);
            assert_eq!(crate::errno::errno(), crate::errno::ERANGE);
            assert_eq!(CALLS.load(Ordering::SeqCst), before + 1);
            _set_thread_local_invalid_parameter_handler(std::ptr::null_mut());
        })
        .join()
        .unwrap();
    }
}
