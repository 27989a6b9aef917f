//! SRWLOCK: a reader-writer lock in one pointer-sized word (SRWLOCK_INIT = 0).
//!
//! Its low 32 bits are the state, a futex word: the number of shared owners (bits 0-29), or
//! all of those bits set for an exclusive owner, plus "shared acquirers are waiting" (bit 30)
//! and "exclusive acquirers are waiting" (bit 31). The two kinds of waiters sleep on the word
//! with different futex bitsets, so that a release wakes one exclusive waiter, or all shared
//! ones, and not the others. The high 32 bits stay zero: a free lock reads as SRWLOCK_INIT.
//!
//! A waiting exclusive acquirer keeps new shared acquirers out (no writer starvation), as the
//! Windows lock does; neither kind of acquisition is recursive, and the lock is not fair.
//! Uncontended acquire and release are one atomic instruction each. Releasing a lock the
//! caller does not hold is undefined, as on Windows (which raises an exception).

use std::sync::atomic::{AtomicU32, Ordering};

use super::{futex_wait_bitset, futex_wake_bitset, spin_while};

const MASK: u32 = (1 << 30) - 1;
const EXCLUSIVE: u32 = MASK;
const MAX_SHARED: u32 = MASK - 1;
const SHARED_WAITING: u32 = 1 << 30;
const EXCLUSIVE_WAITING: u32 = 1 << 31;

/// Futex bitsets of the two kinds of waiters.
const SHARED_WAITER: u32 = 1;
const EXCLUSIVE_WAITER: u32 = 2;

/// Spins before sleeping, while the lock is held and nobody sleeps on it yet.
const SPIN: u32 = 100;

/// The state word of an SRWLOCK.
pub struct Srw<'a> {
    state: &'a AtomicU32,
}

fn unlocked(s: u32) -> bool {
    s & MASK == 0
}

fn shared_lockable(s: u32) -> bool {
    // Not exclusively held, not at the maximum, and nobody waiting (an exclusive waiter has
    // priority; shared waiters only wait while it is held exclusively or an exclusive waits).
    s & MASK < MAX_SHARED && s & (SHARED_WAITING | EXCLUSIVE_WAITING) == 0
}

