//! WaitOnAddress and WakeByAddressSingle/All.
//!
//! A 4-byte value at a 4-byte aligned address is waited for with a futex on the address itself
//! (the kernel compares the value and sleeps atomically). Values of 1, 2 or 8 bytes (and
//! unaligned ones) cannot be, so their waiters sleep on a sequence word of a hashed bucket
//! instead: the waiter reads the bucket's word, compares the value, and sleeps while the word is
//! unchanged; a wake changes the word first, so a wake after the comparison is never lost.
//!
//! Each bucket also counts the threads waiting on addresses that hash to it, so that a wake
//! with nobody waiting costs no system call (programs built on WaitOnAddress wake after every
//! release). As on Windows, a waiter may return without a wake for its address (another address
//! of the same bucket was woken, or the word changed): callers re-check the value.

use std::sync::atomic::{AtomicU8, AtomicU16, AtomicU32, AtomicU64, Ordering, fence};
use std::time::Instant;

use super::{FutexWait, futex_wait, futex_wake};

const BUCKETS: usize = 256;

#[repr(align(64))]
#[derive(Default)]
struct Bucket {
    /// Threads waiting on a 4-byte value (on the value's own address).
    direct: AtomicU32,
    /// Threads waiting on other sizes (on `seq`).
    hashed: AtomicU32,
    seq: AtomicU32,
}

static TABLE: [Bucket; BUCKETS] =
    [const { Bucket { direct: AtomicU32::new(0), hashed: AtomicU32::new(0), seq: AtomicU32::new(0) } }; BUCKETS];

fn bucket(addr: usize) -> &'static Bucket {
    // Fibonacci hashing of the 8-byte granule.
    let h = ((addr >> 3) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56;
    &TABLE[h as usize % BUCKETS]
}

/// Is `size` one WaitOnAddress accepts?
pub fn valid_size(size: usize) -> bool {
    matches!(size, 1 | 2 | 4 | 8)
}

/// Read `size` bytes at `p` atomically (as the program's other threads write them).
///
/// # Safety
/// `p` must be readable for `size` bytes, and naturally aligned for atomic access when it is.
unsafe fn read(p: usize, size: usize) -> u64 {
    // SAFETY: per the contract. Unaligned values are read with a plain unaligned load (x86
    // reads up to 8 bytes at once unless they straddle a cache line).
    unsafe {
        match size {
            1 => AtomicU8::from_ptr(p as *mut u8).load(Ordering::SeqCst) as u64,
            2 if p.is_multiple_of(2) => AtomicU16::from_ptr(p as *mut u16).load(Ordering::SeqCst) as u64,
            4 if p.is_multiple_of(4) => AtomicU32::from_ptr(p as *mut u32).load(Ordering::SeqCst) as u64,
            8 if p.is_multiple_of(8) => AtomicU64::from_ptr(p as *mut u64).load(Ordering::SeqCst),
            2 => (p as *const u16).read_volatile() as u64,
            4 => (p as *const u32).read_volatile() as u64,
            _ => (p as *const u64).read_volatile(),
        }
    }
}

/// Read the `size`-byte comparand at `p` (the caller's own variable: no atomicity needed).
///
/// # Safety
/// `p` must be readable for `size` bytes.
pub unsafe fn read_comparand(p: usize, size: usize) -> u64 {
    // SAFETY: per the contract.
    unsafe {
        match size {
            1 => (p as *const u8).read_unaligned() as u64,
            2 => (p as *const u16).read_unaligned() as u64,
            4 => (p as *const u32).read_unaligned() as u64,
            _ => (p as *const u64).read_unaligned(),
        }
    }
}

