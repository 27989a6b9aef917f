//! Threads and synchronisation on the host: thread ids, futexes, sleeping, and the Windows
//! CRITICAL_SECTION (kept here so every DLL, kernel32 and msvcrt alike, locks the same way).

use std::cell::Cell;
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicUsize, Ordering};
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;

thread_local! {
    static TID: Cell<u32> = const { Cell::new(0) };
}

/// The calling thread's id (the host tid, which is also what the TEB's ClientId holds).
/// Cached per thread: one TLS read after the first call.
#[inline]
pub fn current_tid() -> u32 {
    TID.with(|t| {
        let v = t.get();
        if v != 0 {
            return v;
        }
        // SAFETY: gettid has no preconditions.
        let v = unsafe { libc::gettid() } as u32;
        t.set(v);
        v
    })
}

/// The process id.
pub fn current_pid() -> u32 {
    // SAFETY: getpid has no preconditions.
    unsafe { libc::getpid() as u32 }
}

/// Block while `*word == expected` (or until woken, or `timeout_ns` elapses). Spurious
/// returns are possible: callers loop.
pub fn futex_wait(word: &AtomicU32, expected: u32, timeout_ns: Option<u64>) {
    let ts = timeout_ns.map(|ns| libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as libc::c_long,
    });
    let tsp = ts.as_ref().map_or(std::ptr::null(), |t| t as *const libc::timespec);
    // SAFETY: `word` is a valid aligned u32 for the duration of the call.
    unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG, expected, tsp);
    }
}

/// Wake up to `n` threads blocked in [`futex_wait`] on `word`.
pub fn futex_wake(word: &AtomicU32, n: i32) {
    // SAFETY: `word` is a valid aligned u32.
    unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG, n);
    }
}

/// Sleep for `ms` milliseconds (`u32::MAX` = forever); 0 yields the rest of the time slice.
pub fn sleep_ms(ms: u32) {
    if ms == 0 {
        // SAFETY: no preconditions.
        unsafe { libc::sched_yield() };
        return;
    }
    if ms == u32::MAX {
        loop {
            // SAFETY: no preconditions; returns only on a signal.
            unsafe { libc::pause() };
        }
    }
    let mut req =
        libc::timespec { tv_sec: (ms / 1000) as libc::time_t, tv_nsec: ((ms % 1000) * 1_000_000) as libc::c_long };
    loop {
        let mut rem = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: valid timespec pointers.
        let r = unsafe { libc::nanosleep(&req, &mut rem) };
        if r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return;
        }
        req = rem;
    }
}

/// Number of processors online (read once: sysconf reads a /sys file each time).
pub fn processor_count() -> u32 {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let n = COUNT.load(Ordering::Relaxed);
    if n != 0 {
        return n;
    }
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) }.clamp(1, 1024) as u32;
    COUNT.store(n, Ordering::Relaxed);
    n
}

// ---------------------------------------------------------------------------------------------
// CRITICAL_SECTION
//
// The fields keep their NT meaning: LockCount is -1 when free and counts the owner's entries
// plus the waiters above that (the pre-Vista encoding, as Wine keeps it), RecursionCount the
// owner's entries, OwningThread the owner's thread id. LockSemaphore's low 32 bits are the
// futex word through which a leaving owner hands the lock to one waiter (a count of pending
// wake-ups), as Wine does on Linux; it is not a handle. DebugInfo is -1 (no debug info, as
// Windows 8+ does by default). Uncontended Enter/Leave are one `lock xadd` each.

/// Views of the CRITICAL_SECTION fields as atomics.
struct Cs<'a> {
    lock_count: &'a AtomicI32,
    recursion: &'a AtomicI32,
    owner: &'a AtomicUsize,
    sem: &'a AtomicU32,
    spin: &'a AtomicUsize,
}

