//! INIT_ONCE (RTL_RUN_ONCE): one-time initialisation in one pointer-sized word
//! (INIT_ONCE_STATIC_INIT = 0).
//!
//! The low two bits are the state - 0 not started, 1 running (synchronous: other callers
//! wait), 3 running asynchronously (every caller may run it; the first to complete wins), 2
//! done - and, once done, the other bits are the context the initialiser stored (which must
//! leave the two low bits clear: INIT_ONCE_CTX_RESERVED_BITS). Waiters sleep on the low 32
//! bits, which change when the initialisation ends.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use windows_sys::Win32::Foundation::{ERROR_GEN_FAILURE, ERROR_INVALID_PARAMETER};

use super::{futex_wait, futex_wake};

/// INIT_ONCE_CHECK_ONLY.
pub const CHECK_ONLY: u32 = 1;
/// INIT_ONCE_ASYNC.
pub const ASYNC: u32 = 2;
/// INIT_ONCE_INIT_FAILED.
pub const INIT_FAILED: u32 = 4;

const IDLE: usize = 0;
const RUNNING: usize = 1;
const DONE: usize = 2;
const RUNNING_ASYNC: usize = 3;
const STATE: usize = 3;

/// What InitOnceBeginInitialize found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Begin {
    /// Already done, with this context.
    Done(usize),
    /// The caller is to initialise (and then call [`complete`]).
    Pending,
}

/// # Safety
/// `p` must point at a pointer-sized, aligned INIT_ONCE.
unsafe fn words<'a>(p: *mut usize) -> (&'a AtomicUsize, &'a AtomicU32) {
    // SAFETY: per the contract; the low half is an aligned u32.
    unsafe { (AtomicUsize::from_ptr(p), AtomicU32::from_ptr(p as *mut u32)) }
}