/// WaitOnAddress: sleep while the `size` bytes at `addr` equal `undesired`, until woken by
/// [`wake`] on `addr` or until `deadline`. True when woken (or the value differed); false on
/// timeout.
///
/// # Safety
/// `addr` must be readable for `size` bytes for the whole wait; `size` is 1, 2, 4 or 8.
pub unsafe fn wait(addr: usize, undesired: u64, size: usize, deadline: Option<Instant>) -> bool {
    let b = bucket(addr);
    let _safe = crate::suspend::SafeRegion::enter();
    let timeout = |d: Option<Instant>| -> Result<Option<u64>, ()> {
        match d {
            None => Ok(None),
            Some(d) => match d.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => Ok(Some(left.as_nanos() as u64)),
                _ => Err(()),
            },
        }
    };
    if size == 4 && addr.is_multiple_of(4) {
        b.direct.fetch_add(1, Ordering::SeqCst);
        // SAFETY: per the contract.
        let word = unsafe { AtomicU32::from_ptr(addr as *mut u32) };
        let r = match timeout(deadline) {
            Err(()) => {
                if word.load(Ordering::SeqCst) as u64 == undesired {
                    FutexWait::TimedOut
                } else {
                    FutexWait::Changed
                }
            }
            Ok(t) => futex_wait(word, undesired as u32, t),
        };
        b.direct.fetch_sub(1, Ordering::Relaxed);
        return r != FutexWait::TimedOut;
    }
    b.hashed.fetch_add(1, Ordering::SeqCst);
    let seq = b.seq.load(Ordering::SeqCst);
    // SAFETY: per the contract.
    let r = if unsafe { read(addr, size) } != undesired {
        FutexWait::Changed
    } else {
        match timeout(deadline) {
            Err(()) => FutexWait::TimedOut,
            Ok(t) => futex_wait(&b.seq, seq, t),
        }
    };
    b.hashed.fetch_sub(1, Ordering::Relaxed);
    r != FutexWait::TimedOut
}

/// WakeByAddressSingle (`all` false) / WakeByAddressAll: wake threads waiting on `addr`.
#[inline(never)]
pub extern "win64" fn wake(addr: usize, all: bool) {
    let b = bucket(addr);
    // The program stored the new value with a plain store: order it before our reads of the
    // waiter counts (a waiter counts itself before it compares).
    fence(Ordering::SeqCst);
    if addr.is_multiple_of(4) && b.direct.load(Ordering::SeqCst) != 0 {
        // SAFETY: an aligned address the program waits on; FUTEX_WAKE does not access it.
        let word = unsafe { AtomicU32::from_ptr(addr as *mut u32) };
        futex_wake(word, if all { i32::MAX } else { 1 });
    }
    if b.hashed.load(Ordering::SeqCst) != 0 {
        // Waiters of different addresses share the word: wake them all (they re-check).
        b.seq.fetch_add(1, Ordering::SeqCst);
        futex_wake(&b.seq, i32::MAX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn values_of_every_size() {
        #[repr(C, align(8))]
        struct Vals {
            b: AtomicU8,
            h: AtomicU16,
            w: AtomicU32,
            q: AtomicU64,
        }
        let v =
            Arc::new(Vals { b: AtomicU8::new(1), h: AtomicU16::new(2), w: AtomicU32::new(3), q: AtomicU64::new(4) });
        let addrs = [
            (v.b.as_ptr() as usize, 1, 1u64),
            (v.h.as_ptr() as usize, 2, 2),
            (v.w.as_ptr() as usize, 4, 3),
            (v.q.as_ptr() as usize, 8, 4),
        ];
        // A value that differs returns at once; an equal one times out.
        for &(a, size, val) in &addrs {
            assert!(unsafe { wait(a, val + 1, size, None) });
            let t = Instant::now();
            assert!(!unsafe { wait(a, val, size, Some(Instant::now() + Duration::from_millis(10))) });
            assert!(t.elapsed() >= Duration::from_millis(10));
        }
        // Changed and woken from another thread.
        for (i, &(a, size, val)) in addrs.iter().enumerate() {
            let v2 = v.clone();
            let t = std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(20));
                match i {
                    0 => v2.b.store(9, Ordering::SeqCst),
                    1 => v2.h.store(9, Ordering::SeqCst),
                    2 => v2.w.store(9, Ordering::SeqCst),
                    _ => v2.q.store(9, Ordering::SeqCst),
                }
                wake(a, false);
            });
            while unsafe { read(a, size) } == val {
                unsafe { wait(a, val, size, Some(Instant::now() + Duration::from_secs(5))) };
            }
            t.join().unwrap();
        }
        assert_eq!(v.q.load(Ordering::SeqCst), 9);
    }
}