impl<'a> Srw<'a> {
    /// # Safety
    /// `p` must point at a pointer-sized, 4-byte aligned lock word that outlives `'a` and is
    /// only used as an SRW lock.
    #[inline(always)]
    pub unsafe fn new(p: *mut usize) -> Srw<'a> {
        // SAFETY: per the contract; the low half is an aligned u32.
        unsafe { Srw { state: AtomicU32::from_ptr(p as *mut u32) } }
    }

    /// AcquireSRWLockExclusive.
    #[inline]
    pub fn lock_exclusive(&self) {
        if self.state.compare_exchange_weak(0, EXCLUSIVE, Ordering::Acquire, Ordering::Relaxed).is_err() {
            self.lock_exclusive_slow();
        }
    }

    /// TryAcquireSRWLockExclusive.
    #[inline]
    pub fn try_lock_exclusive(&self) -> bool {
        self.state.fetch_update(Ordering::Acquire, Ordering::Relaxed, |s| unlocked(s).then_some(s + EXCLUSIVE)).is_ok()
    }

    /// ReleaseSRWLockExclusive.
    #[inline]
    pub fn unlock_exclusive(&self) {
        let s = self.state.fetch_sub(EXCLUSIVE, Ordering::Release) - EXCLUSIVE;
        if s & (SHARED_WAITING | EXCLUSIVE_WAITING) != 0 {
            self.wake_waiters(s);
        }
    }

    /// AcquireSRWLockShared.
    #[inline]
    pub fn lock_shared(&self) {
        let s = self.state.load(Ordering::Relaxed);
        if !shared_lockable(s)
            || self.state.compare_exchange_weak(s, s + 1, Ordering::Acquire, Ordering::Relaxed).is_err()
        {
            self.lock_shared_slow();
        }
    }

    /// TryAcquireSRWLockShared.
    #[inline]
    pub fn try_lock_shared(&self) -> bool {
        self.state.fetch_update(Ordering::Acquire, Ordering::Relaxed, |s| shared_lockable(s).then_some(s + 1)).is_ok()
    }

    /// ReleaseSRWLockShared.
    #[inline]
    pub fn unlock_shared(&self) {
        let s = self.state.fetch_sub(1, Ordering::Release) - 1;
        // The last shared owner gone: an exclusive waiter may go (shared waiters only wait
        // when one does).
        if unlocked(s) && s & EXCLUSIVE_WAITING != 0 {
            self.wake_waiters(s);
        }
    }

    /// Is it held, in either mode (for assertions and SleepConditionVariableSRW's checks)?
    pub fn is_locked(&self) -> bool {
        !unlocked(self.state.load(Ordering::Relaxed))
    }

    fn spin_exclusive(&self) -> u32 {
        let mut s = self.state.load(Ordering::Relaxed);
        spin_while(SPIN, || {
            s = self.state.load(Ordering::Relaxed);
            !unlocked(s) && s & EXCLUSIVE_WAITING == 0
        });
        s
    }

    fn spin_shared(&self) -> u32 {
        let mut s = self.state.load(Ordering::Relaxed);
        spin_while(SPIN, || {
            s = self.state.load(Ordering::Relaxed);
            s & MASK == EXCLUSIVE && s & (SHARED_WAITING | EXCLUSIVE_WAITING) == 0
        });
        s
    }

    #[cold]
    #[inline(never)]
    extern "win64" fn lock_shared_slow(&self) {
        let mut s = self.spin_shared();
        loop {
            if shared_lockable(s) {
                match self.state.compare_exchange_weak(s, s + 1, Ordering::Acquire, Ordering::Relaxed) {
                    Ok(_) => return,
                    Err(now) => {
                        s = now;
                        continue;
                    }
                }
            }
            assert!(s & MASK != MAX_SHARED, "too many shared owners of an SRW lock");
            if s & SHARED_WAITING == 0
                && let Err(now) =
                    self.state.compare_exchange(s, s | SHARED_WAITING, Ordering::Relaxed, Ordering::Relaxed)
            {
                s = now;
                continue;
            }
            {
                let _safe = crate::suspend::SafeRegion::enter();
                futex_wait_bitset(self.state, s | SHARED_WAITING, SHARED_WAITER);
            }
            s = self.spin_shared();
        }
    }

    #[cold]
    #[inline(never)]
    extern "win64" fn lock_exclusive_slow(&self) {
        let mut s = self.spin_exclusive();
        // Once we have slept, other exclusive waiters may still be asleep: keep their bit.
        let mut others_waiting = 0;
        loop {
            if unlocked(s) {
                match self.state.compare_exchange_weak(
                    s,
                    s | EXCLUSIVE | others_waiting,
                    Ordering::Acquire,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => return,
                    Err(now) => {
                        s = now;
                        continue;
                    }
                }
            }
            if s & EXCLUSIVE_WAITING == 0
                && let Err(now) =
                    self.state.compare_exchange(s, s | EXCLUSIVE_WAITING, Ordering::Relaxed, Ordering::Relaxed)
            {
                s = now;
                continue;
            }
            others_waiting = EXCLUSIVE_WAITING;
            // Sleep while the state is what we saw: a release changes it (and clears the
            // waiting bit before waking), so it cannot slip between our look and our sleep.
            {
                let _safe = crate::suspend::SafeRegion::enter();
                futex_wait_bitset(self.state, s | EXCLUSIVE_WAITING, EXCLUSIVE_WAITER);
            }
            s = self.spin_exclusive();
        }
    }

    /// The lock was released with waiters flagged in `s`: wake one exclusive waiter, or else
    /// every shared waiter.
    #[cold]
    #[inline(never)]
    extern "win64" fn wake_waiters(&self, mut s: u32) {
        debug_assert!(unlocked(s));
        if s == EXCLUSIVE_WAITING {
            match self.state.compare_exchange(s, 0, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => {
                    self.wake_exclusive();
                    return;
                }
                Err(now) => s = now,
            }
        }
        if s == SHARED_WAITING | EXCLUSIVE_WAITING {
            // Exclusive first; if none was asleep (it may have been spinning), the shared.
            if self.state.compare_exchange(s, SHARED_WAITING, Ordering::Relaxed, Ordering::Relaxed).is_err() {
                return;
            }
            if self.wake_exclusive() {
                return;
            }
            s = SHARED_WAITING;
        }
        if s == SHARED_WAITING && self.state.compare_exchange(s, 0, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            futex_wake_bitset(self.state, i32::MAX, SHARED_WAITER);
        }
    }

    fn wake_exclusive(&self) -> bool {
        futex_wake_bitset(self.state, 1, EXCLUSIVE_WAITER) > 0
    }
}

// The exports call these out-of-line Microsoft-ABI functions (see the note in `sync`).

