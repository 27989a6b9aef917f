//! synchapi.h: the user-mode locks, in the program's own memory - critical sections, SRW
//! locks, condition variables, WaitOnAddress and one-time initialisation. Each is a few
//! atomic operations over the structure, sleeping on a futex when contended
//! (`syscall_shims::sync`); no kernel object is involved, so uncontended use costs a few
//! nanoseconds, as on Windows.

use dllcore::{export, teb};
use syscall_shims::sync::{self, address, condvar, condvar::CondVar, once, srw, srw::Srw};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NOACCESS, ERROR_TIMEOUT, FALSE, TRUE};
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;
use windows_sys::core::BOOL;

/// A Win32 BOOLEAN (one byte).
pub type BOOLEAN = u8;

// ---------------------------------------------------------------------------------------------
// Critical sections.

/// InitializeCriticalSection: make the section free and ready. Fields keep their NT meaning
/// (LockCount -1 when free, RecursionCount, OwningThread = owner's thread id).
/// LockSemaphore holds our futex word rather than a handle; DebugInfo is -1 (none).
#[export]
pub unsafe extern "win64" fn InitializeCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes the section to initialise.
    unsafe { sync::cs_init(cs, 0) }
}

/// InitializeCriticalSectionAndSpinCount: as InitializeCriticalSection, spinning up to
/// `spin_count` times before blocking (on multiprocessors). Always TRUE since Vista.
#[export]
pub unsafe extern "win64" fn InitializeCriticalSectionAndSpinCount(cs: *mut CRITICAL_SECTION, spin_count: u32) -> BOOL {
    // SAFETY: the program passes the section to initialise.
    unsafe { sync::cs_init(cs, spin_count) };
    TRUE
}

/// InitializeCriticalSectionEx: as InitializeCriticalSectionAndSpinCount; the flags
/// (CRITICAL_SECTION_NO_DEBUG_INFO and the like) only concern debug information, which is
/// never kept (DebugInfo is -1, as with CRITICAL_SECTION_NO_DEBUG_INFO).
#[export]
pub unsafe extern "win64" fn InitializeCriticalSectionEx(
    cs: *mut CRITICAL_SECTION,
    spin_count: u32,
    _flags: u32,
) -> BOOL {
    // SAFETY: the program passes the section to initialise.
    unsafe { sync::cs_init(cs, spin_count) };
    TRUE
}

/// EnterCriticalSection: wait for ownership; the owner may enter again (recursively).
#[export]
pub unsafe extern "win64" fn EnterCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes an initialised section.
    unsafe { sync::cs::enter(cs) }
}

/// TryEnterCriticalSection: take ownership if nobody else holds the section; TRUE if the caller
/// now owns it.
#[export]
pub unsafe extern "win64" fn TryEnterCriticalSection(cs: *mut CRITICAL_SECTION) -> BOOL {
    // SAFETY: the program passes an initialised section.
    unsafe { sync::cs::try_enter(cs) as BOOL }
}

/// LeaveCriticalSection: give up one level of ownership; the last one wakes a waiter.
#[export]
pub unsafe extern "win64" fn LeaveCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes a section it owns.
    unsafe { sync::cs::leave(cs) }
}

/// DeleteCriticalSection: release the section's resources (it must not be owned).
#[export]
pub unsafe extern "win64" fn DeleteCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes a section nobody uses any more.
    unsafe { sync::cs_delete(cs) }
}

/// SetCriticalSectionSpinCount: set the spins before a contended Enter sleeps (ignored on a
/// uniprocessor, as on Windows); returns the previous count.
#[export]
pub unsafe extern "win64" fn SetCriticalSectionSpinCount(cs: *mut CRITICAL_SECTION, spin_count: u32) -> u32 {
    // SAFETY: the program passes an initialised section.
    unsafe { sync::cs::cs_set_spin_count(cs, spin_count) }
}

// ---------------------------------------------------------------------------------------------
// SRW locks. SRWLOCK is one pointer-sized word, 0 when free (SRWLOCK_INIT).

/// InitializeSRWLock: a free lock (the same as SRWLOCK_INIT).
#[export]
pub unsafe extern "win64" fn InitializeSRWLock(lock: *mut usize) {
    // SAFETY: the program passes an SRWLOCK.
    unsafe { lock.write(0) }
}

