//! mtdll.h: the CRT's numbered locks (`_lock`/`_unlock`), recursive like the critical sections
//! Windows uses for them. Locks 16..36 guard the streams of `_iob` (mingw's `_lock_file` takes
//! `_lock(16 + index)` itself, so stdio must use the very same locks).

use dllcore::export;
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};

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

/// A recursive lock that can be taken and released in separate calls (no guard object), as a
/// CRITICAL_SECTION can.
pub struct RLock {
    state: Mutex<LockState>,
    cv: Condvar,
}

struct LockState {
    /// Token of the owning thread (0: free).
    owner: u64,
    /// Recursion count.
    count: u32,
    /// Threads blocked in `lock` (the uncontended path makes no system call).
    waiters: u32,
}

impl RLock {
    pub const fn new() -> Self {
        RLock {
            state: Mutex::new(LockState {
                owner: 0,
                count: 0,
                waiters: 0,
            }),
            cv: Condvar::new(),
        }
    }

    pub fn lock(&self) {
        let me = thread_token();
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if s.count == 0 {
                s.owner = me;
                s.count = 1;
                return;
            }
            if s.owner == me {
                s.count += 1;
                return;
            }
            s.waiters += 1;
            s = self.cv.wait(s).unwrap_or_else(|e| e.into_inner());
            s.waiters -= 1;
        }
    }

    /// Release one level. Releasing a lock the thread does not hold is ignored.
    pub fn unlock(&self) {
        let me = thread_token();
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if s.owner == me && s.count > 0 {
            s.count -= 1;
            if s.count == 0 {
                s.owner = 0;
                let wake = s.waiters > 0;
                drop(s);
                if wake {
                    self.cv.notify_one();
                }
            }
        }
    }

    /// Recursion depth if the calling thread holds the lock, else 0.
    pub fn held_depth(&self) -> u32 {
        let s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if s.owner == thread_token() {
            s.count
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

/// A non-zero token unique to the calling thread.
fn thread_token() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static TOKEN: Cell<u64> = const { Cell::new(0) };
    }
    TOKEN.with(|t| {
        let v = t.get();
        if v != 0 {
            return v;
        }
        let v = NEXT.fetch_add(1, Ordering::Relaxed);
        t.set(v);
        v
    })
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
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn recursive_and_exclusive() {
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
        let l = Arc::new(RLock::new());
        l.lock();
        let l2 = l.clone();
        std::thread::spawn(move || l2.unlock()).join().unwrap();
        assert_eq!(l.held_depth(), 1);
        l.unlock();
    }
}
