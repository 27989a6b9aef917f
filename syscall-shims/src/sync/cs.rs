//! CRITICAL_SECTION, on a futex over its own LockCount.
//!
//! The fields keep the meaning Wine gives them (the pre-Vista encoding, which programs and
//! Wine's tests read): LockCount is -1 when free, 0 when held once, and one more for each
//! recursive entry; RecursionCount counts the owner's entries; OwningThread is the owner's
//! thread id; SpinCount is what the program set (0 on a uniprocessor). DebugInfo is -1 (no
//! debug info, as Windows 8+ does by default).
//!
//! Unlike Wine's, the lock is not handed from a leaving owner to one waiter: a waiter that
//! wakes competes with any thread arriving at that moment (as the Vista+ critical section does),
//! which is what keeps a contended section fast - a hand-off makes every acquisition wait for a
//! sleeping thread to be scheduled. Waiters therefore do not count in LockCount. The low 32
//! bits of LockSemaphore (not a handle here) are a futex word saying "threads may be asleep":
//! a waiter sets it before it sleeps on it, a leaving owner clears it and wakes one sleeper if
//! it was set, and a thread that slept sets it again when it gets the lock (others may still
//! sleep) - the three-state futex mutex, with LockCount as the lock. Uncontended Enter and
//! Leave are one atomic instruction each.

use std::sync::atomic::{AtomicI32, AtomicU32, AtomicUsize, Ordering};
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;

use super::{current_tid, futex_wait, futex_wake, processor_count, spin_while};

/// Views of the CRITICAL_SECTION fields as atomics.
struct Cs<'a> {
    lock_count: &'a AtomicI32,
    recursion: &'a AtomicI32,
    owner: &'a AtomicUsize,
    /// 1: threads may be asleep in Enter (the futex word they sleep on).
    sleepers: &'a AtomicU32,
    spin: &'a AtomicUsize,
}

/// # Safety
/// `cs` must point at a valid, suitably aligned CRITICAL_SECTION that outlives `'a`.
#[inline(always)]
unsafe fn cs<'a>(cs: *mut CRITICAL_SECTION) -> Cs<'a> {
    // SAFETY: the fields are naturally aligned i32/usize in a repr(C) struct; atomics of the
    // same size share their layout.
    unsafe {
        Cs {
            lock_count: AtomicI32::from_ptr(std::ptr::addr_of_mut!((*cs).LockCount)),
            recursion: AtomicI32::from_ptr(std::ptr::addr_of_mut!((*cs).RecursionCount)),
            owner: AtomicUsize::from_ptr(std::ptr::addr_of_mut!((*cs).OwningThread) as *mut usize),
            sleepers: AtomicU32::from_ptr(std::ptr::addr_of_mut!((*cs).LockSemaphore) as *mut u32),
            spin: AtomicUsize::from_ptr(std::ptr::addr_of_mut!((*cs).SpinCount)),
        }
    }
}

/// The bits of a spin count that count spins (the top byte holds flags, such as the
/// "preallocate the event" bit 0x80000000 of old Windows).
const SPIN_COUNT_MASK: u32 = 0x00ff_ffff;

/// Spins on a contended section when its SpinCount is 0: a short wait for an owner about to
/// leave costs less than sleeping.
const DEFAULT_SPIN: u32 = 100;

/// InitializeCriticalSection(AndSpinCount).
///
/// # Safety
/// `p` must point at writable memory for a CRITICAL_SECTION.
pub unsafe fn cs_init(p: *mut CRITICAL_SECTION, spin_count: u32) {
    let spin = if processor_count() > 1 { (spin_count & SPIN_COUNT_MASK) as usize } else { 0 };
    // SAFETY: the caller gives us the structure to initialise.
    unsafe {
        p.write(CRITICAL_SECTION {
            DebugInfo: usize::MAX as *mut _,
            LockCount: -1,
            RecursionCount: 0,
            OwningThread: std::ptr::null_mut(),
            LockSemaphore: std::ptr::null_mut(),
            SpinCount: spin,
        });
    }
}