/// # Safety
/// `cs` must point at a valid, suitably aligned CRITICAL_SECTION that outlives `'a`.
unsafe fn cs<'a>(cs: *mut CRITICAL_SECTION) -> Cs<'a> {
    // SAFETY: the fields are naturally aligned i32/usize in a repr(C) struct; atomics of the
    // same size share their layout.
    unsafe {
        Cs {
            lock_count: AtomicI32::from_ptr(std::ptr::addr_of_mut!((*cs).LockCount)),
            recursion: AtomicI32::from_ptr(std::ptr::addr_of_mut!((*cs).RecursionCount)),
            owner: AtomicUsize::from_ptr(std::ptr::addr_of_mut!((*cs).OwningThread) as *mut usize),
            sem: AtomicU32::from_ptr(std::ptr::addr_of_mut!((*cs).LockSemaphore) as *mut u32),
            spin: AtomicUsize::from_ptr(std::ptr::addr_of_mut!((*cs).SpinCount)),
        }
    }
}

/// Spin counts are kept only on multiprocessors, as Windows does.
const SPIN_COUNT_MASK: u32 = 0x00ff_ffff;

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

/// Take the hand-off token a leaving owner posted for us.
fn cs_wait(c: &Cs) {
    loop {
        let v = c.sem.load(Ordering::Acquire);
        if v > 0 {
            if c.sem.compare_exchange_weak(v, v - 1, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return;
            }
            continue;
        }
        futex_wait(c.sem, 0, None);
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
    if c.lock_count.compare_exchange(-1, 0, Ordering::Acquire, Ordering::Relaxed).is_ok() {
        c.owner.store(me, Ordering::Relaxed);
        c.recursion.store(1, Ordering::Relaxed);
        return;
    }
    cs_enter_slow(&c, me);
}

#[cold]
fn cs_enter_slow(c: &Cs, me: usize) {
    if c.owner.load(Ordering::Relaxed) == me {
        c.lock_count.fetch_add(1, Ordering::Relaxed);
        c.recursion.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let spin = c.spin.load(Ordering::Relaxed);
    for _ in 0..spin {
        if c.lock_count.load(Ordering::Relaxed) == -1
            && c.lock_count.compare_exchange(-1, 0, Ordering::Acquire, Ordering::Relaxed).is_ok()
        {
            c.owner.store(me, Ordering::Relaxed);
            c.recursion.store(1, Ordering::Relaxed);
            return;
        }
        std::hint::spin_loop();
    }
    if c.lock_count.fetch_add(1, Ordering::Acquire) != -1 {
        cs_wait(c);
    }
    c.owner.store(me, Ordering::Relaxed);
    c.recursion.store(1, Ordering::Relaxed);
}

/// TryEnterCriticalSection: take the lock if free or already ours.
///
/// # Safety
/// As [`cs_enter`].
pub unsafe fn cs_try_enter(p: *mut CRITICAL_SECTION) -> bool {
    // SAFETY: per the contract.
    let c = unsafe { cs(p) };
    let me = current_tid() as usize;
    if c.lock_count.compare_exchange(-1, 0, Ordering::Acquire, Ordering::Relaxed).is_ok() {
        c.owner.store(me, Ordering::Relaxed);
        c.recursion.store(1, Ordering::Relaxed);
        return true;
    }
    if c.owner.load(Ordering::Relaxed) == me {
        c.lock_count.fetch_add(1, Ordering::Relaxed);
        c.recursion.fetch_add(1, Ordering::Relaxed);
        return true;
    }
    false
}

/// LeaveCriticalSection: drop one level; the last one releases the lock, handing it to a waiter
/// if there is one. Leaving a section the caller does not own is undefined, as on Windows.
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
    if c.lock_count.fetch_sub(1, Ordering::Release) > 0 {
        // Waiters: hand the lock to one of them.
        c.sem.fetch_add(1, Ordering::Release);
        futex_wake(c.sem, 1);
    }
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

    #[test]
    fn tid_is_cached_and_distinct() {
        let a = current_tid();
        assert_eq!(a, current_tid());
        let b = std::thread::spawn(current_tid).join().unwrap();
        assert_ne!(a, b);
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
