//! Threads and synchronisation on the host: thread ids, futexes, sleeping, and the Windows
//! user-mode locks that live in the program's own memory (kept here so that every DLL,
//! kernel32 and msvcrt alike, locks the same way):
//!
//! - [`cs`] - CRITICAL_SECTION;
//! - [`srw`] - SRWLOCK (exclusive and shared);
//! - [`condvar`] - CONDITION_VARIABLE, over a critical section or an SRW lock;
//! - [`address`] - WaitOnAddress and WakeByAddress*;
//! - [`once`] - INIT_ONCE;
//! - [`slist`] - the interlocked singly linked list (SLIST_HEADER).
//!
//! All of them sleep on futexes over words of the structure itself (or, for WaitOnAddress, a
//! hashed table of words): nothing is allocated per lock, so a zeroed structure (the `*_INIT`
//! value) is ready to use, as on Windows. Their uncontended paths are one or two atomic
//! instructions.

pub mod address;
pub mod condvar;
pub mod cs;
pub mod once;
pub mod single;
pub mod slist;
pub mod srw;

pub use cs::{cs_delete, cs_enter, cs_enter_private, cs_init, cs_leave, cs_leave_private, cs_try_enter};
pub use single::{going_multi_threaded, single_threaded};

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

// The calling thread's id, cached in a thread-local defined in assembly and read with the
// initial-exec TLS model: Rust's `thread_local!` in a library crate compiles to a call to
// `__tls_get_addr` (relaxed by the linker only after code generation), and a call in an
// `extern "win64"` function makes it save XMM6-15 (see the note below); this is one load.
core::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".globl wine_rs_thread_id",
    ".hidden wine_rs_thread_id",
    ".type wine_rs_thread_id,@tls_object",
    ".size wine_rs_thread_id, 4",
    ".p2align 2",
    "wine_rs_thread_id:",
    ".zero 4",
    ".popsection",
);

/// The calling thread's id (the host tid, which is also what the TEB's ClientId holds).
/// Cached per thread: one TLS load after the first call.
#[inline(always)]
pub fn current_tid() -> u32 {
    let v: u32;
    // SAFETY: reads this thread's own cached id (the TLS block exists in every thread).
    unsafe {
        std::arch::asm!(
            "mov {t}, qword ptr [rip + wine_rs_thread_id@GOTTPOFF]",
            "mov {v:e}, dword ptr fs:[{t}]",
            t = out(reg) _,
            v = out(reg) v,
            options(nostack, readonly, preserves_flags),
        )
    };
    if v != 0 { v } else { first_tid() }
}

// A note on `extern "win64"` below: the functions the locks' fast paths may call are
// Microsoft-ABI functions, although only Rust calls them. An export (itself `extern "win64"`)
// that calls a Rust (System V) function must save XMM6-15, RSI and RDI around the call - in
// its prologue, on every call, even when the call is on a path rarely taken. Calling a win64
// function leaves that to the callee, so EnterCriticalSection and friends stay a few
// instructions long.

#[cold]
#[inline(never)]
extern "win64" fn first_tid() -> u32 {
    // SAFETY: gettid has no preconditions; the store writes this thread's own cache.
    unsafe {
        let v = libc::gettid() as u32;
        std::arch::asm!(
            "mov {t}, qword ptr [rip + wine_rs_thread_id@GOTTPOFF]",
            "mov dword ptr fs:[{t}], {v:e}",
            t = out(reg) _,
            v = in(reg) v,
            options(nostack, preserves_flags),
        );
        v
    }
}

/// The process id.
pub fn current_pid() -> u32 {
    // SAFETY: getpid has no preconditions.
    unsafe { libc::getpid() as u32 }
}

/// How a [`futex_wait`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FutexWait {
    /// Woken (or a spurious return: callers re-check their condition).
    Woken,
    /// The word did not hold the expected value.
    Changed,
    /// The timeout elapsed.
    TimedOut,
}