/// SetCriticalSectionSpinCount: the new count (ignored on a uniprocessor); returns the old.
///
/// # Safety
/// `p` must point at an initialised CRITICAL_SECTION.
pub unsafe fn cs_set_spin_count(p: *mut CRITICAL_SECTION, spin_count: u32) -> u32 {
    // SAFETY: per the contract.
    let c = unsafe { cs(p) };
    let new = if processor_count() > 1 { (spin_count & SPIN_COUNT_MASK) as usize } else { 0 };
    c.spin.swap(new, Ordering::Relaxed) as u32
}

#[inline(always)]
fn take(c: &Cs, me: usize) -> bool {
    if c.lock_count.compare_exchange(-1, 0, Ordering::Acquire, Ordering::Relaxed).is_ok() {
        c.owner.store(me, Ordering::Relaxed);
        c.recursion.store(1, Ordering::Relaxed);
        true
    } else {
        false
    }
}

/// EnterCriticalSection: take the lock (recursively for the owner), blocking while another
/// thread holds it.
///
/// # Safety
/// `p` must point at an initialised CRITICAL_SECTION.
#[inline]
pub unsafe fn cs_enter(p: *mut CRITICAL_SECTION) {
    // SAFETY: per the contract.
    let c = unsafe { cs(p) };
    let me = current_tid() as usize;
    if !take(&c, me) {
        // SAFETY: as above.
        unsafe { cs_enter_slow(p, me) };
    }
}

