//! errhandlingapi.h: the last error, unhandled-exception filter.

use dllcore::export;
use dllcore::teb;
use std::sync::atomic::{AtomicUsize, Ordering};

/// GetLastError: the calling thread's last-error code (TEB.LastErrorValue).
#[export]
pub extern "win64" fn GetLastError() -> u32 {
    teb::last_error()
}

/// SetLastError: set the calling thread's last-error code.
#[export]
pub extern "win64" fn SetLastError(code: u32) {
    teb::set_last_error(code)
}

static UNHANDLED_FILTER: AtomicUsize = AtomicUsize::new(0);

/// SetUnhandledExceptionFilter: install the top-level filter, returning the previous one.
/// Stored; wine-rs calls it once exceptions are dispatched (exceptions issue).
#[export]
pub extern "win64" fn SetUnhandledExceptionFilter(filter: usize) -> usize {
    UNHANDLED_FILTER.swap(filter, Ordering::AcqRel)
}

/// The filter the program installed (0 = none).
pub fn unhandled_filter() -> usize {
    UNHANDLED_FILTER.load(Ordering::Acquire)
}