/// InitOnceBeginInitialize. Errors: ERROR_INVALID_PARAMETER (bad flags, or a synchronous and
/// an asynchronous initialisation mixed), ERROR_GEN_FAILURE (CHECK_ONLY and not done).
///
/// # Safety
/// `p` must point at an INIT_ONCE.
pub unsafe fn begin(p: *mut usize, flags: u32) -> Result<Begin, u32> {
    if flags & !(CHECK_ONLY | ASYNC) != 0 || flags == CHECK_ONLY | ASYNC {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: per the contract.
    let (word, low) = unsafe { words(p) };
    loop {
        let v = word.load(Ordering::Acquire);
        match v & STATE {
            DONE => return Ok(Begin::Done(v & !STATE)),
            _ if flags & CHECK_ONLY != 0 => return Err(ERROR_GEN_FAILURE),
            IDLE => {
                let new = if flags & ASYNC != 0 { RUNNING_ASYNC } else { RUNNING };
                if word.compare_exchange(v, new, Ordering::Acquire, Ordering::Acquire).is_ok() {
                    return Ok(Begin::Pending);
                }
            }
            RUNNING_ASYNC => {
                return if flags & ASYNC != 0 { Ok(Begin::Pending) } else { Err(ERROR_INVALID_PARAMETER) };
            }
            _ => {
                // Running synchronously in another thread: an asynchronous caller may not
                // join it; a synchronous one waits for it to end.
                if flags & ASYNC != 0 {
                    return Err(ERROR_INVALID_PARAMETER);
                }
                let _safe = crate::suspend::SafeRegion::enter();
                futex_wait(low, v as u32, None);
            }
        }
    }
}

/// InitOnceComplete: record the outcome of the initialisation the caller ran. `flags`:
/// ASYNC for an asynchronous one, INIT_FAILED to let the next caller try again (synchronous
/// only). Errors: ERROR_INVALID_PARAMETER (bad flags or context bits, or completing an
/// asynchronous one without ASYNC), ERROR_GEN_FAILURE (nothing is running, or another
/// asynchronous initialiser won).
///
/// # Safety
/// `p` must point at an INIT_ONCE.
pub unsafe fn complete(p: *mut usize, flags: u32, context: usize) -> Result<(), u32> {
    if flags & !(ASYNC | INIT_FAILED) != 0 || flags == ASYNC | INIT_FAILED {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags & INIT_FAILED == 0 && context & STATE != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: per the contract.
    let (word, low) = unsafe { words(p) };
    let new = if flags & INIT_FAILED != 0 { IDLE } else { context | DONE };
    if flags & ASYNC != 0 && word.compare_exchange(RUNNING_ASYNC, new, Ordering::Release, Ordering::Acquire).is_ok() {
        return Ok(());
    }
    // A synchronous initialisation is completed whatever the mode says (as Wine does).
    match word.compare_exchange(RUNNING, new, Ordering::Release, Ordering::Acquire) {
        Ok(_) => {
            futex_wake(low, i32::MAX);
            Ok(())
        }
        Err(v) if v & STATE == RUNNING_ASYNC => Err(ERROR_INVALID_PARAMETER),
        Err(_) => Err(ERROR_GEN_FAILURE),
    }
}

/// InitOnceExecuteOnce: run `init` once (synchronously); later callers get its context. A
/// failed `init` (None) lets the next caller try again. Returns the context, or None when
/// `init` failed.
///
/// # Safety
/// `p` must point at an INIT_ONCE.
pub unsafe fn execute(p: *mut usize, init: impl FnOnce() -> Option<usize>) -> Option<usize> {
    // SAFETY: per the contract.
    match unsafe { begin(p, 0) } {
        Ok(Begin::Done(ctx)) => Some(ctx),
        Ok(Begin::Pending) => match init() {
            Some(ctx) => {
                // SAFETY: per the contract; we are the running initialiser.
                unsafe { complete(p, 0, ctx & !STATE) }.ok()?;
                Some(ctx & !STATE)
            }
            None => {
                // SAFETY: as above.
                let _ = unsafe { complete(p, INIT_FAILED, 0) };
                None
            }
        },
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn sync_once_runs_once_and_others_wait() {
        let once = Arc::new(AtomicUsize::new(0));
        let runs = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (once, runs) = (once.clone(), runs.clone());
                std::thread::spawn(move || unsafe {
                    execute(once.as_ptr(), || {
                        runs.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(20));
                        Some(0x1000)
                    })
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), Some(0x1000));
        }
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        assert_eq!(once.load(Ordering::SeqCst), 0x1002);
        assert_eq!(unsafe { begin(once.as_ptr(), CHECK_ONLY) }, Ok(Begin::Done(0x1000)));
    }

    #[test]
    fn failure_retry_async_and_errors() {
        let once = AtomicUsize::new(0);
        let p = once.as_ptr();
        unsafe {
            assert_eq!(begin(p, CHECK_ONLY), Err(ERROR_GEN_FAILURE));
            assert_eq!(begin(p, CHECK_ONLY | ASYNC), Err(ERROR_INVALID_PARAMETER));
            assert_eq!(execute(p, || None), None);
            assert_eq!(once.load(Ordering::SeqCst), 0, "a failure resets");
            assert_eq!(complete(p, 0, 0), Err(ERROR_GEN_FAILURE), "nothing running");
            assert_eq!(begin(p, ASYNC), Ok(Begin::Pending));
            assert_eq!(begin(p, ASYNC), Ok(Begin::Pending), "async callers all run");
            assert_eq!(begin(p, 0), Err(ERROR_INVALID_PARAMETER));
            assert_eq!(complete(p, ASYNC, 3), Err(ERROR_INVALID_PARAMETER), "reserved bits");
            assert_eq!(complete(p, ASYNC, 0x40), Ok(()));
            assert_eq!(complete(p, ASYNC, 0x80), Err(ERROR_GEN_FAILURE), "another initialiser won");
            assert_eq!(begin(p, 0), Ok(Begin::Done(0x40)));
        }
    }
}