/// AcquireSRWLockExclusive.
///
/// # Safety
/// `p` must point at an SRW lock (see [`Srw::new`]).
#[inline(never)]
pub unsafe extern "win64" fn acquire_exclusive(p: *mut usize) {
    // SAFETY: per the contract.
    unsafe { Srw::new(p) }.lock_exclusive()
}

/// ReleaseSRWLockExclusive.
///
/// # Safety
/// As [`acquire_exclusive`]; the caller holds it exclusively.
#[inline(never)]
pub unsafe extern "win64" fn release_exclusive(p: *mut usize) {
    // SAFETY: per the contract.
    unsafe { Srw::new(p) }.unlock_exclusive()
}

/// AcquireSRWLockShared.
///
/// # Safety
/// As [`acquire_exclusive`].
#[inline(never)]
pub unsafe extern "win64" fn acquire_shared(p: *mut usize) {
    // SAFETY: per the contract.
    unsafe { Srw::new(p) }.lock_shared()
}

/// ReleaseSRWLockShared.
///
/// # Safety
/// As [`acquire_exclusive`]; the caller holds it shared.
#[inline(never)]
pub unsafe extern "win64" fn release_shared(p: *mut usize) {
    // SAFETY: per the contract.
    unsafe { Srw::new(p) }.unlock_shared()
}

/// TryAcquireSRWLockExclusive.
///
/// # Safety
/// As [`acquire_exclusive`].
#[inline(never)]
pub unsafe extern "win64" fn try_acquire_exclusive(p: *mut usize) -> bool {
    // SAFETY: per the contract.
    unsafe { Srw::new(p) }.try_lock_exclusive()
}

/// TryAcquireSRWLockShared.
///
/// # Safety
/// As [`acquire_exclusive`].
#[inline(never)]
pub unsafe extern "win64" fn try_acquire_shared(p: *mut usize) -> bool {
    // SAFETY: per the contract.
    unsafe { Srw::new(p) }.try_lock_shared()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    struct Shared {
        lock: AtomicUsize,
        value: std::cell::UnsafeCell<u64>,
        readers: AtomicUsize,
    }
    // SAFETY: `value` is guarded by the lock under test.
    unsafe impl Sync for Shared {}

    fn srw(s: &Shared) -> Srw<'_> {
        unsafe { Srw::new(s.lock.as_ptr()) }
    }

    #[test]
    fn modes_and_try() {
        let s = Shared { lock: AtomicUsize::new(0), value: Default::default(), readers: AtomicUsize::new(0) };
        let l = srw(&s);
        l.lock_exclusive();
        assert!(!l.try_lock_exclusive() && !l.try_lock_shared());
        l.unlock_exclusive();
        assert_eq!(s.lock.load(Ordering::Relaxed), 0, "free is zero");
        l.lock_shared();
        assert!(l.try_lock_shared(), "shared owners share");
        assert!(!l.try_lock_exclusive());
        l.unlock_shared();
        l.unlock_shared();
        assert!(l.try_lock_exclusive());
        l.unlock_exclusive();
        assert!(!l.is_locked());
    }

    #[test]
    fn exclusive_under_contention_and_shared_readers() {
        const THREADS: usize = 6;
        const ITERS: u64 = 20_000;
        let s = Arc::new(Shared { lock: AtomicUsize::new(0), value: Default::default(), readers: AtomicUsize::new(0) });
        let threads: Vec<_> = (0..THREADS)
            .map(|t| {
                let s = s.clone();
                std::thread::spawn(move || {
                    let l = srw(&s);
                    for i in 0..ITERS {
                        if t % 3 == 2 && i % 4 != 0 {
                            l.lock_shared();
                            s.readers.fetch_add(1, Ordering::SeqCst);
                            // No writer while we read.
                            let v = unsafe { *s.value.get() };
                            std::hint::black_box(v);
                            s.readers.fetch_sub(1, Ordering::SeqCst);
                            l.unlock_shared();
                        } else {
                            l.lock_exclusive();
                            assert_eq!(s.readers.load(Ordering::SeqCst), 0);
                            unsafe { *s.value.get() += 1 };
                            l.unlock_exclusive();
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let writes = (THREADS as u64 / 3) * 2 * ITERS + (THREADS as u64 / 3) * ITERS.div_ceil(4);
        assert_eq!(unsafe { *s.value.get() }, writes);
        assert_eq!(s.lock.load(Ordering::Relaxed), 0);
    }
}