/// # Safety
/// As [`cs_enter`].
#[cold]
#[inline(never)]
unsafe extern "win64" fn cs_enter_slow(p: *mut CRITICAL_SECTION, me: usize) {
    // SAFETY: per the contract.
    let c = &unsafe { cs(p) };
    if c.owner.load(Ordering::Relaxed) == me {
        c.lock_count.fetch_add(1, Ordering::Relaxed);
        c.recursion.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let spin = match c.spin.load(Ordering::Relaxed) as u32 {
        0 => DEFAULT_SPIN,
        n => n,
    };
    spin_while(spin, || c.lock_count.load(Ordering::Relaxed) != -1);
    if take(c, me) {
        return;
    }
    loop {
        // Announce a sleeper before the last look at the lock: a leaving owner frees the lock
        // and then clears the flag, so either it sees the flag (and wakes one of us), or we
        // see the lock free, or the futex word no longer holds 1 and the wait returns at once.
        c.sleepers.store(1, Ordering::SeqCst);
        if c.lock_count.load(Ordering::SeqCst) != -1 {
            let _safe = crate::suspend::SafeRegion::enter();
            futex_wait(c.sleepers, 1, None);
        }
        if take(c, me) {
            // We slept: others may still be asleep, and the next Leave must wake one.
            c.sleepers.store(1, Ordering::SeqCst);
            return;
        }
    }
}

/// TryEnterCriticalSection: take the lock if free or already ours.
///
/// # Safety
/// As [`cs_enter`].
pub unsafe fn cs_try_enter(p: *mut CRITICAL_SECTION) -> bool {
    // SAFETY: per the contract.
    let c = unsafe { cs(p) };
    let me = current_tid() as usize;
    if take(&c, me) {
        return true;
    }
    if c.owner.load(Ordering::Relaxed) == me {
        c.lock_count.fetch_add(1, Ordering::Relaxed);
        c.recursion.fetch_add(1, Ordering::Relaxed);
        return true;
    }
    false
}

/// LeaveCriticalSection: drop one level; the last one frees the lock and wakes a waiter if
/// there is one. Leaving a section the caller does not own is undefined, as on Windows.
///
/// # Safety
/// As [`cs_enter`].
#[inline]
pub unsafe fn cs_leave(p: *mut CRITICAL_SECTION) {
    // SAFETY: per the contract.
    let c = unsafe { cs(p) };
    let r = c.recursion.load(Ordering::Relaxed) - 1;
    if r > 0 {
        c.recursion.store(r, Ordering::Relaxed);
        c.lock_count.fetch_sub(1, Ordering::Release);
        return;
    }
    c.recursion.store(0, Ordering::Relaxed);
    c.owner.store(0, Ordering::Relaxed);
    c.lock_count.swap(-1, Ordering::SeqCst);
    if c.sleepers.load(Ordering::SeqCst) != 0 && c.sleepers.swap(0, Ordering::SeqCst) != 0 {
        futex_wake(c.sleepers, 1);
    }
}

/// [`cs_enter`] for a section only wine-rs's own code (and the program's CRT helpers, such as
/// mingw's `_lock_file`) uses: while the process is single-threaded ([`super::single`]) the
/// fields are updated with plain stores, with the very same meaning.
///
/// # Safety
/// As [`cs_enter`].
#[inline(always)]
pub unsafe fn cs_enter_private(p: *mut CRITICAL_SECTION) {
    if super::single_threaded() {
        // SAFETY: per the contract.
        let c = unsafe { cs(p) };
        let me = current_tid() as usize;
        let count = c.lock_count.load(Ordering::Relaxed);
        if count == -1 {
            c.lock_count.store(0, Ordering::Relaxed);
            c.owner.store(me, Ordering::Relaxed);
            c.recursion.store(1, Ordering::Relaxed);
            return;
        }
        if c.owner.load(Ordering::Relaxed) == me {
            c.lock_count.store(count + 1, Ordering::Relaxed);
            c.recursion.store(c.recursion.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
            return;
        }
    }
    // SAFETY: per the contract (the out-of-line Microsoft-ABI copy: see below).
    unsafe { enter(p) }
}

/// [`cs_leave`] for the sections of [`cs_enter_private`].
///
/// # Safety
/// As [`cs_leave`].
#[inline(always)]
pub unsafe fn cs_leave_private(p: *mut CRITICAL_SECTION) {
    if super::single_threaded() {
        // SAFETY: per the contract.
        let c = unsafe { cs(p) };
        if c.sleepers.load(Ordering::Relaxed) == 0 {
            let r = c.recursion.load(Ordering::Relaxed) - 1;
            c.recursion.store(r.max(0), Ordering::Relaxed);
            if r > 0 {
                c.lock_count.store(c.lock_count.load(Ordering::Relaxed) - 1, Ordering::Relaxed);
            } else {
                c.owner.store(0, Ordering::Relaxed);
                c.lock_count.store(-1, Ordering::Release);
            }
            return;
        }
    }
    // SAFETY: per the contract (the out-of-line Microsoft-ABI copy: see below).
    unsafe { leave(p) }
}

// The exports call these out-of-line Microsoft-ABI copies (see the note in `sync`): their
// bodies are then one call that saves nothing, whatever path the export's hook takes.

/// [`cs_enter`] as a win64 function.
///
/// # Safety
/// As [`cs_enter`].
#[inline(never)]
pub unsafe extern "win64" fn enter(p: *mut CRITICAL_SECTION) {
    // SAFETY: per the contract.
    unsafe { cs_enter(p) }
}

/// [`cs_leave`] as a win64 function.
///
/// # Safety
/// As [`cs_leave`].
#[inline(never)]
pub unsafe extern "win64" fn leave(p: *mut CRITICAL_SECTION) {
    // SAFETY: per the contract.
    unsafe { cs_leave(p) }
}

/// [`cs_try_enter`] as a win64 function.
///
/// # Safety
/// As [`cs_try_enter`].
#[inline(never)]
pub unsafe extern "win64" fn try_enter(p: *mut CRITICAL_SECTION) -> bool {
    // SAFETY: per the contract.
    unsafe { cs_try_enter(p) }
}

/// DeleteCriticalSection: the section returns to a free, uninitialised-looking state.
///
/// # Safety
/// `p` must point at a CRITICAL_SECTION no thread holds or waits on.
pub unsafe fn cs_delete(p: *mut CRITICAL_SECTION) {
    // SAFETY: per the contract.
    unsafe {
        (*p).LockCount = -1;
        (*p).RecursionCount = 0;
        (*p).OwningThread = std::ptr::null_mut();
        (*p).LockSemaphore = std::ptr::null_mut();
        (*p).SpinCount = 0;
        (*p).DebugInfo = std::ptr::null_mut();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    struct Shared(std::cell::UnsafeCell<CRITICAL_SECTION>, std::cell::UnsafeCell<u64>);
    // SAFETY: access is serialised by the critical section under test.
    unsafe impl Sync for Shared {}
    unsafe impl Send for Shared {}

    fn new_cs() -> CRITICAL_SECTION {
        let mut c = CRITICAL_SECTION::default();
        unsafe { cs_init(&mut c, 0) };
        c
    }

    #[test]
    fn fields_are_truthful() {
        let mut c = new_cs();
        assert_eq!(c.LockCount, -1);
        unsafe { cs_enter(&mut c) };
        assert_eq!(c.LockCount, 0);
        assert_eq!(c.RecursionCount, 1);
        assert_eq!(c.OwningThread as usize, current_tid() as usize);
        unsafe { cs_enter(&mut c) };
        assert_eq!(c.LockCount, 1);
        assert_eq!(c.RecursionCount, 2);
        unsafe { cs_leave(&mut c) };
        unsafe { cs_leave(&mut c) };
        assert_eq!(c.LockCount, -1);
        assert_eq!(c.RecursionCount, 0);
        assert!(c.OwningThread.is_null());
        unsafe { cs_delete(&mut c) };
    }

    #[test]
    fn try_enter_from_other_thread_fails() {
        let s = Arc::new(Shared(std::cell::UnsafeCell::new(new_cs()), std::cell::UnsafeCell::new(0)));
        unsafe { cs_enter(s.0.get()) };
        assert!(unsafe { cs_try_enter(s.0.get()) }, "owner re-enters");
        let s2 = s.clone();
        let other = std::thread::spawn(move || unsafe { cs_try_enter(s2.0.get()) }).join().unwrap();
        assert!(!other);
        unsafe { cs_leave(s.0.get()) };
        unsafe { cs_leave(s.0.get()) };
        let s2 = s.clone();
        let other = std::thread::spawn(move || {
            let ok = unsafe { cs_try_enter(s2.0.get()) };
            if ok {
                unsafe { cs_leave(s2.0.get()) };
            }
            ok
        })
        .join()
        .unwrap();
        assert!(other);
    }

    #[test]
    fn recursion_under_contention() {
        const THREADS: usize = 4;
        const ITERS: u64 = 20_000;
        let s = Arc::new(Shared(std::cell::UnsafeCell::new(new_cs()), std::cell::UnsafeCell::new(0)));
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    for i in 0..ITERS {
                        unsafe {
                            cs_enter(s.0.get());
                            if i % 3 == 0 {
                                cs_enter(s.0.get());
                            }
                            let v = *s.1.get();
                            std::hint::black_box(v);
                            *s.1.get() = v + 1;
                            if i % 3 == 0 {
                                cs_leave(s.0.get());
                            }
                            cs_leave(s.0.get());
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(unsafe { *s.1.get() }, THREADS as u64 * ITERS);
        let c = unsafe { &*s.0.get() };
        assert_eq!(c.LockCount, -1);
        assert_eq!(c.RecursionCount, 0);
        assert!(c.OwningThread.is_null());
    }
}

#[cfg(test)]
mod bench {
    use super::*;

    /// `cargo test --release -p syscall-shims -- --ignored --nocapture bench`
    #[test]
    #[ignore]
    fn bench_uncontended_cs_and_heap() {
        let mut c = CRITICAL_SECTION::default();
        unsafe { cs_init(&mut c, 0) };
        let n = 10_000_000u32;
        let t = std::time::Instant::now();
        for _ in 0..n {
            unsafe {
                cs_enter(std::hint::black_box(&mut c));
                cs_leave(std::hint::black_box(&mut c));
            }
        }
        eprintln!("enter+leave: {:.1} ns", t.elapsed().as_nanos() as f64 / n as f64);
        let h = unsafe { crate::heap::from_handle(crate::heap::process_heap() as *mut _) }.unwrap();
        let t = std::time::Instant::now();
        for i in 0..n {
            let p = h.alloc(0, std::hint::black_box(32 + (i as usize & 63))).unwrap();
            unsafe { h.free(std::hint::black_box(p)).unwrap() };
        }
        eprintln!("HeapAlloc+HeapFree: {:.1} ns", t.elapsed().as_nanos() as f64 / n as f64);
        let t = std::time::Instant::now();
        for i in 0..n {
            let p = unsafe { libc::malloc(std::hint::black_box(32 + (i as usize & 63))) };
            unsafe { libc::free(std::hint::black_box(p)) };
        }
        eprintln!("malloc+free: {:.1} ns", t.elapsed().as_nanos() as f64 / n as f64);
    }
}
