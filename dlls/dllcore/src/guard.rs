//! The panic guard: a Rust panic must never unwind into PE code.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Run an export's body; if it panics, report which export and terminate the process.
/// Costs nothing on the normal path (a landing pad, no extra instructions).
#[inline(always)]
pub fn no_unwind<R>(dll: &str, func: &str, f: impl FnOnce() -> R) -> R {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(e) => died(dll, func, e),
    }
}

#[cold]
#[inline(never)]
fn died(dll: &str, func: &str, e: Box<dyn std::any::Any + Send>) -> ! {
    let msg = e
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(non-string panic)".into());
    eprintln!("wine-rs: internal error in {dll}.{func}: {msg}");
    // SAFETY: terminating is the only safe option; PE code cannot receive a Rust unwind.
    unsafe { libc::_exit(0x7f) }
}
