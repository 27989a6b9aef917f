//! Whether the process is still single-threaded, for the C runtime's private locks.
//!
//! glibc skips the locks of its stdio and malloc while a process has one thread; the CRT's
//! stream locks do the same here (an uncontended atomic costs as much as a whole `fputc`).
//! The lock words are still kept, with plain loads and stores instead of atomic
//! read-modify-writes, so that a lock held when a second thread appears is held for it too.
//!
//! The flag only ever goes from single to multi, and it must flip *before* a second thread can
//! touch such a lock, set by a thread that is not inside one of those unlocked sections: so
//! it is set by whoever starts a thread that may run program code or start such threads -
//! kernel32's CreateThread and thread-pool workers, and the timer and wait services (started
//! on a program thread's request, and later starting pool workers from their own threads).
//! Program-visible locks (EnterCriticalSection on the program's own sections) never use it.

use std::sync::atomic::{AtomicBool, Ordering};

static MULTI: AtomicBool = AtomicBool::new(false);

/// True while no second thread that could run program code has been started.
#[inline(always)]
pub fn single_threaded() -> bool {
    !MULTI.load(Ordering::Relaxed)
}

/// Called before starting a thread that may run program code (or start such threads).
pub fn going_multi_threaded() {
    MULTI.store(true, Ordering::SeqCst);
}
