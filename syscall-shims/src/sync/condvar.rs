//! CONDITION_VARIABLE: one pointer-sized word (CONDITION_VARIABLE_INIT = 0), used as two
//! 32-bit words: a sequence number that waiters sleep on (every wake changes it), and the
//! number of waiters, so that a wake with nobody waiting changes nothing and makes no system
//! call. The last waiter to leave resets the word to zero, so an unused condition variable
//! reads as CONDITION_VARIABLE_INIT, as on Windows.
//!
//! A waiter reads the sequence number while it still holds its lock, releases the lock and
//! sleeps while the number is unchanged: a wake between the release and the sleep changes the
//! number, so it is never lost. Spurious wake-ups are possible, as on Windows, whose callers
//! loop on their predicate.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Instant;

use super::{FutexWait, futex_wait, futex_wake};

/// The two words of a CONDITION_VARIABLE (and the whole, to leave it atomically).
pub struct CondVar<'a> {
    seq: &'a AtomicU32,
    waiters: &'a AtomicU32,
    word: &'a AtomicU64,
}

impl<'a> CondVar<'a> {
    /// # Safety
    /// `p` must point at a pointer-sized, 8-byte aligned word that outlives `'a` and is only
    /// used as a condition variable.
    #[inline(always)]
    pub unsafe fn new(p: *mut usize) -> CondVar<'a> {
        // SAFETY: per the contract; the two halves are aligned u32s.
        unsafe {
            CondVar {
                seq: AtomicU32::from_ptr(p as *mut u32),
                waiters: AtomicU32::from_ptr((p as *mut u32).add(1)),
                word: AtomicU64::from_ptr(p as *mut u64),
            }
        }
    }

    /// SleepConditionVariable*: `unlock` the caller's lock, sleep until woken or `deadline`,
    /// `relock`. False when the deadline passed without a wake.
    pub fn wait(&self, deadline: Option<Instant>, unlock: impl FnOnce(), relock: impl FnOnce()) -> bool {
        self.waiters.fetch_add(1, Ordering::SeqCst);
        let seq = self.seq.load(Ordering::SeqCst);
        unlock();
        let woken = {
            let _safe = crate::suspend::SafeRegion::enter();
            match deadline {
                None => {
                    futex_wait(self.seq, seq, None);
                    true
                }
                Some(d) => match d.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => {
                        futex_wait(self.seq, seq, Some(left.as_nanos() as u64)) != FutexWait::TimedOut
                            || self.seq.load(Ordering::Relaxed) != seq
                    }
                    _ => self.seq.load(Ordering::Relaxed) != seq,
                },
            }
        };
        self.leave();
        relock();
        woken
    }

    /// One waiter fewer; the last one resets the sequence number too. (A newcomer counts
    /// itself before reading the number, so it either sees the reset or makes it fail.)
    fn leave(&self) {
        let mut w = self.word.load(Ordering::Relaxed);
        loop {
            let new = if w >> 32 == 1 { 0 } else { w - (1 << 32) };
            match self.word.compare_exchange_weak(w, new, Ordering::SeqCst, Ordering::Relaxed) {
                Ok(_) => return,
                Err(now) => w = now,
            }
        }
    }

    /// WakeConditionVariable.
    #[inline]
    pub fn wake_one(&self) {
        self.wake(1)
    }

    /// WakeAllConditionVariable.
    #[inline]
    pub fn wake_all(&self) {
        self.wake(i32::MAX)
    }

    /// Nobody waiting: nothing to do (a waiter counts itself, under the caller's lock, before
    /// it reads the sequence number; a predicate changed under that lock is seen by it).
    #[inline]
    fn wake(&self, n: i32) {
        std::sync::atomic::fence(Ordering::SeqCst);
        if self.waiters.load(Ordering::SeqCst) != 0 {
            self.seq.fetch_add(1, Ordering::SeqCst);
            futex_wake(self.seq, n);
        }
    }
}

/// WakeConditionVariable (`all` false) / WakeAllConditionVariable, out of line with the
/// Microsoft ABI (see the note in `sync`).
///
/// # Safety
/// `p` must point at a condition variable (see [`CondVar::new`]).
#[inline(never)]
pub unsafe extern "win64" fn wake(p: *mut usize, all: bool) {
    // SAFETY: per the contract.
    let c = unsafe { CondVar::new(p) };
    if all { c.wake_all() } else { c.wake_one() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::srw::Srw;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[derive(Default)]
    struct Queue {
        lock: AtomicUsize,
        not_empty: AtomicUsize,
        not_full: AtomicUsize,
        items: std::cell::UnsafeCell<Vec<u64>>,
    }
    // SAFETY: `items` is guarded by `lock`.
    unsafe impl Sync for Queue {}

    #[test]
    fn producer_consumer() {
        const N: u64 = 20_000;
        let q = Arc::new(Queue::default());
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                let q = q.clone();
                std::thread::spawn(move || {
                    let (l, ne, nf) = unsafe {
                        (
                            Srw::new(q.lock.as_ptr()),
                            CondVar::new(q.not_empty.as_ptr()),
                            CondVar::new(q.not_full.as_ptr()),
                        )
                    };
                    let mut sum = 0u64;
                    loop {
                        l.lock_exclusive();
                        while unsafe { (*q.items.get()).is_empty() } {
                            ne.wait(None, || l.unlock_exclusive(), || l.lock_exclusive());
                        }
                        let v = unsafe { (*q.items.get()).remove(0) };
                        l.unlock_exclusive();
                        nf.wake_one();
                        if v == 0 {
                            return sum;
                        }
                        sum += v;
                    }
                })
            })
            .collect();
        let (l, ne, nf) = unsafe {
            (Srw::new(q.lock.as_ptr()), CondVar::new(q.not_empty.as_ptr()), CondVar::new(q.not_full.as_ptr()))
        };
        for v in (1..=N).chain([0, 0]) {
            l.lock_exclusive();
            while unsafe { (*q.items.get()).len() } >= 8 {
                nf.wait(None, || l.unlock_exclusive(), || l.lock_exclusive());
            }
            unsafe { (*q.items.get()).push(v) };
            l.unlock_exclusive();
            ne.wake_one();
        }
        let total: u64 = consumers.into_iter().map(|c| c.join().unwrap()).sum();
        assert_eq!(total, N * (N + 1) / 2);
    }

    #[test]
    fn timeout() {
        let w = AtomicUsize::new(0);
        let cv = unsafe { CondVar::new(w.as_ptr()) };
        let t = Instant::now();
        assert!(!cv.wait(Some(Instant::now() + Duration::from_millis(30)), || {}, || {}));
        assert!(t.elapsed() >= Duration::from_millis(30));
        assert!(!cv.wait(Some(Instant::now()), || {}, || {}));
        cv.wake_all();
        assert_eq!(w.load(Ordering::Relaxed), 0, "an unused condition variable is zero");
    }
}