/// AcquireSRWLockExclusive: take the lock for the calling thread alone, waiting for every
/// owner to release it. Not recursive.
#[export]
pub unsafe extern "win64" fn AcquireSRWLockExclusive(lock: *mut usize) {
    // SAFETY: the program passes an SRWLOCK.
    unsafe { srw::acquire_exclusive(lock) }
}

/// ReleaseSRWLockExclusive: release an exclusive hold, waking a waiting exclusive acquirer
/// or else the shared ones.
#[export]
pub unsafe extern "win64" fn ReleaseSRWLockExclusive(lock: *mut usize) {
    // SAFETY: the program passes an SRWLOCK it holds.
    unsafe { srw::release_exclusive(lock) }
}

/// AcquireSRWLockShared: take the lock shared with other shared owners, waiting while it is
/// held exclusively or an exclusive acquirer waits.
#[export]
pub unsafe extern "win64" fn AcquireSRWLockShared(lock: *mut usize) {
    // SAFETY: the program passes an SRWLOCK.
    unsafe { srw::acquire_shared(lock) }
}

/// ReleaseSRWLockShared: release a shared hold.
#[export]
pub unsafe extern "win64" fn ReleaseSRWLockShared(lock: *mut usize) {
    // SAFETY: the program passes an SRWLOCK it holds.
    unsafe { srw::release_shared(lock) }
}

/// TryAcquireSRWLockExclusive: take the lock exclusively if nobody holds it (TRUE), without
/// waiting.
#[export]
pub unsafe extern "win64" fn TryAcquireSRWLockExclusive(lock: *mut usize) -> BOOLEAN {
    // SAFETY: the program passes an SRWLOCK.
    unsafe { srw::try_acquire_exclusive(lock) as BOOLEAN }
}

/// TryAcquireSRWLockShared: take the lock shared if it is free or shared with nobody waiting
/// (TRUE), without waiting.
#[export]
pub unsafe extern "win64" fn TryAcquireSRWLockShared(lock: *mut usize) -> BOOLEAN {
    // SAFETY: the program passes an SRWLOCK.
    unsafe { srw::try_acquire_shared(lock) as BOOLEAN }
}

// ---------------------------------------------------------------------------------------------
// Condition variables. CONDITION_VARIABLE is one pointer-sized word (CONDITION_VARIABLE_INIT).

/// CONDITION_VARIABLE_LOCKMODE_SHARED.
const LOCKMODE_SHARED: u32 = 1;

/// InitializeConditionVariable: the same as CONDITION_VARIABLE_INIT.
#[export]
pub unsafe extern "win64" fn InitializeConditionVariable(cv: *mut usize) {
    // SAFETY: the program passes a CONDITION_VARIABLE.
    unsafe { cv.write(0) }
}

/// The end of a SleepConditionVariable*: FALSE with ERROR_TIMEOUT when it timed out.
fn slept(woken: bool) -> BOOL {
    if woken { TRUE } else { teb::fail(ERROR_TIMEOUT, FALSE) }
}

/// SleepConditionVariableCS: leave the critical section (entered once by the caller), sleep
/// until woken or `ms` pass (FALSE, ERROR_TIMEOUT), enter it again. Wake-ups may be
/// spurious, as on Windows: callers re-check their condition.
#[export]
pub unsafe extern "win64" fn SleepConditionVariableCS(cv: *mut usize, cs: *mut CRITICAL_SECTION, ms: u32) -> BOOL {
    // SAFETY: the program passes a condition variable and a section it holds.
    let woken = unsafe { CondVar::new(cv) }.wait(
        sync::deadline_ms(ms),
        || unsafe { sync::cs_leave(cs) },
        || unsafe { sync::cs_enter(cs) },
    );
    slept(woken)
}

