//! mtdll.h: the CRT's numbered locks (`_lock`/`_unlock`), recursive like the critical sections
//! Windows uses for them. Locks 16..36 guard the streams of `_iob` (mingw's `_lock_file` takes
//! `_lock(16 + index)` itself, so stdio must use the very same locks).

use dllcore::export;
use std::cell::UnsafeCell;
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;

/// `_STREAM_LOCKS`: lock number of `_iob[0]`; stream `i` of `_iob` uses `_STREAM_LOCKS + i`.
pub const STREAM_LOCKS: usize = 16;
/// `_IOB_ENTRIES`: the static FILEs of msvcrt.
pub const IOB_ENTRIES: usize = 20;
/// `_EXIT_LOCK1`: guards the exit tables.
pub const EXIT_LOCK1: usize = 13;
/// `_ENV_LOCK`.
pub const ENV_LOCK: usize = 12;
/// Locks 0.._TOTAL_LOCKS (36 in msvcrt); some room above for UCRT-only users.
pub const TOTAL_LOCKS: usize = 64;

/// A recursive lock that can be taken and released in separate calls (no guard object): a
/// CRITICAL_SECTION, as Windows uses for these, taken with the single-thread shortcut of
/// [`syscall_shims::sync::cs_enter_private`] (no atomic instruction while the process has one
/// thread, as glibc's stdio does).
pub struct RLock(UnsafeCell<CRITICAL_SECTION>);

// SAFETY: the section is only reached through the syscall-shims lock functions, which make
// concurrent use safe.
unsafe impl Sync for RLock {}
// SAFETY: as above; the section holds no pointer to thread-local data.
unsafe impl Send for RLock {}

impl RLock {
    pub const fn new() -> Self {
        RLock(UnsafeCell::new(CRITICAL_SECTION {
            DebugInfo: std::ptr::without_provenance_mut(usize::MAX),
            LockCount: -1,
            RecursionCount: 0,
            OwningThread: std::ptr::null_mut(),
            LockSemaphore: std::ptr::null_mut(),
            SpinCount: 0,
        }))
    }

    #[inline(always)]
    pub fn lock(&self) {
        // SAFETY: an initialised section that lives as long as the lock.
        unsafe { syscall_shims::sync::cs_enter_private(self.0.get()) }
    }

    /// Release one level. Releasing a lock the thread does not hold is ignored.
    #[inline(always)]
    pub fn unlock(&self) {
        if self.owned() {
            // SAFETY: as in lock; the caller holds it.
            unsafe { syscall_shims::sync::cs_leave_private(self.0.get()) }
        }
    }

    #[inline(always)]
    fn owned(&self) -> bool {
        // SAFETY: OwningThread is only written by the owner; a racing read by another
        // thread can never see its own id there.
        let owner = unsafe { std::ptr::addr_of!((*self.0.get()).OwningThread).read_volatile() } as usize;
        owner == syscall_shims::sync::current_tid() as usize
    }

    /// Recursion depth if the calling thread holds the lock, else 0.
    pub fn held_depth(&self) -> u32 {
        if self.owned() {
            // SAFETY: we own it, so nobody else writes the count.
            unsafe { (*self.0.get()).RecursionCount as u32 }
        } else {
            0
        }
    }
}

impl Default for RLock {
    fn default() -> Self {
        Self::new()
    }
}

static LOCKS: [RLock; TOTAL_LOCKS] = [const { RLock::new() }; TOTAL_LOCKS];

/// CRT lock number `n` (None when out of range).
pub fn crt_lock(n: usize) -> Option<&'static RLock> {
    LOCKS.get(n)
}

/// _lock: take CRT lock `locknum` (recursive).
#[export]
pub extern "win64" fn _lock(locknum: i32) {
    match crt_lock(locknum as usize) {
        Some(l) => {
            l.lock();
            crate::stdio::after_program_lock(locknum as usize);
        }
        None => log::warn!("_lock({locknum}): no such lock"),
    }
}

/// _unlock: release CRT lock `locknum`.
#[export]
pub extern "win64" fn _unlock(locknum: i32) {
    if let Some(l) = crt_lock(locknum as usize) {
        crate::stdio::before_program_unlock(locknum as usize);
        l.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn recursive_and_exclusive() {
        syscall_shims::sync::going_multi_threaded();
        let l = Arc::new(RLock::new());
        l.lock();
        l.lock();
        assert_eq!(l.held_depth(), 2);
        let counter = Arc::new(AtomicUsize::new(0));
        let (l2, c2) = (l.clone(), counter.clone());
        let t = std::thread::spawn(move || {
            l2.lock();
            c2.store(1, Ordering::SeqCst);
            l2.unlock();
        });
        std::thread::sleep(std::time::Duration::from_millis(30));
        assert_eq!(
            counter.load(Ordering::SeqCst),
            0,
            "other thread got in while held"
        );
        l.unlock();
        std::thread::sleep(std::time::Duration::from_millis(10));
        assert_eq!(counter.load(Ordering::SeqCst), 0, "released one level only");
        l.unlock();
        t.join().unwrap();
        assert_eq!(counter.load(Ordering::SeqCst), 1);
        assert_eq!(l.held_depth(), 0);
    }

    #[test]
    fn unlock_by_non_owner_is_ignored() {
        syscall_shims::sync::going_multi_threaded();
        let l = Arc::new(RLock::new());
        l.lock();
        let l2 = l.clone();
        std::thread::spawn(move || l2.unlock()).join().unwrap();
        assert_eq!(l.held_depth(), 1);
        l.unlock();
    }
}