/// Block while `*word == expected` (or until woken, or `timeout_ns` elapses). Spurious
/// returns are possible: callers loop.
#[allow(improper_ctypes_definitions)]
pub extern "win64" fn futex_wait(word: &AtomicU32, expected: u32, timeout_ns: Option<u64>) -> FutexWait {
    let ts = timeout_ns.map(|ns| libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as libc::c_long,
    });
    let tsp = ts.as_ref().map_or(std::ptr::null(), |t| t as *const libc::timespec);
    // SAFETY: `word` is a valid aligned u32 for the duration of the call.
    let r = unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG, expected, tsp)
    };
    if r == 0 {
        return FutexWait::Woken;
    }
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::ETIMEDOUT) => FutexWait::TimedOut,
        Some(libc::EAGAIN) => FutexWait::Changed,
        _ => FutexWait::Woken,
    }
}

/// Wait on `word` while it holds `expected`, until `deadline` (None: forever). Returns false
/// once the deadline has passed (checked before and after sleeping).
pub fn futex_wait_until(word: &AtomicU32, expected: u32, deadline: Option<Instant>) -> bool {
    match deadline {
        None => {
            futex_wait(word, expected, None);
            true
        }
        Some(d) => match d.checked_duration_since(Instant::now()) {
            Some(left) if !left.is_zero() => {
                futex_wait(word, expected, Some(left.as_nanos().min(u64::MAX as u128) as u64)) != FutexWait::TimedOut
            }
            _ => false,
        },
    }
}

/// Wake up to `n` threads blocked in [`futex_wait`] on `word`; returns how many were woken.
pub extern "win64" fn futex_wake(word: &AtomicU32, n: i32) -> usize {
    // SAFETY: `word` is a valid aligned u32.
    let r = unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG, n) };
    r.max(0) as usize
}

/// As [`futex_wait`] with no timeout, as a waiter of the kinds in `bitset`: only wakes whose
/// bitset shares a bit with it ([`futex_wake_bitset`]) reach it.
pub extern "win64" fn futex_wait_bitset(word: &AtomicU32, expected: u32, bitset: u32) {
    // SAFETY: `word` is a valid aligned u32 for the duration of the call.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAIT_BITSET | libc::FUTEX_PRIVATE_FLAG,
            expected,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u32>(),
            bitset,
        );
    }
}

/// Wake up to `n` waiters of the kinds in `bitset`; returns how many were woken.
pub extern "win64" fn futex_wake_bitset(word: &AtomicU32, n: i32, bitset: u32) -> usize {
    // SAFETY: `word` is a valid aligned u32.
    let r = unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAKE_BITSET | libc::FUTEX_PRIVATE_FLAG,
            n,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u32>(),
            bitset,
        )
    };
    r.max(0) as usize
}

/// A Windows timeout in milliseconds (INFINITE = u32::MAX: none) as a deadline from now.
pub fn deadline_ms(ms: u32) -> Option<Instant> {
    (ms != u32::MAX).then(|| Instant::now() + Duration::from_millis(ms as u64))
}

/// Give up the rest of the time slice; true if the kernel could run another thread (as far as
/// we can tell: sched_yield does not say, so this is true unless the call failed).
pub fn yield_now() -> bool {
    // SAFETY: no preconditions.
    unsafe { libc::sched_yield() == 0 }
}

/// Sleep for `ms` milliseconds (`u32::MAX` = forever); 0 yields the rest of the time slice.
/// Not alertable: see `waitable::sleep_alertable` for SleepEx.
pub fn sleep_ms(ms: u32) {
    if ms == 0 {
        yield_now();
        return;
    }
    let _safe = crate::suspend::SafeRegion::enter();
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

/// Spin briefly (`spin_loop` hints) while `cond` holds, at most `limit` times; returns the
/// number of iterations left (0: gave up). Only worth it on multiprocessors.
#[inline]
pub(crate) fn spin_while(limit: u32, mut cond: impl FnMut() -> bool) -> u32 {
    if processor_count() == 1 {
        return 0;
    }
    let mut left = limit;
    while left > 0 && cond() {
        std::hint::spin_loop();
        left -= 1;
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tid_is_cached_and_distinct() {
        let a = current_tid();
        assert_eq!(a, current_tid());
        let b = std::thread::spawn(current_tid).join().unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn futex_results() {
        let w = AtomicU32::new(5);
        assert_eq!(futex_wait(&w, 4, Some(1_000_000)), FutexWait::Changed);
        assert_eq!(futex_wait(&w, 5, Some(1_000_000)), FutexWait::TimedOut);
        assert!(!futex_wait_until(&w, 5, Some(Instant::now())));
        assert_eq!(futex_wake(&w, 1), 0);
    }
}