/// SleepConditionVariableSRW: as SleepConditionVariableCS over an SRW lock held exclusively,
/// or shared with CONDITION_VARIABLE_LOCKMODE_SHARED in `flags`.
#[export]
pub unsafe extern "win64" fn SleepConditionVariableSRW(cv: *mut usize, lock: *mut usize, ms: u32, flags: u32) -> BOOL {
    if flags & !LOCKMODE_SHARED != 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes a condition variable and a lock it holds.
    let (c, l) = unsafe { (CondVar::new(cv), Srw::new(lock)) };
    let woken = if flags & LOCKMODE_SHARED != 0 {
        c.wait(sync::deadline_ms(ms), || l.unlock_shared(), || l.lock_shared())
    } else {
        c.wait(sync::deadline_ms(ms), || l.unlock_exclusive(), || l.lock_exclusive())
    };
    slept(woken)
}

/// WakeConditionVariable: wake one sleeping thread.
#[export]
pub unsafe extern "win64" fn WakeConditionVariable(cv: *mut usize) {
    // SAFETY: the program passes a condition variable.
    unsafe { condvar::wake(cv, false) }
}

/// WakeAllConditionVariable: wake every sleeping thread.
#[export]
pub unsafe extern "win64" fn WakeAllConditionVariable(cv: *mut usize) {
    // SAFETY: the program passes a condition variable.
    unsafe { condvar::wake(cv, true) }
}

// ---------------------------------------------------------------------------------------------
// WaitOnAddress.

/// WaitOnAddress: sleep while the `size`-byte value (1, 2, 4 or 8) at `addr` equals the one at
/// `compare`, until WakeByAddress* on `addr` or `ms` pass (FALSE, ERROR_TIMEOUT). TRUE at once
/// when the values differ. Spurious wake-ups are possible, as on Windows.
/// Another size: ERROR_INVALID_PARAMETER.
#[export]
pub unsafe extern "win64" fn WaitOnAddress(addr: usize, compare: usize, size: usize, ms: u32) -> BOOL {
    if !address::valid_size(size) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    if addr == 0 || compare == 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes `size` readable bytes at both addresses.
    let undesired = unsafe { address::read_comparand(compare, size) };
    // SAFETY: as above; the value stays readable during the wait.
    if unsafe { address::wait(addr, undesired, size, sync::deadline_ms(ms)) } {
        TRUE
    } else {
        teb::fail(ERROR_TIMEOUT, FALSE)
    }
}

/// WakeByAddressSingle: wake one thread waiting on `addr` (others waiting on addresses that
/// share its futex bucket may wake too and re-check).
#[export]
pub extern "win64" fn WakeByAddressSingle(addr: usize) {
    address::wake(addr, false)
}

/// WakeByAddressAll: wake every thread waiting on `addr`.
#[export]
pub extern "win64" fn WakeByAddressAll(addr: usize) {
    address::wake(addr, true)
}

// ---------------------------------------------------------------------------------------------
// One-time initialisation. INIT_ONCE is one pointer-sized word (INIT_ONCE_STATIC_INIT).

/// InitOnceInitialize: the same as INIT_ONCE_STATIC_INIT.
#[export]
pub unsafe extern "win64" fn InitOnceInitialize(once: *mut usize) {
    // SAFETY: the program passes an INIT_ONCE.
    unsafe { once.write(0) }
}

/// InitOnceBeginInitialize: start a one-time initialisation. `*pending` TRUE: the caller
/// initialises and then calls InitOnceComplete (with INIT_ONCE_ASYNC, several callers may, and
/// the first to complete wins); FALSE: it is done and `*context` is its context. A synchronous
/// caller waits while another initialises. INIT_ONCE_CHECK_ONLY fails (ERROR_GEN_FAILURE)
/// unless done; mixing synchronous and asynchronous use is ERROR_INVALID_PARAMETER.
#[export]
pub unsafe extern "win64" fn InitOnceBeginInitialize(
    once: *mut usize,
    flags: u32,
    pending: *mut BOOL,
    context: *mut usize,
) -> BOOL {
    // SAFETY: the program passes an INIT_ONCE.
    match unsafe { once::begin(once, flags) } {
        Ok(r) => {
            // SAFETY: the program passes a BOOL (and NULL or a PVOID) to fill.
            unsafe {
                *pending = matches!(r, once::Begin::Pending) as BOOL;
                if let (once::Begin::Done(ctx), false) = (r, context.is_null()) {
                    *context = ctx;
                }
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// InitOnceComplete: end the initialisation the caller began: done with `context` (whose two
/// low bits must be clear), or with INIT_ONCE_INIT_FAILED, not done (the next caller tries
/// again; the context must be NULL). Errors: ERROR_INVALID_PARAMETER (flags, context),
/// ERROR_GEN_FAILURE (no initialisation running, or an asynchronous one already completed).
#[export]
pub unsafe extern "win64" fn InitOnceComplete(once: *mut usize, flags: u32, context: usize) -> BOOL {
    if flags & once::INIT_FAILED != 0 && context != 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes an INIT_ONCE.
    match unsafe { once::complete(once, flags, context) } {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// InitOnceExecuteOnce: run `func(once, param, &context)` once (other callers wait for it);
/// later calls return its context. TRUE once initialised; a failing `func` (FALSE) leaves it
/// to the next caller, and this returns FALSE.
#[export]
pub unsafe extern "win64" fn InitOnceExecuteOnce(
    once: *mut usize,
    func: usize,
    param: usize,
    context: *mut usize,
) -> BOOL {
    // SAFETY: the program's PINIT_ONCE_FN.
    let f: extern "win64" fn(*mut usize, usize, *mut usize) -> BOOL = unsafe { std::mem::transmute(func) };
    // SAFETY: the program passes an INIT_ONCE.
    let r = unsafe {
        once::execute(once, || {
            let mut ctx = 0usize;
            (f(once, param, &mut ctx) != 0).then_some(ctx)
        })
    };
    match r {
        Some(ctx) => {
            if !context.is_null() {
                // SAFETY: the program passes a PVOID to fill.
                unsafe { *context = ctx };
            }
            TRUE
        }
        None => FALSE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use std::sync::Arc;
    use windows_sys::Win32::Foundation::ERROR_GEN_FAILURE;

    struct Shared(std::cell::UnsafeCell<CRITICAL_SECTION>, std::cell::UnsafeCell<u64>);
    // SAFETY: the counter is guarded by the critical section under test.
    unsafe impl Sync for Shared {}
    unsafe impl Send for Shared {}

    #[test]
    fn critical_section_on_several_threads() {
        dllcore::teb::attach_current_thread();
        let s = Arc::new(Shared(Default::default(), Default::default()));
        unsafe { InitializeCriticalSectionAndSpinCount(s.0.get(), 0x8000_0fa0) };
        let spin = unsafe { (*s.0.get()).SpinCount };
        assert!(spin == 4000 || spin == 0, "the flag bit is dropped");
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    dllcore::teb::attach_current_thread();
                    for _ in 0..10_000 {
                        unsafe {
                            EnterCriticalSection(s.0.get());
                            assert_eq!(TryEnterCriticalSection(s.0.get()), TRUE);
                            *s.1.get() += 1;
                            LeaveCriticalSection(s.0.get());
                            LeaveCriticalSection(s.0.get());
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(unsafe { *s.1.get() }, 40_000);
        let c = unsafe { &*s.0.get() };
        assert_eq!((c.LockCount, c.RecursionCount, c.OwningThread as usize), (-1, 0, 0));
        assert_eq!(unsafe { SetCriticalSectionSpinCount(s.0.get(), 77) }, spin as u32);
        unsafe { DeleteCriticalSection(s.0.get()) };
    }

    #[test]
    fn uncontended_enter_leave_is_fast() {
        let mut cs = CRITICAL_SECTION::default();
        unsafe { InitializeCriticalSection(&mut cs) };
        let n = 1_000_000;
        let t = std::time::Instant::now();
        for _ in 0..n {
            unsafe {
                sync::cs_enter(&mut cs);
                sync::cs_leave(&mut cs);
            }
        }
        let per = t.elapsed().as_nanos() as f64 / n as f64;
        // Generous bound (debug build, shared machine): a lock would be far above it.
        assert!(per < 200.0, "{per} ns per enter/leave");
    }

    #[test]
    fn srw_and_condition_variables() {
        dllcore::teb::attach_current_thread();
        let mut lock = 0usize;
        let mut cv = 0usize;
        unsafe {
            InitializeSRWLock(&mut lock);
            AcquireSRWLockShared(&mut lock);
            assert_eq!(TryAcquireSRWLockShared(&mut lock), 1);
            assert_eq!(TryAcquireSRWLockExclusive(&mut lock), 0);
            ReleaseSRWLockShared(&mut lock);
            ReleaseSRWLockShared(&mut lock);
            assert_eq!(TryAcquireSRWLockExclusive(&mut lock), 1);
            let t = std::time::Instant::now();
            assert_eq!(SleepConditionVariableSRW(&mut cv, &mut lock, 20, 0), FALSE);
            assert_eq!(GetLastError(), ERROR_TIMEOUT);
            assert!(t.elapsed() >= std::time::Duration::from_millis(20));
            assert_eq!(TryAcquireSRWLockExclusive(&mut lock), 0, "held again after the sleep");
            ReleaseSRWLockExclusive(&mut lock);
            AcquireSRWLockShared(&mut lock);
            assert_eq!(SleepConditionVariableSRW(&mut cv, &mut lock, 0, LOCKMODE_SHARED), FALSE);
            ReleaseSRWLockShared(&mut lock);
            assert_eq!(SleepConditionVariableSRW(&mut cv, &mut lock, 0, 2), FALSE);
            assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
            WakeAllConditionVariable(&mut cv);
            let mut cs = CRITICAL_SECTION::default();
            InitializeCriticalSection(&mut cs);
            EnterCriticalSection(&mut cs);
            assert_eq!(SleepConditionVariableCS(&mut cv, &mut cs, 1), FALSE);
            assert_eq!(cs.RecursionCount, 1);
            LeaveCriticalSection(&mut cs);
        }
        assert_eq!(lock, 0);
    }

    #[test]
    fn wait_on_address() {
        dllcore::teb::attach_current_thread();
        let v = Box::leak(Box::new(5u32)) as *mut u32 as usize;
        let five = 5u32;
        let six = 6u32;
        unsafe {
            assert_eq!(WaitOnAddress(v, &six as *const u32 as usize, 4, 1000), TRUE, "differs");
            assert_eq!(WaitOnAddress(v, &five as *const u32 as usize, 4, 10), FALSE);
            assert_eq!(GetLastError(), ERROR_TIMEOUT);
            assert_eq!(WaitOnAddress(v, &five as *const u32 as usize, 3, 10), FALSE);
            assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        }
        let t = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            unsafe { *(v as *mut u32) = 7 };
            WakeByAddressSingle(v);
        });
        while unsafe { (v as *const u32).read_volatile() } == 5 {
            unsafe { WaitOnAddress(v, &five as *const u32 as usize, 4, 5000) };
        }
        t.join().unwrap();
    }

    extern "win64" fn init_fn(once: *mut usize, param: usize, ctx: *mut usize) -> BOOL {
        let _ = once;
        unsafe { *ctx = param };
        (param != 0) as BOOL
    }

    #[test]
    fn init_once() {
        dllcore::teb::attach_current_thread();
        let mut once = 0usize;
        let mut ctx = 0usize;
        let mut pending = 0;
        let f = init_fn as *const () as usize;
        unsafe {
            InitOnceInitialize(&mut once);
            assert_eq!(InitOnceBeginInitialize(&mut once, 1, &mut pending, &mut ctx), FALSE);
            assert_eq!(GetLastError(), ERROR_GEN_FAILURE);
            assert_eq!(InitOnceExecuteOnce(&mut once, f, 0, &mut ctx), FALSE, "failed: not done");
            assert_eq!(InitOnceExecuteOnce(&mut once, f, 0x40, &mut ctx), TRUE);
            assert_eq!((ctx, once), (0x40, 0x42));
            assert_eq!(InitOnceExecuteOnce(&mut once, f, 0x80, &mut ctx), TRUE);
            assert_eq!(ctx, 0x40, "ran once");
            let mut o2 = 0usize;
            assert_eq!(InitOnceBeginInitialize(&mut o2, 0, &mut pending, &mut ctx), TRUE);
            assert_eq!(pending, TRUE);
            assert_eq!(InitOnceComplete(&mut o2, once::INIT_FAILED, 4), FALSE);
            assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
            assert_eq!(InitOnceComplete(&mut o2, once::ASYNC, 0x10), TRUE, "as Wine: the mode is not checked");
            assert_eq!(InitOnceBeginInitialize(&mut o2, 0, &mut pending, &mut ctx), TRUE);
            assert_eq!((pending, ctx), (FALSE, 0x10));
        }
    }
}
